# SPDX-License-Identifier: MPL-2.0
"""Moving in: importing (and exporting) a jobcentre's existing data from CSV and Excel (issue 17)."""
