# SPDX-License-Identifier: MPL-2.0
"""The role gate: for every page and every API operation, the roles that may use it.

This table is the one place that says which *role* may open a page or call an API route;
anything it does not name is refused (deny by default). ``smaajob.web.page_gate`` enforces it
for every request, before the view runs, and answers a refusal exactly as a missing record is
answered (HTTP 404, the same message), so a probe cannot tell "not for you" from "not there".
The main menu (``smaajob.web.navigation``) and the links and buttons on the pages
(``{% if_may "url-name" %}``, ``may_follow``) ask the same table, so nobody is shown a link
they cannot follow. ``docs/roles.md`` is printed from it (``smaajob docs roles``).

The table is the role gate only. *Which* citizen, company or payslip a user may reach stays with
the object-level predicates of this package (``citizens_for``, ``get_placement``, …), which
the views still call.

Adding a page or an API operation: add one line to ``PAGES`` (by URL name, ``app:name``) or
``API_OPERATIONS`` (``"METHOD /api/v1/path/{param}"``), then run
``smaajob docs roles > docs/roles.md``. A test fails for any URL name or API operation that is
served but not declared, and for a declared one that no longer exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import Resolver404, get_script_prefix, resolve

from smaajob.access.cases import CASE_READERS, WORKLIST_ROLES
from smaajob.access.courses import AUTHORITY, CASE_WRITERS
from smaajob.access.imports import IMPORTERS
from smaajob.access.openings import NETWORK_EDITORS
from smaajob.organisation.models import Role

# A visitor who is not logged in.
ANONYMOUS = "anonymous"
API_PREFIX = "api/v1/"

SIGNED_IN = frozenset(Role.values)
EVERYONE = SIGNED_IN | {ANONYMOUS}
NOBODY: frozenset[str] = frozenset()

CASEWORKER = frozenset({Role.CASEWORKER})
EMPLOYER = frozenset({Role.EMPLOYER})
CITIZEN = frozenset({Role.CITIZEN})
PROVIDER = frozenset({Role.PROVIDER})
# The municipality's shared company network and its openings (no personal data); an employer
# contact reaches its own company through the API only.
NETWORK_STAFF = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.ADMINISTRATOR})
# The operational dashboard and the citizen's progression report: the case workers' figures.
CASE_STAFF = NETWORK_STAFF
# Payslips: the benefit office handles them; staff who may open the citizen, the employer of the
# placement and the citizen submit and read them. Analysts see aggregates only; the DPO the log.
PAYSLIP_HANDLERS = frozenset({Role.BENEFIT_OFFICE, Role.ADMINISTRATOR})
# The intermediary's payslips enter through its monthly run, not these pages.
PAYSLIP_USERS = SIGNED_IN - {Role.ANALYST, Role.PROVIDER, Role.DPO, Role.INTERMEDIARY}
# A difference between a payslip and the weeks: the benefit office or the consultant resolves it.
PAYSLIP_ACTORS = PAYSLIP_HANDLERS | {Role.CONSULTANT}
# The supplementary benefit of one citizen: staff with the citizen, the benefit office, the citizen.
CALCULATOR_USERS = frozenset(
    {Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.BENEFIT_OFFICE, Role.ADMINISTRATOR, Role.CITIZEN}
)
# The intermediary employer (issue 13): its own month runs; staff of the municipality read them.
INTERMEDIARY = frozenset({Role.INTERMEDIARY})
INTERMEDIARY_READERS = INTERMEDIARY | NETWORK_STAFF
# Key figures and evaluation: coordinators, analysts (small cells withheld) and administrators.
REPORT_READERS = frozenset({Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR})
# A transfer request is answered by the citizen's caseworker or the coordinator of that team.
TRANSFER_ANSWERERS = frozenset({Role.CASEWORKER, Role.COORDINATOR})
ADMINISTRATOR = frozenset({Role.ADMINISTRATOR})
# Orders to providers: staff who may open the citizen, and the provider the order was sent to.
ORDER_STAFF = CASE_WRITERS | ADMINISTRATOR
# Data protection (issue 14): the DPO reads the audit trail; insight (art. 15) also the caseworker.
DPO = frozenset({Role.DPO})
INSIGHT_USERS = frozenset({Role.DPO, Role.CASEWORKER})
# Correcting or annulling an entered record: whoever may write that kind of record (the record
# kind's own predicate in ``smaajob.corrections.kinds`` decides which record).
CORRECTORS = CASE_WRITERS | NETWORK_EDITORS | PAYSLIP_HANDLERS


@dataclass(frozen=True)
class Entry:
    roles: frozenset[str]
    purpose: str  # one line, Danish, as docs/roles.md shows it


def _entry(roles: frozenset[str], purpose: str) -> Entry:
    return Entry(frozenset(str(r) for r in roles), purpose)


# Pages, by URL name. The order is the order docs/roles.md lists them in.
PAGES: dict[str, Entry] = {
    # Everyone
    "web:home": _entry(SIGNED_IN, "Forsiden, formet efter rollen"),
    "web:login": _entry(EVERYONE, "Log ind"),
    "web:logout": _entry(EVERYONE, "Log ud"),
    "web:oidc_start": _entry(EVERYONE, "Log ind hos en log-in-udbyder (medarbejder, NemLog-in, MitID Erhverv)"),
    "web:oidc_callback": _entry(EVERYONE, "Tilbage fra log-in-udbyderen"),
    "web:reauthenticate": _entry(SIGNED_IN, "Bekræft, at det er dig, før en følsom handling"),
    "web:session_status": _entry(EVERYONE, "Hvor længe sessionen varer endnu (til advarslen)"),
    "web:session_keepalive": _entry(EVERYONE, "Forbliv logget ind"),
    "ops:health": _entry(EVERYONE, "Driftstjek: processen svarer (svarer ok)"),
    "ops:ready": _entry(EVERYONE, "Klar til trafik: database og fillager svarer (503, hvis ikke)"),
    "ops:metrics": _entry(EVERYONE, "Målinger til Prometheus (kun med driftens token)"),
    "money:calculator": _entry(EVERYONE, "Den offentlige beregner: hvad får man ud af at arbejde?"),
    "web:search": _entry(NETWORK_STAFF, "Søg efter borger (navn eller CPR), virksomhed eller jobåbning"),
    # Journey 1: the caseworker's case
    "web:visitation": _entry(CASEWORKER, "Visitér en borger"),
    "web:citizen": _entry(CASE_READERS, "Borgerens side (virksomhed og borger sendes til egen forside)"),
    "web:resources": _entry(CASE_WRITERS, "Ressourceafdækning, samtykke og delmål"),
    "web:citizen_address": _entry(CASE_WRITERS, "Borgerens adresse og placering (til matchning)"),
    "web:record_history": _entry(CORRECTORS, "En registrerings historik: rettelser og annullering"),
    "web:correct": _entry(CORRECTORS, "Ret en registrering (med begrundelse)"),
    "web:annul": _entry(CORRECTORS, "Annullér en registrering (med begrundelse)"),
    "web:referral": _entry(CASE_WRITERS, "Henvis borgeren til en virksomhedskonsulent"),
    "web:exemption": _entry(AUTHORITY, "Fritagelse fra 225-timersreglen (rådgiverens afgørelse)"),
    "web:rate_facts": _entry(AUTHORITY, "Oplysninger til satsen (rådgiverens afgørelse)"),
    "web:coverage_facts": _entry(AUTHORITY, "Oplysninger om, hvem der er omfattet af 225-timersreglen"),
    "web:sick_leave": _entry(CASE_WRITERS, "Registrér en sygeperiode"),
    "web:commitment": _entry(CASE_WRITERS, "Registrér en aktivitet"),
    "web:work_duty": _entry(CASE_WRITERS, "Arbejdspligt: status og ugernes timer"),
    "web:end_course": _entry(CASE_WRITERS, "Afslut et forløb"),
    "web:transfer_accept": _entry(TRANSFER_ANSWERERS, "Acceptér en anmodning om at overtage borgeren"),
    "web:transfer_refuse": _entry(TRANSFER_ANSWERERS, "Afvis en anmodning om at overtage borgeren"),
    # Journey 2: the company network and the openings
    # The intermediary employer (issue 13): month runs, invoices, wage statements, report
    "web:intermediary": _entry(INTERMEDIARY_READERS, "Mellemled: kontrakter, medarbejdere og måneder"),
    "web:intermediary_month": _entry(
        INTERMEDIARY_READERS, "Mellemleddets måned: bekræftede timer, manglende uger (mellemled: kør måneden)"
    ),
    "web:intermediary_invoice_pdf": _entry(INTERMEDIARY_READERS, "Faktura fra mellemleddet (PDF)"),
    "web:intermediary_invoice_csv": _entry(INTERMEDIARY_READERS, "Faktura fra mellemleddet (CSV til økonomisystemet)"),
    "web:intermediary_statement_pdf": _entry(INTERMEDIARY_READERS, "Lønopgørelse fra mellemleddet (PDF)"),
    "web:intermediary_report": _entry(INTERMEDIARY_READERS, "Rapport: fakturerede timer og beløb pr. måned"),
    "web:intermediary_contract_new": _entry(NETWORK_EDITORS, "Opret en kontrakt mellem mellemled og virksomhed"),
    "web:intermediary_employment_new": _entry(NETWORK_EDITORS, "Ansæt en placering gennem et mellemled"),
    "web:companies": _entry(NETWORK_STAFF, "Virksomhedsnetværket: søg og filtrér"),
    "web:company_new": _entry(CASE_WRITERS, "Tilføj en virksomhed"),
    "web:company": _entry(NETWORK_STAFF, "Virksomhedens side"),
    "web:company_address": _entry(CASE_WRITERS, "Virksomhedens adresse og placering (til matchning)"),
    "web:company_add": _entry(CASE_WRITERS, "Tilføj kontakt, buddy eller opsøgning hos en virksomhed"),
    "web:opening_new": _entry(CASE_WRITERS, "Opret en jobåbning"),
    "web:openings": _entry(NETWORK_STAFF, "Åbne jobåbninger"),
    # Background exports (issue 16): whoever may take the list away; each sees only their own.
    "web:exports": _entry(NETWORK_STAFF, "Mine eksporter (lavet i baggrunden)"),
    "web:export_start": _entry(NETWORK_STAFF, "Bestil en eksport af en stor liste"),
    "web:export": _entry(NETWORK_STAFF, "En eksport og dens fremdrift"),
    "web:export_file": _entry(NETWORK_STAFF, "Hent en færdig eksport (kun den, der bestilte den)"),
    "web:jobs_admin": _entry(ADMINISTRATOR, "Baggrundsjob: kommunens eksporter og de natlige job, med fejl"),
    "web:opening_edit": _entry(CASE_WRITERS, "Ret en jobåbning"),
    # Network events (issue 13): the calendar, an event, its registrations and attendance
    "web:events": _entry(NETWORK_STAFF | EMPLOYER, "Netværksarrangementer (virksomhed: dem den er inviteret til)"),
    "web:event_new": _entry(NETWORK_EDITORS, "Opret et netværksarrangement"),
    "web:event": _entry(NETWORK_STAFF | EMPLOYER, "Et arrangement (virksomhed: kun hvis inviteret)"),
    "web:event_action": _entry(NETWORK_EDITORS, "Invitér, tilmeld, registrér fremmøde eller log opkald"),
    "web:event_report": _entry(NETWORK_STAFF, "Rapport: arrangementer, fremmøde, buddies og løntimer"),
    # Offers and providers (issue 12): the catalogue, orders, progress reports
    "web:offers": _entry(NETWORK_STAFF | PROVIDER, "Tilbudskatalog (leverandør: sine egne tilbud)"),
    "web:offer_new": _entry(NETWORK_EDITORS, "Opret et tilbud i kataloget"),
    "web:offers_xlsx": _entry(NETWORK_STAFF | PROVIDER, "Tilbudskataloget som Excel"),
    "web:offers_report": _entry(REPORT_READERS | CASE_WRITERS, "Rapport: tilbud og personer, gennemførte, pris"),
    "web:offer": _entry(NETWORK_STAFF | PROVIDER, "Et tilbud i kataloget"),
    "web:order_new": _entry(CASE_WRITERS, "Bestil et tilbud til en borger"),
    "web:orders": _entry(ORDER_STAFF | PROVIDER, "Bestillinger (leverandør: dem sendt til den)"),
    "web:orders_xlsx": _entry(ORDER_STAFF | PROVIDER, "Bestillingerne som Excel"),
    "web:order": _entry(ORDER_STAFF | PROVIDER, "En bestilling med status og statusrapporter"),
    "web:order_report": _entry(CASE_WRITERS | PROVIDER, "Giv en statusrapport på en bestilling"),
    "web:order_action": _entry(CASE_WRITERS | PROVIDER, "Acceptér, start, gennemfør eller afbryd en bestilling"),
    # Journey 3: matching
    "web:match_citizen": _entry(CASE_WRITERS, "Find jobåbninger til en borger"),
    "web:match_opening": _entry(CASE_WRITERS, "Find borgere til en jobåbning"),
    "web:propose": _entry(CASE_WRITERS, "Foreslå et match"),
    "web:proposal": _entry(CASE_WRITERS, "Et matchforslag"),
    # Journey 4: placements and the weekly hours
    "web:placement_new": _entry(CASE_WRITERS, "Registrér en placering"),
    "web:placement": _entry(CASE_READERS, "Placeringen (virksomhed og borger sendes til egen forside)"),
    "web:placement_action": _entry(CASE_WRITERS, "Start, optrap eller afslut en placering"),
    "web:weekly_hours": _entry(CASE_WRITERS, "Ugens timer for alle placeringer"),
    # Journey 5: follow-up
    "web:follow_up_new": _entry(CASE_WRITERS, "Registrér en opfølgning"),
    # Journeys 6 and 7: the worklist and the dashboard
    "web:worklist": _entry(WORKLIST_ROLES, "Arbejdslisten"),
    "web:worklist_mark_handled": _entry(WORKLIST_ROLES, "Markér flere advarsler som håndteret (én begrundelse)"),
    # Issue 12 item 5: rettidighed (deadlines for conversations and offers, and the refund)
    "web:deadlines": _entry(WORKLIST_ROLES, "Rettidighed: teamets frister og refusionen, der står på spil"),
    "web:citizen_deadlines": _entry(WORKLIST_ROLES, "Rettidighed: én borgers frister, hjemmel og refusion"),
    "web:dashboard": _entry(CASE_STAFF, "Overblik: borgere i virksomhedsrettet aktivitet"),
    # Journey 8: the employer
    "web:employer_task": _entry(EMPLOYER, "Slå en lille opgave op"),
    "web:employer_confirm_week": _entry(EMPLOYER, "Bekræft ugens timer"),
    "web:employer_confirm_month": _entry(EMPLOYER, "Bekræft en måneds uger for alle borgere på én gang"),
    "web:employer_confirm_month_citizen": _entry(EMPLOYER, "Bekræft en måneds uger for én borger på én gang"),
    "web:employer_follow_up": _entry(EMPLOYER, "Svar på opfølgning for en placering"),
    "web:employer_proposal": _entry(EMPLOYER, "Svar på et matchforslag"),
    # Data protection (issue 14)
    "web:audit_trail": _entry(DPO, "Tilsyn: søg i adgangsloggen (borger, bruger, periode, handling)"),
    "web:audit_trail_csv": _entry(DPO, "Tilsyn: adgangsloggen som CSV"),
    "web:audit_trail_xlsx": _entry(DPO, "Tilsyn: adgangsloggen som Excel"),
    "web:citizen_insight": _entry(INSIGHT_USERS, "Indsigt (art. 15): alt om én borger som JSON"),
    "web:citizen_insight_pdf": _entry(INSIGHT_USERS, "Indsigt (art. 15): alt om én borger som PDF"),
    "web:my_lookups": _entry(CITIZEN, "Hvem har set mine oplysninger (borgerens egen log)"),
    # Money: the citizen's calculator and the payslips
    "money:my_calculator": _entry(CITIZEN, "Hvad får jeg ud af det? (borgerens egen beregner)"),
    "money:citizen_calculator": _entry(CALCULATOR_USERS, "Beregneren for én borger, med scenarier"),
    "money:worklist": _entry(PAYSLIP_HANDLERS, "Lønsedler til behandling"),
    "money:my_payslips": _entry(CITIZEN, "Mine lønsedler"),
    "money:employer_payslips": _entry(EMPLOYER, "Indsend en lønseddel (virksomhed)"),
    "money:submit_for": _entry(PAYSLIP_USERS, "Indsend en lønseddel for en borger (borgeren sendes til sin egen)"),
    "money:payslip": _entry(PAYSLIP_USERS, "Én lønseddel"),
    "money:payslip_file": _entry(PAYSLIP_USERS, "Lønseddelens fil"),
    "money:payslip_action": _entry(PAYSLIP_ACTORS, "Beregn, godkend, afvis, udbetal eller afstem en lønseddel"),
    # Reports
    "reports:dashboard": _entry(REPORT_READERS, "Nøgletal og evaluering"),
    "reports:drilldown": _entry(REPORT_READERS, "Personerne bag et tal"),
    "reports:export_csv": _entry(REPORT_READERS, "Nøgletal som CSV"),
    "reports:export_xlsx": _entry(REPORT_READERS, "Nøgletal som Excel"),
    "reports:evaluation_pdf": _entry(REPORT_READERS, "Evalueringsrapport (PDF)"),
    "reports:costs": _entry(REPORT_READERS, "Pris på indsatsen"),
    "reports:progression": _entry(CASE_STAFF, "Borgerens progression"),
    "reports:progression_pdf": _entry(CASE_STAFF, "Borgerens progression (PDF)"),
    # Moving in: importing and exporting the municipality's data (issue 17)
    "web:imports": _entry(IMPORTERS, "Importér data: upload, skabeloner, eksport og tidligere kørsler"),
    "web:import_run": _entry(IMPORTERS, "En importkørsel: forhåndsvisning, fremdrift og rapport"),
    "web:import_confirm": _entry(IMPORTERS, "Gem en kontrolleret import"),
    "web:import_template": _entry(IMPORTERS, "Hent en importskabelon (CSV eller Excel)"),
    "web:import_export": _entry(IMPORTERS, "Eksportér data i importskabelonens kolonner"),
    # The API's own pages (no data)
    "api:openapi-json": _entry(EVERYONE, "API'ets skema (OpenAPI)"),
    "api:openapi-view": _entry(EVERYONE, "API'ets dokumentation"),
    "api:api-root": _entry(NOBODY, "API'ets rod (ingen side)"),
}

# Whole URL namespaces whose pages share one rule; the namespace's own checks narrow further.
NAMESPACES: dict[str, Entry] = {
    "admin": _entry(ADMINISTRATOR, "Administrationen (/admin/), afgrænset til administratorens kommune"),
}

# API operations, as "METHOD /path" with ninja's {parameter} names.
API_OPERATIONS: dict[str, Entry] = {
    "GET /api/v1/sundhed": _entry(EVERYONE, "Driftstjek"),
    "POST /api/v1/beregner/": _entry(EVERYONE, "Den offentlige beregner"),
    "GET /api/v1/borgere/": _entry(CASE_READERS, "Borgere, du har adgang til"),
    "GET /api/v1/borgere/{citizen_id}": _entry(CASE_READERS, "Én borger"),
    "POST /api/v1/borgere/visitation": _entry(AUTHORITY, "Visitér en borger"),
    "GET /api/v1/borgere/{citizen_id}/tidslinje": _entry(CASE_WRITERS, "Forløbet på én tidslinje"),
    "GET /api/v1/borgere/{citizen_id}/225-timer": _entry(CASE_WRITERS, "225-timersreglen: status"),
    "PUT /api/v1/borgere/{citizen_id}/ressourcer": _entry(CASE_WRITERS, "Ressourceafdækning, samtykke og delmål"),
    "PUT /api/v1/borgere/{citizen_id}/adresse": _entry(CASE_WRITERS, "Borgerens adresse og placering (til matchning)"),
    "GET /api/v1/rettelser/{kind}/{record_id}": _entry(
        CORRECTORS, "En registrerings historik: rettelser og annullering"
    ),
    "PATCH /api/v1/rettelser/{kind}/{record_id}": _entry(CORRECTORS, "Ret en registrering (med begrundelse)"),
    "POST /api/v1/rettelser/{kind}/{record_id}/annuller": _entry(
        CORRECTORS, "Annullér en registrering (med begrundelse)"
    ),
    "POST /api/v1/borgere/{citizen_id}/fritagelser": _entry(AUTHORITY, "Fritagelse fra 225-timersreglen"),
    "GET /api/v1/borgere/{citizen_id}/oplysninger": _entry(CASE_WRITERS, "Oplysninger til satsen"),
    "POST /api/v1/borgere/{citizen_id}/oplysninger": _entry(AUTHORITY, "Registrér oplysninger til satsen"),
    "GET /api/v1/borgere/{citizen_id}/omfattet": _entry(CASE_WRITERS, "Hvem der er omfattet af 225-timersreglen"),
    "POST /api/v1/borgere/{citizen_id}/omfattet": _entry(AUTHORITY, "Registrér, hvem der er omfattet (225 timer)"),
    "GET /api/v1/borgere/{citizen_id}/sygeperioder": _entry(CASE_WRITERS, "Sygeperioder"),
    "POST /api/v1/borgere/{citizen_id}/sygeperioder": _entry(CASE_WRITERS, "Registrér en sygeperiode"),
    "GET /api/v1/borgere/{citizen_id}/aktiviteter": _entry(CASE_WRITERS, "Aktiviteter"),
    "POST /api/v1/borgere/{citizen_id}/aktiviteter": _entry(CASE_WRITERS, "Registrér en aktivitet"),
    "GET /api/v1/borgere/{citizen_id}/arbejdspligt": _entry(CASE_WRITERS, "Arbejdspligt: status og uger"),
    "POST /api/v1/borgere/{citizen_id}/arbejdspligt": _entry(AUTHORITY, "Afgørelse om arbejdspligt"),
    "PUT /api/v1/borgere/{citizen_id}/arbejdspligt/uger": _entry(CASE_WRITERS, "Arbejdspligt: en uges timer"),
    "POST /api/v1/forloeb/{course_id}/placeringer": _entry(CASE_WRITERS, "Registrér en placering"),
    "GET /api/v1/forloeb/placeringer/{placement_id}": _entry(CASE_READERS, "Én placering"),
    "GET /api/v1/forloeb/placeringer/{placement_id}/uger": _entry(CASE_READERS, "Placeringens timeregnskab"),
    "PUT /api/v1/forloeb/placeringer/{placement_id}/uger": _entry(CASE_WRITERS, "Registrér en uges timer"),
    "POST /api/v1/forloeb/uger/{week_id}/bekraeft": _entry(EMPLOYER, "Virksomheden bekræfter ugens timer"),
    "POST /api/v1/forloeb/{course_id}/opfoelgninger": _entry(CASE_WRITERS, "Registrér en opfølgning"),
    "GET /api/v1/forloeb/{course_id}/opfoelgningsplan": _entry(
        CASE_READERS - EMPLOYER, "Næste opfølgninger (borgeren ser sin egen)"
    ),
    "GET /api/v1/match/borgere/{citizen_id}": _entry(CASE_WRITERS, "Forslag til jobåbninger for en borger"),
    "GET /api/v1/match/jobaabninger/{opening_id}": _entry(CASE_WRITERS, "Forslag til borgere for en jobåbning"),
    "POST /api/v1/match/forslag": _entry(CASE_WRITERS, "Foreslå et match"),
    "GET /api/v1/match/forslag": _entry(CASE_READERS, "Matchforslag, du har adgang til"),
    "GET /api/v1/netvaerk/arrangementer": _entry(
        NETWORK_STAFF | EMPLOYER, "Kommende arrangementer (virksomhed: inviteret til)"
    ),
    "POST /api/v1/netvaerk/arrangementer": _entry(NETWORK_EDITORS, "Opret et netværksarrangement"),
    "POST /api/v1/netvaerk/arrangementer/serier": _entry(NETWORK_EDITORS, "Opret en mødeserie (ERFA)"),
    "GET /api/v1/netvaerk/arrangementer/rapport": _entry(NETWORK_EDITORS, "Rapport over arrangementer og buddies"),
    "GET /api/v1/netvaerk/arrangementer/{event_id}": _entry(NETWORK_STAFF | EMPLOYER, "Et arrangement"),
    "GET /api/v1/netvaerk/arrangementer/{event_id}/tilmeldinger": _entry(
        NETWORK_STAFF | EMPLOYER, "Tilmeldte (virksomhed: sine egne)"
    ),
    "POST /api/v1/netvaerk/arrangementer/{event_id}/tilmeldinger": _entry(NETWORK_EDITORS, "Tilmeld en deltager"),
    "PUT /api/v1/netvaerk/arrangementer/{event_id}/fremmoede": _entry(NETWORK_EDITORS, "Registrér fremmøde"),
    "GET /api/v1/tilbud/katalog": _entry(NETWORK_STAFF | PROVIDER, "Tilbudskataloget (leverandør: sine egne)"),
    "POST /api/v1/tilbud/katalog": _entry(NETWORK_EDITORS, "Opret et tilbud i kataloget"),
    "GET /api/v1/tilbud/katalog/{offer_id}": _entry(NETWORK_STAFF | PROVIDER, "Et tilbud"),
    "GET /api/v1/tilbud/bestillinger": _entry(ORDER_STAFF | PROVIDER, "Bestillinger (leverandør: dem sendt til den)"),
    "POST /api/v1/tilbud/bestillinger": _entry(CASE_WRITERS, "Bestil et tilbud til en borger"),
    "GET /api/v1/tilbud/bestillinger/{order_id}": _entry(ORDER_STAFF | PROVIDER, "En bestilling"),
    "POST /api/v1/tilbud/bestillinger/{order_id}/status": _entry(
        CASE_WRITERS | PROVIDER, "Skift status på en bestilling (med begrundelse)"
    ),
    "POST /api/v1/tilbud/bestillinger/{order_id}/statusrapporter": _entry(
        CASE_WRITERS | PROVIDER, "Giv en statusrapport"
    ),
    "GET /api/v1/netvaerk/virksomheder": _entry(NETWORK_STAFF | EMPLOYER, "Netværket (virksomhed: sin egen)"),
    "GET /api/v1/netvaerk/virksomheder/{company_id}/forloeb": _entry(
        NETWORK_STAFF | EMPLOYER, "Virksomhedens placeringer og løntimer"
    ),
    "GET /api/v1/netvaerk/jobaabninger": _entry(NETWORK_STAFF | EMPLOYER, "Åbne jobåbninger (virksomhed: sine egne)"),
    "POST /api/v1/netvaerk/virksomheder/{company_id}/jobaabninger": _entry(
        NETWORK_EDITORS | EMPLOYER, "Opret en jobåbning"
    ),
    "PATCH /api/v1/netvaerk/jobaabninger/{opening_id}": _entry(CASE_WRITERS, "Ret en jobåbning"),
    "POST /api/v1/netvaerk/opgaver": _entry(EMPLOYER, "Virksomheden slår en lille opgave op"),
    "GET /api/v1/loensedler/": _entry(PAYSLIP_USERS, "Åbne lønsedler"),
    "POST /api/v1/loensedler/": _entry(PAYSLIP_USERS, "Indsend en lønseddel"),
    "GET /api/v1/loensedler/{payslip_id}": _entry(PAYSLIP_USERS, "Én lønseddel"),
    "POST /api/v1/loensedler/{payslip_id}/beregn": _entry(PAYSLIP_HANDLERS, "Beregn den supplerende hjælp"),
    "POST /api/v1/loensedler/{payslip_id}/godkend": _entry(PAYSLIP_HANDLERS, "Godkend en lønseddel"),
    "POST /api/v1/loensedler/{payslip_id}/udbetalt": _entry(PAYSLIP_HANDLERS, "Marker som udbetalt"),
    "POST /api/v1/loensedler/{payslip_id}/afvis": _entry(PAYSLIP_HANDLERS, "Afvis en lønseddel"),
    "GET /api/v1/mellemled/kontrakter": _entry(INTERMEDIARY_READERS, "Mellemleddets kontrakter med virksomheder"),
    "POST /api/v1/mellemled/kontrakter": _entry(NETWORK_EDITORS, "Opret en kontrakt mellem mellemled og virksomhed"),
    "POST /api/v1/mellemled/ansaettelser": _entry(NETWORK_EDITORS, "Ansæt en placering gennem et mellemled"),
    "GET /api/v1/mellemled/koersler": _entry(INTERMEDIARY_READERS, "Mellemleddets månedskørsler"),
    "POST /api/v1/mellemled/koersler": _entry(INTERMEDIARY, "Kør en måned: fakturaer, lønopgørelser, lønsedler"),
    "GET /api/v1/mellemled/koersler/{run_id}": _entry(INTERMEDIARY_READERS, "En månedskørsel med fakturaer"),
    "GET /api/v1/mellemled/fakturaer/{invoice_id}": _entry(INTERMEDIARY_READERS, "En faktura med linjer"),
    "GET /api/v1/mellemled/loenopgoerelser/{statement_id}": _entry(INTERMEDIARY_READERS, "En lønopgørelse"),
    "GET /api/v1/mellemled/rapport": _entry(INTERMEDIARY_READERS, "Fakturerede timer og beløb pr. måned"),
    "GET /api/v1/rapporter/noegletal": _entry(REPORT_READERS, "Nøgletal for en periode"),
    "GET /api/v1/arbejdsliste/": _entry(WORKLIST_ROLES, "Dine advarsler"),
    "GET /api/v1/rettidighed/": _entry(WORKLIST_ROLES, "Rettidighed: frister pr. borger, de mest presserende først"),
    "GET /api/v1/rettidighed/borgere/{citizen_id}": _entry(WORKLIST_ROLES, "Rettidighed: én borgers frister"),
    "POST /api/v1/import/{kind}": _entry(IMPORTERS, "Importér en fil (natlig synkronisering); prøv først med dry_run"),
    "GET /api/v1/import/{kind}/eksport": _entry(IMPORTERS, "Eksportér i importskabelonens kolonner"),
    "GET /api/v1/import/koersler": _entry(IMPORTERS, "Tidligere importkørsler"),
}

_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def role_of(user: Any) -> str:
    """The user's role for the table; ``ANONYMOUS`` for a visitor who is not logged in."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    return str(user.role)


