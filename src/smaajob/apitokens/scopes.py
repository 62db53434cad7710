# SPDX-License-Identifier: MPL-2.0
"""Scopes: ``<area>:read`` or ``<area>:write`` per API area.

An area is the first path segment under ``/api/v1/`` (``borgere``, ``forloeb``, ``loensedler``
…, one per router). ``read`` allows GET and HEAD; ``write`` allows POST, PUT, PATCH and DELETE
and does not include ``read``: a payroll system that only posts payslips is given only that.
The scope narrows the role, never widens it: the role gate and the access predicates still decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from smaajob.errors import InvalidInput

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_SCOPE = re.compile(r"^(?P<area>[a-z0-9][a-z0-9-]*):(?P<access>read|write)$")


def needed(method: str, path: str) -> str | None:
    """The scope a request needs (``"borgere:read"``), or None for a path outside an area."""
    rest = path.split("/api/v1/", 1)[-1].strip("/")
    area = rest.split("/", 1)[0]
    if not area:
        return None
    return f"{area}:{'read' if method.upper() in READ_METHODS else 'write'}"


def clean(scopes: Iterable[str], *, areas: Iterable[str]) -> list[str]:
    """The scopes, checked against the API's areas, without duplicates, sorted."""
    known = set(areas)
    result: set[str] = set()
    for raw in scopes:
        scope = raw.strip()
        match = _SCOPE.match(scope)
        if match is None:
            raise InvalidInput(
                f"Adgangen »{scope}« er ugyldig; skriv område:read eller område:write, fx borgere:read.",
                field="scopes",
            )
        if known and match["area"] not in known:
            raise InvalidInput(
                f"API'et har intet område »{match['area']}«; mulige områder: {', '.join(sorted(known))}.",
                field="scopes",
            )
        result.add(scope)
    if not result:
        raise InvalidInput("Giv nøglen mindst én adgang, fx borgere:read.", field="scopes")
    return sorted(result)
