"""Answer scales shared by many catalogue items (yes/no, positive/negative, Oxford grades).

Pure data; re-exported by `assessments.catalogue.items`, which is where other modules import them.
"""

YES_NO = (("yes", "Yes"), ("no", "No"))
POS_NEG = (("positive", "Positive"), ("negative", "Negative"))
PAIN_SIDE = (("left", "Left"), ("right", "Right"), ("both", "Both sides"))
# Oxford / MRC scale 0-5 with +/- (docs/clinical.md, Strength). Each whole grade comes before
# its minus and plus so typing "3" on the keyboard picks 3, and "3-" picks 3-.
OXFORD = (
    ("0", "0 none"),
    ("1", "1 flicker"),
    ("2", "2 gravity eliminated"),
    ("2-", "2-"),
    ("2+", "2+"),
    ("3", "3 against gravity"),
    ("3-", "3-"),
    ("3+", "3+"),
    ("4", "4 some resistance"),
    ("4-", "4-"),
    ("4+", "4+"),
    ("5", "5 normal"),
    ("5-", "5-"),
)
OXFORD_SCORE = {"0": 0, "1": 1, "2-": 1.67, "2": 2, "2+": 2.33, "3-": 2.67, "3": 3, "3+": 3.33,
                "4-": 3.67, "4": 4, "4+": 4.33, "5-": 4.67, "5": 5}  # fmt: skip
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
