"""Catalogue sections the client reports: pain and history, the red-flag screen and the
outcome questionnaires (what copy-forward carries of them: `items.ASKED_ANEW`).

Part of `assessments.catalogue.items`, which orders the sections; import from there.
"""

from assessments.catalogue.scales import AGREE_DISAGREE, BOTHERSOME, PAIN_SIDE, YES_NO
from assessments.catalogue.types import Item, Kind, Section, choice_item, score_item

# Red-flag screen (docs/clinical.md, "Red flags"): code, question, group.
RED_FLAGS = (
    ("rf_bladder_bowel", "New bladder or bowel disturbance", "cauda_equina"),
    ("rf_saddle_numbness", "Saddle or genital numbness", "cauda_equina"),
    ("rf_bilateral_leg", "Bilateral leg pain or progressive bilateral weakness", "cauda_equina"),
    ("rf_sexual_dysfunction", "New sexual dysfunction", "cauda_equina"),
    ("rf_cancer_history", "History of cancer", "cancer"),
    ("rf_weight_loss", "Unexplained weight loss", "cancer"),
    ("rf_age_new_pain", "Age over 50 (or under 20) with new back pain", "cancer"),
    ("rf_night_pain", "Persistent night pain", "cancer"),
    ("rf_no_improvement", "No improvement after a month", "cancer"),
    ("rf_fever", "Fever or chills", "infection"),
    ("rf_immunosuppression", "Immunosuppression", "infection"),
    ("rf_iv_drugs", "Intravenous drug use", "infection"),
    ("rf_recent_infection", "Recent infection", "infection"),
    ("rf_major_trauma", "Significant trauma", "fracture"),
    ("rf_minor_trauma_bone", "Minor trauma with osteoporosis or long-term steroids", "fracture"),
    ("rf_progressive_neuro", "Progressive weakness or numbness", "neurological"),
    ("rf_below_knee", "Pain radiating below the knee", "neurological"),
)
RED_FLAG_GROUP = {code: group for code, _, group in RED_FLAGS}

SUBJECTIVE = Section(
    "subjective",
    "Pain and history",
    (
        # NPRS 0-10 (docs/clinical.md, Pain and function; LOINC 72514-3).
        score_item("pain_now", "Pain now (NPRS)", 10, unit="/10"),
        score_item("pain_worst_24h", "Worst pain, last 24 hours (NPRS)", 10, unit="/10"),
        # The SOAP note's subjective: how the client has been since the last visit and what
        # the last treatment did (docs/assessment.md "The visit page"). Asked anew.
        choice_item(
            "since_last_visit",
            "Since the last visit",
            (("better", "Better"), ("same", "About the same"), ("worse", "Worse")),
        ),
        choice_item(
            "last_treatment_response",
            "After the last treatment",
            (
                ("helped", "Helped"),
                ("sore", "Sore 1-2 days, then better"),
                ("no_change", "No change"),
                ("worse", "Worse"),
            ),
        ),
        choice_item("pain_site_low_back", "Pain: low back", (*PAIN_SIDE, ("central", "Central"))),
        choice_item("pain_site_buttock", "Pain: buttock", PAIN_SIDE),
        choice_item("pain_site_groin", "Pain: groin", PAIN_SIDE),
        choice_item("pain_site_thigh", "Pain: thigh", PAIN_SIDE),
        choice_item("pain_site_below_knee", "Pain: below the knee", PAIN_SIDE),
        choice_item("agg_sitting", "Worse with sitting", YES_NO),
        choice_item("agg_standing", "Worse with standing", YES_NO),
        choice_item("agg_bending", "Worse with bending", YES_NO),
        choice_item("agg_walking", "Worse with walking", YES_NO),
        choice_item("agg_lying", "Worse with lying", YES_NO),
        # docs/clinical.md "The presentation": stiff after rest; hard to straighten up after
        # sitting (hip flexors shortened by sitting: our reading, unconfirmed).
        choice_item("stiff_after_rest", "Stiff after rest or inactivity", YES_NO),
        choice_item("straighten_after_sitting", "Hard to stand up straight after sitting", YES_NO),
        Item(
            "sitting_hours",
            "Hours sitting per day",
            Kind.NUMBER,
            unit="h",
            minimum=0,
            maximum=24,
            decimals=1,
        ),
        # docs/clinical.md "Flare-ups": a recent flare-up makes the cold advice suggestable.
        choice_item("flare_up", "Recent flare-up", YES_NO),
        Item(
            "flare_up_days",
            "Flare-up began (days ago)",
            Kind.NUMBER,
            unit="days",
            minimum=0,
            maximum=365,
        ),
    ),
)

RED_FLAG_SCREEN = Section(
    "red_flags",
    "Red-flag screen",
    tuple(choice_item(code, label, YES_NO) for code, label, _ in RED_FLAGS),
    carry_forward=False,
    intro="Ask every visit. A yes stops the home program until the client is referred.",
)

# Questionnaire topics (docs/clinical.md "Outcome measures"): names only, never the licensed
# wording. ODI sections 1-10 (Fairbank and Pynsent 2000); STarT Back items 1-9 by the construct
# each one asks about (Hill et al. 2008), 5-9 being the psychosocial subscale.
ODI_TOPICS = (
    "pain intensity", "personal care", "lifting", "walking", "sitting", "standing",
    "sleeping", "sex life", "social life", "travelling",
)  # fmt: skip
STARTBACK_TOPICS = (
    "leg pain", "shoulder or neck pain", "walking", "dressing", "fear of activity",
    "anxiety", "catastrophising", "low mood", "bothersomeness",
)  # fmt: skip

_STARTBACK_TYPED = "Only when the nine answers are not entered."

OUTCOMES = Section(
    "outcomes",
    "Outcome measures",
    tuple(
        item
        for n in range(1, 6)
        for item in (
            Item(f"psfs_activity_{n}", f"PSFS activity {n}", Kind.TEXT, max_length=120),
            score_item(f"psfs_score_{n}", f"PSFS activity {n} score", 10, unit="/10"),
        )
    )
    + tuple(
        score_item(f"odi_section_{n}", f"ODI {n}: {topic}", 5)
        for n, topic in enumerate(ODI_TOPICS, 1)
    )
    + (
        Item(
            "odi_percent",
            "ODI total (from your form)",
            Kind.NUMBER,
            unit="%",
            minimum=0,
            maximum=100,
            decimals=1,
            help="Only when the sections are not entered.",
        ),
    )
    + tuple(
        choice_item(
            f"startback_{n}",
            f"STarT Back {n}: {topic}",
            BOTHERSOME if n == len(STARTBACK_TOPICS) else AGREE_DISAGREE,
        )
        for n, topic in enumerate(STARTBACK_TOPICS, 1)
    )
    + (
        score_item(
            "startback_total", "STarT Back total (from your form)", 9, help=_STARTBACK_TYPED
        ),
        score_item(
            "startback_distress",
            "STarT Back psychosocial subscale (from your form)",
            5,
            help=_STARTBACK_TYPED,
        ),
        # docs/clinical.md "Outcome measures": Roland-Morris, 24 yes/no items, score = the
        # count of yes. Its wording's licence is unclear: the total only, from the clinic's form.
        score_item(
            "rmdq_score",
            "Roland-Morris total (from your form)",
            24,
            unit="/24",
            help="The number of yes answers, 0-24.",
        ),
    ),
    intro=(
        "Enter the answers from your clinic's licensed forms; questionnaire wording is not "
        "reproduced here (ODI, STarT Back and Roland-Morris licences). The scores are worked "
        "out as you go. Type a form's totals only when the answers are not entered."
    ),
)
