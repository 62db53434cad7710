# SPDX-License-Identifier: MPL-2.0
"""The PDFs as a reader gets them: every table inside the page, headers repeated when a table
breaks across pages, and tagged for screen readers (PDF/UA-1).

Each PDF is fetched as a user would (over HTTP, on the small demo, where the funnel's group
names and notes are long) and read back with an independent PDF parser (tests.pdf_reading),
not inspected as the HTML it was made from.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.demo.conftest import TODAY, small_demo_loaded
from tests.pdf_reading import Pdf, read_pdf


@pytest.fixture(scope="module")
def small_demo_world(django_db_setup, django_db_blocker):
    """The small demo of tests/demo (its day, TODAY), so the worker's one load serves this module too."""
    with django_db_blocker.unblock(), small_demo_loaded(TODAY) as result:
        yield result


@pytest.fixture
def small_demo(small_demo_world, db):
    return small_demo_world


def fetch_pdf(client, username: str, url: str, params: dict[str, str] | None = None) -> Pdf:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url, params or {})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return read_pdf(response.content)


def outside_the_page(pdf: Pdf) -> dict[int, str]:
    return {number: "".join(page.chars_outside) for number, page in enumerate(pdf.pages, 1) if page.chars_outside}


def words(text: str) -> str:
    """The text as one line of words, with words hyphenated at a line end joined again."""
    return " ".join(text.split()).replace("\u2010 ", "")


def test_the_evaluation_pdf_draws_every_table_inside_the_page(client, small_demo):
    pdf = fetch_pdf(client, "koordinator", reverse("reports:evaluation_pdf"))
    assert outside_the_page(pdf) == {}


def test_the_evaluation_pdf_keeps_the_funnels_last_column(client, small_demo):
    pdf = fetch_pdf(client, "koordinator", reverse("reports:evaluation_pdf"))
    [first_page] = [page for page in pdf.pages if "Tragt fordelt på" in page.text]
    header = [line for line in first_page.lines if line.text.startswith("heraf")]
    # The funnel's last column ("heraf målbare efter 6 måneder") is there, inside the page.
    assert "heraf målbare efter 6 måneder" in words(first_page.text)
    assert header and all(line.x1 <= first_page.width for line in header)


def test_the_openings_pdf_repeats_the_table_header_on_every_page(client, small_demo):
    pdf = fetch_pdf(client, "konsulent", reverse("web:openings"), {"format": "pdf"})
    header = {"Virksomhed", "Område", "Opgave", "Timer/uge", "Dage og tider", "Buddy", "Sprogkrav", "Type"}
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        assert header <= {line.text for line in page.lines}
    for page in pdf.pages[1:]:
        top = max(page.lines, key=lambda line: line.y1)
        assert top.text in header, f"{top.text!r} stands above the repeated header"
    assert outside_the_page(pdf) == {}


@pytest.mark.parametrize("which", ["evaluation", "openings", "progression"])
def test_every_pdf_is_tagged_for_screen_readers(client, small_demo, which):
    from smaajob.citizens.models import Citizen

    first = Citizen.objects.order_by("pk").first()
    assert first is not None
    username, url, params = {
        "evaluation": ("koordinator", reverse("reports:evaluation_pdf"), None),
        "openings": ("konsulent", reverse("web:openings"), {"format": "pdf"}),
        "progression": (
            "konsulent",
            reverse("reports:progression_pdf", args=[first.pk]),
            None,
        ),
    }[which]
    pdf = fetch_pdf(client, username, url, params)
    assert pdf.catalog_entry("StructTreeRoot") is not None
    assert pdf.catalog_entry("MarkInfo") == {"Marked": True}
    assert pdf.catalog.get("Lang") == b"da"


def test_the_evaluation_pdfs_charts_are_figures_with_alternative_text_and_its_tables_have_header_cells(
    client, small_demo
):
    pdf = fetch_pdf(client, "koordinator", reverse("reports:evaluation_pdf"))
    figures = pdf.tagged("Figure")
    # The funnel's chart(s) and the weekly hours' chart, each described as on the page.
    assert len(figures) >= 2 and all(figure.alt and len(figure.alt) > 20 for figure in figures)
    assert [tag.type for tag in pdf.tagged("H1")] == ["H1"] and len(pdf.tagged("H2")) >= 8
    for table in pdf.tagged("Table"):
        rows = [kid for kid in table.kids if kid.type == "TR"]
        assert rows and all(cell.type in {"TH", "TD"} for row in rows for cell in row.kids)
        assert rows[0].kids[0].type == "TH"


def test_without_the_pdf_fonts_the_evaluation_pdf_says_how_to_install_them(client, small_demo, monkeypatch, tmp_path):
    monkeypatch.setattr("smaajob.pdf_document.FONT_DIR", tmp_path)
    client.force_login(get_user_model().objects.get(username="koordinator"))
    response = client.get(reverse("reports:evaluation_pdf"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Skrifttyperne til PDF er ikke installeret" in page and "fonts-dejavu-core" in page
    assert "SMAAJOB_PDF_FONT_DIR" in page
