# SPDX-License-Identifier: MPL-2.0
"""The one PDF path (smaajob.pdf): a print template's HTML drawn as a tagged PDF, read back with
an independent parser (tests.pdf_reading) — the tag tree a screen reader follows, the text a
reader sees, every character inside the page, a long table's header row on every page."""

from __future__ import annotations

import io

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser

from smaajob.charts import bar_chart
from smaajob.pdf import Column, html_pdf, table_pdf
from tests.pdf_reading import read_pdf


def page(body: str, *, landscape: bool = False) -> str:
    style = "<style>@page { size: A4 landscape; }</style>" if landscape else ""
    return f'<!DOCTYPE html><html lang="da"><head><title>Prøvedokument</title>{style}</head><body>{body}</body></html>'


def test_headings_paragraphs_and_lists_are_tagged_in_reading_order_with_the_language_and_title():
    pdf = read_pdf(
        html_pdf(
            page(
                "<h1>Rapport</h1><p>Første <strong>afsnit</strong>.</p><h2>Del to</h2><h3>Under</h3>"
                "<dl><dt>Visiteret</dt><dd>Regel om visitation.</dd></dl><ul><li>Punkt</li></ul>"
            )
        )
    )
    assert pdf.tags is not None and pdf.tags.type == "Document"
    assert [tag.type for tag in pdf.tags.kids] == ["H1", "P", "H2", "H3", "L", "L"]
    assert [kid.type for kid in pdf.tagged("LI")[0].kids] == ["Lbl", "LBody"]
    assert pdf.catalog.get("Lang") == b"da" and pdf.catalog_entry("MarkInfo") == {"Marked": True}
    assert "Første afsnit." in pdf.text and "Regel om visitation." in pdf.text


def test_the_title_is_the_window_title():
    data = html_pdf(page("<p>x</p>"))

    info = PDFDocument(PDFParser(io.BytesIO(data))).info[0]
    title = info["Title"]
    assert (title.decode("utf-16") if title.startswith(b"\xfe\xff") else title.decode("latin-1")) == "Prøvedokument"
    assert b"/DisplayDocTitle true" in data


def test_a_chart_is_a_figure_with_its_title_and_description_as_alternative_text():
    chart = bar_chart(
        [("Gruppe A", 10, None), ("Gruppe B", 4, None)], title="Visiterede", description="Antal pr. gruppe"
    )
    pdf = read_pdf(html_pdf(page(f"<figure>{chart}<figcaption>Tallene står i tabellen.</figcaption></figure>")))
    [figure] = pdf.tagged("Figure")
    assert figure.alt == "Visiterede. Antal pr. gruppe."
    assert [kid.type for kid in figure.kids] == ["Caption"]
    # The chart's own labels are drawn as text, inside the page.
    assert "Gruppe A" in pdf.text and "Tallene står i tabellen." in pdf.text
    assert all(not p.chars_outside for p in pdf.pages)


def long_table(rows: int) -> str:
    body = "".join(
        f'<tr><th scope="row">Række {n}</th><td>{n}<br><span class="muted small">note</span></td><td>x</td></tr>'
        for n in range(rows)
    )
    return (
        "<table><caption>Lang tabel</caption>"
        '<thead><tr><th scope="col">Gruppe</th><th scope="col">Antal</th><th scope="col">Andet</th></tr></thead>'
        f'<tbody>{body}</tbody><tfoot><tr><th scope="row" colspan="2">I alt</th><td>9</td></tr></tfoot></table>'
    )


