"""The shapes of the catalogue: item kinds, sides, Item, Section and the item builders.

Split out of `assessments.catalogue.items` so the per-section item modules can build items
without importing the public module (which assembles them). Import these names from
`assessments.catalogue.items`, never from here: the classes declare `__module__` as that public
module so migrations `makemigrations` writes (which serialise `Side` by its module), reprs
and pickles keep naming `assessments.catalogue.items`, as they did before the split.
"""

from dataclasses import dataclass, field
from enum import StrEnum

PUBLIC_MODULE = "assessments.catalogue.items"


class Kind(StrEnum):
    __module__ = PUBLIC_MODULE

    NUMBER = "number"
    CHOICE = "choice"
    TEXT = "text"


class Side(StrEnum):
    __module__ = PUBLIC_MODULE

    NONE = ""
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Item:
    """One thing a therapist can record, once or per side."""

    __module__ = PUBLIC_MODULE

    code: str
    label: str
    kind: Kind
    sided: bool = False
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    decimals: int = 0
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    max_length: int = 200
    # Choice codes kept for the records that hold them but no longer offered for new entries.
    retired: frozenset[str] = frozenset()

    @property
    def sides(self) -> tuple[Side, ...]:
        return (Side.LEFT, Side.RIGHT) if self.sided else (Side.NONE,)

    def choice_label(self, value: str) -> str:
        return dict(self.choices).get(value, value)


@dataclass(frozen=True)
class Section:
    __module__ = PUBLIC_MODULE

    code: str
    title: str
    items: tuple[Item, ...]
    # Copy-forward carries the section's values (marked carried over) but items.ASKED_ANEW;
    # the red-flag screen is not carried: its last answers are offered for confirmation.
    carry_forward: bool = True
    intro: str = ""
    notes: tuple[str, ...] = field(default=())


def degrees_item(
    code: str, label: str, low: float, high: float, *, sided: bool = True, help: str = ""
) -> Item:
    """An angle in degrees, per side unless told otherwise."""
    return Item(
        code, label, Kind.NUMBER, sided=sided, unit="°", minimum=low, maximum=high, help=help
    )


def choice_item(code: str, label: str, choices: tuple[tuple[str, str], ...], *,
                sided: bool = False, help: str = "",
                retired: frozenset[str] = frozenset()) -> Item:  # fmt: skip
    """One answer from a fixed list, once unless told per side."""
    return Item(code, label, Kind.CHOICE, sided=sided, choices=choices, help=help, retired=retired)


def score_item(code: str, label: str, high: int, *, sided: bool = False, unit: str = "",
               help: str = "") -> Item:  # fmt: skip
    """A whole-number score from 0 to `high`."""
    return Item(
        code, label, Kind.NUMBER, sided=sided, unit=unit, minimum=0, maximum=high, help=help
    )
