"""Handout PDF: cold render against WeasyPrint's floor, cached download against a trivial page.

Run with `make bench`. Reports numbers (docs/handout.md); asserts only correctness.
"""

import resource
import statistics
import tracemalloc
from collections.abc import Callable
from html import escape

from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from weasyprint import HTML

from assessments.models import Assessment
from plans.handout.context import handout_version_get
from plans.handout.fetcher import BASE_URL, HandoutFetcher
from plans.handout.render import PDF_VARIANT, RENDERS, handout_render
from plans.library import Kind
from tests.bench.timing import interleaved, summary
from tests.plans.handout.helpers import issue, pages_text

PARTS = (1000, 2000, 4000)  # characters of the handout's text, set alone
HOME = {Kind.STRETCH, Kind.STRENGTHEN, Kind.MOBILITY, Kind.MOTOR_CONTROL}


def _floor() -> bytes:
    html = "<html lang='en'><p style='font-family: DejaVu Sans'>One line.</p></html>"
    return HTML(string=html, base_url=BASE_URL, url_fetcher=HandoutFetcher()).write_pdf()


def _words_only(text: str) -> Callable[[], bytes]:
    """The handout's words as one unstyled paragraph: what WeasyPrint needs to set the
    text alone, before any heading, list, border or picture (docs/handout.md)."""
    style = "font: 9.5pt DejaVu Sans"
    html = f"<html lang='en'><p style='{style}'>{escape(text)}</p></html>"

    def render() -> bytes:
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=HandoutFetcher())
        return document.write_pdf(pdf_variant=PDF_VARIANT)

    return render


def test_bench_handout_render_and_download(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    loaded = handout_version_get(therapist, version.pk)
    exercises = [item for item in loaded.items.all() if item.kind in HOME]
    assert len(exercises) == 6
    assert all(item.content.get("illustration") for item in exercises)
    page_texts = pages_text(handout_render(loaded).pdf)
    pages, text = len(page_texts), " ".join(page_texts)
    runs: dict[str, Callable[[], object]] = {
        "floor": _floor,
        "cold": lambda: handout_render(loaded),
        "words": _words_only(text),
    }
    for length in PARTS:  # the text's cost grows with its length
        runs[f"first {length}"] = _words_only(text[:length])
    samples = interleaved(runs, repeat=30)
    floor = statistics.median(samples["floor"])

    def ratio_of(name: str) -> str:
        return f"{summary(samples[name])}  ratio {statistics.median(samples[name]) / floor:.2f}x"

    print(f"\nWeasyPrint one-line document (floor): {summary(samples['floor'])}")
    print(f"handout cold render ({len(exercises)} exercises, {pages} pages): {ratio_of('cold')}")
    print("  goal: at most 4x the floor")
    print(
        f"the handout's {len(text.split())} words ({len(text)} characters) as one plain "
        f"paragraph: {ratio_of('words')}"
    )
    for length in PARTS:
        print(f"  its first {length} characters: {ratio_of(f'first {length}')}")

    url, trivial = reverse("handout_pdf", args=[version.pk]), reverse("password_change_done")
    assert as_therapist.get(url).content.startswith(b"%PDF-")
    renders = RENDERS.count
    pair = interleaved(
        {"trivial": lambda: as_therapist.get(trivial), "cached": lambda: as_therapist.get(url)},
        repeat=200,
    )
    assert RENDERS.count == renders  # every download came from the cache
    ratio = statistics.median(pair["cached"]) / statistics.median(pair["trivial"])
    print(f"trivial logged-in page: {summary(pair['trivial'])}")
    print(f"cached handout download: {summary(pair['cached'])}  ratio {ratio:.2f}x (goal <= 1.5x)")

    tracemalloc.start()
    handout_render(loaded)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak Python memory of one render: {peak / 2**20:.1f} MiB (process max RSS {rss:.0f} MiB)"
    )
