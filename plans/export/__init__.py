"""A client's full record as a JSON document or a FHIR R4 Bundle (audited downloads)."""
