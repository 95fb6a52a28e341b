"""Built-in stretches added as easier or deeper levels of the stretch progressions
(`plans.library.chains`; docs/clinical.md "Progression and regression").

The reasons for the contraindications shared with other entries are noted in `exercises`.
"""

from plans.library.types import STRETCH_DOSE, STRETCH_OLDER_DOSE, Intervention, Kind


def stretch_level_entries() -> tuple[Intervention, ...]:
    """Stretches for the low back and buttocks, the front of the thigh, the hamstrings and
    the deeper hip flexor stretch."""
    return (
        Intervention(
            slug="knee-to-chest-stretch",
            name="Knee to chest stretch",
            kind=Kind.STRETCH,
            targets=("gluteals", "lower back", "buttock"),
            summary="A gentle stretch for your buttock and lower back, lying down.",
            steps=(
                "Lie on your back with your knees bent and your feet flat.",
                "Hold one knee with both hands.",
                "Gently pull it toward your chest until you feel a stretch in your buttock.",
                "Keep your other foot on the floor and your head down.",
                "Hold and breathe slowly, then switch sides.",
            ),
            safety="Stop if you feel pain in your groin, or pain that runs down your leg.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("hip_joint_suspected",),  # deep hip flexion at end range
            illustration="knee-to-chest-stretch.svg",
        ),
        Intervention(
            slug="double-knee-to-chest-stretch",
            name="Both knees to chest stretch",
            kind=Kind.STRETCH,
            targets=("gluteals", "lower back", "back extensors"),
            summary="A deeper stretch for your lower back, with both knees pulled in.",
            steps=(
                "Lie on your back with your knees bent and your feet flat.",
                "Lift one knee, then the other, and hold them with both hands.",
                "Gently pull both knees toward your chest.",
                "Let your lower back round and relax into the floor.",
                "Hold and breathe slowly. Lower one foot at a time.",
            ),
            safety="Stop if you feel pain in your groin, or pain that runs down your leg.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=False,
            contraindications=(
                "hip_joint_suspected",  # deep hip flexion at end range
                "red_flag_fracture",  # end-range spinal bending
            ),
            illustration="double-knee-to-chest-stretch.svg",
        ),
        Intervention(
            slug="childs-pose",
            name="Child's pose",
            kind=Kind.STRETCH,
            targets=("back extensors", "lower back", "gluteals"),
            summary="Rest back on your heels to stretch your whole back.",
            steps=(
                "Start on your hands and knees on a soft mat.",
                "Keep your hands where they are and sit back toward your heels.",
                "Let your head and chest sink down. Keep your arms long.",
                "Put a cushion between your heels and your bottom if that is easier.",
                "Hold and breathe slowly, then come back up on your hands and knees.",
            ),
            safety="Stop if you feel pain in your knees, groin or lower back.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=False,
            contraindications=("hip_joint_suspected",),  # deep hip flexion at end range
            illustration="childs-pose.svg",
        ),
        Intervention(
            slug="standing-quad-stretch",
            name="Standing thigh stretch",
            kind=Kind.STRETCH,
            targets=("rectus femoris", "quadriceps", "front of thigh"),
            summary="Stretches the front of your thigh, standing up.",
            steps=(
                "Stand tall. Hold a chair or a wall with one hand.",
                "Bend one knee and take that ankle in your other hand.",
                "Bring your heel toward your bottom. Keep your knees side by side.",
                "Tuck your tailbone under until you feel a stretch at the front of your thigh.",
                "Do not arch your back. Hold, then switch sides.",
            ),
            safety="Stop if your knee hurts, or you feel unsteady.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(),
            illustration="standing-quad-stretch.svg",
        ),
        Intervention(
            slug="kneeling-hip-flexor-reach",
            name="Kneeling hip flexor stretch with a reach",
            kind=Kind.STRETCH,
            targets=("iliopsoas", "hip flexors", "front of hip"),
            summary="A deeper kneeling stretch for the front of your hip, with your arm up.",
            steps=(
                "Kneel on one knee on a soft mat. Put the other foot flat in front of you.",
                "Tuck your tailbone under and squeeze the buttock of the kneeling leg.",
                "Reach the arm on the kneeling side up over your head.",
                "Move your hips forward until you feel a pull at the front of that hip.",
                "Keep your ribs down. Do not arch your back. Hold, then switch sides.",
            ),
            safety="Stop if you feel sharp pain, or pain in your knee or lower back.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=(),
            illustration="kneeling-hip-flexor-reach.svg",
        ),
        Intervention(
            slug="standing-hamstring-stretch",
            name="Standing hamstring stretch",
            kind=Kind.STRETCH,
            targets=("hamstrings", "back of thigh"),
            summary="Stretches the back of your thigh with your heel on a low step.",
            steps=(
                "Stand facing a low step or a stool. Hold a wall if you need to.",
                "Rest one heel on the step. Keep that knee straight but not locked.",
                "Stand tall, then lean forward from your hips. Keep your back straight.",
                "Stop when you feel a gentle pull at the back of your thigh.",
                "Hold, then switch sides.",
            ),
            safety="Stop if you feel pain, tingling or numbness down your leg, or feel unsteady.",
            dose=STRETCH_DOSE,
            older_dose=STRETCH_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_neurological",),  # nerve-root sign, see exercises
            illustration="standing-hamstring-stretch.svg",
        ),
    )
