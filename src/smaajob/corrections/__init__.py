# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling entered records, with their history (who, when, why)."""
