# SPDX-License-Identifier: MPL-2.0
"""Claims per user from OIDC_TEST_CLAIMS, and a tampered ID token for the users listed there
under ``"tampered"`` (a claim changed after signing, as an attacker in the middle would)."""

import base64
import json
import os
from pathlib import Path
from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator


def _setup() -> dict[str, Any]:
    path = os.environ.get("OIDC_TEST_CLAIMS")
    return json.loads(Path(path).read_text()) if path else {"users": {}, "tampered": []}


# django-oauth-toolkit ships no type information (no py.typed), so its validator is Any to mypy.
class ClaimsValidator(OAuth2Validator):  # type: ignore[misc]
    oidc_claim_scope = None  # every claim of the user, whatever the scope

    def get_additional_claims(self, request):
        return dict(_setup()["users"].get(request.user.username, {}).get("claims", {}))

    def finalize_id_token(self, id_token, token, token_handler, request):
        serialized = super().finalize_id_token(id_token, token, token_handler, request)
        if request.user.username not in _setup()["tampered"]:
            return serialized
        header, payload, signature = serialized.split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["roles"] = ["administrator"]
        forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        return f"{header}.{forged}.{signature}"
