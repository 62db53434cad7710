# SPDX-License-Identifier: MPL-2.0
"""Shared test set-up."""
