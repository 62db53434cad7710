# SPDX-License-Identifier: MPL-2.0
"""Tests of the pure-Python matching engine (no database)."""
