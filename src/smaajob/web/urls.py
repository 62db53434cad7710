# SPDX-License-Identifier: MPL-2.0
"""Web pages (Danish, server-rendered with HTMX). Citizens are addressed by internal id,
never by CPR number."""

from django.urls import path

import smaajob.ids  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits, else 404)
from smaajob.web.views import (
    citizen_facts,
    citizens,
    companies,
    corrections,
    dashboard,
    deadlines,
    employer,
    events,
    exports,
    followups,
    home,
    hours,
    identity,
    imports,
    intermediary,
    locations,
    matching,
    offers,
    openings,
    placements,
    privacy,
    search,
    worklist,
)

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("log-ind/", identity.LoginPage.as_view(), name="login"),
    path("log-ind/igen/", identity.reauthenticate, name="reauthenticate"),
    path("log-ind/oidc/<slug:provider_name>/", identity.oidc_start, name="oidc_start"),
    path("log-ind/oidc/<slug:provider_name>/retur/", identity.oidc_callback, name="oidc_callback"),
    path("log-ud/", identity.logout_view, name="logout"),
    path("session/", identity.session_status, name="session_status"),
    path("session/forlaeng/", identity.session_keepalive, name="session_keepalive"),
    # Moving in: importing and exporting the municipality's data (issue 17)
    path("import/", imports.import_page, name="imports"),
    path("import/koersler/<id:import_run_id>/", imports.import_run, name="import_run"),
    path("import/koersler/<id:import_run_id>/gem/", imports.import_confirm, name="import_confirm"),
    path("import/skabelon/<slug:kind>.<slug:fmt>", imports.import_template, name="import_template"),
    path("import/eksport/<slug:kind>.<slug:fmt>", imports.import_export, name="import_export"),
    # Journey 1: the caseworker's case
    # POST only carries a term (a CPR number must never be in a URL); GET is the empty page.
    path("soeg/", search.search, name="search"),
    path("borgere/ny/", citizens.visitation, name="visitation"),
    path("borgere/<id:citizen_id>/", citizens.citizen_detail, name="citizen"),
    path("borgere/<id:citizen_id>/ressourcer/", citizens.resources, name="resources"),
    path("borgere/<id:citizen_id>/adresse/", locations.citizen_address, name="citizen_address"),
    path("borgere/<id:citizen_id>/henvis/", citizens.referral, name="referral"),
    path("borgere/<id:citizen_id>/fritagelse/", citizens.exemption, name="exemption"),
    path("forloeb/<id:course_id>/afslut/", citizens.end_course, name="end_course"),
    path("borgere/<id:citizen_id>/oplysninger/", citizen_facts.rate_facts, name="rate_facts"),
    path("borgere/<id:citizen_id>/omfattet/", citizen_facts.coverage_facts, name="coverage_facts"),
    path("borgere/<id:citizen_id>/sygdom/", citizen_facts.sick_leave, name="sick_leave"),
    path("borgere/<id:citizen_id>/aktiviteter/", citizen_facts.commitment, name="commitment"),
    path("borgere/<id:citizen_id>/arbejdspligt/", citizen_facts.work_duty, name="work_duty"),
    # Issue 12 item 5: rettidighed (deadlines and refund)
    path("borgere/<id:citizen_id>/rettidighed/", deadlines.citizen_deadlines, name="citizen_deadlines"),
    path("rettidighed/", deadlines.team_overview, name="deadlines"),
    path(
        "overdragelser/<id:transfer_id>/accepter/",
        citizens.transfer_answer,
        {"answer": "accept"},
        name="transfer_accept",
    ),
    path(
        "overdragelser/<id:transfer_id>/afvis/", citizens.transfer_answer, {"answer": "refuse"}, name="transfer_refuse"
    ),
    # Journey 2: the network and the openings list
    # Offers and providers (issue 12)
    path("tilbud/", offers.offer_list, name="offers"),
    path("tilbud/nyt/", offers.offer_new, name="offer_new"),
    path("tilbud/katalog.xlsx", offers.offers_xlsx, name="offers_xlsx"),
    path("tilbud/rapport/", offers.offers_report, name="offers_report"),
    path("tilbud/<id:offer_id>/", offers.offer_detail, name="offer"),
    path("borgere/<id:citizen_id>/bestil-tilbud/", offers.order_new, name="order_new"),
    path("bestillinger/", offers.order_list, name="orders"),
    path("bestillinger/bestillinger.xlsx", offers.orders_xlsx, name="orders_xlsx"),
    path("bestillinger/<id:order_id>/", offers.order_detail, name="order"),
    path("bestillinger/<id:order_id>/statusrapport/", offers.order_report, name="order_report"),
    path("bestillinger/<id:order_id>/<str:action>/", offers.order_action, name="order_action"),
    path("arrangementer/", events.event_list, name="events"),
    path("arrangementer/nyt/", events.event_new, name="event_new"),
    path("arrangementer/rapport/", events.event_report, name="event_report"),
    path("arrangementer/<id:event_id>/", events.event_detail, name="event"),
    path("arrangementer/<id:event_id>/<str:action>/", events.event_action, name="event_action"),
    # The intermediary employer (issue 13): month runs, invoices, wage statements, report
    path("mellemled/", intermediary.overview, name="intermediary"),
    path("mellemled/rapport/", intermediary.report, name="intermediary_report"),
    path("mellemled/kontrakter/ny/", intermediary.contract_new, name="intermediary_contract_new"),
    path("mellemled/ansaettelser/ny/", intermediary.employment_new, name="intermediary_employment_new"),
    path("mellemled/maaned/<str:month>/", intermediary.month_page, name="intermediary_month"),
    path("mellemled/fakturaer/<id:invoice_id>/pdf/", intermediary.invoice_pdf, name="intermediary_invoice_pdf"),
    path("mellemled/fakturaer/<id:invoice_id>/csv/", intermediary.invoice_csv, name="intermediary_invoice_csv"),
    path(
        "mellemled/loenopgoerelser/<id:statement_id>/pdf/",
        intermediary.statement_pdf,
        name="intermediary_statement_pdf",
    ),
    path("virksomheder/", companies.company_list, name="companies"),
    path("virksomheder/ny/", companies.company_new, name="company_new"),
    path("virksomheder/<id:company_id>/", companies.company_detail, name="company"),
    path("virksomheder/<id:company_id>/adresse/", locations.company_address, name="company_address"),
    path("virksomheder/<id:company_id>/tilfoej/<str:section>/", companies.company_add, name="company_add"),
    path("virksomheder/<id:company_id>/jobaabning/", openings.opening_new, name="opening_new"),
    path("jobaabninger/", openings.opening_list, name="openings"),
    path("jobaabninger/<id:opening_id>/ret/", openings.opening_edit, name="opening_edit"),
    # Journey 3: matching
    path("borgere/<id:citizen_id>/match/", matching.for_citizen, name="match_citizen"),
    path("jobaabninger/<id:opening_id>/match/", matching.for_opening, name="match_opening"),
    path("match/foreslaa/", matching.propose, name="propose"),
    path("match/<id:proposal_id>/", matching.proposal_detail, name="proposal"),
    # Journey 4: placements and the weekly hours
    path("borgere/<id:citizen_id>/placering/", placements.placement_new, name="placement_new"),
    path("placeringer/<id:placement_id>/", placements.placement_detail, name="placement"),
    path("placeringer/<id:placement_id>/<str:action>/", placements.placement_action, name="placement_action"),
    path("timer/", hours.weekly_hours, name="weekly_hours"),
    # Journey 5: follow-up
    path("forloeb/<id:course_id>/opfoelgning/", followups.follow_up_new, name="follow_up_new"),
    # Correcting and annulling an entered record, with its history
    path("rettelser/<slug:kind>/<id:record_id>/", corrections.record_history, name="record_history"),
    path("rettelser/<slug:kind>/<id:record_id>/ret/", corrections.correct, name="correct"),
    path("rettelser/<slug:kind>/<id:record_id>/annuller/", corrections.annul, name="annul"),
    # Journey 6 and 7: worklist and dashboard
    path("arbejdsliste/", worklist.worklist_page, name="worklist"),
    path("arbejdsliste/haandteret/", worklist.mark_handled, name="worklist_mark_handled"),
    path("overblik/", dashboard.dashboard, name="dashboard"),
    # Journey 8: the employer's entry point
    path("virksomhed/opgave/", employer.task_new, name="employer_task"),
    path("virksomhed/timer/<id:week_id>/bekraeft/", employer.confirm_week, name="employer_confirm_week"),
    path("virksomhed/timer/maaned/<str:month>/", employer.confirm_month, name="employer_confirm_month"),
    path(
        "virksomhed/timer/maaned/<str:month>/borger/<id:citizen_id>/",
        employer.confirm_month,
        name="employer_confirm_month_citizen",
    ),
    path("virksomhed/placering/<id:placement_id>/svar/", employer.follow_up_answer, name="employer_follow_up"),
    path("virksomhed/forslag/<id:proposal_id>/", employer.proposal_answer, name="employer_proposal"),
    # Data protection (issue 14): the DPO's audit trail, insight (art. 15), the citizen's own log
    path("tilsyn/", privacy.audit_trail, name="audit_trail"),
    path("tilsyn/csv/", privacy.audit_trail_csv, name="audit_trail_csv"),
    path("tilsyn/excel/", privacy.audit_trail_xlsx, name="audit_trail_xlsx"),
    path("borgere/<id:citizen_id>/indsigt/", privacy.citizen_insight, name="citizen_insight"),
    path("borgere/<id:citizen_id>/indsigt/pdf/", privacy.citizen_insight_pdf, name="citizen_insight_pdf"),
    path("mine-oplysninger/opslag/", privacy.my_lookups, name="my_lookups"),
    # Background jobs (issue 16): exports made by the worker, and the administrator's view
    path("eksporter/", exports.export_list, name="exports"),
    path("eksporter/ny/", exports.export_start, name="export_start"),
    path("eksporter/<id:job_id>/", exports.export_detail, name="export"),
    path("eksporter/<id:job_id>/fil/", exports.export_file, name="export_file"),
    path("drift/baggrundsjob/", exports.jobs_admin, name="jobs_admin"),
]
