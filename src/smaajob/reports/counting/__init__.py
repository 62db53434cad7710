# SPDX-License-Identifier: MPL-2.0
"""The counting engine: every reported number computed from recorded events, by stated rules.

Pure Python over polars frames — no Django here (an import-linter contract keeps it so).
The dashboard, the exports, the PDF reports, the API and the benchmark all call these
functions; ``smaajob.reports.selectors`` loads the frames from the database.

Modules, one measure family each:

* ``period`` — the period a number is about, and the date outcomes are observed until;
* ``tables`` — the event tables (schemas) the engine reads;
* ``measure`` — ``Measure``: a value with its period, counting rule, source and the ids behind it;
* ``groups`` — which project / target group / team / consultant / municipality a course belongs to;
* ``funnel`` — the VTA funnel (003 Table 5);
* ``shares`` — the STV success criteria (004 §1);
* ``activity`` — courses versus persons (002 Table 3.1);
* ``caseload``, ``timing``, ``conversion``, ``hours``, ``exemptions``, ``outcomes`` — the rest of §9;
* ``costs`` — the cost of an effort from unit prices (003 §2.6);
* ``published`` — published figures and the check that their totals add up;
* ``pseudonyms`` — keyed pseudonyms with a fresh key per export;
* ``suppression`` — small cells withheld for readers of aggregates only (analysts).
"""
