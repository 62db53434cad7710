# SPDX-License-Identifier: MPL-2.0
"""The single-case inputs: one citizen (:class:`Candidate`) and one task (:class:`Opening`).

Plain frozen dataclasses of ints, floats, strings and frozensets, so the web app can build
them from database rows without the engine knowing about Django. Everything is validated
on construction; a bad value raises a subclass of :class:`smaajob.errors.InvalidInput`
whose message says what a valid value looks like.

Danish level is an ordered scale shared with ``smaajob.network.models.DanishLevel``::

    0 NONE            intet dansk               (below CEFR A1)
    1 BASIC           lidt dansk                (CEFR A1–A2, Danskuddannelse modul 1–2)
    2 CONVERSATIONAL  kan føre en samtale       (CEFR B1, modul 3–4 / Prøve i Dansk 2)
    3 FLUENT          flydende                  (CEFR B2 and above, Prøve i Dansk 3)

An opening's requirement is met when the citizen's level is at least the required level.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum

from smaajob.errors import InvalidHours
from smaajob.matching import slots as slotbits
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.geo import check_coordinates

HOURS_IN_WEEK = 168.0


class DanishLevel(IntEnum):
    NONE = 0
    BASIC = 1
    CONVERSATIONAL = 2
    FLUENT = 3

    @property
    def danish(self) -> str:
        return _DANISH_LEVEL_DA[self]


_DANISH_LEVEL_DA = {
    DanishLevel.NONE: "intet dansk",
    DanishLevel.BASIC: "lidt dansk",
    DanishLevel.CONVERSATIONAL: "kan føre en samtale på dansk",
    DanishLevel.FLUENT: "flydende dansk",
}


class OpeningKind(StrEnum):
    """Same values as ``smaajob.network.models.OpeningKind``."""

    PLACEMENT = "placement"
    PAID = "paid"
    HYBRID = "hybrid"
    WAGE_SUBSIDY = "wage_subsidy"


OPENING_KIND_DA = {
    OpeningKind.PLACEMENT: "virksomhedspraktik",
    OpeningKind.PAID: "småjob (løntimer)",
    OpeningKind.HYBRID: "hybridpraktik",
    OpeningKind.WAGE_SUBSIDY: "løntilskud",
}


class Fact(StrEnum):
    """Facts an employer may be told only with the citizen's consent (003 §3.4.3).

    Same values as ``smaajob.citizens.models.DisclosableFact``.
    """

    NAME = "name"
    CONTACT = "contact"
    RESTRICTIONS = "restrictions"
    HEALTH = "health"
    LANGUAGE = "language"
    COMPETENCES = "competences"
    BENEFIT = "benefit"
    JOB_GOAL = "job_goal"


FACT_DA = {
    Fact.NAME: "navn",
    Fact.CONTACT: "telefon og adresse",
    Fact.RESTRICTIONS: "skånehensyn",
    Fact.HEALTH: "helbred og diagnoser",
    Fact.LANGUAGE: "danskniveau",
    Fact.COMPETENCES: "kompetencer og certifikater",
    Fact.BENEFIT: "ydelse og forløbstype",
    Fact.JOB_GOAL: "jobmål og ønsker",
}
FACT_BIT = {fact: 1 << i for i, fact in enumerate(Fact)}


def _tags(value: Iterable[str], *, field_name: str) -> frozenset[str]:
    if isinstance(value, str):
        raise InvalidMatchingInput(
            f"{field_name} skal være en samling af mærker, fx ('truck', 'hygiejne'), ikke en tekst.",
            field=field_name,
        )
    out = frozenset(str(v).strip() for v in value)
    if "" in out:
        raise InvalidMatchingInput(f"{field_name} må ikke indeholde tomme mærker.", field=field_name)
    return out


def _hours(value: float, *, field_name: str) -> float:
    h = float(value)
    if not (math.isfinite(h) and 0 <= h <= HOURS_IN_WEEK):
        raise InvalidHours(
            f"{field_name} skal være et antal timer pr. uge mellem 0 og 168, ikke {value!r}.",
            field=field_name,
        )
    return h


def _facts(value: Iterable[str], *, field_name: str) -> frozenset[Fact]:
    tags = _tags(value, field_name=field_name)
    try:
        return frozenset(Fact(t) for t in tags)
    except ValueError:
        valid = ", ".join(f.value for f in Fact)
        raise InvalidMatchingInput(
            f"{field_name} kan kun indeholde: {valid}.", field=field_name
        ) from None


def _level(value: int, *, field_name: str) -> DanishLevel:
    try:
        return DanishLevel(int(value))
    except ValueError:
        raise InvalidMatchingInput(
            f"{field_name} skal være 0 (intet dansk), 1 (lidt), 2 (samtale) eller 3 (flydende), "
            f"ikke {value!r}.",
            field=field_name,
        ) from None


@dataclass(frozen=True)
class Candidate:
    """A citizen looking for a small task, as the matching engine sees them.

    ``available`` is a week mask (see :func:`smaajob.matching.week_mask`, ``free_time=True``)
    of when the citizen can work; ``commitments`` a mask of other fixed activities
    (language school, treatment) that are taken out of it. ``consents`` are the
    :class:`Fact` values the citizen agreed an employer may be told. ``readiness`` picks
    the weight profile (``jobparat``, ``aktivitetsparat`` …, see ``weights.yaml``).
    """

    id: str
    weekly_hours: float
    lat: float
    lon: float
    travel_limit_km: float = 15.0
    available: int = slotbits.ALL_WEEK
    commitments: int = 0
    danish_level: int = DanishLevel.FLUENT
    restrictions: frozenset[str] = frozenset()
    certificates: frozenset[str] = frozenset()
    wished_sectors: frozenset[str] = frozenset()
    wished_tasks: frozenset[str] = frozenset()
    waiting_days: int = 0
    consents: frozenset[str] = frozenset()
    readiness: str = "aktivitetsparat"
    municipality: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "id", str(self.id))
        set_(self, "weekly_hours", _hours(self.weekly_hours, field_name="weekly_hours"))
        set_(self, "lat", float(self.lat))
        set_(self, "lon", float(self.lon))
        check_coordinates(self.lat, self.lon, field="lat/lon")
        limit = float(self.travel_limit_km)
        if not (math.isfinite(limit) and 0 <= limit <= 1000):
            raise InvalidMatchingInput(
                f"travel_limit_km skal være mellem 0 og 1000 km, ikke {self.travel_limit_km!r}.",
                field="travel_limit_km",
            )
        set_(self, "travel_limit_km", limit)
        slotbits.check_mask(self.available, field="available")
        slotbits.check_mask(self.commitments, field="commitments")
        set_(self, "danish_level", _level(self.danish_level, field_name="danish_level"))
        for name in ("restrictions", "certificates", "wished_sectors", "wished_tasks"):
            set_(self, name, _tags(getattr(self, name), field_name=name))
        set_(self, "consents", _facts(self.consents, field_name="consents"))
        if int(self.waiting_days) < 0:
            raise InvalidMatchingInput(
                f"waiting_days skal være 0 eller flere dage, ikke {self.waiting_days!r}.",
                field="waiting_days",
            )
        set_(self, "waiting_days", int(self.waiting_days))

    @property
    def free_time(self) -> int:
        """When the citizen can work: availability minus other commitments."""
        return self.available & ~self.commitments

    @property
    def required_disclosures(self) -> frozenset[Fact]:
        """Facts any employer must be told: a company can only accommodate what it knows."""
        return citizen_disclosures(self.restrictions)

    def holding(self, opening: Opening, hours: float | None = None) -> Candidate:
        """This citizen after taking ``opening``: its slots and hours are no longer free.

        Used to look for a second small task next to a first one (Igor, 003 §4.3.2.3).
        """
        taken = opening.hours_min if hours is None else _hours(hours, field_name="hours")
        return replace(
            self,
            commitments=self.commitments | opening.slots,
            weekly_hours=max(0.0, self.weekly_hours - taken),
        )


@dataclass(frozen=True)
class Opening:
    """A small task at a company (jobåbning).

    ``slots`` is the week mask of when the task is done; the citizen needs at least
    ``hours_min`` free hours inside it. ``accommodations`` are the restriction tags the
    company can meet (skånehensyn), ``capacity`` how many citizens it can take in all and
    ``filled`` how many places are taken. ``company_placements`` / ``company_conversions``
    are the company's record: placements finished and how many of them became paid hours.
    ``required_disclosures`` are facts the task needs the employer to be told (e.g.
    ``health`` for work with heavy machinery).
    """

    id: str
    company_id: str
    hours_min: float
    hours_max: float
    lat: float
    lon: float
    slots: int = slotbits.ALL_WEEK
    danish_level: int = DanishLevel.NONE
    accommodations: frozenset[str] = frozenset()
    required_certificates: frozenset[str] = frozenset()
    sector: str = ""
    tasks: frozenset[str] = frozenset()
    capacity: int = 1
    filled: int = 0
    kind: str = OpeningKind.PLACEMENT
    buddy: bool = False
    company_placements: int = 0
    company_conversions: int = 0
    company_employees: int | None = None
    required_disclosures: frozenset[str] = frozenset()
    municipality: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "id", str(self.id))
        set_(self, "company_id", str(self.company_id))
        set_(self, "hours_min", _hours(self.hours_min, field_name="hours_min"))
        set_(self, "hours_max", _hours(self.hours_max, field_name="hours_max"))
        if self.hours_max < self.hours_min or self.hours_max == 0:
            raise InvalidHours(
                f"hours_max ({self.hours_max:g}) skal være større end 0 og mindst hours_min "
                f"({self.hours_min:g}), fx 4–10 timer pr. uge.",
                field="hours_max",
            )
        set_(self, "lat", float(self.lat))
        set_(self, "lon", float(self.lon))
        check_coordinates(self.lat, self.lon, field="lat/lon")
        slotbits.check_mask(self.slots, field="slots")
        if slotbits.hours_in(self.slots) < self.hours_min:
            raise InvalidHours(
                f"Opgavens tider ({slotbits.hours_in(self.slots):g} t/uge) rummer ikke "
                f"hours_min ({self.hours_min:g} t/uge); udvid tiderne eller sænk timetallet.",
                field="slots",
            )
        set_(self, "danish_level", _level(self.danish_level, field_name="danish_level"))
        for name in ("accommodations", "required_certificates", "tasks"):
            set_(self, name, _tags(getattr(self, name), field_name=name))
        set_(self, "sector", str(self.sector).strip())
        set_(self, "required_disclosures", _facts(self.required_disclosures,
                                                  field_name="required_disclosures"))
        try:
            set_(self, "kind", OpeningKind(self.kind))
        except ValueError:
            valid = ", ".join(k.value for k in OpeningKind)
            raise InvalidMatchingInput(f"kind skal være en af: {valid}.", field="kind") from None
        for name in ("capacity", "filled", "company_placements", "company_conversions"):
            value = int(getattr(self, name))
            if value < 0:
                raise InvalidMatchingInput(f"{name} skal være 0 eller mere, ikke {value}.",
                                           field=name)
            set_(self, name, value)
        if self.company_conversions > self.company_placements:
            raise InvalidMatchingInput(
                "company_conversions (forløb der blev til løntimer) kan ikke være flere end "
                f"company_placements ({self.company_conversions} > {self.company_placements}).",
                field="company_conversions",
            )
        if self.company_employees is not None and int(self.company_employees) < 1:
            raise InvalidMatchingInput(
                "company_employees skal være mindst 1 eller None (ukendt).",
                field="company_employees",
            )
        set_(self, "buddy", bool(self.buddy))

    @property
    def free_places(self) -> int:
        return max(0, self.capacity - self.filled)

    @property
    def disclosures_needed(self) -> frozenset[Fact]:
        """Facts this task itself needs disclosed: certificates must be shown to the employer."""
        return task_disclosures(self.required_disclosures, self.required_certificates)


def citizen_disclosures(restrictions: Iterable[str]) -> frozenset[Fact]:
    """Facts any employer must be told about a citizen: their skånehensyn, if they have any
    (a company can only accommodate what it knows)."""
    return frozenset({Fact.RESTRICTIONS}) if frozenset(restrictions) else frozenset()


def task_disclosures(required_disclosures: Iterable[str], required_certificates: Iterable[str]) -> frozenset[Fact]:
    """Facts a task needs disclosed: its own requirements, and competences whenever it
    requires a certificate (the certificate must be shown to the employer)."""
    extra = {Fact.COMPETENCES} if frozenset(required_certificates) else set()
    return _facts(required_disclosures, field_name="required_disclosures") | extra


def missing_consents(
    *,
    restrictions: Iterable[str],
    consents: Iterable[str],
    required_disclosures: Iterable[str] = (),
    required_certificates: Iterable[str] = (),
) -> frozenset[Fact]:
    """Facts a citizen–task match needs the employer to be told that the citizen has not
    consented to disclose. Not empty means the engine refuses the pair (``Reason.CONSENT``;
    ``constraints.disclosures_needed`` is the same rule over whole pools), and so must any
    proposal made or accepted outside the engine."""
    needed = citizen_disclosures(restrictions) | task_disclosures(required_disclosures, required_certificates)
    return needed - _facts(consents, field_name="consents")


__all__ = [
    "Candidate",
    "DanishLevel",
    "Fact",
    "Opening",
    "OpeningKind",
    "citizen_disclosures",
    "missing_consents",
    "task_disclosures",
]
