# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from smaajob.progression.models import ProgressionAssessment


@admin.register(ProgressionAssessment)
class ProgressionAssessmentAdmin(admin.ModelAdmin):
    list_display = ("course", "assessed_on", "rater", "belief_in_job", "sense_of_value", "coping", "work_capacity")
    list_filter = ("rater", "motivation")
    raw_id_fields = ("course", "by")
