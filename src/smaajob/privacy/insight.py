# SPDX-License-Identifier: MPL-2.0
"""Everything held about one citizen (GDPR art. 15, "indsigt"), as JSON and as a readable PDF.

The rows are found by walking the model relations, not by a hand-kept list: every model with a
foreign key to ``Citizen`` is included, then every model with a foreign key to one of those,
and so on (``plan``); models that refer to a citizen by a plain ``citizen_id`` column (the audit
log, handled alerts) are included too. A model can be left out only by naming it in
``EXCLUDED`` with the reason, and a test fails for any model with a citizen reference that is
neither walked nor excluded.

Foreign keys appear as ids only: a row about the citizen may name a company or a member of
staff, whose own data is not the citizen's to receive. Secrets are never exported (the lookup
hash of the CPR number, passwords, the audit chain's hashes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone

from smaajob.citizens.models import Citizen

FORMAT = "smaajob-indsigt-1"
MAX_DEPTH = 4

# model label -> why its rows are not in the export
EXCLUDED: dict[str, str] = {}

# Never exported, on any model.
SECRET_FIELDS = frozenset({"cpr_hash", "password", "prev_hash", "entry_hash"})


@dataclass(frozen=True)
class Source:
    """One model in the walk and the lookups (``path`` = citizen id) that reach the citizen."""

    model: type[models.Model]
    paths: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.model._meta.label


def _soft_reference(model: type[models.Model]) -> bool:
    try:
        f = model._meta.get_field("citizen_id")
    except Exception:
        return False
    return not f.is_relation and isinstance(f, models.IntegerField)


def plan() -> list[Source]:
    """Every model holding rows about a citizen, with the paths from it to the citizen."""
    paths: dict[type[models.Model], set[str]] = {Citizen: {"pk"}}
    frontier: dict[type[models.Model], set[str]] = {Citizen: {"pk"}}
    for _depth in range(MAX_DEPTH):
        found: dict[type[models.Model], set[str]] = {}
        for model in apps.get_models():
            if model._meta.label in EXCLUDED:
                continue
            for f in model._meta.get_fields():
                if not (f.is_relation and f.concrete and (f.many_to_one or f.one_to_one)):
                    continue
                target = f.related_model
                if target not in frontier or model is Citizen:
                    continue
                for parent_path in frontier[target]:
                    path = f.name if parent_path == "pk" else f"{f.name}__{parent_path}"
                    if path not in paths.get(model, set()):
                        found.setdefault(model, set()).add(path)
        if not found:
            break
        for model, new in found.items():
            paths.setdefault(model, set()).update(new)
        frontier = found
    for model in apps.get_models():
        if _soft_reference(model) and model._meta.label not in EXCLUDED:
            paths.setdefault(model, set()).add("citizen_id")
    ordered = sorted(paths, key=lambda m: (m is not Citizen, m._meta.label))
    return [Source(m, tuple(sorted(paths[m]))) for m in ordered]


def _value(f: models.Field[Any, Any], row: models.Model) -> Any:
    value = f.value_from_object(row)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(f, models.FileField):
        return value.name if value else ""
    if isinstance(value, (bytes, memoryview)):
        return None
    return value


@dataclass
class Section:
    label: str
    title: str
    fields: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Insight:
    citizen_id: int
    name: str
    made_at: datetime
    sections: list[Section]

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "borger_id": self.citizen_id,
            "udtrukket": self.made_at.isoformat(),
            "tabeller": {
                s.label: {"titel": s.title, "felter": dict(s.fields), "rækker": s.rows} for s in self.sections
            },
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2, default=str)


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]


def collect(citizen: Citizen) -> Insight:
    """Every row about ``citizen``. The caller has checked access and logged the read."""
    sections = []
    for source in plan():
        condition = Q()
        for path in source.paths:
            condition |= Q(**{path: citizen.pk})
        fields = _fields(source.model)
        rows = source.model._default_manager.filter(condition).order_by("pk")
        section = Section(
            label=source.label,
            title=str(source.model._meta.verbose_name_plural),
            fields=[(f.attname, str(f.verbose_name)) for f in fields],
            rows=[{f.attname: _value(f, row) for f in fields} for row in rows],
        )
        sections.append(section)
    return Insight(citizen_id=citizen.pk, name=citizen.full_name, made_at=timezone.now(), sections=sections)


def pdf_context(insight: Insight) -> dict[str, Any]:
    """The non-empty sections, each row as (label, value) pairs without the empty values."""
    sections = [
        {
            "title": s.title,
            "rows": [
                [(label, row[name]) for name, label in s.fields if row[name] not in (None, "", [], {})]
                for row in s.rows
            ],
        }
        for s in insight.sections
        if s.rows
    ]
    return {"insight": insight, "sections": sections}
