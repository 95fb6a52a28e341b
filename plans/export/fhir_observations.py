"""The Observations of one visit in the FHIR R4 export (docs/fhir.md), and shared helpers.

Pain (NPRS), the body chart's regions, hip range of movement per side, hip-region tests,
palpation per muscle and side, and outcome scores (PSFS mean, ODI, STarT Back), each score
as `assessments.outcomes` works it out (from the answers, or the totals typed from the
form for visits without them). Only scores leave: no questionnaire wording is stored or
sent (docs/clinical.md "Outcome measures"). Codes: `export_fhir_codes`.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assessments.catalogue.items import ITEMS, PALPATION_MUSCLES, Side, palpation_code
from assessments.outcomes import (
    ODI_BAND_TEXT,
    PSFS_ACTIVITIES,
    odi,
    psfs_mean,
    rmdq,
    startback,
)
from assessments.values import AssessmentValues
from plans.export import fhir_codes as codes

# Fixed namespace for the entries' name-based UUIDs (uuid5): same record, same fullUrls.
URN_NAMESPACE = uuid.UUID("5b0f3d2e-8c1a-4f7e-9a64-2d9c1e7b3f10")
SIDE_WORDS = {Side.LEFT: "Left", Side.RIGHT: "Right"}
UNITS = {"°": ("deg", "deg"), "%": ("%", "%")}  # catalogue unit -> UCUM unit and code
SCORE = ("score", "{score}")  # unit-less scores (NPRS, PSFS, STarT Back, active SLR)
ROTATIONS = ("hip_internal_rotation", "hip_external_rotation")


@dataclass(frozen=True)
class VisitContext:
    """What every observation of one visit shares."""

    key: str
    values: AssessmentValues
    patient: str
    encounter: str
    date: str
    status: str
    performer: str


def urn(*parts: object) -> str:
    """A name-based UUID URN for one resource of one record."""
    return f"urn:uuid:{uuid.uuid5(URN_NAMESPACE, '/'.join(str(part) for part in parts))}"


def entry(url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": url, "resource": resource}


def _number(value: float) -> int | float:
    """8.0 -> 8 and 9.5 -> 9.5, as the assessment document writes numbers."""
    return int(value) if value.is_integer() else value


def _quantity(value: float, unit: str) -> dict[str, Any]:
    name, code = UNITS.get(unit, SCORE)
    return {"value": _number(value), "unit": name, "system": codes.UCUM, "code": code}


def _concept(*codings: tuple[str, str], text: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code} for system, code in codings], "text": text}


def _measure(item: str) -> tuple[str, str]:
    return codes.MEASURE_SYSTEM, item


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": codes.OBSERVATION_CATEGORY, "code": code}]}]


def _hip(side: str) -> dict[str, Any]:
    return _concept(
        (codes.SNOMED, codes.snomed_laterality(side)), text=f"{SIDE_WORDS[Side(side)]} hip joint"
    )


def _observation(
    context: VisitContext, key: str, category: str, code: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    resource = {
        "resourceType": "Observation",
        "status": context.status,
        "category": _category(category),
        "code": code,
        "subject": {"reference": context.patient},
        "encounter": {"reference": context.encounter},
        "effectiveDateTime": context.date,
        "performer": [{"display": context.performer}],
        **{name: value for name, value in fields.items() if value is not None},
    }
    return entry(urn(context.key, key), resource)


# --- observations -----------------------------------------------------------------------


def _pain(context: VisitContext) -> Iterator[dict[str, Any]]:
    now = context.values.number("pain_now")
    if now is not None:
        code = _concept(
            (codes.LOINC, codes.PAIN_SEVERITY_LOINC),
            _measure("pain_now"),
            text=ITEMS["pain_now"].label,
        )
        yield _observation(context, "pain_now", "survey", code, valueQuantity=_quantity(now, ""))
    worst = context.values.number("pain_worst_24h")
    if worst is not None:
        code = _concept(_measure("pain_worst_24h"), text=ITEMS["pain_worst_24h"].label)
        yield _observation(
            context,
            "pain_worst_24h",
            "survey",
            code,
            valueQuantity=_quantity(worst, ""),
            note=[{"text": codes.PAIN_WORST_NOTE}],
        )


def _hip_rom(context: VisitContext) -> Iterator[dict[str, Any]]:
    values = context.values
    instrument = values.choice("rom_instrument")
    method = None
    if instrument is not None:
        label = ITEMS["rom_instrument"].choice_label(instrument)
        method = _concept((codes.INSTRUMENT_SYSTEM, instrument), text=label)
    position = values.choice("hip_rotation_position")
    for side in (Side.LEFT, Side.RIGHT):
        components = [
            {
                "code": _concept(
                    (codes.SNOMED, movement.snomed), _measure(movement.item), text=movement.text
                ),
                "valueQuantity": _quantity(number, "°"),
            }
            for movement in codes.HIP_MOVEMENTS
            if (number := values.number(movement.item, side)) is not None
        ]
        if not components:
            continue
        rotation = any(values.has(code, side) for code in ROTATIONS)
        note = None
        if rotation and position is not None:
            note = [{"text": f"Rotation measured {position}."}]
        code = _concept((codes.SNOMED, codes.HIP_ROM_SNOMED), text="Hip range of movement")
        yield _observation(
            context,
            f"hip_rom/{side}",
            "exam",
            code,
            bodySite=_hip(side),
            method=method,
            component=components,
            note=note,
        )


def _value(code: str, side: str, values: AssessmentValues) -> dict[str, Any]:
    item = ITEMS[code]
    number = values.number(code, side)
    if number is not None:
        return {"valueQuantity": _quantity(number, item.unit)}
    choice = values.text(code, side)
    return {
        "valueCodeableConcept": _concept(
            (codes.ANSWER_SYSTEM, choice), text=item.choice_label(choice)
        )
    }


def _hip_tests(context: VisitContext) -> Iterator[dict[str, Any]]:
    for code in codes.HIP_TESTS:
        for side in ITEMS[code].sides:
            if not context.values.has(code, side):
                continue
            yield _observation(
                context,
                f"{code}/{side}",
                "exam",
                _concept(_measure(code), text=ITEMS[code].label),
                bodySite=_hip(side) if side else None,
                **_value(code, side, context.values),
            )


def _muscle_words(label: str) -> str:
    """'Piriformis' -> 'piriformis' after the side; an acronym ('TFL / ITB') keeps capitals."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _palpation(context: VisitContext) -> Iterator[dict[str, Any]]:
    """One observation per muscle and side palpated: tone, tenderness and trigger point as
    components; the trigger point's referral area as a note. No standard code or body site
    code in docs/clinical.md: local codes, and the muscle and side as body site text."""
    values = context.values
    for muscle, label in PALPATION_MUSCLES:
        referral = values.text(palpation_code(muscle, "referral"))
        for side in (Side.LEFT, Side.RIGHT):
            parts = [
                palpation_code(muscle, part)
                for part in codes.PALPATION_PARTS
                if values.has(palpation_code(muscle, part), side)
            ]
            if not parts:
                continue
            components = [
                {
                    "code": _concept(_measure(code), text=ITEMS[code].label),
                    **_value(code, side, values),
                }
                for code in parts
            ]
            trigger = values.choice(palpation_code(muscle, "trigger"), side)
            note = None
            if referral and trigger in codes.TRIGGER_POINT_FOUND:
                note = [{"text": f"Trigger point refers to: {referral}"}]
            yield _observation(
                context,
                f"palpation_{muscle}/{side}",
                "exam",
                _concept(_measure(f"palpation_{muscle}"), text=f"{label} palpation"),
                bodySite={"text": f"{SIDE_WORDS[side]} {_muscle_words(label)}"},
                component=components,
                note=note,
            )


