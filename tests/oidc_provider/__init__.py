# SPDX-License-Identifier: MPL-2.0
"""A real OpenID Connect provider for the log-in tests: a small Django project with
django-oauth-toolkit's OIDC, run as its own process on a free loopback port
(``tests.oidc_provider.server``). Its users and their claims come from a JSON file the test
writes; one user's ID token is tampered with on its way out.
"""
