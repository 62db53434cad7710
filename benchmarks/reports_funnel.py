# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): the VTA funnel and the STV shares per municipality.

    .venv/bin/python benchmarks/reports_funnel.py [--citizens 150000] [--db-citizens 3000] [--runs 3]

Part 1 — the counting engine on a synthetic national history (fixed seed, generated directly
as arrays: ~150,000 citizens in 98 municipalities, ~10 million weekly-hours and event rows):
the full funnel and both STV shares per municipality, medians of ``--runs`` runs.

Part 2 — a smaller history written into a fresh SQLite database (the full national history
would take hours to insert through the ORM), computed two ways in the same run:
(a) ``smaajob.reports.selectors.load_tables`` (one query per table) + the engine, as the
dashboard does; (b) the straightforward ORM approach: a loop over municipalities with
querysets per step and a Python loop for the six-month check; (c) the aggregating queries of
``benchmarks/funnel_orm.py`` (grouped by municipality in SQL). All must give the same numbers;
the script stops if they differ.
"""

from __future__ import annotations

import argparse
import calendar
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from smaajob.reports.counting import groups  # noqa: E402
from smaajob.reports.counting.funnel import funnel  # noqa: E402
from smaajob.reports.counting.measure import TOTAL  # noqa: E402
from smaajob.reports.counting.period import Period  # noqa: E402
from smaajob.reports.counting.shares import stv_shares  # noqa: E402
from smaajob.reports.counting.tables import EventTables  # noqa: E402

PERIOD = Period(date(2021, 1, 1), date(2021, 12, 31), observed_until=date(2023, 12, 31))
EPOCH = date(2019, 1, 1)
MUNICIPALITIES = 98
OUTCOMES = np.array(["returned", "stopped", "ordinary_job", "flexjob", "education", "smaajob_6m", "wage_subsidy"])
BENEFITS = np.array(["kontanthjaelp", "ressourceforloebsydelse", "uddannelseshjaelp", "integrationsydelse", "dagpenge"])


def _date_col(offsets: np.ndarray, mask: np.ndarray | None = None) -> pl.Series:
    base = (EPOCH - date(1970, 1, 1)).days
    s = pl.Series(offsets.astype("int32") + base).cast(pl.Date)
    if mask is not None:
        s = pl.select(pl.when(pl.Series(mask)).then(s).otherwise(None)).to_series()
    return s


def synthetic_history(n_citizens: int, seed: int = 7, weeks_per_job: int = 290) -> EventTables:
    rng = np.random.default_rng(seed)
    cid = np.arange(1, n_citizens + 1, dtype=np.int64)
    muni = rng.integers(1, MUNICIPALITIES + 1, n_citizens)
    # Courses: everyone one, 30 % a second one.
    second = cid[rng.random(n_citizens) < 0.3]
    c_cit = np.concatenate([cid, second])
    n_c = c_cit.size
    c_id = np.arange(1, n_c + 1, dtype=np.int64)
    c_start = rng.integers(0, 5 * 365, n_c)
    ended = rng.random(n_c) < 0.6
    c_end = c_start + rng.integers(30, 700, n_c)
    outcome = np.where(ended, OUTCOMES[rng.integers(0, OUTCOMES.size, n_c)], "")
    stop = np.where(outcome == "stopped", "health", "")
    courses = pl.DataFrame(
        {
            "course_id": c_id,
            "citizen_id": c_cit,
            "project_id": muni[c_cit - 1],
            "municipality_id": muni[c_cit - 1],
            "started_on": _date_col(c_start),
            "ended_on": _date_col(c_end, ended),
            "exit_outcome": outcome,
            "stop_reason": stop,
        }
    )
    # Praktik for 65 % of courses; 40 % of those convert the day after into paid/hybrid/løntilskud.
    has_p = rng.random(n_c) < 0.65
    p_course = c_id[has_p]
    p_start = c_start[has_p] + rng.integers(7, 90, p_course.size)
    p_len = rng.integers(28, 91, p_course.size)
    conv = rng.random(p_course.size) < 0.4
    j_course = p_course[conv]
    j_start = p_start[conv] + p_len[conv] + 1
    j_kind = np.array(["paid", "hybrid", "wage_subsidy"])[rng.choice(3, j_course.size, p=[0.6, 0.2, 0.2])]
    j_open = rng.random(j_course.size) < 0.5
    j_end = j_start + rng.integers(30, 400, j_course.size)
    n_p, n_j = p_course.size, j_course.size
    placements = pl.DataFrame(
        {
            "placement_id": np.arange(1, n_p + n_j + 1, dtype=np.int64),
            "course_id": np.concatenate([p_course, j_course]),
            "citizen_id": c_cit[np.concatenate([p_course, j_course]) - 1],
            "company_id": rng.integers(1, 20_000, n_p + n_j),
            "kind": np.concatenate([np.full(n_p, "placement"), j_kind]),
            "start": _date_col(np.concatenate([p_start, j_start])),
            "end": _date_col(np.concatenate([p_start + p_len, j_end]), np.concatenate([np.ones(n_p, bool), ~j_open])),
            "previous_id": pl.Series(np.concatenate([np.full(n_p, -1), np.arange(1, n_p + 1)[conv]])).replace(-1, None),
        }
    )
    # Weekly hours: every praktik week, and up to ``weeks_per_job`` weeks of each job.
    n_weeks = np.concatenate(
        [p_len // 7, np.minimum(np.where(j_open, weeks_per_job, (j_end - j_start) // 7), weeks_per_job)]
    )
    pid = np.repeat(np.arange(1, n_p + n_j + 1), n_weeks)
    first = np.concatenate([p_start, j_start])
    first = first - (first + EPOCH.weekday()) % 7  # the Monday of the start week
    offset = np.arange(pid.size) - np.repeat(np.cumsum(n_weeks) - n_weeks, n_weeks)
    week = np.repeat(first, n_weeks) + 7 * offset
    is_job = pid > n_p
    present = rng.integers(2, 30, pid.size).astype(np.float64)
    paid = np.where(is_job, present, 0.0)
    weeks = pl.DataFrame(
        {
            "placement_id": pid.astype(np.int64),
            "citizen_id": placements["citizen_id"].to_numpy()[pid - 1],
            "week_start": _date_col(week),
            "present": present,
            "paid": paid,
            "effective": paid * 0.8,
        }
    )
    b_type = BENEFITS[rng.choice(BENEFITS.size, n_citizens, p=[0.5, 0.2, 0.1, 0.1, 0.1])]
    since = _date_col(rng.integers(-365, 3 * 365, n_citizens))
    benefits = pl.DataFrame({"citizen_id": cid, "benefit_type": b_type, "valid_from": since, "valid_to": None})
    readiness = pl.DataFrame(
        {
            "citizen_id": cid,
            "category": np.where(rng.random(n_citizens) < 0.7, "aktivitetsparat", "jobparat"),
            "valid_from": since,
            "valid_to": None,
        }
    )
    assignments = pl.DataFrame(
        {
            "citizen_id": cid,
            "staff_id": muni * 100 + rng.integers(0, 10, n_citizens),
            "staff_role": "consultant",
            "team_id": muni,
            "valid_from": since,
            "valid_to": None,
        }
    )
    return EventTables.build(
        citizens=pl.DataFrame({"citizen_id": cid, "municipality_id": muni}),
        courses=courses,
        placements=placements,
        weeks=weeks,
        benefits=benefits,
        readiness=readiness,
        assignments=assignments,
    )


def engine(tables: EventTables) -> dict[str, tuple[int, ...]]:
    """Funnel and STV shares per municipality: {municipality: (visited, placed, job, lasting, base, cb, oh)}."""
    f = funnel(tables, PERIOD, groups.by_municipality(tables, PERIOD.observed))
    s = stv_shares(tables, PERIOD, groups.citizen_groups("kommune", tables, PERIOD.start, PERIOD.end))
    result = {}
    for g in (set(f) | set(s)) - {TOTAL}:
        row = f.get(g)
        steps = (
            (0, 0, 0, 0) if row is None else tuple(row.value(k) or 0 for k in ("visited", "placed", "job", "lasting"))
        )
        shares = {m.key: m for m in s.get(g, [])}
        stv = tuple(
            int(shares[k].numerator_ids.size) if k in shares else 0
            for k in ("stv.base", "stv.company_based", "stv.ordinary_hours")
        )
        result[g] = steps + stv
    return result


def timed[T](fn: Callable[[], T], runs: int) -> tuple[float, float, T]:
    """Median wall and CPU seconds over ``runs`` calls (at least one) and the last call's result."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu), out


