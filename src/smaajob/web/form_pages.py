# SPDX-License-Identifier: MPL-2.0
"""The one form-page pattern of the web pages: show a form; on POST validate it and call a
service; put a refusal next to the field it names; or say what was saved and go on.

* GET shows the form (200).
* A POST with invalid fields, or one the service refuses with a ``SmaajobError``, shows the form
  again with each message next to its field (``smaajob.web.errors.form_error``) and answers 400,
  the status the API gives the same problem (one error contract, ``smaajob.errors``).
* A POST that is saved adds the Danish success message (if any) and redirects (post/redirect/get).
* ``NotFound`` is not a form error: it reaches ``renders_errors``, the same 404 as everywhere.

Views stay thin: they check access, build the form and name the service call, the message and
where to go next; a page with several forms or HTMX partials keeps its own flow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from smaajob.errors import NotFound, SmaajobError
from smaajob.web.errors import form_error

# Where to go after saving: a URL, or a URL name with its arguments, e.g. ("web:citizen", 7).
Target = str | tuple[Any, ...]


def form_page[T](
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[dict[str, Any]], T],
    done: str | Callable[[T], str],
    then: Target | Callable[[T], Target],
    template: str = "web/form_page.html",
    context: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
) -> HttpResponse:
    """Run the form-page pattern for ``form``; ``save`` gets the cleaned data and calls the
    service (its result is handed to ``done`` and ``then`` when they are callables).

    ``context`` is added to the page's context (a callable is asked only when the page is shown,
    after a refused save, so it sees the record as it is then).
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except NotFound:
            raise  # a record that is missing or not the user's is the error page's 404, not a form error
        except SmaajobError as error:
            form_error(form, error)
        else:
            message = done(result) if callable(done) else done
            if message:
                messages.success(request, message)
            target = then(result) if callable(then) else then
            return redirect(*target) if isinstance(target, tuple) else redirect(target)
    status = 400 if request.method == "POST" and form.errors else 200
    extra = context() if callable(context) else (context or {})
    return render(request, template, {"form": form, **extra}, status=status)


def page_for(citizen: Any, title: str, submit: str, **extra: Any) -> dict[str, Any]:
    """The context of ``web/form_page.html`` for a form about one citizen."""
    return {"title": title, "submit": submit, "citizen": citizen, **extra}
