# SPDX-License-Identifier: MPL-2.0
"""What a browser sends when a person submits a form on a page: the load benchmark's form reader.

``page_form(html)`` finds the page's own POST form (not the log-out button in the header) and
returns the fields a browser would send as they stand: text inputs and hidden inputs with their
values, ticked boxes and radio buttons, each select's selected option (or its first), textareas;
disabled controls and submit buttons are left out, as a browser leaves them out. The benchmark
then changes what the person would type and posts it with the page's CSRF token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)  # select name → option values
    buttons: list[tuple[str, str]] = field(default_factory=list)  # submit buttons (name, value)


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._button: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = Form(a.get("action", ""))
                self.forms.append(self._form)
            return
        form = self._form
        if form is None or "disabled" in a:
            return
        name = a.get("name", "")
        kind = a.get("type", "text").lower()
        if tag == "input" and name:
            if kind in ("submit", "button", "image", "reset"):
                form.buttons.append((name, a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    form.fields[name] = a.get("value", "on")
            elif kind != "file":
                form.fields[name] = a.get("value", "")
        elif tag == "button" and kind == "submit":
            self._button = (name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            form.options[name] = []
        elif tag == "option" and self._select:
            value = a.get("value", "")
            form.options[self._select].append(value)
            if "selected" in a or self._select not in form.fields:  # a browser sends the first if none is
                form.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            form.fields[name] = ""

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "button" and self._button is not None:
            if self._form is not None and self._button[0]:
                self._form.buttons.append(self._button)
            self._button = None


def page_form(html: str, path: str) -> Form | None:
    """The POST form of the page at ``path`` that posts back to it (action empty or ``path``)."""
    reader = _FormReader()
    reader.feed(html)
    own = [f for f in reader.forms if f.action in ("", path) or f.action.startswith(path + "?")]
    return max(own, key=lambda f: len(f.fields), default=None)
