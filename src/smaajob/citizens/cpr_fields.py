# SPDX-License-Identifier: MPL-2.0
"""The two model fields that keep a CPR number at rest (``smaajob.cpr_vault`` holds the keys).

* ``EncryptedCprField`` — the number itself, a Fernet token in the database and the plain 10
  digits in Python. It refuses every lookup (``filter(cpr=…)`` is a ``FieldError``): a random
  token cannot be compared, and a search must go through the keyed hash instead, in one place,
  ``smaajob.citizens.selectors.citizen_by_cpr``.
* ``CprHashField`` — the keyed hash of the number, computed from the instance's ``cpr`` every
  time the row is written (``save`` and ``bulk_create`` both call ``pre_save``), so it cannot
  drift from the number. Unique per municipality.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from smaajob import cpr_vault


class EncryptedCprField(models.TextField):  # type: ignore[type-arg]
    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else cpr_vault.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return cpr_vault.encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None  # Django then raises FieldError: "Unsupported lookup"

    def get_transform(self, name: str) -> Any:
        return None


class CprHashField(models.CharField):  # type: ignore[type-arg]
    def __init__(self, *args: Any, source: str = "cpr", **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.source != "cpr":
            kwargs["source"] = self.source
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        number = getattr(model_instance, self.source)
        value = cpr_vault.lookup_hash(number) if number else ""
        setattr(model_instance, self.attname, value)
        return value
