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


class BenefitKind(StrEnum):
    """Which help under LAS § 11 the citizen receives (before 1 July 2025).

    ``integrationsydelse`` also stands for its successors selvforsørgelses- og hjemrejseydelse
    and overgangsydelse (lov nr. 1558 af 27/12 2019 renamed it); the 225-hour rule treats them
    alike (LAS § 13 f stk. 3-5).
    """

    KONTANTHJAELP = "kontanthjaelp"
    UDDANNELSESHJAELP = "uddannelseshjaelp"
    INTEGRATIONSYDELSE = "integrationsydelse"


# Every kind of help under LAS § 11 the engine knows. The offset of earnings (LAS §§ 30-31)
# applies to each of them, and lov nr. 1655 af 30/12/2024 merged all three into one
# kontanthjælp from 1 July 2025 — so "the benefits the engine computes an offset for" and "the
# benefits the reform merged" are this one set, not two lists written in the callers.
LAS_HELP_KINDS = frozenset(kind.value for kind in BenefitKind)


class SpouseSupport(StrEnum):
    """What a married citizen's spouse lives on, as far as the 225-hour rule asks (§ 13 f)."""

    KONTANT_ELLER_UDDANNELSESHJAELP = "kontant_eller_uddannelseshjaelp"
    INTEGRATIONSYDELSE = "integrationsydelse"
    RESSOURCEFORLOEBSYDELSE = "ressourceforloebsydelse"
    PENSION = "pension"
    SU = "su"
    EFTERLOEN = "efterloen"
    OTHER = "other"


# A spouse on one of these need not be available for work (or is in a ressourceforløb): a
# couple where the other spouse receives integrationsydelse is not covered at all
# (borger.dk "225-timers reglen for ægtepar", via job.herning.dk).
SPOUSE_NOT_AVAILABLE = frozenset({SpouseSupport.RESSOURCEFORLOEBSYDELSE, SpouseSupport.PENSION,
                                  SpouseSupport.SU, SpouseSupport.EFTERLOEN})


class ExemptionGround(StrEnum):
    """The legal basis of a caseworker's exemption from the 225-hour rule (LAS § 13 f stk. 9).

    The statute's ground is a work capacity so limited that the person cannot get ordinary
    work now; the guidance on the rule names the cases where that is taken to be so
    (dukh.dk "Undtaget fra 225-timers reglen", citing vejledningen).
    """

    WORK_CAPACITY = "work_capacity"
    PREPARING_RESSOURCEFORLOEB = "preparing_ressourceforloeb"
    PREPARING_FLEXJOB = "preparing_flexjob"
    PREPARING_FOERTIDSPENSION = "preparing_foertidspension"
    FORREVALIDERING = "forrevalidering"


EXEMPTION_GROUND_TEXT = {
    ExemptionGround.WORK_CAPACITY: "arbejdsevnen er så begrænset, at borgeren ikke nu kan "
                                   "arbejde på det ordinære arbejdsmarked",
    ExemptionGround.PREPARING_RESSOURCEFORLOEB: "sagen forberedes til rehabiliteringsteamet "
                                                "med henblik på ressourceforløb",
    ExemptionGround.PREPARING_FLEXJOB: "sagen forberedes til rehabiliteringsteamet med "
                                       "henblik på fleksjob",
    ExemptionGround.PREPARING_FOERTIDSPENSION: "sagen forberedes til rehabiliteringsteamet med "
                                               "henblik på førtidspension",
    ExemptionGround.FORREVALIDERING: "borgeren er i forrevalidering",
}


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
    ground: ExemptionGround | None = None

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
    benefit_kind: BenefitKind | None = None

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

    Facts for who is covered when a month's ``benefit_kind`` is integrationsydelse (or the
    spouse receives it); the rules ask for them only then, and refuse to guess them:
    ``spouse_support`` (what the spouse lives on), ``provider`` (the couple has
    forsørgelsespligt over for børn) and ``full_child_benefit_from`` (the day the family became
    entitled to full børne- og ungeydelse).
    """

    months: tuple[MonthRecord, ...]
    exemptions: tuple[Period, ...] = ()
    reduction_decisions: tuple[Period, ...] = ()
    married_both_on_help: bool = False
    first_applied_on: dt.date | None = None
    married: bool = False
    spouse_support: SpouseSupport | None = None
    provider: bool | None = None
    full_child_benefit_from: dt.date | None = None

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
