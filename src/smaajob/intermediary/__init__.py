# SPDX-License-Identifier: MPL-2.0
"""The intermediary employer (issue 13): an outside organisation (Aalborg's Job Fokus in "Små job
med mening", seed 000 L1657–1671) that holds the employment of citizens working a few hours at
companies which cannot employ them themselves; it invoices the companies monthly for the
confirmed hours and pays the citizens, whose payslips go into the payslip flow (``money``).

Domain side (models, selectors, documents) sits above ``money.models``; the monthly run that
registers payslips (``services``) is an entry point beside ``money.services`` (pyproject.toml).
"""
