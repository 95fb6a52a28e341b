"""Fill the database with a large made-up clinic network for load and scale benchmarks.

    DATABASE_URL=postgres://... python -m tests.bench.seed_network --clinics 20 \
        --clients 10000 --visits-per-client 10

Benchmark tooling, so it lives with the benchmarks rather than in the app's commands.
Refuses a database that already has data unless --append; everything is written in one
transaction, so a failure leaves nothing behind. docs/performance.md has the timings.
"""

import os
import sys

import django


def main() -> None:
    """Parse, run and exit as Django's management commands do."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    django.setup()
    from tests.bench.seeding.command import Command  # after setup: it reads the models

    # Messages name the command as it is typed: "python -m tests.bench.seed_network".
    Command().run_from_argv(["python", f"-m {__spec__.name}", *sys.argv[1:]])


if __name__ == "__main__":
    main()
