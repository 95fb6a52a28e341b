"""Shared by the scale and load benchmarks: the network size and the client they look at."""

import os

from clinic.models import Client

# HIPPLAN_BENCH_SCALE=0.1 seeds a tenth of the benchmark networks, for a quick run.
SCALE = float(os.environ.get("HIPPLAN_BENCH_SCALE", "1"))
SITE = "(site 001)"


def probe_client() -> Client:
    """Site 001's first client with 8 to 12 visits (the same client in any network size)."""
    for client in Client.objects.filter(clinic__name__endswith=SITE).order_by("pk"):
        if 8 <= client.assessments.count() <= 12 and not client.archived:
            return client
    raise AssertionError(f"No client with 8 to 12 visits at {SITE}.")
