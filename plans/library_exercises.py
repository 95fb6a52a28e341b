"""Built-in home exercises: stretches, strengthening, mobility and motor control.

Read these through `plans.library` (LIBRARY, BY_SLUG, get). The entries are built inside
a function so that this module never imports `plans.library` at import time: either module
can be imported first without a circular-import error.

Contraindications are finding codes from the assessments findings module. Red flags stop
the whole plan anyway (CLINICAL.md "Red flags"); they are listed here only where the entry
itself would do harm, so a therapist who overrides the stop still gets the right warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plans.library import Intervention

# Finding-code reasons shared by many entries (the code strings are fixed elsewhere):
# - red_flag_fracture: no loaded exercise until a possible fracture is ruled out
#   (CLINICAL.md "Red flags": significant trauma, or minor trauma with osteoporosis).
# - hip_joint_suspected: FABER groin pain or FADIR positive (CLINICAL.md "Provocation /
#   special tests"): no end-range hip flexion or rotation, which is the provoking position.
# - red_flag_neurological: a positive SLR with pain below the knee is a nerve-root sign;
#   CLINICAL.md "Muscle length tests": do not prescribe hamstring stretching for it.


def exercise_entries() -> tuple[Intervention, ...]:
    """Every home exercise, stretches first."""
    from plans.library import (
        MOBILITY_DOSE,
        MOBILITY_OLDER_DOSE,
        STRENGTHEN_DOSE,
        STRENGTHEN_OLDER_DOSE,
        STRETCH_DOSE,
        STRETCH_OLDER_DOSE,
        Dose,
        Intervention,
        Kind,
    )

    return (
        # --- Stretches (CLINICAL.md presentation table, "typical targets") ---
        Intervention(
            slug="kneeling-hip-flexor-stretch",
            name="Kneeling hip flexor stretch",
            kind=Kind.STRETCH,
            targets=("iliopsoas", "hip flexors", "front of hip"),
            summary="Stretches the front of your hip, which gets tight when you sit a lot.",
            steps=(
                "Kneel on one knee on a soft mat or a folded towel.",
                "Put the other foot flat on the floor in front of you.",
                "Tuck your tailbone under, as if you were flattening your lower back.",
                "Slowly move your hips forward until you feel a gentle pull at the front of "
                "the hip of the kneeling leg.",
                "Keep your body upright. Do not arch your back.",
                "Hold and breathe slowly, then switch sides.",
            ),
            safety="Stop if you feel sharp pain, or pain in your knee or lower back.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(),
            illustration="kneeling-hip-flexor-stretch.svg",
        ),
        Intervention(
            slug="lunge-stretch",
            name="Standing lunge stretch",
            kind=Kind.STRETCH,
            targets=("iliopsoas", "hip flexors", "front of hip"),
            summary="A standing stretch for the front of your hip. Good if kneeling hurts.",
            steps=(
                "Stand tall. Hold a chair or a wall for balance if you need to.",
                "Take a long step forward with one foot.",
                "Bend your front knee. Keep your back leg straight, with the heel off the floor.",
                "Tuck your tailbone under and squeeze the buttock of your back leg.",
                "Move your hips forward until you feel a gentle pull at the front of that hip.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel sharp pain, your front knee hurts, or you feel unsteady.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),  # standing on a loaded lunge
            illustration="lunge-stretch.svg",
        ),
        Intervention(
            slug="couch-stretch",
            name="Couch stretch",
            kind=Kind.STRETCH,
            targets=("rectus femoris", "quadriceps", "hip flexors", "front of thigh"),
            summary="Stretches the front of your thigh and hip together.",
            steps=(
                "Kneel with your back to a sofa or a wall. Put a cushion under your knee.",
                "Slide one knee back to the wall. Rest that shin and foot up against it.",
                "Put your other foot flat on the floor in front of you.",
                "Tuck your tailbone under. Lift your chest until you feel a stretch at the "
                "front of your thigh.",
                "Keep your lower back flat, not arched.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel sharp pain, or pain in your knee or lower back.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(),
            illustration="couch-stretch.svg",
        ),
        Intervention(
            slug="supine-hamstring-stretch",
            name="Lying hamstring stretch",
            kind=Kind.STRETCH,
            targets=("hamstrings", "back of thigh"),
            summary="Stretches the back of your thigh while your back rests on the floor.",
            steps=(
                "Lie on your back with both legs straight.",
                "Loop a towel or a strap around the ball of one foot.",
                "Hold the ends and raise that leg. Keep the knee straight.",
                "Stop when you feel a gentle pull at the back of your thigh.",
                "Keep your other leg flat and your head on the floor.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel pain, tingling or numbness that runs down your leg.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_neurological",),  # nerve-root sign, see top
            illustration="supine-hamstring-stretch.svg",
        ),
        Intervention(
            slug="seated-forward-fold",
            name="Seated forward fold",
            kind=Kind.STRETCH,
            targets=("hamstrings", "back of thigh", "calves"),
            summary="Stretches the backs of your legs as you lean forward from your hips.",
            steps=(
                "Sit on the floor with your legs straight out in front of you.",
                "Sit up tall. Bend your knees a little if you need to.",
                "Lean forward from your hips and reach toward your feet.",
                "Keep your back long, not rounded.",
                "Stop when you feel a gentle pull at the back of your legs.",
                "Hold and breathe slowly.",
            ),
            safety="Stop if you feel back pain, or pain, tingling or numbness down your leg.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=False,
            contraindications=(
                "red_flag_neurological",  # nerve-root sign, see top
                "red_flag_fracture",  # loaded spinal bending with a possible spine fracture
                # CLINICAL.md "Movement and compensation": in a forward bend the back bends
                # while the hips stay stiff; a floor fold rehearses that. Use the lying stretch.
                "lumbar_flexion_compensation",
            ),
            illustration="seated-forward-fold.svg",
        ),
        Intervention(
            slug="figure-four-stretch",
            name="Figure-four stretch",
            kind=Kind.STRETCH,
            targets=("piriformis", "deep hip rotators", "gluteals", "buttock"),
            summary="Stretches the deep muscles of your buttock.",
            steps=(
                "Lie on your back with both knees bent and your feet flat.",
                "Cross one ankle over the other knee, so your legs make the shape of a 4.",
                "Let the crossed knee fall gently outward.",
                "For more stretch, lift your other foot off the floor. Hold behind that thigh "
                "and pull it gently toward you.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel pain in your groin or at the front of your hip.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            # The figure four is the FABER position: groin pain there points to the hip joint.
            contraindications=("hip_joint_suspected",),
            illustration="figure-four-stretch.svg",
        ),
        Intervention(
            slug="pigeon-pose",
            name="Pigeon pose",
            kind=Kind.STRETCH,
            targets=("piriformis", "deep hip rotators", "gluteals", "hip flexors"),
            summary="A deeper stretch for your buttock, for when the figure-four stretch is easy.",
            steps=(
                "Start on your hands and knees.",
                "Bring one knee forward toward the hand on the same side. Lay that shin on "
                "the floor in front of you.",
                "Slide your other leg straight back.",
                "Keep your hips level. Put a cushion under the front hip if it does not reach "
                "the floor.",
                "Stay up on your hands, or lower onto your forearms for more stretch.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel pain in your knee, your groin or the front of your hip.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(
                "hip_joint_suspected",  # deep flexion with rotation, at end range
                "red_flag_fracture",  # body weight through the hip and pelvis
            ),
            illustration="pigeon-pose.svg",
        ),
        Intervention(
            slug="90-90-hip-stretch",
            name="90/90 hip stretch",
            kind=Kind.STRETCH,
            targets=("deep hip rotators", "gluteals", "piriformis", "hip rotation"),
            summary="Stretches your hip as it turns both in and out.",
            steps=(
                "Sit on the floor. Bend your front leg in front of you, knee at a right angle.",
                "Bend your back leg out to the side, also at a right angle.",
                "Sit up tall, with both sides of your bottom on the floor if you can.",
                "Lean forward over your front shin until you feel a stretch in that buttock.",
                "Hold, then swap your legs over to the other side.",
            ),
            safety="Stop if you feel pain in your knees, your groin or the front of your hip.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("hip_joint_suspected",),  # end-range rotation in flexion
            illustration="90-90-hip-stretch.svg",
        ),
        Intervention(
            slug="seated-butterfly-stretch",
            name="Seated butterfly stretch",
            kind=Kind.STRETCH,
            targets=("adductors", "inner thigh", "groin"),
            summary="Stretches the inside of your thighs.",
            steps=(
                "Sit on the floor and put the soles of your feet together.",
                "Hold your feet or ankles and sit up tall.",
                "Let your knees drop toward the floor. Do not push them down hard.",
                "For more stretch, lean forward a little from your hips.",
                "Hold and breathe slowly.",
            ),
            safety="Stop if you feel pain in your groin, the front of your hip or your knees.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=False,
            # Both hips go into the FABER position (flexion, abduction, outward turn).
            contraindications=("hip_joint_suspected",),
            illustration="seated-butterfly-stretch.svg",
        ),
        Intervention(
            slug="side-lunge-stretch",
            name="Side lunge stretch",
            kind=Kind.STRETCH,
            targets=("adductors", "inner thigh"),
            summary="A standing stretch for the inside of your thigh.",
            steps=(
                "Stand with your feet wide apart and your toes pointing forward.",
                "Bend one knee and shift your weight over that foot. Keep the other leg straight.",
                "Keep your bent knee in line with your toes, and your back straight.",
                "Stop when you feel a gentle stretch inside the straight leg.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel pain in your groin or knee, or you feel unsteady.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),  # loaded, body weight on one leg
            illustration="side-lunge-stretch.svg",
        ),
        Intervention(
            slug="standing-tfl-stretch",
            name="Standing outer hip stretch",
            kind=Kind.STRETCH,
            targets=("tensor fasciae latae", "iliotibial band", "outer hip", "outside of thigh"),
            summary="Stretches the outside of your hip and thigh.",
            steps=(
                "Stand tall. Hold a chair with one hand if you need help with balance.",
                "Cross the leg you want to stretch behind your other leg.",
                "Push that hip out to the side. Lean your upper body gently the other way.",
                "For more stretch, reach the arm on that side up over your head.",
                "Stop when you feel a stretch along the outside of that hip.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel sharp pain or you feel unsteady.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(),
            illustration="standing-tfl-stretch.svg",
        ),
        # --- Strengthening (CLINICAL.md: glute bridges 3 x 10-15, 3 times a week) ---
        # red_flag_fracture on every strengthening and motor-control entry: no loading
        # until a possible fracture has been ruled out (see top).
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
                # CLINICAL.md "Active SLR": any score above 0 means poor load transfer
                # through the pelvis; one-leg loading waits until the two-leg bridge is steady.
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
                # CLINICAL.md "Movement and compensation": the back arches to do the hip's
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
            ),
            illustration="seated-knee-lift.svg",
        ),
        # --- Motor control (CLINICAL.md: weak deep core -> plank, dead bug, bird dog; weak
        # gluteus medius -> hip airplanes; compensation -> movement retraining). CLINICAL.md
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
            targets=("deep abdominals", "back extensors", "gluteus maximus", "core"),
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
        # --- Mobility (CLINICAL.md: stiffness after inactivity). No CLINICAL.md dose. ---
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
            contraindications=("hip_joint_suspected",),  # deep hip flexion at end range
            illustration="quadruped-rock-back.svg",
        ),
    )
