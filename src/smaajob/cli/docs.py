# SPDX-License-Identifier: MPL-2.0
"""``smaajob docs``: documentation pages printed from the code, so that they cannot drift.

    smaajob docs roles > docs/roles.md   # the role × page table (smaajob.access.pages)
"""

from __future__ import annotations

import sys
from typing import Any


def _roles(_args: Any) -> int:
    from smaajob.web.roles_doc import render

    sys.stdout.write(render())
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("docs", help="skriv dokumentation ud fra koden",
                                   description="Dokumentationssider, der skrives ud fra koden.")
    pages = parser.add_subparsers(dest="docs_command", metavar="SIDE")
    roles = pages.add_parser("roles", help="roller × sider (docs/roles.md)")
    roles.set_defaults(handler=_roles)
