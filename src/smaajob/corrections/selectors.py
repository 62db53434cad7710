# SPDX-License-Identifier: MPL-2.0
"""Reading the history of corrections and annulments, as sentences for the pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from smaajob.corrections.kinds import KINDS
from smaajob.corrections.models import Correction, CorrectionAction
from smaajob.danish_numbers import format_date


@dataclass(frozen=True)
class HistoryLine:
    correction: Correction
    what: str  # the record's kind in Danish
    text: str  # »Rettet 02.12.2026 af Lise Holm: løntimer 5 → 4 timer. Begrundelse: …«


def _sentence(row: Correction) -> str:
    when = f"{format_date(timezone.localtime(row.at))}"
    head = f"{row.get_action_display()} {when} af {row.actor_name}"
    if row.action == CorrectionAction.CORRECT:
        parts = [f"{c['label']} {c['old']} → {c['new']}{' ' + c['unit'] if c.get('unit') else ''}" for c in row.changes]
        head += ": " + "; ".join(parts)
    elif row.changes:
        head += " (" + "; ".join(c["new"] for c in row.changes) + ")"
    return f"{head}. Begrundelse: {row.reason}"


def _lines(rows: list[Correction]) -> list[HistoryLine]:
    return [
        HistoryLine(row, KINDS[row.record_kind].label if row.record_kind in KINDS else row.record_kind, _sentence(row))
        for row in rows
    ]


def history_of(kind: str, record_id: int) -> list[HistoryLine]:
    return _lines(list(Correction.objects.filter(record_kind=kind, record_id=record_id)))


def history_for_citizen(citizen_id: int) -> list[HistoryLine]:
    return _lines(list(Correction.objects.filter(citizen_id=citizen_id)))