def page_entry(url_name: str) -> Entry | None:
    """The declared entry of a URL name (``app:name``), or None if it is not declared."""
    entry = PAGES.get(url_name)
    if entry is None and ":" in url_name:
        entry = NAMESPACES.get(url_name.split(":", 1)[0])
    return entry


def operation_key(method: str, route: str) -> str:
    """``"GET /api/v1/borgere/{citizen_id}"`` for a Django route ``api/v1/borgere/<citizen_id>``."""
    method = "GET" if method.upper() == "HEAD" else method.upper()
    path = _CONVERTER.sub(r"{\1}", route.lstrip("/"))
    return f"{method} /{path}"


def is_api_operation(url_name: str, route: str) -> bool:
    """An API operation is any route under the API prefix that is not one of its own pages."""
    return route.lstrip("/").startswith(API_PREFIX) and url_name not in PAGES


def may_use(user: Any, url_name: str) -> bool:
    """May the user open the page ``url_name``? False for anything the table does not declare."""
    entry = page_entry(url_name)
    return entry is not None and role_of(user) in entry.roles


def may_call(user: Any, method: str, route: str) -> bool:
    """May the user call the API operation (``method`` on the Django ``route``)?"""
    entry = API_OPERATIONS.get(operation_key(method, route))
    return entry is not None and role_of(user) in entry.roles


def may_follow(user: Any, path: str) -> bool:
    """May the user follow a link to ``path`` (a site address, query string allowed)?"""
    path = path.split("?", 1)[0].split("#", 1)[0]
    prefix = get_script_prefix()
    if path.startswith(prefix):
        path = "/" + path[len(prefix) :]
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if is_api_operation(match.view_name, match.route):
        return may_call(user, "GET", match.route)
    return may_use(user, match.view_name)
