"""Shared helpers for the handout tests: issued versions and PDF text."""

import io

from django.contrib.auth.models import User
from pypdf import PdfReader

from assessments.models import Assessment
from plans.handout.render import handout_render
from plans.handout.rendering import snapshot_of
from plans.models import PlanVersion
from plans.services import plan_build, plan_issue


def issue(therapist: User, assessment: Assessment, override_reason: str = "") -> PlanVersion:
    version = plan_build(actor=therapist, assessment=assessment)
    version.refresh_from_db()
    if not version.items.exists():  # a red-flag visit suggests nothing: add one exercise
        from plans.services import plan_item_add

        plan_item_add(
            actor=therapist, version=version, expected_lock=version.lock, slug="glute-bridge"
        )
        version.refresh_from_db()
    return plan_issue(
        actor=therapist,
        version=version,
        expected_lock=version.lock,
        override_reason=override_reason,
    )


# With one place per slot the typical visit suggests four exercises; a therapist adds two
# (a trunk exercise and a buttock stretch) for the six-exercise program the handout and its
# benchmark are judged by.
SIX_EXTRA = ("bird-dog", "figure-four-stretch")


def issue_six(therapist: User, assessment: Assessment) -> PlanVersion:
    """The typical visit's plan with two exercises added (six in all), issued."""
    from plans.services import plan_item_add

    version = plan_build(actor=therapist, assessment=assessment)
    for slug in SIX_EXTRA:
        version.refresh_from_db()
        plan_item_add(actor=therapist, version=version, expected_lock=version.lock, slug=slug)
    version.refresh_from_db()
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


def flat(text: str) -> str:
    """Text with every run of whitespace made one space (PDF text wraps lines)."""
    return " ".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [flat(page.extract_text() or "") for page in reader.pages]


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def render_pdf(version: PlanVersion, *, with_progress: bool = False) -> bytes:
    """The version's handout rendered now from its snapshot (nothing stored)."""
    return handout_render(snapshot_of(version.pk), with_progress=with_progress).pdf