def _outcomes(context: VisitContext) -> Iterator[dict[str, Any]]:
    values = context.values
    mean = psfs_mean(values)
    if mean is not None:
        components = [
            {
                "code": _concept(
                    _measure(f"psfs_score_{n}"),
                    text=values.text(f"psfs_activity_{n}") or f"PSFS activity {n}",
                ),
                "valueQuantity": _quantity(score, ""),
            }
            for n in PSFS_ACTIVITIES
            if (score := values.number(f"psfs_score_{n}")) is not None
        ]
        code = _concept(_measure(codes.PSFS_MEAN), text="Patient-Specific Functional Scale, mean")
        yield _observation(
            context,
            codes.PSFS_MEAN,
            "survey",
            code,
            valueQuantity=_quantity(mean, ""),
            component=components,
        )
    oswestry = odi(values)
    if oswestry is not None:
        source = (
            f"Calculated from {oswestry.answered} of 10 sections."
            if oswestry.source == "sections"
            else "Total entered from the clinic's licensed form."
        )
        code = _concept(
            (codes.LOINC, codes.OSWESTRY_LOINC),
            _measure(codes.ODI_SCORE),
            text="Oswestry Disability Index",
        )
        yield _observation(
            context,
            codes.ODI_SCORE,
            "survey",
            code,
            valueQuantity=_quantity(oswestry.percent, "%"),
            interpretation=[{"text": ODI_BAND_TEXT[oswestry.band]}],
            note=[{"text": source}],
        )
    total = rmdq(values)
    if total is not None:
        yield _observation(
            context,
            codes.RMDQ_SCORE,
            "survey",
            _concept(_measure(codes.RMDQ_SCORE), text="Roland-Morris Disability Questionnaire"),
            valueQuantity=_quantity(float(total), ""),
            note=[{"text": "Total entered from the clinic's form."}],
        )
    yield from _startback(context)


