# SPDX-License-Identifier: MPL-2.0
"""Turning a built report into what pages and documents show: chart bars, table rows, drill-down
records. Shared by the dashboard, the PDF and the exports so they never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from smaajob import access
from smaajob.charts import bar_chart
from smaajob.citizens.models import Citizen
from smaajob.errors import NotFound
from smaajob.organisation.models import Role, User
from smaajob.reports.building import BuiltReport
from smaajob.reports.counting.activity import COURSE_RULE, PERSON_RULE
from smaajob.reports.counting.funnel import STEPS
from smaajob.reports.counting.groups import DIMENSIONS
from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.pseudonyms import fresh_key, pseudonym
from smaajob.reports.counting.shares import BASE_RULE

FUNNEL_MAIN = ["visited", "placed", "job", "lasting"]
STEP_NAMES = {key: name for key, name, _ in STEPS}
OUTCOME_NAMES = {
    "ordinary_job": "Ordinært job",
    "flexjob": "Fleksjob",
    "education": "Uddannelse",
    "wage_subsidy": "Løntilskud",
    "smaajob_6m": "Stadig i småjob efter 6 måneder",
    "returned": "Tilbage til almindelig indsats",
    "stopped": "Stoppet",
}
STOP_NAMES = {
    "health": "helbred",
    "instability": "ustabilt fremmøde",
    "employer_declined": "virksomheden sagde nej",
    "fired": "afskediget",
    "moved": "fraflyttet",
    "prison": "afsoning",
    "pension": "førtidspension",
    "other": "andet",
}
CATEGORY_NAMES = {
    "jobparat": "Jobparat",
    "aktivitetsparat": "Aktivitetsparat",
    "uddannelsesparat": "Uddannelsesparat",
    "aktivitetsparat_uh": "Aktivitetsparat (uddannelseshjælp)",
    "matchgruppe_1": "Match 1: Jobklar",
    "matchgruppe_2": "Match 2: Indsatsklar",
    "matchgruppe_3": "Match 3: Midlertidig passiv",
    "uoplyst": "Uoplyst",
    TOTAL: "I alt (hver person én gang)",
}


def funnel_charts(built: BuiltReport) -> list[tuple[str, SafeString]]:
    charts = []
    for label, row in built.funnel_rows:
        bars = []
        for step in FUNNEL_MAIN:
            target = built.targets.get((step, row.group))
            bars.append((STEP_NAMES[step], row.steps[step].value, target))
        text = ", ".join(f"{STEP_NAMES[s]}: {row.steps[s].display_da}" for s in FUNNEL_MAIN)
        charts.append((label, bar_chart(bars, title=f"Tragt for {label}", description=text)))
    return charts


def hours_chart(built: BuiltReport) -> SafeString:
    brackets = [m for m in built.report.hours if m.key == "hours.bracket"]
    bars = [(m.name_da, None if m.value is None else m.value * 100, None) for m in brackets]
    text = "; ".join(f"{m.name_da}: {m.display_da}" for m in brackets)
    return bar_chart(bars, title="Fordeling af ugentlige løntimer (procent af borgere med løntimer)", description=text)


def outcome_label(outcome: str, stop: str) -> str:
    if outcome == TOTAL:
        return "Borgere i alt (hver person én gang)"
    text = OUTCOME_NAMES.get(outcome, outcome)
    return f"{text}: {STOP_NAMES.get(stop, stop)}" if stop else text


@dataclass(frozen=True)
class Record:
    """One citizen behind a number, as the reader may see them."""

    pseudonym: str
    name: str | None
    citizen_id: int | None  # only set when the reader may open the citizen


def records_behind(user: User, measure: Measure, *, base: bool = False) -> list[Record]:
    """The citizens behind a number: pseudonyms for everyone; names only where access allows.

    The pseudonyms are made with a key for this answer only, so two answers cannot be linked.
    A withheld number (small-cell suppression) has no citizens to show.
    """
    if measure.hidden_as or (base and measure.base_hidden_as):
        raise NotFound("Tallet er skjult, fordi det dækker for få personer; de enkelte personer bag det vises ikke.")
    ids = [int(i) for i in (measure.base_ids if base and measure.base_ids is not None else measure.numerator_ids)]
    key = fresh_key()
    visible: dict[int, Citizen] = {}
    if user.role != Role.ANALYST:
        visible = {c.pk: c for c in access.citizens_for(user).filter(pk__in=ids)}
        if visible:
            access.log_list_read(user, list(visible), purpose=f"rapport: {measure.name_da}")
    records = [
        Record(pseudonym(i, key), visible[i].full_name if i in visible else None, i if i in visible else None)
        for i in ids
    ]
    return sorted(records, key=lambda r: (r.name is None, r.name or r.pseudonym))


def measure_rows(built: BuiltReport) -> list[dict[str, Any]]:
    """Flat rows for exports: every measure with section, group label, value, base, rule, source."""
    rows = []
    for section, m in built.report.measures():
        group = m.group
        if m.key.startswith("activity.") or m.key == "exemptions.rate":
            label = CATEGORY_NAMES.get(group, group)
        elif m.key.startswith("outcomes."):
            outcome, _, stop = group.partition("/")
            label = outcome_label(outcome, stop)
        elif m.key.startswith("conversion."):
            label = built.companies.get(int(group), group) if group.isdigit() else group
        elif m.key == "caseload":
            label = built.staff.get(group) or f"medarbejder {group}"
        else:
            label = built.label(group)
        rows.append(
            {
                "section": section,
                "measure": m.name_da,
                "group": label,
                "value": m.value,
                "display": m.display_da,
                "hidden": m.hidden_as,
                "unit": m.unit,
                "base": m.base,
                "base_hidden": m.base_hidden_as,
                "period": m.period.label_da,
                "rule": m.rule_da,
                "source": m.source,
                "note": m.note_da,
                "key": m.key,
                "group_key": group,
            }
        )
    # Groups come out of the counting in the order the database returned the rows, which a
    # replica or a VACUUM may change: within each measure, groups by label and the total last,
    # so an export reads the same wherever it was counted.
    measure_order = {key: i for i, key in enumerate(dict.fromkeys(r["key"] for r in rows))}
    rows.sort(key=lambda r: (measure_order[r["key"]], r["group_key"] == TOTAL, str(r["group"])))
    return rows


def body_context(built: BuiltReport) -> dict[str, Any]:
    """Everything ``_report_body.html`` shows, in display order, labelled."""
    report = built.report

    def grouped(mapping: dict[str, Any]) -> list[dict[str, Any]]:
        rows = [{"label": built.label(g), "measures": ms} for g, ms in mapping.items() if g != TOTAL]
        rows.sort(key=lambda r: r["label"])
        if TOTAL in mapping:
            rows.append({"label": built.label(TOTAL), "measures": mapping[TOTAL]})
        return rows

    roles = {"caseworker": "Rådgiver", "consultant": "Virksomhedskonsulent"}
    exemption = [{"label": CATEGORY_NAMES.get(g, g), "m": m} for g, m in report.exemptions.items() if g != TOTAL]
    if TOTAL in report.exemptions:
        exemption.append({"label": CATEGORY_NAMES[TOTAL], "m": report.exemptions[TOTAL]})
    return {
        "dimension_label": DIMENSIONS[built.choices.dimension][0],
        "funnel_steps": [key for key, _, _ in STEPS],
        "funnel_main": FUNNEL_MAIN,
        "funnel_rules": STEPS,
        "step_names": STEP_NAMES,
        "total_row": report.funnel.get(TOTAL),
        "stv_rows": [{"label": r["label"], "measures": r["measures"]} for r in grouped(report.stv)],
        "stv_rule": BASE_RULE,
        "timing_rows": grouped(report.timing),
        "activity_rows": [{"label": CATEGORY_NAMES.get(a.category, a.category), "row": a} for a in report.activity],
        "activity_rule": f"{COURSE_RULE} {PERSON_RULE}",
        "exemption_rows": exemption,
        "exemption_total": report.exemptions.get(TOTAL),
        "caseload_rows": [
            {
                "label": built.staff.get(str(c.staff_id), f"medarbejder {c.staff_id}"),
                "role": roles.get(c.staff_role, c.staff_role),
                "m": c.measure,
            }
            for c in report.caseloads
        ],
        "conversion_rows": [
            {"label": built.companies.get(c.company_id, str(c.company_id)), "c": c} for c in report.conversions
        ],
        "outcome_rows": [{"label": outcome_label(o.outcome, o.stop_reason), "row": o} for o in report.outcomes],
    }
