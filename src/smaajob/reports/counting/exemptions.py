# SPDX-License-Identifier: MPL-2.0
"""Exemption rate under the 225-hour rule: the share of those *covered* by the rule who are exempt.

The published figures are shares of the covered: 58 % of those covered by the rule were exempt
nationally in January 2017 (Beskæftigelsesministeriet, "Effektevaluering af Jobreform fase 1",
2018, s. 3), and 93 % of the aktivitetsparate in Aalborg. Everyone on the three benefits is
not the base: an unmarried recipient of integrationsydelse, a newcomer with less than a year
of help, a couple where the spouse is on a pension are not covered at all.

Who is covered is the rules engine's decision, not this module's: the report's tables are
turned into a ``smaajob.rules.Population`` (persons × the month of the count day and the
look-back months before it) and ``hours_requirement_population`` gives each person's status in
that month — covered is any status but "not covered", exempt is "exempt" (a caseworker's
recorded decision, LAS § 13 f stk. 9). Whether the benefit received keeps a person out
(``coverage_by_benefit``) is asked once per distinct combination of benefit kind and family
facts (``tables.coverage``). A person whose facts the engine needs but nobody recorded is left
out of the base and counted in the note, never guessed.

The count is for the month of the count day (the period's last day), the rules engine's unit:
the benefit in force on each month's last day, an exemption in force on some day of the month.
After the rule's abolition (30 June 2025) and before it there is no rate: "ikke relevant".
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from smaajob.danish_numbers import format_count
from smaajob.reports.counting.grouping import count_citizens
from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables
from smaajob.rules import (
    BenefitKind,
    CitizenCase,
    MonthRecord,
    Population,
    SpouseSupport,
    Status,
    hours_requirement_population,
)
from smaajob.rules.coverage import covered_benefits
from smaajob.rules.errors import FactMissing
from smaajob.rules.hours_requirement import REASON_CODES, STATUS_CODES, coverage_by_benefit, month_rules
from smaajob.rules.months import danish_month, month_end, month_index
from smaajob.rules.parameters import default_parameters

NAME = "Andel fritaget – andel af de omfattede af 225-timersreglen"
SOURCE = (
    "Beskæftigelsesministeriet, Effektevaluering af Jobreform fase 1 (2018), s. 3: 58 % af de omfattede "
    "var undtaget i januar 2017; 93 % af de aktivitetsparate i Aalborg Kommune (speciale, Aalborg "
    "Universitet 2018); lov om aktiv socialpolitik § 13 f, stk. 1-11"
)
NOT_APPLICABLE = "ikke relevant"
NOT_APPLICABLE_NOTE = (
    "225-timersreglen gjaldt fra 1. april 2016 til 30. juni 2025 (ophævet ved lov nr. 1655 af 30/12/2024); "
    "i opgørelsesmåneden var ingen omfattet, så der er ingen andel fritaget."
)
UNKNOWN_READINESS = "uoplyst"
_NOT_COVERED, _EXEMPT = STATUS_CODES[Status.NOT_COVERED], STATUS_CODES[Status.EXEMPT]


def rule_text(coverage_months: int, lookback_months: int) -> str:
    return (
        "Andel fritaget af de omfattede af 225-timersreglen i opgørelsesmåneden (måneden med periodens "
        "sidste dag). Grundlaget er de omfattede, som regelmotoren afgør det: hjælp efter lov om aktiv "
        "socialpolitik ved månedens udgang (kontanthjælp, uddannelseshjælp eller integrationsydelse), "
        f"hjælp i mindst {coverage_months} af de {lookback_months} kalendermåneder før (§ 13 f, stk. 10-11), "
        "og ikke holdt uden for reglen af ydelsen og familieforholdene (ugifte på integrationsydelse er ikke "
        "omfattet, § 13 f, stk. 3-8). Tælleren er de omfattede med en gældende afgørelse om fritagelse "
        "(§ 13 f, stk. 9). Ikke alle på de tre ydelser er altså med i grundlaget."
    )


def _month_of(column: pl.Expr) -> pl.Expr:
    return column.dt.year().cast(pl.Int64) * 12 + column.dt.month().cast(pl.Int64) - 1


def _months(frame: pl.DataFrame, first: int, last: int, *, at_month_end: bool) -> pl.DataFrame:
    """The rows of a dated frame exploded to the month indexes ``first``..``last`` they hold in:
    on the month's last day (``at_month_end``, the rules' convention for a benefit) or on some
    day of the month (a decision in force in the month)."""
    to = pl.col("valid_to")
    end = _month_of(to) - (to < to.dt.month_end()).cast(pl.Int64) if at_month_end else _month_of(to)
    spans = frame.with_columns(
        start=pl.max_horizontal(pl.lit(first), _month_of(pl.col("valid_from"))),
        end=pl.min_horizontal(pl.lit(last), end.fill_null(last)),
    ).filter(pl.col("start") <= pl.col("end"))
    return spans.with_columns(pl.int_ranges("start", pl.col("end") + 1).alias("month")).explode("month")


def _excluded(persons: pl.DataFrame, month: int) -> pl.DataFrame:
    """citizen_id, code: the engine's reason code when the benefit received keeps the person out
    of the rule in ``month`` (0: it does not), or −1 when a fact it needs is not recorded."""
    keys = ["benefit_type", "married", "spouse_support", "provider", "full_child_benefit_from"]
    combos = persons.select(keys).unique()
    codes = [_exclusion_code(month, *row) for row in combos.iter_rows()]
    decided = combos.with_columns(pl.Series("code", codes, dtype=pl.Int8))
    return persons.join(decided, on=keys, how="left", nulls_equal=True).select("citizen_id", "code")


def _exclusion_code(
    month: int, kind: str, married: bool | None, support: str | None, provider: bool | None, full_from: date | None
) -> int:
    case = CitizenCase.of(
        (MonthRecord(month, on_covered_benefit=True, benefit_kind=BenefitKind(kind)),),
        married=bool(married),
        spouse_support=SpouseSupport(support) if support else None,
        provider=provider,
        full_child_benefit_from=full_from,
    )
    try:
        reason = coverage_by_benefit(case, month)
    except FactMissing:
        return -1
    return 0 if reason is None else REASON_CODES[reason]


def coverage_flags(tables: EventTables, day: date) -> tuple[pl.DataFrame, int] | None:
    """(citizen_id, covered, exempt per person on a covered benefit in ``day``'s month; how
    many the engine could not decide for lack of a recorded fact), or None when nobody can be
    covered that month (the rule not in force)."""
    params = default_parameters()
    month = month_index(day)
    rules = month_rules(params, month)
    if not rules.in_force or not covered_benefits(month_end(month)):
        return None
    first = month - rules.coverage_lookback
    # A month of help on a kind the rule has covered counts whenever it was received (as
    # smaajob.cases builds the case), with the benefit in force on the month's last day. One
    # citizen's benefit periods do not overlap (a new one closes the last, smaajob.history);
    # should they, the earliest begun gives the count month's kind (cases.benefit_in_force).
    helped = tables.benefits.filter(pl.col("benefit_type").is_in(sorted(covered_benefits())))
    on_help = _months(helped, first, month, at_month_end=True)
    now = (
        on_help.filter(pl.col("month") == month)
        .sort("valid_from")
        .unique("citizen_id", keep="first")
        .filter(pl.col("benefit_type").is_in(sorted(covered_benefits(month_end(month)))))
        .select("citizen_id", "benefit_type")
    )
    facts = tables.coverage.unique("citizen_id", keep="first")
    people = now.join(facts, on="citizen_id", how="left").sort("citizen_id")
    excluded = _excluded(people, month)
    unknown = excluded.filter(pl.col("code") < 0)
    people = people.filter(~pl.col("citizen_id").is_in(unknown["citizen_id"].implode()))
    excluded = excluded.filter(pl.col("code") >= 0)
    ids = people["citizen_id"]
    population = Population.empty(ids.len(), month - first + 1, first)
    if ids.len():
        index = pl.DataFrame({"citizen_id": ids, "row": np.arange(ids.len())})
        cells = on_help.join(index, on="citizen_id").select("row", pl.col("month") - first)
        population.on_benefit[cells["row"].to_numpy(), cells["month"].to_numpy()] = True
        # Only the count month's status is read, and a cell's exemption decides only that cell.
        exempt = _months(tables.exemptions, month, month, at_month_end=False).join(index, on="citizen_id")
        population.exempt[exempt["row"].to_numpy(), -1] = True
        population.married_both_on_help[:] = people["married"].fill_null(False).to_numpy()
        assert population.benefit_excluded is not None
        population.benefit_excluded[:, -1] = excluded.sort("citizen_id")["code"].to_numpy()
    status = hours_requirement_population(population, params).status[:, -1]
    flags = pl.DataFrame({"citizen_id": ids, "covered": status != _NOT_COVERED, "exempt": status == _EXEMPT})
    return flags.filter(pl.col("covered")), unknown.height


def exemption_rates(
    tables: EventTables, period: Period, groups: pl.DataFrame, on: date | None = None
) -> dict[str, Measure]:
    """Per citizen-level group (e.g. readiness category or municipality) and in total; a
    covered citizen outside every group is counted under "uoplyst" (and once in the total)."""
    day = on or period.end
    month = month_index(day)
    decided = coverage_flags(tables, day)
    if decided is None:
        return {TOTAL: _not_applicable(period, month)}
    flags, unknown = decided
    ungrouped = flags.filter(~pl.col("citizen_id").is_in(groups["citizen_id"].implode()))
    groups = pl.concat(
        [groups.select("citizen_id", "group"), ungrouped.select("citizen_id", pl.lit(UNKNOWN_READINESS).alias("group"))]
    )
    counted = count_citizens(flags, groups, ["covered", "exempt"], on="citizen_id")
    rules = month_rules(default_parameters(), month)
    rule = rule_text(rules.coverage_months, rules.coverage_lookback)
    result = {}
    for group, counts in counted.items():
        base = counts.ids["covered"]
        hit = counts.ids["exempt"]
        result[group] = Measure(
            "exemptions.rate",
            NAME,
            hit.size / base.size if base.size else None,
            period,
            rule,
            SOURCE,
            "andel",
            group,
            numerator_ids=hit,
            base=int(base.size),
            base_ids=base,
            note_da=_unknown_note(unknown) if group == TOTAL else "",
        )
    return result


def _unknown_note(unknown: int) -> str:
    if not unknown:
        return ""
    who = "borger" if unknown == 1 else "borgere"
    return (
        f"{format_count(unknown)} {who} på integrationsydelse (eller gift med en modtager af den) er ikke med i "
        "grundlaget, fordi en oplysning om, hvem der er omfattet, mangler (hvad ægtefællen lever af, børn, "
        "ret til fuld børne- og ungeydelse); den registreres på borgerens side."
    )


def _not_applicable(period: Period, month: int) -> Measure:
    return Measure(
        "exemptions.rate",
        NAME,
        None,
        period,
        f"Ingen var omfattet af 225-timersreglen i {danish_month(month)}.",
        SOURCE,
        "andel",
        TOTAL,
        note_da=NOT_APPLICABLE_NOTE,
        no_value_da=NOT_APPLICABLE,
    )


def readiness_groups(tables: EventTables, day: date) -> pl.DataFrame:
    """citizen_id, group = readiness category on the day (e.g. Aalborg's 93 % of aktivitetsparate)."""
    frame = tables.readiness
    on = frame.filter((pl.col("valid_from") <= day) & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)))
    return on.select("citizen_id", pl.col("category").alias("group")).unique()


__all__ = ["coverage_flags", "exemption_rates", "readiness_groups"]
