"""The declarative rule table: which finding suggests which library entry, and why.

Pure data, no Django. One row per (finding code, intervention slug); `plans.rules.engine` turns
rows into ranked suggestions. Mappings come from docs/clinical.md, mostly its
table "The presentation" (mechanism and typical targets); each group cites its source.
Readable form of this table: docs/rules.md.

Priority is 1 (low) to 10 (high): 9 for the target docs/clinical.md names first for a finding,
6-8 for its other named targets, 4-5 for a supporting item, 2-3 for general advice.
`rationale` is for the therapist; `why` is printed on the client handout (second person,
Flesch-Kincaid grade 8 or lower, tests/plans/rules/test_engine.py). `sides=False` means the
finding's side does not carry over: the item is done on both sides (trunk control).
`unless_normal` names a muscle whose length, measured normal, stops the row.
Red flags have no rows: they stop the plan (plans.rules.engine.suggest).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One row of the table."""

    finding: str  # finding code (assessments.findings.core)
    intervention: str  # library slug (plans.library)
    priority: int  # 1 (low) .. 10 (high)
    rationale: str  # clinical reason, for the therapist
    why: str  # plain "why this helps you" line for the client
    sides: bool = True  # whether the finding's side carries over to a per-side item
    # A muscle (findings.core.NORMAL_LENGTH) whose length, measured normal, stops this row:
    # sitting does not call for stretching a muscle that measured normal.
    unless_normal: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.priority, bool) or not 1 <= self.priority <= 10:
            raise ValueError(f"Rule priority must be 1-10: {self!r}")