def test_a_long_table_repeats_its_header_row_on_every_page_and_tags_it_once():
    pdf = read_pdf(html_pdf(page("<h1>Tabel</h1>" + long_table(150))))
    assert len(pdf.pages) > 2
    for number, p in enumerate(pdf.pages[1:], start=2):
        top = max((line for line in p.lines if not line.text.startswith("Side")), key=lambda line: line.y1)
        assert top.text in {"Gruppe", "Antal", "Andet"}, (number, top.text)
        assert {"Gruppe", "Antal", "Andet"} <= {line.text for line in p.lines}
    [table] = pdf.tagged("Table")
    assert [kid.type for kid in table.kids[:2]] == ["Caption", "TR"]
    rows = [kid for kid in table.kids if kid.type == "TR"]
    assert len(rows) == 1 + 150 + 1  # the header row once, however many pages it is drawn on
    assert [cell.attributes.get("Scope") for cell in rows[0].kids] == ["Column"] * 3
    assert rows[1].kids[0].type == "TH" and rows[1].kids[0].attributes.get("Scope") == "Row"
    assert rows[-1].kids[0].attributes.get("ColSpan") == "2"
    assert f"Side {len(pdf.pages)} af {len(pdf.pages)}" in pdf.pages[-1].text
    assert all(not p.chars_outside for p in pdf.pages)


def test_a_word_wider_than_its_column_is_hyphenated_inside_the_page():
    word = "Beskæftigelsesindsatsforløbsevalueringsrapportering" * 3
    pdf = read_pdf(
        html_pdf(page(f"<table><tbody><tr><td>{word}</td><td>{word}</td><td>kort</td></tr></tbody></table>"))
    )
    assert all(not p.chars_outside for p in pdf.pages)
    # Broken over lines with a hyphen at each line's end (the pieces read as the word again).
    assert "\u2010\n" in pdf.text
    assert "".join(pdf.text.replace("\u2010\n", "").split()).count(word) == 2


def test_a_landscape_print_style_turns_the_page():
    upright, turned = (read_pdf(html_pdf(page("<p>x</p>", landscape=flag))).pages[0] for flag in (False, True))
    assert upright.width < upright.height and turned.width > turned.height


def test_a_list_given_as_rows_is_tagged_as_a_table_with_its_header_on_every_page():
    columns = [Column("Navn", 0.5), Column("By", 0.5)]
    progress: list[int] = []
    pdf = read_pdf(
        table_pdf(
            title="Liste",
            paragraphs=["To kolonner."],
            columns=columns,
            rows=([f"Navn {n}", "Odense"] for n in range(600)),
            progress=progress.append,
        )
    )
    assert len(pdf.pages) > 1 and progress == [250, 500]
    assert all({"Navn", "By"} <= {line.text for line in p.lines} for p in pdf.pages)
    [table] = pdf.tagged("Table")
    assert len(table.kids) == 601


def test_a_charts_labels_are_drawn_in_ink_even_after_a_tables_pale_header():
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    chart = bar_chart([("Gruppe A", 10.0, None)], title="Visiterede", description="Antal")
    table = '<table><thead><tr><th scope="col">Kolonne</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    data = html_pdf(page(f"{table}<figure>{chart}<figcaption>Figur.</figcaption></figure>"))
    colours = {
        char.graphicstate.ncolor
        for layout in extract_pages(io.BytesIO(data))
        for box in layout
        if isinstance(box, LTTextContainer) and "Gruppe A" in box.get_text()
        for line in box
        for char in line
        if isinstance(char, LTChar)
    }
    # Ink is #1a1a1a (0.1 of white); the header's fill #e1ecf4 would be 0.88–0.96.
    components = [c for colour in colours for c in _components(colour)]
    assert components and max(components) < 0.3, colours


def _components(colour: object) -> list[float]:
    """A fill colour as pdfminer gives it: a grey level, or a tuple of RGB or CMYK levels."""
    if isinstance(colour, tuple):
        return [float(c) for c in colour]
    return [float(colour)] if isinstance(colour, int | float) else []


def test_missing_fonts_are_named_with_how_to_install_them(tmp_path):
    import pytest

    from smaajob.pdf_document import PdfFontsMissing, font_paths

    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    with pytest.raises(PdfFontsMissing) as refused:
        font_paths(tmp_path)
    assert "DejaVuSans-Bold.ttf findes ikke" in str(refused.value) and "DejaVuSans.ttf," not in str(refused.value)
    assert "apt-get install fonts-dejavu-core" in str(refused.value)
    assert set(font_paths()) == {"", "B"}  # this machine has them (CI installs fonts-dejavu-core)