# --- part 2: the database ----------------------------------------------------------------------


def setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("SMAAJOB_VAR_DIR", str(db_path.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "smaajob.settings"
    os.environ.setdefault("SMAAJOB_DEMO", "1")  # synthetic data only: the public development CPR key (docs/security.md)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def write_to_db(tables: EventTables) -> None:
    """Bulk-insert a synthetic history (no services: this is about reading speed)."""
    from django.db import transaction

    from smaajob.citizens.models import Benefit, Citizen, Readiness
    from smaajob.courses.models import Course, Placement, WeeklyHours
    from smaajob.network.models import Company
    from smaajob.organisation.models import Municipality, Project

    with transaction.atomic():
        munis = sorted(set(tables.citizens["municipality_id"].to_list()))
        Municipality.objects.bulk_create([Municipality(id=m, code=f"{m:03d}", name=f"Kommune {m}") for m in munis])
        Project.objects.bulk_create([Project(id=m, municipality_id=m, name="Småjob") for m in munis])
        companies = sorted(set(tables.placements["company_id"].to_list()))
        Company.objects.bulk_create(
            [Company(id=c, municipality_id=munis[0], cvr=f"{c:08d}", name=f"V{c}") for c in companies], batch_size=5000
        )
        Citizen.objects.bulk_create(
            [
                Citizen(
                    id=r["citizen_id"],
                    cpr=f"{r['citizen_id']:010d}",
                    first_name="B",
                    last_name=str(r["citizen_id"]),
                    birth_date=date(1980, 1, 1),
                    municipality_id=r["municipality_id"],
                )
                for r in tables.citizens.iter_rows(named=True)
            ],
            batch_size=5000,
        )
        Course.objects.bulk_create(
            [
                Course(
                    id=r["course_id"],
                    citizen_id=r["citizen_id"],
                    project_id=r["project_id"],
                    started_on=r["started_on"],
                    ended_on=r["ended_on"],
                    exit_outcome=r["exit_outcome"],
                    stop_reason=r["stop_reason"],
                    state="exited" if r["exit_outcome"] else "visited",
                )
                for r in tables.courses.iter_rows(named=True)
            ],
            batch_size=5000,
        )
        Placement.objects.bulk_create(
            [
                Placement(
                    id=r["placement_id"],
                    course_id=r["course_id"],
                    company_id=r["company_id"],
                    kind=r["kind"],
                    planned_start=r["start"],
                    actual_start=r["start"],
                    actual_end=r["end"],
                )
                for r in tables.placements.iter_rows(named=True)
            ],
            batch_size=5000,
        )
        WeeklyHours.objects.bulk_create(
            [
                WeeklyHours(
                    placement_id=r["placement_id"],
                    week_start=r["week_start"],
                    # The event tables keep paid hours only (no count reads the others): a
                    # praktik week (0 paid) is written with 10 hours present, a job week present = paid.
                    hours_present=r["paid"] or 10,
                    hours_paid=r["paid"],
                    hours_effective=r["paid"] * 0.8,
                )
                for r in tables.weeks.iter_rows(named=True)
            ],
            batch_size=10000,
        )
        Benefit.objects.bulk_create(
            [
                Benefit(citizen_id=r["citizen_id"], benefit_type=r["benefit_type"], valid_from=r["valid_from"])
                for r in tables.benefits.iter_rows(named=True)
            ],
            batch_size=5000,
        )
        Readiness.objects.bulk_create(
            [
                Readiness(citizen_id=r["citizen_id"], category=r["category"], valid_from=r["valid_from"])
                for r in tables.readiness.iter_rows(named=True)
            ],
            batch_size=5000,
        )


def orm_loop() -> dict[str, tuple[int, ...]]:
    from django.db.models import Q

    from smaajob.citizens.models import Benefit, Readiness
    from smaajob.courses.models import Course, Placement, WeeklyHours
    from smaajob.organisation.models import Municipality

    start, end, observed = PERIOD.start, PERIOD.end, PERIOD.observed
    result: dict[str, tuple[int, ...]] = {}
    for m in Municipality.objects.order_by("id"):
        cohort = Course.objects.filter(citizen__municipality=m, started_on__gte=start, started_on__lte=end)
        visited = set(cohort.values_list("citizen_id", flat=True))
        started = Placement.objects.filter(course__in=cohort, actual_start__isnull=False, actual_start__lte=observed)
        placed = set(started.values_list("course__citizen_id", flat=True))
        job_on: dict[int, date] = {}  # course → first job day

        for course_id, day in started.filter(kind__in=["paid", "wage_subsidy"]).values_list(
            "course_id", "actual_start"
        ):
            _earliest(job_on, course_id, day)
        for course_id, week, pstart in WeeklyHours.objects.filter(
            placement__in=started.filter(kind="hybrid"), hours_paid__gt=0, week_start__lte=observed
        ).values_list("placement__course_id", "week_start", "placement__actual_start"):
            _earliest(job_on, course_id, max(week, pstart or week))
        for course_id, day in cohort.filter(
            exit_outcome__in=["ordinary_job", "flexjob", "smaajob_6m", "wage_subsidy"], ended_on__lte=observed
        ).values_list("id", "ended_on"):
            _earliest(job_on, course_id, day)
        citizen_of = dict(cohort.values_list("id", "citizen_id"))
        job = {citizen_of[c] for c in job_on}
        lasting = set()
        for course_id, first in job_on.items():  # the six-month check, one course at a time
            six = _plus_six_months(first)
            if six > observed:
                continue
            running = started.filter(
                course_id=course_id, kind__in=["paid", "hybrid", "wage_subsidy"], actual_start__lte=six
            ).filter(Q(actual_end__isnull=True) | Q(actual_end__gte=six))
            if running.exists() or cohort.filter(id=course_id, exit_outcome="smaajob_6m").exists():
                lasting.add(citizen_of[course_id])
        in_period = Q(valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        rf = set(
            Benefit.objects.filter(
                in_period, citizen__municipality=m, benefit_type="ressourceforloebsydelse"
            ).values_list("citizen_id", flat=True)
        )
        ak = set()
        for b in Benefit.objects.filter(
            in_period, citizen__municipality=m, benefit_type__in=["kontanthjaelp", "uddannelseshjaelp"]
        ):
            for r in Readiness.objects.filter(
                in_period, citizen_id=b.citizen_id, category__in=["aktivitetsparat", "aktivitetsparat_uh"]
            ):
                lo = max(b.valid_from, r.valid_from, start)
                hi = min(b.valid_to or end, r.valid_to or end, end)
                if lo <= hi:
                    ak.add(b.citizen_id)
        base = rf | ak
        company = set(
            Placement.objects.filter(course__citizen_id__in=base, actual_start__lte=end)
            .filter(Q(actual_end__isnull=True) | Q(actual_end__gte=start))
            .values_list("course__citizen_id", flat=True)
        )
        ordinary = set(
            WeeklyHours.objects.filter(
                placement__course__citizen_id__in=base,
                hours_paid__gt=0,
                placement__kind__in=["paid", "hybrid"],
                week_start__lte=end,
                week_start__gte=start - timedelta(days=6),
            ).values_list("placement__course__citizen_id", flat=True)
        )
        if not (visited or base):
            continue
        result[str(m.pk)] = (
            len(visited),
            len(placed & visited),
            len(job),
            len(lasting),
            len(base),
            len(company),
            len(ordinary),
        )
    return result


def _earliest(firsts: dict[int, date], key: int, day: date | None) -> None:
    if day is None:  # the queries ask for set dates only; the column itself may be empty
        return
    if key not in firsts or day < firsts[key]:
        firsts[key] = day


def _plus_six_months(day: date) -> date:
    month = day.month + 6
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return (
        f"nproc {os.cpu_count()}, CPU {cpu}, memory {mem / 2**20:.1f} GiB, Python {platform.python_version()}, "
        f"polars {pl.__version__}, numpy {np.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=150_000)
    parser.add_argument("--db-citizens", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Machine: {machine()}; date {date.today()}; load average {os.getloadavg()[0]:.1f}")

    t0 = time.perf_counter()
    tables = synthetic_history(args.citizens)
    rows = sum(
        getattr(tables, name).height
        for name in ("citizens", "courses", "placements", "weeks", "benefits", "readiness", "assignments")
    )
    print(
        f"\nPart 1: synthetic national history, {args.citizens:,} citizens in {MUNICIPALITIES} municipalities: "
        f"{tables.weeks.height:,} weekly-hours rows, {rows:,} rows in all (generated in "
        f"{time.perf_counter() - t0:.1f} s)"
    )
    wall, cpu, result = timed(lambda: engine(tables), args.runs)
    total = tuple(sum(v[i] for v in result.values()) for i in range(7))
    print(
        f"  engine (funnel + STV shares per municipality): median wall {wall:.2f} s, CPU {cpu:.2f} s "
        f"over {args.runs} runs"
    )
    print(f"  sums over municipalities (visited, placed, job, lasting, AK+RF, company-based, ordinary hours): {total}")

    with tempfile.TemporaryDirectory() as tmp:
        print(f"\nPart 2: the same generator at {args.db_citizens:,} citizens, written to a fresh SQLite database")
        setup_django(Path(tmp) / "bench.sqlite3")
        small = synthetic_history(args.db_citizens, seed=11)
        t0 = time.perf_counter()
        write_to_db(small)
        print(
            f"  inserted {small.weeks.height:,} weekly-hours rows and {small.courses.height:,} courses "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        from smaajob.reports.selectors import load_tables

        wall_a, cpu_a, res_a = timed(lambda: engine(load_tables()), args.runs)
        wall_b, cpu_b, res_b = timed(orm_loop, args.runs)
        from funnel_orm import orm_funnel  # the aggregating baseline of national_volume.py

        wall_c, cpu_c, res_c = timed(lambda: orm_funnel(PERIOD), args.runs)
        for other, name in ((res_b, "the ORM loop"), (res_c, "the aggregating ORM queries")):
            if res_a != other:
                diff = {k: (res_a.get(k), other.get(k))
                        for k in set(res_a) | set(other) if res_a.get(k) != other.get(k)}
                raise SystemExit(f"the engine and {name} disagree: {dict(list(diff.items())[:5])}")
        municipalities = len(res_a)
        print(f"  (a) load_tables + engine: median wall {wall_a:.3f} s (CPU {cpu_a:.3f} s)")
        print(f"  (b) ORM loop over {municipalities} municipalities: median wall {wall_b:.3f} s (CPU {cpu_b:.3f} s)")
        print(f"  (c) aggregating ORM queries (benchmarks/funnel_orm.py): median wall {wall_c:.3f} s "
              f"(CPU {cpu_c:.3f} s)")
        print(f"  (b) / (a) = {wall_b / wall_a:.1f}×, (c) / (a) = {wall_c / wall_a:.1f}× — all three give identical "
              "numbers for every municipality")
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
