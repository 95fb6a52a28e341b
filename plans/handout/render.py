"""Rendering the handout PDF with WeasyPrint, and the cache that makes it happen once.

`handout_pdf_get` returns the stored PDF for a version's current inputs (see
`plans.handout.stamp`), rendering only on a miss. `RENDERS.count` counts renders in
this process so tests and the benchmark can prove a cached request rendered nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from django.db import DatabaseError
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from clinic.models import PaperSize
from plans.handout.context import (
    PAGE_SIZES,
    TEMPLATE,
    Progress,
    handout_context,
    handout_version_full,
)
from plans.handout.fetcher import BASE_URL, STATIC_PREFIX, HandoutFetcher
from plans.handout.progress import handout_progress_specs
from plans.handout.stamp import HandoutStamp, handout_key
from plans.models import HandoutPDF, PlanVersion

logger = logging.getLogger(__name__)

# PDF/UA-1: tagged PDF (headings, lists, reading order) for screen readers; it works with
# our content (docs/handout.md).
PDF_VARIANT = "pdf/ua-1"
STYLESHEET = "plans/handout.css"


@dataclass
class RenderCounter:
    count: int = 0
    last_requested: list[str] = field(default_factory=list)


RENDERS = RenderCounter()


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    requested: tuple[str, ...]  # every URL WeasyPrint asked the fetcher for


@cache
def handout_stylesheets(page_size: str) -> tuple[CSS, ...]:
    """The handout stylesheet and the page size, parsed once per process and paper size.

    Static files do not change while a process runs (a deploy restarts it), and WeasyPrint
    CSS objects are read-only once parsed, so every render shares them.
    """
    fetcher = HandoutFetcher()
    return (
        CSS(url=STATIC_PREFIX + STYLESHEET, url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {page_size}; }}", base_url=BASE_URL, url_fetcher=fetcher),
    )


def handout_html(version: PlanVersion, *, for_pdf: bool, progress: Progress = None) -> str:
    """The handout document as HTML (the PDF's source, or the browser preview)."""
    context = handout_context(version, for_pdf=for_pdf, progress=progress)
    return render_to_string(TEMPLATE, context)


def handout_render(version: PlanVersion, progress: Progress = None) -> Rendered:
    """Render the PDF now (no cache). Resources come only through HandoutFetcher."""
    clinic = version.plan.assessment.client.clinic
    fetcher = HandoutFetcher(
        logo=bytes(clinic.logo or b""), logo_content_type=clinic.logo_content_type
    )
    document = HTML(
        string=handout_html(version, for_pdf=True, progress=progress),
        base_url=BASE_URL,
        url_fetcher=fetcher,
    ).render(
        stylesheets=handout_stylesheets(PAGE_SIZES.get(PaperSize(clinic.paper_size), "A4")),
        pdf_variant=PDF_VARIANT,
    )
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    RENDERS.count += 1
    RENDERS.last_requested = list(fetcher.requested)
    return Rendered(pdf=pdf, pages=len(document.pages), requested=tuple(fetcher.requested))


class HandoutRenderError(Exception):
    """The PDF could not be made. Nothing was stored, and the plan is unchanged."""


def handout_render_checked(version: PlanVersion, progress: Progress = None) -> Rendered:
    """`handout_render`; a failure of the render is logged and raised as HandoutRenderError.

    Views turn it into a clear message (the handout could not be made; the plan is saved).
    Database errors pass through unchanged: they are the database's, not the render's,
    and get the 503 "try again" page (clinic.middleware.faults).
    """
    try:
        return handout_render(version, progress)
    except DatabaseError:
        raise
    except Exception as error:
        logger.exception("The handout for plan version %s could not be rendered", version.pk)
        raise HandoutRenderError(f"Plan version {version.pk}: render failed") from error


@dataclass(frozen=True)
class HandoutFile:
    pdf: bytes
    pages: int


def handout_pdf_get(stamp: HandoutStamp, version: PlanVersion | None = None) -> HandoutFile:
    """The PDF for the version's current inputs: the stored copy, or rendered and stored.

    `version`: the stamp's version, if the caller has read it already (handout_version_get);
    else it is read when needed. The progress page (`stamp.with_progress`) needs it, and
    two more queries for the visits' values it charts. Side effects on a miss: one render,
    which replaces the version's stored PDF of the same kind (its inputs changed, so no
    request asks for it again).
    """
    progress = None
    if stamp.with_progress:
        version = version or handout_version_full(stamp.version_id)
        progress = handout_progress_specs(version)
    key = handout_key(stamp, progress)
    if stamp.cached_key == key and stamp.cached_pdf is not None and stamp.cached_pages:
        return HandoutFile(pdf=bytes(stamp.cached_pdf), pages=stamp.cached_pages)
    rendered = handout_render_checked(version or handout_version_full(stamp.version_id), progress)
    # One row per version and kind (a unique constraint): a concurrent render of the same
    # version updates the row the other created, and the last one stored wins; each request
    # serves the PDF of the inputs it read.
    HandoutPDF.objects.update_or_create(
        plan_version_id=stamp.version_id,
        with_progress=stamp.with_progress,
        defaults={"key": key, "pdf": rendered.pdf, "pages": rendered.pages},
    )
    return HandoutFile(pdf=rendered.pdf, pages=rendered.pages)
