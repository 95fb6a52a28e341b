"""Rendering the handout PDF with WeasyPrint, and the cache that makes it happen once.

`handout_pdf_get` returns the cached PDF for a version's current inputs (see
`plans.handout.handout_key`), rendering only on a miss. `RENDERS.count` counts renders in
this process so tests and the benchmark can prove a cached request rendered nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from clinic.models import PaperSize
from plans.handout import PAGE_SIZES, TEMPLATE, handout_context, handout_key
from plans.handout_fetcher import BASE_URL, STATIC_PREFIX, HandoutFetcher
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


def handout_html(version: PlanVersion, *, for_pdf: bool) -> str:
    """The handout document as HTML (the PDF's source, or the browser preview)."""
    return render_to_string(TEMPLATE, handout_context(version, for_pdf=for_pdf))


def handout_render(version: PlanVersion) -> Rendered:
    """Render the PDF now (no cache). Resources come only through HandoutFetcher."""
    clinic = version.plan.assessment.client.clinic
    fetcher = HandoutFetcher(
        logo=bytes(clinic.logo or b""), logo_content_type=clinic.logo_content_type
    )
    document = HTML(
        string=handout_html(version, for_pdf=True), base_url=BASE_URL, url_fetcher=fetcher
    ).render(
        stylesheets=handout_stylesheets(PAGE_SIZES.get(PaperSize(clinic.paper_size), "A4")),
        pdf_variant=PDF_VARIANT,
    )
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    RENDERS.count += 1
    RENDERS.last_requested = list(fetcher.requested)
    return Rendered(pdf=pdf, pages=len(document.pages), requested=tuple(fetcher.requested))


def handout_pdf_get(version: PlanVersion) -> HandoutPDF:
    """The PDF for the version's current inputs: from the cache, or rendered and stored.

    Side effects on a miss: one render; the new row replaces the version's older ones
    (their inputs changed, so no request can ask for them again).
    """
    key = handout_key(version)
    cached = HandoutPDF.objects.filter(key=key).order_by("pk").first()  # no join to sort
    if cached is not None:
        return cached
    rendered = handout_render(version)
    try:
        with transaction.atomic():
            HandoutPDF.objects.filter(plan_version=version).delete()
            return HandoutPDF.objects.create(
                plan_version=version, key=key, pdf=rendered.pdf, pages=rendered.pages
            )
    except IntegrityError:
        # Another request rendered the same inputs at the same moment: use theirs.
        logger.info("Handout %s rendered concurrently; using the stored copy", key[:12])
        return HandoutPDF.objects.get(key=key)
