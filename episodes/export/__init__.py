"""Episodes of care in the client's record exports: the `episodes` key of the JSON record
(`record.py`) and an EpisodeOfCare and its Goals in the FHIR Bundle (`fhir.py`).

episodes imports plans, so plans cannot import this: it is named in
settings.CLIENT_RECORD_SECTIONS (the extension point, plans/export/sections.py).
"""

from episodes.export.fhir import fhir_entries
from episodes.export.record import document, load, schema
from plans.export.sections import RecordSection

SECTION = RecordSection(
    key="episodes", load=load, document=document, schema=schema, fhir=fhir_entries
)
