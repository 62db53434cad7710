# SPDX-License-Identifier: MPL-2.0
"""Web pages (Danish, server-rendered with HTMX). Citizens are addressed by internal id,
never by CPR number."""

from django.contrib.auth import views as auth_views
from django.urls import path

from smaajob.web import views
from smaajob.web.forms import LoginForm

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "log-ind/",
        auth_views.LoginView.as_view(
            template_name="web/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("borgere/<int:citizen_id>/", views.citizen_detail, name="citizen"),
    path("sundhed/", views.health, name="health"),
]
