# SPDX-License-Identifier: MPL-2.0
"""API tokens in the admin: an administrator creates a token for a named system of the own
municipality (the secret is shown once, on the page after "Gem"), sees the list, and revokes.

A token is never edited: a different role or scope is a new token (and the old one revoked),
so the log can always tell which access a call had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from smaajob.api.bearer import api_areas
from smaajob.apitokens.models import ApiToken
from smaajob.apitokens.services import TOKEN_ROLES, CreatedToken, create_token, expiry_in, revoke_token
from smaajob.errors import InvalidInput
from smaajob.organisation.models import Role
from smaajob.web.admin.base import MunicipalityAdmin

if TYPE_CHECKING:
    ModelForm = forms.ModelForm[ApiToken]  # generic for mypy only, as smaajob.web.admin.base.ModelAdmin
else:
    ModelForm = forms.ModelForm


def _scope_choices() -> list[tuple[str, str]]:
    return [
        (f"{area}:{access}", f"{area}: {label}")
        for area in api_areas()
        for access, label in (("read", "læse"), ("write", "skrive"))
    ]


class NewTokenForm(ModelForm):
    """The token is created while the form is checked, so the service's refusals (a name in
    use, an unknown scope) appear next to their field; the admin's transaction wraps both."""

    role = forms.ChoiceField(label="Rolle", choices=[(r.value, r.label) for r in Role if r.value in TOKEN_ROLES])
    scopes = forms.MultipleChoiceField(label="Adgange", choices=_scope_choices, widget=forms.CheckboxSelectMultiple)
    days = forms.IntegerField(label="Gyldig i dage", min_value=1, max_value=366, initial=90)

    class Meta:
        model = ApiToken
        fields = ["name", "description"]

    request: HttpRequest
    created: CreatedToken | None = None

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        user = self.request.user
        try:
            self.created = create_token(
                name=data["name"],
                role=data["role"],
                municipality=getattr(user, "municipality", None),
                scopes=data["scopes"],
                expires_at=expiry_in(data["days"]),
                created_by=user,  # type: ignore[arg-type]
                areas=api_areas(),
                description=data.get("description") or "",
            )
        except InvalidInput as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data

    def validate_unique(self) -> None:
        """The service checks the name (also against log-ins)."""


@admin.register(ApiToken)
class ApiTokenAdmin(MunicipalityAdmin):
    administrator_may = frozenset({"view", "add"})
    superuser_may_delete = False
    list_display = ("name", "state", "role", "scopes", "expires_at", "last_used_at", "revoked_at", "prefix")
    list_filter = ("role",)
    search_fields = ("name",)
    readonly_fields = (
        "name",
        "description",
        "role",
        "municipality",
        "scopes",
        "prefix",
        "created_at",
        "created_by",
        "expires_at",
        "revoked_at",
        "revoked_by",
        "last_used_at",
    )
    fields = readonly_fields
    actions = ["revoke"]

    @admin.display(description="tilstand")
    def state(self, token: ApiToken) -> str:
        return token.state

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is not None:
            return super().get_form(request, obj, change=change, **kwargs)
        form_class = NewTokenForm

        class RequestForm(form_class):  # type: ignore[valid-type,misc]
            def __init__(self, *args: Any, **form_kwargs: Any) -> None:
                super().__init__(*args, **form_kwargs)
                self.request = request

        return RequestForm

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ["name", "description", "role", "scopes", "days"] if obj is None else self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return () if obj is None else self.readonly_fields

    def save_form(self, request: HttpRequest, form: Any, change: bool) -> Any:
        return form.created.token

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        request._created_token = form.created  # type: ignore[attr-defined]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Nothing related: the service wrote the token and its account."""

    def response_add(self, request: HttpRequest, obj: Any, post_url_continue: Any = None) -> HttpResponse:
        created: CreatedToken = request._created_token  # type: ignore[attr-defined]
        context = {
            **self.admin_site.each_context(request),
            "token": created.token,
            "secret": created.secret,
            "title": "API-nøglen er oprettet",
        }
        return TemplateResponse(request, "admin/apitokens/created.html", context)

    @admin.action(description="Tilbagekald de valgte API-nøgler")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        names = []
        for token in queryset:
            revoke_token(token=token, revoked_by=request.user)  # type: ignore[arg-type]
            names.append(token.name)
        self.message_user(request, f"Tilbagekaldt: {', '.join(names)}.", messages.SUCCESS)