def _startback(context: VisitContext) -> Iterator[dict[str, Any]]:
    """The total (or, before all nine answers, none) with the psychosocial subscale."""
    score = startback(context.values)
    if score is None or (score.total is None and score.psychosocial is None):
        return
    component = None
    if score.psychosocial is not None:
        component = [
            {
                "code": _concept(
                    _measure("startback_distress"), text="STarT Back psychosocial subscale"
                ),
                "valueQuantity": _quantity(float(score.psychosocial), ""),
            }
        ]
    source = (
        f"Calculated from {score.answered} of 9 answers."
        if score.source == "items"
        else "Totals entered from the clinic's licensed form."
    )
    yield _observation(
        context,
        "startback_total",
        "survey",
        _concept(_measure("startback_total"), text="STarT Back total"),
        valueQuantity=None if score.total is None else _quantity(float(score.total), ""),
        component=component,
        interpretation=None if score.group is None else [{"text": f"{score.group} risk"}],
        note=[{"text": source}],
    )


def _body_chart(context: VisitContext) -> Iterator[dict[str, Any]]:
    """One observation per marked region: the intensity, the pain type as a component
    (a draft's marks carried over without today's intensity are left out)."""
    for mark in context.values.body_chart:
        if mark.intensity is None:
            continue
        pain_type = _concept((codes.PAIN_TYPE_SYSTEM, mark.pain_type), text=mark.pain_type_label)
        yield _observation(
            context,
            f"body_chart/{mark.region}",
            "survey",
            _concept(_measure("body_chart"), text="Body chart: pain intensity in a region"),
            bodySite=_concept((codes.BODY_REGION_SYSTEM, mark.region), text=mark.label),
            valueInteger=mark.intensity,
            component=[
                {
                    "code": _concept(_measure("body_chart_pain_type"), text="Pain type"),
                    "valueCodeableConcept": pain_type,
                }
            ],
        )


def observations(context: VisitContext) -> Iterator[dict[str, Any]]:
    """The visit's observations as bundle entries, in a fixed order."""
    yield from _pain(context)
    yield from _body_chart(context)
    yield from _hip_rom(context)
    yield from _hip_tests(context)
    yield from _palpation(context)
    yield from _outcomes(context)
