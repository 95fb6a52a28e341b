"""Write one assessment as an interchange JSON document (docs/interchange.md)."""

import json
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.http import Http404

from assessments.interchange.document import VERSION, export_assessment
from assessments.selectors import assessment_get
from clinic.models import AuditAction
from clinic.services.audit import audit_record


def staff_user(username: str) -> User:
    """The active user with this username, or CommandError."""
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"User {username!r} not found.")
    return user


class Command(BaseCommand):
    help = "Export one assessment as interchange JSON (version 2), as a member of its clinic."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("assessment_id", type=int, help="id of the assessment to export")
        parser.add_argument(
            "--user", required=True, help="username of the staff member exporting (audited)"
        )
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = staff_user(options["user"])
        try:
            # Scoped to the user's clinic: another clinic's assessment is "not found".
            assessment = assessment_get(user, options["assessment_id"])
        except Http404:
            raise CommandError(f"Assessment {options['assessment_id']} not found.") from None
        text = json.dumps(export_assessment(assessment), indent=2, ensure_ascii=False) + "\n"
        output = options["output"]
        # The audit entry is kept only if the document was written out.
        with transaction.atomic():
            audit_record(
                actor=user,
                clinic=assessment.client.clinic,
                action=AuditAction.EXPORT,
                object_type="assessment",
                object_id=assessment.pk,
                client_id=assessment.client_id,
                detail=f"interchange JSON version {VERSION}",
            )
            if not output:
                self.stdout.write(text, ending="")
                return
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    f"{output}: cannot write the file ({error.strerror})."
                ) from None
        self.stdout.write(f"Assessment {assessment.pk} written to {output}.")
