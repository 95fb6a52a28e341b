"""Words for each finding code: a title for the therapist, a note, and a client sentence.

Pure: no Django. Client sentences are one plain-language sentence in the second person,
aimed at about reading grade 8 (tests check this with a Flesch-Kincaid estimate); "{side}"
becomes " on your left side", " on your right side", " on both sides" or nothing.
"""

TITLES: dict[str, str] = {
    "red_flag_cauda_equina": "Red flag: possible cauda equina",
    "red_flag_cancer": "Red flag: possible cancer",
    "red_flag_infection": "Red flag: possible infection",
    "red_flag_fracture": "Red flag: possible fracture",
    "red_flag_neurological": "Red flag: neurological signs",
    "anterior_pelvic_tilt": "Anterior pelvic tilt",
    "posterior_pelvic_tilt": "Posterior pelvic tilt",
    "tight_hip_flexors_one_joint": "Tight one-joint hip flexors (iliopsoas)",
    "tight_rectus_femoris": "Tight rectus femoris",
    "tight_tfl_itb": "Tight TFL / iliotibial band",
    "tight_hamstrings": "Tight hamstrings",
    "tight_piriformis": "Tight piriformis",
    "tight_adductors": "Tight adductors (limited hip abduction)",
    "limited_hip_flexion": "Limited hip flexion",
    "limited_hip_extension": "Limited hip extension",
    "limited_hip_internal_rotation": "Limited hip internal rotation",
    "limited_hip_external_rotation": "Limited hip external rotation",
    "sij_load_transfer": "Poor load transfer through the pelvis (SIJ)",
    "hip_joint_suspected": "Hip joint suspected",
    "hip_arthritis_history": "Hip arthritis (diagnosed)",
    "weak_glute_max": "Weak gluteus maximus",
    "weak_glute_med": "Weak gluteus medius",
    "weak_iliopsoas": "Weak iliopsoas",
    "weak_hamstrings": "Weak hamstrings",
    "weak_deep_core": "Weak deep core",
    "weak_back_extensors": "Weak back extensors",
    "lumbar_extension_compensation": "Lumbar extension compensation",
    "lumbar_flexion_compensation": "Lumbar flexion compensation",
    "knee_valgus": "Knee valgus",
    "hip_hiking": "Hip hiking",
    "prolonged_sitting": "Prolonged sitting",
    "prolonged_standing": "Prolonged standing",
    "stiffness_after_rest": "Stiffness after rest",
    "stiff_straightening_after_sitting": "Hard to straighten up after sitting",
    "hip_flexion_sport": "Repetitive hip-flexion sport",
    "sleep_posture": "Sleeping position strains the back or hips",
    "flare_up": "Recent flare-up",
    "psychosocial_risk_high": "High psychosocial risk (STarT Back)",
}

# Appended to the evidence: what docs/clinical.md says to do with, or how to read, the finding.
NOTES: dict[str, str] = {
    "red_flag_cauda_equina": "emergency: refer the same day (BASS 2018); no home program",
    "red_flag_cancer": "refer for medical assessment before any home program",
    "red_flag_infection": "refer for medical assessment before any home program",
    "red_flag_fracture": "refer for medical assessment before any home program",
    "red_flag_neurological": (
        "refer for medical assessment; do not prescribe hamstring stretching for a nerve-root sign"
    ),
    "anterior_pelvic_tilt": "tilt correlates poorly with pain: evidence, not a diagnosis",
    "tight_piriformis": "piriformis can mimic sciatica",
    "hip_joint_suspected": "refer if intra-articular pathology is suspected",
    "hip_arthritis_history": (
        "hold back deep hip flexion with rotation, as for a suspected hip joint problem "
        "(unconfirmed)"
    ),
    "stiff_straightening_after_sitting": "hip flexors shortened by sitting (unconfirmed reading)",
    "flare_up": "cold for a new flare-up (seed texts); no published limit on the days",
}

