# SPDX-License-Identifier: MPL-2.0
"""Thin views, one module per area: find out who is asking, go through ``smaajob.access``,
call a service or selector, render. Errors from ``smaajob.errors`` become a Danish page with
the right status (``smaajob.web.errors.renders_errors``) or a message next to the field."""
