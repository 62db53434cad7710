# SPDX-License-Identifier: MPL-2.0
"""Every error Småjob reports on purpose, with a stable code and a clear Danish message.

Entry points turn these into an HTTP 4xx answer (``code``, ``message``, ``field``), a form
error next to the field, or a CLI message with a non-zero exit. Anything else that escapes
is a bug. Codes are stable: integrations may rely on them; messages may be improved.

The tree::

    SmaajobError                       (base; never raised itself)
    ├── InvalidInput                   400  bad value in a request, form, file or CLI flag
    │   ├── InvalidIdentifier          400  CPR/CVR number that does not validate
    │   ├── InvalidPeriod              400  end before start, or a date out of range
    │   ├── InvalidHours               400  negative hours, > 168 in a week, paid > present …
    │   │   └── HoursDeviation         400  hours outside the task's range or the citizen's
    │   │                                   capacity: accepted when resent with a reason
    │   ├── UnknownPostcode            400  a postcode the shipped postcode table does not know
    │   ├── OverlappingActivity        409  two activities for the same hours or period
    │   └── ImportRejected             400  a file import with bad rows (each cell listed by
    │                                       sheet, row and column; smaajob.imports)
    ├── IllegalTransition              409  a course state change the process does not allow
    ├── NotFound                       404  missing — or not yours: the same answer for both
    ├── DecisionRequired               409  the law gives a caseworker this decision
    │   └── FourEyesRequired           409  a second person must approve what one calculated
    └── RuleError                           raised by smaajob.rules (see smaajob.rules.errors)
        ├── ParameterFileError              a parameter file is malformed (names file and key)
        └── UnknownValue               422  a legal value the sources do not give for a date

``smaajob.rules`` and ``smaajob.matching`` may import this module: it is plain Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


class SmaajobError(Exception):
    """Base class. ``code`` is stable; ``message`` says what a valid value looks like."""

    code: str = "error"
    http_status: int = 400

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
    http_status = 400


class InvalidIdentifier(InvalidInput):
    code = "invalid_identifier"


class InvalidPeriod(InvalidInput):
    code = "invalid_period"


class InvalidHours(InvalidInput):
    code = "invalid_hours"


class HoursDeviation(InvalidHours):
    """Unusual hours that may be right: the user goes on by giving a reason (``field`` names
    where the reason goes)."""

    code = "hours_deviation"


class UnknownPostcode(InvalidInput):
    code = "unknown_postcode"


class OverlappingActivity(InvalidInput):
    code = "overlapping_activity"
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


class IllegalTransition(SmaajobError):
    code = "illegal_transition"
    http_status = 409


class NotFound(SmaajobError):
    """Raised both when a record does not exist and when the user may not see it."""

    code = "not_found"
    http_status = 404


class DecisionRequired(SmaajobError):
    code = "decision_required"
    http_status = 409


class FourEyesRequired(DecisionRequired):
    code = "four_eyes_required"


class RuleError(SmaajobError):
    code = "rule_error"
    http_status = 422


class ParameterFileError(RuleError):
    code = "parameter_file_error"
    http_status = 500


class UnknownValue(RuleError):
    code = "unknown_value"
    http_status = 422


@dataclass
class ErrorList:
    """Collects several problems before raising one error (used by forms and imports)."""

    problems: list[RowProblem] = field(default_factory=list)

    def add(self, row: int, column: str, message: str, sheet: str = "") -> None:
        self.problems.append(RowProblem(row, column, message, sheet))

    def __bool__(self) -> bool:
        return bool(self.problems)
