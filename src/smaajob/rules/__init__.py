# SPDX-License-Identifier: MPL-2.0
"""Benefit rules as code: dated legal parameters and the formulas that use them (pure Python)."""
