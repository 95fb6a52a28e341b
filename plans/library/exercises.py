"""Built-in home exercises: strengthening, motor control and mobility (stretches live in
`stretches`). Read them through `plans.library` (LIBRARY, BY_SLUG, get).

Contraindications are finding codes from the assessments findings module. Red flags stop
the whole plan anyway (docs/clinical.md "Red flags"); they are listed here only where the entry
itself would do harm, so a therapist who overrides the stop still gets the right warning.
"""

from plans.library.control_levels import control_level_entries
from plans.library.levels import level_entries
from plans.library.stretch_levels import stretch_level_entries
from plans.library.stretches import stretch_entries
from plans.library.types import (
    MOBILITY_DOSE,
    MOBILITY_OLDER_DOSE,
    STRENGTHEN_DOSE,
    STRENGTHEN_OLDER_DOSE,
    Dose,
    Intervention,
    Kind,
)

# Finding-code reasons shared by many entries (the code strings are fixed elsewhere):
# - red_flag_fracture: no loaded exercise until a possible fracture is ruled out
#   (docs/clinical.md "Red flags": significant trauma, or minor trauma with osteoporosis).
# - hip_joint_suspected: FABER groin pain or FADIR positive (docs/clinical.md "Provocation /
#   special tests"): no end-range hip flexion or rotation, which is the provoking position.
# - hip_arthritis_history: a diagnosed hip arthritis holds back the same positions
#   (docs/clinical.md "Referral levels": reasoning from FADIR, unconfirmed).
# - red_flag_neurological: a positive SLR with pain below the knee is a nerve-root sign;
#   docs/clinical.md "Muscle length tests": do not prescribe hamstring stretching for it.


