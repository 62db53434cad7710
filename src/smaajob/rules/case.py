# SPDX-License-Identifier: MPL-2.0
"""Plain inputs for one citizen: monthly hours and benefit, sick leave, and caseworker decisions.

These are what the rules need and nothing more. Decisions (exemptions, decided reductions)
come from the case as recorded by a caseworker: the rules never make them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod
from smaajob.rules.months import format_month, month_end, month_start


class Rate(StrEnum):
    """Which 225-hour reduction applies: the full (voksensats) or lower rate; SU level has none."""

    FULL = "full"
    LOWER = "lower"
    SU_LEVEL = "su_level"


@dataclass(frozen=True, slots=True)
class Period:
    """A dated period from a decision; ``end`` is inclusive, ``None`` means still running."""

    start: dt.date
    end: dt.date | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidPeriod(
                f"perioden slutter ({self.end}) før den begynder ({self.start})", field="end"
            )

    def overlaps_month(self, month: int) -> bool:
        return self.start <= month_end(month) and (self.end is None or self.end >= month_start(month))


@dataclass(frozen=True, slots=True)
class MonthRecord:
    """One calendar month of a citizen's history (``month`` is a month index, see ``months``).

    ``ordinary_hours`` are ordinary, unsubsidised paid hours. Placement and wage-subsidy hours
    are kept so an explanation can say they were left out. Self-employment counts only in months
    where the business is documented at ``self_employment_weekly_hours`` ≥ the legal minimum.
    ``sick_days`` and ``other_extension_days`` (days of another ground of LAS § 13 f stk. 12 the
    caseworker has recorded: pregnancy and leave, education, military service, bereavement
    leave …) lengthen the 12-month period by their days.
    """

    month: int
    ordinary_hours: float = 0.0
    self_employment_hours: float = 0.0
    self_employment_weekly_hours: float = 0.0
    placement_hours: float = 0.0
    wage_subsidy_hours: float = 0.0
    on_covered_benefit: bool = False
    rate: Rate = Rate.FULL
    benefit_amount: float | None = None
    sick_days: int = 0
    other_extension_days: int = 0

    def __post_init__(self) -> None:
        label = format_month(self.month)
        for name in ("ordinary_hours", "self_employment_hours", "self_employment_weekly_hours",
                     "placement_hours", "wage_subsidy_hours"):
            value = getattr(self, name)
            if not value >= 0:
                raise InvalidHours(f"{label}: {name} skal være 0 eller mere, ikke {value}",
                                   field=name)
        if self.ordinary_hours > 744:
            raise InvalidHours(f"{label}: {self.ordinary_hours} timer er mere end en måned har",
                               field="ordinary_hours")
        if self.benefit_amount is not None and not self.benefit_amount >= 0:
            raise InvalidInput(f"{label}: ydelsen skal være 0 kr. eller mere", field="benefit")
        if not 0 <= self.sick_days <= 31:
            raise InvalidInput(f"{label}: sygedage skal være 0-31", field="sick_days")
        if not 0 <= self.other_extension_days <= 31:
            raise InvalidInput(f"{label}: dage med anden forlængelsesgrund skal være 0-31",
                               field="other_extension_days")


@dataclass(frozen=True)
class CitizenCase:
    """A citizen's monthly history plus the caseworker's recorded decisions.

    ``exemptions``: decisions under LAS § 13 f stk. 9 that the citizen is not covered.
    ``reduction_decisions``: reductions a caseworker actually decided; from their start only
    hours worked after it can restore full benefit. ``married``: the citizen is married (LAS
    § 13 f stk. 1: for spouses where *one or both* receive help, a failed requirement can make
    this spouse's help lapse entirely; cohabitants count as unmarried, § 13 f stk. 6).
    ``married_both_on_help``: married and both receive help (kept for callers; implies married).
    ``first_applied_on``: the day the citizen first applied for help, if known; an application
    in the first covid-19 period delays coverage (LAS § 13 h stk. 1).
    """

    months: tuple[MonthRecord, ...]
    exemptions: tuple[Period, ...] = ()
    reduction_decisions: tuple[Period, ...] = ()
    married_both_on_help: bool = False
    first_applied_on: dt.date | None = None
    married: bool = False

    @property
    def is_married(self) -> bool:
        """Married, whether one or both spouses receive help (LAS § 13 f stk. 1)."""
        return self.married or self.married_both_on_help
    _by_month: dict[int, MonthRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_month: dict[int, MonthRecord] = {}
        for record in self.months:
            if record.month in by_month:
                raise InvalidInput(f"måneden {format_month(record.month)} står to gange",
                                   field="month")
            by_month[record.month] = record
        object.__setattr__(self, "_by_month", by_month)

    @classmethod
    def of(cls, months: Iterable[MonthRecord], **kwargs: object) -> CitizenCase:
        return cls(tuple(months), **kwargs)  # type: ignore[arg-type]

    def record(self, month: int) -> MonthRecord:
        """The month's record; a month not recorded has no hours and no covered benefit."""
        return self._by_month.get(month) or MonthRecord(month)

    @property
    def first_month(self) -> int | None:
        return min(self._by_month) if self._by_month else None

    @property
    def last_month(self) -> int | None:
        return max(self._by_month) if self._by_month else None

    def exemption_in(self, month: int) -> Period | None:
        return next((p for p in self.exemptions if p.overlaps_month(month)), None)

    def reduction_in_effect(self, month: int) -> Period | None:
        return next((p for p in self.reduction_decisions if p.overlaps_month(month)), None)
