"""Migration 0004: older duplicate handout copies are dropped before the constraint is added.

The suite builds its tables without migrations, so the test lifts the constraint for a
moment, stores the duplicates an older release could have left, and runs the migration's
step. PostgreSQL only: SQLite cannot change a table's constraints inside the test's
transaction.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection

from assessments.models import Assessment
from plans.models import HandoutPDF
from plans.services import plan_issue, plan_revise
from tests.plans.handout.helpers import issue

MIGRATION = importlib.import_module("plans.migrations.0004_handoutpdf_one_per_kind")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DDL in a transaction")
def test_migration_keeps_the_newest_copy_of_each_kind(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    draft = plan_revise(actor=therapist, version=version)
    other = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    (constraint,) = HandoutPDF._meta.constraints
    with connection.schema_editor() as editor:
        editor.remove_constraint(HandoutPDF, constraint)
    rows = [(version, False, "a"), (version, False, "b"), (version, True, "c")]
    rows += [(version, False, "d"), (version, True, "e"), (other, False, "f")]
    for owner, with_progress, key in rows:
        HandoutPDF.objects.create(
            plan_version=owner, key=key * 64, with_progress=with_progress, pdf=b"%PDF-", pages=1
        )
    MIGRATION.keep_newest_of_each_kind(apps, None)
    with connection.cursor() as cursor:  # check the deferred foreign keys before the DDL
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        editor.add_constraint(HandoutPDF, constraint)
    kept = sorted(HandoutPDF.objects.values_list("plan_version_id", "with_progress", "key"))
    assert kept == [
        (version.pk, False, "d" * 64),
        (version.pk, True, "e" * 64),
        (other.pk, False, "f" * 64),
    ]
