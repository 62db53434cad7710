# SPDX-License-Identifier: MPL-2.0
"""Data protection (issue 14): the CPR key rotation, the DPO's audit-trail search, the citizen's
own data (GDPR art. 15 export) and the retention job. See docs/privacy.md and docs/security.md.

* ``keys`` — ``rotate_cpr_keys``: every CPR number encrypted again with the first key;
* ``trail`` — the audit-trail search and its CSV/Excel rows for the DPO;
* ``insight`` — everything held about one citizen, walked from the model relations, as JSON/PDF;
* ``retention`` — closed cases anonymised after ``SMAAJOB_RETENTION_YEARS``, with a dry run.

Below the entry points (web, API, CLI), above the access layer: who may see what is decided
in ``smaajob.access.privacy``.
"""
