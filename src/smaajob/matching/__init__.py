# SPDX-License-Identifier: MPL-2.0
"""Matching citizens to company tasks: feasibility, scoring, explanations, assignment (pure Python)."""
