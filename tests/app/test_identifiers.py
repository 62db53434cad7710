# SPDX-License-Identifier: MPL-2.0
from datetime import date

import pytest

from smaajob.errors import InvalidIdentifier, InvalidInput
from smaajob.logfilters import redact_cpr
from smaajob.validators import mask_cpr, normalise_cpr, normalise_cvr


def test_a_cpr_number_with_a_dash_is_normalised_to_ten_digits():
    assert normalise_cpr("010190-1234") == "0101901234"


@pytest.mark.parametrize(
    ("value", "expected_words"),
    [("12345", "10 cifre"), ("01019O1234", "cifre"), ("3213901234", "fødselsdato")],
)
def test_an_invalid_cpr_number_is_refused_with_a_message_saying_what_is_valid(value, expected_words):
    with pytest.raises(InvalidIdentifier) as error:
        normalise_cpr(value)
    assert expected_words in error.value.message
    assert error.value.field == "cpr"
    assert value not in error.value.message, "the number itself must never be echoed"


def test_a_cvr_number_with_a_wrong_check_digit_is_refused():
    with pytest.raises(InvalidIdentifier, match="kontrolciffer"):
        normalise_cvr("13585629")


def test_a_valid_cvr_number_is_accepted():
    assert normalise_cvr("13 58 56 28") == "13585628"


def test_lists_show_only_the_birth_date_part_of_a_cpr_number():
    assert mask_cpr("0101901234") == "010190-XXXX"


def test_a_cpr_number_in_a_log_message_is_redacted_whatever_its_format():
    assert redact_cpr("looked up 0101901234 and 010190-1234") == "looked up XXXXXX-XXXX and XXXXXX-XXXX"
    assert redact_cpr("order 12345678901") == "order 12345678901"


def test_registering_a_citizen_twice_is_refused_without_echoing_the_number(citizen, caseworker, municipality):
    from smaajob.citizens.services import register_citizen

    with pytest.raises(InvalidInput) as error:
        register_citizen(actor=caseworker, cpr="0101901234", first_name="A", last_name="B", municipality=municipality)
    assert "0101901234" not in error.value.message


def test_a_citizen_birth_date_comes_from_the_cpr_number(citizen):
    assert citizen.birth_date == date(1990, 1, 1)
    assert "1234" not in str(citizen)
