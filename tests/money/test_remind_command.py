# SPDX-License-Identifier: MPL-2.0
"""The nightly ``smaajob money remind`` command."""


from smaajob.cli.main import main
from smaajob.money.models import Reminder


def test_the_nightly_command_reminds_each_person_once_before_the_20th(
    citizen_user, employer_user, consultant, paid_placement, capsys
):
    assert main(["money", "remind", "--today", "2022-06-16"]) == 0
    assert "3 nye påmindelser oprettet." in capsys.readouterr().out
    assert set(Reminder.objects.values_list("recipient__username", flat=True)) == {
        citizen_user.username,
        employer_user.username,
        consultant.username,
    }
    assert main(["money", "remind", "--today", "2022-06-16"]) == 0
    assert "0 nye påmindelser oprettet." in capsys.readouterr().out


def test_a_malformed_date_is_refused_by_the_command(db, capsys):
    assert main(["money", "remind", "--today", "16-06-2022"]) == 2
    assert "--today" in capsys.readouterr().err