CLIENT_TEXT: dict[str, str] = {
    "red_flag_cauda_equina": (
        "Please go to a hospital emergency room today, as your answers can mean a nerve in "
        "your back is pinched."
    ),
    "red_flag_cancer": (
        "Some of your answers mean a doctor should check your back soon, before you start "
        "these exercises."
    ),
    "red_flag_infection": (
        "Some of your answers could mean an infection, so please see a doctor before you start "
        "these exercises."
    ),
    "red_flag_fracture": (
        "Because of your fall or weak bones, please see a doctor soon to check for a broken "
        "bone first."
    ),
    "red_flag_neurological": (
        "Your leg pain or weakness may come from a nerve in your back, so please see a doctor "
        "before you start."
    ),
    "anterior_pelvic_tilt": (
        "Your pelvis tips forward, which adds to the curve in your lower back and can strain it."
    ),
    "posterior_pelvic_tilt": (
        "Your pelvis tucks under, which flattens the normal curve of your lower back."
    ),
    "tight_hip_flexors_one_joint": (
        "The muscles at the front of your hip are tight{side}, and they can pull your pelvis "
        "forward and strain your lower back."
    ),
    "tight_rectus_femoris": (
        "The long muscle at the front of your thigh is tight{side}, and it can pull your "
        "pelvis forward."
    ),
    "tight_tfl_itb": "The muscles on the outside of your hip and thigh are tight{side}.",
    "tight_hamstrings": (
        "The muscles at the back of your thigh are tight{side}, so your lower back bends more "
        "when you bend forward."
    ),
    "tight_piriformis": (
        "A deep muscle in your buttock is tight{side}, and it can cause pain in your buttock "
        "and down your leg."
    ),
    "tight_adductors": (
        "The muscles on the inside of your thigh are tight{side}, so your leg does not move "
        "out very far."
    ),
    "limited_hip_flexion": (
        "Your hip does not bend up as far as it should{side}, so your lower back may bend to "
        "make up for it."
    ),
    "limited_hip_extension": (
        "Your hip does not move back as far as it should{side}, so your lower back may arch "
        "to make up for it."
    ),
    "limited_hip_internal_rotation": (
        "Your hip does not turn in as far as it should{side}, so your lower back may twist "
        "to make up for it."
    ),
    "limited_hip_external_rotation": (
        "Your hip does not turn out as far as it should{side}, so your lower back may twist "
        "to make up for it."
    ),
    "sij_load_transfer": (
        "The joint where your spine meets your pelvis is not taking load well{side}."
    ),
    "hip_joint_suspected": (
        "Some tests point to the hip joint itself{side}, so your therapist may ask a doctor "
        "to check it."
    ),
    "hip_arthritis_history": (
        "You have arthritis in your hip{side}, so your hip stretches stay gentle."
    ),
    "weak_glute_max": (
        "Your main buttock muscle is weak{side}, so your back and thigh muscles work harder "
        "than they should."
    ),
    "weak_glute_med": (
        "The muscle on the side of your hip is weak{side}, so your pelvis can drop when you "
        "stand on one leg."
    ),
    "weak_iliopsoas": "The deep muscle that lifts your thigh is weak{side}.",
    "weak_hamstrings": "The muscles at the back of your thigh are weak{side}.",
    "weak_deep_core": (
        "Your deep stomach muscles are weak{side}, so they hold your pelvis less steady."
    ),
    "weak_back_extensors": "The muscles along your spine are weak{side}.",
    "lumbar_extension_compensation": (
        "Your lower back arches to do work that your hip should do{side}."
    ),
    "lumbar_flexion_compensation": (
        "When you bend forward, your back does most of the bending while your hips stay stiff."
    ),
    "knee_valgus": "When you squat on one leg, your knee moves inward{side}.",
    "hip_hiking": (
        "When you walk, you lift one hip to swing your leg through, and this loads your lower "
        "back."
    ),
    "prolonged_sitting": (
        "Sitting for a long time makes your pain worse and can tighten the muscles at the "
        "front of your hips."
    ),
    "prolonged_standing": (
        "Standing for a long time makes your pain worse, so it helps to change position often."
    ),
    "stiffness_after_rest": "Your back and hips feel stiff after you rest or keep still.",
    "stiff_straightening_after_sitting": (
        "It is hard to stand up straight after you sit, as the front of your hips gets tight."
    ),
    "hip_flexion_sport": (
        "Your sport bends your hips again and again, which can tighten the front of your hips."
    ),
    "sleep_posture": "The way you lie in bed can strain your back or hips at night.",
    "flare_up": "Your pain has flared up in the last few days.",
    "psychosocial_risk_high": (
        "Worry, stress and low mood can make back pain feel worse, so your plan also helps "
        "with how you feel."
    ),
}

