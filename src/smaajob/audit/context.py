# SPDX-License-Identifier: MPL-2.0
"""Through what, and by whom, the current operation runs: the audit log's channel and actor.

Each entry point states it once, for everything the operation does:

* the web middleware (``smaajob.web.operation.OperationMiddleware``): ``web`` and the
  logged-in user, for every request;
* the API's authentication (``smaajob.api.app``): ``api`` for requests it authenticates;
* the command line (``smaajob.cli.main``): ``cli``;
* the demo/import runner (``smaajob.demo.loader``): ``import``;
* anything else (a scheduled job, a shell) writes ``system``.

Services and the access layer do not name a channel; ``smaajob.audit.services.record`` reads
it from here. A caller may still name one explicitly (the Django admin writes ``admin``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from typing import Any

from smaajob.audit.models import AuditChannel


@dataclass(frozen=True)
class Operation:
    channel: str
    actor: Any = None


_NO_OPERATION = Operation(channel=AuditChannel.SYSTEM)
_current: ContextVar[Operation] = ContextVar("smaajob_operation", default=_NO_OPERATION)


def current() -> Operation:
    return _current.get()


def current_channel() -> str:
    return str(_current.get().channel)


def begin(channel: str, actor: Any = None) -> Token[Operation]:
    """Start an operation; pass the token to ``end``. Prefer ``operation`` where a block fits."""
    if channel not in AuditChannel.values:
        raise ValueError(f"unknown audit channel {channel!r}")
    return _current.set(Operation(channel=channel, actor=actor))


def end(token: Token[Operation]) -> None:
    _current.reset(token)


def switch(channel: str, actor: Any = None) -> None:
    """Change the channel of the operation already under way (the API inside a web request);
    the enclosing ``begin``/``end`` restores what was before."""
    begin(channel, actor)


@contextmanager
def operation(channel: str, actor: Any = None) -> Iterator[Operation]:
    token = begin(channel, actor)
    try:
        yield _current.get()
    finally:
        end(token)