def exercise_entries() -> tuple[Intervention, ...]:
    """Every home exercise, stretches first; the levels added for the progression chains
    (`levels`, `stretch_levels`) after the entries they progress."""
    return (
        *stretch_entries(),
        *stretch_level_entries(),
        # --- Stretches (docs/clinical.md presentation table, "typical targets") ---
        Intervention(
            slug="glute-bridge",
            name="Glute bridge",
            kind=Kind.STRENGTHEN,
            targets=("gluteus maximus", "gluteals", "buttock", "hip extensors"),
            summary="Strengthens your buttock muscles to support your lower back.",
            steps=(
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Rest your arms by your sides.",
                "Tighten your tummy a little and squeeze your buttocks.",
                "Lift your hips until your body makes a straight line from shoulders to knees.",
                "Pause at the top. Do not arch your back.",
                "Lower slowly.",
            ),
            safety="Stop if you feel pain in your lower back, or a cramp in the back of a thigh.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=False,
            contraindications=("red_flag_fracture",),
            illustration="glute-bridge.svg",
        ),
        Intervention(
            slug="single-leg-bridge",
            name="Single-leg bridge",
            kind=Kind.STRENGTHEN,
            targets=("gluteus maximus", "gluteals", "buttock", "pelvic control"),
            summary="A harder bridge on one leg, for when the two-leg bridge is easy.",
            steps=(
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Lift one foot and straighten that leg. Keep both thighs level.",
                "Push through the foot on the floor and lift your hips.",
                "Keep your hips level. Do not let one side drop.",
                "Lower slowly. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your lower back, or a cramp in the back of a thigh.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=(
                "red_flag_fracture",
                # docs/clinical.md "Provocation / special tests", Active SLR: any score above 0
                # means poor load transfer through the pelvis; one-leg loading waits until the
                # two-leg bridge is steady.
                "sij_load_transfer",
            ),
            illustration="single-leg-bridge.svg",
        ),
        Intervention(
            slug="hip-thrust",
            name="Hip thrust",
            kind=Kind.STRENGTHEN,
            targets=("gluteus maximus", "gluteals", "hip extensors"),
            summary="A stronger bridge with your upper back on a sofa or a bench.",
            steps=(
                "Sit on the floor with your upper back against the edge of a firm sofa or bench.",
                "Bend your knees and put your feet flat on the floor.",
                "Squeeze your buttocks and lift your hips until your body is level from "
                "shoulders to knees.",
                "Keep your chin tucked and your ribs down. Do not arch your lower back.",
                "Lower slowly.",
            ),
            safety="Stop if you feel pain in your lower back or your neck.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=False,
            contraindications=(
                "red_flag_fracture",
                # docs/clinical.md "Movement and compensation": the back arches to do the hip's
                # job. The loaded thrust invites it; stay with bridges until that is fixed.
                "lumbar_extension_compensation",
            ),
            illustration="hip-thrust.svg",
        ),
        Intervention(
            slug="clamshell",
            name="Clamshell",
            kind=Kind.STRENGTHEN,
            targets=("gluteus medius", "hip abductors", "side of hip"),
            summary="Strengthens the side of your hip, which keeps your pelvis level as you walk.",
            steps=(
                "Lie on your side with your hips and knees bent and your heels together.",
                "Rest your head on your lower arm.",
                "Keep your feet together and lift your top knee.",
                "Do not let your hips roll back.",
                "Lower slowly.",
            ),
            safety="Stop if you feel pain in your hip or lower back.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="clamshell.svg",
        ),
        Intervention(
            slug="side-lying-leg-raise",
            name="Side-lying leg raise",
            kind=Kind.STRENGTHEN,
            targets=("gluteus medius", "hip abductors", "side of hip"),
            summary="Strengthens the side of your hip.",
            steps=(
                "Lie on your side. Bend your bottom knee to keep you steady.",
                "Keep your top leg straight, in line with your body.",
                "Point your toes forward, not up.",
                "Lift your top leg a little way. Lead with your heel.",
                "Lower slowly.",
            ),
            safety="Stop if you feel pain in your hip or lower back.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="side-lying-leg-raise.svg",
        ),
        Intervention(
            slug="seated-knee-lift",
            name="Seated knee lift",
            kind=Kind.STRENGTHEN,
            targets=("iliopsoas", "hip flexors"),
            summary="Strengthens the deep muscle at the front of your hip.",
            steps=(
                "Sit tall on the front half of a firm chair, with your feet flat.",
                "Hold the sides of the seat.",
                "Lift one knee a hand's width. Keep your back straight. Do not lean back.",
                "Pause, then lower it slowly.",
                "Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in the front of your hip or in your groin.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=(
                "red_flag_fracture",
                "hip_joint_suspected",  # active hip bending past a right angle, as in FADIR
                "hip_arthritis_history",  # the same position, with a diagnosed hip arthritis
            ),
            illustration="seated-knee-lift.svg",
        ),
        # --- Motor control (docs/clinical.md: weak deep core -> plank, dead bug, bird dog; weak
        # gluteus medius -> hip airplanes; compensation -> movement retraining). docs/clinical.md
        # gives no dose for these: slow, few, well-controlled repeats are the defaults.
        Intervention(
            slug="hip-airplane",
            name="Hip airplane",
            kind=Kind.MOTOR_CONTROL,
            targets=("gluteus medius", "deep hip rotators", "pelvic control", "balance"),
            summary="Trains the muscles that hold your pelvis steady when you stand on one leg.",
            steps=(
                "Stand on one leg beside a counter or a chair. Hold it for balance.",
                "Bend forward from your hips, and lift your other leg out behind you.",
                "Slowly turn your pelvis open, so your chest turns to the side.",
                "Then turn it back until your hips are level again.",
                "Move slowly. Keep your standing knee soft.",
            ),
            safety="Stop if you feel pain in your hip or groin, or you feel unsteady.",
            dose=Dose(repetitions=6, sets=2, days_per_week=3),
            older_dose=Dose(repetitions=4, sets=2, days_per_week=2),
            per_side=True,
            contraindications=(
                "red_flag_fracture",
                "hip_joint_suspected",  # loaded hip rotation in flexion, the FADIR position
                "hip_arthritis_history",  # the same position, with a diagnosed hip arthritis
                "sij_load_transfer",  # turning on one leg loads the pelvis one side at a time
            ),
            illustration="hip-airplane.svg",
        ),
        Intervention(
            slug="plank",
            name="Forearm plank",
            kind=Kind.MOTOR_CONTROL,
            targets=("deep abdominals", "core", "trunk control"),
            summary="Trains your tummy muscles to hold your back steady.",
            steps=(
                "Lie face down. Prop yourself up on your forearms, elbows under your shoulders.",
                "Tuck your toes under. Lift your body into a straight line from head to heels.",
                "Tighten your tummy. Do not let your hips sag or poke up.",
                "Breathe normally while you hold.",
                "Too hard? Keep your knees on the floor.",
            ),
            safety="Stop if you feel pain in your lower back or your shoulders.",
            dose=Dose(hold_seconds=20, repetitions=3, days_per_week=3),
            older_dose=Dose(hold_seconds=10, repetitions=3, days_per_week=3),
            per_side=False,
            contraindications=("red_flag_fracture",),
            illustration="plank.svg",
        ),
        Intervention(
            slug="dead-bug",
            name="Dead bug",
            kind=Kind.MOTOR_CONTROL,
            targets=("deep abdominals", "core", "pelvic control"),
            summary="Trains your tummy to keep your back still while your arms and legs move.",
            steps=(
                "Lie on your back. Lift your knees over your hips, bent at a right angle.",
                "Point your arms up to the ceiling.",
                "Press your lower back gently into the floor.",
                "Slowly reach one arm back over your head and straighten the other leg.",
                "Keep your back on the floor. Come back, then switch sides.",
            ),
            safety="Stop if your lower back arches off the floor or hurts.",
            dose=Dose(repetitions=8, sets=2, days_per_week=3),
            older_dose=Dose(repetitions=5, sets=2, days_per_week=3),
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="dead-bug.svg",
        ),
        Intervention(
            slug="bird-dog",
            name="Bird dog",
            kind=Kind.MOTOR_CONTROL,
            targets=("back extensors", "deep abdominals", "gluteus maximus", "core"),
            summary="Trains your back and tummy to stay steady as you move an arm and a leg.",
            steps=(
                "Start on your hands and knees. Hands under shoulders, knees under hips.",
                "Tighten your tummy a little.",
                "Slowly reach one arm forward and the other leg back.",
                "Keep your back flat and your hips level. Do not let your back sag.",
                "Hold, then come back and switch sides.",
            ),
            safety="Stop if you feel pain in your lower back, wrists or knees.",
            dose=Dose(hold_seconds=5, repetitions=8, sets=2, days_per_week=3),
            older_dose=Dose(hold_seconds=5, repetitions=5, sets=2, days_per_week=3),
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="bird-dog.svg",
        ),
        Intervention(
            slug="hip-hinge",
            name="Hip hinge",
            kind=Kind.MOTOR_CONTROL,
            targets=("hip extensors", "hamstrings", "lumbopelvic rhythm", "movement retraining"),
            summary="Teaches you to bend from your hips, not your lower back.",
            steps=(
                "Stand tall with your feet apart and your knees soft.",
                "Put your hands on the front of your hips.",
                "Push your hips back, as if you were closing a car door with your bottom.",
                "Let your chest tip forward. Keep your back straight.",
                "Stop when you feel a pull at the back of your thighs. Squeeze your buttocks "
                "to stand up.",
            ),
            safety="Stop if you feel pain in your lower back, or pain that runs down your leg.",
            dose=Dose(repetitions=10, days_per_week=7),
            older_dose=Dose(repetitions=6, days_per_week=7),
            per_side=False,
            contraindications=("red_flag_fracture",),
            illustration="hip-hinge.svg",
        ),
        # --- Mobility (docs/clinical.md: stiffness after inactivity). No docs/clinical.md dose.
        # ---
        Intervention(
            slug="pelvic-tilt",
            name="Lying pelvic tilt",
            kind=Kind.MOBILITY,
            targets=("lumbar spine", "pelvis", "deep abdominals"),
            summary="Gently moves your lower back and pelvis to ease stiffness.",
            steps=(
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Tighten your tummy and press your lower back gently into the floor.",
                "Then let your back arch a little, so there is a small gap under it.",
                "Rock slowly between the two. Keep the movement small and easy.",
            ),
            safety="Stop if the movement causes sharp pain.",
            dose=MOBILITY_DOSE,
            older_dose=MOBILITY_OLDER_DOSE,
            per_side=False,
            contraindications=(),
            illustration="pelvic-tilt.svg",
        ),
        Intervention(
            slug="cat-cow",
            name="Cat-cow",
            kind=Kind.MOBILITY,
            targets=("lumbar spine", "thoracic spine", "pelvis"),
            summary="Moves your whole spine slowly, to ease stiffness.",
            steps=(
                "Start on your hands and knees.",
                "Breathe out and round your back up toward the ceiling. Let your head drop.",
                "Breathe in and let your back sag gently. Lift your head.",
                "Move slowly between the two, only as far as feels easy.",
            ),
            safety="Stop if you feel sharp pain, or pain that runs down your leg.",
            dose=MOBILITY_DOSE,
            older_dose=MOBILITY_OLDER_DOSE,
            per_side=False,
            contraindications=("red_flag_fracture",),  # end-range spinal bending
            illustration="cat-cow.svg",
        ),
        Intervention(
            slug="quadruped-rock-back",
            name="Rock back on hands and knees",
            kind=Kind.MOBILITY,
            targets=("hip flexion", "gluteals", "lumbar spine"),
            summary="Loosens your hips as you rock back toward your heels.",
            steps=(
                "Start on your hands and knees, with your back flat.",
                "Slowly rock your hips back toward your heels.",
                "Go only as far as you can keep your back flat.",
                "Rock forward again to the start.",
            ),
            safety="Stop if you feel a pinch or pain in your groin or the front of your hip.",
            dose=MOBILITY_DOSE,
            older_dose=MOBILITY_OLDER_DOSE,
            per_side=False,
            contraindications=(
                "hip_joint_suspected",
                "hip_arthritis_history",
            ),  # deep hip flexion at end range
            illustration="quadruped-rock-back.svg",
        ),
        *level_entries(),
        *control_level_entries(),
    )
