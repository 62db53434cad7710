# SPDX-License-Identifier: MPL-2.0
"""The Django admin at /admin/: configuration and log-ins for a municipality's administrators.

It is an entry point like the web pages and the API, so it lives here and reads citizens
through ``smaajob.access``. What it holds and why (docs/administration.md):

* ``site`` — who reaches it (active administrators of a municipality) and its titles;
* ``base`` — the permission model (the role decides, the municipality bounds, 404 for
  another municipality's objects) and ``scoping`` — which rows each model may show;
* ``organisation``, ``network``, ``reports`` — configuration and user management;
* ``citizens`` — a read-only, audit-logged list of the municipality's citizens with masked CPR;
* ``audit`` — the access log, read-only;
* ``apitokens`` — API tokens for system integrations: create (the secret shown once), revoke.

Case records (exemption decisions, progression assessments, courses) are not in the admin:
they are legal records with their own pages, rules and audit trail.
"""

from smaajob.web.admin import apitokens, audit, citizens, network, offers, organisation, reports, site

__all__ = ["apitokens", "audit", "citizens", "network", "offers", "organisation", "reports", "site"]
