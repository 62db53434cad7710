# SPDX-License-Identifier: MPL-2.0
"""Småjob: the working tool for bringing citizens far from the labour market into small paid jobs.

Package map (see docs/architecture.md):

* ``smaajob.rules`` and ``smaajob.matching`` are pure Python engines (never Django).
* ``smaajob.organisation``, ``citizens``, ``network``, ``courses`` and ``audit`` are the
  Django apps holding the domain; writes go through each app's ``services`` module and
  reads through its ``selectors`` module.
* ``smaajob.access`` decides who may see what; ``smaajob.errors`` holds the error tree.
* ``smaajob.web``, ``smaajob.api`` and ``smaajob.cli`` are the thin entry points.
"""

__version__ = "0.1.0"
