# SPDX-License-Identifier: MPL-2.0
"""The country size: Denmark's 98 municipalities, ≈ 150,000 citizens, ≈ 9.8 M weekly rows (PostgreSQL).

How (issue 16 item 7): one *template* municipality — Odense, the demo's own — is generated in
Python by the municipality size's bulk writer (``smaajob.demo.bulk_writer``, the same
trajectories, step-ups, unpaid intros and gaps) with longer histories, and then copied inside
PostgreSQL into the other 97 municipalities, one ``INSERT … SELECT`` per table for all copies
(no row through Python). What must differ per copy is computed in Python in bulk and sent with
``COPY``: each copied citizen gets a new synthetic CPR number with the template citizen's birth
date and sex (encrypted and hashed the way ``smaajob.cpr_vault`` stores them), each company a
new CVR number, each log-in the municipality code in its username (``koordinator-101``).

Which tables are copied is read from the models: every model with a foreign key to the
municipality, or to a model that is copied, transitively (the audit log excepted). A row is
copied when one of those keys is set (rows with none are shared reference data); every id of a
copied table is offset per copy, the municipality key points at the copy's municipality. A
unique column the copy does not know how to vary stops the load (a new model is then noticed).

The audit log gets the rows the app would have written for that history: the creation of each
citizen (an import), a read of the citizen at each follow-up (the consultant opens the case),
and a write at each course transition. The rows and their canonical form (``smaajob.audit.chain``)
are made in SQL; Python computes only the SHA-256 chain over them, in id order from the chain's
head (locked till commit), and COPYs the rows with their hashes into the log; so ``smaajob audit
verify`` holds afterwards.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from django.apps import apps
from django.db import connection, models
from faker import Faker
from stdnum.dk import cpr as stdnum_cpr

from smaajob import cpr_vault
from smaajob.audit import services as audit_services
from smaajob.citizens.models import Citizen
from smaajob.demo import bulk_writer
from smaajob.demo.geography import MUNICIPALITY_CODE
from smaajob.demo.identifiers import synthetic_cpr, synthetic_cvr
from smaajob.demo.municipalities import MUNICIPALITIES, full_name
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality

MUNICIPALITY_COUNT = 98
CITIZENS_PER_MUNICIPALITY = 1530  # × 98 ≈ 150,000
# Durations × 2.8 on top of the municipality size's ×0.6–1.3: 65.6 ledger weeks per citizen (seed 2026).
STRETCH = 2.8
HISTORY_WEEKS = 260  # closed courses end up to five years back
AUDIT_CHUNK = 100_000
NOT_COPIED_APPS = {"audit", "contenttypes", "sessions", "admin", "auth"}

Tick = Callable[[int], None]
Progress = Callable[[str, int], Tick]


def load(rng: random.Random, fake: Faker, today: date, progress: Progress, *, municipalities: int,
         citizens_per_municipality: int) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The template municipality in Python, its copies in SQL, the audit log; one transaction (the caller's)."""
    started = time.perf_counter()
    counts = {"citizens": citizens_per_municipality,
              "companies": max(1, round(citizens_per_municipality * 0.4)),
              "openings": max(1, round(citizens_per_municipality * 0.6))}
    users, _summary = bulk_writer.load(rng, fake, today, progress, counts, stretch=STRETCH,
                                       history_weeks=HISTORY_WEEKS)
    template = Municipality.objects.get(code=MUNICIPALITY_CODE)
    template.name = full_name(dict(MUNICIPALITIES)[MUNICIPALITY_CODE])
    template.save(update_fields=["name"])
    timings = {"skabelon": time.perf_counter() - started}

    others = [(code, name) for code, name in MUNICIPALITIES if code != MUNICIPALITY_CODE][:municipalities - 1]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute("SET LOCAL work_mem = '64MB'")
        t0 = time.perf_counter()
        _copy_keys(cursor, rng, template, others, progress)
        timings["cpr og cvr"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        unchecked = _skip_key_checks(cursor)
        dropped = _drop_indexes(cursor)
        _copy_tables(cursor, template, progress)
        timings["kopier"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_audit = _audit_rows(cursor, progress)
        timings["adgangslog"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        tick = progress("Indeks bygges igen", len(dropped))
        for definition in dropped:
            cursor.execute(definition)
            tick(1)
        if unchecked:
            cursor.execute("SET LOCAL session_replication_role = origin")
        timings["indeks"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for table in ("citizens_citizen", "courses_course", "courses_placement", "courses_weeklyhours",
                      "courses_followup", "audit_auditentry", "organisation_user", "network_company"):
            cursor.execute(f"ANALYZE {table}")
        timings["analyze"] = time.perf_counter() - t0
        summary: dict[str, int] = {"kommuner": Municipality.objects.count()}
        for label, table in (("borgere", "citizens_citizen"), ("virksomheder", "network_company"),
                             ("jobåbninger", "network_opening"), ("forløb", "courses_course"),
                             ("placeringer", "courses_placement"), ("ugers timer", "courses_weeklyhours"),
                             ("opfølgninger", "courses_followup"), ("medarbejdere", "organisation_user")):
            cursor.execute(f"SELECT count(*) FROM {table}")
            summary[label] = int(cursor.fetchone()[0])
    summary["logposter"] = n_audit
    summary.update({f"sekunder: {k}": round(v) for k, v in timings.items()})
    if others:
        users.append((f"<bruger>-{others[0][0]} … <bruger>-{others[-1][0]}",
                      f"de samme log-ins i de andre kommuner, fx koordinator-{others[0][0]}"))
    return users, summary


# ---------------------------------------------------------------- per-copy identifiers


def _copy_keys(cursor: Any, rng: random.Random, template: Municipality, others: list[tuple[str, str]],
               progress: Progress) -> None:
    """The copies' municipalities, and their citizens' CPR numbers and companies' CVR numbers, COPYed to temp tables."""
    made = Municipality.objects.bulk_create([Municipality(code=code, name=full_name(name)) for code, name in others])
    cursor.execute("CREATE TEMP TABLE country_copy (k int PRIMARY KEY, municipality_id bigint, code text) "
                   "ON COMMIT DROP")
    cursor.execute("CREATE TEMP TABLE country_cpr (k int, template_id bigint, cpr text, cpr_hash text, "
                   "PRIMARY KEY (k, template_id)) ON COMMIT DROP")
    cursor.execute("CREATE TEMP TABLE country_cvr (k int, template_id bigint, cvr text, "
                   "PRIMARY KEY (k, template_id)) ON COMMIT DROP")
    raw = cursor.cursor  # psycopg's own cursor: COPY
    with raw.copy("COPY country_copy (k, municipality_id, code) FROM STDIN") as copy:
        for k, m in enumerate(made, start=1):
            copy.write_row((k, m.pk, m.code))

    keys = cpr_vault.current_keys()
    citizens = list(Citizen.objects.filter(municipality=template).values_list("pk", "cpr"))
    used_cpr = {cpr for _pk, cpr in citizens}
    tick = progress("CPR-numre til kopierne (krypteret)", len(citizens) * len(made))
    with raw.copy("COPY country_cpr (k, template_id, cpr, cpr_hash) FROM STDIN") as copy:
        for pk, cpr in citizens:
            birth = stdnum_cpr.get_birth_date(cpr)
            male = int(cpr[-1]) % 2 == 1
            for k in range(1, len(made) + 1):
                number = synthetic_cpr(rng, birth, male=male, used=used_cpr)
                copy.write_row((k, pk, cpr_vault.encrypt(number, keys), cpr_vault.lookup_hash(number, keys)))
            tick(len(made))
    used_cvr = set(Company.objects.values_list("cvr", flat=True))
    companies = list(Company.objects.filter(municipality=template).values_list("pk", flat=True))
    with raw.copy("COPY country_cvr (k, template_id, cvr) FROM STDIN") as copy:
        for pk in companies:
            for k in range(1, len(made) + 1):
                copy.write_row((k, pk, synthetic_cvr(rng, used=used_cvr)))


# ---------------------------------------------------------------- the copies, in SQL

# The tables that get millions of rows: their secondary indexes are dropped for the copies and
# the audit rows and built again afterwards (one sort per index instead of 10 M inserts into it).
BIG_TABLES = ["courses_weeklyhours", "courses_followup", "courses_coursetransition", "courses_hoursstep",
              "courses_placement", "audit_auditentry"]


def _drop_indexes(cursor: Any) -> list[str]:
    """Drop the big tables' indexes that no constraint owns; return their ``CREATE INDEX`` statements."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
        [BIG_TABLES])
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [definition for _name, definition in indexes]


def _skip_key_checks(cursor: Any) -> bool:
    """As a superuser, skip the foreign-key triggers for the copies (``session_replication_role``).

    The copies' keys are the template's keys offset by the same amount as the rows they point
    at, and the template's rows were checked; Django's keys are deferred, so PostgreSQL would
    otherwise queue a trigger event per copied key (≈ 30 M for the weekly ledger alone) and check
    them all at commit. Without the privilege the keys are checked as usual (slower).
    ``tests/demo/test_country_demo.py`` checks every copied key afterwards."""
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    row = cursor.fetchone()
    if not row or not row[0]:
        return False
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the template's own deferred checks run now
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute("SET LOCAL session_replication_role = replica")
    return True


def copied_models() -> list[type[models.Model]]:
    """Models whose rows belong to a municipality: a key to it, or to a copied model (transitively)."""
    candidates = [m for m in apps.get_models(include_auto_created=True)
                  if m._meta.app_label not in NOT_COPIED_APPS and m is not Municipality and m._meta.managed
                  and not m._meta.proxy]
    copied: list[type[models.Model]] = []
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if model in copied:
                continue
            targets = {f.related_model for f in _keys(model)}
            if Municipality in targets or targets & set(copied):
                copied.append(model)
                changed = True
    return copied


def _keys(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]


# Columns that must differ per copy, as SQL over the template row ``t`` and the copy ``c``.
VARIED = {
    ("organisation_user", "username"): "t.username || '-' || c.code",
    ("organisation_user", "email"): "CASE WHEN t.email = '' THEN '' ELSE split_part(t.email, '@', 1) || '-' || "
                                    "c.code || '@' || split_part(t.email, '@', 2) END",
    ("citizens_citizen", "cpr"): "m.cpr",
    ("citizens_citizen", "cpr_hash"): "m.cpr_hash",
    ("network_company", "cvr"): "v.cvr",
}
JOINS = {
    "citizens_citizen": "JOIN country_cpr m ON m.k = c.k AND m.template_id = t.id",
    "network_company": "JOIN country_cvr v ON v.k = c.k AND v.template_id = t.id",
}


def _copy_tables(cursor: Any, template: Municipality, progress: Progress) -> None:
    plan = copied_models()
    tables = {m._meta.db_table for m in plan}
    offset = 1
    for model in plan:
        cursor.execute(f"SELECT coalesce(max({model._meta.pk.column}), 0) FROM {model._meta.db_table}")
        offset = max(offset, int(cursor.fetchone()[0]) + 1)
    offset = 10 ** len(str(offset))  # readable: copy k's ids are k·10ⁿ + the template's
    tick = progress("Kopier til kommunerne (tabeller)", len(plan))
    for model in plan:
        table = model._meta.db_table
        columns, select, owners, fixed_unique = [], [], [], []
        for f in model._meta.concrete_fields:
            column = f.column
            assert column is not None  # concrete fields have a column
            columns.append(connection.ops.quote_name(column))
            target = f.related_model if isinstance(f, models.ForeignKey) else None
            if (table, column) in VARIED:
                select.append(VARIED[(table, column)])
            elif target is Municipality:
                select.append("c.municipality_id")
                owners.append(f"t.{column} = {template.pk}")
            elif target is not None and target._meta.db_table in tables:
                select.append(f"t.{column} + c.k * {offset}")
                owners.append(f"t.{column} IS NOT NULL")
            elif f.primary_key and isinstance(f, models.AutoField | models.BigAutoField):
                select.append(f"t.{column} + c.k * {offset}")
            else:
                if f.unique and not f.primary_key:
                    fixed_unique.append(column)
                select.append(f"t.{connection.ops.quote_name(column)}")
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table} t WHERE {' OR '.join(owners)})")
        if not cursor.fetchone()[0]:
            tick(1)
            continue  # nothing of the template's in this table
        if fixed_unique:
            raise RuntimeError(f"{table}.{fixed_unique[0]} is unique and the country copy does not vary it")
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(select)} FROM {table} t "
            f"CROSS JOIN country_copy c {JOINS.get(table, '')} WHERE {' OR '.join(owners)}")
        pk = model._meta.pk
        if isinstance(pk, models.AutoField | models.BigAutoField):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{pk.column}'), "
                           f"(SELECT coalesce(max({pk.column}), 1) FROM {table}))")
        tick(1)


# ---------------------------------------------------------------- the audit log


AUDIT_SOURCES = """
CREATE TEMP TABLE country_audit ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY at, kind, object_id) AS n, * FROM (
    SELECT (c.started_on + time '08:30' + (z.id % 3600) * interval '1 second') AT TIME ZONE 'Europe/Copenhagen' AS at,
           0 AS kind, a.staff_id AS actor_id, 'create' AS action, 'import' AS channel, 'citizen' AS object_type,
           z.id AS object_id, z.id AS citizen_id, 'oprettet ved indlæsning' AS detail
      FROM citizens_citizen z
      JOIN courses_course c ON c.citizen_id = z.id
      JOIN citizens_assignment a ON a.citizen_id = z.id AND a.staff_role = 'caseworker'
    UNION ALL
    SELECT (f.happened_on + time '10:00' + (f.id % 21600) * interval '1 second') AT TIME ZONE 'Europe/Copenhagen',
           1, f.by_id, 'read', 'web', 'citizen', c.citizen_id, c.citizen_id, 'opfølgning'
      FROM courses_followup f JOIN courses_course c ON c.id = f.course_id
    UNION ALL
    SELECT (r.happened_on + time '09:00' + (r.id % 21600) * interval '1 second') AT TIME ZONE 'Europe/Copenhagen',
           2, r.actor_id, 'update', 'web', 'course', r.course_id, c.citizen_id, 'forløb: ' || r.to_state
      FROM courses_coursetransition r JOIN courses_course c ON c.id = r.course_id
) rows
"""


# The canonical form of ``smaajob.audit.chain.canonical``, built by PostgreSQL: the same JSON array
# (``to_json`` escapes text as ``json.dumps(ensure_ascii=False)`` does for these values), so that
# Python only computes the SHA-256 chain. The test checks it against ``verify_chain``.
AUDIT_COLUMNS = ("at", "actor_id", "actor_username", "action", "channel", "object_type", "object_id", "citizen_id",
                 "detail", "prev_hash", "entry_hash")
CANONICAL = """
SELECT a.at, a.actor_id, coalesce(u.username, 'system'), a.action, a.channel, a.object_type, a.object_id,
       a.citizen_id, a.detail,
       '[' || to_json(to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || ',' || coalesce(a.actor_id::text, 'null') || ',' || to_json(coalesce(u.username, 'system'))
    || ',' || to_json(a.action) || ',' || to_json(a.channel) || ',' || to_json(a.object_type)
    || ',' || coalesce(a.object_id::text, 'null') || ',' || coalesce(a.citizen_id::text, 'null')
    || ',' || to_json(a.detail) || ']'
  FROM country_audit a LEFT JOIN organisation_user u ON u.id = a.actor_id
 WHERE a.n > %s AND a.n <= %s ORDER BY a.n
"""


def _audit_rows(cursor: Any, progress: Progress) -> int:
    """The history's audit rows, hash-chained in id order after the chain's current head."""
    cursor.execute(AUDIT_SOURCES)
    cursor.execute("CREATE INDEX ON country_audit (n)")
    cursor.execute("SELECT count(*) FROM country_audit")
    total = int(cursor.fetchone()[0])
    previous = audit_services._locked_head_hash(connection.alias)  # the head stays locked till commit
    raw = cursor.cursor
    tick = progress("Adgangslog (hashkæde)", total)
    sha256 = hashlib.sha256
    for start in range(0, total, AUDIT_CHUNK):
        cursor.execute(CANONICAL, [start, start + AUDIT_CHUNK])
        rows = cursor.fetchall()
        # COPY in chain order: the ids the log's sequence gives follow it.
        with raw.copy(f"COPY audit_auditentry ({', '.join(AUDIT_COLUMNS)}) FROM STDIN") as copy:
            for *values, canonical in rows:
                digest = sha256((canonical + previous).encode("utf-8")).hexdigest()
                copy.write_row((*values, previous, digest))
                previous = digest
        tick(len(rows))
    audit_services._move_head(connection.alias, previous)
    return total
