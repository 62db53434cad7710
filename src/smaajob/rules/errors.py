# SPDX-License-Identifier: MPL-2.0
"""Errors raised by the benefit rules, each a subclass of the project-wide tree in ``smaajob.errors``.

``ParameterFileInvalid`` names the file and key that is wrong, so a legal expert editing a YAML
file can find the line. ``ValueNotKnown`` is raised when a calculation needs a legal amount that
our sources do not give for that date: we fail rather than guess.
"""

from __future__ import annotations

import datetime as dt

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, ParameterFileError, UnknownValue


class ParameterFileInvalid(ParameterFileError):
    """A parameter file is malformed; ``file`` and ``key`` say where."""

    title = "Fejl i en parameterfil"

    def __init__(self, file: str, key: str, problem: str):
        self.file = file
        self.key = key
        super().__init__(f"{file}: {key}: {problem}", field=key)


def _label(parameter: str) -> str:
    """The parameter's Danish label for a message (its file name is no reader's word)."""
    from smaajob.rules.parameters import default_parameters  # the parameters import this module

    try:
        parameters = default_parameters()
    except ParameterFileError:
        return "værdien"
    # By iteration, not ``parameters[name]``: an unknown name raises ValueNotKnown, which asks here.
    return next((parameters[name].label for name in parameters if name == parameter), "værdien")


class ValueNotKnown(UnknownValue):
    """A parameter has no sourced value on the date a calculation needs it."""

    title = "Værdien kendes ikke på datoen"

    def __init__(self, parameter: str, on: dt.date, explanation: str):
        self.parameter = parameter
        self.label = _label(parameter)  # the Danish name a message shows
        self.on = on
        self.explanation = explanation
        super().__init__(
            f"{self.label.capitalize()} den {format_date(on)} er ukendt: {explanation}",
            field=parameter,
        )


class RuleNotInForce(UnknownValue):
    """A rule is asked for on a date where it does not apply (before it began or after it ended)."""

    code = "rule_not_in_force"
    title = "Reglen gælder ikke på datoen"

    def __init__(self, parameter: str, on: dt.date, explanation: str):
        self.parameter = parameter
        self.on = on
        super().__init__(
            f"{_label(parameter).capitalize()} gælder ikke den {format_date(on)}: {explanation}",
            field=parameter,
        )


class ImpossibleFacts(InvalidInput):
    """The citizen's recorded facts contradict each other or cannot give kontanthjælp."""

    code = "impossible_facts"
    title = "Oplysningerne kan ikke alle være sande"


class FactMissing(InvalidInput):
    """A fact the rate depends on has not been recorded; the rules do not assume it."""

    code = "fact_missing"
    title = "En oplysning mangler"
