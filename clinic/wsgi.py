"""WSGI entry point (gunicorn clinic.wsgi).

A server has no development default (manage.py has one, for a checkout): without
DJANGO_SECRET_KEY it refuses to start. A missing or bad setting is first written as one
clear line; the error is then raised again so the server stops as it does for any app
that cannot load (gunicorn: "Worker failed to boot", exit status 3). Exiting here instead
would make gunicorn start the worker again and again.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")

try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:
    # Settings failed, so logging is not configured yet: straight to the server's log.
    print(f"clinic.wsgi: cannot start: {error}", file=sys.stderr, flush=True)
    raise
