# SPDX-License-Identifier: MPL-2.0
"""Who is logged in and for how long: OpenID Connect log-in, sessions and re-authentication.

* ``providers`` — the configured identity providers (staff IdP, NemLog-in, MitID Erhverv);
* ``claims`` — the documented rule from a provider's claims to a role, municipality, citizen
  or company;
* ``services`` — finding, linking or creating the user on log-in (``ExternalIdentity``);
* ``oidc`` — the protocol itself (Authlib: discovery, state, nonce, PKCE, ID token checks);
* ``sessions`` — idle timeout, absolute lifetime and ``require_recent_login``.

The pages are thin views in ``smaajob.web.views.identity``. docs/security.md explains it all.
"""
