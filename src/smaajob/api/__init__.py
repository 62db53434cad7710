# SPDX-License-Identifier: MPL-2.0
"""The REST API under /api/v1/ (django-ninja), its OpenAPI schema at /api/v1/openapi.json.

``smaajob.api.app`` builds the NinjaAPI and mounts one router per domain module
(``smaajob.api.<domain>`` exposing ``router``). Errors from ``smaajob.errors`` become
``{"code": …, "message": …, "field": …}`` with the error's HTTP status.
"""
