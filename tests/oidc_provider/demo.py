# SPDX-License-Identifier: MPL-2.0
"""The demo with log-in through a local OpenID Connect provider (``scripts/demo-oidc``).

Starts the test provider on a loopback port with a provider user for every demo log-in (same
names, password ``smaajob-demo``), plus ``uden-rolle`` (no Småjob group: refused) and
``manipuleret`` (a tampered ID token: refused), then serves Småjob with the three providers
configured. The demo data is synthetic; the citizen's CPR number is read from it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import django

PASSWORD = "smaajob-demo"
SECRET = "demo-hemmelighed-kun-til-demo"
GROUPS = {
    "caseworker": "smaajob-raadgiver",
    "consultant": "smaajob-konsulent",
    "coordinator": "smaajob-koordinator",
    "benefit_office": "smaajob-ydelse",
    "analyst": "smaajob-analytiker",
    "administrator": "smaajob-admin",
}


def demo_users() -> dict[str, Any]:
    from smaajob.citizens.models import Citizen
    from smaajob.demo.geography import MUNICIPALITY_CODE
    from smaajob.demo.organisation import ROLE_USERS
    from smaajob.organisation.models import User

    users: dict[str, dict[str, Any]] = {
        username: {
            "password": PASSWORD,
            "claims": {
                "roles": ["alle-ansatte", GROUPS[str(role)]],
                "municipality_code": MUNICIPALITY_CODE,
                "preferred_username": username,
                "given_name": first,
                "family_name": last,
            },
        }
        for username, role, first, last in ROLE_USERS
    }
    users["uden-rolle"] = {"password": PASSWORD, "claims": {"roles": ["alle-ansatte"], "municipality_code": "461"}}
    users["manipuleret"] = {**users["raadgiver"], "claims": {**users["raadgiver"]["claims"], "preferred_username": "x"}}
    citizen = Citizen.objects.filter(user__username="borger").first()
    if citizen is not None:
        users["borger"] = {
            "password": PASSWORD,
            "claims": {"https://data.gov.dk/model/core/eid/cprNumber": citizen.cpr},
        }
    employer = User.objects.filter(username="virksomhed").select_related("company").first()
    if employer is not None and employer.company is not None:
        users["virksomhed"] = {
            "password": PASSWORD,
            "claims": {
                "https://data.gov.dk/model/core/eid/professional/cvr": employer.company.cvr,
                "email": employer.email,
            },
        }
    return users


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    port = parser.parse_args().port
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    django.setup()
    from tests.oidc_provider.server import running_provider

    site = f"http://127.0.0.1:{port}"
    names = {"medarbejder": "staff", "nemlog-in": "citizen", "mitid-erhverv": "employer"}
    clients = [
        {
            "client_id": f"smaajob-{name}",
            "client_secret": SECRET,
            "redirect_uris": [f"{site}/log-ind/oidc/{name}/retur/"],
            "post_logout_redirect_uris": [f"{site}/log-ind/"],
        }
        for name in names
    ]
    labels = {
        "medarbejder": "Log ind som medarbejder",
        "nemlog-in": "Log ind med MitID",
        "mitid-erhverv": "Log ind med MitID Erhverv",
    }
    with (
        tempfile.TemporaryDirectory() as workdir,
        running_provider(Path(workdir), users=demo_users(), tampered=["manipuleret"], clients=clients) as provider,
    ):
        providers = [
            {
                "name": name,
                "label": labels[name],
                "kind": kind,
                "issuer": provider.issuer,
                "client_id": f"smaajob-{name}",
                "client_secret": SECRET,
                **({"roles": {group: role for role, group in GROUPS.items()}} if kind == "staff" else {}),
            }
            for name, kind in names.items()
        ]
        print(f"Testudbyder (OpenID Connect) kører på {provider.issuer}")
        print(f"Åbn {site}/log-ind/ — brugere hos udbyderen: raadgiver, konsulent, …, borger, virksomhed,")
        print(f"uden-rolle (afvises), manipuleret (afvises); adgangskode {PASSWORD}")
        env = {**os.environ, "SMAAJOB_OIDC_PROVIDERS": json.dumps(providers)}
        smaajob = str(Path(sys.executable).with_name("smaajob"))
        subprocess.run([smaajob, "serve", "--port", str(port)], env=env, check=False)


if __name__ == "__main__":
    main()
