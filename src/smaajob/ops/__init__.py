# SPDX-License-Identifier: MPL-2.0
"""Running Småjob: health and readiness, the request id, JSON logs and Prometheus metrics.

* ``checks`` — what readiness asks (database, file store, and any check an installation adds,
  e.g. the job worker's heartbeat, through ``SMAAJOB_READINESS_CHECKS``);
* ``views`` / ``urls`` — ``/sundhed/`` (alive), ``/sundhed/klar/`` (ready for traffic) and
  ``/drift/metrics`` (Prometheus, behind a token);
* ``requests`` — the middleware that gives every request an id and counts it;
* ``metrics`` — the metric definitions and the scrape (several processes included);
* ``log_format`` — the JSON log lines and the request id on every record.

docs/operations.md says what each endpoint and metric means for the people who run Småjob.
"""
