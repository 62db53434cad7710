# SPDX-License-Identifier: MPL-2.0
"""Every error Småjob reports on purpose, with a stable code and a clear Danish message.

One problem gets one answer on every entry point: the error's ``http_status`` in the API
(``{"code", "message", "field"}``, plus ``problems`` for several), the same status on the web
(a Danish error page, or the form shown again with the message next to the field), and exit
code 2 from the ``smaajob`` command (the message on stderr; with ``--json``, the same object as
the API's, as JSON on stderr). Bad input is **400** ``invalid_input`` (or a subclass) everywhere:
the API's own schema checks answer 400 ``invalid_input`` like the services, and so do the web
forms. 422 is kept for input that is valid but that the rules cannot compute (``RuleError``).
Anything else that escapes is a bug. Codes are stable: integrations may rely on them; messages
may be improved. Each class has a Danish ``title`` (one line, for headings and the docs).

The whole tree (``code``, HTTP status), including the engines' own errors in
``smaajob.rules.errors`` and ``smaajob.matching.errors``; a class marked "same code" inherits its
parent's code (it is the concrete form the engine raises)::

    SmaajobError                            error                   400  base; never raised itself
    ├── InvalidInput                        invalid_input           400  bad value in a request, form,
    │   │                                                                file or CLI flag
    │   ├── InvalidIdentifier               invalid_identifier      400  CPR/CVR that does not validate
    │   ├── InvalidPeriod                   invalid_period          400  end before start, date out of range
    │   ├── InvalidHours                    invalid_hours           400  negative hours, > 168 a week …
    │   │   └── HoursDeviation              hours_deviation         400  hours outside the task's range or
    │   │                                                                capacity: accepted with a reason
    │   ├── UnknownPostcode                 unknown_postcode        400  a postcode the table does not know
    │   ├── OverlappingActivity             overlapping_activity    409  two activities at the same hours
    │   ├── ImportRejected                  import_rejected         400  a file import with bad rows (each
    │   │                                                                cell by sheet, row and column)
    │   ├── InvalidArguments                invalid_arguments       400  a CLI call argparse refuses
    │   ├── rules.errors.ImpossibleFacts    impossible_facts        400  recorded facts contradict each other
    │   ├── rules.errors.FactMissing        fact_missing            400  a fact the rule needs is not recorded
    │   └── matching.errors.InvalidMatchingInput
    │       │                               invalid_matching_input  400  a value the matcher cannot use
    │       ├── matching.errors.InvalidCoordinates
    │       │                               invalid_coordinates     400  latitude/longitude out of range
    │       ├── matching.errors.InvalidSlots
    │       │                               invalid_slots           400  weekly time slots that do not parse
    │       └── matching.errors.InvalidWeights
    │                                       invalid_weights         400  a malformed weights file
    ├── IllegalTransition                   illegal_transition      409  a state change the process forbids
    ├── NotFound                            not_found               404  missing — or not yours: one answer
    ├── DecisionRequired                    decision_required       409  the law gives a caseworker this
    │   └── FourEyesRequired                four_eyes_required      409  a second person must approve
    ├── SignInRefused                       sign_in_refused         403  a log-in at an identity provider
    │                                                                Småjob does not accept (the code
    │                                                                says why: oidc_no_role …)
    ├── ReauthenticationRequired            reauthentication_required
    │                                                           403  a sensitive action needs a recent log-in
    ├── DatabaseBusy                        database_busy           503  the database stayed busy with others'
    │                                                                saves; nothing saved, try again
    ├── cpr_vault.CprKeysMissing            cpr_keys_missing        500  production without SMAAJOB_CPR_KEYS
    ├── cpr_vault.CprKeysInvalid            cpr_keys_invalid        500  a key that is no Fernet key, or a
    │                                                                token no key decrypts
    ├── pdf_document.PdfFontsMissing        pdf_fonts_missing       500  the PDF fonts (DejaVu) are not
    │                                                                installed; says how to install them
    └── RuleError                           rule_error              422  raised by smaajob.rules
        ├── ParameterFileError              parameter_file_error    500  a parameter file is malformed
        │   └── rules.errors.ParameterFileInvalid  (same code)      500  names the file and key
        └── UnknownValue                    unknown_value           422  a legal value the sources do not
            │                                                            give for a date
            ├── rules.errors.ValueNotKnown  (same code)             422  names the parameter and date
            └── rules.errors.RuleNotInForce rule_not_in_force       422  the rule does not apply that day

``tests/app/test_error_tree.py`` walks every subclass of ``SmaajobError`` in the project and
fails when one is missing here, its code is not unique, or its title is not Danish.

``smaajob.rules`` and ``smaajob.matching`` may import this module: it is plain Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


class SmaajobError(Exception):
    """Base class. ``code`` is stable; ``message`` says what a valid value looks like."""

    code: str = "error"
    http_status: int = 400
    title: str = "Fejl"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    def as_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        return body


class InvalidInput(SmaajobError):
    code = "invalid_input"
    title = "Ugyldig værdi"
    http_status = 400


class InvalidIdentifier(InvalidInput):
    code = "invalid_identifier"
    title = "Ugyldigt CPR- eller CVR-nummer"


class InvalidPeriod(InvalidInput):
    code = "invalid_period"
    title = "Ugyldig periode"


class InvalidHours(InvalidInput):
    code = "invalid_hours"
    title = "Ugyldige timer"


class HoursDeviation(InvalidHours):
    """Unusual hours that may be right: the user goes on by giving a reason (``field`` names
    where the reason goes)."""

    code = "hours_deviation"
    title = "Usædvanlige timer kræver en begrundelse"


class UnknownPostcode(InvalidInput):
    code = "unknown_postcode"
    title = "Ukendt postnummer"


class OverlappingActivity(InvalidInput):
    code = "overlapping_activity"
    title = "Aktiviteter overlapper"
    http_status = 409


@dataclass(frozen=True)
class RowProblem:
    """One bad cell in an import: 1-based row (header is row 1), column name, message; and the
    Excel sheet it is on (empty for CSV)."""

    row: int
    column: str
    message: str
    sheet: str = ""

    def where(self) -> str:
        place = f"række {self.row}, kolonne {self.column}"
        return f"ark {self.sheet}, {place}" if self.sheet else place


class ImportRejected(InvalidInput):
    code = "import_rejected"
    title = "Importen er afvist"

    def __init__(self, problems: Sequence[RowProblem], *, total_rows: int):
        self.problems = list(problems)
        self.total_rows = total_rows
        lines = [f"{p.where()}: {p.message}" for p in self.problems[:50]]
        more = len(self.problems) - len(lines)
        if more > 0:
            lines.append(f"… og {more} fejl mere")
        super().__init__(f"{len(self.problems)} fejl i {total_rows} rækker; intet er gemt.\n" + "\n".join(lines))

    def as_dict(self) -> dict[str, object]:
        body = super().as_dict()
        body["problems"] = [p.__dict__ for p in self.problems]
        return body


class InvalidArguments(InvalidInput):
    """A ``smaajob`` command called with arguments argparse refuses (a missing or unknown flag)."""

    code = "invalid_arguments"
    title = "Ugyldigt kald af kommandoen"


class IllegalTransition(SmaajobError):
    code = "illegal_transition"
    title = "Skiftet er ikke tilladt"
    http_status = 409


class NotFound(SmaajobError):
    """Raised both when a record does not exist and when the user may not see it."""

    code = "not_found"
    title = "Findes ikke"
    http_status = 404


class DecisionRequired(SmaajobError):
    code = "decision_required"
    title = "Kræver en afgørelse"
    http_status = 409


class FourEyesRequired(DecisionRequired):
    code = "four_eyes_required"
    title = "En anden person skal godkende"


class SignInRefused(SmaajobError):
    """An OpenID Connect log-in that is refused; ``code`` names the reason (``oidc_no_role`` …)."""

    code = "sign_in_refused"
    title = "Log-ind afvist"
    http_status = 403


class ReauthenticationRequired(SmaajobError):
    code = "reauthentication_required"
    title = "Du skal logge ind igen"
    http_status = 403


class DatabaseBusy(SmaajobError):
    """The database stayed locked by other saves for longer than a writer waits (SQLite's single
    writer, ``smaajob.settings.sqlite_options``): the transaction was rolled back, nothing is
    saved, and the same request may simply be sent again."""

    code = "database_busy"
    title = "Prøv igen"
    http_status = 503
    default_message = (
        "Databasen var optaget af andres gemninger for længe, så intet er gemt. "
        "Prøv igen om et øjeblik: send formularen igen, eller genindlæs siden."
    )
    # How long a browser or script should wait before it tries again (seconds, ``Retry-After``).
    retry_after = "5"

    def __init__(self, message: str | None = None, **kwargs: str | None) -> None:
        super().__init__(message or self.default_message, **kwargs)


class RuleError(SmaajobError):
    code = "rule_error"
    title = "Reglerne kan ikke beregne det"
    http_status = 422


class ParameterFileError(RuleError):
    code = "parameter_file_error"
    title = "Fejl i en parameterfil"
    http_status = 500


class UnknownValue(RuleError):
    code = "unknown_value"
    title = "Værdien kendes ikke"
    http_status = 422


@dataclass
class ErrorList:
    """Collects several problems before raising one error (used by forms and imports)."""

    problems: list[RowProblem] = field(default_factory=list)

    def add(self, row: int, column: str, message: str, sheet: str = "") -> None:
        self.problems.append(RowProblem(row, column, message, sheet))

    def __bool__(self) -> bool:
        return bool(self.problems)
