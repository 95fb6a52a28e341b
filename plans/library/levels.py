"""Built-in strengthening entries added as easier and harder levels of the progression
chains (`plans.library.chains`; docs/clinical.md "Progression and
regression"). Doses: docs/clinical.md "Dosage defaults", as in `types`; motor control has
no published dose, so slow, few, well-controlled repeats are the defaults.

The reasons for the contraindications shared with other entries are noted in `exercises`.
"""

from plans.library.types import (
    STRENGTHEN_DOSE,
    STRENGTHEN_OLDER_DOSE,
    Dose,
    Intervention,
    Kind,
)


def level_entries() -> tuple[Intervention, ...]:
    """The added strengthening levels, by chain: buttock, side of the hip, front of the hip,
    legs (motor control and mobility: `control_levels`)."""
    return (
        Intervention(
            slug="prone-hip-extension",
            name="Lying leg lift on your front",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus maximus",
                "gluteals",
                "buttock",
                "hip extensors",
            ),
            summary="Wakes up your buttock muscles without loading your back.",
            steps=(
                "Lie on your front with a pillow under your tummy.",
                "Rest your head on your folded arms.",
                "Tighten your tummy a little and squeeze one buttock.",
                "Lift that leg a hand's width off the floor. Keep the knee straight.",
                "Do not let your back arch or your hip twist.",
                "Lower slowly. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your lower back.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="prone-hip-extension.svg",
        ),
        Intervention(
            slug="quadruped-hip-extension",
            name="Kick back on hands and knees",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus maximus",
                "gluteals",
                "buttock",
            ),
            summary="Strengthens your buttock while your tummy keeps your back still.",
            steps=(
                "Start on your hands and knees. Hands under shoulders, knees under hips.",
                "Tighten your tummy a little.",
                "Keep one knee bent and push that foot up toward the ceiling.",
                "Stop when your thigh is level with your back. Do not let your back sag.",
                "Lower slowly. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your lower back, wrists or knees.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="quadruped-hip-extension.svg",
        ),
        Intervention(
            slug="bridge-march",
            name="Bridge with marching",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus maximus",
                "gluteals",
                "pelvic control",
            ),
            summary="Hold a bridge and lift one foot at a time, without your hips dropping.",
            steps=(
                "Lie on your back with your knees bent and your feet flat.",
                "Squeeze your buttocks and lift your hips into a bridge.",
                "Keep your hips high and level.",
                "Lift one foot a little off the floor, then put it down.",
                "Then lift the other foot. Keep your hips still the whole time.",
                "Lower your hips slowly at the end of the set.",
            ),
            safety="Stop if you feel pain in your lower back, or a cramp in the back of a thigh.",
            dose=Dose(repetitions=10, sets=2, days_per_week=3),
            older_dose=Dose(repetitions=10, sets=2, days_per_week=2),
            per_side=True,
            # one foot at a time loads the pelvis on one side, as in the single-leg bridge.
            contraindications=(
                "red_flag_fracture",
                "sij_load_transfer",
            ),
            illustration="bridge-march.svg",
        ),
        Intervention(
            slug="single-leg-hip-thrust",
            name="Single-leg hip thrust",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus maximus",
                "gluteals",
                "hip extensors",
            ),
            summary="The hardest bridge: your upper back on a sofa and one foot on the floor.",
            steps=(
                "Sit on the floor with your upper back against the edge of a firm sofa or bench.",
                "Put one foot flat on the floor. Lift the other leg straight out.",
                "Push through the foot on the floor and lift your hips until they are level.",
                "Keep your hips level and your ribs down. Do not arch your back.",
                "Lower slowly. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your lower back or your neck.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            # as for the hip thrust and the single-leg bridge.
            contraindications=(
                "red_flag_fracture",
                "lumbar_extension_compensation",
                "sij_load_transfer",
            ),
            illustration="single-leg-hip-thrust.svg",
        ),
        Intervention(
            slug="banded-clamshell",
            name="Clamshell with a band",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus medius",
                "hip abductors",
                "side of hip",
            ),
            summary="A clamshell with a band round your knees, for when the plain one is easy.",
            steps=(
                "Put a light resistance band round your legs, just above your knees.",
                "Lie on your side with your hips and knees bent and your heels together.",
                "Keep your feet together and lift your top knee against the band.",
                "Do not let your hips roll back.",
                "Lower slowly.",
            ),
            safety="Stop if you feel pain in your hip or lower back.",
            dose=Dose(repetitions=12, sets=3, days_per_week=3, load="a light resistance band"),
            older_dose=Dose(
                repetitions=10, sets=2, days_per_week=2, load="a light resistance band"
            ),
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="banded-clamshell.svg",
        ),
        Intervention(
            slug="standing-hip-abduction",
            name="Standing leg out to the side",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus medius",
                "hip abductors",
                "side of hip",
            ),
            summary="Strengthens the side of your hip, standing up. Good if lying down is hard.",
            steps=(
                "Stand tall beside a counter or a chair. Hold it for balance.",
                "Keep your body upright and your toes pointing forward.",
                "Lift one leg a little way out to the side. Keep the knee straight.",
                "Do not lean over to the other side.",
                "Lower slowly. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your hip or lower back, or you feel unsteady.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            contraindications=("red_flag_fracture",),
            illustration="standing-hip-abduction.svg",
        ),
        Intervention(
            slug="standing-knee-lift",
            name="Standing knee lift",
            kind=Kind.STRENGTHEN,
            targets=(
                "iliopsoas",
                "hip flexors",
                "balance",
            ),
            summary="Strengthens the deep muscle at the front of your hip, standing up.",
            steps=(
                "Stand tall beside a counter or a chair. Hold it lightly.",
                "Lift one knee up to hip height.",
                "Keep your back straight. Do not lean back.",
                "Hold for a moment, then lower slowly.",
                "Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain at the front of your hip or groin, or feel unsteady.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            # active hip bending to a right angle, as in FADIR.
            contraindications=(
                "red_flag_fracture",
                "hip_joint_suspected",
            ),
            illustration="standing-knee-lift.svg",
        ),
        Intervention(
            slug="sit-to-stand",
            name="Sit to stand",
            kind=Kind.MOTOR_CONTROL,
            targets=(
                "quadriceps",
                "gluteals",
                "movement retraining",
                "hip extensors",
            ),
            summary="Practise getting up from a chair with your hips and legs, not your back.",
            steps=(
                "Sit on the front half of a firm chair. Put your feet flat, a little apart.",
                "Cross your arms or hold them out in front of you.",
                "Lean forward from your hips, with your back straight.",
                "Push through your feet and stand up tall. Squeeze your buttocks at the top.",
                "Sit down slowly, bending at your hips first.",
            ),
            safety="Stop if you feel pain in your lower back or your knees, or you feel dizzy.",
            dose=Dose(repetitions=10, sets=2, days_per_week=3),
            older_dose=Dose(repetitions=8, sets=2, days_per_week=3),
            per_side=False,
            contraindications=("red_flag_fracture",),
            illustration="sit-to-stand.svg",
        ),
        Intervention(
            slug="split-squat",
            name="Split squat",
            kind=Kind.STRENGTHEN,
            targets=(
                "quadriceps",
                "gluteus maximus",
                "gluteals",
            ),
            summary="Strengthens your legs and buttocks in a long step, one leg at a time.",
            steps=(
                "Stand with one foot a long step in front of the other. Hold a chair if needed.",
                "Lift the heel of your back foot.",
                "Bend both knees and lower your back knee toward the floor.",
                "Keep your body upright and your front knee over your foot.",
                "Push through your front foot to come up. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your knees or lower back, or you feel unsteady.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            # docs/clinical.md "Movement and compensation": the knee falls inward under
            # load; practise the sit to stand first.
            contraindications=(
                "red_flag_fracture",
                "knee_valgus",
            ),
            illustration="split-squat.svg",
        ),
        Intervention(
            slug="step-up",
            name="Step-up",
            kind=Kind.STRENGTHEN,
            targets=(
                "gluteus maximus",
                "quadriceps",
                "gluteals",
                "balance",
            ),
            summary="Strengthens your legs and buttocks as you step up on a stair.",
            steps=(
                "Stand facing the bottom stair. Hold the rail.",
                "Put one whole foot on the stair.",
                "Push through that foot and step up. Bring the other foot up beside it.",
                "Keep your knee over your foot. Do not let it fall inward.",
                "Step down slowly, other foot first. Do all your repeats, then switch legs.",
            ),
            safety="Stop if you feel pain in your knees or lower back, or you feel unsteady.",
            dose=STRENGTHEN_DOSE,
            older_dose=STRENGTHEN_OLDER_DOSE,
            per_side=True,
            # as for the split squat.
            contraindications=(
                "red_flag_fracture",
                "knee_valgus",
            ),
            illustration="step-up.svg",
        ),
    )
