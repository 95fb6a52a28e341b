"""A client's record as a FHIR R4 Bundle (type "collection"): the mapping, see docs/fhir.md.

Pure over what `export_selectors.client_record_get` loaded: no queries. `fhir_bundle`
builds plain JSON-ready dicts; `fhir_bundle_json` checks them against the R4 models of
`fhir.resources` (its R4B package: the default package is R5) before they leave the app.

Resources: one Patient, one Organization (the clinic), and per visit one Encounter
followed by its Observations (`export_fhir_observations`) and a Procedure per treatment
row (`export_fhir_procedures`), then its plan versions' home programs
(`export_fhir_program`: adherence and the client's daily pain). Then the entries of the
apps built on plans (settings.CLIENT_RECORD_SECTIONS: each episode of care and its
goals, episodes/export/fhir.py). Every reference is to an
entry's `fullUrl` (`urn:uuid:`, stable across exports of the same record); nothing else
of the clinic is read, so no other client's data can get in.
"""

import datetime
import json
from collections.abc import Iterator
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from assessments.models import Assessment
from assessments.selectors import assessment_values
from clinic.models import Client, Sex
from plans.export import fhir_codes as codes
from plans.export.fhir_observations import VisitContext, entry, observations, urn
from plans.export.fhir_procedures import procedures
from plans.export.fhir_program import program_observations
from plans.export.moments import utc_timestamp
from plans.export.sections import FhirContext, record_sections
from plans.export.selectors import ClientRecord, plan_versions, treatment_given
from plans.models import ProgramLink

GENDER = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.INTERSEX: "other"}


# --- resources --------------------------------------------------------------------------


def _organization(client: Client) -> dict[str, Any]:
    clinic = client.clinic
    return {
        "resourceType": "Organization",
        "identifier": [{"system": codes.clinic_identifier_system(), "value": str(clinic.pk)}],
        "name": clinic.name,
    }


def _patient(client: Client, organization: str) -> dict[str, Any]:
    names: list[dict[str, Any]] = [
        {"use": "official", "family": client.family_name, "given": [client.given_name]}
    ]
    if client.preferred_name and client.preferred_name != client.given_name:
        names.append({"use": "usual", "given": [client.preferred_name]})
    telecom = [
        {"system": system, "value": value}
        for system, value in (("phone", client.phone), ("email", client.email))
        if value
    ]
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "identifier": [
            {"system": codes.client_identifier_system(client.clinic_id), "value": str(client.pk)}
        ],
        "active": not client.archived,
        "name": names,
        "birthDate": client.date_of_birth.isoformat(),
        "managingOrganization": {"reference": organization},
    }
    if telecom:
        patient["telecom"] = telecom
    if client.sex in GENDER:
        patient["gender"] = GENDER[Sex(client.sex)]
    return patient


def _encounter(visit: Assessment, context: VisitContext, organization: str) -> dict[str, Any]:
    period = {"start": context.date}
    if visit.is_final:
        period["end"] = context.date
    return {
        "resourceType": "Encounter",
        "identifier": [
            {
                "system": codes.visit_identifier_system(visit.client.clinic_id),
                "value": str(visit.pk),
            }
        ],
        "status": "finished" if visit.is_final else "in-progress",
        "class": {"system": codes.ACT_CODE, "code": codes.AMBULATORY},
        "subject": {"reference": context.patient},
        "participant": [{"individual": {"display": context.performer}}],
        "period": period,
        "serviceProvider": {"reference": organization},
    }


def _visit_entries(
    visit: Assessment, patient: str, organization: str, now: datetime.datetime
) -> Iterator[dict[str, Any]]:
    key = f"{visit.client.clinic_id}/visit/{visit.pk}"
    therapist = visit.therapist
    context = VisitContext(
        key=key,
        values=assessment_values(visit),
        patient=patient,
        encounter=urn(key),
        date=visit.visit_date.isoformat(),
        status="final" if visit.is_final else "preliminary",
        performer=therapist.get_full_name() or therapist.get_username(),
    )
    yield entry(context.encounter, _encounter(visit, context, organization))
    yield from observations(context)
    yield from procedures(context, treatment_given(visit))
    for version in plan_versions(visit):
        link: ProgramLink | None = getattr(version, "program_link", None)
        if link is not None:
            program = f"{visit.client.clinic_id}/program/{link.pk}"
            yield from program_observations(link, key=program, patient=patient, now=now)


def fhir_bundle(record: ClientRecord, *, exported_at: datetime.datetime) -> dict[str, Any]:
    """The record as a FHIR R4 Bundle of type "collection" (plain dicts, not yet checked)."""
    client = record.client
    organization = urn(client.clinic_id, "clinic")
    patient = urn(client.clinic_id, "client", client.pk)
    entries = [
        entry(patient, _patient(client, organization)),
        entry(organization, _organization(client)),
    ]
    for visit in record.visits:
        entries.extend(_visit_entries(visit, patient, organization, exported_at))
    context = FhirContext(client.clinic_id, patient, organization, record.visits, exported_at)
    for section in record_sections():
        entries.extend(section.fhir(record.sections[section.key], context))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": utc_timestamp(exported_at),
        "entry": entries,
    }


def fhir_bundle_json(bundle: dict[str, Any]) -> str:
    """The bundle as JSON text, after checking it against the FHIR R4 resource models.

    Raises pydantic's ValidationError if the mapping ever produced an invalid resource:
    a bug to fix, never a file to hand out.
    """
    Bundle.model_validate(bundle)
    return json.dumps(bundle, indent=2, ensure_ascii=False)
