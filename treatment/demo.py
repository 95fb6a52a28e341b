"""Demo treatments: structured rows for some demo visits, as their notes describe them.

Idempotent: a visit that already has a treatment record is left alone. Loaded after the
visits (assessments) and before the plans, so the issued handouts show "What we did today".
"""

import datetime

from django.db import transaction

from assessments.models import Assessment
from clinic.demo import DEMO_CLINICS
from treatment.checks import RowInput
from treatment.models import TreatmentRecord
from treatment.precautions import CODES, YES
from treatment.services import treatment_save

RIVERSIDE = DEMO_CLINICS[0].name
NONE = dict.fromkeys(CODES, "no")

# (clinic, given name, family name, visit date) -> (precaution answers, rows)
DEMO_TREATMENTS: dict[tuple[str, str, str, str], tuple[dict[str, str], tuple[RowInput, ...]]] = {
    # Sam, a massage therapist: trigger points in the right piriformis.
    (RIVERSIDE, "Daniel", "Kowalski", "2026-07-21"): (
        NONE,
        (
            RowInput(
                "swedish-massage",
                "buttock",
                "right",
                8,
                "moderate",
                "prone",
                5,
                4,
                "warm-up",
            ),
            RowInput(
                "trigger-point-compression",
                "piriformis",
                "right",
                10,
                "firm",
                "prone",
                5,
                3,
                "hip IR 24° → 29°",
            ),
        ),
    ),
    (RIVERSIDE, "Daniel", "Kowalski", "2026-08-11"): (
        NONE,
        (
            RowInput(
                "myofascial-release", "piriformis", "right", 12, "moderate", "side_lying", 3, 2
            ),
            RowInput("passive-stretching", "piriformis", "right", 5, "", "supine", 3, 2),
        ),
    ),
    # Her issued handout says "What we did today".
    (RIVERSIDE, "Grace", "Adeyemi", "2026-05-12"): (
        NONE,
        (
            RowInput("swedish-massage", "adductors", "left", 10, "moderate", "supine", 3, 2),
            RowInput(
                "deep-tissue-massage",
                "glute_med",
                "left",
                8,
                "firm",
                "side_lying",
                3,
                2,
                "single-leg squat: knee stays out",
            ),
        ),
    ),
    (RIVERSIDE, "Mei", "Chen", "2026-10-20"): (
        NONE,
        (
            RowInput("swedish-massage", "lower_back", "both", 20, "moderate", "prone", 1, 0),
            RowInput("swedish-massage", "glute_med", "left", 10, "moderate", "side_lying"),
        ),
    ),
    # Alex, a physiotherapist: osteoporosis, so gentle work only (no reason needed).
    (RIVERSIDE, "Margaret", "O'Neill", "2026-08-18"): (
        {**NONE, "osteoporosis": YES},
        (
            RowInput("swedish-massage", "back_extensors", "both", 10, "light", "side_lying", 4, 3),
            RowInput("swedish-massage", "glute_max", "both", 5, "light", "side_lying"),
        ),
    ),
}


@transaction.atomic
def load_demo() -> str:
    """Record the demo treatments on the demo visits that have none yet.

    Side effects: those of treatment_save (audit entries).
    """
    created = 0
    for (clinic, given, family, on), (answers, rows) in DEMO_TREATMENTS.items():
        visit = (
            Assessment.objects.filter(
                client__clinic__name=clinic,
                client__given_name=given,
                client__family_name=family,
                visit_date=datetime.date.fromisoformat(on),
            )
            .select_related("client", "therapist__membership")
            .first()
        )
        if visit is None or TreatmentRecord.objects.filter(assessment=visit).exists():
            continue
        treatment_save(
            actor=visit.therapist,
            assessment=visit,
            expected_version=0,
            precautions=answers,
            rows=rows,
            on_final=True,
        )
        created += 1
    return f"{created} treatments recorded (existing kept)"
