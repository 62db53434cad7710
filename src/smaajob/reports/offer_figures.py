# SPDX-License-Identifier: MPL-2.0
"""The offers report's and the cost page's figures as text for the reader: exact, or with small
cells withheld for a reader who may see aggregates only (an analyst, ``small_cell_threshold``).

The same rules as the dashboard's (``reports.counting.suppression``), applied to the orders'
tables (``offers.selectors``):

* a count of 1 to ``threshold - 1`` persons or orders is shown as "< 5"; zero is shown;
* in a column whose cells add up to a shown total, a single withheld cell is protected by
  withholding the smallest other cell too ("skjult") — ``count_cells``;
* an amount, an hour sum or a price per person about a withheld number of persons is withheld
  with it ("skjult"): the price of one citizen's order is that citizen's;
* "X of Y" withholds X, and the rest Y − X, when either is small.

Exact readers (coordinators, consultants) get the same texts without anything withheld, so the
templates print text only and never format a number themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from smaajob.danish_numbers import format_count, format_decimal
from smaajob.offers.counting import OffersAndPersons
from smaajob.offers.selectors import AfterLift, Completion, CostLine, OrderCosts
from smaajob.reports.counting.suppression import SHOWN_IF_HIDDEN_BY_OTHERS, count_cells, small_cell_text


@dataclass(frozen=True)
class ShownRow:
    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ShownTable:
    rows: tuple[ShownRow, ...]
    total: ShownRow | None
    withheld: bool  # something is withheld: the page says why


def _small(n: int, threshold: int | None) -> bool:
    return threshold is not None and 0 < n < threshold


def _count(n: int, threshold: int | None) -> str:
    """One count judged on its own."""
    return small_cell_text(threshold) if threshold is not None and _small(n, threshold) else format_count(n)


def _column(values: dict[str, int], threshold: int | None, total: int | None) -> tuple[dict[str, str], str]:
    if threshold is None:
        return {k: format_count(v) for k, v in values.items()}, "" if total is None else format_count(total)
    return count_cells(values, threshold, total=total)


def _hidden(text: str, threshold: int | None) -> bool:
    return threshold is not None and text in (small_cell_text(threshold), SHOWN_IF_HIDDEN_BY_OTHERS)


def offer_counts(counts: OffersAndPersons, threshold: int | None) -> ShownTable:
    """Offers and persons per kind of offer, and in all (Tabel 3.1's rule)."""
    labels = [r.group for r in counts.rows]
    offers, total_offers = _column({r.group: r.offers for r in counts.rows}, threshold, counts.total_offers)
    # Persons do not add up to the total (a person in two groups is once in the total), so each
    # row is judged on its own; a lone withheld row cannot be worked out from the total.
    persons, total_persons = _column({r.group: r.persons for r in counts.rows}, threshold, None)
    total_persons = _count(counts.total_persons, threshold)
    rows = tuple(ShownRow(g, (offers[g], persons[g])) for g in labels)
    total = ShownRow("I alt", (total_offers, total_persons))
    withheld = any(_hidden(c, threshold) for row in (*rows, total) for c in row.cells)
    return ShownTable(rows, total, withheld)


@dataclass(frozen=True)
class ShownCompletion:
    completed: str
    ended: str
    interrupted: str
    percent: str  # "" when there is no share to show


def completion(c: Completion, threshold: int | None) -> ShownCompletion:
    """ "X af Y afsluttede blev gennemført; Z blev afbrudt": X and Z are each other's rest."""
    if _small(c.ended, threshold):
        text = small_cell_text(threshold or 0)
        return ShownCompletion(text, text, text, "")
    if _small(c.completed, threshold) or _small(c.interrupted, threshold):
        text = small_cell_text(threshold or 0)
        return ShownCompletion(text, format_count(c.ended), text, "")
    share = c.share_completed
    percent = "" if share is None else format_decimal(round(share * 100), max_decimals=0)
    return ShownCompletion(format_count(c.completed), format_count(c.ended), format_count(c.interrupted), percent)


@dataclass(frozen=True)
class ShownAfterLift:
    lifts: str
    with_placement: str
    with_paid_hours: str
    paid_hours: str
    rule_da: str


def after_lift(a: AfterLift, threshold: int | None) -> ShownAfterLift:
    small = small_cell_text(threshold or 0)

    def part(n: int) -> str:
        # Of the lifts: n, and the rest who did not, are both persons.
        return small if _small(n, threshold) or _small(a.lifts - n, threshold) else format_count(n)

    if _small(a.lifts, threshold):
        return ShownAfterLift(small, small, small, SHOWN_IF_HIDDEN_BY_OTHERS, a.rule_da)
    paid = part(a.with_paid_hours)
    hours = SHOWN_IF_HIDDEN_BY_OTHERS if paid == small else format_decimal(a.paid_hours, max_decimals=1)
    return ShownAfterLift(format_count(a.lifts), part(a.with_placement), paid, hours, a.rule_da)


def withheld_note(threshold: int | None) -> str:
    """Why some figures read "< 5" or "skjult" (empty for exact readers)."""
    if threshold is None:
        return ""
    return (
        f"Små tal er skjult: tal for færre end {threshold} personer vises som »{small_cell_text(threshold)}«, "
        f"og hvor et skjult tal kunne regnes ud fra de andre, er endnu et tal skjult (»{SHOWN_IF_HIDDEN_BY_OTHERS}«). "
        "Beløb og timer for skjulte personer er skjult med dem."
    )


def _kr(value: Decimal | None) -> str:
    return "–" if value is None else f"{format_decimal(value, max_decimals=0)} kr."


# The cost table's columns, in the order of the template's header.
COST_COLUMNS = (
    "Bestillinger",
    "Timer",
    "Pris i alt",
    "Borgere",
    "Pr. borger",
    "Småjob nået",
    "Pr. småjob",
    "Stadig efter 6 mdr.",
    "Pr. person stadig i job",
)


def _cost_cells(line: CostLine, citizens: str, threshold: int | None) -> tuple[str, ...]:
    line_hidden = _hidden(citizens, threshold)
    money = SHOWN_IF_HIDDEN_BY_OTHERS if line_hidden else None
    reached = citizens if line_hidden else _of(line.reached_smaajob, line.citizens, threshold)
    still = citizens if line_hidden else _of(line.still_after_6_months, line.citizens, threshold)
    return (
        citizens if line_hidden else format_count(line.orders),
        money or format_decimal(line.hours, max_decimals=1),
        money or _kr(line.cost_kr),
        citizens,
        money or _kr(line.per_citizen),
        reached,
        SHOWN_IF_HIDDEN_BY_OTHERS if _hidden(reached, threshold) else (money or _kr(line.per_smaajob)),
        still,
        SHOWN_IF_HIDDEN_BY_OTHERS if _hidden(still, threshold) else (money or _kr(line.per_still_there)),
    )


def order_costs(costs: OrderCosts, threshold: int | None) -> ShownTable:
    """The recorded orders' prices per project: a project of a few citizens is withheld whole
    (its price is theirs), and the persons' columns follow the counting rules."""
    lines = {line.label: line for line in costs.lines}
    citizens, _ = _column({k: v.citizens for k, v in lines.items()}, threshold, None)
    if threshold is not None:
        # The total counts each citizen once, so a lone withheld project could be worked out
        # from it: one more (the smallest shown) is withheld with it.
        hidden = [k for k in lines if _hidden(citizens[k], threshold)]
        shown = [k for k in lines if not _hidden(citizens[k], threshold) and lines[k].citizens > 0]
        if len(hidden) == 1 and shown and costs.total is not None:
            citizens[min(shown, key=lambda k: lines[k].citizens)] = SHOWN_IF_HIDDEN_BY_OTHERS
    rows = tuple(ShownRow(k, _cost_cells(line, citizens[k], threshold)) for k, line in lines.items())
    total = None
    if costs.total is not None:
        t = costs.total
        total = ShownRow("I alt", _cost_cells(t, _count(t.citizens, threshold), threshold))
    withheld = any(_hidden(c, threshold) for row in (*rows, *([total] if total else [])) for c in row.cells)
    return ShownTable(rows, total, withheld)


def _of(n: int, base: int, threshold: int | None) -> str:
    """n persons of base: withheld when n or the rest is small."""
    if threshold is not None and (_small(n, threshold) or _small(base - n, threshold)):
        return small_cell_text(threshold)
    return format_count(n)
