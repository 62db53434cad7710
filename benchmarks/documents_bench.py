# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): the large documents at municipality size, in the request and
as background exports (issue 15 item 5, issue 16 item 1).

    DATABASE_URL=… .venv/bin/python benchmarks/documents_bench.py [--runs 3]

Needs the municipality demo in the database (``smaajob demo --reset --size municipality``).
Side by side in one run, as a consultant (the openings) and the coordinator (the evaluation):

* the openings-list PDF and Excel file answered in the request (``?format=pdf|xlsx``);
* the same files ordered in the background: the time until the request answers, and the time
  until the worker (``smaajob.jobs.worker.work``, in this process) has stored the file;
* the evaluation PDF in the request, and split: building the report (the view's context),
  rendering its print template to HTML, and drawing that HTML as PDF — now with fpdf2
  (``smaajob.pdf.html_pdf``), before with WeasyPrint (``pdf_variant="pdf/ua-1"``, as
  ``smaajob.pdf`` did until 2026-12-04), from the same HTML in the same run;
* the baseline: the same openings PDF as WeasyPrint made it before (the print template of
  ``web/openings/pdf.html`` until 2026-12-03, kept here), from the same rows.

WeasyPrint is a development dependency only for this baseline (docs/decisions/0005).

Prints medians of ``--runs`` runs and the ratio of the background request to the request that
makes the file itself. The jobs and files the run makes are deleted afterwards.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")


# How smaajob.pdf asked WeasyPrint for a tagged PDF until 2026-12-04.
PDF_VARIANT = "pdf/ua-1"

# The openings PDF's template before smaajob.pdf_tables (the baseline, rendered by WeasyPrint).
BASELINE_TEMPLATE = """{% load web_extras %}<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Jobåbninger {{ today|date:"j. F Y" }}</title>
{% include "pdf/style.html" with landscape=True %}</head>
<body>
<h1>Jobåbninger pr. {{ today|date:"j. F Y" }}</h1>
<p>{{ count }} åben{{ count|pluralize:"e" }} jobåbning{{ count|pluralize:"er" }}.</p>
<table>
<thead><tr><th>Virksomhed</th><th>Område</th><th>Opgave</th><th>Timer/uge</th><th>Dage og tider</th><th>Buddy</th>\
<th>Sprogkrav</th><th>Type</th></tr></thead>
<tbody>{% for o in openings %}<tr><td>{{ o.company.name }}</td><td>{{ o.company.postcode }} {{ o.company.city }}</td>\
<td>{{ o.title }}</td><td>{{ o.hours_min|floatformat:"-1" }}–{{ o.hours_max|floatformat:"-1" }}</td>\
<td>{{ o.slots|slots_text|default:"efter aftale" }}</td><td>{{ o.buddy.name|default:"–" }}</td>\
<td>{{ o.get_language_requirement_display }}</td><td>{{ o.get_kind_display }}</td></tr>{% endfor %}</tbody>
</table>
</body></html>"""


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"


def _pages(data: bytes) -> int:
    from pdfminer.pdfpage import PDFPage

    return sum(1 for _page in PDFPage.get_pages(io.BytesIO(data)))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--evaluation-only", action="store_true", help="only the evaluation PDF and its parts")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.test import Client
    from django.urls import reverse

    from smaajob.jobs.models import Job, JobStatus
    from smaajob.jobs.worker import work
    from smaajob.organisation.models import Role, User

    consultant = User.objects.filter(role=Role.CONSULTANT, username__startswith="konsulent").order_by("pk").first()
    coordinator = User.objects.filter(role=Role.COORDINATOR).order_by("pk").first()
    if consultant is None or coordinator is None:
        sys.exit("Indlæs kommunedemoen først: smaajob demo --reset --size municipality")
    staff, boss = Client(), Client()
    staff.force_login(consultant)
    boss.force_login(coordinator)
    openings = reverse("web:openings")
    # Warm-up: imports (WeasyPrint, Pango) and the first query plans are not what a user waits for.
    boss.get(reverse("reports:evaluation_pdf"))

    def in_request(fmt: str) -> None:
        response = staff.get(openings, {"format": fmt})
        assert response.status_code == 200, response.status_code

    started: list[int] = []

    def order(kind: str) -> None:
        response = staff.post(reverse("web:export_start"), {"kind": kind, "query": ""})
        assert response.status_code == 302, response.status_code
        started.append(int(response["Location"].rstrip("/").rsplit("/", 1)[-1]))

    def run_worker() -> None:
        work(slots=(), interval=0, until_idle=True, signals=False)
        job = Job.objects.get(pk=started[-1])
        assert job.status == JobStatus.DONE, job.last_error

    from datetime import date

    from django.template import engines
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from weasyprint import HTML

    from smaajob.pdf import html_pdf
    from smaajob.reports.views import _dashboard_context
    from smaajob.web.openings_export import PDF_LIMIT, filtered_openings

    baseline = engines["django"].from_string(BASELINE_TEMPLATE)

    def weasyprint_openings() -> None:
        _form, rows = filtered_openings(consultant, None)
        html = baseline.render({"openings": rows[:PDF_LIMIT], "count": rows.count(), "today": date.today()})
        HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)

    evaluation: dict[str, Any] = {}

    def build_evaluation() -> None:
        request = RequestFactory().get(reverse("reports:evaluation_pdf"))
        request.user = coordinator
        evaluation["context"] = _dashboard_context(request)  # type: ignore[arg-type]

    def evaluation_html() -> None:
        evaluation["html"] = render_to_string("reports/evaluation_pdf.html", evaluation["context"])

    def evaluation_fpdf2() -> None:
        evaluation["pages now"] = html_pdf(evaluation["html"])

    def evaluation_weasyprint() -> None:
        evaluation["pages before"] = HTML(string=evaluation["html"]).write_pdf(pdf_variant=PDF_VARIANT)

    results: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def measure(name: str, action: Callable[[], object]) -> None:
        """Wall-clock and this process's CPU time (not PostgreSQL's): on a loaded machine the
        CPU time is the fairer comparison, the wall clock what a user waits."""
        started_cpu = time.process_time()
        results.setdefault(name, []).append(timed(action))
        cpu.setdefault(name, []).append(time.process_time() - started_cpu)

    print(f"Machine: {machine()}", flush=True)
    for run in range(args.runs):
        if not args.evaluation_only:
            measure("openings pdf: baseline, WeasyPrint (before)", weasyprint_openings)
            for fmt, kind in (("pdf", "openings_pdf"), ("xlsx", "openings_xlsx")):
                name = f"openings {fmt}"
                measure(f"{name}: in the request", functools.partial(in_request, fmt))
                measure(f"{name}: background, request answers", functools.partial(order, kind))
                measure(f"{name}: background, file stored", run_worker)
        measure("evaluation pdf: in the request", lambda: boss.get(reverse("reports:evaluation_pdf")))
        measure("evaluation pdf: building the report", build_evaluation)
        measure("evaluation pdf: template to HTML", evaluation_html)
        measure("evaluation pdf: HTML to PDF, fpdf2 (now)", evaluation_fpdf2)
        measure("evaluation pdf: HTML to PDF, WeasyPrint (before)", evaluation_weasyprint)
        print(f"  run {run + 1} done", flush=True)
    for job in Job.objects.filter(pk__in=started):
        if job.file_name:
            default_storage.delete(job.file_name)
        job.delete()

    medians = {name: statistics.median(times) for name, times in results.items()}
    cpu_medians = {name: statistics.median(times) for name, times in cpu.items()}
    print(f"\nMedians of {args.runs} runs, load average after: {os.getloadavg()[0]:.1f}")
    print(f"  {'':48s} {'wall':>8s}   {'CPU':>8s}")
    for name, median in medians.items():
        print(f"  {name:48s} {median:8.3f} s {cpu_medians[name]:8.3f} s")
    drawn = medians["evaluation pdf: HTML to PDF, fpdf2 (now)"]
    weasy = medians["evaluation pdf: HTML to PDF, WeasyPrint (before)"]
    made = medians["evaluation pdf: building the report"] + medians["evaluation pdf: template to HTML"]
    print(f"  evaluation pdf: fpdf2 draws it {weasy / drawn:.1f}× faster than WeasyPrint (wall)")
    cpu_ratio = (
        cpu_medians["evaluation pdf: HTML to PDF, WeasyPrint (before)"]
        / cpu_medians["evaluation pdf: HTML to PDF, fpdf2 (now)"]
    )
    print(f"  evaluation pdf: fpdf2 draws it {cpu_ratio:.1f}× faster than WeasyPrint (CPU)")
    print(f"  evaluation pdf: report + HTML + PDF, now {made + drawn:.3f} s, before {made + weasy:.3f} s")
    print(f"  evaluation pdf: pages now {_pages(evaluation['pages now'])}, before {_pages(evaluation['pages before'])}")
    if args.evaluation_only:
        return
    before = medians["openings pdf: baseline, WeasyPrint (before)"] / medians["openings pdf: in the request"]
    print(f"  openings pdf: the drawn PDF is {before:.1f}× faster than WeasyPrint's")
    for fmt in ("pdf", "xlsx"):
        ratio = medians[f"openings {fmt}: in the request"] / medians[f"openings {fmt}: background, request answers"]
        print(f"  openings {fmt}: the background request answers {ratio:,.0f}× sooner than the request that makes it")


if __name__ == "__main__":
    main()
