"""The demo visits, one table per demo client (loaded by assessments.demo.loader).

A visit lists item values by catalogue code; a sided item takes a (left, right) pair or
one value for both sides. The first visit is complete; a later visit starts as a copy of
the one before (values carry forward, docs/clinical.md norms for the numbers) and lists
only what changed, plus what is asked anew at every visit: pain intensity, questionnaire
scores, red flags (any not listed as yes is answered no). None removes a carried value,
such as a pain site that has cleared.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

Raw = int | float | str | None
Entry = Raw | tuple[Raw, Raw]


@dataclass(frozen=True)
class DemoVisit:
    on: datetime.date
    by: str  # the therapist's username (clinic.demo staff)
    story: dict[str, str]  # narrative fields
    values: dict[str, Entry] = field(default_factory=dict)
    red_flags: tuple[str, ...] = ()  # red-flag codes answered yes
    draft: bool = False


def visit(
    on: str,
    by: str,
    story: dict[str, str],
    *values: Mapping[str, Entry],
    red_flags: tuple[str, ...] = (),
    draft: bool = False,
    **items: Entry,
) -> DemoVisit:
    merged: dict[str, Entry] = {}
    for part in values:
        merged.update(part)
    merged.update(items)
    return DemoVisit(datetime.date.fromisoformat(on), by, story, merged, red_flags, draft)


def psfs(activities: tuple[str, ...], *scores: int) -> dict[str, Entry]:
    """Patient-Specific Functional Scale: the client's activities, each scored 0-10."""
    values: dict[str, Entry] = {}
    for n, (activity, score) in enumerate(zip(activities, scores, strict=True), start=1):
        values[f"psfs_activity_{n}"] = activity
        values[f"psfs_score_{n}"] = score
    return values


def odi(*sections: int) -> dict[str, Entry]:
    """Oswestry section scores (0-5 each) and the total: sum x 2 (docs/clinical.md)."""
    values: dict[str, Entry] = {f"odi_section_{n}": s for n, s in enumerate(sections, start=1)}
    values["odi_percent"] = sum(sections) * 2
    return values


def startback(total: int, distress: int) -> dict[str, Entry]:
    """STarT Back totals typed from the form, as visits recorded before the answers were."""
    return {"startback_total": total, "startback_distress": distress}


def startback_answers(agree: tuple[int, ...], bothersome: str) -> dict[str, Entry]:
    """STarT Back answers: "agree" on the items given (1-8), and item 9 (bothersomeness)."""
    values: dict[str, Entry] = {
        f"startback_{n}": "agree" if n in agree else "disagree" for n in range(1, 9)
    }
    values["startback_9"] = bothersome
    return values


def pain(now: int, worst: int, **sites: str) -> dict[str, Entry]:
    """NPRS now and worst in 24 hours (0-10), and where it hurts."""
    values: dict[str, Entry] = {"pain_now": now, "pain_worst_24h": worst}
    values.update({f"pain_site_{site}": side for site, side in sites.items()})
    return values


# The tables are laid out by hand, one visit per block.
# fmt: off

# Shared baselines: ROM measured the same way at every visit (docs/clinical.md: compare visits
# only on the same instrument).
GONIOMETER = {"rom_instrument": "goniometer", "hip_rotation_position": "prone",
              "pelvic_tilt_instrument": "inclinometer"}

PRIYA_PSFS = ("Sitting through a two-hour meeting", "Cycling to work (25 min)",
              "Getting up from the sofa without stiffness")
