# SPDX-License-Identifier: MPL-2.0
"""Remembered addresses are exactly Django's, also under another script prefix."""

from __future__ import annotations

from django.template import Context, Template
from django.urls import clear_script_prefix, reverse, set_script_prefix

from smaajob.links import cached_reverse, url_for


def test_remembered_addresses_equal_reverse_and_follow_the_script_prefix():
    for name, pk in [("web:citizen", 7), ("web:company", 12), ("web:placement", 3), ("money:submit_for", 7)]:
        assert cached_reverse(name, pk) == reverse(name, args=[pk]) == url_for(name)(pk)
    try:
        set_script_prefix("/kommune/")
        assert cached_reverse("web:citizen", 7) == reverse("web:citizen", args=[7]) == "/kommune/borgere/7/"
    finally:
        clear_script_prefix()
    assert cached_reverse("web:citizen", 7) == "/borgere/7/"


def test_the_link_tag_writes_what_the_url_tag_writes():
    template = Template("{% load web_extras %}{% link 'web:company' pk %}|{% url 'web:company' pk %}")
    a, b = template.render(Context({"pk": 41})).split("|")
    assert a == b == "/virksomheder/41/"
