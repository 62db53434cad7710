# SPDX-License-Identifier: MPL-2.0
"""Errors raised by the matching engine for invalid input.

All are subclasses of :class:`smaajob.errors.InvalidInput`, so entry points answer them with
a 400 and the Danish message, which always says what a valid value looks like. Negative or
impossible hours raise :class:`smaajob.errors.InvalidHours` directly.
"""

from __future__ import annotations

from smaajob.errors import InvalidInput


class InvalidMatchingInput(InvalidInput):
    """A value given to the matching engine is outside what it can work with."""

    code = "invalid_matching_input"
    title = "Ugyldig værdi til matchningen"


class InvalidCoordinates(InvalidMatchingInput):
    code = "invalid_coordinates"
    title = "Ugyldige koordinater"


class InvalidSlots(InvalidMatchingInput):
    code = "invalid_slots"
    title = "Ugyldige ugedage og tider"


class InvalidWeights(InvalidMatchingInput):
    """The weights file (or weights given in code) is malformed."""

    code = "invalid_weights"
    title = "Ugyldige vægte"
