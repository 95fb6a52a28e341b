"""Fail early, with instructions, when the test PostgreSQL server cannot be reached."""

import os
import sys

import dj_database_url
import psycopg

url = os.environ["DATABASE_URL"]
config = dj_database_url.parse(url)
if "postgresql" not in config["ENGINE"]:
    sys.exit(0)
try:
    psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        connect_timeout=5,
    ).close()
except psycopg.OperationalError as error:
    print(
        f"PostgreSQL is not reachable at {config['HOST']}:{config['PORT']}: {error}",
        file=sys.stderr,
    )
    print(
        "Start it, for example on Debian:\n"
        "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
        "  (or: sudo systemctl start postgresql)\n"
        "or point the tests at another server:\n"
        "  make test DATABASE_URL=postgres://user@host:5432/dbname",
        file=sys.stderr,
    )
    sys.exit(1)
