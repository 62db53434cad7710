# SPDX-License-Identifier: MPL-2.0
"""The three ways in: the import page (upload, preview, confirm, history, downloads; a large file
in the background), ``smaajob import``/``smaajob export``, and the API for a nightly sync."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smaajob.cli.main import main
from smaajob.imports.models import ImportRun, RunStatus
from smaajob.network.models import Company
from tests.imports.conftest import csv_bytes
from tests.web.test_pages import log_in

pytestmark = pytest.mark.django_db

COMPANIES = "kilde_id;cvr;navn;postnummer"
GOOD = csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000", "V2;31240026;Gartneren;5210")
BAD = csv_bytes(COMPANIES, "V1;31240018;Bageriet;5000", "V2;31240019;Fejl;5210")


def _upload(client, data: bytes, name: str = "netvaerk.csv", **extra):
    form = {"kind": "virksomheder", "source_system": "momentum", "file": SimpleUploadedFile(name, data), **extra}
    return client.post(reverse("web:imports"), form)


# --- the page ---------------------------------------------------------------------------------
def test_the_page_previews_an_upload_and_writes_only_when_the_coordinator_confirms(client, importer):
    log_in(client, importer)
    response = _upload(client, GOOD)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("web:import_run", args=[run.pk])
    page = client.get(response.url).content.decode()
    assert "Vil blive oprettet" in page and "Gem 2 nye og 0 ændrede" in page
    assert Company.objects.count() == 0
    client.post(reverse("web:import_confirm", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.created == 2 and not run.content
    assert Company.objects.count() == 2
    history = client.get(reverse("web:imports")).content.decode()
    assert "netvaerk.csv" in history and "Karen Koordinator" in history and "Gemt" in history


def test_the_page_reports_bad_cells_and_offers_no_save_button(client, importer):
    log_in(client, importer)
    response = _upload(client, BAD)
    page = client.get(response.url).content.decode()
    assert "række 3, kolonne cvr" in page and "intet er gemt" in page
    assert "Gem " not in page
    run = ImportRun.objects.get()
    assert run.status == RunStatus.REJECTED
    assert client.post(reverse("web:import_confirm", args=[run.pk])).status_code == 400
    assert Company.objects.count() == 0


def test_a_large_file_is_checked_in_the_background_and_its_page_polls(client, importer, monkeypatch):
    from smaajob.imports import services
    from smaajob.web.views import imports as views

    started = []
    monkeypatch.setattr(views, "BACKGROUND_BYTES", 10)

    def thread(target, **kw):
        started.append(target)
        return _Now(target)

    monkeypatch.setattr(services, "threading", SimpleNamespace(Thread=thread))
    log_in(client, importer)
    _upload(client, GOOD)
    run = ImportRun.objects.get()
    assert started and run.status == RunStatus.PREVIEWED and run.created == 2


class _Now:
    """Runs the background job at once (the test database is one transaction)."""

    def __init__(self, target):
        self.target = target

    def start(self):
        from django.db import connection

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(connection, "close", lambda: None)  # keep the test's connection
            self.target()


def test_a_running_import_page_polls_every_second(client, importer):
    log_in(client, importer)
    run = ImportRun.objects.create(
        municipality=importer.municipality,
        user=importer,
        channel="web",
        kind="timer",
        source_system="x",
        file_name="store.csv",
        status=RunStatus.WRITING,
    )
    page = client.get(reverse("web:import_run", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "i gang" in page


def test_templates_and_exports_download_as_csv_and_excel(client, importer):
    log_in(client, importer)
    template = client.get(reverse("web:import_template", args=["timer", "csv"]))
    assert template.status_code == 200 and template.content.decode("utf-8-sig").startswith(
        "kilde_id;placering_kilde_id"
    )
    assert client.get(reverse("web:import_template", args=["alle", "xlsx"])).content[:2] == b"PK"
    exported = client.get(reverse("web:import_export", args=["virksomheder", "csv"]))
    assert exported.status_code == 200 and "attachment" in exported["Content-Disposition"]


def test_a_caseworker_gets_not_found_for_the_import_page(client, caseworker):
    log_in(client, caseworker)
    assert client.get(reverse("web:imports")).status_code == 404


def test_another_municipalitys_run_is_not_found(client, importer, other_municipality):
    log_in(client, importer)
    run = ImportRun.objects.create(
        municipality=other_municipality, channel="web", kind="timer", source_system="x", file_name="deres.csv"
    )
    assert client.get(reverse("web:import_run", args=[run.pk])).status_code == 404


# --- the command line -------------------------------------------------------------------------
def test_the_command_imports_a_file_and_a_second_run_changes_nothing(importer, tmp_path, capsys):
    path = tmp_path / "netvaerk.csv"
    path.write_bytes(GOOD)
    assert main(["import", "virksomheder", str(path), "--user", "koordinator", "--no-progress"]) == 0
    assert "2 blev oprettet" in capsys.readouterr().out
    assert main(["import", "virksomheder", str(path), "--user", "koordinator", "--no-progress"]) == 0
    assert "0 blev oprettet, 0 blev ændret, 2 uændrede" in capsys.readouterr().out
    assert ImportRun.objects.filter(channel="cli").count() == 2


def test_the_command_with_bad_rows_lists_them_writes_nothing_and_exits_2(importer, tmp_path, capsys):
    path = tmp_path / "netvaerk.csv"
    path.write_bytes(BAD)
    assert main(["import", "virksomheder", str(path), "--user", "koordinator"]) == 2
    err = capsys.readouterr().err
    assert "fejl [import_rejected]" in err and "række 3, kolonne cvr" in err and "intet er gemt" in err
    assert Company.objects.count() == 0


def test_the_command_dry_run_writes_nothing_and_good_rows_only_writes_the_good_ones(importer, tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(GOOD)
    bad.write_bytes(BAD)
    assert main(["import", "virksomheder", str(good), "--user", "koordinator", "--dry-run"]) == 0
    assert "2 ville blive oprettet" in capsys.readouterr().out and Company.objects.count() == 0
    assert main(["import", "virksomheder", str(bad), "--user", "koordinator", "--good-rows-only"]) == 1
    captured = capsys.readouterr()
    assert "1 blev oprettet" in captured.out and "række 3, kolonne cvr" in captured.err
    assert list(Company.objects.values_list("name", flat=True)) == ["Bageriet"]


def test_the_command_exports_what_it_imported(importer, tmp_path):
    source, exported = tmp_path / "ind.csv", tmp_path / "ud.xlsx"
    source.write_bytes(GOOD)
    main(["import", "virksomheder", str(source), "--user", "koordinator"])
    assert main(["export", "virksomheder", str(exported), "--user", "koordinator"]) == 0
    assert main(["import", "virksomheder", str(exported), "--user", "koordinator", "--dry-run"]) == 0


def test_the_command_refuses_an_unknown_kind_and_a_caseworker(importer, make_user, tmp_path, capsys):
    make_user("caseworker", username="rikke")
    path = tmp_path / "x.csv"
    path.write_bytes(GOOD)
    assert main(["import", "katte", str(path), "--user", "koordinator"]) == 2
    assert "Ukendt type »katte«" in capsys.readouterr().err
    assert main(["import", "virksomheder", str(path), "--user", "rikke"]) == 2


# --- the API ----------------------------------------------------------------------------------
def test_the_api_imports_a_file_and_answers_the_counts(client, importer):
    log_in(client, importer)
    answer = client.post(
        "/api/v1/import/virksomheder?source_system=momentum", {"file": SimpleUploadedFile("n.csv", GOOD)}
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["created"], body["written"], body["problems"]) == (2, True, [])
    again = client.post(
        "/api/v1/import/virksomheder?source_system=momentum", {"file": SimpleUploadedFile("n.csv", GOOD)}
    ).json()
    assert (again["created"], again["unchanged"]) == (0, 2)
    runs = client.get("/api/v1/import/koersler").json()
    assert [r["file_name"] for r in runs] == ["n.csv", "n.csv"]


def test_the_api_answers_400_with_every_problem_and_writes_nothing(client, importer):
    log_in(client, importer)
    answer = client.post("/api/v1/import/virksomheder", {"file": SimpleUploadedFile("n.csv", BAD)})
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "import_rejected"
    assert [(p["row"], p["column"]) for p in body["problems"]] == [(3, "cvr")]
    assert Company.objects.count() == 0


def test_the_api_exports_csv(client, importer):
    log_in(client, importer)
    client.post("/api/v1/import/virksomheder", {"file": SimpleUploadedFile("n.csv", GOOD)})
    answer = client.get("/api/v1/import/virksomheder/eksport?format=csv")
    assert answer.status_code == 200
    assert answer.content.decode("utf-8-sig").splitlines()[1].startswith("V1;31240018;Bageriet")