PRIYA = (
    visit("2026-08-04", "alex", {
        "presenting_complaint": "Ache across the low back at belt level, worse by the end of "
        "the working day; stiff for a few minutes when standing up after meetings.",
        "onset": "Gradual over 6 months since moving to a fully desk-based role.",
        "eases": "Walking about; lying on her back with knees bent.",
        "activities": "Cycles to work; weekend hikes.",
        "goals": "Sit through a working day without back pain; hike 15 km again.",
        "gait_notes": "Slightly shortened stride both sides.",
        "treatment_today": "Soft tissue release to hip flexors and lumbar paraspinals. Taught "
        "kneeling hip flexor stretch and glute bridge; movement break every 45 minutes.",
    }, GONIOMETER, pain(5, 7, low_back="central"), psfs(PRIYA_PSFS, 3, 5, 4), startback(3, 1),
        agg_sitting="yes", agg_standing="no", agg_bending="no", sitting_hours=9.5,
        pelvic_tilt_direction="anterior", pelvic_tilt_deg=16, lumbar_lordosis="increased",
        thomas_hip_angle=(12, 10), thomas_knee_angle=(78, 80), thomas_abduction=0,
        thomas_pelvis_controlled="yes", hip_flexion=(120, 118), hip_extension=(3, 5),
        hip_internal_rotation=(35, 36), hip_external_rotation=(42, 44),
        slr_angle=(85, 88), strength_glute_max=("4", "4"), strength_glute_med="5",
        strength_deep_abdominals="4-", prone_hip_ext_lumbar="yes",
        sls_lumbar_extension="yes", gait_short_stride="yes"),
    visit("2026-08-25", "alex", {
        "notes": "Doing the stretch most days; bridges 3 times a week.",
        "treatment_today": "Hip flexor release; progressed bridge to 3 x 12 with a 2 s hold.",
    }, pain(4, 6, low_back="central"), psfs(PRIYA_PSFS, 4, 6, 5), sitting_hours=8.5,
        agg_sitting="yes", thomas_hip_angle=(7, 6), hip_extension=(6, 7)),
    visit("2026-09-22", "sam", {
        "notes": "Standing desk in the afternoons now.",
        "treatment_today": "Deep tissue massage, lumbar and gluteal. Added lunge stretch.",
    }, pain(2, 4, low_back="central"), psfs(PRIYA_PSFS, 6, 7, 7), startback(1, 0),
        agg_sitting="yes", sitting_hours=7, pelvic_tilt_deg=12, thomas_hip_angle=(3, 2),
        thomas_knee_angle=(82, 84), hip_extension=(9, 10), strength_glute_max="4+",
        prone_hip_ext_lumbar="no", gait_short_stride="no"),
    visit("2026-10-27", "alex", {
        "notes": "Hiked 12 km at the weekend without pain.",
        "treatment_today": "Reviewed program; reduced to maintenance (stretch daily, bridges "
        "twice a week). Review in 6 weeks if needed.",
    }, pain(1, 3, low_back="central"), psfs(PRIYA_PSFS, 8, 8, 9), agg_sitting="no",
        sitting_hours=7, pelvic_tilt_deg=10, lumbar_lordosis="normal", thomas_hip_angle=(0, -2),
        hip_extension=(12, 12), strength_deep_abdominals="4", sls_lumbar_extension="no"),
)

THOMAS_PSFS = ("Sitting through a 4-hour drive", "Climbing into the cab",
               "Standing on the riverbank fishing (2 hours)")
THOMAS = (
    visit("2026-07-14", "sam", {
        "presenting_complaint": "Dull low back pain after long drives; struggles to bend to "
        "tie his boots.",
        "onset": "On and off for 3 years; worse since doubling his shifts in spring.",
        "eases": "Walking round the lorry at stops; heat pack.",
        "activities": "Long-haul driving, fishing.",
        "goals": "Drive a full shift and bend to the tackle box without pain.",
        "gait_notes": "Flat lumbar spine, short stride.",
        "treatment_today": "Hamstring and gluteal soft tissue work. Taught supine hamstring "
        "stretch with a strap (30 s x 3, daily) and walking breaks every 2 hours.",
    }, GONIOMETER, pain(6, 8, low_back="central", thigh="both"), psfs(THOMAS_PSFS, 3, 4, 5),
        odi(3, 2, 2, 1, 3, 2, 1, 2, 1, 2), startback_answers((1, 3, 4, 5, 8), "moderately"),
        agg_sitting="yes", agg_bending="yes", agg_standing="no", sitting_hours=11,
        pelvic_tilt_direction="posterior",
        pelvic_tilt_deg=3, lumbar_lordosis="decreased", thomas_hip_angle=(-10, -8),
        thomas_knee_angle=(72, 70), hip_flexion=(95, 98), hip_extension=(12, 11),
        lumbar_flexion=35, slr_angle=(58, 62), slr_below_knee_pain="no", ake_deficit=(38, 35),
        strength_glute_max="4", strength_hamstrings="5", forward_bend_hips_stiff="yes",
        gait_short_stride="yes"),
    visit("2026-08-11", "sam", {
        "notes": "Stretching 5 days a week; stops every 2 hours on most runs.",
        "treatment_today": "Soft tissue work to hamstrings; added seated forward fold.",
    }, pain(4, 6, low_back="central"), psfs(THOMAS_PSFS, 5, 5, 6),
        odi(2, 2, 1, 1, 2, 1, 1, 1, 1, 1), agg_sitting="yes", agg_bending="yes",
        slr_angle=(66, 68), ake_deficit=(30, 28), hip_flexion=(102, 104), lumbar_flexion=40),
    visit("2026-09-15", "alex", {
        "notes": "Ties his boots standing up again.",
        "treatment_today": "Progressed to hip hinge drill with a dowel; glute bridges 3 x 12.",
    }, pain(3, 5, low_back="central"), psfs(THOMAS_PSFS, 7, 7, 8),
        odi(1, 1, 1, 0, 1, 1, 0, 1, 1, 1), startback(2, 1), agg_sitting="yes",
        pelvic_tilt_direction="neutral", pelvic_tilt_deg=6, lumbar_lordosis="normal",
        slr_angle=(72, 75), ake_deficit=(22, 20), hip_flexion=(108, 110), lumbar_flexion=45,
        forward_bend_hips_stiff="no", gait_short_stride="no", strength_glute_max="4+"),
)