# Rows are grouped by finding in assessments.findings.core.FINDING_ORDER. Aligned by hand:
# fmt: off
RULES: tuple[Rule, ...] = (
    # --- Posture (docs/clinical.md "Posture"). Anterior tilt is normal in most people and
    # correlates poorly with pain (Herrington 2011): evidence, not a diagnosis, so low
    # priorities. Hip flexors pull into anterior tilt; glute bridges counter; the deep
    # core holds the pelvis in neutral (presentation table). Seed texts: avoid stomach
    # sleeping.
    Rule("anterior_pelvic_tilt", "kneeling-hip-flexor-stretch", 5,
         "Tight one-joint hip flexors pull the pelvis into anterior tilt and add lordosis.",
         "Your pelvis tips forward. Loosening the front of your hip lets it sit more level."),
    Rule("anterior_pelvic_tilt", "glute-bridge", 5,
         "Glute bridges counter the anterior pull of the hip flexors (presentation table).",
         "Strong buttock muscles help hold your pelvis level."),
    Rule("anterior_pelvic_tilt", "dead-bug", 4,
         "The deep core holds the pelvis in neutral against tight muscles.",
         "A strong tummy helps stop your pelvis tipping forward.", sides=False),
    Rule("anterior_pelvic_tilt", "pelvic-tilt", 4,
         "Active control of pelvic tilt through a small, easy range.",
         "This helps you feel and control how your pelvis tips."),
    Rule("anterior_pelvic_tilt", "sleeping-positions", 3,
         "Stomach sleeping holds the lumbar spine extended (seed texts: avoid it).",
         "Sleeping on your stomach arches your back. A pillow helps you find a kinder way."),
    # Posterior tilt / flat back: tight hamstrings pull the pelvis back and flatten the
    # lumbar curve (presentation table; "Posture": a flat back with posterior tilt).
    Rule("posterior_pelvic_tilt", "supine-hamstring-stretch", 5,
         "Tight hamstrings pull the pelvis into posterior tilt and flatten the lumbar curve.",
         "Your pelvis tips back. Looser hamstrings let it sit more level."),
    Rule("posterior_pelvic_tilt", "pelvic-tilt", 4,
         "Active control of pelvic tilt through a small, easy range.",
         "This helps you feel and control how your pelvis tips."),
    Rule("posterior_pelvic_tilt", "cat-cow", 3,
         "Gentle lumbar mobility for a flat, stiff lower back.",
         "This moves your lower back gently, so it feels less stiff."),
    # --- Tight one-joint hip flexors (Thomas hip angle above 0 deg). Targets: kneeling hip
    # flexor stretch, lunge stretch; glute bridges to counter. In-clinic: deep tissue
    # massage and myofascial release (seed texts).
    Rule("tight_hip_flexors_one_joint", "kneeling-hip-flexor-stretch", 9,
         "First-line stretch for tight iliopsoas, which tilts the pelvis and loads the facets.",
         "The front of your hip is tight. This stretch eases it, so it pulls less on your back."),
    Rule("tight_hip_flexors_one_joint", "lunge-stretch", 7,
         "Standing iliopsoas stretch; the alternative when kneeling hurts.",
         "This stretches the front of your hip standing up, if kneeling is hard."),
    Rule("tight_hip_flexors_one_joint", "glute-bridge", 6,
         "Glute bridges counter tight hip flexors with active hip extension.",
         "Using your buttock muscles helps undo the pull at the front of your hip."),
    Rule("tight_hip_flexors_one_joint", "deep-tissue-massage", 5,
         "In-clinic soft tissue work to iliopsoas and the hip flexors.",
         "Firm massage in the clinic can ease the tight muscles at the front of your hip."),
    Rule("tight_hip_flexors_one_joint", "myofascial-release", 4,
         "In-clinic release of the anterior hip.",
         "Slow, steady pressure in the clinic can loosen the front of your hip."),
    # --- Tight rectus femoris (Thomas knee angle below 67 deg): hip flexor stretch with
    # the knee bent (couch / quad stretch).
    Rule("tight_rectus_femoris", "couch-stretch", 9,
         "Knee-bent hip flexor stretch for a tight two-joint hip flexor.",
         "The front of your thigh is tight. This stretch loosens it at your hip and knee."),
    Rule("tight_rectus_femoris", "kneeling-hip-flexor-stretch", 5,
         "Two-joint hip flexors tilt the pelvis too; the kneeling stretch is an easier start.",
         "This is a gentler way to stretch the front of your hip."),
    Rule("tight_rectus_femoris", "myofascial-release", 4,
         "In-clinic release of the anterior thigh.",
         "Slow, steady pressure in the clinic can loosen the front of your thigh."),
    # --- Tight TFL / ITB (Thomas abduction above 0 deg, or Ober positive): side-lying or
    # standing TFL stretch; foam rolling as advice.
    Rule("tight_tfl_itb", "standing-tfl-stretch", 9,
         "Targeted stretch for TFL / ITB tightness (Thomas abduction, Ober).",
         "The outside of your hip is tight. This stretch loosens it."),
    Rule("tight_tfl_itb", "foam-roll-outer-thigh", 6,
         "Self-massage of the lateral thigh, given as advice.",
         "Rolling can ease the tight band on the outside of your thigh."),
    Rule("tight_tfl_itb", "myofascial-release", 5,
         "In-clinic release of TFL and the lateral thigh.",
         "Slow, steady pressure in the clinic can loosen the outside of your hip."),
    # --- Tight hamstrings (SLR below 80 deg without below-knee pain, or AKE deficit over
    # 20 deg): posterior tilt, flat lumbar curve, the back bends instead of the hips.
    # Targets: supine hamstring stretch, seated forward fold. Seed texts: heat to relax.
    Rule("tight_hamstrings", "supine-hamstring-stretch", 9,
         "Hamstring stretch with the lumbar spine supported.",
         "Your hamstrings are tight. Looser hamstrings let you bend at your hips, not your back."),
    Rule("tight_hamstrings", "seated-forward-fold", 6,
         "Hamstring stretch hinging from the hips, both legs at once.",
         "This stretches the backs of both your legs at once."),
    Rule("tight_hamstrings", "hip-hinge", 5,
         "Tight hamstrings make the back bend instead of the hips: retrain the hinge.",
         "This teaches you to bend from your hips, which saves your back."),
    Rule("tight_hamstrings", "deep-tissue-massage", 4,
         "In-clinic soft tissue work to the hamstrings.",
         "Firm massage in the clinic can ease tight muscles at the back of your thigh."),
    Rule("tight_hamstrings", "heat-for-stiffness", 2,
         "Heat relaxes muscle before stretching (seed texts).",
         "Warmth before you stretch can help tight muscles relax."),
    # --- Tight piriformis / deep rotators (FAIR positive): limit hip rotation and
    # flexion; can mimic sciatica. Targets: figure-four, pigeon pose, 90/90.
    Rule("tight_piriformis", "figure-four-stretch", 9,
         "Supine piriformis stretch, the gentlest of the three named targets.",
         "A deep muscle in your buttock is tight. This stretch eases it."),
    Rule("tight_piriformis", "pigeon-pose", 6,
         "Deeper piriformis stretch; a progression of the figure four.",
         "This is a deeper stretch for your buttock, for when the first one is easy."),
    Rule("tight_piriformis", "90-90-hip-stretch", 5,
         "Deep rotator stretch through internal and external rotation.",
         "This helps your hip turn more freely."),
    Rule("tight_piriformis", "deep-tissue-massage", 6,
         "In-clinic soft tissue work to piriformis, which can mimic sciatica.",
         "Firm massage in the clinic can ease a tight muscle deep in your buttock."),
    Rule("tight_piriformis", "heat-for-stiffness", 2,
         "Heat relaxes muscle before stretching (seed texts).",
         "Warmth before you stretch can help tight muscles relax."),
    # --- Tight adductors (abduction below range or side difference): seated butterfly,
    # side lunge.
    Rule("tight_adductors", "seated-butterfly-stretch", 8,
         "Adductor stretch, both sides at once, seated and stable.",
         "The inside of your thighs is tight. This stretch loosens it."),
    Rule("tight_adductors", "side-lunge-stretch", 7,
         "Standing adductor stretch, one side at a time.",
         "This stretches the inside of your thighs, one side at a time."),
    Rule("tight_adductors", "myofascial-release", 3,
         "In-clinic release of the adductors.",
         "Slow, steady pressure in the clinic can loosen the inside of your thigh."),
    # --- Range of motion ("Range of motion", AFP/Wilson 2014 norms). Tight glutes / deep
    # rotators limit flexion and internal rotation; tight hip flexors limit extension, and
    # the lumbar spine then extends instead (presentation table).
    Rule("limited_hip_flexion", "quadruped-rock-back", 7,
         "Hip flexion mobility with the lumbar spine kept neutral.",
         "This helps your hips bend further without your back rounding."),
    Rule("limited_hip_flexion", "figure-four-stretch", 5,
         "Tight glutes and deep rotators limit hip flexion.",
         "Loosening your buttock muscles lets your hip bend further."),
    Rule("limited_hip_extension", "kneeling-hip-flexor-stretch", 8,
         "Tight hip flexors usually limit extension; the lumbar spine extends instead.",
         "Loosening the front of your hip lets your leg move back, so your back arches less."),
    Rule("limited_hip_extension", "lunge-stretch", 6,
         "Standing hip flexor stretch into extension.",
         "This stretches the front of your hip standing up, so your leg can move back."),
    Rule("limited_hip_extension", "glute-bridge", 5,
         "Active hip extension through the new range.",
         "This trains your hip to move your leg back, so your back does not have to."),
    Rule("limited_hip_extension", "walking", 3,
         "Walking with a longer stride uses hip extension every day.",
         "Longer steps on a daily walk help your hip move back."),
    Rule("limited_hip_internal_rotation", "90-90-hip-stretch", 8,
         "Works internal and external rotation; tight deep rotators limit IR.",
         "This helps your hip turn in more freely, so your back twists less."),
    Rule("limited_hip_internal_rotation", "figure-four-stretch", 6,
         "Stretches the deep rotators that limit internal rotation.",
         "Loosening your buttock muscles lets your hip turn in further."),
    Rule("limited_hip_internal_rotation", "pigeon-pose", 4,
         "Deeper deep-rotator stretch, once the figure four is easy.",
         "This is a deeper stretch for your buttock, so your hip can turn more."),
    # Limited external rotation (below 40-60 deg by more than measurement error, or a side
    # difference): docs/clinical.md names no target, so our reading (unconfirmed): the 90/90
    # position works both rotations; the butterfly opens the hip into abduction and external
    # rotation. Both stay held back while a hip joint problem is suspected or diagnosed.
    Rule("limited_hip_external_rotation", "90-90-hip-stretch", 7,
         "Works external and internal rotation (our reading; no target named in the sources).",
         "This helps your hip turn out more freely, so your back twists less."),
    Rule("limited_hip_external_rotation", "seated-butterfly-stretch", 5,
         "Opens the hip into abduction with external rotation (our reading).",
         "This opens your hips, so they can turn out further."),
    # --- Load transfer through the pelvis (Active SLR positive, or FABER posterior pain:
    # "Provocation / special tests"). Symmetrical core and two-leg work; the library holds
    # back one-leg loading (single-leg bridge, hip airplane) for this finding.
    Rule("sij_load_transfer", "dead-bug", 7,
         "Deep core control for load transfer through the pelvis (positive ASLR).",
         "A strong, steady tummy helps your pelvis share the load.", sides=False),
    Rule("sij_load_transfer", "bird-dog", 6,
         "Trunk and pelvic control while the limbs move, on all fours.",
         "This trains your pelvis to stay steady while your arms and legs move.", sides=False),
    Rule("sij_load_transfer", "glute-bridge", 6,
         "Symmetrical, two-leg hip extension to stabilise the pelvis.",
         "Strong buttock muscles help keep the back of your pelvis steady."),
    Rule("sij_load_transfer", "sleeping-positions", 3,
         "Side-lying with a pillow between the knees keeps the pelvis level at night.",
         "A pillow between your knees keeps your pelvis level while you sleep."),
    # --- Hip joint suspected (FABER groin pain or FADIR positive): docs/clinical.md says refer
    # if intra-articular pathology is suspected. Only gentle items away from end-range hip
    # flexion and rotation; the library holds those positions back.
    Rule("hip_joint_suspected", "pelvic-tilt", 3,
         "Gentle lumbopelvic movement away from end-range hip flexion; consider referral "
         "if intra-articular pathology is suspected.",
         "This moves your lower back gently without bending your hip far."),
    Rule("hip_joint_suspected", "sleeping-positions", 2,
         "Side-lying with a pillow between the knees avoids hip adduction at night.",
         "A pillow between your knees keeps your hip in an easy position at night."),
    # --- Hip arthritis diagnosed (history): treated like a suspected hip joint problem, the
    # same gentle items, and the library holds back deep flexion with rotation (docs/clinical.md
    # "Referral levels": unconfirmed reasoning from FADIR).
    Rule("hip_arthritis_history", "pelvic-tilt", 3,
         "Gentle lumbopelvic movement away from end-range hip flexion (diagnosed hip arthritis).",
         "This moves your lower back gently without bending your hip far."),
    Rule("hip_arthritis_history", "sleeping-positions", 2,
         "Side-lying with a pillow between the knees keeps the arthritic hip in mid-range.",
         "A pillow between your knees keeps your hip in an easy position at night."),
    # --- Strength ("Strength": Oxford below 5 or a side difference). Weak glute max: glute
    # bridges 3 x 10-15, 3 times a week, hip thrust progression. Weak glute med (also
    # Trendelenburg, pelvic drop): clamshells, side-lying leg raises, hip airplanes. Weak
    # deep core: plank, dead bug, bird dog (presentation table).
    Rule("weak_glute_max", "glute-bridge", 9,
         "Named target for weak gluteus maximus: bridges 3 x 10-15, 3 times a week.",
         "Your main buttock muscle is weak. This makes it stronger, so your back works less."),
    Rule("weak_glute_max", "single-leg-bridge", 6,
         "Bridge progression loading one side; suits a one-sided weakness.",
         "Once the two-leg bridge is easy, this works your buttock one side at a time."),
    Rule("weak_glute_max", "hip-thrust", 5,
         "Hip thrust progression for gluteus maximus.",
         "This is a harder bridge, to keep your buttock muscles getting stronger."),
    Rule("weak_glute_med", "clamshell", 9,
         "Named target for weak gluteus medius (Trendelenburg, pelvic drop).",
         "The side of your hip is weak. This makes it stronger, so your pelvis stays level."),
    Rule("weak_glute_med", "side-lying-leg-raise", 8,
         "Named target: side-lying hip abduction against gravity.",
         "This builds the side of your hip, so your pelvis does not drop when you walk."),
    Rule("weak_glute_med", "hip-airplane", 6,
         "Named target: pelvic control in single-leg stance.",
         "This trains your hip to hold your pelvis steady on one leg."),
    Rule("weak_iliopsoas", "seated-knee-lift", 8,
         "Seated hip flexion against gravity for a weak iliopsoas; start light.",
         "The muscle that lifts your thigh is weak. This makes it stronger."),
    Rule("weak_hamstrings", "glute-bridge", 6,
         "Hamstrings assist hip extension in the bridge.",
         "Bridges also work the backs of your thighs."),
    Rule("weak_hamstrings", "single-leg-bridge", 5,
         "One-leg bridge loads the hamstrings of the working side.",
         "This works the back of each of your thighs in turn."),
    Rule("weak_deep_core", "dead-bug", 9,
         "Named target for a weak deep core: holds the pelvis in neutral.",
         "Your deep tummy muscles are weak. This makes them stronger, so your pelvis stays "
         "steady.", sides=False),
    Rule("weak_deep_core", "bird-dog", 8,
         "Named target: trunk control while the limbs move.",
         "This trains your back and tummy to keep still while you move.", sides=False),
    Rule("weak_deep_core", "plank", 7,
         "Named target: trunk endurance.",
         "This builds lasting strength in your tummy muscles."),
    Rule("weak_back_extensors", "bird-dog", 8,
         "Back extensor endurance with a neutral spine.",
         "This builds the muscles along your back, gently.", sides=False),
    Rule("weak_back_extensors", "hip-hinge", 4,
         "Back extensors hold the spine neutral while the hips hinge.",
         "This trains your back to stay straight while your hips bend."),
    # --- Compensatory patterns ("Movement and compensation"; presentation table: the back
    # does the hip's job; movement retraining plus the stretches and strengthening above).
    Rule("lumbar_extension_compensation", "glute-bridge", 7,
         "Retrains hip extension by gluteus maximus with a neutral spine.",
         "This teaches your buttock muscles to move your hip, so your back does not arch."),
    Rule("lumbar_extension_compensation", "bird-dog", 7,
         "Hip extension while the core stops the lumbar spine extending.",
         "This trains you to move your leg back while your back stays still."),
    Rule("lumbar_extension_compensation", "dead-bug", 6,
         "Core control against lumbar extension.",
         "This trains your tummy to stop your back arching.", sides=False),
    Rule("lumbar_extension_compensation", "kneeling-hip-flexor-stretch", 5,
         "Tight hip flexors force lumbar extension for hip extension: stretch them too.",
         "Loosening the front of your hip means your back has less to make up for."),
    Rule("lumbar_flexion_compensation", "hip-hinge", 9,
         "Movement retraining: hinge from the hips with a neutral back (lumbopelvic rhythm).",
         "This teaches you to bend from your hips, not your lower back."),
    Rule("lumbar_flexion_compensation", "supine-hamstring-stretch", 6,
         "Stiff hips in a forward bend often mean tight hamstrings; lying, not a floor fold.",
         "Looser thighs let your hips bend more, so your back bends less."),
    Rule("lumbar_flexion_compensation", "quadruped-rock-back", 5,
         "Hip flexion while the back stays flat.",
         "This trains your hips to bend while your back stays flat."),
    Rule("knee_valgus", "clamshell", 8,
         "Hip abductors and external rotators keep the knee in line in a single-leg squat.",
         "Strong hip muscles stop your knee from falling in."),
    Rule("knee_valgus", "side-lying-leg-raise", 6,
         "Hip abductor strength for knee control.",
         "A stronger side of your hip helps keep your knee in line."),
    Rule("knee_valgus", "hip-airplane", 5,
         "Hip and knee control in single-leg stance.",
         "This trains your hip to keep your knee and pelvis in line on one leg."),
    Rule("hip_hiking", "hip-airplane", 7,
         "Movement retraining: pelvic control on one leg.",
         "This trains you to keep your pelvis level on one leg."),
    Rule("hip_hiking", "side-lying-leg-raise", 6,
         "Weak hip abductors are a common reason to hike the hip in gait.",
         "A stronger side of your hip helps you walk without hitching it up."),
    Rule("hip_hiking", "walking", 3,
         "Practise walking with a level pelvis and even steps.",
         "Daily walks help you practise even, level steps."),
    # --- Lifestyle (presentation table, lifestyle row): prolonged sitting shortens the
    # hip flexors; movement breaks, posture variety, walking, heat; stiffness after
    # inactivity (seed texts).
    Rule("prolonged_sitting", "movement-breaks", 9,
         "Breaks up prolonged sitting, which aggravates the pain.",
         "Sitting makes your pain worse. Short breaks stop your hips from getting stiff."),
    Rule("prolonged_sitting", "walking", 7,
         "Walking extends the hips after long sitting.",
         "A daily walk stretches the front of your hips after sitting."),
    Rule("prolonged_sitting", "posture-variety", 6,
         "Posture variety rather than one ideal posture.",
         "Change your position often. That helps more than one perfect way to sit."),
    Rule("prolonged_sitting", "kneeling-hip-flexor-stretch", 6,
         "Prolonged sitting adaptively shortens the hip flexors.",
         "Sitting a lot tightens the front of your hips. This stretch loosens them.",
         unless_normal="hip_flexors"),
    Rule("prolonged_sitting", "heat-for-stiffness", 3,
         "Stiffness after inactivity; heat relaxes muscle.",
         "Warmth can ease the stiffness you feel after sitting."),
    # --- Standing, rest and sitting (docs/clinical.md "The presentation": hip-related pain is
    # worse with prolonged sitting or standing, stiff after inactivity; lifestyle row:
    # movement breaks, posture variety, walking, heat).
    Rule("prolonged_standing", "posture-variety", 9,
         "Worse with standing: shift weight and change position rather than stand still.",
         "Standing still makes your pain worse. Shifting your weight often helps."),
    Rule("prolonged_standing", "walking", 3,
         "Walking breaks up long spells of standing still.",
         "A short walk is a good break for you from standing still."),
    Rule("stiffness_after_rest", "heat-for-stiffness", 7,
         "Stiffness after inactivity; heat relaxes muscle (seed texts).",
         "Warmth can ease the stiffness you feel after you rest."),
    Rule("stiffness_after_rest", "movement-breaks", 5,
         "Short, frequent movement keeps stiffness from building up.",
         "Moving a little and often stops you from getting stiff."),
    Rule("stiffness_after_rest", "walking", 4,
         "A daily walk keeps the hips and back moving.",
         "A daily walk keeps your hips and back from getting stiff."),
    Rule("stiff_straightening_after_sitting", "kneeling-hip-flexor-stretch", 6,
         "Sitting shortens the hip flexors, which hold the trunk bent on rising (unconfirmed).",
         "This stretch loosens the front of your hips, so you can stand up straight."),
    Rule("stiff_straightening_after_sitting", "movement-breaks", 6,
         "Shorter spells of sitting give the hip flexors less time to tighten.",
         "Getting up often means your hips have less time to get tight."),
    # Repetitive hip-flexion sports (lifestyle row: cycling, running -> adaptive shortening of
    # the hip flexors).
    Rule("hip_flexion_sport", "kneeling-hip-flexor-stretch", 6,
         "Cycling and running flex the hips over and over (adaptive shortening).",
         "Your sport tightens the front of your hips. This stretch loosens them."),
    Rule("hip_flexion_sport", "lunge-stretch", 5,
         "Standing hip flexor stretch, easy to do after a ride or a run.",
         "This is an easy stretch to do standing up after your sport."),
    # Sleeping positions (seed texts: side-lying with a pillow between the knees, back-lying
    # with a pillow under the knees, avoid stomach sleeping).
    Rule("sleep_posture", "sleeping-positions", 7,
         "Stomach sleeping extends the lumbar spine; curled side-lying keeps the hips flexed.",
         "A pillow in the right place lets your back and hips rest at night."),
    # A recent flare-up (seed texts: cold for inflammation). The only route to the cold advice.
    Rule("flare_up", "cold-for-flare-ups", 7,
         "Recent flare-up: cold for the inflamed, sore phase (seed texts).",
         "Cold can calm the pain when your back flares up."),
    # --- High STarT Back risk (Outcome measures): docs/clinical.md names no exercise; staying
    # active with graded walking fits psychologically informed care. Keep the plan short.
    Rule("psychosocial_risk_high", "walking", 6,
         "High STarT Back risk: keep active with graded walking; consider "
         "psychologically informed care.",
         "Staying active helps your back get better. Start with a short, easy walk."),
)
# fmt: on
