"""Handout PDF: cold render against WeasyPrint's floor, cached download against a trivial page.

Run with `make bench`. Reports numbers (docs/handout.md); asserts only correctness.
"""

import resource
import statistics
import tracemalloc

from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from weasyprint import HTML

from assessments.models import Assessment
from plans.handout import handout_version_get
from plans.handout_fetcher import BASE_URL, HandoutFetcher
from plans.handout_render import RENDERS, handout_render
from plans.library import Kind
from tests.bench.timing import summary, timings
from tests.plans.handout_helpers import issue, pages_text

HOME = {Kind.STRETCH, Kind.STRENGTHEN, Kind.MOBILITY, Kind.MOTOR_CONTROL}


def _floor() -> bytes:
    html = "<html lang='en'><p style='font-family: DejaVu Sans'>One line.</p></html>"
    return HTML(string=html, base_url=BASE_URL, url_fetcher=HandoutFetcher()).write_pdf()


def test_bench_handout_render_and_download(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    loaded = handout_version_get(therapist, version.pk)
    exercises = [item for item in loaded.items.all() if item.kind in HOME]
    assert len(exercises) == 6
    assert all(item.content.get("illustration") for item in exercises)
    pages = len(pages_text(handout_render(loaded).pdf))

    floor = timings(_floor, repeat=30)
    cold = timings(lambda: handout_render(loaded), repeat=30)
    ratio = statistics.median(cold) / statistics.median(floor)
    print(f"\nWeasyPrint one-line document (floor): {summary(floor)}")
    print(f"handout cold render ({len(exercises)} exercises, {pages} pages): {summary(cold)}")
    print(f"  ratio to floor: {ratio:.2f}x (goal <= 4x)")

    url, trivial = reverse("handout_pdf", args=[version.pk]), reverse("password_change_done")
    assert as_therapist.get(url).content.startswith(b"%PDF-")
    renders = RENDERS.count
    page_times = timings(lambda: as_therapist.get(trivial), repeat=200)
    cached = timings(lambda: as_therapist.get(url), repeat=200)
    assert RENDERS.count == renders  # every download came from the cache
    ratio = statistics.median(cached) / statistics.median(page_times)
    print(f"trivial logged-in page: {summary(page_times)}")
    print(f"cached handout download: {summary(cached)}  ratio {ratio:.2f}x (goal <= 1.5x)")

    tracemalloc.start()
    handout_render(loaded)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak Python memory of one render: {peak / 2**20:.1f} MiB (process max RSS {rss:.0f} MiB)"
    )