AISHA_PSFS = ("Running 10 km", "Running downhill", "Standing on the right leg to put on shoes")
AISHA = (
    visit("2026-06-16", "alex", {
        "presenting_complaint": "Right-sided low back and lateral hip ache after runs over "
        "8 km.",
        "onset": "Started 8 weeks into half-marathon training.",
        "eases": "Rest days; foam roller on the outer thigh.",
        "activities": "Half-marathon training, 4 runs a week.",
        "goals": "Run the city half-marathon in October pain-free.",
        "gait_notes": "Right pelvic drop at mid-stance when running on the treadmill.",
        "treatment_today": "Massage to right TFL and gluteals. Taught clamshells and side-lying "
        "leg raises, 3 x 12, every other day; cut long run to 8 km for two weeks.",
    }, GONIOMETER, pain(3, 6, low_back="right", buttock="right"), psfs(AISHA_PSFS, 3, 4, 6),
        agg_standing="yes", agg_walking="no", agg_sitting="no", hip_abduction=(40, 34),
        hip_adduction=(25, 22), strength_glute_med=("4", "3+"), strength_glute_max=("4+", "4"),
        force_glute_med=(165.0, 128.5), force_unit="N",
        force_position="Side-lying, dynamometer just above the lateral knee",
        trendelenburg=("negative", "positive"), sls_pelvic_drop=("no", "yes"),
        sls_knee_inward=("no", "yes"), sls_trunk_lean=("no", "yes"), ober=("negative",
        "positive"), gait_trendelenburg="yes"),
    visit("2026-07-07", "alex", {
        "notes": "Doing the exercises 3-4 times a week.",
        "treatment_today": "Progressed to banded side steps and hip airplanes.",
    }, pain(2, 5, low_back="right"), psfs(AISHA_PSFS, 4, 5, 7), agg_standing="yes",
        strength_glute_med=("4+", "4-"), force_glute_med=(172.0, 142.0)),
    visit("2026-08-04", "sam", {
        "notes": "Long run back to 14 km; ache only in the last 2 km.",
        "treatment_today": "TFL release; single-leg squat practice in front of a mirror.",
    }, pain(1, 4, low_back="right"), psfs(AISHA_PSFS, 6, 6, 8), agg_standing="no",
        strength_glute_med=("5-", "4"), force_glute_med=(180.0, 158.0),
        trendelenburg="negative", gait_trendelenburg="no", sls_trunk_lean="no", ober="negative"),
    visit("2026-09-08", "alex", {
        "notes": "Ran 18 km without pain. Race in 5 weeks.",
        "treatment_today": "Race-week plan; maintenance strength twice a week.",
    }, pain(1, 2), psfs(AISHA_PSFS, 8, 8, 9), strength_glute_med=("5", "4+"),
        force_glute_med=(184.0, 171.0), sls_pelvic_drop="no", sls_knee_inward="no"),
)

