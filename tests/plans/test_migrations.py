"""Data steps of the plans app's migrations (the suite builds its tables without them)."""

import importlib

from django.apps import apps
from django.contrib.auth.models import User

from assessments.models import Assessment
from plans.models import HandoutPDF, HandoutSnapshot
from tests.plans.handout.helpers import issue

SNAPSHOTS = importlib.import_module("plans.migrations.0006_handout_snapshot_and_jobs")


def test_migration_0006_drops_the_pdfs_cached_from_live_records(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    assert HandoutPDF.objects.filter(plan_version=version).count() == 2
    SNAPSHOTS.drop_cached_pdfs(apps, None)
    # The PDFs go (they are made again from the snapshot); the record stays.
    assert (HandoutPDF.objects.count(), HandoutSnapshot.objects.count()) == (0, 1)
