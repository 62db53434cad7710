# SPDX-License-Identifier: MPL-2.0
"""Where uploaded and generated files live: Django's storage API, on local disk or in an object store.

Every file Småjob keeps (payslip scans, generated reports) is written and read through
``django.core.files.storage.default_storage`` — never with ``open()`` on a path — so the same
code runs against the local disk (the default, under ``MEDIA_ROOT``) and against an
S3-compatible object store (``SMAAJOB_STORAGE=s3``, through django-storages), which several app
servers share. ``configuration`` turns the environment into Django's ``STORAGES`` setting;
``readiness`` tells the readiness check whether the store answers.
"""
