# SPDX-License-Identifier: MPL-2.0
"""``{% if_may "url-name" %}…{% else %}…{% endif_may %}``: show a link or button only to a
user whose role may follow it (the role gate, ``smaajob.access.pages``).

    {% load page_access %}
    {% if_may "web:match_opening" %}<a href="{% url 'web:match_opening' o.pk %}">Find borgere</a>{% endif_may %}

The user is the template's ``user`` (Django's auth context processor).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token

from smaajob.access import pages

register = template.Library()


class IfMayNode(template.Node):
    def __init__(self, url_name: FilterExpression, if_true: NodeList, if_false: NodeList) -> None:
        self.url_name = url_name
        self.if_true = if_true
        self.if_false = if_false

    def render(self, context: Any) -> str:
        user = context.get("user")
        if user is None and context.get("request") is not None:
            user = context["request"].user
        allowed = pages.may_use(user, str(self.url_name.resolve(context)))
        return (self.if_true if allowed else self.if_false).render(context)


@register.tag("if_may")
def if_may(parser: Parser, token: Token) -> IfMayNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('Brug: {% if_may "app:side" %}…{% endif_may %}')
    url_name = parser.compile_filter(bits[1])
    if_true = parser.parse(("else", "endif_may"))
    if_false = NodeList()
    if parser.next_token().contents == "else":
        if_false = parser.parse(("endif_may",))
        parser.delete_first_token()
    return IfMayNode(url_name, if_true, if_false)
