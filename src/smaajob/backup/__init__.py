# SPDX-License-Identifier: MPL-2.0
"""Backup and restore: the database and every stored file in one archive (``smaajob backup``).

The archive is a plain tar file, readable with ``tar`` where Småjob is not at hand:

* ``manifest.json`` — what it holds: the archive format, when it was made, the database engine,
  the newest migration of each app (so a restore can refuse a backup newer than the code), and
  the SHA-256 of every other member (so a damaged archive is refused before anything is written);
* ``database.sqlite3`` — a SQLite database copied with SQLite's own online backup API, consistent
  while the server runs; or ``database.pgdump`` — ``pg_dump`` in its custom format (``-Fc``),
  restored with ``pg_restore``;
* ``files/…`` — every file in the file store (``smaajob.files``: local disk or object store), by
  its storage name.

A restore goes into an **empty** database and an empty (or identical) file store only: it never
merges into or overwrites live data. Point-in-time recovery of PostgreSQL uses PostgreSQL's own
base backups and WAL archive (docs/operations.md); this archive is the whole-installation copy.

``archive`` reads and writes the tar and manifest, ``databases`` the two engines, ``stored``
the file store, and ``run`` puts them together for the command (``smaajob.cli.backup``).
"""