MARGARET_PSFS = ("Kneeling to weed the garden (30 min)", "Walking to the shops (1 km)")
MARGARET = (
    visit("2026-08-18", "alex", {
        "presenting_complaint": "Low back ache on standing and walking for more than 20 minutes.",
        "onset": "Intermittent for years; flared in July after a week of gardening.",
        "eases": "Sitting down; aqua aerobics.",
        "activities": "Gardening, aqua aerobics twice a week.",
        "goals": "Garden for an hour; walk to the shops and back without stopping.",
        "gait_notes": "Short stride, slight forward lean.",
        "notes": "Osteoporosis (2019), on long-term medication: no end-range loaded flexion, "
        "no spinal manipulation.",
        "treatment_today": "Gentle massage to lumbar paraspinals and gluteals. Sit-to-stand "
        "practice and supported bridges, 2 x 8.",
    }, GONIOMETER, pain(4, 6, low_back="central"), psfs(MARGARET_PSFS, 3, 5),
        odi(2, 1, 2, 2, 2, 1, 1, 1, 2, 2), agg_standing="yes", agg_walking="yes",
        pelvic_tilt_direction="neutral", pelvic_tilt_deg=7, lumbar_lordosis="normal",
        thomas_hip_angle=(2, 4), thomas_knee_angle=(80, 78), hip_flexion=(100, 98),
        hip_extension=(5, 4), slr_angle=(70, 68), strength_glute_max="4-",
        strength_glute_med="4", strength_deep_abdominals="3+", gait_short_stride="yes"),
    visit("2026-09-15", "alex", {
        "notes": "Managing the exercises; walks to the shops with one rest.",
        "treatment_today": "Massage; progressed bridges to 2 x 10; standing hip abduction "
        "holding the kitchen counter.",
    }, pain(3, 5, low_back="central"), psfs(MARGARET_PSFS, 4, 6),
        odi(1, 1, 2, 1, 2, 1, 1, 1, 1, 2), agg_standing="yes", hip_extension=(7, 6),
        strength_glute_max="4"),
    visit("2026-10-20", "alex", {
        "notes": "Slipped on the wet patio step 5 days ago and landed on her bottom; sharp "
        "mid and low back pain since.",
        "treatment_today": "No hands-on treatment and no exercise progression. Minor fall with "
        "osteoporosis: referred to her GP the same day to exclude a vertebral fracture.",
    }, pain(7, 9, low_back="central"), agg_standing="yes", agg_walking="yes",
        agg_lying="yes", red_flags=("rf_minor_trauma_bone",)),
)

DANIEL_PSFS = ("Sitting in the car for an hour", "Playing five-a-side", "Lifting boxes at work")
DANIEL = (
    visit("2026-07-21", "sam", {
        "presenting_complaint": "Deep right buttock pain, sometimes into the back of the thigh "
        "(never below the knee); worse after sitting.",
        "onset": "Two months, after a heavy week of lifting during a stock-take.",
        "eases": "Walking; stretching the right leg across the body.",
        "activities": "Five-a-side football weekly.",
        "goals": "Play a full match; drive to his parents' (90 min) without stopping.",
        "treatment_today": "Trigger point release to right piriformis; taught figure-four "
        "stretch (30 s x 3, twice a day).",
    }, GONIOMETER, pain(5, 7, buttock="right", thigh="right"), psfs(DANIEL_PSFS, 4, 2, 6),
        startback(4, 2), agg_sitting="yes", agg_bending="no", sitting_hours=5,
        hip_internal_rotation=(36, 24), hip_external_rotation=(45, 40), hip_flexion=(118, 110),
        slr_angle=(82, 76), slr_below_knee_pain="no", fair=("negative", "positive"),
        faber=("negative", "positive"), faber_pain_site=(None, "posterior"),
        fadir="negative", strength_glute_max=("5", "4+"), strength_glute_med=("5", "4+")),
    visit("2026-08-11", "sam", {
        "notes": "Drives with a cushion and stops after an hour.",
        "treatment_today": "Piriformis release; added 90/90 hip switches and bridges.",
    }, pain(3, 5, buttock="right"), psfs(DANIEL_PSFS, 6, 4, 7), agg_sitting="yes",
        hip_internal_rotation=(36, 29), hip_flexion=(118, 114)),
    visit("2026-09-08", "sam", {
        "notes": "Played 40 minutes of five-a-side, sore the next day only.",
        "treatment_today": "Progressed to single-leg bridges and lateral lunges.",
    }, pain(1, 2), psfs(DANIEL_PSFS, 8, 7, 9), startback(1, 0), agg_sitting="no",
        hip_internal_rotation=(36, 34), fair="negative", faber="negative",
        faber_pain_site=None, strength_glute_max="5", strength_glute_med="5"),
)

