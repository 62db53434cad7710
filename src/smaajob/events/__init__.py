# SPDX-License-Identifier: MPL-2.0
"""The company network's events: cluster meetings, buddy training, ERFA series, call days."""
