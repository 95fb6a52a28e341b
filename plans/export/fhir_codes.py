"""Code systems and codes for the FHIR R4 export (docs/fhir.md).

Every LOINC and SNOMED CT code here is from docs/clinical.md "Codes for export (FHIR R4)";
none is made up. Where docs/clinical.md has no standard code, the item's catalogue code is used
in a local code system under LOCAL_BASE (a reserved `.invalid` host: the URIs name the
systems, they are not meant to resolve). Displays of standard codes are left out on
purpose: a wrong display is an error to a FHIR validator, and docs/clinical.md gives codes, not
their official display strings; each CodeableConcept carries our own words as `text`.
"""

from dataclasses import dataclass

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
# FHIR's own code systems for required or core elements (not clinical codes).
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
AMBULATORY = "AMB"  # Encounter.class (required in R4): an outpatient visit

LOCAL_BASE = "https://hipplan.invalid/fhir"
# Catalogue item codes (assessments/catalogue.py) and the derived scores below.
MEASURE_SYSTEM = f"{LOCAL_BASE}/CodeSystem/measure"
# Catalogue choice values ("positive", "negative", "yes", "no", "groin", ...).
ANSWER_SYSTEM = f"{LOCAL_BASE}/CodeSystem/answer"
# The body chart (assessments/body_chart/regions.py): its regions and pain types.
BODY_REGION_SYSTEM = f"{LOCAL_BASE}/CodeSystem/body-chart-region"
PAIN_TYPE_SYSTEM = f"{LOCAL_BASE}/CodeSystem/pain-type"
# How range of motion was measured (catalogue `rom_instrument` values).
INSTRUMENT_SYSTEM = f"{LOCAL_BASE}/CodeSystem/instrument"
# The library's interventions by their code (`kneeling-hip-flexor-stretch`, ...).
INTERVENTION_SYSTEM = f"{LOCAL_BASE}/CodeSystem/intervention"
# FHIR's own: why an observation has no value.
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def client_identifier_system(clinic_id: int) -> str:
    """One identifier system per clinic: a client id means something only in its clinic."""
    return f"{LOCAL_BASE}/clinic/{clinic_id}/client"


def visit_identifier_system(clinic_id: int) -> str:
    return f"{LOCAL_BASE}/clinic/{clinic_id}/visit"


def clinic_identifier_system() -> str:
    return f"{LOCAL_BASE}/clinic"


# docs/clinical.md "Pain and function": NPRS 0-10, LOINC 72514-3 (pain severity). It is coded on
# the pain-now observation only: see PAIN_WORST_NOTE.
PAIN_SEVERITY_LOINC = "72514-3"
PAIN_WORST_NOTE = (
    "Worst pain in the last 24 hours on the same 0-10 scale. Not coded with LOINC 72514-3, "
    "which is pain severity at the time of asking."
)
# docs/clinical.md "Codes for export (FHIR R4)": Oswestry LOINC 97908-8 (docs/clinical.md marks
# the source as secondary; the local code is sent alongside).
OSWESTRY_LOINC = "97908-8"

# docs/clinical.md "Codes for export (FHIR R4)": hip joint structure, laterality attribute and
# values.
HIP_JOINT_SNOMED = "24136001"
LATERALITY_ATTRIBUTE_SNOMED = "272741003"
SIDE_SNOMED = {"left": "7771000", "right": "24028007", "both": "51440002"}
# docs/clinical.md "Codes for export (FHIR R4)": hip joint range of movement (observable entity).
HIP_ROM_SNOMED = "299238003"


@dataclass(frozen=True)
class Movement:
    """One hip movement: the catalogue item, its SNOMED qualifier and our words."""

    item: str
    snomed: str
    text: str


# docs/clinical.md "Codes for export (FHIR R4)": movement qualifiers.
HIP_MOVEMENTS = (
    Movement("hip_flexion", "9964006", "Flexion"),
    Movement("hip_extension", "24154002", "Extension"),
    Movement("hip_abduction", "60074003", "Abduction"),
    Movement("hip_adduction", "11554009", "Adduction"),
    Movement("hip_internal_rotation", "12852001", "Internal rotation"),
    Movement("hip_external_rotation", "52019005", "External rotation"),
)

# Tests of one side's hip region without a standard code (docs/clinical.md found none for the
# Thomas test): one observation per item and side, coded in MEASURE_SYSTEM, with the hip
# of the tested side as body site.
HIP_TESTS = (
    "thomas_hip_angle",
    "thomas_knee_angle",
    "thomas_abduction",
    "thomas_pelvis_controlled",
    "slr_angle",
    "slr_below_knee_pain",
    "ake_deficit",
    "ober",
    "faber",
    "faber_pain_site",
    "fadir",
    "fair",
    "aslr_score",
    "trendelenburg",
)

# Palpation (docs/clinical.md "Palpation"): one observation per muscle and side, coded
# `palpation_<muscle>` in MEASURE_SYSTEM, with these items as components.
PALPATION_PARTS = ("tone", "tender", "trigger")
TRIGGER_POINT_FOUND = frozenset({"present", "familiar"})

# Derived scores in MEASURE_SYSTEM (computed by assessments/outcomes/).
PSFS_MEAN = "psfs_mean"
ODI_SCORE = "odi_score"
# Roland-Morris total (0-24) as entered from the clinic's form: no standard code in our sources.
RMDQ_SCORE = "rmdq_score"
# The home program on the client's phone (docs/program.md), in MEASURE_SYSTEM: the share of
# planned sessions done, and the client's own daily pain rating (coded with LOINC 72514-3
# as well: a 0-10 rating of the pain that day, at the time the client gave it).
PROGRAM_ADHERENCE = "program_adherence"
PROGRAM_PAIN = "program_pain"
# The client's answers on the program page before a visit (docs/program.md "Before your next
# visit"): one observation per set sent, its parts coded as the visit's own items are.
PROGRAM_ANSWERS = "program_answers"


def snomed_laterality(side: str) -> str:
    """The hip joint on one side as a SNOMED CT post-coordinated expression.

    Hip joint structure refined by laterality (FHIR allows SNOMED CT compositional grammar
    in Coding.code), e.g. "24136001:272741003=7771000" for the left hip.
    """
    return f"{HIP_JOINT_SNOMED}:{LATERALITY_ATTRIBUTE_SNOMED}={SIDE_SNOMED[side]}"
