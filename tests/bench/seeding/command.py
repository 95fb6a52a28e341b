"""The seed_network command (run through tests/bench/seed_network.py, or call_command)."""

from argparse import ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, IntegrityError

from tests.bench.seeding.network import SeedRefused, analyze, seed_network
from tests.bench.seeding.spec import NetworkSpec


def _positive(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        number = int(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a whole number.") from None
    if number < 1:
        raise ArgumentTypeError(f"{number} is too small: give 1 or more.")
    return number


class Command(BaseCommand):
    help = (
        "Create a made-up clinic network (clinics, staff, clients, finalised visits with "
        "measurements, plans with items, audit entries) with bulk inserts, and report the "
        "insert rate. For benchmarks and demos only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clinics", type=_positive, default=20)
        parser.add_argument("--clients", type=_positive, default=10_000)
        parser.add_argument(
            "--visits-per-client", type=_positive, default=10, help="the mean (1 to 2n-1 each)"
        )
        parser.add_argument("--seed", type=int, default=1, help="same seed, same network")
        parser.add_argument(
            "--batch-size", type=_positive, default=5000, help="rows per INSERT statement"
        )
        parser.add_argument(
            "--append", action="store_true", help="add to a database that already has data"
        )
        parser.add_argument(
            "--admin-password",
            default="",
            help="password of the first new clinic's admin (otherwise no seeded login works)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        spec = NetworkSpec(
            clinics=options["clinics"],
            clients=options["clients"],
            visits_per_client=options["visits_per_client"],
            seed=options["seed"],
        )
        verbose = options["verbosity"] > 1
        try:
            report = seed_network(
                spec=spec,
                append=options["append"],
                batch_size=options["batch_size"],
                admin_password=options["admin_password"],
                progress=self.stdout.write if verbose else None,
            )
        except (SeedRefused, ValueError) as error:
            raise CommandError(str(error)) from None
        except IntegrityError as error:
            raise CommandError(
                f"Nothing was written: a seeded name already exists ({error})."
            ) from None
        except DatabaseError as error:
            raise CommandError(f"Nothing was written: the database refused ({error}).") from None
        analyze()
        for name, count in sorted(report.counts.items()):
            seconds = report.table_seconds[name]
            self.stdout.write(f"  {name:<12} {count:>10,} rows  {seconds:7.1f} s inserting")
        self.stdout.write(
            f"{report.rows:,} rows in {report.seconds:.1f} s: {report.rate:,.0f} rows/s "
            f"({report.patterns} value patterns through the plan rules)"
        )
        sites = f"{report.first_site:03d} to {report.first_site + spec.clinics - 1:03d}"
        login = report.login if options["admin_password"] else "none (see --admin-password)"
        self.stdout.write(f"Clinic sites {sites}. Login: {login}.")
