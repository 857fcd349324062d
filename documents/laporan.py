"""The Laporan SKM as a DOCX file: cover, contents, BAB I-V, in Indonesian."""

from __future__ import annotations

import io
from datetime import datetime

from documents.closing import analysis, conclusions
from documents.docx_kit import new_document
from documents.front import contents, cover, introduction, method
from documents.gather import LaporanData, gather
from documents.results import results
from documents.words import TITLE, period_words
from skm.directory import Directory
from skm.index import Weighting
from skm.period import Period
from storage.database import Database


def write_docx(data: LaporanData) -> bytes:
    """The document's bytes (CPU only: run it off the event loop)."""
    doc = new_document()
    doc.core_properties.title = f"{TITLE} {data.office_name} {period_words(data.period)}"
    doc.core_properties.language = "id-ID"
    cover(doc, data)
    contents(doc)
    introduction(doc)
    method(doc, data)
    results(doc, data)
    analysis(doc, data)
    conclusions(doc, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


async def build_laporan(
    db: Database,
    directory: Directory,
    weighting: Weighting,
    period: Period,
    units: list[str] | None,
    office: str | None,
    written: datetime,
) -> LaporanData | None:
    """The report's data for a selection; None when nobody responded in it (no document)."""
    data = await gather(db, directory, weighting, period, units, office, written)
    return data if data.respondents else None
