"""Cross-field problems in the outcome measures, for the form, the services and the import.

Each problem is keyed by the (item code, side) its message belongs next to.
"""

from assessments.outcomes.numbers import decimal, fmt, round1
from assessments.outcomes.oswestry import odi_exact
from assessments.outcomes.psfs import PSFS_ACTIVITIES
from assessments.outcomes.startback import startback_from_answers
from assessments.values import AssessmentValues, Key

# An entered ODI total may differ from the sections by rounding on the paper form; more
# than 1 percentage point is reported (a tolerance for rounding, not a clinical value).
ODI_TOTAL_TOLERANCE = 1


def _startback(values: AssessmentValues) -> dict[Key, str]:
    problems: dict[Key, str] = {}
    total = values.number("startback_total")
    typed = values.number("startback_distress")
    if total is not None and typed is not None and typed > total:
        problems[("startback_distress", "")] = (
            f"The STarT Back psychosocial subscale ({fmt(typed)}) cannot be higher than the "
            f"total ({fmt(total)}), because its items are part of the total."
        )
    answered = startback_from_answers(values)
    if answered is None or answered.total is None or answered.psychosocial is None:
        return problems
    if total is not None and total != answered.total:
        problems[("startback_total", "")] = (
            f"The STarT Back total from your form ({fmt(total)}) does not match the nine "
            f"answers entered, which give {answered.total}."
        )
    key = ("startback_distress", "")
    if typed is not None and typed != answered.psychosocial and key not in problems:
        problems[key] = (
            f"The STarT Back psychosocial subscale from your form ({fmt(typed)}) does not "
            f"match answers 5-9, which give {answered.psychosocial}."
        )
    return problems


def _odi(values: AssessmentValues) -> dict[Key, str]:
    computed = odi_exact(values)
    entered = decimal(values, "odi_percent")
    if computed is None or entered is None:
        return {}
    percent, answered = computed
    if abs(entered - percent) <= ODI_TOTAL_TOLERANCE:
        return {}
    return {
        ("odi_percent", ""): (
            f"The ODI total ({fmt(entered)}%) does not match the {answered} section scores "
            f"entered, which give {fmt(round1(percent))}%."
        )
    }


def outcome_problems(values: AssessmentValues) -> dict[Key, str]:
    """Cross-field problems, keyed by the (item code, side) the message belongs next to."""
    problems = {**_startback(values), **_odi(values)}
    for n in PSFS_ACTIVITIES:
        if (
            values.number(f"psfs_score_{n}") is not None
            and not values.text(f"psfs_activity_{n}").strip()
        ):
            problems[(f"psfs_activity_{n}", "")] = f"Name the activity that PSFS score {n} is for."
    return problems