# What the plan works on, for the first lines of the client's handout: one short, hopeful
# line per finding (what we will do and what it gives), never the problem itself; the
# full findings stay in the therapist's record. Grade 8 or lower (tests/test_readability.py).
FOCUS: dict[str, str] = {
    "anterior_pelvic_tilt": "Help your pelvis sit level, so your lower back rests easier.",
    "posterior_pelvic_tilt": "Bring back the natural curve of your lower back.",
    "tight_hip_flexors_one_joint": (
        "Loosen the front of your hips, so they pull less on your lower back."
    ),
    "tight_rectus_femoris": "Loosen the front of your thigh, so your pelvis can sit level.",
    "tight_tfl_itb": "Ease the outside of your hip and thigh.",
    "tight_hamstrings": "Loosen the back of your thighs, so your back bends less when you lean.",
    "tight_piriformis": "Ease the deep muscle in your buttock, so it calms down.",
    "tight_adductors": "Loosen your inner thighs, so your legs move out with ease.",
    "limited_hip_flexion": "Help your hips bend freely, so your back does less of the work.",
    "limited_hip_extension": "Help your hips move back freely, so your back arches less.",
    "limited_hip_internal_rotation": "Help your hips turn freely, so your back twists less.",
    "limited_hip_external_rotation": "Help your hips turn out freely, so your back twists less.",
    "sij_load_transfer": "Make your pelvis steady, so it takes your weight well.",
    "hip_joint_suspected": "Keep your hip moving gently while we check it.",
    "hip_arthritis_history": "Keep your hip moving gently, in a range that feels easy.",
    "weak_glute_max": "Build up your buttock muscles, so they take the load off your back.",
    "weak_glute_med": "Build up the side of your hip, so your pelvis stays level as you walk.",
    "weak_iliopsoas": "Build up the muscle that lifts your thigh.",
    "weak_hamstrings": "Build up the back of your thighs.",
    "weak_deep_core": "Build up your deep stomach muscles, so they hold your back steady.",
    "weak_back_extensors": "Build up the muscles along your spine.",
    "lumbar_extension_compensation": "Teach your hips to do the work, so your back can rest.",
    "lumbar_flexion_compensation": "Learn to bend from your hips, so your back bends less.",
    "knee_valgus": "Teach your knee to stay in line over your foot.",
    "hip_hiking": "Help you walk with level hips.",
    "prolonged_sitting": "Break up long spells of sitting with short moves.",
    "prolonged_standing": "Change how you stand often, so your back does not tire.",
    "stiffness_after_rest": "Ease the stiffness you feel after you rest.",
    "stiff_straightening_after_sitting": "Help you stand up straight with ease after you sit.",
    "hip_flexion_sport": "Keep the front of your hips loose for your sport.",
    "sleep_posture": "Find a way to lie in bed that rests your back.",
    "flare_up": "Calm your flare-up, so you can keep moving.",
    "psychosocial_risk_high": (
        "Keep you moving with confidence: your back is strong, and it gets better with use."
    ),
}

_SIDE_PHRASE = {
    "left": " on your left side",
    "right": " on your right side",
    "both": " on both sides",
    "none": "",
}


def client_text(code: str, side: str) -> str:
    """The client's sentence for a finding, with the side worked in where it fits."""
    return CLIENT_TEXT[code].format(side=_SIDE_PHRASE[side])
