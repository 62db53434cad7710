# SPDX-License-Identifier: MPL-2.0
"""API tokens for system integrations (issue 14, item 6).

An administrator creates a token for a named system (an ESDH system, a payroll system, the
municipality's data warehouse) with a role, a municipality, read/write scopes per API area and
an expiry. Only the SHA-256 hash of the secret is stored; the secret is shown once. Each token
acts through its own log-in-less account (``ApiToken.account``), so the role gate and the
object-level access predicates apply to it exactly as to a person with that role.

* ``models`` — the token;
* ``scopes`` — what a scope is and which a request needs;
* ``services`` — create, revoke, and authenticate a secret (writes ``last_used_at``);
* ``selectors`` — the token list for the admin and the CLI.

The HTTP side (bearer authentication, the scope check, the audit entry of every call) lives
with the API in ``smaajob.api.bearer``.
"""
