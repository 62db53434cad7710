# SPDX-License-Identifier: MPL-2.0
"""The operator's addresses (issue 16, item 5): alive, ready (database, file store, any added
check), and Prometheus metrics behind a token, labelled by route and never by path."""

from __future__ import annotations

import pytest
from django.urls import reverse
from prometheus_client.parser import text_string_to_metric_families

from smaajob.files.configuration import storages_from_environment

TOKEN = "drift-hemmelighed-123"


def worker_without_heartbeat() -> str | None:
    return "arbejderen har ikke meldt sig i 5 minutter"


def queue_depths() -> dict[str, int]:
    return {"venter": 3, "fejlet": 1}


def samples(client, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    body = client.get("/drift/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
        if sample.name == name
    }


@pytest.fixture
def metrics_on(settings):
    settings.SMAAJOB_METRICS_TOKEN = TOKEN


def test_alive_answers_ok_without_log_in_and_is_never_cached(client, db):
    response = client.get("/sundhed/")
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_names_each_part_it_checked(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = client.get(reverse("ops:ready"))
    assert response.status_code == 200
    assert response.json() == {"status": "klar", "checks": {"database": "ok", "storage": "ok"}}


def test_ready_answers_503_when_the_object_store_bucket_is_missing(client, db, settings, object_store):
    settings.STORAGES = storages_from_environment(object_store.environment("findes-ikke"))
    response = client.get(reverse("ops:ready"))
    assert response.status_code == 503
    assert response.json() == {"status": "ikke klar",
                               "checks": {"database": "ok", "storage": "objektlageret svarer ikke (ClientError)"}}


def test_an_installation_adds_its_own_check_such_as_the_workers_heartbeat(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SMAAJOB_READINESS_CHECKS = [*settings.SMAAJOB_READINESS_CHECKS,
                                         f"{__name__}.worker_without_heartbeat"]
    response = client.get(reverse("ops:ready"))
    assert response.status_code == 503
    assert response.json()["checks"]["worker_without_heartbeat"] == "arbejderen har ikke meldt sig i 5 minutter"


def test_metrics_do_not_exist_without_a_configured_token(client, db, settings):
    settings.SMAAJOB_METRICS_TOKEN = ""
    assert client.get("/drift/metrics", HTTP_AUTHORIZATION="Bearer hvadsomhelst").status_code == 404


def test_metrics_refuse_a_missing_or_wrong_token_with_what_to_send(client, db, metrics_on):
    for header in ({}, {"HTTP_AUTHORIZATION": "Bearer forkert"}, {"HTTP_AUTHORIZATION": TOKEN + "x"}):
        response = client.get("/drift/metrics", **header)
        assert response.status_code == 401
        assert response.json()["message"] == "Målingerne kræver headeren Authorization: Bearer <SMAAJOB_METRICS_TOKEN>."


def test_requests_latency_and_errors_are_counted_by_route_not_by_path(client, caseworker, citizen, metrics_on):
    key = (("method", "GET"), ("route", "web:citizen"), ("status", "200"))
    before = samples(client, "smaajob_requests_total").get(key, 0)
    client.force_login(caseworker)
    assert client.get(reverse("web:citizen", args=[citizen.pk])).status_code == 200
    assert client.get(reverse("web:citizen", args=[citizen.pk])).status_code == 200
    counted = samples(client, "smaajob_requests_total")
    assert counted[key] == before + 2
    assert not any("/" in value for labels in counted for _name, value in labels)  # no path, no id
    assert samples(client, "smaajob_request_duration_seconds_count")[(("route", "web:citizen"),)] >= 2


def test_an_address_that_matches_no_route_is_counted_under_one_label(client, db, metrics_on):
    key = (("method", "GET"), ("route", "(ingen rute)"), ("status", "404"))
    before = samples(client, "smaajob_requests_total").get(key, 0)
    client.get("/findes/ikke/0101901234/")
    assert samples(client, "smaajob_requests_total")[key] == before + 1


def test_the_job_queue_depth_is_read_at_scrape_time_where_the_jobs_app_provides_it(client, db, settings,
                                                                                   metrics_on):
    settings.SMAAJOB_JOB_QUEUE_DEPTH = ""
    assert samples(client, "smaajob_job_queue_depth") == {}
    settings.SMAAJOB_JOB_QUEUE_DEPTH = f"{__name__}.queue_depths"
    assert samples(client, "smaajob_job_queue_depth") == {(("state", "venter"),): 3, (("state", "fejlet"),): 1}


def test_by_default_the_queue_depth_counts_the_background_jobs_by_state(client, db, metrics_on):
    from smaajob.jobs.models import Job, JobKind, JobStatus

    Job.objects.create(kind=JobKind.RULE_STATUSES, status=JobStatus.QUEUED)
    Job.objects.create(kind=JobKind.RULE_STATUSES, status=JobStatus.QUEUED)
    Job.objects.create(kind=JobKind.RULE_STATUSES, status=JobStatus.FAILED)
    depth = samples(client, "smaajob_job_queue_depth")
    assert depth[(("state", JobStatus.QUEUED.value),)] == 2
    assert depth[(("state", JobStatus.FAILED.value),)] == 1
    assert depth[(("state", JobStatus.DONE.value),)] == 0


def test_every_answer_carries_a_request_id_and_a_plausible_offered_one_is_kept(client, db):
    made = client.get("/sundhed/")["X-Request-ID"]
    assert len(made) == 32 and made != client.get("/sundhed/")["X-Request-ID"]
    assert client.get("/sundhed/", HTTP_X_REQUEST_ID="lb-7f3a9c01")["X-Request-ID"] == "lb-7f3a9c01"
    refused = client.get("/sundhed/", HTTP_X_REQUEST_ID="<script>010190-1234</script>")["X-Request-ID"]
    assert refused != "<script>010190-1234</script>" and len(refused) == 32
