"""Rendering an issued version's handout PDF with WeasyPrint, from its snapshot.

`RENDERS.count` counts renders in this process, so tests and the benchmark can prove a
download rendered nothing. Storing the result, once per version and kind, is
`plans.handout.rendering.handout_pdf_ensure`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from plans.handout.context import TEMPLATE, handout_context, page_size
from plans.handout.fetcher import BASE_URL, PROGRAM_QR_URL, STATIC_PREFIX, HandoutFetcher
from plans.handout.figures import handout_figures
from plans.models import HandoutSnapshot
from plans.program.qr import qr_svg

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
def handout_stylesheets(size: str) -> tuple[CSS, ...]:
    """The handout stylesheet and the page size, parsed once per process and paper size.

    Static files do not change while a process runs (a deploy restarts it), and WeasyPrint
    CSS objects are read-only once parsed, so every render shares them.
    """
    fetcher = HandoutFetcher()
    return (
        CSS(url=STATIC_PREFIX + STYLESHEET, url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {size}; }}", base_url=BASE_URL, url_fetcher=fetcher),
    )


def handout_html(snapshot: HandoutSnapshot, *, for_pdf: bool, with_progress: bool) -> str:
    """The handout document as HTML (the PDF's source, or the browser preview)."""
    context = handout_context(snapshot, for_pdf=for_pdf, with_progress=with_progress)
    return render_to_string(TEMPLATE, context)


def handout_render(snapshot: HandoutSnapshot, *, with_progress: bool) -> Rendered:
    """Render the PDF now. Resources come only through HandoutFetcher."""
    context = handout_context(snapshot, for_pdf=True, with_progress=with_progress)
    figures = handout_figures(snapshot.content)
    if context["program"]:  # the program link's QR code, served like the figures
        figures[PROGRAM_QR_URL] = (qr_svg(context["program"]["url"]), "image/svg+xml")
    fetcher = HandoutFetcher(
        logo=bytes(snapshot.logo or b""),
        logo_content_type=snapshot.logo_content_type,
        figures=figures,
    )
    document = HTML(
        string=render_to_string(TEMPLATE, context),
        base_url=BASE_URL,
        url_fetcher=fetcher,
    ).render(stylesheets=handout_stylesheets(page_size(snapshot.content)), pdf_variant=PDF_VARIANT)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    RENDERS.count += 1
    RENDERS.last_requested = list(fetcher.requested)
    return Rendered(pdf=pdf, pages=len(document.pages), requested=tuple(fetcher.requested))
