# SPDX-License-Identifier: MPL-2.0
"""Creates the provider's users and client applications (run once per provider start).

python -m tests.oidc_provider.setup_data   (reads OIDC_TEST_CLAIMS and OIDC_TEST_CLIENTS)
"""

import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider.settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

setup = json.loads(Path(os.environ["OIDC_TEST_CLAIMS"]).read_text())
for username, user in setup["users"].items():
    User.objects.create_user(username=username, password=user["password"])
for client in json.loads(Path(os.environ["OIDC_TEST_CLIENTS"]).read_text()):
    Application.objects.create(
        name=client["client_id"],
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(client["redirect_uris"]),
        post_logout_redirect_uris=" ".join(client["post_logout_redirect_uris"]),
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
