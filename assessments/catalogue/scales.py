"""Answer scales shared by many catalogue items (yes/no, positive/negative, Oxford grades).

Pure data; re-exported by `assessments.catalogue.items`, which is where other modules import them.
"""

# First letters differ within each scale (and from the form's "— not tested"), so one typed
# letter picks an answer in the browser's own drop-down search.
YES_NO = (("yes", "Yes"), ("no", "No"))
POS_NEG = (("positive", "Positive"), ("negative", "Negative"))
PAIN_SIDE = (("left", "Left"), ("right", "Right"), ("both", "Both sides"))


def _grade(code: str, meaning: str) -> tuple[str, str]:
    """The code and its label: the code, an en dash, what the grade means."""
    return code, f"{code} \u2013 {meaning}"


# Oxford / MRC scale 0-5 with - and + steps (docs/clinical.md "Strength"), weakest first,
# each meaning in a few words, so a closed drop-down shows the whole label on a phone:
# 0, 1, 2, 3-, 3, 3+, 4-, 4, 4+, 5-, 5. Each label starts with its code; the page's
# static/js/select-keys.js picks a grade by its typed code ("4" is 4, "4+" is 4+), which the
# browser's own first-letter search cannot do when 4- comes before 4.
# 2- and 2+ were offered before the scale followed its source: records keep them, and they
# stay valid in storage, imports and comparisons, but new entries are not offered them
# (OXFORD_RETIRED; assessments/forms.py).
OXFORD = (
    _grade("0", "no contraction"),
    _grade("1", "flicker only"),
    _grade("2-", "older grade"),
    _grade("2", "gravity eliminated"),
    _grade("2+", "older grade"),
    _grade("3-", "not full range"),
    _grade("3", "against gravity"),
    _grade("3+", "holds briefly"),
    _grade("4-", "slight resistance"),
    _grade("4", "moderate resistance"),
    _grade("4+", "strong resistance"),
    _grade("5-", "near normal"),
    _grade("5", "normal"),
)
OXFORD_RETIRED = frozenset({"2-", "2+"})
OXFORD_SCORE = {"0": 0, "1": 1, "2-": 1.67, "2": 2, "2+": 2.33, "3-": 2.67, "3": 3, "3+": 3.33,
                "4-": 3.67, "4": 4, "4+": 4.33, "5-": 4.67, "5": 5}  # fmt: skip
# Palpation (docs/clinical.md "Palpation"): tone; tenderness graded 0-3 (a common 4-point
# grading, source unconfirmed), each label starting with its grade; trigger point absent,
# present, or reproducing the client's familiar pain. First letters differ within each scale;
# labels are short enough to show whole in a closed drop-down on a tablet.
TONE = (("decreased", "Decreased"), ("normal", "Normal"), ("increased", "Increased"))
TENDERNESS = (
    _grade("0", "none"),
    _grade("1", "mild"),
    _grade("2", "moderate, winces"),
    _grade("3", "severe, withdraws"),
)
TRIGGER_POINT = (
    ("absent", "Absent"),
    ("present", "Present"),
    ("familiar", "Familiar pain"),  # present and reproducing the client's familiar pain
)
# STarT Back answers (docs/clinical.md "Outcome measures"): items 1-8 agree or disagree; item 9
# (bothersomeness) one of five, of which only the last two score a point.
AGREE_DISAGREE = (("agree", "Agree"), ("disagree", "Disagree"))
BOTHERSOME = (
    ("not_at_all", "Not at all"),
    ("slightly", "Slightly"),
    ("moderately", "Moderately"),
    ("very_much", "Very much"),
    ("extremely", "Extremely"),
)
# Functional screens (docs/clinical.md "Functional screens"): how the client did the movement.
# Our sources give no published norm for these screens, so they are read qualitatively:
# normal, done with a compensation, or not done. First letters differ (n, c, u).
FUNCTION_QUALITY = (
    ("normal", "Normal"),
    ("compensates", "Compensates"),
    ("unable", "Unable"),
)
