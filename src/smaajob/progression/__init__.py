# SPDX-License-Identifier: MPL-2.0
"""Progression: the four dimensions of 001 and the motivation type of 003 Figur 1, rated over time."""
