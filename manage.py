#!/usr/bin/env python
"""Django's command-line utility.

A development checkout runs every command as the README writes it, with no environment:
when none of DEVELOPMENT_UNLESS_SET is set, this is a checkout working on its own SQLite
file in var/, and runs in development mode (DJANGO_DEBUG=true, as `make run` sets). Any of
them set means a configured environment (a server names its database and its secret), and
the settings alone decide: without a secret they refuse, as the server (clinic/wsgi.py,
which has no such default) always does. A missing or bad setting is one line on stderr
and exit status 1, not a traceback.
"""

import os
import sys

DEVELOPMENT_UNLESS_SET = ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DATABASE_URL")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    if not any(name in os.environ for name in DEVELOPMENT_UNLESS_SET):
        os.environ["DJANGO_DEBUG"] = "true"

    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        # Reading a setting loads them all, so a bad one stops here rather than mid-command.
        settings.INSTALLED_APPS  # noqa: B018 (the read is what loads them)
    except ImproperlyConfigured as error:
        sys.exit(f"manage.py: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
