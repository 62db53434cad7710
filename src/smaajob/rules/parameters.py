# SPDX-License-Identifier: MPL-2.0
"""Dated legal parameters: one YAML file per parameter, loaded, validated and looked up by date.

The format follows OpenFisca's parameter files, with one addition: every dated value carries a
``reference`` and a ``status``, because a jobcentre must be able to see where each krone comes
from and whether we know it at all::

    description: Nedsættelse af hjælpen efter 225-timersreglen, fuld sats
    label: nedsættelse ved fuld sats       # Danish words used in explanations
    unit: currency-DKK
    values:
      2016-04-01:
        value: 1016
        reference: LOV nr 296 af 22/03/2016; seed 000 L109
      2017-01-01:
        value: null
        status: unknown                    # we hold no source: calculations needing it fail
        reference: Ikke fundet i kilderne ...

Statuses: ``known`` (default), ``unverified`` (sourced but not confirmed; usable, flagged in
every explanation), ``unknown`` (value must be null; a lookup raises ``ValueNotKnown``) and
``not_in_force`` (the rule does not apply from this date; a lookup raises ``RuleNotInForce``).
A value applies from its date until the next one. The loader refuses a value without a
reference, dates out of order or repeated, unknown units and keys, and names file and key.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from smaajob.rules.errors import ParameterFileInvalid, RuleNotInForce, ValueNotKnown

UNITS = frozenset(
    {
        "currency-DKK",
        "currency-DKK-per-hour",
        "hours",
        "hours-per-week",
        "hours-per-month",
        "ratio",
        "months",
        "weeks",
        "days",
        "years",
        "/1",
        "boolean",
    }
)
STATUSES = frozenset({"known", "unverified", "unknown", "not_in_force"})
TOP_KEYS = frozenset({"description", "label", "unit", "values", "documentation"})
VALUE_KEYS = frozenset({"value", "reference", "status", "note"})

PARAMETER_DIRECTORY = Path(__file__).with_name("parameters")

Scalar = float | bool


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """One dated value of a parameter, with the source it was taken from."""

    parameter: str
    effective_from: dt.date
    value: Scalar | None
    reference: str
    status: str
    note: str | None = None

    @property
    def usable(self) -> bool:
        return self.status in ("known", "unverified")


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    description: str
    label: str
    unit: str
    values: tuple[ParameterValue, ...]
    file: str

    def entry_on(self, day: dt.date) -> ParameterValue:
        """The value in force on ``day``, whatever its status."""
        dates = [v.effective_from for v in self.values]
        position = bisect.bisect_right(dates, day) - 1
        if position < 0:
            first = self.values[0].effective_from.isoformat()
            raise ValueNotKnown(self.name, day, f"ingen værdi før {first} i {self.file}")
        return self.values[position]

    def value_on(self, day: dt.date) -> Scalar:
        """The usable value on ``day``; raises when the sources give none or the rule is gone."""
        entry = self.entry_on(day)
        return require_usable(entry, day)

    def entries_between(self, start: dt.date, end: dt.date) -> list[ParameterValue]:
        """Every value in force on some day of the inclusive period ``start..end``."""
        first = self.entry_on(start)
        later = [v for v in self.values if start < v.effective_from <= end]
        return [first, *later]


def require_usable(entry: ParameterValue, day: dt.date) -> Scalar:
    if entry.status == "not_in_force":
        raise RuleNotInForce(entry.parameter, day, entry.reference)
    if entry.value is None:
        raise ValueNotKnown(entry.parameter, day, entry.reference)
    return entry.value


class ParameterSet(Mapping[str, Parameter]):
    """All parameters by name. Immutable once loaded; safe to share between threads."""

    def __init__(self, parameters: Mapping[str, Parameter]):
        self._parameters = dict(parameters)

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise ValueNotKnown(name, dt.date.today(), "ingen parameterfil med dette navn") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)

    # Identity, not content: a set is loaded once and used as a cache key for month rules.
    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def entry(self, name: str, day: dt.date) -> ParameterValue:
        return self[name].entry_on(day)

    def value(self, name: str, day: dt.date) -> Scalar:
        return self[name].value_on(day)

    def number(self, name: str, day: dt.date) -> float:
        return float(self[name].value_on(day))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice (PyYAML would keep the last silently)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"nøglen {key} står to gange", key_node.start_mark
            )
        seen.add(key)
    return dict(loader.construct_pairs(node))


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _as_date(key: object, file: str) -> dt.date:
    if isinstance(key, dt.datetime):
        raise ParameterFileInvalid(file, f"values.{key}", "datoen må ikke have klokkeslæt")
    if isinstance(key, dt.date):
        return key
    if isinstance(key, str):
        try:
            return dt.date.fromisoformat(key)
        except ValueError:
            pass
    raise ParameterFileInvalid(file, f"values.{key}", "nøglen skal være en dato ÅÅÅÅ-MM-DD")


def _reference(raw: object, file: str, key: str) -> str:
    if isinstance(raw, str) and raw.strip():
        return " ".join(raw.split())
    if isinstance(raw, list) and raw and all(isinstance(r, str) and r.strip() for r in raw):
        return "; ".join(" ".join(r.split()) for r in raw)
    raise ParameterFileInvalid(file, f"{key}.reference", "hver værdi skal have en kildehenvisning")


def _check_value(raw: object, unit: str, status: str, file: str, key: str) -> Scalar | None:
    if status in ("unknown", "not_in_force"):
        if raw is not None:
            raise ParameterFileInvalid(
                file, f"{key}.value", f"status {status} kræver value: null"
            )
        return None
    if raw is None:
        raise ParameterFileInvalid(
            file, f"{key}.value", "null kræver status: unknown eller not_in_force"
        )
    if unit == "boolean":
        if not isinstance(raw, bool):
            raise ParameterFileInvalid(file, f"{key}.value", "enheden boolean kræver true/false")
        return raw
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ParameterFileInvalid(file, f"{key}.value", f"enheden {unit} kræver et tal")
    if raw < 0:
        raise ParameterFileInvalid(file, f"{key}.value", "værdien må ikke være negativ")
    return float(raw)


def parse_parameter(name: str, data: object, file: str) -> Parameter:
    """Validate one parsed YAML document and turn it into a ``Parameter``."""
    if not isinstance(data, dict):
        raise ParameterFileInvalid(file, "(rod)", "filen skal være en YAML-mapping")
    unknown_keys = set(data) - TOP_KEYS
    if unknown_keys:
        raise ParameterFileInvalid(file, sorted(map(str, unknown_keys))[0], "ukendt nøgle")
    description = data.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ParameterFileInvalid(file, "description", "mangler en beskrivelse")
    unit = data.get("unit")
    if unit not in UNITS:
        allowed = ", ".join(sorted(UNITS))
        raise ParameterFileInvalid(file, "unit", f"ukendt enhed {unit!r} (tilladt: {allowed})")
    label = data.get("label", description)
    if not isinstance(label, str):
        raise ParameterFileInvalid(file, "label", "skal være tekst")
    raw_values = data.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterFileInvalid(file, "values", "mangler daterede værdier")
    values: list[ParameterValue] = []
    previous: dt.date | None = None
    for raw_key, raw_entry in raw_values.items():
        day = _as_date(raw_key, file)
        key = f"values.{day.isoformat()}"
        if previous is not None and day <= previous:
            raise ParameterFileInvalid(
                file, key, f"datoerne skal stå i stigende orden (kommer efter {previous})"
            )
        previous = day
        if not isinstance(raw_entry, dict):
            raise ParameterFileInvalid(file, key, "skal have value og reference")
        extra = set(raw_entry) - VALUE_KEYS
        if extra:
            raise ParameterFileInvalid(file, f"{key}.{sorted(map(str, extra))[0]}", "ukendt nøgle")
        if "value" not in raw_entry:
            raise ParameterFileInvalid(file, f"{key}.value", "mangler")
        status = raw_entry.get("status", "known")
        if status not in STATUSES:
            raise ParameterFileInvalid(file, f"{key}.status", f"ukendt status {status!r}")
        reference = _reference(raw_entry.get("reference"), file, key)
        value = _check_value(raw_entry["value"], str(unit), str(status), file, key)
        note = raw_entry.get("note")
        if note is not None and not isinstance(note, str):
            raise ParameterFileInvalid(file, f"{key}.note", "skal være tekst")
        values.append(ParameterValue(name, day, value, reference, str(status), note))
    return Parameter(name, " ".join(description.split()), label, str(unit), tuple(values), file)


def load_parameter_file(path: Path) -> Parameter:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise ParameterFileInvalid(path.name, "(yaml)", str(exc).replace("\n", " ")) from None
    return parse_parameter(path.stem, data, path.name)


def load_parameters(directory: Path = PARAMETER_DIRECTORY) -> ParameterSet:
    files = sorted(directory.glob("*.yaml"))
    return ParameterSet({path.stem: load_parameter_file(path) for path in files})


@functools.cache
def default_parameters() -> ParameterSet:
    """The parameters shipped with Småjob, loaded once per process."""
    return load_parameters(PARAMETER_DIRECTORY)
