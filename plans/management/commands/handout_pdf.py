"""Write an issued plan version's handout PDF to a file, as a member of its clinic."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.http import Http404

from assessments.management.commands.assessment_export import staff_user
from plans.handout.download import handout_download
from plans.handout.rendering import HandoutRenderError


class Command(BaseCommand):
    help = (
        "Write the handout PDF of an issued plan version, scoped to the user's clinic and "
        "audited like a download."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("version_id", type=int, help="id of the issued plan version")
        parser.add_argument("--user", required=True, help="username of the staff member (audited)")
        parser.add_argument("--output", required=True, help="PDF file to write")
        parser.add_argument("--progress", action="store_true", help="with the progress page")

    def handle(self, *args: Any, **options: Any) -> None:
        user = staff_user(options["user"])
        output = Path(options["output"])
        # The audit entry is kept only if the PDF was written out.
        with transaction.atomic():
            try:
                pdf = handout_download(
                    actor=user, version_id=options["version_id"], with_progress=options["progress"]
                )
            except Http404:
                # Another clinic's version, a draft or no such id: the same answer for all.
                raise CommandError(
                    f"Issued plan version {options['version_id']} not found."
                ) from None
            except HandoutRenderError:
                raise CommandError("The handout could not be made; see the log.") from None
            try:
                output.write_bytes(bytes(pdf.pdf))
            except OSError as error:
                raise CommandError(
                    f"{output}: cannot write the file ({error.strerror})."
                ) from None
        self.stdout.write(f"Plan version {options['version_id']} handout written to {output}.")
