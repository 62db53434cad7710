# SPDX-License-Identifier: MPL-2.0
"""Offers and providers (issue 12): the offer catalogue, orders to providers, progress reports."""
