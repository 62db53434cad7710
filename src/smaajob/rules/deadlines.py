# SPDX-License-Identifier: MPL-2.0
"""Rettidighed: every deadline of one kontanthjælp course on a day, and what a missed one costs.

The deadlines are those of seed 002 Kap. 2 (SFI 2012, citing BEK nr. 710 of 23/06/2011), read
from the dated parameters ``activation_*.yaml`` by ``smaajob.rules.activation``'s rules:

* the first conversation (``first_conversation``): 1 month (under 30) or 3 months (30 and over)
  after the first request for help (002 L1251-1253);
* the contact interval (``contact``): then a conversation at least every 3 months (002 L1248-1250);
* right and duty to an offer (``offer``): by 13 weeks (under 30) or 9 months (30 and over) of
  unemployment, then a new offer every 6 months (002 L1223-1230);
* the 13-week limit of a company placement for the non-job-ready (``placement_limit``, 002 L1278-1280).

Each deadline is computed with the rule in force on the day its period starts (the request for
help, the previous conversation, the end of the previous offer, the placement's start). Where
our sources give no rule for that day (from 2013; see ``docs/deadlines.md``) the deadline is
``unknown`` ("ukendt regel for perioden") and the chain stops: we never extend an old rule.

A missed conversation or offer deadline costs refund (002 L3067-3068): from the day after the
deadline to the day the conversation is held or the offer starts (or to the day asked about),
the refund is ``refund_rate_when_deadline_missed`` instead of the rate that would have applied
(``activation.refund_rate`` on the first late day). The amount is the benefit paid in the late
period (monthly amount × 12 / 365 per day) times that difference. The placement limit is a limit
on the offer, not a deadline of the municipality's: our sources tie no refund to it.

Deadlines are computed, never enforced (the caseworker plans the conversations and offers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, SmaajobError
from smaajob.rules.activation import Activity, add_months, refund_rate
from smaajob.rules.errors import ValueNotKnown
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_number

UNKNOWN_RULE = "ukendt regel for perioden"
DAYS_PER_YEAR = 365


class DeadlineKind(StrEnum):
    FIRST_CONVERSATION = "first_conversation"
    CONTACT = "contact"
    OFFER = "offer"
    PLACEMENT_LIMIT = "placement_limit"


KIND_LABELS = {
    DeadlineKind.FIRST_CONVERSATION: "Første samtale",
    DeadlineKind.CONTACT: "Samtale i kontaktforløbet",
    DeadlineKind.OFFER: "Ret og pligt til tilbud",
    DeadlineKind.PLACEMENT_LIMIT: "Virksomhedspraktik højst 13 uger",
}


class DeadlineStatus(StrEnum):
    MET = "met"  # held / started / ended on or before the deadline
    MISSED = "missed"  # after the deadline, or not yet and the deadline has passed
    COMING = "coming"  # not yet, and the deadline has not passed
    UNKNOWN = "unknown"  # no sourced rule for the period


STATUS_LABELS = {
    DeadlineStatus.MET: "overholdt",
    DeadlineStatus.MISSED: "overskredet",
    DeadlineStatus.COMING: "kommende",
    DeadlineStatus.UNKNOWN: UNKNOWN_RULE,
}


@dataclass(frozen=True)
class Offer:
    """A period that counts as an offer (for now a company placement, hybrid or wage subsidy)."""

    start: dt.date
    end: dt.date | None  # None: still running
    company_placement: bool = False  # virksomhedspraktik: the 13-week limit applies
    label: str = ""


@dataclass(frozen=True)
class CourseFacts:
    """What the deadlines of one course follow from (plain data; the caller reads the records)."""

    first_contact: dt.date  # første henvendelse om hjælp
    birth_date: dt.date
    conversations: tuple[dt.date, ...] = ()
    offers: tuple[Offer, ...] = ()
    job_ready: bool = False
    unemployed_since: dt.date | None = None  # start of (cumulative) unemployment; else first_contact
    monthly_benefit: float | None = None  # kr. a month, for the refund amount
    benefit_since: dt.date | None = None  # start of public benefit, for the refund steps from 2016


@dataclass(frozen=True)
class RefundLoss:
    late_from: dt.date
    late_to: dt.date
    days: int
    rate: float | None = None  # the refund share that would have been paid
    rate_when_late: float | None = None
    amount: float | None = None  # kr.
    ongoing: bool = False  # still late on the day asked about: the amount grows
    unknown_reason: str = ""

    @property
    def share_lost(self) -> float | None:
        if self.rate is None or self.rate_when_late is None:
            return None
        return max(self.rate - self.rate_when_late, 0.0)

    def to_dict(self) -> dict[str, object]:
        return {
            "late_from": self.late_from.isoformat(),
            "late_to": self.late_to.isoformat(),
            "days": self.days,
            "rate": self.rate,
            "rate_when_late": self.rate_when_late,
            "share_lost": self.share_lost,
            "amount": self.amount,
            "ongoing": self.ongoing,
            "unknown_reason": self.unknown_reason,
        }


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    status: DeadlineStatus
    due: dt.date | None  # None when the rule is unknown
    met_on: dt.date | None = None
    counted_from: dt.date | None = None
    basis: str = ""  # the legal basis, with its reference
    note: str = ""
    refund: RefundLoss | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_open(self) -> bool:
        """Still to be acted on: coming, or missed and not yet made good."""
        return self.status == DeadlineStatus.COMING or (self.status == DeadlineStatus.MISSED and self.met_on is None)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "label": self.label,
            "status": self.status.value,
            "status_label": self.status_label,
            "due": self.due.isoformat() if self.due else None,
            "met_on": self.met_on.isoformat() if self.met_on else None,
            "counted_from": self.counted_from.isoformat() if self.counted_from else None,
            "basis": self.basis,
            "note": self.note,
            "refund": self.refund.to_dict() if self.refund else None,
        }


@dataclass(frozen=True)
class DeadlineReport:
    on: dt.date
    deadlines: tuple[Deadline, ...]
    trace: Trace = field(compare=False)

    @property
    def missed(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.status == DeadlineStatus.MISSED)

    @property
    def next_open(self) -> Deadline | None:
        """The open deadline that comes (or came) first: the most urgent."""
        open_ = [d for d in self.deadlines if d.is_open and d.due is not None]
        return min(open_, key=lambda d: d.due or self.on, default=None)

    @property
    def unknown(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.status == DeadlineStatus.UNKNOWN)

    @property
    def refund_at_stake(self) -> float:
        """Kroner of refund lost by the missed deadlines whose amount is known."""
        return round(sum(d.refund.amount for d in self.missed if d.refund and d.refund.amount is not None), 2)

    @property
    def refund_unknown(self) -> bool:
        return any(d.refund is not None and d.refund.amount is None for d in self.missed)

    def to_dict(self) -> dict[str, object]:
        nxt = self.next_open
        return {
            "on": self.on.isoformat(),
            "deadlines": [d.to_dict() for d in self.deadlines],
            "next_due": nxt.due.isoformat() if nxt and nxt.due else None,
            "missed": len(self.missed),
            "refund_at_stake": self.refund_at_stake,
            "refund_unknown": self.refund_unknown,
            "trace": self.trace.to_dict(),
        }


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class _Engine:
    def __init__(self, facts: CourseFacts, on: dt.date, params: ParameterSet):
        self.facts = facts
        self.on = on
        self.params = params
        self.trace = Trace("Rettidighed: frister i kontaktforløbet")
        self.young = age_on(facts.birth_date, facts.first_contact) < 30
        self.conversations = sorted({c for c in facts.conversations if facts.first_contact <= c <= on})
        self.offers = self._merged_offers()

    # -- helpers ---------------------------------------------------------------------------

    def _merged_offers(self) -> list[tuple[dt.date, dt.date | None]]:
        """Offers begun by the day, overlapping or back-to-back ones joined into one period."""
        periods: list[tuple[dt.date, dt.date | None]] = []
        for offer in sorted(self.facts.offers, key=lambda o: o.start):
            if offer.start > self.on:
                continue
            end = offer.end if offer.end is not None and offer.end <= self.on else None
            if periods:
                last_start, last_end = periods[-1]
                if last_end is None or offer.start <= last_end + dt.timedelta(days=1):
                    merged_end = None if last_end is None or end is None else max(last_end, end)
                    periods[-1] = (last_start, merged_end)
                    continue
            periods.append((offer.start, end))
        return periods

    def _value(self, name: str, day: dt.date) -> float:
        return self.trace.number(self.params, name, day)

    def _basis(self, name: str, day: dt.date) -> str:
        return self.params.entry(name, day).reference

    def _unknown(self, kind: DeadlineKind, counted_from: dt.date, error: ValueNotKnown) -> Deadline:
        self.trace.step(f"{KIND_LABELS[kind]} fra {format_date(counted_from)}: {UNKNOWN_RULE}.")
        return Deadline(
            kind,
            DeadlineStatus.UNKNOWN,
            None,
            counted_from=counted_from,
            basis=self._basis_or_blank(error.parameter, counted_from),
            note=f"{UNKNOWN_RULE}: {error.explanation}",
        )

    def _basis_or_blank(self, name: str, day: dt.date) -> str:
        try:
            return self._basis(name, day)
        except SmaajobError:
            return ""

    def _in_offer(self, day: dt.date) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in self.offers)

    def _refund(self, due: dt.date, met_on: dt.date | None) -> RefundLoss:
        late_from = due + dt.timedelta(days=1)
        late_to = met_on if met_on is not None else self.on
        days = (late_to - due).days
        ongoing = met_on is None
        try:
            when_late = self._value("refund_rate_when_deadline_missed", late_from)
            weeks = None
            if self.facts.benefit_since is not None and self.facts.benefit_since <= late_from:
                weeks = (late_from - self.facts.benefit_since).days // 7 + 1
            activity = Activity.COMPANY_OFFER if self._in_offer(late_from) else Activity.PASSIVE
            result = refund_rate(late_from, activity, self.params, weeks_on_benefit=weeks)
            rate = result.rate
            for used in result.trace.parameters:
                if used not in self.trace.parameters:
                    self.trace.parameters.append(used)
        except ValueNotKnown as error:
            return RefundLoss(
                late_from, late_to, days, ongoing=ongoing, unknown_reason=f"{UNKNOWN_RULE}: {error.explanation}"
            )
        except InvalidInput as error:
            return RefundLoss(late_from, late_to, days, ongoing=ongoing, unknown_reason=error.message)
        loss = RefundLoss(late_from, late_to, days, rate=rate, rate_when_late=when_late, ongoing=ongoing)
        if self.facts.monthly_benefit is None:
            return RefundLoss(
                late_from,
                late_to,
                days,
                rate,
                when_late,
                ongoing=ongoing,
                unknown_reason="borgerens månedlige ydelse er ikke registreret",
            )
        share = loss.share_lost or 0.0
        counted_to, note = self._counted_to(late_from, late_to)
        counted_days = (counted_to - due).days
        amount = round(self.facts.monthly_benefit * 12 / DAYS_PER_YEAR * counted_days * share, 2)
        if note:
            self.trace.step(note)
            days = counted_days
        self.trace.step(
            f"Overskredet {format_date(due)}: {days} dag(e) fra {format_date(late_from)} til {format_date(late_to)}; "
            f"refusion {format_number(rate * 100)} % i stedet for {format_number(when_late * 100)} %: "
            f"{format_number(self.facts.monthly_benefit)} kr. × 12 / {DAYS_PER_YEAR} × {days} × "
            f"{format_number(share * 100)} % = {format_number(amount)} kr.",
            amount,
        )
        return RefundLoss(late_from, late_to, days, rate, when_late, amount, ongoing, unknown_reason=note)

    def _counted_to(self, late_from: dt.date, late_to: dt.date) -> tuple[dt.date, str]:
        """The last late day whose refund rule our sources give (an old rule is never extended)."""
        entries = self.params["refund_rate_when_deadline_missed"].entries_between(late_from, late_to)
        for entry in entries[1:]:
            if not entry.usable:
                last = entry.effective_from - dt.timedelta(days=1)
                return last, f"beløbet er regnet til og med {format_date(last)}; derefter {UNKNOWN_RULE}"
        return late_to, ""

    def _judge(
        self,
        kind: DeadlineKind,
        due: dt.date,
        met_on: dt.date | None,
        counted_from: dt.date,
        basis: str,
        note: str = "",
        *,
        costs_refund: bool = True,
    ) -> Deadline:
        if met_on is not None and met_on <= due:
            status = DeadlineStatus.MET
        elif met_on is not None or self.on > due:
            status = DeadlineStatus.MISSED
        else:
            status = DeadlineStatus.COMING
        refund = self._refund(due, met_on) if status == DeadlineStatus.MISSED and costs_refund else None
        self.trace.step(
            f"{KIND_LABELS[kind]}: frist {format_date(due)} (regnet fra {format_date(counted_from)})"
            f" – {STATUS_LABELS[status]}" + (f" den {format_date(met_on)}" if met_on else "") + "."
        )
        return Deadline(kind, status, due, met_on, counted_from, basis, note, refund)

    # -- the deadlines ---------------------------------------------------------------------

    def conversations_chain(self) -> list[Deadline]:
        first_contact = self.facts.first_contact
        name = (
            "activation_first_conversation_months_under_30"
            if self.young
            else "activation_first_conversation_months_30_plus"
        )
        try:
            months = int(self._value(name, first_contact))
        except ValueNotKnown as error:
            return [self._unknown(DeadlineKind.FIRST_CONVERSATION, first_contact, error)]
        due = add_months(first_contact, months)
        held = self.conversations[0] if self.conversations else None
        found = [
            self._judge(
                DeadlineKind.FIRST_CONVERSATION,
                due,
                held,
                first_contact,
                self._basis(name, first_contact),
                f"senest {months} måned(er) efter første henvendelse om hjælp",
            )
        ]
        if held is None:
            return found
        anchor = held
        later = [c for c in self.conversations if c > held]
        while True:
            try:
                interval = int(self._value("activation_contact_interval_months", anchor))
            except ValueNotKnown as error:
                found.append(self._unknown(DeadlineKind.CONTACT, anchor, error))
                return found
            due = add_months(anchor, interval)
            nxt = later.pop(0) if later else None
            found.append(
                self._judge(
                    DeadlineKind.CONTACT,
                    due,
                    nxt,
                    anchor,
                    self._basis("activation_contact_interval_months", anchor),
                    f"mindst hver {interval}. måned efter forrige samtale",
                )
            )
            if nxt is None:
                return found
            anchor = nxt

    def offers_chain(self) -> list[Deadline]:
        start = self.facts.unemployed_since or self.facts.first_contact
        try:
            if self.young:
                name = "activation_offer_after_weeks_under_30"
                weeks = int(self._value(name, start))
                due = start + dt.timedelta(weeks=weeks)
                note = f"senest efter {weeks} ugers sammenlagt ledighed (under 30 år)"
            else:
                name = "activation_offer_after_months_30_plus"
                months = int(self._value(name, start))
                due = add_months(start, months)
                note = f"senest efter {months} måneders sammenlagt ledighed (30 år og derover)"
        except ValueNotKnown as error:
            return [self._unknown(DeadlineKind.OFFER, start, error)]
        periods = [p for p in self.offers if p[0] >= start]
        first = periods[0] if periods else None
        found = [
            self._judge(DeadlineKind.OFFER, due, first[0] if first else None, start, self._basis(name, start), note)
        ]
        index = 0
        while index < len(periods):
            previous_end = periods[index][1]
            if previous_end is None:
                return found  # the offer still runs: no new offer is due yet
            repeat = "activation_repeat_offer_months"
            try:
                months = int(self._value(repeat, previous_end))
            except ValueNotKnown as error:
                found.append(self._unknown(DeadlineKind.OFFER, previous_end, error))
                return found
            due = add_months(previous_end, months)
            nxt = periods[index + 1][0] if index + 1 < len(periods) else None
            found.append(
                self._judge(
                    DeadlineKind.OFFER,
                    due,
                    nxt,
                    previous_end,
                    self._basis(repeat, previous_end),
                    f"nyt tilbud senest {months} måneder efter, at det forrige sluttede",
                )
            )
            index += 1
        return found

    def placement_limits(self) -> list[Deadline]:
        if self.facts.job_ready:
            return []
        found: list[Deadline] = []
        name = "activation_placement_max_weeks_not_job_ready"
        for offer in sorted(self.facts.offers, key=lambda o: o.start):
            if not offer.company_placement or offer.start > self.on:
                continue
            try:
                weeks = int(self._value(name, offer.start))
            except ValueNotKnown as error:
                found.append(self._unknown(DeadlineKind.PLACEMENT_LIMIT, offer.start, error))
                continue
            last_day = offer.start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
            ended = offer.end if offer.end is not None and offer.end <= self.on else None
            label = f" ({offer.label})" if offer.label else ""
            found.append(
                self._judge(
                    DeadlineKind.PLACEMENT_LIMIT,
                    last_day,
                    ended,
                    offer.start,
                    self._basis(name, offer.start),
                    f"praktikken{label} skal slutte senest efter {weeks} uger",
                    costs_refund=False,
                )
            )
        return found


def course_deadlines(facts: CourseFacts, on: dt.date, params: ParameterSet | None = None) -> DeadlineReport:
    """Every deadline of the course on ``on``: met, missed (with the refund lost) or coming."""
    params = params or default_parameters()
    if on < facts.first_contact:
        raise InvalidInput(
            "datoen skal være samme dag som eller efter første henvendelse om hjælp "
            f"({format_date(facts.first_contact)})",
            field="on",
        )
    if facts.birth_date >= facts.first_contact:
        raise InvalidInput("fødselsdatoen skal ligge før første henvendelse om hjælp", field="birth_date")
    if facts.monthly_benefit is not None and facts.monthly_benefit < 0:
        raise InvalidInput("den månedlige ydelse skal være 0 kr. eller mere", field="monthly_benefit")
    for offer in facts.offers:
        if offer.end is not None and offer.end < offer.start:
            raise InvalidInput("et tilbud skal slutte samme dag som eller efter, det begynder", field="offers")
    engine = _Engine(facts, on, params)
    trace = engine.trace
    trace.input("first_contact", "Første henvendelse om hjælp", facts.first_contact)
    trace.input("age", "Alder ved henvendelsen", age_on(facts.birth_date, facts.first_contact))
    trace.input("on", "Opgjort pr.", on)
    trace.input("conversations", "Samtaler (talt med)", len(engine.conversations))
    deadlines = [*engine.conversations_chain(), *engine.offers_chain(), *engine.placement_limits()]
    trace.note("Ledighed skal lægges sammen over afbrydelser; beregningen regner fra den første dag, den får.")
    trace.note(
        "En frist regnes efter reglen, der gælder den dag, perioden begynder; findes der ingen kilde, "
        f"vises '{UNKNOWN_RULE}'."
    )
    return DeadlineReport(on, tuple(deadlines), trace)
