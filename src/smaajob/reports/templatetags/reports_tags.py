# SPDX-License-Identifier: MPL-2.0
"""Template helpers for report pages: links from a number to the records behind it."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from smaajob.danish_numbers import format_decimal, format_percent

register = template.Library()


@register.simple_tag
def drill(query: dict[str, str], key: str, group: str, base: bool = False) -> str:
    params = dict(query, maal=key, gruppe_noegle=group)
    if base:
        params["grundlag"] = "1"
    return f"{reverse('reports:drilldown')}?{urlencode(params)}"


@register.simple_tag
def report_url(name: str, query: dict[str, str]) -> str:
    return f"{reverse(name)}?{urlencode(query)}"


@register.filter
def step(row: object, key: str) -> object:
    return row.steps[key]  # type: ignore[attr-defined]


@register.filter
def target_for(built: object, args: str) -> object:
    step_key, group = args.split("|", 1)
    return built.targets.get((step_key, group))  # type: ignore[attr-defined]


@register.filter
def score(assessment: object, key: str) -> object:
    return getattr(assessment, key)


@register.filter
def pct(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


@register.filter
def kr(value: float | None) -> str:
    return "pris mangler" if value is None else f"{format_decimal(value, max_decimals=0)} kr."


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)
