# SPDX-License-Identifier: MPL-2.0
"""Background jobs (issue 16 item 1): exports of large lists and the nightly jobs, run by
``smaajob worker`` through Django's tasks framework on the django-tasks-db queue.

* ``models`` — ``Job`` (what was asked, by whom, its progress, attempts and file) and
  ``ScheduleRun`` (one row per schedule slot and day, so a slot fires once);
* ``kinds`` — what each kind of job does;
* ``runner`` — the one task: runs a job, records progress and retries a failure;
* ``services`` — starting a job (the request returns at once);
* ``schedule`` — the built-in schedule (02:00 statuses, 03:00 retention, 06:00 reminders);
* ``worker`` — the loop behind ``smaajob worker``: the schedule and the queue in one process.

Decision and alternatives: ``docs/decisions/0004-background-jobs.md``.
"""
