# SPDX-License-Identifier: MPL-2.0
"""Explanations: every result carries the parameters, inputs and steps that produced it.

A ``Trace`` is filled while a rule computes and then frozen into the result. It renders as
Danish text for a citizen and a consultant (``render_text``) and as JSON (``to_dict``). Each
parameter used is shown with its value, the date that value took effect and its legal
reference, and values we hold as *unverified* are flagged, so nobody mistakes a guess for law.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from smaajob.danish_numbers import format_date, format_decimal
from smaajob.rules.parameters import ParameterSet, ParameterValue, Scalar, require_usable
from smaajob.rules.sources import public_reference

UNIT_WORDS = {
    "currency-DKK": "kr.",
    "currency-DKK-per-hour": "kr. pr. time",
    "hours": "timer",
    "hours-per-week": "timer pr. uge",
    "hours-per-month": "timer pr. måned",
    "months": "måneder",
    "weeks": "uger",
    "days": "dage",
    "years": "år",
    "ratio": "",
    "/1": "",
    "boolean": "",
}


def format_number(value: float, decimals: int = 2) -> str:
    """Danish number format (``12.345,50``; ``smaajob.danish_numbers``, ~2 µs a number)."""
    if math.isnan(value):
        return "ukendt"
    if decimals and abs(value - round(value)) < 1e-9:
        decimals = 0
    return format_decimal(value, min_decimals=decimals, max_decimals=decimals)


def format_kr(value: float) -> str:
    return f"{format_number(value)} kr."


def format_value(value: Scalar | None, unit: str) -> str:
    if value is None:
        return "ukendt"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if unit == "ratio":
        return f"{format_number(value * 100)} %"
    word = UNIT_WORDS.get(unit, "")
    return f"{format_number(value)} {word}".strip()


@dataclass(frozen=True, slots=True)
class UsedParameter:
    name: str
    label: str
    value: Scalar | None
    unit: str
    effective_from: dt.date
    reference: str
    status: str
    note: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "effective_from": self.effective_from.isoformat(),
            "reference": self.reference,
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class TraceInput:
    name: str
    label: str
    value: object

    def to_dict(self) -> dict[str, object]:
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        return {"name": self.name, "label": self.label, "value": value}


@dataclass(frozen=True, slots=True)
class TraceStep:
    text: str
    value: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "value": self.value}


@dataclass
class Trace:
    """Parameters, inputs, steps and notes behind one result, in the order they were used."""

    title: str
    parameters: list[UsedParameter] = field(default_factory=list)
    inputs: list[TraceInput] = field(default_factory=list)
    steps: list[TraceStep] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def use(self, params: ParameterSet, name: str, day: dt.date) -> Scalar:
        """Look a parameter up, record it, and return its value (raises if unknown)."""
        parameter = params[name]
        entry = parameter.entry_on(day)
        self.record(entry, parameter.label, parameter.unit)
        return require_usable(entry, day)

    def number(self, params: ParameterSet, name: str, day: dt.date) -> float:
        return float(self.use(params, name, day))

    def record(self, entry: ParameterValue, label: str, unit: str) -> None:
        if any(p.name == entry.parameter and p.effective_from == entry.effective_from
               for p in self.parameters):
            return
        self.parameters.append(
            # Shown to readers: published works by name, never the project's file numbers.
            UsedParameter(entry.parameter, label, entry.value, unit, entry.effective_from,
                          public_reference(entry.reference), entry.status,
                          None if entry.note is None else public_reference(entry.note))
        )

    def input(self, name: str, label: str, value: object) -> None:
        self.inputs.append(TraceInput(name, label, value))

    def step(self, text: str, value: float | None = None) -> None:
        self.steps.append(TraceStep(text.replace("kr..", "kr."), value))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    @property
    def unverified(self) -> list[UsedParameter]:
        return [p for p in self.parameters if p.status == "unverified"]

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "parameters": [p.to_dict() for p in self.parameters],
            "inputs": [i.to_dict() for i in self.inputs],
            "steps": [s.to_dict() for s in self.steps],
            "notes": list(self.notes),
        }

    def render_text(self) -> str:
        lines = [self.title, "=" * len(self.title), ""]
        if self.inputs:
            lines.append("Det har vi regnet med:")
            for item in self.inputs:
                lines.append(f"  • {item.label}: {_plain(item.value)}")
            lines.append("")
        if self.steps:
            lines.append("Sådan er det regnet ud:")
            for number, step in enumerate(self.steps, start=1):
                lines.append(f"  {number}. {step.text}")
            lines.append("")
        if self.parameters:
            lines.append("Regler og beløb, der er brugt:")
            for p in self.parameters:
                since = format_date(p.effective_from)
                flag = " (IKKE BEKRÆFTET)" if p.status == "unverified" else ""
                lines.append(
                    f"  • {p.label}: {format_value(p.value, p.unit)} fra {since}{flag}"
                )
                lines.append(f"    Kilde: {p.reference}")
                if p.note:
                    lines.append(f"    Bemærk: {p.note}")
            lines.append("")
        if self.notes:
            lines.append("Vær opmærksom på:")
            for note in self.notes:
                lines.append(f"  • {note}")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float | int):
        return format_number(float(value))
    if isinstance(value, dt.date):
        return format_date(value)
    if value is None:
        return "ikke oplyst"
    return str(value)
