"""Built-in movement and lifestyle advice, and in-clinic treatments.

Read these through `plans.library`. Advice comes from the docs/clinical.md lifestyle row and
seed texts (movement breaks, posture variety, walking, heat and cold, sleeping positions,
foam rolling the outside of the thigh; not sleeping curled up is our reading, "History,
activity and sleep"); in-clinic treatments appear in a plan but are not home
exercises and have no illustration.

Times in minutes below (heat, cold, sitting breaks) are NOT from docs/clinical.md, which gives
none: they are common self-care advice, kept as ranges, for the therapist to change.
"""

from plans.library.types import NO_DOSE, Dose, Intervention, Kind


def advice_entries() -> tuple[Intervention, ...]:
    """Every advice and in-clinic entry."""

    daily = Dose(times_per_day=1, days_per_week=7)
    return (
        # --- Movement and lifestyle advice (docs/clinical.md lifestyle row) ---
        Intervention(
            slug="movement-breaks",
            name="Movement breaks from sitting",
            kind=Kind.ADVICE,
            targets=("prolonged sitting", "hip flexors", "lower back"),
            summary="Break up long spells of sitting, so your hips do not stiffen.",
            steps=(
                "When you sit for a long time, stand up and move about every 30 minutes.",
                "Walk around or do one of your stretches for a minute or two.",
                "Set a timer on your phone or computer to remind you.",
            ),
            safety="Stop if a movement makes pain spread down your leg.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(),
            illustration=None,
        ),
        Intervention(
            slug="walking",
            name="Daily walk",
            kind=Kind.ADVICE,
            targets=("general activity", "hip extension", "lower back"),
            summary="A walk each day keeps your hips and back moving.",
            steps=(
                "Go for a walk each day, at a pace that feels easy.",
                "Start with a distance you can manage without more pain. Add a little each week.",
                "Let your arms swing, and take longer steps as your hips loosen.",
            ),
            safety="Stop and rest if your pain gets worse as you walk, or spreads down your leg.",
            dose=daily,
            older_dose=daily,
            per_side=False,
            contraindications=(),
            illustration=None,
        ),
        Intervention(
            slug="posture-variety",
            name="Change your position often",
            kind=Kind.ADVICE,
            targets=("posture", "prolonged sitting", "prolonged standing"),
            summary="No one posture is perfect. Changing position often helps most.",
            steps=(
                "Change how you sit or stand often during the day.",
                "Swap between sitting, standing and walking when you can.",
                "When you stand for a long time, shift your weight, or rest one foot on a step.",
            ),
            safety="Stop and change position if your pain starts to build up.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(),
            illustration=None,
        ),
        Intervention(
            slug="heat-for-stiffness",
            name="Heat for tight muscles",
            kind=Kind.ADVICE,
            targets=("muscle tension", "stiffness"),
            summary="Warmth can relax tight muscles around your hips and back.",
            steps=(
                "Wrap a hot water bottle or a heat pack in a towel.",
                "Put it on the tight area for 15 to 20 minutes.",
                "Try it before your stretches, or when you feel stiff.",
                "Never put heat straight on bare skin. Do not fall asleep with it on.",
            ),
            safety="Stop if your skin gets very red, sore or blistered. Do not use heat on "
            "numb skin.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(
                "red_flag_infection",  # heat on a possible infection can make it worse
                "red_flag_neurological",  # numb skin cannot feel a burn
            ),
            illustration=None,
        ),
        Intervention(
            slug="cold-for-flare-ups",
            name="Cold for a flare-up",
            kind=Kind.ADVICE,
            targets=("inflammation", "acute flare-up"),
            summary="Cold can calm a new or sore flare-up of pain.",
            steps=(
                "Wrap an ice pack or a bag of frozen peas in a damp towel.",
                "Put it on the sore area for 10 to 15 minutes.",
                "Use it when your pain flares up. Wait at least an hour before you use it again.",
                "Never put ice straight on bare skin.",
            ),
            safety="Stop if your skin goes white, numb or very painful. Do not use cold on "
            "numb skin.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=("red_flag_neurological",),  # numb skin cannot feel cold injury
            illustration=None,
        ),
        Intervention(
            slug="sleeping-positions",
            name="Sleeping positions",
            kind=Kind.ADVICE,
            targets=("sleep posture", "lower back", "hips"),
            summary="A pillow in the right place takes strain off your back at night.",
            steps=(
                "On your side: put a pillow between your knees to keep your hips level.",
                "On your back: put a pillow under your knees.",
                "Try not to sleep on your stomach. It arches your lower back.",
                "If you sleep curled up, try to keep your legs a little straighter.",
            ),
            safety="Stop using a position if it gives you more pain in the morning, and tell "
            "your therapist.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(),
            illustration=None,
        ),
        Intervention(
            slug="foam-roll-outer-thigh",
            name="Foam roll the outside of your thigh",
            kind=Kind.ADVICE,
            targets=("iliotibial band", "tensor fasciae latae", "outside of thigh"),
            summary="Rolling on a foam roller can ease tightness on the outside of your thigh.",
            steps=(
                "Lie on your side with a foam roller under the outside of your thigh.",
                "Support yourself with your hands and your top foot on the floor.",
                "Roll slowly between your hip and just above your knee, for a minute or so.",
                "Keep the pressure light to medium. Do not roll over your knee or hip bone.",
            ),
            safety="Stop if it causes sharp pain, bruising or tingling.",
            dose=daily,
            older_dose=daily,
            per_side=True,
            # Body weight pressed onto the thigh bone with a possible fracture (osteoporosis).
            contraindications=("red_flag_fracture",),
            illustration=None,
        ),
        # --- In-clinic treatments (docs/clinical.md seed texts): in the plan, not at home ---
        Intervention(
            slug="deep-tissue-massage",
            name="Deep tissue massage",
            kind=Kind.IN_CLINIC,
            targets=(
                "hip flexors",
                "gluteals",
                "piriformis",
                "tensor fasciae latae",
                "lower back",
            ),
            summary="Firm massage in the clinic to ease tight muscles around your hips and back.",
            steps=(
                "Your therapist uses firm, slow pressure on the tight muscles.",
                "It may feel strong, but it should not feel sharp.",
                "Tell your therapist at once if the pressure is too much.",
                "You may feel a little sore for a day or two. That is normal.",
            ),
            safety="Stop and tell your therapist if you feel sharp pain, tingling or numbness.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(
                "red_flag_fracture",  # firm pressure over a possible fracture
                "red_flag_infection",  # fever or infection: no massage until it is cleared
                "red_flag_cancer",  # deep pressure over a possible tumour: refer first
            ),
            illustration=None,
        ),
        Intervention(
            slug="myofascial-release",
            name="Myofascial release",
            kind=Kind.IN_CLINIC,
            targets=("fascia", "hip flexors", "gluteals", "tensor fasciae latae", "lower back"),
            summary="Slow, steady pressure in the clinic to loosen tight tissue.",
            steps=(
                "Your therapist holds slow, steady pressure or a gentle stretch on tight areas.",
                "Each hold lasts until the tissue eases.",
                "Breathe slowly and let your muscles relax.",
                "Tell your therapist if anything feels sharp or too strong.",
            ),
            safety="Stop and tell your therapist if you feel sharp pain, tingling or numbness.",
            dose=NO_DOSE,
            older_dose=NO_DOSE,
            per_side=False,
            contraindications=(
                "red_flag_fracture",  # sustained pressure over a possible fracture
                "red_flag_infection",  # fever or infection: no hands-on treatment until cleared
            ),
            illustration=None,
        ),
    )
