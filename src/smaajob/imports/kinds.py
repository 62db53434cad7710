# SPDX-License-Identifier: MPL-2.0
"""The kinds of data a jobcentre brings: their Danish columns, how a row becomes a record (through
the domain services, so every check a form makes an import makes too), and how a record is
written back out in the same columns (the export, so that export → import changes nothing).

Each kind says:

* ``columns``: the template's columns, in order, with an example and what a valid value is;
* ``check``: the row's cross-column rules and the records it refers to (an unknown company,
  an end before its start), each reported on the column it is about;
* ``find``: the record a row already is by its natural key (a citizen's CPR number in the
  municipality, a company's CVR number, a placement's week) when its source id is new, so that
  importing into a municipality that already has the data adopts it instead of doubling it;
* ``current``: a record's values as canonical text, in the columns; a row whose values equal
  these changes nothing;
* ``create`` and ``update``: the writes, through the services.

Other records are referred to by their source id in the same source system (``borger_kilde_id``)
or, for companies, by CVR number. A record that came from no import is exported with the id
``smaajob-<id>``, which an import reads back as that record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.citizens import services as citizen_services
from smaajob.citizens.models import Benefit, BenefitRate, BenefitType, Citizen, MaritalStatus
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.courses.models import Attendance, Course, FollowUp, Placement, WeeklyHours
from smaajob.courses.models import Channel as FollowUpChannel
from smaajob.courses.services import follow_ups, ledger, lifecycle, placements
from smaajob.courses.states import CourseState
from smaajob.imports import cells
from smaajob.imports.cells import CellError
from smaajob.imports.models import SourceRecord
from smaajob.network import services as network_services
from smaajob.network.models import Buddy, Company, CompanySize, Contact, Opening, OpeningKind
from smaajob.organisation.models import Municipality, Project, User
from smaajob.validators import check_period

OWN_ID = re.compile(r"^smaajob-(\d{1,18})$")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    example: str
    explanation: str
    read: Callable[[str], str] = cells.text


@dataclass
class Context:
    """Who imports into which municipality, from which source system, on which day; and the
    source ids already known (loaded once per kind)."""

    actor: User
    municipality: Municipality
    source_system: str
    today: date
    _ids: dict[str, dict[str, SourceRecord]] = field(default_factory=dict)
    _reverse: dict[str, dict[int, str]] = field(default_factory=dict)
    # Records other rows refer to, looked up once per run (a file of hours names few placements).
    cache: dict[tuple[str, object], Any] = field(default_factory=dict)

    def cached(self, key: tuple[str, object], lookup: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = lookup()
        return self.cache[key]

    def records(self, kind: str) -> dict[str, SourceRecord]:
        if kind not in self._ids:
            rows = SourceRecord.objects.filter(
                municipality=self.municipality, source_system=self.source_system, kind=kind
            )
            self._ids[kind] = {r.source_id: r for r in rows}
        return self._ids[kind]

    def source_id_of(self, kind: str, object_id: int) -> str:
        if kind not in self._reverse:
            self._reverse[kind] = {r.object_id: sid for sid, r in self.records(kind).items()}
        return self._reverse[kind].get(object_id) or f"smaajob-{object_id}"

    def remember(self, kind: str, record: SourceRecord) -> None:
        self.records(kind)[record.source_id] = record
        if kind in self._reverse:
            self._reverse[kind][record.object_id] = record.source_id

    def object_id(self, kind: str, source_id: str) -> int | None:
        record = self.records(kind).get(source_id)
        if record is not None:
            return record.object_id
        own = OWN_ID.match(source_id)
        return int(own[1]) if own else None


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _hours(value: Decimal | None) -> str:
    return "" if value is None else cells.canonical_decimal(Decimal(value))


def _inverse(words: Mapping[str, str]) -> dict[str, str]:
    return {str(stored): word for word, stored in words.items()}


SOURCE_ID = Column(
    "kilde_id",
    True,
    "M-100234",
    "kildesystemets eget id for rækken (højst 100 tegn)",
    lambda v: cells.text(v, max_length=100),
)


class Kind:
    name = ""
    sheet = ""
    title = ""
    columns: tuple[Column, ...] = ()
    # A service's field name → the column it is read from, for the service's refusals.
    field_columns: dict[str, str] = {}

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        return {}

    def find(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Any:
        return None

    def load(self, object_id: int, ctx: Context) -> Any:
        raise NotImplementedError

    def current(self, obj: Any, ctx: Context) -> dict[str, str]:
        raise NotImplementedError

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Any:
        raise NotImplementedError

    def update(self, obj: Any, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context) -> None:
        raise NotImplementedError

    def export(self, ctx: Context) -> Iterable[Any]:
        raise NotImplementedError

    def citizen_of(self, obj: Any) -> int | None:
        """The citizen a record is about (an export of it is an audited read), or None."""
        return None

    def fixed(self, changed: set[str], columns: Iterable[str]) -> None:
        """Refuse a change to a column an import may not change (it is the record's identity)."""
        for name in columns:
            if name in changed:
                raise CellError("kan ikke ændres ved en import; ret det i Småjob, eller brug et nyt kilde_id", name)


def _company_by_cvr(values: dict[str, str], ctx: Context, column: str = "virksomhed_cvr") -> Company:
    cvr = values.get(column, "")
    company: Company | None = ctx.cached(
        ("company", cvr), lambda: Company.objects.filter(municipality=ctx.municipality, cvr=cvr).first()
    )
    if company is None:
        raise CellError(
            f"ukendt virksomhed: CVR {values.get(column, '')} findes ikke i kommunens netværk; "
            "importér virksomhederne først (arket Virksomheder)",
            column,
        )
    return company


# ---------------------------------------------------------------------------------------------
MARITAL = {"enlig": MaritalStatus.SINGLE, "gift": MaritalStatus.MARRIED, "samlevende": MaritalStatus.COHABITING}
RATE = {"fuld": BenefitRate.FULL, "lavere": BenefitRate.LOWER}
BENEFIT = list(BenefitType.values)


class Citizens(Kind):
    name = "borgere"
    sheet = "Borgere"
    title = "Borgere med ydelse"
    columns = (
        SOURCE_ID,
        Column("cpr", True, "0101901234", "CPR-nummer, 10 cifre (med eller uden bindestreg)", cells.cpr),
        Column("fornavn", True, "Mette", "fornavn(e)", lambda v: cells.text(v, max_length=100)),
        Column("efternavn", True, "Jensen", "efternavn", lambda v: cells.text(v, max_length=100)),
        Column("adresse", False, "Vestergade 12", "gade og nummer"),
        Column("postnummer", False, "5000", "fire cifre", lambda v: cells.text(v, max_length=4)),
        Column("by", False, "Odense C", "by", lambda v: cells.text(v, max_length=100)),
        Column("civilstand", False, "enlig", "enlig, gift eller samlevende", lambda v: cells.choice(v, MARITAL)),
        Column("ydelse", False, "kontanthjaelp", ", ".join(BenefitType.values), lambda v: cells.choice(v, BENEFIT)),
        Column("ydelse_fra", False, "2026-01-01", "dato, fra hvornår ydelsen gælder", cells.a_date),
        Column("sats", False, "fuld", "fuld eller lavere", lambda v: cells.choice(v, RATE)),
    )
    field_columns = {
        "cpr": "cpr",
        "first_name": "fornavn",
        "last_name": "efternavn",
        "postcode": "postnummer",
        "marital_status": "civilstand",
        "benefit_type": "ydelse",
        "rate": "sats",
    }

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        if values.get("ydelse") and not values.get("ydelse_fra"):
            raise CellError("skal udfyldes, når ydelsen er udfyldt (fx 2026-01-01)", "ydelse_fra")
        return {}

    def find(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Any:
        return citizen_by_cpr(ctx.municipality, values["cpr"])

    def load(self, object_id: int, ctx: Context) -> Any:
        return Citizen.objects.filter(municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Citizen, ctx: Context) -> dict[str, str]:
        benefit = Benefit.objects.filter(citizen=obj).order_by("-valid_from", "-id").first()
        return {
            "cpr": obj.cpr,
            "fornavn": obj.first_name,
            "efternavn": obj.last_name,
            "adresse": obj.address,
            "postnummer": obj.postcode,
            "by": obj.city,
            "civilstand": _inverse(MARITAL).get(obj.marital_status, ""),
            "ydelse": benefit.benefit_type if benefit else "",
            "ydelse_fra": _iso(benefit.valid_from) if benefit else "",
            "sats": _inverse(RATE).get(benefit.rate, "") if benefit else "",
        }

    def _benefit(self, citizen: Citizen, values: dict[str, str], ctx: Context) -> None:
        if values.get("ydelse"):
            citizen_services.set_benefit(
                actor=ctx.actor,
                citizen=citizen,
                benefit_type=values["ydelse"],
                valid_from=date.fromisoformat(values["ydelse_fra"]),
                rate=RATE.get(values.get("sats") or "fuld", BenefitRate.FULL),
            )

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Citizen:
        citizen = citizen_services.register_citizen(
            actor=ctx.actor,
            cpr=values["cpr"],
            first_name=values["fornavn"],
            last_name=values["efternavn"],
            municipality=ctx.municipality,
            address=values.get("adresse", ""),
            postcode=values.get("postnummer", ""),
            city=values.get("by", ""),
            marital_status=MARITAL[values["civilstand"]] if values.get("civilstand") else MaritalStatus.SINGLE,
        )
        self._benefit(citizen, values, ctx)
        return citizen

    def update(
        self, obj: Citizen, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["cpr"])
        if changed & {"fornavn", "efternavn", "civilstand"}:
            if "fornavn" in changed or "efternavn" in changed:
                first, last = values.get("fornavn", obj.first_name), values.get("efternavn", obj.last_name)
                if not first or not last:
                    raise CellError("borgeren skal have både fornavn og efternavn", "fornavn")
                obj.first_name, obj.last_name = first, last
            if "civilstand" in changed:
                obj.marital_status = MARITAL.get(values["civilstand"], MaritalStatus.SINGLE)
            obj.save(update_fields=["first_name", "last_name", "marital_status"])
            audit(
                actor=ctx.actor,
                action=AuditAction.UPDATE,
                object_type="citizen",
                object_id=obj.pk,
                citizen_id=obj.pk,
                detail="import: " + ", ".join(sorted(changed & {"fornavn", "efternavn", "civilstand"})),
            )
        if changed & {"adresse", "postnummer", "by"}:
            citizen_services.update_citizen_address(
                actor=ctx.actor,
                citizen=obj,
                address=values.get("adresse", obj.address),
                postcode=values.get("postnummer", obj.postcode),
                city=values.get("by", obj.city),
            )
        if changed & {"ydelse", "ydelse_fra", "sats"}:
            self._benefit(obj, values, ctx)

    def export(self, ctx: Context) -> Iterable[Any]:
        return Citizen.objects.filter(municipality=ctx.municipality).order_by("pk")

    def citizen_of(self, obj: Any) -> int | None:
        return int(obj.pk)


# ---------------------------------------------------------------------------------------------
SIZE = {"1-9": CompanySize.MICRO, "10-49": CompanySize.SMALL, "50-249": CompanySize.MEDIUM, "250+": CompanySize.LARGE}


class Companies(Kind):
    name = "virksomheder"
    sheet = "Virksomheder"
    title = "Virksomheder i netværket"
    columns = (
        SOURCE_ID,
        Column("cvr", True, "13585628", "CVR-nummer, 8 cifre med gyldigt kontrolciffer", cells.cvr),
        Column("navn", True, "Brugsen Vestergade", "virksomhedens navn"),
        Column(
            "branchekode", False, "471120", "DB07-branchekode, op til 6 cifre", lambda v: cells.text(v, max_length=6)
        ),
        Column("sektor", False, "detail", "sektor (frit ord)", lambda v: cells.text(v, max_length=60)),
        Column(
            "stoerrelse",
            False,
            "10-49",
            "antal ansatte: 1-9, 10-49, 50-249 eller 250+",
            lambda v: cells.choice(v, SIZE),
        ),
        Column("adresse", False, "Vestergade 30", "gade og nummer"),
        Column("postnummer", False, "5000", "fire cifre", lambda v: cells.text(v, max_length=4)),
        Column("by", False, "Odense C", "by", lambda v: cells.text(v, max_length=100)),
    )
    field_columns = {"cvr": "cvr", "name": "navn", "size": "stoerrelse", "postcode": "postnummer"}

    def find(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Any:
        return Company.objects.filter(municipality=ctx.municipality, cvr=values["cvr"]).first()

    def load(self, object_id: int, ctx: Context) -> Any:
        return Company.objects.filter(municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Company, ctx: Context) -> dict[str, str]:
        return {
            "cvr": obj.cvr,
            "navn": obj.name,
            "branchekode": obj.industry_code,
            "sektor": obj.sector,
            "stoerrelse": _inverse(SIZE).get(obj.size, ""),
            "adresse": obj.address,
            "postnummer": obj.postcode,
            "by": obj.city,
        }

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Company:
        return network_services.create_company(
            actor=ctx.actor,
            municipality=ctx.municipality,
            cvr=values["cvr"],
            name=values["navn"],
            industry_code=values.get("branchekode", ""),
            sector=values.get("sektor", ""),
            size=SIZE.get(values.get("stoerrelse", ""), ""),
            address=values.get("adresse", ""),
            postcode=values.get("postnummer", ""),
            city=values.get("by", ""),
        )

    def update(
        self, obj: Company, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["cvr"])
        if changed & {"navn", "branchekode", "sektor", "stoerrelse"}:
            if "navn" in changed and not values["navn"]:
                raise CellError("virksomheden skal have et navn", "navn")
            obj.name = values.get("navn", obj.name)
            obj.industry_code = values.get("branchekode", obj.industry_code)
            obj.sector = values.get("sektor", obj.sector)
            if "stoerrelse" in values:
                obj.size = SIZE.get(values["stoerrelse"], "")
            obj.save(update_fields=["name", "industry_code", "sector", "size"])
        if changed & {"adresse", "postnummer", "by"}:
            network_services.update_company_address(
                company=obj,
                address=values.get("adresse", obj.address),
                postcode=values.get("postnummer", obj.postcode),
                city=values.get("by", obj.city),
            )

    def export(self, ctx: Context) -> Iterable[Any]:
        return Company.objects.filter(municipality=ctx.municipality).order_by("pk")


# ---------------------------------------------------------------------------------------------
def _bool(value: str) -> str:
    return cells.choice(value, ["ja", "nej"], {"1": "ja", "0": "nej", "j": "ja", "n": "nej"})


class Contacts(Kind):
    name = "kontakter"
    sheet = "Kontakter"
    title = "Kontaktpersoner i virksomhederne"
    columns = (
        SOURCE_ID,
        Column("virksomhed_cvr", True, "13585628", "CVR-nummer på en virksomhed i netværket", cells.cvr),
        Column("navn", True, "Lone Hansen", "kontaktpersonens navn"),
        Column("stilling", False, "butikschef", "stilling", lambda v: cells.text(v, max_length=100)),
        Column("telefon", False, "+45 12 34 56 78", "telefonnummer", lambda v: cells.text(v, max_length=20)),
        Column("email", False, "lone@example.dk", "e-mail", lambda v: cells.text(v, max_length=254)),
        Column("primaer", False, "ja", "ja eller nej: virksomhedens primære kontakt", _bool),
    )

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        if values.get("email") and "@" not in values["email"]:
            raise CellError("skal være en e-mailadresse, fx lone@example.dk", "email")
        return {"company": _company_by_cvr(values, ctx)}

    def load(self, object_id: int, ctx: Context) -> Any:
        return Contact.objects.filter(company__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Contact, ctx: Context) -> dict[str, str]:
        return {
            "virksomhed_cvr": obj.company.cvr,
            "navn": obj.name,
            "stilling": obj.title,
            "telefon": obj.phone,
            "email": obj.email,
            "primaer": "ja" if obj.is_primary else "nej",
        }

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Contact:
        if not values["navn"]:
            raise CellError("kontaktpersonen skal have et navn", "navn")
        return network_services.add_contact(
            company=refs["company"],
            name=values["navn"],
            title=values.get("stilling", ""),
            phone=values.get("telefon", ""),
            email=values.get("email", ""),
            is_primary=values.get("primaer") == "ja",
        )

    def update(
        self, obj: Contact, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["virksomhed_cvr"])
        if "navn" in changed and not values["navn"]:
            raise CellError("kontaktpersonen skal have et navn", "navn")
        obj.name = values.get("navn", obj.name)
        obj.title = values.get("stilling", obj.title)
        obj.phone = values.get("telefon", obj.phone)
        obj.email = values.get("email", obj.email)
        if "primaer" in values:
            obj.is_primary = values["primaer"] == "ja"
        obj.save()

    def export(self, ctx: Context) -> Iterable[Any]:
        return Contact.objects.filter(company__municipality=ctx.municipality).select_related("company").order_by("pk")


# ---------------------------------------------------------------------------------------------
OPENING_KIND = {
    "praktik": OpeningKind.PLACEMENT,
    "smaajob": OpeningKind.PAID,
    "hybrid": OpeningKind.HYBRID,
    "loentilskud": OpeningKind.WAGE_SUBSIDY,
}
KIND_HELP = "praktik, smaajob, hybrid eller loentilskud"


class Openings(Kind):
    name = "jobaabninger"
    sheet = "Jobaabninger"
    title = "Jobåbninger (små opgaver)"
    columns = (
        SOURCE_ID,
        Column("virksomhed_cvr", True, "13585628", "CVR-nummer på en virksomhed i netværket", cells.cvr),
        Column("opgave", True, "Opfyldning af frugt og grønt", "opgavens korte titel"),
        Column("type", True, "smaajob", KIND_HELP, lambda v: cells.choice(v, OPENING_KIND)),
        Column("timer_min", True, "2", "timer pr. uge, mindst (0–37)", cells.hours),
        Column("timer_max", True, "6", "timer pr. uge, højst (0–37)", cells.hours),
        Column("antal_pladser", False, "1", "helt tal 1–50", lambda v: cells.whole(v, low=1, high=50)),
        Column("sektor", False, "detail", "sektor (frit ord)", lambda v: cells.text(v, max_length=60)),
        Column("fra", False, "2026-03-02", "dato, fra hvornår opgaven findes", cells.a_date),
        Column("til", False, "2026-12-31", "dato, til hvornår (ikke før fra)", cells.a_date),
        Column(
            "beskrivelse", False, "Fyld op to formiddage om ugen", "fri tekst", lambda v: cells.text(v, max_length=2000)
        ),
    )
    field_columns = {
        "title": "opgave",
        "kind": "type",
        "hours_min": "timer_min",
        "hours_max": "timer_max",
        "capacity": "antal_pladser",
        "closes_on": "til",
        "opens_on": "fra",
    }

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        if values.get("fra") and values.get("til") and values["til"] < values["fra"]:
            raise CellError(f"slutdatoen {values['til']} ligger før startdatoen {values['fra']}", "til")
        if (
            values.get("timer_min")
            and values.get("timer_max")
            and Decimal(values["timer_max"]) < Decimal(values["timer_min"])
        ):
            raise CellError("højeste timetal er mindre end laveste", "timer_max")
        return {"company": _company_by_cvr(values, ctx)}

    def load(self, object_id: int, ctx: Context) -> Any:
        return Opening.objects.filter(company__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Opening, ctx: Context) -> dict[str, str]:
        return {
            "virksomhed_cvr": obj.company.cvr,
            "opgave": obj.title,
            "type": _inverse(OPENING_KIND)[obj.kind],
            "timer_min": _hours(obj.hours_min),
            "timer_max": _hours(obj.hours_max),
            "antal_pladser": str(obj.capacity),
            "sektor": obj.sector,
            "fra": _iso(obj.opens_on),
            "til": _iso(obj.closes_on),
            "beskrivelse": obj.description,
        }

    def _fields(self, values: dict[str, str]) -> dict[str, Any]:
        names = {
            "opgave": "title",
            "timer_min": "hours_min",
            "timer_max": "hours_max",
            "sektor": "sector",
            "beskrivelse": "description",
        }
        fields: dict[str, Any] = {names[c]: values[c] for c in names if c in values}
        if "type" in values:
            fields["kind"] = OPENING_KIND[values["type"]]
        if "antal_pladser" in values:
            fields["capacity"] = int(values["antal_pladser"] or 1)
        for column, name in (("fra", "opens_on"), ("til", "closes_on")):
            if column in values:
                fields[name] = _day(values[column])
        return fields

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Opening:
        return network_services.create_opening(actor=ctx.actor, company=refs["company"], **self._fields(values))

    def update(
        self, obj: Opening, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["virksomhed_cvr"])
        network_services.update_opening(actor=ctx.actor, opening=obj, **self._fields(values))

    def export(self, ctx: Context) -> Iterable[Any]:
        return Opening.objects.filter(company__municipality=ctx.municipality).select_related("company").order_by("pk")


# ---------------------------------------------------------------------------------------------
STATE = {
    "visiteret": CourseState.VISITED,
    "ressourceafdaekket": CourseState.MAPPED,
    "matchning": CourseState.MATCHING,
    "matchmoede": CourseState.MATCH_MEETING,
    "praktik": CourseState.PLACEMENT,
    "loentimer": CourseState.PAID_HOURS,
    "opfoelgning": CourseState.FOLLOW_UP,
}


def _citizen(values: dict[str, str], ctx: Context) -> Citizen:
    object_id = ctx.object_id("borgere", values.get("borger_kilde_id", ""))
    citizen = Citizen.objects.filter(municipality=ctx.municipality, pk=object_id).first() if object_id else None
    if citizen is None:
        raise CellError(
            f"ukendt borger »{values.get('borger_kilde_id', '')}«: importér borgerne først (arket Borgere, "
            "samme kildesystem)",
            "borger_kilde_id",
        )
    return citizen


class Courses(Kind):
    name = "forloeb"
    sheet = "Forloeb"
    title = "Forløb og deres status"
    columns = (
        SOURCE_ID,
        Column("borger_kilde_id", True, "M-100234", "kilde_id på en borger i arket Borgere"),
        Column("projekt", True, "VTA", "navnet på et af kommunens projekter"),
        Column("visiteret_den", True, "2026-01-05", "dato for visitationen (ikke efter i dag)", cells.a_date),
        Column("status", False, "matchning", ", ".join(STATE), lambda v: cells.choice(v, STATE)),
    )
    field_columns = {"started_on": "visiteret_den", "project": "projekt", "to_state": "status"}

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        citizen = _citizen(values, ctx)
        project = Project.objects.filter(municipality=ctx.municipality, name__iexact=values["projekt"]).first()
        if project is None:
            names = Project.objects.filter(municipality=ctx.municipality).values_list("name", flat=True)
            raise CellError(f"ukendt projekt; kommunens projekter er: {', '.join(names) or '(ingen)'}", "projekt")
        return {"citizen": citizen, "project": project}

    def load(self, object_id: int, ctx: Context) -> Any:
        return Course.objects.filter(citizen__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Course, ctx: Context) -> dict[str, str]:
        return {
            "borger_kilde_id": ctx.source_id_of("borgere", obj.citizen_id),
            "projekt": obj.project.name,
            "visiteret_den": _iso(obj.started_on),
            "status": _inverse(STATE).get(obj.state, obj.state),
        }

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Course:
        started = date.fromisoformat(values["visiteret_den"])
        course = lifecycle.start_course(
            actor=ctx.actor, citizen=refs["citizen"], project=refs["project"], started_on=started, today=ctx.today
        )
        if values.get("status") and values["status"] != "visiteret":
            lifecycle._walk_to(actor=ctx.actor, course=course, target=STATE[values["status"]], on=started)
        return course

    def update(
        self, obj: Course, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["borger_kilde_id", "projekt", "visiteret_den"])
        if "status" in changed and values["status"]:
            lifecycle._walk_to(actor=ctx.actor, course=obj, target=STATE[values["status"]], on=ctx.today)

    def export(self, ctx: Context) -> Iterable[Any]:
        return (
            Course.objects.filter(citizen__municipality=ctx.municipality)
            .exclude(state=CourseState.EXITED)
            .select_related("project")
            .order_by("pk")
        )

    def citizen_of(self, obj: Any) -> int | None:
        return int(obj.citizen_id)


# ---------------------------------------------------------------------------------------------
def step_up(text: str) -> str:
    parts = text.replace("→", " ").replace("->", " ").replace(";", " ").replace("/", " ").replace(", ", " ")
    out = []
    for part in parts.split():
        try:
            out.append(cells.hours(part.strip(","), maximum=Decimal(37)))
        except CellError:
            raise CellError("skal være timer pr. uge i hvert trin, fx 2 → 6 → 12 (højst 37 timer)") from None
    if not out:
        raise CellError("angiv timer pr. uge, fx 2 → 6 → 12")
    return " → ".join(out)


class Placements(Kind):
    name = "placeringer"
    sheet = "Placeringer"
    title = "Placeringer med optrapning"
    columns = (
        SOURCE_ID,
        Column("forloeb_kilde_id", True, "F-5512", "kilde_id på et forløb i arket Forloeb"),
        Column("virksomhed_cvr", True, "13585628", "CVR-nummer på en virksomhed i netværket", cells.cvr),
        Column("type", True, "praktik", KIND_HELP, lambda v: cells.choice(v, OPENING_KIND)),
        Column("planlagt_start", True, "2026-02-02", "dato", cells.a_date),
        Column("planlagt_slut", False, "2026-06-30", "dato, ikke før planlagt_start", cells.a_date),
        Column("optrapning", True, "2 → 6 → 12", "timer pr. uge i hvert trin, fx 2 → 6 → 12 (højst 37)", step_up),
        Column(
            "optrap_hver_uge",
            False,
            "2",
            "hver hvor mange uger der optrappes, 1–26",
            lambda v: cells.whole(v, low=1, high=26),
        ),
    )
    field_columns = {
        "planned_start": "planlagt_start",
        "planned_end": "planlagt_slut",
        "steps": "optrapning",
        "kind": "type",
        "step_every_weeks": "optrap_hver_uge",
        "slots": "planlagt_start",
        "deviation_reason": "optrapning",
        "course": "forloeb_kilde_id",
        "started_on": "planlagt_start",
    }

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        if values.get("planlagt_slut") and values["planlagt_slut"] < values["planlagt_start"]:
            raise CellError(
                f"slutdatoen {values['planlagt_slut']} ligger før startdatoen {values['planlagt_start']}",
                "planlagt_slut",
            )
        object_id = ctx.object_id("forloeb", values["forloeb_kilde_id"])
        course = (
            Course.objects.filter(citizen__municipality=ctx.municipality, pk=object_id).first() if object_id else None
        )
        if course is None:
            raise CellError(
                f"ukendt forløb »{values['forloeb_kilde_id']}«: importér forløbene først (arket Forloeb)",
                "forloeb_kilde_id",
            )
        return {"course": course, "company": _company_by_cvr(values, ctx)}

    def load(self, object_id: int, ctx: Context) -> Any:
        return Placement.objects.filter(course__citizen__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Placement, ctx: Context) -> dict[str, str]:
        steps = list(obj.steps.order_by("from_date"))
        every = (steps[1].from_date - steps[0].from_date).days // 7 if len(steps) > 1 else 1
        return {
            "forloeb_kilde_id": ctx.source_id_of("forloeb", obj.course_id),
            "virksomhed_cvr": obj.company.cvr,
            "type": _inverse(OPENING_KIND)[obj.kind],
            "planlagt_start": _iso(obj.planned_start),
            "planlagt_slut": _iso(obj.planned_end),
            "optrapning": " → ".join(_hours(s.hours_per_week) for s in steps),
            "optrap_hver_uge": str(every),
        }

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Placement:
        return placements.register_placement(
            actor=ctx.actor,
            course=refs["course"],
            company=refs["company"],
            kind=OPENING_KIND[values["type"]],
            planned_start=date.fromisoformat(values["planlagt_start"]),
            planned_end=_day(values.get("planlagt_slut", "")),
            step_up=values["optrapning"],
            step_every_weeks=int(values.get("optrap_hver_uge") or 1),
            today=ctx.today,
        )

    def update(
        self, obj: Placement, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(
            changed, ["forloeb_kilde_id", "virksomhed_cvr", "type", "planlagt_start", "optrapning", "optrap_hver_uge"]
        )
        if "planlagt_slut" in changed:
            end = _day(values["planlagt_slut"])
            check_period(obj.planned_start, end, field="planned_end")
            obj.planned_end = end
            obj.save(update_fields=["planned_end"])

    def export(self, ctx: Context) -> Iterable[Any]:
        return (
            Placement.objects.filter(course__citizen__municipality=ctx.municipality)
            .select_related("company", "course")
            .prefetch_related("steps")
            .order_by("pk")
        )

    def citizen_of(self, obj: Any) -> int | None:
        return int(obj.course.citizen_id)


# ---------------------------------------------------------------------------------------------
class Hours(Kind):
    name = "timer"
    sheet = "Timer"
    title = "Ugens timer pr. placering"
    columns = (
        SOURCE_ID,
        Column("placering_kilde_id", True, "P-8812", "kilde_id på en placering i arket Placeringer"),
        Column("uge", True, "2026-W06", "ugen: ÅÅÅÅ-Wuu eller en dato i ugen", cells.week),
        Column("timer_til_stede", True, "6", "timer til stede i ugen (0–168)", cells.hours),
        Column("loentimer", False, "4", "løntimer i ugen (0–168, højst timer til stede)", cells.hours),
        Column("effektive_timer", False, "4", "effektive timer (standard: løntimerne)", cells.hours),
        Column("oplaeringstimer", False, "0", "timer med oplæringsopgaver", cells.hours),
    )
    field_columns = {
        "week": "uge",
        "hours_present": "timer_til_stede",
        "hours_paid": "loentimer",
        "hours_effective": "effektive_timer",
        "hours_training": "oplaeringstimer",
    }

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        object_id = ctx.object_id("placeringer", values["placering_kilde_id"])
        placement = ctx.cached(
            ("placement", object_id),
            lambda: (
                Placement.objects.select_related("course")
                .filter(course__citizen__municipality=ctx.municipality, pk=object_id)
                .first()
                if object_id
                else None
            ),
        )
        if placement is None:
            raise CellError(
                f"ukendt placering »{values['placering_kilde_id']}«: importér placeringerne først (arket Placeringer)",
                "placering_kilde_id",
            )
        return {"placement": placement}

    def find(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Any:
        return WeeklyHours.objects.filter(placement=refs["placement"], week_start=values["uge"]).first()

    def load(self, object_id: int, ctx: Context) -> Any:
        return WeeklyHours.objects.filter(
            placement__course__citizen__municipality=ctx.municipality, pk=object_id
        ).first()

    def current(self, obj: WeeklyHours, ctx: Context) -> dict[str, str]:
        return {
            "placering_kilde_id": ctx.source_id_of("placeringer", obj.placement_id),
            "uge": _iso(obj.week_start),
            "timer_til_stede": _hours(obj.hours_present),
            "loentimer": _hours(obj.hours_paid),
            "effektive_timer": _hours(obj.hours_effective),
            "oplaeringstimer": _hours(obj.hours_training),
        }

    def _record(self, placement: Placement, values: dict[str, str], ctx: Context) -> WeeklyHours:
        return ledger.record_week(
            actor=ctx.actor,
            placement=placement,
            week=date.fromisoformat(values["uge"]),
            hours_present=values["timer_til_stede"],
            hours_paid=values.get("loentimer") or 0,
            hours_effective=values.get("effektive_timer") or None,
            hours_training=values.get("oplaeringstimer") or 0,
            today=ctx.today,
        )

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> WeeklyHours:
        return self._record(refs["placement"], values, ctx)

    def update(
        self, obj: WeeklyHours, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        self.fixed(changed, ["placering_kilde_id", "uge"])
        merged = {**self.current(obj, ctx), **values}
        self._record(obj.placement, merged, ctx)

    def export(self, ctx: Context) -> Iterable[Any]:
        return (
            WeeklyHours.objects.filter(placement__course__citizen__municipality=ctx.municipality)
            .select_related("placement__course")
            .order_by("pk")
        )

    def citizen_of(self, obj: Any) -> int | None:
        return int(obj.placement.course.citizen_id)


# ---------------------------------------------------------------------------------------------
class Buddies(Kind):
    name = "buddies"
    sheet = "Buddies"
    title = "Buddies i virksomhederne"
    columns = (
        SOURCE_ID,
        Column("virksomhed_cvr", True, "13585628", "CVR-nummer på en virksomhed i netværket", cells.cvr),
        Column("navn", True, "Bente Buddy", "buddyens navn"),
        Column("uddannet_den", False, "2025-09-15", "dato for buddy-uddannelsen", cells.a_date),
    )

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        if "navn" in values and not values["navn"]:
            raise CellError("buddyen skal have et navn", "navn")
        return {"company": _company_by_cvr(values, ctx)}

    def load(self, object_id: int, ctx: Context) -> Any:
        return Buddy.objects.filter(company__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: Buddy, ctx: Context) -> dict[str, str]:
        return {"virksomhed_cvr": obj.company.cvr, "navn": obj.name, "uddannet_den": _iso(obj.trained_on)}

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> Buddy:
        return network_services.add_buddy(
            company=refs["company"], name=values["navn"], trained_on=_day(values.get("uddannet_den", ""))
        )

    def update(self, obj: Buddy, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context) -> None:
        self.fixed(changed, ["virksomhed_cvr"])
        obj.name = values.get("navn", obj.name)
        if "uddannet_den" in values:
            obj.trained_on = _day(values["uddannet_den"])
        obj.save(update_fields=["name", "trained_on"])

    def export(self, ctx: Context) -> Iterable[Any]:
        return Buddy.objects.filter(company__municipality=ctx.municipality).select_related("company").order_by("pk")


# ---------------------------------------------------------------------------------------------
CHANNEL = {
    "besoeg": FollowUpChannel.VISIT,
    "telefon": FollowUpChannel.PHONE,
    "moede": FollowUpChannel.MEETING,
    "video": FollowUpChannel.VIDEO,
    "virksomhed": FollowUpChannel.EMPLOYER,
}
ATTENDANCE = {
    "som_aftalt": Attendance.AS_AGREED,
    "delvist": Attendance.PARTLY,
    "udeblevet": Attendance.ABSENT,
    "syg": Attendance.SICK,
}


class FollowUps(Kind):
    name = "opfoelgninger"
    sheet = "Opfoelgninger"
    title = "Opfølgninger"
    columns = (
        SOURCE_ID,
        Column("forloeb_kilde_id", True, "F-5512", "kilde_id på et forløb i arket Forloeb"),
        Column("dato", True, "2026-02-10", "dato for opfølgningen (ikke efter i dag)", cells.a_date),
        Column("kanal", True, "besoeg", ", ".join(CHANNEL), lambda v: cells.choice(v, CHANNEL)),
        Column("fremmoede", True, "som_aftalt", ", ".join(ATTENDANCE), lambda v: cells.choice(v, ATTENDANCE)),
        Column("placering_kilde_id", False, "P-8812", "kilde_id på forløbets placering (valgfri)"),
        Column("effektivitet", False, "7", "helt tal 0–10", lambda v: cells.whole(v, low=0, high=10)),
        Column("opgaver", False, "Opfyldning", "fri tekst", lambda v: cells.text(v, max_length=2000)),
        Column("naeste", False, "2026-02-17", "næste opfølgning (højst et år frem)", cells.a_date),
    )
    field_columns = {
        "happened_on": "dato",
        "channel": "kanal",
        "attendance": "fremmoede",
        "placement": "placering_kilde_id",
        "effectiveness": "effektivitet",
        "next_on": "naeste",
        "course": "forloeb_kilde_id",
    }

    def check(self, values: dict[str, str], ctx: Context) -> dict[str, Any]:
        object_id = ctx.object_id("forloeb", values["forloeb_kilde_id"])
        course = (
            Course.objects.filter(citizen__municipality=ctx.municipality, pk=object_id).first() if object_id else None
        )
        if course is None:
            raise CellError(
                f"ukendt forløb »{values['forloeb_kilde_id']}«: importér forløbene først (arket Forloeb)",
                "forloeb_kilde_id",
            )
        placement = None
        if values.get("placering_kilde_id"):
            placement_id = ctx.object_id("placeringer", values["placering_kilde_id"])
            placement = Placement.objects.filter(course=course, pk=placement_id).first() if placement_id else None
            if placement is None:
                raise CellError("ukendt placering, eller placeringen hører ikke til forløbet", "placering_kilde_id")
        return {"course": course, "placement": placement}

    def load(self, object_id: int, ctx: Context) -> Any:
        return FollowUp.objects.filter(course__citizen__municipality=ctx.municipality, pk=object_id).first()

    def current(self, obj: FollowUp, ctx: Context) -> dict[str, str]:
        return {
            "forloeb_kilde_id": ctx.source_id_of("forloeb", obj.course_id),
            "dato": _iso(obj.happened_on),
            "kanal": _inverse(CHANNEL).get(obj.channel, obj.channel),
            "fremmoede": _inverse(ATTENDANCE).get(obj.attendance, obj.attendance),
            "placering_kilde_id": ctx.source_id_of("placeringer", obj.placement_id) if obj.placement_id else "",
            "effektivitet": "" if obj.effectiveness is None else str(obj.effectiveness),
            "opgaver": obj.tasks,
            "naeste": _iso(obj.next_on),
        }

    def create(self, values: dict[str, str], refs: dict[str, Any], ctx: Context) -> FollowUp:
        return follow_ups.record_follow_up(
            actor=ctx.actor,
            course=refs["course"],
            placement=refs["placement"],
            happened_on=date.fromisoformat(values["dato"]),
            channel=CHANNEL[values["kanal"]],
            attendance=ATTENDANCE[values["fremmoede"]],
            tasks=values.get("opgaver", ""),
            effectiveness=int(values["effektivitet"]) if values.get("effektivitet") else None,
            next_on=_day(values.get("naeste", "")),
            today=ctx.today,
        )

    def update(
        self, obj: FollowUp, values: dict[str, str], changed: set[str], refs: dict[str, Any], ctx: Context
    ) -> None:
        # A follow-up is a record of what happened; it is corrected in Småjob, with a reason.
        self.fixed(changed, sorted(changed))

    def export(self, ctx: Context) -> Iterable[Any]:
        return FollowUp.objects.filter(course__citizen__municipality=ctx.municipality).order_by("pk")

    def citizen_of(self, obj: Any) -> int | None:
        return int(obj.course.citizen_id)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Citizens(),
        Companies(),
        Contacts(),
        Buddies(),
        Openings(),
        Courses(),
        Placements(),
        Hours(),
        FollowUps(),
    )
}