MEI_PSFS = ("Standing through a 3-hour rehearsal", "A bouldering session")
MEI = (
    visit("2026-09-29", "sam", {
        "presenting_complaint": "Mild left low back tightness after long standing rehearsals.",
        "onset": "A few weeks, during a busy concert season.",
        "eases": "Yoga; changing position.",
        "activities": "Violin (standing), yoga, climbing.",
        "goals": "Reassurance; keep climbing.",
        "treatment_today": "Massage to lumbar and upper gluteal muscles. Advice on weight "
        "shifting while playing; no home program needed beyond her yoga.",
    }, GONIOMETER, pain(2, 3, low_back="left"), psfs(MEI_PSFS, 7, 8), startback(1, 0),
        agg_standing="yes", agg_sitting="no", pelvic_tilt_direction="anterior",
        pelvic_tilt_deg=9, lumbar_lordosis="normal", thomas_hip_angle=(-12, -11),
        thomas_knee_angle=(88, 90), thomas_abduction=0, hip_flexion=125, hip_extension=(18, 17),
        hip_abduction=(45, 44), hip_internal_rotation=(38, 40), hip_external_rotation=(48, 46),
        slr_angle=(95, 92), ake_deficit=(8, 10), ober="negative", strength_glute_max="5",
        strength_glute_med="5", trendelenburg="negative"),
    visit("2026-10-20", "sam", {
        "notes": "Season over; only occasional stiffness.",
        "treatment_today": "Massage. Discharged; come back if it returns.",
    }, pain(1, 2, low_back="left"), psfs(MEI_PSFS, 9, 9), agg_standing="no"),
)

RAFAEL_PSFS = ("Riding 100 km", "Standing at the drawing board for an hour")
RAFAEL = (
    visit("2026-08-25", "alex", {
        "presenting_complaint": "Low back ache on standing up straight after long rides, and "
        "at the drawing board.",
        "onset": "About a year; rides 200 km a week.",
        "eases": "Lying flat; hot shower.",
        "activities": "Road cycling, 200 km a week.",
        "goals": "Ride a 160 km sportive in spring; stand at work without back pain.",
        "treatment_today": "Massage to quadriceps, hip flexors and TFL. Taught couch stretch "
        "(knee bent) and kneeling hip flexor stretch, 30 s x 3 after every ride.",
    }, GONIOMETER, pain(5, 6, low_back="both"), psfs(RAFAEL_PSFS, 4, 5), startback(3, 1),
        agg_standing="yes", agg_walking="no", sitting_hours=7, pelvic_tilt_direction="anterior",
        pelvic_tilt_deg=18, lumbar_lordosis="increased", thomas_hip_angle=(8, 11),
        thomas_knee_angle=(52, 48), thomas_abduction=(5, 8), thomas_pelvis_controlled="yes",
        hip_extension=(2, 0), hip_flexion=(115, 112), slr_angle=(72, 70),
        ober=("negative", "positive"), strength_glute_max=("4", "4-"), prone_hip_ext_lumbar="yes"),
    visit("2026-09-29", "alex", {
        "notes": "Stretching after most rides.",
        "treatment_today": "Rectus femoris and TFL release; added glute bridges 3 x 12.",
    }, pain(3, 5, low_back="both"), psfs(RAFAEL_PSFS, 6, 6), agg_standing="yes",
        thomas_hip_angle=(5, 7), thomas_knee_angle=(58, 55), thomas_abduction=(3, 5),
        hip_extension=(5, 3), strength_glute_max="4"),
    visit("2026-11-03", "alex", {
        "notes": "Draft: Thomas test and hip extension re-measured; strength not retested yet.",
    }, pain(2, 4, low_back="both"), psfs(RAFAEL_PSFS, 7, 7), agg_standing="no",
        pelvic_tilt_deg=14, thomas_hip_angle=(3, 4), thomas_knee_angle=(63, 60),
        thomas_abduction=(0, 2), hip_extension=(7, 6), draft=True),
)

