"""Server time of the client list against a trivial logged-in page, in one run.

Run with `make bench`. Reports; asserts only that the pages answered.
"""

import statistics

from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import Clinic
from tests.bench.timing import summary, timings
from tests.factories import ClientFactory


def test_bench_client_list_against_trivial_page(as_therapist: HttpClient, clinic: Clinic) -> None:
    ClientFactory.create_batch(200, clinic=clinic)
    list_url, trivial_url = reverse("client_list"), reverse("password_change_done")
    assert as_therapist.get(list_url).status_code == 200
    assert as_therapist.get(trivial_url).status_code == 200

    floor = timings(lambda: as_therapist.get(trivial_url), repeat=200)
    listing = timings(lambda: as_therapist.get(list_url), repeat=200)
    search = timings(lambda: as_therapist.get(list_url, {"q": "an"}), repeat=200)

    ratio = statistics.median(listing) / statistics.median(floor)
    print(f"\ntrivial logged-in page: {summary(floor)}")
    print(f"client list (200 clients, page of 25): {summary(listing)}  ratio {ratio:.2f}x")
    ratio = statistics.median(search) / statistics.median(floor)
    print(f"client search 'an': {summary(search)}  ratio {ratio:.2f}x")
