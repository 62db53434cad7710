# SPDX-License-Identifier: MPL-2.0
"""The real course shapes from the seeds, as plain data — nothing here touches the database.

Each ``Trajectory`` mirrors one anonymised citizen from a source report: 001 Figure 1
(Projekt Småjob, Odense: 10 citizens in ressourceforløb), 004 §2.3 (STV: 6 citizens) and
003 §4 (VTA, Roskilde: 13 candidates). Durations and hours are those the report gives;
where it gives none, the value is marked ``antaget`` (assumed) in the comment, so nobody
mistakes a demo number for a finding. The seed's pseudonym is kept as ``seed_name`` for
the documentation only — the demo citizen gets a Faker name.

A trajectory is a list of jobs; a job is a chain of phases at one company (praktik →
hybrid → paid hours …), converted in place as ``convert_placement`` does. Jobs may run at
the same time (Igor, Sara) on slots that do not clash. Week numbers count from the first
week of the first job; a phase with ``weeks=None`` is still running on the demo's "today".
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLACEMENT = "placement"
PAID = "paid"
HYBRID = "hybrid"
WAGE_SUBSIDY = "wage_subsidy"

Slot = tuple[int, str, str]  # weekday (0 = Monday), "HH:MM", "HH:MM"


@dataclass(frozen=True)
class Phase:
    """One kind of placement at one company for a number of weeks.

    ``hours`` is the planned step-up: (week within the phase, hours present per week).
    ``paid`` is the paid hours per week (paid/hybrid/wage subsidy; defaults to all hours
    present for paid kinds), ``effective`` the hours the employer rates as effective when
    that differs from paid (Omar: paid 6, effective 4).
    """

    kind: str
    weeks: int | None
    hours: tuple[tuple[int, float], ...]
    paid: float | None = None
    effective: float | None = None


@dataclass(frozen=True)
class Job:
    sector: str
    task: str
    slots: tuple[Slot, ...]
    phases: tuple[Phase, ...]
    starts_week: int = 0
    ended_because: str = ""  # why the job ended when it ends without a conversion


@dataclass(frozen=True)
class Exit:
    outcome: str  # smaajob.courses.states.ExitOutcome value
    reason: str
    stop_reason: str = ""  # StopReason value when outcome == "stopped"
    after_weeks: int = 0  # weeks after the last job ended


@dataclass(frozen=True)
class Trajectory:
    key: str
    seed_name: str
    source: str
    project: str  # "VTA" or "STV"
    target_group: str
    benefit: str  # BenefitType value
    readiness: str  # ReadinessCategory value
    gender: str  # "f" or "m"
    age: int
    capacity: float  # weekly hours the citizen can manage (resource mapping)
    danish_level: int
    wished_sectors: tuple[str, ...]
    summary: str
    jobs: tuple[Job, ...] = ()
    exit: Exit | None = None
    competences: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    restrictions: tuple[str, ...] = ()
    final_state: str = ""  # for courses without jobs: where the course stands today
    extra: dict[str, str] = field(default_factory=dict)


MORNING = ((0, "07:00", "10:00"), (2, "07:00", "10:00"), (4, "07:00", "10:00"))
AFTERNOON = ((1, "13:00", "16:00"), (3, "13:00", "16:00"))
WEEKDAYS_DAY = tuple((d, "09:00", "14:00") for d in range(5))
WEEKDAYS_LONG = tuple((d, "08:00", "15:30") for d in range(5))
WEEKEND = ((5, "10:00", "17:30"), (6, "10:00", "17:30"))


TRAJECTORIES: tuple[Trajectory, ...] = (
    # ---- 001 Figure 1: Projekt Småjob, Odense (ressourceforløb → STV target group RF) ----
    Trajectory(
        # 001 Figure 1, Ann: 3 weeks praktik in a specialty shop → employer offers a job →
        # 6 months at 15 h/week until the rehab meeting → recommended for flexjob.
        key="001-ann", seed_name="Ann", source="001 Figur 1 (Ann)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f", age=48,
        capacity=15, danish_level=2, wished_sectors=("specialbutik",), restrictions=("smerter",),
        summary="3 ugers praktik i specialforretning → ansat 15 t/u i 6 mdr. → indstillet til fleksjob",
        jobs=(Job("specialbutik", "Ekspedition og varepåfyldning", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 3, ((0, 8),)),  # praktik hours not given: 8 h/week antaget
            Phase(PAID, 26, ((0, 15),)),
        )),),
        exit=Exit("flexjob", "Indstillet til fleksjob på rehabiliteringsmødet; ansættes i fleksjob."),
    ),
    Trajectory(
        # 001 Figure 1, Omar: 3 months praktik in a supermarket → paid hours until eligible
        # for flexjob: 3 months at 6 h/week, paid 6 but effective 4 (001 L451) → fired by a
        # new manager → ledighedsydelse.
        key="001-omar", seed_name="Omar", source="001 Figur 1 (Omar), 001 L451", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="m",
        age=44, capacity=8, danish_level=2, wished_sectors=("supermarked",),
        summary="3 mdr. praktik i supermarked → 6 løntimer/uge, 4 effektive → fyret af ny leder",
        jobs=(Job("supermarked", "Opfyldning af frugt og grønt", MORNING, (
            Phase(PLACEMENT, 13, ((0, 4), (4, 6))),  # praktik hours antaget: 4 → 6
            Phase(PAID, 13, ((0, 6),), paid=6, effective=4),
        ), ended_because="Fyret af ny leder."),),
        exit=Exit("stopped", "Fyret af ny leder; overgået til ledighedsydelse og søger fleksjob.",
                  stop_reason="fired"),
    ),
    Trajectory(
        # 001 Figure 1, Samuel: 2 weeks praktik, administrative work in a bakery → employer
        # offers a job → 6 months at 5 h/week → kept in ordinary hours.
        key="001-samuel", seed_name="Samuel", source="001 Figur 1 (Samuel)", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="m",
        age=52, capacity=6, danish_level=3, wished_sectors=("bageri", "kontor"),
        summary="2 ugers praktik (adm. i bageri) → 5 t/u løn, fastholdes",
        jobs=(Job("bageri", "Administrativt arbejde: bestillinger og fakturaer", AFTERNOON, (
            Phase(PLACEMENT, 2, ((0, 5),)),
            Phase(PAID, None, ((0, 5),)),
        )),),
    ),
    Trajectory(
        # 001 Figure 1, Faheel: found 2 paid h/week driving for a pizzeria through his own
        # network → 3 months praktik alongside at the same place (hybrid) → breaks off because
        # his health got worse → the course stops.
        key="001-faheel", seed_name="Faheel", source="001 Figur 1 (Faheel)", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="m",
        age=39, capacity=8, danish_level=2, wished_sectors=("chauffør", "restaurant"),
        certificates=("kørekort b",),
        summary="2 løntimer/uge som chauffør for pizzeria + praktik samme sted → stop (helbred)",
        jobs=(Job("pizzeria", "Udbringning af mad", ((4, "17:00", "19:00"), (5, "17:00", "19:00"),
                                                      (1, "10:00", "13:00"), (3, "10:00", "13:00")), (
            Phase(PAID, 6, ((0, 2),)),
            Phase(HYBRID, 10, ((0, 8),), paid=2),  # praktik hours alongside antaget: 6
        ), ended_because="Borgeren afbrød pga. forværret helbred."),),
        exit=Exit("stopped", "Forløbet stoppet pga. forværret helbred.", stop_reason="health"),
    ),
    Trajectory(
        # 001 Figure 1, Lars: 3 months praktik at a builders' merchant → employer would hire
        # in flexjob but declines a småjob → praktik extended 3½ months to the rehab meeting.
        key="001-lars", seed_name="Lars", source="001 Figur 1 (Lars)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="m", age=55,
        capacity=15, danish_level=3, wished_sectors=("byggemarked",), certificates=("truck",),
        summary="3 mdr. praktik i byggemarked → virksomheden afviser småjob → praktik forlænget 3½ mdr.",
        jobs=(Job("byggemarked", "Trælast: sortering og opfyldning", WEEKDAYS_DAY, (
            # 13 + 15 weeks; hours antaget 10 → 15
            Phase(PLACEMENT, 28, ((0, 10), (6, 15))),
        ), ended_because="Praktikken afsluttet ved rehabiliteringsmødet."),),
        exit=Exit("flexjob", "Indstillet til fleksjob; virksomheden vil ansætte i fleksjob."),
    ),
    Trajectory(
        # 001 Figure 1 and 001 L538, Frederik: 4½ months praktik repairing mobile phones →
        # 4 months employed: present 20 h/week, paid 15 → recommended for flexjob.
        key="001-frederik", seed_name="Frederik", source="001 Figur 1 (Frederik), 001 L538",
        project="STV", target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat",
        gender="m", age=34, capacity=20, danish_level=3, wished_sectors=("reparation",),
        competences=("elektronik",),
        summary="4½ mdr. praktik (mobilreparation) → til stede 20 t/u, løn for 15 → fleksjob",
        jobs=(Job("reparation", "Reparation af mobiltelefoner", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 19, ((0, 10), (6, 15), (12, 20))),  # step-up antaget
            Phase(HYBRID, 17, ((0, 20),), paid=15),
        )),),
        exit=Exit("flexjob", "Praktikken omdannes til fleksjob efter rehabiliteringsmødet."),
    ),
    Trajectory(
        # 001 Figure 1, Sara: 4 months praktik in a restaurant kitchen → employed for menu
        # inspiration, about a year at 1–3 h/week → 6 months employment plus a work trial in
        # the kitchen → the trial ends, the 1–3 h/week continue → a new work trial in another
        # sector alongside the paid hours.
        key="001-sara", seed_name="Sara", source="001 Figur 1 (Sara)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f", age=41,
        capacity=14, danish_level=2, wished_sectors=("restaurant", "kontor"),
        competences=("madlavning",),
        summary="Praktik i køkken → 1–3 løntimer/uge i et år → arbejdsprøvning ved siden af",
        jobs=(
            Job("restaurant", "Menuudvikling og køkken", ((4, "14:00", "17:00"),), (
                Phase(PLACEMENT, 17, ((0, 3),)),
                Phase(PAID, 52, ((0, 2),)),
                Phase(HYBRID, 26, ((0, 3),), paid=2),  # work trial in the kitchen (hours antaget)
                Phase(PAID, None, ((0, 2),)),
            )),
            Job("kontor", "Arbejdsprøvning: kontoropgaver", ((0, "09:00", "13:00"), (2, "09:00", "13:00")), (
                Phase(PLACEMENT, None, ((0, 6), (6, 8))),
            ), starts_week=104),
        ),
    ),
    Trajectory(
        # 001 Figure 1, Tina: 4 months praktik as a teaching assistant at a school; she
        # considers paid hours at a café she knows; the praktik continues.
        key="001-tina", seed_name="Tina", source="001 Figur 1 (Tina)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f", age=36,
        capacity=12, danish_level=3, wished_sectors=("skole", "cafe"),
        summary="Praktik som pædagog på skole; overvejer løntimer på café",
        jobs=(Job("skole", "Pædagogisk medhjælp i indskolingen", ((0, "08:00", "12:00"), (1, "08:00", "12:00"),
                                                                 (3, "08:00", "12:00")), (
            Phase(PLACEMENT, None, ((0, 8), (8, 12))),  # hours antaget
        )),),
    ),
    Trajectory(
        # 001 Figure 1, Merete: 8 months praktik in a department store → employer declines to
        # pay alongside the praktik → praktik ends; offered Christmas help but not hired
        # because of a criminal record → goal changed: single subjects towards HF.
        key="001-merete", seed_name="Merete", source="001 Figur 1 (Merete)", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f",
        age=24, capacity=20, danish_level=3, wished_sectors=("stormagasin",),
        summary="8 mdr. praktik i stormagasin → ingen løn → enkeltfag (HF)",
        jobs=(Job("stormagasin", "Varemodtagelse og ekspedition", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 35, ((0, 12), (10, 16), (20, 20))),  # hours antaget
        ), ended_because="Virksomheden ville ikke betale løn ved siden af praktikken."),),
        exit=Exit("education", "Jobmål ændret pga. straffeattest; enkeltfag som forberedelse til HF.",
                  after_weeks=6),
    ),
    Trajectory(
        # 001 Figure 1, Nikolaj: 2½ months praktik in farming; paid hours promised if stable
        # → falling stability → the employer ends the praktik → course paused (instability).
        key="001-nikolaj", seed_name="Nikolaj", source="001 Figur 1 (Nikolaj)", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="m",
        age=27, capacity=15, danish_level=3, wished_sectors=("landbrug",),
        summary="2½ mdr. praktik i landbrug → dalende stabilitet → praktik afbrudt",
        jobs=(Job("landbrug", "Staldarbejde og fodring", MORNING, (
            Phase(PLACEMENT, 11, ((0, 9),)),  # hours antaget
        ), ended_because="Arbejdsgiveren afbrød praktikken."),),
        exit=Exit("stopped", "Forløbet ophører for en tid pga. ustabilitet.", stop_reason="instability"),
    ),
    # ---- 004 §2.3: STV citizen interviews ----
    Trajectory(
        # 004 §2.3, Hanne: praktik at a warehouse hotel, evenings 30 h/week — too hard →
        # day shift, 20 h/week → after Christmas 5 paid hours a week alongside.
        key="004-hanne", seed_name="Hanne", source="004 §2.3 (Hanne)", project="STV", target_group="AK",
        benefit="kontanthjaelp", readiness="aktivitetsparat", gender="f", age=44, capacity=20,
        danish_level=3, wished_sectors=("lager",), restrictions=("stress", "angst"),
        summary="Lagerpraktik 30 t/u aften → 20 t/u dag → 5 løntimer/uge",
        jobs=(Job("lager", "Plukning af varer og labels på kasser", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 20, ((0, 30), (4, 20))),
            Phase(HYBRID, None, ((0, 20),), paid=5),
        )),),
    ),
    Trajectory(
        # 004 §2.3, Lillian: praktik in a furniture shop broken off (too hard physically) →
        # new praktik in another shop ½ year → løntilskud ½ year → hired full time.
        key="004-lillian", seed_name="Lillian", source="004 §2.3 (Lillian)", project="STV",
        target_group="AK", benefit="kontanthjaelp", readiness="aktivitetsparat", gender="f", age=38,
        capacity=37, danish_level=3, wished_sectors=("specialbutik",),
        summary="Praktik afbrudt → ny praktik ½ år → løntilskud ½ år → fuldtidsjob",
        jobs=(
            Job("specialbutik", "Møbelbutik: klargøring af varer", WEEKDAYS_DAY, (
                Phase(PLACEMENT, 4, ((0, 15),)),
            ), ended_because="For hårdt fysisk; praktikken blev afbrudt."),
            Job("specialbutik", "Kundebetjening og rengøring", WEEKDAYS_LONG, (
                Phase(PLACEMENT, 26, ((0, 20), (8, 25), (16, 30))),
                Phase(WAGE_SUBSIDY, 26, ((0, 37),)),
            ), starts_week=6),
        ),
        exit=Exit("ordinary_job", "De nye ejere ansatte hende på fuld tid."),
    ),
    Trajectory(
        # 004 §2.3, Lina: praktik in a sports centre reception from 2 h/week, tried her limits
        # up to 12 h/week; paid for 4 of them; plan: apply for flexjob there.
        key="004-lina", seed_name="Lina", source="004 §2.3 (Lina)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f", age=45,
        capacity=12, danish_level=3, wished_sectors=("idraet",), restrictions=("lunger",),
        summary="Reception i idrætscenter: 2 → 4 → 8 → 12 t/u, heraf 4 lønnede",
        jobs=(Job("idraet", "Reception: telefon og gæster", ((0, "10:00", "13:00"), (2, "10:00", "13:00"),
                                                            (4, "10:00", "13:00"), (1, "10:00", "13:00")), (
            Phase(PLACEMENT, 24, ((0, 2), (6, 4), (12, 8), (18, 12))),
            Phase(HYBRID, None, ((0, 12),), paid=4),
        )),),
    ),
    Trajectory(
        # 004 §2.3, Sanne: ½ year praktik in a nature kindergarten (too hard for her back) →
        # praktik at a residential home she found herself, 9 → 13.5 h/week; rehab team next.
        key="004-sanne", seed_name="Sanne", source="004 §2.3 (Sanne)", project="STV", target_group="RF",
        benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f", age=33,
        capacity=14, danish_level=3, wished_sectors=("paedagogik", "bosted"), restrictions=("ryg",),
        summary="½ år i naturbørnehave (for hårdt) → bosted 9 → 13,5 t/u",
        jobs=(
            Job("skole", "Naturbørnehave: medhjælp", MORNING, (
                Phase(PLACEMENT, 26, ((0, 9),)),  # hours antaget
            ), ended_because="For hårdt for ryggen."),
            Job("bosted", "Morgenhjælp til beboere", ((0, "07:00", "10:00"), (1, "07:00", "10:00"),
                                                      (2, "07:00", "10:00"), (3, "07:00", "10:30"),
                                                      (4, "07:00", "10:00")), (
                Phase(PLACEMENT, None, ((0, 9), (10, 11), (20, 13.5))),
            ), starts_week=28),
        ),
    ),
    Trajectory(
        # 004 §2.3, Henriette: the owner of her training centre hired her as a rotation
        # substitute, 11 h/week → now in flexjob.
        key="004-henriette", seed_name="Henriette", source="004 §2.3 (Henriette)", project="STV",
        target_group="RF", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f",
        age=31, capacity=11, danish_level=3, wished_sectors=("idraet",),
        summary="Rotationsvikar i træningscenter 11 t/u → fleksjob",
        jobs=(Job("idraet", "Rotationsvikar i træningscenter", AFTERNOON + ((4, "13:00", "16:00"),), (
            Phase(PAID, 20, ((0, 11),)),
        )),),
        exit=Exit("flexjob", "Overgået til fleksjob hos arbejdsgiveren."),
    ),
    Trajectory(
        # 004 §2.3, Henrik: praktik as caretaker at a housing association 3 → 12 h/week;
        # one week later praktik as school caretaker 12 → 37 h/week; 10 paid hours a month ago.
        key="004-henrik", seed_name="Henrik", source="004 §2.3 (Henrik)", project="STV", target_group="AK",
        benefit="kontanthjaelp", readiness="aktivitetsparat", gender="m", age=40, capacity=37,
        danish_level=3, wished_sectors=("pedel",),
        summary="Pedelpraktik 3 → 12 t/u → skolepedel 12 → 37 t/u, heraf 10 lønnede",
        jobs=(
            Job("bolig", "Pedelarbejde i boligforening", WEEKDAYS_DAY, (
                Phase(PLACEMENT, 26, ((0, 3), (6, 6), (13, 9), (20, 12))),
            ), ended_because="Praktikken udløb; ny praktik aftalt."),
            Job("skole", "Pedelmedhjælp på skole", WEEKDAYS_LONG, (
                Phase(PLACEMENT, 30, ((0, 12), (8, 20), (16, 30), (24, 37))),
                Phase(HYBRID, None, ((0, 37),), paid=10),
            ), starts_week=27),
        ),
    ),
    # ---- 003 §4: VTA, Roskilde ----
    Trajectory(
        # 003 §4.1.1.1, Dennis: 4 weeks praktik at "Kontoret" preparing meeting rooms, aimed
        # at 30 h/week; extended after sickness; the leader declines to hire.
        key="003-dennis", seed_name="Dennis", source="003 §4.1.1.1 (Dennis)", project="VTA",
        target_group="AKT", benefit="kontanthjaelp", readiness="aktivitetsparat", gender="m", age=45,
        capacity=30, danish_level=3, wished_sectors=("kontor", "naturpleje"),
        summary="4 ugers praktik på kontor, forlænget → lederen afviser ansættelse",
        jobs=(Job("kontor", "Klargøring af mødelokaler og køkken", WEEKDAYS_LONG, (
            Phase(PLACEMENT, 8, ((0, 20), (3, 30))),  # hours antaget up to the 30 he wanted
        ), ended_because="Lederen kunne ikke ansætte: fravær, tempo og kvalitet."),),
        final_state="matching",
    ),
    Trajectory(
        # 003 §4.1.1.2, Kasper: chef; first praktik in a restaurant reached paid hours but the
        # employer was not satisfied; a later praktik was cancelled after three no-shows; taken
        # off VTA for assessment and addiction treatment.
        key="003-kasper", seed_name="Kasper", source="003 §4.1.1.2 (Kasper)", project="VTA",
        target_group="AKT", benefit="kontanthjaelp", readiness="aktivitetsparat", gender="m", age=34,
        capacity=25, danish_level=3, wished_sectors=("restaurant",), competences=("kok",),
        certificates=("hygiejnebevis",),
        summary="Praktik i restaurant → løntimer → ikke fastansat; næste praktik aflyst → udredning",
        jobs=(
            Job("restaurant", "Kok i frokostkøkken", WEEKDAYS_DAY, (
                Phase(PLACEMENT, 4, ((0, 20),)),
                Phase(PAID, 8, ((0, 20),), paid=20, effective=14),  # effective antaget
            ), ended_because="Arbejdsgiveren kunne ikke opretholde lønnen; ikke fastansat."),
            Job("kantine", "Køkkenhjælp", MORNING, (
                Phase(PLACEMENT, 1, ((0, 0),)),  # three no-shows on the first day
            ), starts_week=16, ended_because="Udeblev tre gange på opstartsdagen."),
        ),
        exit=Exit("returned", "Taget af VTA; udredning og misbrugsbehandling først."),
    ),
    Trajectory(
        # 003 §4.1.2.1 and §4.1.4.1, Per: administrative tasks at "Musikken", hours raised
        # gradually in the first 6 months; still employed after 1½ years, not self-supporting.
        key="003-per", seed_name="Per", source="003 §4.1.2.1 (Per)", project="VTA", target_group="AKT",
        benefit="ledighedsydelse", readiness="aktivitetsparat", gender="m", age=26, capacity=15,
        danish_level=3, wished_sectors=("kultur",), restrictions=("autisme",),
        summary="Praktik på spillested → løntimer trappet op → stadig ansat efter 6 mdr.",
        jobs=(Job("kultur", "Administrative opgaver for spillested", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 4, ((0, 4),)),
            Phase(PAID, 30, ((0, 5), (8, 8), (16, 10), (24, 12))),  # step-up antaget
        )),),
        exit=Exit("smaajob_6m", "Ansat over 6 måneder; udgår af VTA efter projektets regel."),
    ),
    Trajectory(
        # 003 §4.1.2.2 and §4.1.3.2, Morten: after a gardener praktik, employed at
        # "Laboratoriet" under 10 h/week; now on revalidering studying.
        key="003-morten", seed_name="Morten", source="003 §4.1.2.2 (Morten)", project="VTA",
        target_group="AKT", benefit="revalidering", readiness="aktivitetsparat", gender="m", age=31,
        capacity=10, danish_level=3, wished_sectors=("laboratorium",), competences=("biologi",),
        summary="Gartnerpraktik → løntimer i laboratorium < 10 t/u → uddannelse (revalidering)",
        jobs=(
            Job("gartneri", "Gartnerarbejde", MORNING, (
                Phase(PLACEMENT, 8, ((0, 9),)),
                Phase(PAID, 12, ((0, 6),)),
            ), ended_because="Ikke det rette match; nyt job i laboratoriet."),
            Job("laboratorium", "Administrative opgaver og klargøring af laboratoriet", AFTERNOON, (
                Phase(PAID, 52, ((0, 6), (26, 8))),
            ), starts_week=21),
        ),
        exit=Exit("education", "Bevilget revalidering; læser videre og er studentermedhjælper."),
    ),
    Trajectory(
        # 003 §4.1.2.3 and §4.1.4.3, Allan: praktik in telephone sales at "Skolen", extended by
        # 4 weeks → employed part time; wants full time.
        key="003-allan", seed_name="Allan", source="003 §4.1.4.3 (Allan)", project="VTA",
        target_group="AKT", benefit="kontanthjaelp", readiness="aktivitetsparat", gender="m", age=32,
        capacity=20, danish_level=3, wished_sectors=("kontor", "vagt"), restrictions=("ocd",),
        summary="Praktik i telefonsalg 4+4 uger → deltidsansat",
        jobs=(Job("kontor", "Telefonsalg af kurser", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 8, ((0, 10), (4, 15))),
            Phase(PAID, None, ((0, 15),)),  # "deltid": hours antaget
        )),),
    ),
    Trajectory(
        # 003 §4.1.3.4 and §4.1.4.4, Dorte: short praktik → employed 15 h/week on
        # administrative tasks at "Bureauet"; left VTA after 6 months employed.
        key="003-dorte", seed_name="Dorte", source="003 §4.1.3.4 (Dorte)", project="VTA",
        target_group="AKT", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f",
        age=27, capacity=15, danish_level=3, wished_sectors=("kontor",), competences=("kontor",),
        summary="Kort praktik → ansat 15 t/u på kontor → stadig ansat efter 6 mdr.",
        jobs=(Job("kontor", "Undertekster, bogføring og kundekontakt", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 3, ((0, 10),)),
            Phase(PAID, 28, ((0, 15),)),
        )),),
        exit=Exit("smaajob_6m", "Ansat 6 måneder; afsluttet i VTA."),
    ),
    Trajectory(
        # 003 §4.2.1.1 and §4.2.2.1, Aisha: praktik in cleaning → employed 6 h/week as a
        # hybrid (worked a little more than she was paid for) for over a year → fired after
        # calling in sick to see her doctor.
        key="003-aisha", seed_name="Aisha", source="003 §4.2.2.1 (Aisha)", project="VTA",
        target_group="KVB", benefit="ressourceforloebsydelse", readiness="aktivitetsparat", gender="f",
        age=50, capacity=8, danish_level=1, wished_sectors=("rengoering",),
        summary="Rengøringspraktik → hybrid 6 løntimer/uge i over et år → fyret",
        jobs=(Job("rengoering", "Rengøring af kontorer", MORNING, (
            Phase(PLACEMENT, 6, ((0, 6),)),
            Phase(HYBRID, 56, ((0, 8),), paid=6),
        ), ended_because="Afskediget efter sygemelding for at gå til læge."),),
        exit=Exit("stopped", "Fyret efter over et år med 6 løntimer om ugen.", stop_reason="fired"),
    ),
    Trajectory(
        # 003 §4.2.2.2, Laila: 20 h/week in a restaurant, all kinds of tasks; the time-limited
        # employment was not extended.
        key="003-laila", seed_name="Laila", source="003 §4.2.2.2 (Laila)", project="VTA",
        target_group="KVB", benefit="kontanthjaelp", readiness="aktivitetsparat", gender="f", age=47,
        capacity=20, danish_level=1, wished_sectors=("restaurant",),
        summary="Praktik → 20 løntimer/uge i restaurant → ikke forlænget",
        jobs=(Job("restaurant", "Køkken og opvask", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 4, ((0, 12),)),
            Phase(PAID, 40, ((0, 20),)),
        ), ended_because="Tidsbegrænset ansættelse blev ikke forlænget."),),
        exit=Exit("stopped", "Restauranten forlængede ikke ansættelsen.", stop_reason="employer_declined"),
    ),
    Trajectory(
        # 003 §4.2.2.3, Nabila: 2 months praktik in cleaning at "Soleklart", 15 h/week aiming at
        # 20–25; not hired; back to matching.
        key="003-nabila", seed_name="Nabila", source="003 §4.2.2.3 (Nabila)", project="VTA",
        target_group="KVB", benefit="integrationsydelse", readiness="jobparat", gender="f", age=42,
        capacity=25, danish_level=1, wished_sectors=("rengoering",),
        summary="2 mdr. rengøringspraktik 15 → 20 t/u → ikke ansat",
        jobs=(Job("rengoering", "Rengøring", WEEKDAYS_DAY, (
            Phase(PLACEMENT, 9, ((0, 15), (4, 20))),
        ), ended_because="Virksomheden valgte ikke at ansætte."),),
        final_state="matching",
    ),
    Trajectory(
        # 003 §4.3.1, Aneta: match meeting at a car-preparation firm with four other
        # candidates; not offered the job; has a forklift certificate; back to matching.
        key="003-aneta", seed_name="Aneta", source="003 §4.3.1 (Aneta)", project="VTA", target_group="UKR",
        benefit="integrationsydelse", readiness="jobparat", gender="f", age=49, capacity=37,
        danish_level=0, wished_sectors=("lager",), certificates=("truck",),
        # Synthetic: married to a spouse on førtidspension, so not covered by the 225-hour rule.
        extra={"spouse_support": "pension"},
        summary="Matchmøde hos bilservice, ikke tilbudt job; truckcertifikat",
        final_state="match_meeting_failed",
    ),
    Trajectory(
        # 003 §4.3.2.1 and §4.3.3.1, Klara: 14 days praktik at "Lageret" → forklift course →
        # wage subsidy; now a buddy herself.
        key="003-klara", seed_name="Klara", source="003 §4.3.3.1 (Klara)", project="VTA",
        target_group="UKR", benefit="integrationsydelse", readiness="jobparat", gender="f", age=38,
        capacity=37, danish_level=0, wished_sectors=("lager", "arkitektur"), certificates=("truck",),
        summary="14 dages lagerpraktik → truckkursus → løntilskud",
        jobs=(Job("lager", "Varemodtagelse og plukning", WEEKDAYS_LONG, (
            Phase(PLACEMENT, 2, ((0, 30),)),
            Phase(WAGE_SUBSIDY, None, ((0, 37),)),
        )),),
    ),
    Trajectory(
        # 003 §4.3.2.2, Bogdan: straight into wage subsidy at "Lageret", ended after two days →
        # 3 months' wage subsidy as a demolition worker at "Byggeriet".
        key="003-bogdan", seed_name="Bogdan", source="003 §4.3.2.2 (Bogdan)", project="VTA",
        target_group="UKR", benefit="integrationsydelse", readiness="jobparat", gender="m", age=46,
        capacity=37, danish_level=0, wished_sectors=("byggeri",), certificates=("truck",),
        competences=("snedker",),
        summary="Løntilskud på lager stoppet efter 2 dage → løntilskud som nedriver",
        jobs=(
            Job("lager", "Lagerarbejde", WEEKDAYS_LONG, (
                Phase(WAGE_SUBSIDY, 1, ((0, 15),)),  # two days of 7.5 h
            ), ended_because="Lageret mente ikke, han passede ind."),
            Job("byggeri", "Nedrivning", WEEKDAYS_LONG, (
                Phase(WAGE_SUBSIDY, None, ((0, 37),)),
            ), starts_week=3),
        ),
    ),
    Trajectory(
        # 003 §4.3.2.3 and §4.3.3.3, Igor: self-found job in a clothes shop, 15 h/week at
        # weekends, and — at the same time — a few hours a week as IT supporter at
        # "Uddannelsen" for 4 months. Two jobs whose slots do not clash.
        key="003-igor", seed_name="Igor", source="003 §4.3.2.3 (Igor)", project="VTA", target_group="UKR",
        benefit="integrationsydelse", readiness="jobparat", gender="m", age=32, capacity=30,
        danish_level=0, wished_sectors=("it",), competences=("it", "jura"),
        summary="To job: tøjbutik 15 t/u i weekenden + IT-support på uddannelsesinstitution",
        jobs=(
            Job("toej", "Salgsassistent", WEEKEND, (
                Phase(PAID, None, ((0, 15),)),
            )),
            Job("uddannelse", "IT-support", ((1, "09:00", "13:00"), (3, "09:00", "13:00")), (
                Phase(PAID, None, ((0, 4), (12, 6))),  # "nogle få timer": 4 → 6 antaget
            ), starts_week=8),
        ),
    ),
)


def by_key() -> dict[str, Trajectory]:
    return {t.key: t for t in TRAJECTORIES}
