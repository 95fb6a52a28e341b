"""Demo treatments: structured rows for the demo visits with hands-on work, as their notes
describe it (visits about exercises or a referral only have none).

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

RIVERSIDE, NORTHGATE = DEMO_CLINICS[0].name, DEMO_CLINICS[1].name
NONE = dict.fromkeys(CODES, "no")
row = RowInput  # technique, where, side, minutes, pressure, position, pain before, after, note

# The tables are laid out by hand, one visit per block.
# fmt: off

# (clinic, given name, family name, visit date) -> (precaution answers, rows). Alex is a
# physiotherapist, Sam a massage therapist, Jordan (Northgate) a sports therapist: each
# row is a technique their profession is offered, as the visit's notes describe it.
DEMO_TREATMENTS: dict[tuple[str, str, str, str], tuple[dict[str, str], tuple[RowInput, ...]]] = {
    # Priya: hip flexors and lumbar paraspinals released; later deep tissue with Sam.
    (RIVERSIDE, "Priya", "Sharma", "2026-08-04"): (NONE, (
        row("myofascial-release", "iliopsoas", "both", 8, "moderate", "supine", 5, 4,
            "Thomas hip angle 12° → 9° (left)"),
        row("swedish-massage", "back_extensors", "both", 10, "moderate", "prone", 5, 4),
    )),
    (RIVERSIDE, "Priya", "Sharma", "2026-08-25"): (NONE, (
        row("myofascial-release", "iliopsoas", "both", 8, "moderate", "supine", 4, 3),
        row("muscle-energy-technique", "quadriceps", "both", 5, "", "prone", 4, 3,
            "rectus femoris: heel to buttock closer"),
    )),
    (RIVERSIDE, "Priya", "Sharma", "2026-09-22"): (NONE, (
        row("deep-tissue-massage", "back_extensors", "both", 15, "firm", "prone", 2, 1),
        row("deep-tissue-massage", "glute_max", "both", 10, "firm", "prone", 2, 1),
    )),
    # Thomas: hamstring and gluteal soft tissue work before the stretches.
    (RIVERSIDE, "Thomas", "Becker", "2026-07-14"): (NONE, (
        row("swedish-massage", "hamstrings", "both", 10, "moderate", "prone", 6, 5),
        row("deep-tissue-massage", "glute_max", "both", 10, "firm", "prone", 6, 5),
        row("passive-stretching", "hamstrings", "both", 5, "", "supine", 6, 5,
            "SLR 58° → 63° (left)"),
    )),
    (RIVERSIDE, "Thomas", "Becker", "2026-08-11"): (NONE, (
        row("deep-tissue-massage", "hamstrings", "both", 12, "firm", "prone", 4, 3),
        row("passive-stretching", "hamstrings", "both", 5, "", "supine", 4, 3,
            "AKE deficit 30° → 26° (left)"),
    )),
    # Aisha: right TFL and gluteal massage, then the trigger point; TFL release with Sam.
    (RIVERSIDE, "Aisha", "Bello", "2026-06-16"): (NONE, (
        row("swedish-massage", "tfl_itb", "right", 8, "moderate", "side_lying", 3, 2),
        row("trigger-point-compression", "glute_med", "right", 5, "firm", "side_lying", 3, 2,
            "familiar lateral hip ache eased"),
    )),
    (RIVERSIDE, "Aisha", "Bello", "2026-08-04"): (NONE, (
        row("myofascial-release", "tfl_itb", "right", 10, "moderate", "side_lying", 1, 0),
        row("foam-roller-instruction", "tfl_itb", "right", 5, "", "side_lying", 1, 0),
    )),
    # Sam, a massage therapist: trigger points in the right piriformis.
    (RIVERSIDE, "Daniel", "Kowalski", "2026-07-21"): (NONE, (
        row("swedish-massage", "buttock", "right", 8, "moderate", "prone", 5, 4, "warm-up"),
        row("trigger-point-compression", "piriformis", "right", 10, "firm", "prone", 5, 3,
            "hip IR 24° → 29°"),
    )),
    (RIVERSIDE, "Daniel", "Kowalski", "2026-08-11"): (NONE, (
        row("myofascial-release", "piriformis", "right", 12, "moderate", "side_lying", 3, 2),
        row("passive-stretching", "piriformis", "right", 5, "", "supine", 3, 2),
    )),
    # Her issued handout says "What we did today".
    (RIVERSIDE, "Grace", "Adeyemi", "2026-05-12"): (NONE, (
        row("swedish-massage", "adductors", "left", 10, "moderate", "supine", 3, 2),
        row("deep-tissue-massage", "glute_med", "left", 8, "firm", "side_lying", 3, 2,
            "single-leg squat: knee stays out"),
    )),
    (RIVERSIDE, "Mei", "Chen", "2026-09-29"): (NONE, (
        row("swedish-massage", "lower_back", "both", 15, "moderate", "prone", 2, 1),
        row("swedish-massage", "quadratus_lumborum", "left", 10, "moderate", "side_lying", 2, 1),
        row("swedish-massage", "glute_med", "left", 5, "moderate", "side_lying"),
    )),
    (RIVERSIDE, "Mei", "Chen", "2026-10-20"): (NONE, (
        row("swedish-massage", "lower_back", "both", 20, "moderate", "prone", 1, 0),
        row("swedish-massage", "glute_med", "left", 10, "moderate", "side_lying"),
    )),
    # Alex, a physiotherapist: osteoporosis, so gentle work only (no reason needed).
    (RIVERSIDE, "Margaret", "O'Neill", "2026-08-18"): ({**NONE, "osteoporosis": YES}, (
        row("swedish-massage", "back_extensors", "both", 10, "light", "side_lying", 4, 3),
        row("swedish-massage", "glute_max", "both", 5, "light", "side_lying"),
    )),
    (RIVERSIDE, "Margaret", "O'Neill", "2026-09-15"): ({**NONE, "osteoporosis": YES}, (
        row("swedish-massage", "back_extensors", "both", 12, "light", "side_lying", 3, 2),
        row("heat-application", "lower_back", "both", 10, "", "side_lying", 3, 2),
    )),
    # Rafael: quadriceps, hip flexors and TFL; then rectus femoris and TFL release.
    (RIVERSIDE, "Rafael", "Ortega", "2026-08-25"): (NONE, (
        row("swedish-massage", "quadriceps", "both", 10, "moderate", "supine", 5, 4),
        row("myofascial-release", "iliopsoas", "both", 6, "moderate", "supine", 5, 4),
        row("myofascial-release", "tfl_itb", "right", 8, "moderate", "side_lying", 5, 4,
            "Ober: still positive on the right"),
    )),
    (RIVERSIDE, "Rafael", "Ortega", "2026-09-29"): (NONE, (
        row("muscle-energy-technique", "quadriceps", "both", 6, "", "prone", 3, 2,
            "Thomas knee angle 55° → 60° (right)"),
        row("myofascial-release", "tfl_itb", "right", 8, "moderate", "side_lying", 3, 2),
    )),
    # Jordan, a sports therapist: hip flexor release.
    (NORTHGATE, "Oliver", "Hughes", "2026-09-01"): (NONE, (
        row("myofascial-release", "iliopsoas", "both", 8, "moderate", "supine", 4, 3,
            "Thomas hip angle 6° → 3° (left)"),
        row("swedish-massage", "quadriceps", "both", 8, "moderate", "supine", 4, 3),
    )),
}

# fmt: on


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
