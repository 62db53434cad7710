# SPDX-License-Identifier: MPL-2.0
"""The cached choice labels are exactly Django's, for every value of every choice field."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from smaajob.choices import QuickChoiceLabels

MODELS = [m for m in apps.get_models() if issubclass(m, QuickChoiceLabels)]
CASES = [
    (model, field)
    for model in MODELS
    for field in model._meta.concrete_fields
    if field.choices
]


def test_the_models_that_list_choice_labels_use_the_cache():
    names = {m.__name__ for m in MODELS}
    assert {"Course", "Placement", "Opening", "Company", "FollowUp", "User", "Citizen"} <= names
    assert len(CASES) >= 10


@pytest.mark.parametrize(("model", "field"), CASES, ids=[f"{m.__name__}.{f.name}" for m, f in CASES])
@pytest.mark.parametrize("language", ["da", "en"])
def test_cached_labels_equal_djangos_for_every_value_and_an_unknown_one(model, field, language):
    values = [value for value, _ in field.flatchoices] + ["ukendt-værdi", 987654, None]
    with translation.override(language):
        for value in values:
            obj = model()
            setattr(obj, field.attname, value)
            # Django's own get_FOO_display body; private, so django-stubs leaves it out.
            expected = models.Model._get_FIELD_display(obj, field)  # type: ignore[attr-defined]
            assert getattr(obj, f"get_{field.name}_display")() == expected
            assert type(getattr(obj, f"get_{field.name}_display")()) is type(expected)
