"""Reads for the full-record export: one client's whole record in a flat number of queries.

The export modules (`export_record`, `export_fhir`) take what this loads and run no
queries of their own, so the count does not grow with the number of visits or plans.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from assessments.models import Amendment, Assessment
from clinic.models import Client
from clinic.selectors import AnyUser, client_get
from plans.export.sections import record_sections
from plans.models import PlanVersion, ProgramAnswers
from treatment.models import TreatmentAmendment, TreatmentRecord


@dataclass(frozen=True)
class ClientRecord:
    """A client with every visit, oldest first.

    Each visit has its therapist, measurements, body-chart marks, amendments, treatment
    record with its rows and amendments (through `treatment_given`) and (through
    `plan_versions`) its plan's versions with their items, issuer and program link (with its
    ticks, days and answers) already loaded.
    """

    client: Client
    visits: tuple[Assessment, ...]
    # What each section of settings.CLIENT_RECORD_SECTIONS loaded, by its key.
    sections: dict[str, Any] = field(default_factory=dict)


def plan_versions(visit: Assessment) -> list[PlanVersion]:
    """The visit's plan versions, oldest first; [] for a visit without a plan (no query)."""
    plan = getattr(visit, "plan", None)
    return list(plan.versions.all()) if plan is not None else []


def treatment_given(visit: Assessment) -> TreatmentRecord | None:
    """The visit's treatment record (its rows loaded), or None (no query)."""
    return getattr(visit, "treatment", None)


def client_record_get(user: AnyUser, client_pk: int) -> ClientRecord:
    """The client of the user's clinic (another clinic's is a 404) with their whole record.

    Seven queries whatever the size of the record: the client (with clinic and consent
    recorder), the visits (with therapist, plan and treatment record), their measurements,
    their body-chart marks, their amendments (with who made them), the plans' versions
    (with issuer, the handout snapshot taken at issue, without its logo, and the program
    link) and the versions' items; two more, the treatment rows and the treatment's
    amendments, when a visit has a treatment record; three more, the links' ticks, days and
    the client's answers before a visit, when a version has a program link. Then each
    section's own (plans/export/sections.py): the episodes and, when there are any, their
    goals.
    """
    client = client_get(user, client_pk)
    versions = (
        PlanVersion.objects.select_related("issued_by", "snapshot", "program_link")
        .defer("snapshot__logo")
        .order_by("number")
    )
    answers = ProgramAnswers.objects.select_related("used_in").order_by("submitted_at", "pk")
    visits = (
        client.assessments.select_related("therapist", "plan", "treatment")
        .prefetch_related(
            "measurements",
            "chart_marks",
            "treatment__rows",
            Prefetch("plan__versions", queryset=versions),
            "plan__versions__items",
            "plan__versions__program_link__ticks",
            "plan__versions__program_link__days",
            Prefetch("plan__versions__program_link__answers", queryset=answers),
            Prefetch("amendments", queryset=Amendment.objects.select_related("made_by")),
            Prefetch(
                "treatment__amendments",
                queryset=TreatmentAmendment.objects.select_related("made_by"),
            ),
        )
        .order_by("visit_date", "pk")
    )
    sections = {section.key: section.load(client) for section in record_sections()}
    return ClientRecord(client=client, visits=tuple(visits), sections=sections)
