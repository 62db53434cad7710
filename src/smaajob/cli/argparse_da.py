# SPDX-License-Identifier: MPL-2.0
"""Danish for the strings argparse writes itself: usage lines, help headings and its errors.

argparse looks each of its own strings up through the module-level names ``_`` and
``ngettext`` (from :mod:`gettext`) at the moment it writes them. Python ships no Danish
catalogue for them, so :func:`install` points those two names at this table — for the
``smaajob`` process only; a string not in the table keeps its English text rather than
disappearing. The table is checked against the running Python's argparse by a test, so a
new Python that renames a string fails the test instead of turning English quietly.
"""

from __future__ import annotations

import argparse

DANISH: dict[str, str] = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig værdi (%(type)s): %(value)r",
    "the following arguments are required: %s": "disse argumenter skal angives: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "expected one argument": "forventede én værdi",
    "expected at most one argument": "forventede højst én værdi",
    "expected at least one argument": "forventede mindst én værdi",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydigt tilvalg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "ignored explicit argument %r": "ignorerede den angivne værdi %r",
    "can't open '%(filename)s': %(error)s": "kan ikke åbne »%(filename)s«: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
}

# Plural strings: (singular, plural) -> (Danish singular, Danish plural).
DANISH_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("forventede %s værdi", "forventede %s værdier"),
}

# argparse names a converter by its ``__name__`` in "invalid %(type)s value".
TYPE_NAMES = {"int": "et helt tal, fx 8000", "float": "et tal, fx 12.5"}


def gettext(message: str) -> str:
    return DANISH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    danish = DANISH_PLURAL.get((singular, plural))
    if danish is None:
        return singular if n == 1 else plural
    return danish[0] if n == 1 else danish[1]


class DanishTypeNames(argparse.ArgumentParser):
    """Says which kind of value was expected in Danish ("et helt tal"), not ``int``."""

    def _get_value(self, action: argparse.Action, arg_string: str) -> object:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            name = getattr(action.type, "__name__", "")
            if name in TYPE_NAMES:
                kind = TYPE_NAMES[name]
                if type(action.default) in (int, float):  # the option's own default is the best example
                    kind = f"{kind.split(', fx ')[0]}, fx {action.default}"
                raise argparse.ArgumentError(action, f"skal være {kind}, fik {arg_string!r}") from None
            raise exc from None


def install() -> None:
    """Make argparse write Danish in this process (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
