"""Optional sections of the document that the apps built on this one add (version 2 on).

Why a registry: version 2 holds the treatment given at the visit, which belongs to the
treatment app. That app is built on this one (treatment -> assessments -> clinic), so this
package must not import it, yet the document's reader, writer, schema and import must each
handle its key. The app describes its section here (`Section`: the key, the first version
holding it and four hooks) from its AppConfig.ready(); this package calls the hooks by key
and knows nothing of what a section holds. The registry is filled once at start-up and only
read afterwards. Without the app installed, its key is simply unknown, as in version 1.

Settings (like VISIT_PAGE_SECTIONS) were the alternative; a registry keeps the section's
code and its registration in the app that owns it, and a test sees the same registry the
commands do.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured

from assessments.interchange.checker import Checker
from assessments.interchange.format import OPTIONAL_KEYS, TOP_KEYS
from assessments.models import Assessment


@dataclass(frozen=True)
class Section:
    """One optional top-level key of the document and how to read, write and save it.

    - `read(check, path, value)`: validate the decoded value without a database; report
      each problem on `check` with its JSON path under `path` (e.g. "$.treatment") and
      return what `save` needs, or None when a problem was reported.
    - `write(assessment)`: the value to export, or None to leave the key out.
    - `save(parsed, *, assessment, actor)`: record what `read` returned on the new visit
      (still a draft) through the app's own services; raise InterchangeError with paths
      for what those refuse. It runs inside the import's transaction.
    - `schema()`: the JSON Schema of the value.
    """

    key: str
    since: int  # the first document version that holds it
    read: Callable[[Checker, str, object], object | None]
    write: Callable[[Assessment], Any]
    save: Callable[..., None]
    schema: Callable[[], dict[str, Any]]


_REGISTRY: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add a section (idempotent for the same one); a clashing key is a startup error."""
    if section.key in (*TOP_KEYS, *OPTIONAL_KEYS):
        raise ImproperlyConfigured(f"{section.key!r} is a key of the document itself.")
    existing = _REGISTRY.get(section.key)
    if existing is not None and existing != section:
        raise ImproperlyConfigured(f"Two interchange sections use the key {section.key!r}.")
    _REGISTRY[section.key] = section


def sections(version: int | None = None) -> tuple[Section, ...]:
    """The registered sections (those a `version` document holds), ordered by key."""
    chosen = (s for s in _REGISTRY.values() if version is None or s.since <= version)
    return tuple(sorted(chosen, key=lambda section: section.key))


def save_sections(parsed: Mapping[str, object], *, assessment: Assessment, actor: User) -> None:
    """Record each section a parsed document holds on the imported visit, by key order."""
    for section in sections():
        if section.key in parsed:
            section.save(parsed[section.key], assessment=assessment, actor=actor)
