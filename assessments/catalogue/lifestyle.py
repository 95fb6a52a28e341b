"""Catalogue section of the client's history, activity and sleep: hip arthritis, earlier
injuries, body weight, sport and training load, perceived stress, and how they sleep.

Part of `assessments.catalogue.items`, which orders the sections; import from there. Mostly
recorded for the therapist; what feeds a finding is in docs/findings.md (hip arthritis, a
hip-flexion sport, the sleeping position). Sources: docs/clinical.md "History, activity and
sleep".
"""

from assessments.catalogue.types import Item, Kind, Section, choice_item, score_item

HISTORY = Section(
    "history",
    "History, activity and sleep",
    (
        # The side is in the answer, so one drop-down serves both hips (n, l, r, b).
        choice_item(
            "hip_arthritis",
            "Hip arthritis diagnosed",
            (("no", "No"), ("left", "Left hip"), ("right", "Right hip"), ("both", "Both hips")),
        ),
        choice_item(
            "past_injury",
            "Earlier injury (back, hip or leg)",
            (
                ("none", "None"),
                ("fracture", "Fracture"),
                ("strain", "Muscle strain"),
                ("sprain", "Ligament sprain"),
                ("surgery", "Surgery"),
                ("other", "Other"),
            ),
        ),
        Item(
            "past_injury_note",
            "Earlier injury: where and when",
            Kind.TEXT,
            max_length=120,
        ),
        # Plausible adult bounds, an input check only; no rule uses weight (no BMI).
        Item(
            "body_weight",
            "Body weight",
            Kind.NUMBER,
            unit="kg",
            minimum=25,
            maximum=300,
            decimals=1,
        ),
        choice_item(
            "sport",
            "Main sport or training",
            (
                ("none", "None"),
                ("cycling", "Cycling"),
                ("running", "Running"),
                ("swimming", "Swimming"),
                ("yoga", "Yoga"),
                ("fitness", "General fitness"),
                ("other", "Other"),
            ),
        ),
        Item(
            "training_hours",
            "Training hours per week",
            Kind.NUMBER,
            unit="h",
            minimum=0,
            maximum=40,
            decimals=1,
        ),
        score_item(
            "stress_rating",
            "Perceived stress (0-10)",
            10,
            unit="/10",
            help="The client's own rating: 0 none, 10 the worst.",
        ),
        choice_item(
            "sleep_position",
            "Usual sleeping position",
            (
                ("side", "Side"),
                ("curled", "Curled, knees drawn up"),
                ("back", "Back"),
                ("front", "Front (stomach)"),
                ("varies", "Varies"),
            ),
        ),
        choice_item(
            "sleep_pillow",
            "Pillow for the legs at night",
            (("between", "Between the knees"), ("under", "Under the knees"), ("none", "None")),
        ),
        choice_item(
            "mattress",
            "Mattress",
            (
                ("firm", "Firm"),
                ("medium", "Medium"),
                ("soft", "Soft"),
                ("worn", "Worn or sagging"),
            ),
        ),
    ),
)
