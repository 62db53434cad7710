# SPDX-License-Identifier: MPL-2.0
"""The demo municipality's organisation: Odense (461), projects VTA and STV, demo log-ins."""

from __future__ import annotations

from smaajob.demo.geography import MUNICIPALITY_CODE, MUNICIPALITY_NAME
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Project, Role, TargetGroup, Team, User
from smaajob.organisation.services import create_municipality, create_project, create_user

# Passes the configured validators (≥ 10 characters, not common, not like the usernames).
DEMO_PASSWORD = "smaajob-demo"
# Demo log-ins are recognised by this e-mail domain (.invalid is reserved, RFC 2606), so a
# reset can remove them without a flag on the user model.
DEMO_EMAIL_DOMAIN = "demo-kommune.invalid"

PROJECTS = {
    # 003 §2.1: VTA's four target groups; weekly follow-up (003 §2.3).
    "VTA": (7, "Varig Tilknytning til Arbejdsmarkedet (klyngenetværk, buddies, ugentlig opfølgning)",
            [("KVB", "Kvinder med ikke-vestlig baggrund"),
             ("AKT", "Aktivitetsparate kontanthjælpsmodtagere og borgere i ressourceforløb"),
             ("SFK", "Borgere med socialt frikort"), ("UKR", "Ukrainske flygtninge")]),
    # 004 §1: STV's two target groups; follow-up every 3–4 weeks.
    "STV": (21, "Særligt Tilrettelagt Virksomhedsforløb",
            [("AK", "Aktivitetsparate kontanthjælpsmodtagere"), ("RF", "Borgere i ressourceforløb")]),
}
FOLLOW_UP_DAYS = {"VTA": (7, 7), "STV": (21, 28)}

ROLE_USERS = (
    ("raadgiver", Role.CASEWORKER, "Rikke", "Rådgiver"),
    ("konsulent", Role.CONSULTANT, "Viggo", "Konsulent"),
    ("koordinator", Role.COORDINATOR, "Karen", "Koordinator"),
    ("ydelse", Role.BENEFIT_OFFICE, "Yrsa", "Ydelseskontor"),
    ("analytiker", Role.ANALYST, "Anders", "Analytiker"),
    ("admin", Role.ADMINISTRATOR, "Ada", "Administrator"),
    ("dpo", Role.DPO, "Dorte", "Databeskyttelse"),
)


def ensure_organisation() -> tuple[Municipality, dict[str, Project], dict[tuple[str, str], TargetGroup]]:
    """The municipality, projects and target groups — reused if they exist (a reset keeps them)."""
    municipality = Municipality.objects.filter(code=MUNICIPALITY_CODE).first() or create_municipality(
        code=MUNICIPALITY_CODE, name=MUNICIPALITY_NAME)
    projects: dict[str, Project] = {}
    groups: dict[tuple[str, str], TargetGroup] = {}
    for name, (interval, description, target_groups) in PROJECTS.items():
        project = Project.objects.filter(municipality=municipality, name=name).first() or create_project(
            municipality=municipality, name=name, follow_up_interval_days=interval, description=description)
        projects[name] = project
        for code, label in target_groups:
            # No service writes target groups yet; they are reference data set up here.
            groups[(name, code)], _ = TargetGroup.objects.get_or_create(
                project=project, code=code, defaults={"name": label})
    return municipality, projects, groups


def make_user(username: str, role: str, first: str, last: str, municipality: Municipality,
              team: Team | None = None, company: Company | None = None, provider: object | None = None) -> User:
    return create_user(
        username=username, password=DEMO_PASSWORD, role=role, first_name=first, last_name=last,
        email=f"{username}@{DEMO_EMAIL_DOMAIN}", municipality=municipality, team=team, company=company,
        provider=provider,
    )
