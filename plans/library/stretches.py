"""Built-in stretches (docs/clinical.md: hold 30 s, 2-4 repetitions, daily).

The reasons for the contraindications shared with other entries are noted in `exercises`.
"""

from plans.library.types import STRETCH_DOSE, STRETCH_OLDER_DOSE, Intervention, Kind


def stretch_entries() -> tuple[Intervention, ...]:
    """The built-in stretches, in the order the handout lists them."""

    return (
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
                # docs/clinical.md "Movement and compensation": in a forward bend the back bends
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
            contraindications=("hip_joint_suspected", "hip_arthritis_history"),
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
                "hip_arthritis_history",  # the same position, with a diagnosed hip arthritis
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
            contraindications=(
                "hip_joint_suspected",
                "hip_arthritis_history",
            ),  # end-range rotation in flexion
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
            contraindications=("hip_joint_suspected", "hip_arthritis_history"),
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
        # --- Strengthening (docs/clinical.md: glute bridges 3 x 10-15, 3 times a week) ---
        # red_flag_fracture on every strengthening and motor-control entry: no loading
        # until a possible fracture has been ruled out (see top).
    )
