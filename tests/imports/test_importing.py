# SPDX-License-Identifier: MPL-2.0
"""Importing through the service the page, the CLI and the API share: all or nothing, every bad
cell reported by row and column, idempotent by source id, a dated history of changes, and an
export that imports back without changing anything."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from smaajob.citizens.models import Benefit, Citizen
from smaajob.courses.models import Placement, WeeklyHours
from smaajob.imports import services
from smaajob.imports.models import ImportRun, RunStatus, SourceChange, SourceRecord
from smaajob.network.models import Company, Contact, Opening
from tests.imports.conftest import csv_bytes

pytestmark = pytest.mark.django_db

COMPANIES = "kilde_id;cvr;navn;postnummer"
CITIZENS = "kilde_id;cpr;fornavn;efternavn;ydelse;ydelse_fra"
COURSES = "kilde_id;borger_kilde_id;projekt;visiteret_den"
PLACEMENTS = "kilde_id;forloeb_kilde_id;virksomhed_cvr;type;planlagt_start;planlagt_slut;optrapning"
HOURS = "kilde_id;placering_kilde_id;uge;timer_til_stede;loentimer"


def _world(run_import):
    """One company, one citizen with a course and a paid placement from February 2026."""
    assert run_import("virksomheder", csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000")).written
    assert run_import("borgere", csv_bytes(CITIZENS, "B1;0101901234;Mette;Jensen;kontanthjaelp;2026-01-01")).written
    assert run_import("forloeb", csv_bytes(COURSES, "F1;B1;VTA;2026-01-05")).written
    assert run_import("placeringer", csv_bytes(PLACEMENTS, "P1;F1;31240018;smaajob;2026-02-02;;2 → 6")).written


def _problems(outcome):
    return [(p.row, p.column) for p in outcome.problems]


def test_a_good_file_creates_every_row_through_the_services(run_import):
    _world(run_import)
    outcome = run_import("timer", csv_bytes(HOURS, "T1;P1;2026-W06;2;2", "T2;P1;2026-02-11;6;5,5"))
    assert outcome.written and outcome.created == 2 and outcome.problems == []
    weeks = list(WeeklyHours.objects.order_by("week_start").values_list("week_start", "hours_paid"))
    assert [(str(w), str(h)) for w, h in weeks] == [("2026-02-02", "2.00"), ("2026-02-09", "5.50")]
    citizen = Citizen.objects.get()
    assert Benefit.objects.get(citizen=citizen).benefit_type == "kontanthjaelp"
    assert Placement.objects.get().steps.count() == 2


def test_importing_the_same_file_twice_changes_nothing(run_import):
    _world(run_import)
    data = csv_bytes(HOURS, "T1;P1;2026-W06;2;2", "T2;P1;2026-W07;6;5")
    run_import("timer", data)
    before = list(WeeklyHours.objects.values_list("pk", "hours_present", "recorded_at"))
    again = run_import("timer", data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert list(WeeklyHours.objects.values_list("pk", "hours_present", "recorded_at")) == before


def test_a_changed_row_updates_the_record_and_leaves_a_dated_history_entry(run_import, importer):
    _world(run_import)
    run_import("timer", csv_bytes(HOURS, "T1;P1;2026-W06;2;2", "T2;P1;2026-W07;6;5"), file_name="uge6-7.csv")
    changed = run_import("timer", csv_bytes(HOURS, "T1;P1;2026-W06;2;2", "T2;P1;2026-W07;6;6"), file_name="rettet.csv")
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    assert str(WeeklyHours.objects.get(week_start="2026-02-09").hours_paid) == "6.00"
    record = SourceRecord.objects.get(kind="timer", source_id="T2")
    history = list(record.changes.order_by("changed_at", "id"))
    assert [(h.action, h.columns, h.run.file_name) for h in history] == [
        ("create", ["loentimer", "placering_kilde_id", "timer_til_stede", "uge"], "uge6-7.csv"),
        ("update", ["loentimer"], "rettet.csv"),
    ]
    assert history[1].run.user == importer and history[1].changed_at is not None


@pytest.mark.slow
def test_ten_thousand_rows_with_three_bad_ones_report_exactly_those_three_and_write_nothing(run_import):
    run_import("virksomheder", csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000"))
    rows = [f"K{i};31240018;Person {i};lone{i}@example.dk" for i in range(10_000)]
    rows[17] = "K17;31240019;Person 17;lone17@example.dk"  # CVR checksum
    rows[4321] = "K4321;31240018;Person 4321;ingen-snabel-a"  # not an e-mail address
    rows[9998] = "K9998;31240026;Person 9998;x@example.dk"  # a valid CVR the network does not have
    outcome = run_import("kontakter", csv_bytes("kilde_id;virksomhed_cvr;navn;email", *rows))
    assert _problems(outcome) == [(19, "virksomhed_cvr"), (4323, "email"), (10000, "virksomhed_cvr")]
    assert outcome.rejected_rows == 3 and not outcome.written
    assert Contact.objects.count() == 0 and SourceRecord.objects.filter(kind="kontakter").count() == 0


def test_when_asked_only_the_good_rows_are_written_and_the_rest_reported(run_import):
    run_import("virksomheder", csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000"))
    outcome = run_import(
        "kontakter",
        csv_bytes("kilde_id;virksomhed_cvr;navn", "K1;31240018;Lone", "K2;99999999;Bo", "K3;31240018;Ida"),
        good_rows_only=True,
    )
    assert outcome.written and outcome.created == 2 and _problems(outcome) == [(3, "virksomhed_cvr")]
    assert sorted(Contact.objects.values_list("name", flat=True)) == ["Ida", "Lone"]


def test_a_preview_shows_what_would_be_created_and_changed_and_writes_nothing(run_import):
    run_import("virksomheder", csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000"))
    preview = run_import(
        "virksomheder",
        csv_bytes(COMPANIES, "V1;31240018;Bageriet Østergade;5000", "V2;31240026;Gartneren;5210"),
        write=False,
    )
    assert (preview.created, preview.updated, preview.written) == (1, 1, False)
    assert [(row, sid, action, cols) for row, sid, action, cols in preview.changes] == [
        (2, "V1", "update", ["navn"]),
        (3, "V2", "create", ["cvr", "navn", "postnummer"]),
    ]
    assert list(Company.objects.values_list("name", flat=True)) == ["Bageriet"]
    run = ImportRun.objects.get(pk=preview.run.pk)
    assert run.status == RunStatus.PREVIEWED and run.content


@pytest.mark.parametrize(
    ("kind", "header", "row", "column", "says"),
    [
        ("borgere", CITIZENS, "B9;3213901234;Ida;Ek;;", "cpr", "fødselsdato"),
        ("borgere", CITIZENS, "B9;01019012;Ida;Ek;;", "cpr", "10 cifre"),
        ("virksomheder", COMPANIES, "V9;31240019;Firma;5000", "cvr", "kontrolciffer"),
        ("borgere", CITIZENS, "B9;0101901234;Ida;Ek;kontanthjaelp;31-02-2026", "ydelse_fra", "2026-03-02"),
        ("borgere", CITIZENS, "B9;0101901234;Ida;Ek;kontanthjaelp;", "ydelse_fra", "skal udfyldes"),
        ("borgere", CITIZENS, "B9;0101901234;Ida;Ek;pension;2026-01-01", "ydelse", "kontanthjaelp"),
        ("timer", HOURS, "T9;P1;2026-W06;170;2", "timer_til_stede", "168"),
        ("timer", HOURS, "T9;P1;2026-W06;2;3", "loentimer", "til stede"),
        ("timer", HOURS, "T9;P1;2026-W60;2;2", "uge", "2026-W10"),
        ("timer", HOURS, "T9;P9;2026-W06;2;2", "placering_kilde_id", "ukendt placering"),
        ("placeringer", PLACEMENTS, "P9;F1;31240018;smaajob;2026-03-02;2026-02-01;2", "planlagt_slut", "før"),
        ("placeringer", PLACEMENTS, "P9;F1;31240026;smaajob;2026-03-02;;2", "virksomhed_cvr", "ukendt virksomhed"),
        ("placeringer", PLACEMENTS, "P9;F1;31240018;smaajob;2026-03-02;;2 → 40", "optrapning", "37"),
        ("forloeb", COURSES, "F9;B1;Ukendt;2026-01-05", "projekt", "VTA"),
        ("forloeb", COURSES, "F9;B1;VTA;2027-01-05", "visiteret_den", "fremtiden"),
        (
            "opfoelgninger",
            "kilde_id;forloeb_kilde_id;dato;kanal;fremmoede",
            "O9;F1;2027-01-05;besoeg;syg",
            "dato",
            "fremtiden",
        ),
        (
            "opfoelgninger",
            "kilde_id;forloeb_kilde_id;dato;kanal;fremmoede",
            "O9;F1;2026-02-10;brev;syg",
            "kanal",
            "besoeg",
        ),
    ],
)
def test_every_kind_of_bad_value_is_reported_on_its_row_and_column_with_what_a_valid_one_looks_like(
    run_import, kind, header, row, column, says
):
    _world(run_import)
    outcome = run_import(kind, csv_bytes(header, row))
    assert _problems(outcome) == [(2, column)], outcome.problems
    assert says in outcome.problems[0].message
    assert not outcome.written


def test_hours_over_the_week_across_two_placements_are_refused(run_import):
    _world(run_import)
    run_import("virksomheder", csv_bytes(COMPANIES, "V2;31240026;Gartneren;5210"))
    run_import("placeringer", csv_bytes(PLACEMENTS, "P2;F1;31240026;praktik;2026-02-02;;4"))
    outcome = run_import("timer", csv_bytes(HOURS, "T1;P1;2026-W06;100;2", "T2;P2;2026-W06;100;0"))
    assert _problems(outcome) == [(3, "timer_til_stede")] and "168" in outcome.problems[0].message


def test_a_cpr_number_is_never_echoed_in_the_report(run_import):
    outcome = run_import("borgere", csv_bytes(CITIZENS, "B9;3213901234;Ida;Ek;;"))
    assert "3213901234" not in str(outcome.problems) and "321390" not in str(outcome.problems)


def test_a_header_with_a_missing_or_unknown_column_is_reported_on_row_one(run_import):
    outcome = run_import("virksomheder", csv_bytes("kilde_id;navn;farve", "V1;Bageriet;blå"))
    assert _problems(outcome) == [(1, "cvr"), (1, "farve")]


def test_the_same_source_id_twice_in_a_file_is_reported(run_import):
    outcome = run_import("virksomheder", csv_bytes(COMPANIES, "V1;31240018;A;5000", "V1;31240026;B;5000"))
    assert _problems(outcome) == [(3, "kilde_id")]


@pytest.mark.parametrize(
    ("encoding", "sep"), [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", ","), ("cp1252", "\t")]
)
def test_csv_is_read_in_utf8_or_windows_1252_with_semicolons_commas_or_tabs(run_import, encoding, sep):
    data = csv_bytes(COMPANIES, "V1;31240018;Grøn Have & Æbler;5000", encoding=encoding, sep=sep)
    outcome = run_import("virksomheder", data)
    assert outcome.created == 1, outcome.problems
    assert Company.objects.get().name == "Grøn Have & Æbler"


def test_an_excel_workbook_is_read_from_the_kinds_sheet_and_reports_the_sheet(run_import):
    workbook = Workbook()
    workbook.active.title = "Noter"
    sheet = workbook.create_sheet("Virksomheder")
    sheet.append(["kilde_id", "cvr", "navn", "postnummer"])
    sheet.append(["V1", 31240018, "Bageriet", 5000])
    sheet.append(["V2", 31240019, "Fejl", 5000])
    out = io.BytesIO()
    workbook.save(out)
    outcome = run_import("virksomheder", out.getvalue(), file_name="netvaerk.xlsx")
    assert [(p.sheet, p.row, p.column) for p in outcome.problems] == [("Virksomheder", 3, "cvr")]
    assert "ark Virksomheder, række 3, kolonne cvr" in outcome.problems[0].where()


def test_excel_drops_a_cpr_numbers_leading_zero_and_the_import_puts_it_back(run_import):
    workbook = Workbook()
    workbook.active.title = "Borgere"
    workbook.active.append(["kilde_id", "cpr", "fornavn", "efternavn"])
    workbook.active.append(["B1", 101901234, "Mette", "Jensen"])
    out = io.BytesIO()
    workbook.save(out)
    assert run_import("borgere", out.getvalue(), file_name="borgere.xlsx").created == 1
    assert Citizen.objects.get().cpr == "0101901234"


def test_an_existing_record_is_adopted_by_its_cpr_number_instead_of_doubled(run_import, importer, municipality):
    from smaajob.citizens.services import register_citizen

    register_citizen(
        actor=importer, cpr="0101901234", first_name="Mette", last_name="Jensen", municipality=municipality
    )
    outcome = run_import("borgere", csv_bytes("kilde_id;cpr;fornavn;efternavn", "B1;0101901234;Mette;Jensen"))
    assert (outcome.created, outcome.unchanged) == (0, 1) and Citizen.objects.count() == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_of_every_kind_changes_nothing(run_import, importer, file_format):
    _world(run_import)
    run_import("kontakter", csv_bytes("kilde_id;virksomhed_cvr;navn;telefon", "K1;31240018;Lone;+45 12 34 56 78"))
    run_import(
        "jobaabninger",
        csv_bytes(
            "kilde_id;virksomhed_cvr;opgave;type;timer_min;timer_max;fra;til",
            "J1;31240018;=Opvask;smaajob;2;6;2026-01-05;2026-12-31",
        ),
    )
    run_import("timer", csv_bytes(HOURS, "T1;P1;2026-W06;2;2", "T2;P1;2026-W07;6;5,5"))
    run_import("buddies", csv_bytes("kilde_id;virksomhed_cvr;navn;uddannet_den", "BU1;31240018;Bente;2025-09-15"))
    outcome = run_import(
        "opfoelgninger",
        csv_bytes(
            "kilde_id;forloeb_kilde_id;dato;kanal;fremmoede;placering_kilde_id;effektivitet;naeste",
            "O1;F1;2026-02-10;besoeg;som_aftalt;P1;7;2026-02-17",
        ),
    )
    assert outcome.created == 1, outcome.problems
    for kind in (
        "virksomheder",
        "kontakter",
        "buddies",
        "jobaabninger",
        "borgere",
        "forloeb",
        "placeringer",
        "timer",
        "opfoelgninger",
    ):
        data = services.export_file(actor=importer, kind=kind, file_format=file_format)
        outcome = run_import(kind, data, file_name=f"eksport.{file_format}")
        assert outcome.problems == [], (kind, outcome.problems)
        assert (outcome.created, outcome.updated) == (0, 0), kind
        assert outcome.unchanged == outcome.total_rows > 0
    assert Opening.objects.get().title == "=Opvask"


def test_records_made_in_smaajob_export_with_their_own_ids_and_import_back_unchanged(run_import, importer):
    from smaajob.network.services import create_company

    create_company(actor=importer, municipality=importer.municipality, cvr="31240034", name="Rengøring Fyn")
    data = services.export_file(actor=importer, kind="virksomheder", file_format="csv")
    assert data.decode("utf-8-sig").splitlines()[1].startswith("smaajob-")
    outcome = run_import("virksomheder", data)
    assert (outcome.created, outcome.updated, outcome.unchanged) == (0, 0, 1)


def test_the_excel_template_has_a_sheet_per_kind_and_a_guide():
    workbook = load_workbook(io.BytesIO(services.template_file(kind=None, file_format="xlsx")))
    assert workbook.sheetnames == [
        "Borgere",
        "Virksomheder",
        "Kontakter",
        "Buddies",
        "Jobaabninger",
        "Forloeb",
        "Placeringer",
        "Timer",
        "Opfoelgninger",
        "Vejledning",
    ]
    header = [c.value for c in next(workbook["Timer"].iter_rows(max_row=1))]
    assert header == [
        "kilde_id",
        "placering_kilde_id",
        "uge",
        "timer_til_stede",
        "loentimer",
        "effektive_timer",
        "oplaeringstimer",
    ]


def test_only_coordinators_and_administrators_may_import(make_user):
    from smaajob.errors import NotFound

    caseworker = make_user("caseworker", username="rikke")
    with pytest.raises(NotFound):
        services.import_file(
            actor=caseworker, kind="virksomheder", data=b"kilde_id;cvr;navn\r\n", file_name="x.csv", write=True
        )


def test_an_import_writes_its_audit_entries_on_the_import_channel(run_import):
    from smaajob.audit.models import AuditEntry

    run_import("borgere", csv_bytes(CITIZENS, "B1;0101901234;Mette;Jensen;;"))
    entry = AuditEntry.objects.filter(object_type="citizen", action="create").get()
    assert entry.channel == "import" and entry.actor_username == "koordinator"
    assert SourceChange.objects.get().run.channel == "system"
