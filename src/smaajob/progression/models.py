# SPDX-License-Identifier: MPL-2.0
"""A progression assessment: the citizen's or the consultant's rating of the four dimensions.

The four dimensions are those 001 (Væksthuset/Odense 2017, "Progression", lines 125–128)
takes from the BIP indicator research:

* tro på job — belief in getting a job;
* oplevelse af at have/skabe værdi — sense of creating value;
* hverdags- og helbredsmestring — coping with everyday life and health;
* arbejdsevne, i en sådan grad at det udmøntes i selvforsørgelse — work capacity → self-sufficiency.

001 gives no scale; we use 1–10 (1 = not at all, 10 = fully), the scale consultants already
use for the employer's effectiveness rating (x/10, DOMAIN §8). Citizen and consultant rate
separately so the report can show where they differ.

The motivation type follows self-determination theory as 003 §1.2, Figur 1 presents it
(Ravn 2021): amotivation → external → introjected → identified → integrated → intrinsic.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE_MIN = 1
SCALE_MAX = 10


class Rater(models.TextChoices):
    CITIZEN = "citizen", _("Borgerens egen vurdering")
    CONSULTANT = "consultant", _("Konsulentens vurdering")


class MotivationType(models.TextChoices):
    """003 Figur 1, from not self-determined to self-determined."""

    AMOTIVATION = "amotivation", _("Amotivation – »Jeg gider/orker det ikke«")
    EXTERNAL = "external", _("Ekstern regulering – »Jeg gør det, fordi jeg presses udefra«")
    INTROJECTED = "introjected", _("Introjiceret – »Jeg presser mig selv til at gøre det«")
    IDENTIFIED = "identified", _("Identificeret – »Jeg har selv valgt at gøre det«")
    INTEGRATED = "integrated", _("Integreret – »Jeg gør det, fordi sådan er jeg«")
    INTRINSIC = "intrinsic", _("Intrinsisk – »Jeg gør det, fordi det er sjovt«")


DIMENSIONS: list[tuple[str, str]] = [
    ("belief_in_job", "Tro på job"),
    ("sense_of_value", "Oplevelse af at skabe værdi"),
    ("coping", "Hverdags- og helbredsmestring"),
    ("work_capacity", "Arbejdsevne mod selvforsørgelse"),
]


def _score(label: str) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(_(label), help_text=_("1 = slet ikke, 10 = i fuld grad"))


class ProgressionAssessment(models.Model):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="progression_assessments")
    assessed_on = models.DateField(_("vurderet den"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rater = models.CharField(_("hvis vurdering"), max_length=12, choices=Rater.choices)
    belief_in_job = _score("tro på job")
    sense_of_value = _score("oplevelse af at skabe værdi")
    coping = _score("hverdags- og helbredsmestring")
    work_capacity = _score("arbejdsevne mod selvforsørgelse")
    motivation = models.CharField(_("motivationstype"), max_length=12, choices=MotivationType.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessed_on", "id"]
        verbose_name = _("progressionsvurdering")
        verbose_name_plural = _("progressionsvurderinger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    belief_in_job__gte=SCALE_MIN,
                    belief_in_job__lte=SCALE_MAX,
                    sense_of_value__gte=SCALE_MIN,
                    sense_of_value__lte=SCALE_MAX,
                    coping__gte=SCALE_MIN,
                    coping__lte=SCALE_MAX,
                    work_capacity__gte=SCALE_MIN,
                    work_capacity__lte=SCALE_MAX,
                ),
                name="progression_scores_1_10",
            ),
            models.UniqueConstraint(fields=["course", "assessed_on", "rater"], name="progression_one_per_day_rater"),
        ]
