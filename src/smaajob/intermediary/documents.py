# SPDX-License-Identifier: MPL-2.0
"""The run's documents: the invoice as PDF and as CSV, and the wage statement (the payslip) as PDF.

PDFs go through the project's one PDF path (``smaajob.pdf``); the CSV through
``smaajob.spreadsheet`` so that no citizen's or company's name can become a live formula.

Why CSV and not OIOUBL (docs/intermediary.md): an OIOUBL invoice is sent through NemHandel to the
buyer's registered endpoint (EAN/GLN or CVR in the NemHandel register) and has to pass the OIOUBL
schematron; the intermediary's finance system already does that. What the finance system needs
from Småjob is the invoice's lines in a form it imports: one row per line, with the invoice
number, the buyer's CVR, the week, hours, price and amount.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

from smaajob.access.citizens import employer_facts
from smaajob.intermediary.models import Invoice, WageStatement
from smaajob.intermediary.selectors import month_end
from smaajob.pdf import render_pdf
from smaajob.rules.months import danish_month, month_index
from smaajob.spreadsheet import csv_row

CSV_HEADER = [
    "fakturanummer",
    "fakturadato",
    "leverandoer_cvr",
    "leverandoer",
    "kunde_cvr",
    "kunde",
    "periode_fra",
    "periode_til",
    "linje",
    "medarbejder",
    "uge_mandag",
    "uge_nr",
    "timer",
    "timepris",
    "beloeb",
    "valuta",
]


def worker_name(citizen: Any, on: date) -> str:
    """The citizen's name as the company may see it (consented facts), else an anonymous label.

    The intermediary is the employer and knows the name; the invoice goes to the company, which
    sees what the citizen consented to disclose (``access.employer_facts``)."""
    return employer_facts(citizen, on=on).name or f"Medarbejder nr. {citizen.pk}"


def invoice_lines(invoice: Invoice) -> list[dict[str, Any]]:
    on = month_end(invoice.run.month)
    names: dict[int, str] = {}
    rows = []
    for number, line in enumerate(invoice.lines.select_related("citizen").order_by("citizen_id", "week_start"), 1):
        if line.citizen_id not in names:
            names[line.citizen_id] = worker_name(line.citizen, on)
        rows.append(
            {
                "number": number,
                "name": names[line.citizen_id],
                "week_start": line.week_start,
                "week": line.week_start.isocalendar().week,
                "hours": line.hours,
                "hourly_price": line.hourly_price,
                "amount": line.amount,
            }
        )
    return rows


def invoice_date(invoice: Invoice) -> date:
    return invoice.run.last_run_at.date()


def invoice_context(invoice: Invoice) -> dict[str, Any]:
    month = invoice.run.month
    return {
        "invoice": invoice,
        "intermediary": invoice.run.intermediary,
        "company": invoice.company,
        "month_label": danish_month(month_index(month)),
        "period_start": month,
        "period_end": month_end(month),
        "invoice_date": invoice_date(invoice),
        "lines": invoice_lines(invoice),
    }


def invoice_pdf(invoice: Invoice) -> bytes:
    return render_pdf("intermediary/invoice_pdf.html", invoice_context(invoice))


def _number(value: Decimal) -> str:
    return f"{value:.2f}"  # a dot and two decimals: what a finance system's importer reads


def invoice_csv(invoice: Invoice) -> str:
    """The invoice's lines for a finance system: semicolon-separated, UTF-8, ISO dates, amounts
    with a dot and two decimals (kroner, ex. VAT)."""
    context = invoice_context(invoice)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_HEADER)
    for line in context["lines"]:
        writer.writerow(
            csv_row(
                [
                    invoice.number,
                    context["invoice_date"].isoformat(),
                    context["intermediary"].cvr,
                    context["intermediary"].name,
                    invoice.company.cvr,
                    invoice.company.name,
                    context["period_start"].isoformat(),
                    context["period_end"].isoformat(),
                    line["number"],
                    line["name"],
                    line["week_start"].isoformat(),
                    line["week"],
                    _number(line["hours"]),
                    _number(line["hourly_price"]),
                    _number(line["amount"]),
                    "DKK",
                ]
            )
        )
    return buffer.getvalue()


def wage_statement_context(statement: WageStatement) -> dict[str, Any]:
    return {
        "statement": statement,
        "intermediary": statement.run.intermediary,
        "citizen": statement.citizen,
        "company": statement.placement.company,
        "month_label": danish_month(month_index(statement.run.month)),
        "weeks": [
            {"week_start": date.fromisoformat(day), "week": date.fromisoformat(day).isocalendar().week, "hours": hours}
            for day, hours in statement.weeks
        ],
    }


def wage_statement_pdf(statement: WageStatement) -> bytes:
    return render_pdf("intermediary/wage_statement_pdf.html", wage_statement_context(statement))
