# SPDX-License-Identifier: MPL-2.0
"""Småjob speaks Danish to every browser: there is no English translation to offer."""

from __future__ import annotations


def test_a_browser_asking_for_english_still_gets_danish_form_errors(client, db):
    page = client.post("/log-ind/", {}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Dette felt er påkrævet." in page
    assert "This field is required." not in page
