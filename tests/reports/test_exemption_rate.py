# SPDX-License-Identifier: MPL-2.0
"""The exemption rate under the 225-hour rule: exempt among those *covered* by the rule (issue 20
item 15). The published 58 % (January 2017, Beskæftigelsesministeriet's "Effektevaluering af
Jobreform fase 1", 2018, quoted in seed 000) and Aalborg's 93 % of the aktivitetsparate are
shares of the covered, not of everyone on kontanthjælp, uddannelseshjælp or integrationsydelse.
Who is covered is the rules engine's decision (LAS § 13 f stk. 1-11)."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.reports.counting.exemptions import NAME, exemption_rates, readiness_groups
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.period import Period
from tests.reports.frames import History

JANUARY_2017 = Period(date(2017, 1, 1), date(2017, 1, 31))


def readiness(h: History, citizen: int, category: str, start: date = date(2014, 1, 1)) -> None:
    h.add("readiness", citizen_id=citizen, category=category, valid_from=start, valid_to=None)


def benefit(h: History, citizen: int, kind: str, start: date, end: date | None = None) -> None:
    h.add("benefits", citizen_id=citizen, benefit_type=kind, valid_from=start, valid_to=end)


def exempt(h: History, citizen: int, start: date = date(2016, 6, 1), end: date | None = None) -> None:
    h.add("exemptions", citizen_id=citizen, valid_from=start, valid_to=end)


def family(
    h: History,
    citizen: int,
    *,
    married: bool = False,
    spouse: str | None = None,
    provider: bool | None = None,
    full_child_benefit_from: date | None = None,
) -> None:
    h.add(
        "coverage",
        citizen_id=citizen,
        married=married,
        spouse_support=spouse,
        provider=provider,
        full_child_benefit_from=full_child_benefit_from,
    )


def rates(h: History, period: Period = JANUARY_2017):
    tables = h.tables()
    return exemption_rates(tables, period, readiness_groups(tables, period.end))


def test_unmarried_recipients_of_integrationsydelse_are_not_in_the_base_so_the_share_differs():
    # On the three benefits: 4 citizens, 3 exempt (75 %). Covered: the two on kontanthjælp, of
    # whom one is exempt (50 %); the unmarried on integrationsydelse were never covered.
    h = History()
    on_kontant_exempt, on_kontant, integration_a, integration_b, insured = (h.citizen() for _ in range(5))
    for c in (on_kontant_exempt, on_kontant):
        benefit(h, c, "kontanthjaelp", date(2015, 1, 1))
    for c in (integration_a, integration_b):
        benefit(h, c, "integrationsydelse", date(2015, 9, 1))
        family(h, c, married=False)
    benefit(h, insured, "dagpenge", date(2015, 1, 1))
    for c in (on_kontant_exempt, integration_a, integration_b, insured):
        exempt(h, c)
    for c in (on_kontant_exempt, integration_a):
        readiness(h, c, "aktivitetsparat")
    for c in (on_kontant, integration_b, insured):
        readiness(h, c, "jobparat")
    result = rates(h)
    assert (result[TOTAL].base, result[TOTAL].value) == (2, pytest.approx(0.5))
    assert list(result[TOTAL].base_ids) == [on_kontant_exempt, on_kontant]
    assert list(result[TOTAL].numerator_ids) == [on_kontant_exempt]
    assert result["aktivitetsparat"].value == 1.0 and result["aktivitetsparat"].base == 1
    assert result["jobparat"].value == 0.0 and result["jobparat"].base == 1


def test_a_married_couple_on_integrationsydelse_without_children_is_covered():
    h = History()
    c = h.citizen()
    benefit(h, c, "integrationsydelse", date(2015, 9, 1))
    family(h, c, married=True, spouse="integrationsydelse", provider=False)
    exempt(h, c)
    readiness(h, c, "aktivitetsparat")
    assert (rates(h)[TOTAL].base, rates(h)[TOTAL].value) == (1, 1.0)


def test_a_couple_whose_spouse_is_on_a_pension_is_not_covered():
    h = History()
    c = h.citizen()
    benefit(h, c, "integrationsydelse", date(2015, 9, 1))
    family(h, c, married=True, spouse="pension")
    exempt(h, c)
    readiness(h, c, "aktivitetsparat")
    total = rates(h)[TOTAL]
    assert total.base == 0 and total.value is None and total.display_da == "–"


def test_a_couple_with_children_is_covered_only_from_full_child_benefit():
    h = History()
    early, late = h.citizen(), h.citizen()
    for c, entitled in ((early, date(2016, 1, 1)), (late, date(2017, 6, 1))):
        benefit(h, c, "integrationsydelse", date(2015, 9, 1))
        family(
            h,
            c,
            married=True,
            spouse="kontant_eller_uddannelseshjaelp",
            provider=True,
            full_child_benefit_from=entitled,
        )
        readiness(h, c, "jobparat")
    total = rates(h)[TOTAL]
    assert list(total.base_ids) == [early] and total.value == 0.0


def test_a_married_recipient_whose_spouse_is_not_recorded_is_left_out_of_the_base_and_named_in_the_note():
    h = History()
    known, unknown = h.citizen(), h.citizen()
    benefit(h, known, "kontanthjaelp", date(2015, 1, 1))
    benefit(h, unknown, "integrationsydelse", date(2015, 9, 1))
    family(h, unknown, married=True)
    for c in (known, unknown):
        exempt(h, c)
        readiness(h, c, "aktivitetsparat")
    total = rates(h)[TOTAL]
    assert list(total.base_ids) == [known]
    assert total.note_da.startswith("1 borger på integrationsydelse") and "hvad ægtefællen lever af" in total.note_da


def test_the_base_is_those_with_a_year_of_help_within_three_years():
    # LAS § 13 f stk. 10-11: a newcomer on kontanthjælp is not in the base. Help on
    # uddannelseshjælp in 2014 counts, though the rule only came in 2016.
    h = History()
    veteran, newcomer, returning = h.citizen(), h.citizen(), h.citizen()
    benefit(h, veteran, "kontanthjaelp", date(2015, 6, 1))
    benefit(h, newcomer, "kontanthjaelp", date(2016, 10, 1))
    benefit(h, returning, "uddannelseshjaelp", date(2014, 1, 1), date(2014, 12, 31))
    benefit(h, returning, "uddannelseshjaelp", date(2016, 1, 1), date(2016, 12, 31))
    benefit(h, returning, "uddannelseshjaelp", date(2017, 1, 10))
    exempt(h, newcomer, date(2016, 11, 1))
    exempt(h, veteran, date(2016, 11, 1))
    for c in (veteran, newcomer, returning):
        readiness(h, c, "jobparat")
    total = rates(h)[TOTAL]
    # veteran: 19 months of help in the 36 before; returning: 2014 and 2016 make 24; newcomer: 3.
    assert list(total.base_ids) == [veteran, returning] and total.value == pytest.approx(0.5)


def test_a_covered_citizen_without_a_readiness_category_counts_as_uoplyst_and_in_the_total():
    h = History()
    c = h.citizen()
    benefit(h, c, "kontanthjaelp", date(2015, 1, 1))
    exempt(h, c)
    result = rates(h)
    assert result["uoplyst"].base == 1 and result[TOTAL].base == 1 and result[TOTAL].value == 1.0


def test_the_measure_states_its_base_in_danish():
    h = History()
    c = h.citizen()
    benefit(h, c, "kontanthjaelp", date(2015, 1, 1))
    total = rates(h)[TOTAL]
    assert total.name_da == NAME and "andel af de omfattede af 225-timersreglen" in total.name_da
    assert "Grundlaget er de omfattede" in total.rule_da and "12 af de 36 kalendermåneder" in total.rule_da
    assert "Effektevaluering af Jobreform fase 1" in total.source


@pytest.mark.parametrize(
    "period",
    [Period(date(2025, 7, 1), date(2025, 12, 31)), Period(date(2014, 1, 1), date(2014, 12, 31))],
    ids=["after the abolition", "between 2012 and 2016"],
)
def test_outside_the_rule_the_rate_is_not_applicable_rather_than_0_percent(period):
    h = History()
    c = h.citizen()
    benefit(h, c, "kontanthjaelp", date(2009, 1, 1))
    exempt(h, c, date(2011, 6, 1))
    readiness(h, c, "jobparat", date(2009, 1, 1))
    result = rates(h, period)
    assert list(result) == [TOTAL]
    total = result[TOTAL]
    assert total.value is None and total.base is None
    assert total.display_da == "ikke relevant" and "30. juni 2025" in total.note_da


def test_the_last_month_of_the_rule_still_has_a_rate():
    h = History()
    c = h.citizen()
    benefit(h, c, "kontanthjaelp", date(2020, 1, 1))
    exempt(h, c, date(2024, 1, 1))
    total = rates(h, Period(date(2025, 6, 1), date(2025, 6, 30)))[TOTAL]
    assert (total.base, total.value) == (1, 1.0)


def test_the_published_58_percent_and_aalborgs_93_percent_come_out_of_a_world_that_has_them():
    # Seed 000 quotes both figures as shares of the covered. A world with 100 covered
    # aktivitetsparate (93 exempt) and 100 covered jobparate (23 exempt) gives 93 % and 116/200
    # = 58 % — and 40 unmarried recipients of integrationsydelse, 30 of them exempt, must not
    # change it (in the old base they made 146/240 = 60,8 %).
    h = History()

    def person(kind: str, category: str, is_exempt: bool, *, married: bool = False) -> None:
        c = h.citizen()
        benefit(h, c, kind, date(2015, 9, 1))
        family(h, c, married=married)
        readiness(h, c, category)
        if is_exempt:
            exempt(h, c, date(2016, 10, 1))

    for i in range(100):
        person("kontanthjaelp", "aktivitetsparat", i < 93)
        person("uddannelseshjaelp" if i % 2 else "kontanthjaelp", "jobparat", i < 23)
    for i in range(40):
        person("integrationsydelse", "aktivitetsparat" if i % 2 else "jobparat", i < 30)
    result = rates(h)
    assert result[TOTAL].base == 200 and result[TOTAL].display_da == "58,0 %"
    assert result["aktivitetsparat"].display_da == "93,0 %" and result["aktivitetsparat"].base == 100
