# SPDX-License-Identifier: MPL-2.0
"""Money: "Hvad får jeg ud af det?" — the citizen's calculator — and the payslip flow.

* ``calculator`` turns the rules engine (``smaajob.rules``) into answers for one or more
  scenarios; ``chart`` draws the curve as inline SVG. Nothing a visitor types is stored or logged.
* ``models`` / ``services`` / ``selectors``: payslips (received → calculated → approved → paid),
  the month's supplementary benefit with its explanation, reminders before the 20th.
* ``deadlines`` (the 20th-of-the-month rule and urgency), ``allocation`` (a period's hours split
  over ISO weeks by working days), ``attachments`` (content sniffing), ``permissions`` (who may
  submit and handle payslips, built on ``smaajob.access``).

Money ships its own pages and uses ``smaajob.web``'s menu and error pages, so it sits in the
entry-point layer of the import contract, above ``smaajob.access``.
"""
