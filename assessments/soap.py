"""The visit note in SOAP order (docs/assessment.md "The visit page"): which catalogue
sections the client tells (Subjective) and which the therapist examines (Objective). The
Assessment is the findings; the Plan is the home program and the treatment given, which
the apps built on this one add (settings.VISIT_PAGE_SECTIONS).

The body chart is drawn with "Pain and history", in the Subjective: where it hurts is what
the client reports, as physiotherapy's subjective examination records it.
"""

from collections.abc import Sequence

from assessments.presenters import SectionView

# The client's account: pain and history (with the body chart), the red-flag questions,
# history, activity and sleep, and the questionnaires. Every other section is examination.
SUBJECTIVE_SECTIONS = frozenset({"subjective", "red_flags", "history", "outcomes"})


def split_soap(sections: Sequence[SectionView]) -> tuple[list[SectionView], list[SectionView]]:
    """The sections in their catalogue order, as (subjective, objective)."""
    subjective = [sv for sv in sections if sv.section.code in SUBJECTIVE_SECTIONS]
    objective = [sv for sv in sections if sv.section.code not in SUBJECTIVE_SECTIONS]
    return subjective, objective
