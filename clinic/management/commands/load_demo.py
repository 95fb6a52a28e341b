"""Load the demo data of every app that has a `demo` module (idempotent)."""

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from clinic.demo import DEMO_PASSWORD, demo_logins


class Command(BaseCommand):
    help = "Create whatever demo data is missing: clinics, staff, clients, visits, plans."

    def handle(self, *args: Any, **options: Any) -> None:
        # Apps are loaded in INSTALLED_APPS order, so clinics exist before visits and plans.
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if config.name.startswith("django") or find_spec(module_name) is None:
                    continue
                summary = import_module(module_name).load_demo()
                self.stdout.write(f"{config.verbose_name}: {summary}")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, clinic, role in demo_logins():
            self.stdout.write(f"  {username:<8} {role:<13} {clinic}")
