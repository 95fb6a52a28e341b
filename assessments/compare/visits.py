"""Compare two visits of one client: every recorded item side by side with its change.

Pure: no Django, no database. Thresholds are docs/clinical.md "Meaningful change" and the
clinic's cut-offs (assessments/norms.py):

- Pain (NPRS, `pain_now`, `pain_worst_24h`): a change of at least 2 points OR at least
  30% of the earlier value, whichever is met (2 points exactly is meaningful; 30% exactly
  is meaningful). The 30% rule needs an earlier value above 0.
- PSFS: the mean changes by at least 2 points (exactly 2 is meaningful); one activity's
  score by at least 3 points (docs/clinical.md "Meaningful change": 3 for one activity).
- ODI (entered total and the score calculated by outcomes.odi): at least 10 points OR at
  least 30% of the earlier value, whichever is met.
- STarT Back (outcomes.startback, from the nine answers or the typed totals): the total and
  psychosocial subscale have no published meaningful change, so they are "changed"; the risk
  group moving down (high -> medium -> low) is improved, up is worse.
- Degrees (range of motion, Thomas angles, SLR, 90/90 deficit, pelvic tilt): a change
  BEYOND measurement error, i.e. strictly more than the clinic's `side_difference_deg`
  (7 deg by default), the same cut-off the side-to-side difference uses (norms.compare:
  difference > side_difference_deg). 7 deg exactly is within error; 8 deg is beyond.
- Oxford grades (catalogue.OXFORD_SCORE, 4- is 3.67): at least the clinic's
  `oxford_side_difference` (1 grade by default), as findings_rules uses it.

Which way is better (DIRECTION): lower is better for pain, ODI, the Thomas hip angle and
thigh abduction, the 90/90 knee extension deficit; higher is better for range of motion,
SLR angle, the Thomas knee angle, PSFS scores and Oxford grades. For positive/negative
tests (FABER, FADIR, FAIR, Ober, Trendelenburg) positive -> negative is improved; for
yes/no signs of a problem (aggravating activities, compensations, SLR pain below the
knee, red flags) yes -> no is improved, and so is agree -> disagree on STarT Back items
1-8 (BAD_CHOICE). On palpation (docs/clinical.md "Palpation"), less tenderness and a trigger
point gone or no longer reproducing the familiar pain are improved, any grade (ORDERED_CHOICE:
no measurement error is known, so every step counts); tone reaching normal is improved and
leaving it worse (NORMAL_CHOICE). Anything else that differs is "changed": no direction
(pelvic tilt angle, leg length, pain sites, how something was measured) or no measurement
error known (dynamometer force, active SLR score, ODI sections, STarT Back scores, hours sitting).

Classification of a row:
- "improved" / "worse": beyond the threshold in the better / worse direction;
- "within error": a change within the threshold (including no change at all);
- "changed": differs, but cannot be judged (see above);
- "": not comparable: recorded in only one visit, unchanged on an item without a
  threshold, or measured with a different instrument in the two visits (docs/clinical.md:
  compare visits only on the same instrument; the row carries the caveat).

A value a draft holds only because copy-forward carried it (not yet confirmed or changed)
was not measured at that visit: its row shows it marked as carried, with no change and no
classification (AssessmentValues.carried). The derived PSFS mean and ODI score need no such
mark: they come from questionnaire scores, which copy-forward never carries.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial

from assessments.catalogue.items import (
    ITEMS,
    OXFORD_SCORE,
    SECTIONS,
    Item,
    Kind,
    Side,
)
from assessments.compare.change import (
    BAD_CHOICE,
    CHANGED,
    DIRECTION,
    HIGHER,
    IMPROVED,
    INSTRUMENTS,
    NORMAL_CHOICE,
    NOT_COMPARABLE,
    ORDERED_CHOICE,
    OXFORD_CODES,
    RISK_ORDER,
    WITHIN_ERROR,
    WORSE,
    Classification,
    Threshold,
    thresholds,
)
from assessments.outcomes import StartBackResult, odi, psfs_mean, startback
from assessments.values import AssessmentValues, Value


@dataclass(frozen=True)
class ComparisonRow:
    code: str
    label: str
    side: str
    before: str  # as displayed; "" when not recorded
    after: str
    change: str  # "+8°", "-2/10", "changed", "unchanged"; "" when not comparable
    classification: Classification
    caveat: str = ""
    # Copied forward into that visit and not confirmed: shown marked, never compared.
    before_carried: bool = False
    after_carried: bool = False

    @property
    def not_tested_in_one(self) -> bool:
        return (self.before == "") != (self.after == "")


@dataclass(frozen=True)
class SectionComparison:
    code: str
    title: str
    rows: tuple[ComparisonRow, ...]
    caveats: tuple[str, ...]

    @property
    def sided(self) -> bool:
        return any(row.side for row in self.rows)


@dataclass(frozen=True)
class Comparison:
    sections: tuple[SectionComparison, ...]

    @property
    def rows(self) -> tuple[ComparisonRow, ...]:
        return tuple(row for section in self.sections for row in section.rows)

    def row(self, code: str, side: str = Side.NONE) -> ComparisonRow:
        """The row of an item and side; KeyError when neither visit recorded it."""
        for row in self.rows:
            if (row.code, row.side) == (code, side):
                return row
        raise KeyError((code, side))


def _number_text(number: Decimal, unit: str, *, sign: bool = False) -> str:
    text = f"{number.normalize():{'+' if sign else ''}f}"
    if unit in {"°", "%"}:
        return f"{text}{unit}"
    return f"{text} {unit}".strip() if unit and not unit.startswith("/") else f"{text}{unit}"


def _display(item: Item, raw: Value | None) -> str:
    if raw is None or raw == "":
        return ""
    if item.kind is Kind.NUMBER:
        return _number_text(Decimal(raw), item.unit)
    if item.kind is Kind.CHOICE:
        return item.choice_label(str(raw))
    return str(raw)


def _numeric(item: Item, raw: Value) -> Decimal | None:
    if item.kind is Kind.NUMBER:
        return Decimal(raw)
    if item.code in OXFORD_CODES:
        score = OXFORD_SCORE.get(str(raw))
        return None if score is None else Decimal(str(score))
    return None


def _judge(
    code: str, before: Decimal, after: Decimal, threshold: Threshold | None
) -> Classification:
    change = after - before
    if threshold is None:
        return CHANGED if change else NOT_COMPARABLE
    if not threshold.met(before, change):
        return WITHIN_ERROR
    direction = DIRECTION.get(code)
    if direction is None:
        return CHANGED
    return IMPROVED if (change > 0) == (direction == HIGHER) else WORSE


def _choice_class(code: str, before: str, after: str) -> Classification:
    if before == after:
        return NOT_COMPARABLE
    order = ORDERED_CHOICE.get(code, ())
    if before in order and after in order:
        return IMPROVED if order.index(after) < order.index(before) else WORSE
    normal = NORMAL_CHOICE.get(code)
    if normal is not None and normal in (before, after):
        return IMPROVED if after == normal else WORSE
    bad = BAD_CHOICE.get(code)
    if bad is not None and bad in (before, after):
        return IMPROVED if before == bad else WORSE
    return CHANGED


def _row(
    item: Item,
    side: str,
    before: Value | None,
    after: Value | None,
    rules: Mapping[str, Threshold],
    caveat: str,
) -> ComparisonRow:
    shown = (_display(item, before), _display(item, after))
    if before is None or after is None or before == "" or after == "":
        return ComparisonRow(item.code, item.label, side, *shown, "", NOT_COMPARABLE, caveat)
    first, second = _numeric(item, before), _numeric(item, after)
    if first is not None and second is not None:
        unit = "" if item.kind is Kind.CHOICE else item.unit
        change = _number_text(second - first, unit, sign=True)
        if second == first:
            change = _number_text(Decimal(0), unit)
        verdict = _judge(item.code, first, second, rules.get(item.code))
    else:
        change = "unchanged" if before == after else "changed"
        verdict = _choice_class(item.code, str(before), str(after))
    if caveat:
        verdict = NOT_COMPARABLE
    return ComparisonRow(item.code, item.label, side, *shown, change, verdict, caveat)


def _derived(
    code: str,
    label: str,
    before: float | None,
    after: float | None,
    rule: Threshold | None,
    unit: str,
) -> ComparisonRow | None:
    if before is None and after is None:
        return None
    first = None if before is None else Decimal(str(before))
    second = None if after is None else Decimal(str(after))
    shown = (
        "" if first is None else _number_text(first, unit),
        "" if second is None else _number_text(second, unit),
    )
    if first is None or second is None:
        return ComparisonRow(code, label, Side.NONE, *shown, "", NOT_COMPARABLE)
    change = _number_text(second - first, unit, sign=second != first)
    return ComparisonRow(code, label, Side.NONE, *shown, change, _judge(code, first, second, rule))


def _group_row(before: str | None, after: str | None) -> ComparisonRow | None:
    """The STarT Back risk group of each visit: a lower group is improved."""
    if before is None and after is None:
        return None
    row = partial(
        ComparisonRow,
        "startback_group",
        "STarT Back risk group",
        Side.NONE,
        f"{before} risk" if before else "",
        f"{after} risk" if after else "",
    )
    if before is None or after is None:
        return row("", NOT_COMPARABLE)
    if before == after:
        return row("unchanged", NOT_COMPARABLE)
    better = RISK_ORDER.index(after) < RISK_ORDER.index(before)
    return row("changed", IMPROVED if better else WORSE)


def _startback_parts(result: StartBackResult | None) -> tuple[float | None, float | None]:
    if result is None:
        return None, None
    total, subscale = result.total, result.psychosocial
    return (
        None if total is None else float(total),
        None if subscale is None else float(subscale),
    )


def _outcome_rows(
    before: AssessmentValues, after: AssessmentValues, rules: Mapping[str, Threshold]
) -> list[ComparisonRow]:
    """The scores worked out from the answers (or typed totals) of each visit."""
    first_odi, second_odi = odi(before), odi(after)
    first_back, second_back = startback(before), startback(after)
    (total_1, subscale_1), (total_2, subscale_2) = (
        _startback_parts(first_back),
        _startback_parts(second_back),
    )
    derived = (
        _derived(
            "psfs_mean", "PSFS mean (calculated)", psfs_mean(before),
            psfs_mean(after), rules["psfs_mean"], "/10",
        ),
        _derived(
            "odi_score", "ODI score (calculated)",
            None if first_odi is None else first_odi.percent,
            None if second_odi is None else second_odi.percent,
            rules["odi_score"], "%",
        ),
        _derived("startback_score", "STarT Back total (calculated)", total_1, total_2, None, "/9"),
        _derived(
            "startback_psychosocial", "STarT Back psychosocial subscale (calculated)",
            subscale_1, subscale_2, None, "/5",
        ),
        _group_row(
            None if first_back is None else first_back.group,
            None if second_back is None else second_back.group,
        ),
    )  # fmt: skip
    return [row for row in derived if row is not None]


def _instrument_caveats(
    before: AssessmentValues, after: AssessmentValues, instruments: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """For each measured item code: the caveat when its instrument differs between visits.

    Differs means both visits recorded an instrument and they are not the same; when one
    visit did not record it, nothing is claimed.
    """
    caveats: dict[str, str] = {}
    for instrument, codes in instruments.items():
        first, second = before.choice(instrument), after.choice(instrument)
        if first is None or second is None or first == second:
            continue
        item = ITEMS[instrument]
        text = (
            f"Measured with {item.choice_label(first).lower()} before and "
            f"{item.choice_label(second).lower()} after: instruments differ by 3-5°, so "
            "these values are not compared."
        )
        caveats.update(dict.fromkeys(codes, text))
    return caveats


def compare_visits(
    before: AssessmentValues,
    after: AssessmentValues,
    cutoffs: Mapping[str, float],
    *,
    instruments: Mapping[str, Sequence[str]] = INSTRUMENTS,
) -> Comparison:
    """One row per item and side recorded in either visit, in catalogue order, with the
    PSFS mean, ODI score and STarT Back scores and risk group as derived rows at the end of
    the outcome measures."""
    rules = thresholds(cutoffs)
    caveats = _instrument_caveats(before, after, instruments)
    sections = []
    for section in SECTIONS:
        rows = []
        for item in section.items:
            for side in item.sides:
                key = (item.code, side)
                first, second = before.values.get(key), after.values.get(key)
                if first in (None, "") and second in (None, ""):
                    continue
                row = _row(item, side, first, second, rules, caveats.get(item.code, ""))
                if key in before.carried or key in after.carried:
                    row = replace(
                        row,
                        change="",
                        classification=NOT_COMPARABLE,
                        before_carried=key in before.carried,
                        after_carried=key in after.carried,
                    )
                rows.append(row)
        if section.code == "outcomes":
            rows.extend(_outcome_rows(before, after, rules))
        if rows:
            notes = tuple(dict.fromkeys(row.caveat for row in rows if row.caveat))
            sections.append(SectionComparison(section.code, section.title, tuple(rows), notes))
    return Comparison(tuple(sections))
