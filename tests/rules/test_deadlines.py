# SPDX-License-Identifier: MPL-2.0
"""Rettidighed (seed 002 Kap. 2): the legal expert's cases in ``cases/deadlines.yaml`` and the
engine's refusals of bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smaajob.errors import InvalidInput
from smaajob.rules.deadlines import CourseFacts, DeadlineStatus, Offer, course_deadlines
from tests.rules.conftest import load_cases

CASES = load_cases("deadlines.yaml")


def _facts(case: dict[str, Any]) -> CourseFacts:
    return CourseFacts(
        first_contact=case["first_contact"],
        birth_date=case["birth_date"],
        conversations=tuple(case.get("conversations", ())),
        offers=tuple(
            Offer(o["start"], o.get("end"), o.get("company_placement", False)) for o in case.get("offers", ())
        ),
        job_ready=case.get("job_ready", False),
        monthly_benefit=case.get("monthly_benefit"),
        benefit_since=case["first_contact"],
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_deadlines_match_the_source(case: dict[str, Any]) -> None:
    report = course_deadlines(_facts(case), case["day"])
    got = report.deadlines
    assert [d.kind.value for d in got] == [e["kind"] for e in case["expect"]]
    for deadline, expect in zip(got, case["expect"], strict=True):
        assert deadline.status.value == expect["status"], (deadline, expect)
        if "due" in expect:
            assert deadline.due == expect["due"], (deadline, expect)
        if "met_on" in expect:
            assert deadline.met_on == expect["met_on"]
        if deadline.status == DeadlineStatus.UNKNOWN:
            assert deadline.due is None
            assert "ukendt regel for perioden" in deadline.note
        refund = expect.get("refund")
        if refund is None:
            continue
        assert deadline.refund is not None
        if refund.get("unknown"):
            assert deadline.refund.amount is None
            assert "ukendt regel for perioden" in deadline.refund.unknown_reason
            continue
        for key in ("days", "rate", "ongoing"):
            if key in refund:
                assert getattr(deadline.refund, key) == refund[key], (key, deadline.refund)
        if "share_lost" in refund:
            assert deadline.refund.share_lost == pytest.approx(refund["share_lost"])
        if "amount" in refund:
            assert deadline.refund.amount == pytest.approx(refund["amount"], abs=0.01)


def test_the_refund_amount_is_the_benefit_of_the_late_days_times_the_refund_lost() -> None:
    # 30 days late, 36,500 kr. a year (100 kr. a day), passive refund 30 pct. lost (seed 002 L1309-1310).
    facts = CourseFacts(first_contact=dt.date(2011, 1, 3), birth_date=dt.date(1970, 1, 1), monthly_benefit=36500 / 12)
    report = course_deadlines(facts, dt.date(2011, 5, 3))
    first = report.deadlines[0]
    assert first.status == DeadlineStatus.MISSED and first.due == dt.date(2011, 4, 3)
    assert first.refund is not None and first.refund.days == 30 and first.refund.ongoing
    assert first.refund.amount == pytest.approx(100 * 30 * 0.3)
    assert report.refund_at_stake == pytest.approx(900)
    assert report.next_open == first


def test_a_missing_monthly_benefit_leaves_the_amount_unknown_but_names_the_share() -> None:
    facts = CourseFacts(first_contact=dt.date(2011, 1, 3), birth_date=dt.date(1970, 1, 1))
    first = course_deadlines(facts, dt.date(2011, 5, 3)).deadlines[0]
    assert first.refund is not None and first.refund.amount is None
    assert first.refund.share_lost == pytest.approx(0.3)
    assert "ikke registreret" in first.refund.unknown_reason


def test_each_deadline_names_its_legal_basis_and_the_trace_lists_the_parameters() -> None:
    facts = CourseFacts(first_contact=dt.date(2011, 1, 3), birth_date=dt.date(1970, 1, 1))
    report = course_deadlines(facts, dt.date(2011, 2, 1))
    assert all("710 af 23/06/2011" in d.basis for d in report.deadlines)
    names = {p.name for p in report.trace.parameters}
    assert "activation_first_conversation_months_30_plus" in names


def test_conversations_before_the_request_for_help_or_after_the_day_do_not_count() -> None:
    facts = CourseFacts(
        first_contact=dt.date(2011, 3, 1),
        birth_date=dt.date(1970, 1, 1),
        conversations=(dt.date(2011, 2, 1), dt.date(2011, 5, 1)),
    )
    first = course_deadlines(facts, dt.date(2011, 4, 1)).deadlines[0]
    assert first.status == DeadlineStatus.COMING and first.met_on is None


@pytest.mark.parametrize(
    ("facts", "on", "field"),
    [
        (CourseFacts(first_contact=dt.date(2011, 3, 1), birth_date=dt.date(1970, 1, 1)), dt.date(2011, 2, 1), "on"),
        (
            CourseFacts(first_contact=dt.date(2011, 3, 1), birth_date=dt.date(2011, 3, 1)),
            dt.date(2011, 4, 1),
            "birth_date",
        ),
        (
            CourseFacts(first_contact=dt.date(2011, 3, 1), birth_date=dt.date(1970, 1, 1), monthly_benefit=-1),
            dt.date(2011, 4, 1),
            "monthly_benefit",
        ),
        (
            CourseFacts(
                first_contact=dt.date(2011, 3, 1),
                birth_date=dt.date(1970, 1, 1),
                offers=(Offer(dt.date(2011, 4, 1), dt.date(2011, 3, 1)),),
            ),
            dt.date(2011, 4, 1),
            "offers",
        ),
    ],
)
def test_bad_facts_are_refused_with_a_danish_message(facts: CourseFacts, on: dt.date, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        course_deadlines(facts, on)
    assert caught.value.field == field