GRACE = (
    visit("2026-05-12", "sam", {
        "presenting_complaint": "Left low back and groin ache after netball landings.",
        "onset": "Three weeks, since the start of the county season.",
        "eases": "Ice; rest.",
        "activities": "Netball, 3 sessions a week.",
        "goals": "Play the season out.",
        "treatment_today": "Adductor and gluteal massage. Copenhagen plank (short lever), "
        "clamshells and landing drills; discharged to self-manage during her placement year.",
    }, GONIOMETER, pain(3, 5, low_back="left", groin="left"),
        psfs(("Landing from a jump", "Sprinting and changing direction"), 5, 6),
        agg_bending="no", hip_abduction=(30, 36), hip_adduction=(24, 25),
        strength_glute_med=("4", "4+"), sls_knee_inward=("yes", "no"),
        faber=("positive", "negative"), faber_pain_site=("groin", None), aslr_score=(1, 0)),
)

OLIVER_PSFS = ("Riding an 8-hour delivery shift", "Running 5 km off the bike")
OLIVER = (
    visit("2026-09-01", "jordan", {
        "presenting_complaint": "Low back tightness on getting off the bike and on the run leg "
        "of triathlons.",
        "onset": "Four months, since starting full-time delivery riding.",
        "eases": "Walking it off; stretching his quads.",
        "activities": "Delivery riding (e-bike), sprint triathlon.",
        "goals": "Run 5 km off the bike without back pain by the spring race.",
        "treatment_today": "Hip flexor release. Bridges with a 3 s hold, prone hip extension "
        "with the belly braced; kneeling hip flexor stretch after shifts.",
    }, GONIOMETER, pain(4, 6, low_back="central"), psfs(OLIVER_PSFS, 4, 3), startback(2, 0),
        agg_standing="yes", sitting_hours=6, pelvic_tilt_direction="anterior",
        pelvic_tilt_deg=15, thomas_hip_angle=(6, 5), thomas_knee_angle=(70, 72),
        hip_extension=(6, 8), lumbar_extension=25, strength_glute_max=("4-", "4"),
        strength_hamstrings="5", prone_hip_ext_lumbar="yes", sls_lumbar_extension="yes"),
    visit("2026-10-06", "jordan", {
        "notes": "Exercises 4 days a week.",
        "treatment_today": "Progressed to hip thrusts off a bench, 3 x 10.",
    }, pain(2, 4, low_back="central"), psfs(OLIVER_PSFS, 6, 5), agg_standing="yes",
        thomas_hip_angle=(2, 1), hip_extension=(10, 11), strength_glute_max=("4", "4+"),
        prone_hip_ext_lumbar=("no", "yes")),
    visit("2026-11-10", "jordan", {
        "notes": "Draft: brick session review; finish the strength tests next time.",
    }, pain(1, 3), psfs(OLIVER_PSFS, 8, 7), agg_standing="no", thomas_hip_angle=(-2, -1),
        hip_extension=(13, 13), prone_hip_ext_lumbar="no", draft=True),
)

# fmt: on

RIVERSIDE = "Riverside Physio & Massage"
NORTHGATE = "Northgate Sports Therapy"
# (clinic name, given name, family name) -> visits, oldest first.
DEMO_VISITS: dict[tuple[str, str, str], tuple[DemoVisit, ...]] = {
    (RIVERSIDE, "Priya", "Sharma"): PRIYA,
    (RIVERSIDE, "Thomas", "Becker"): THOMAS,
    (RIVERSIDE, "Aisha", "Bello"): AISHA,
    (RIVERSIDE, "Margaret", "O'Neill"): MARGARET,
    (RIVERSIDE, "Daniel", "Kowalski"): DANIEL,
    (RIVERSIDE, "Mei", "Chen"): MEI,
    (RIVERSIDE, "Rafael", "Ortega"): RAFAEL,
    (RIVERSIDE, "Grace", "Adeyemi"): GRACE,
    (NORTHGATE, "Oliver", "Hughes"): OLIVER,
}
