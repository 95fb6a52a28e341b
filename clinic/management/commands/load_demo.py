"""Load the demo clinics, staff and clients (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from clinic.demo import DEMO_PASSWORD, demo_logins, load_demo


class Command(BaseCommand):
    help = "Create the demo clinics, staff and clients if they are missing."

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo()
        self.stdout.write(
            f"Demo data: {result.created_clinics} clinics, {result.created_staff} staff, "
            f"{result.created_clients} clients created (existing records kept)."
        )
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, clinic, role in demo_logins():
            self.stdout.write(f"  {username:<8} {role:<13} {clinic}")
