# SPDX-License-Identifier: MPL-2.0
"""Forms for the web pages, one module per area. Forms parse and check the shape of input;
the services decide what is allowed, and their errors are put next to the field
(``smaajob.web.errors.form_error``)."""

from smaajob.web.forms.login import LoginForm

__all__ = ["LoginForm"]
