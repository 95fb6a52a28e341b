"""Where the project's files are, for tests that read docs, schemas and static files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
