"""Every sentence a client reads is at Flesch-Kincaid grade 8 or lower.

One check over all of it: the library's steps, cautions, summaries and doses, the rules'
reasons, the referral messages, the findings' client sentences, the handout's focus lines
and warning signs, and the handout template's own words (a real render of a plan with
every kind of item, so a sentence added to the template is checked too). Names of muscles
a client needs are left out of the score (tests/plans/library/test_catalogue.py).
"""

import re
from html import unescape

import pytest
from django.contrib.auth.models import User

from assessments.findings.core import ALL_CODES, PALPATION_ORDER
from assessments.findings.text import FOCUS, client_text
from assessments.models import Assessment
from plans.handout.context import WARNING_SIGNS_SOON, WARNING_SIGNS_TODAY
from plans.handout.render import handout_html
from plans.handout.rendering import snapshot_of
from plans.library import LIBRARY
from plans.rules.engine import RULES
from plans.rules.referral import referral_for
from plans.services import plan_build, plan_issue, plan_message_update
from tests.plans.rules.helpers import MAX_GRADE, finding, grade
from treatment.checks import RowInput
from treatment.handout import AFTERCARE, PLAIN_PLACES, SORE_AFTER_FIRM, done_line
from treatment.models import TreatmentRow
from treatment.precautions import CODES
from treatment.services import treatment_save
from treatment.techniques import BY_CODE as TECHNIQUES

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a text that have enough words to score (five or more)."""
    parts = (part.strip() for part in SENTENCE_END.split(text))
    return [part for part in parts if len(part.split()) >= 5]


def _hard(texts: list[str]) -> list[tuple[float, str]]:
    found = {(round(grade(s), 1), s) for text in texts for s in sentences(text)}
    return sorted(pair for pair in found if pair[0] > MAX_GRADE)


def _library_texts() -> list[str]:
    return [
        text
        for entry in LIBRARY
        for text in (
            *entry.steps,
            entry.safety,
            entry.summary,
            entry.describe_dose(),
            entry.describe_dose(older=True),
        )
    ]


def _findings_texts() -> list[str]:
    return [
        client_text(code, side)
        for code in ALL_CODES
        if code not in PALPATION_ORDER  # therapist-only: no client sentence
        for side in ("left", "right", "both", "none")
    ]


def _treatment_texts() -> list[str]:
    """Every technique's "What we did today" line, at every place, and the aftercare."""
    lines = [
        done_line(TreatmentRow(technique=code, technique_name=t.name, region=place, side="left"))
        for code, t in TECHNIQUES.items()
        for place in PLAIN_PLACES
    ]
    return [*lines, SORE_AFTER_FIRM, *AFTERCARE]


def _referral_texts() -> list[str]:
    """Every level's client words: emergency, urgent and both routine reasons together."""
    groups = [
        [finding("red_flag_cauda_equina")],
        [finding("red_flag_cancer")],
        [finding("hip_joint_suspected"), finding("red_flag_cancer", severity="routine")],
    ]
    referrals = [referral_for(group) for group in groups]
    assert [r.urgency if r else "" for r in referrals] == ["emergency", "urgent", "routine"]
    return [text for r in referrals if r for text in (r.client_message, r.client_heading)]


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(_library_texts, id="library"),
        pytest.param(lambda: [rule.why for rule in RULES], id="rules"),
        pytest.param(_findings_texts, id="findings"),
        pytest.param(lambda: list(FOCUS.values()), id="focus"),
        pytest.param(lambda: [*WARNING_SIGNS_TODAY, *WARNING_SIGNS_SOON], id="warning signs"),
        pytest.param(_referral_texts, id="referral"),
        pytest.param(_treatment_texts, id="treatment given"),
    ],
)
def test_client_sentences_read_at_grade_8(texts: object) -> None:
    assert _hard(texts()) == []  # type: ignore[operator]


def test_handout_template_sentences_read_at_grade_8(therapist: User, typical: Assessment) -> None:
    # Firm work at the visit: "What we did today" and its aftercare show too.
    rows = [RowInput("deep-tissue-massage", "glute_max", "left", 10, "firm", "prone")]
    answers = dict.fromkeys(CODES, "no")
    treatment_save(
        actor=therapist,
        assessment=typical,
        expected_version=0,
        precautions=answers,
        rows=rows,
        on_final=True,
    )
    version = plan_build(actor=therapist, assessment=typical)
    kinds = set(version.items.values_list("kind", flat=True))
    assert {"stretch", "strengthen", "advice", "in_clinic"} <= kinds  # every part shows
    version = plan_message_update(
        actor=therapist, version=version, expected_lock=1, message="See you soon."
    )
    issued = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    html = handout_html(snapshot_of(issued), for_pdf=False, with_progress=False)
    body = html[html.index("<main") :]
    # Each heading, paragraph and list item is its own text; inline tags join words.
    blocks = re.sub(r"</(h[1-6]|p|li|dt|dd|div|section|article)>", "\n", body)
    lines = [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", line))).strip()
        for line in blocks.split("\n")
    ]
    assert "When to stop and get help" in lines  # the template's own words are in
    assert "What we did today" in lines
    assert "Deep massage: buttock, left side." in " ".join(lines)
    assert _hard(lines) == []


def test_grade_check_catches_a_hard_sentence() -> None:
    hard = (
        "Intervertebral discogenic symptomatology necessitates comprehensive multidisciplinary "
        "evaluation immediately."
    )
    assert _hard([hard, "Stand up and walk a little."]) == [(round(grade(hard), 1), hard)]
