"""Request middleware: no caching of pages, the outage page, the idle-session sign-out."""
