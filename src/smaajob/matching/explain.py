# SPDX-License-Identifier: MPL-2.0
"""Explanations in Danish: what fits, what does not, and every score component.

A consultant must be able to see why a company is suggested and what is missing (DOMAIN
§6). :func:`explain` answers that for one citizen and one task; the top-k searches attach
the same explanation to each suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.danish_numbers import format_decimal
from smaajob.matching import slots as slotbits
from smaajob.matching.constraints import PairFacts, Reason, check_pairs, disclosures_needed, reasons_of
from smaajob.matching.model import (
    FACT_BIT,
    FACT_DA,
    OPENING_KIND_DA,
    Candidate,
    DanishLevel,
    Fact,
    Opening,
)
from smaajob.matching.pools import KINDS, CandidatePool, OpeningPool, build_pools
from smaajob.matching.scoring import NEUTRAL, PairScores, score_pairs
from smaajob.matching.weights import COMPONENTS, Weights, default_weights

COMPONENT_LABEL_DA = {
    "wish_sector": "Ønsket branche",
    "task": "Ønskede opgaver",
    "hours_fit": "Timer",
    "distance": "Afstand",
    "buddy": "Buddy",
    "conversion": "Virksomhedens erfaring med løntimer",
    "small_company": "Lille virksomhed",
    "waiting": "Ventetid",
}


@dataclass(frozen=True)
class Rejection:
    code: str
    title: str
    text: str


@dataclass(frozen=True)
class ScoreComponent:
    code: str
    label: str
    value: float  # 0..1
    weight: float  # share of the profile's total weight, 0..1
    points: float  # value × weight × 100
    text: str


@dataclass(frozen=True)
class MatchExplanation:
    candidate_id: str
    opening_id: str
    feasible: bool
    score: float  # points out of 100 (computed also for infeasible pairs, for information)
    proposed_hours: float
    distance_km: float
    profile: str
    rejections: tuple[Rejection, ...]
    fits: tuple[str, ...]
    components: tuple[ScoreComponent, ...]

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rejections)

    def text(self) -> str:
        """The explanation as Danish plain text, for a page or an e-mail."""
        head = (
            f"Opgave {self.opening_id} til borger {self.candidate_id}: "
            + (f"passer – {_dec(self.score)} point af 100, forslag {_hours(self.proposed_hours)} t/uge."
               if self.feasible else "passer ikke.")
        )
        lines = [head]
        if self.rejections:
            lines.append("Det passer ikke:")
            lines += [f"  – {r.title}: {r.text}" for r in self.rejections]
        if self.fits:
            lines.append("Det passer:")
            lines += [f"  + {f}" for f in self.fits]
        lines.append(f"Point (vægtprofil {self.profile}):")
        lines += [
            f"  {c.label}: {_dec(c.points)} af {_dec(100 * c.weight)} – {c.text}"
            for c in self.components
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        return {
            "candidate_id": self.candidate_id,
            "opening_id": self.opening_id,
            "feasible": self.feasible,
            "score": round(self.score, 2),
            "proposed_hours": self.proposed_hours,
            "distance_km": round(self.distance_km, 2),
            "profile": self.profile,
            "rejections": [r.__dict__ for r in self.rejections],
            "fits": list(self.fits),
            "components": [
                {**c.__dict__, "value": round(c.value, 4), "weight": round(c.weight, 4),
                 "points": round(c.points, 2)}
                for c in self.components
            ],
        }


def explain(candidate: Candidate, opening: Opening, weights: Weights | None = None) -> MatchExplanation:
    """Why ``opening`` does or does not suit ``candidate``, in Danish."""
    cp, op = build_pools([candidate], [opening])
    return explain_pair(cp, 0, op, 0, weights)


def _hours(h: float) -> str:
    return format_decimal(h, grouping=False)


def _dec(x: float) -> str:
    """One decimal with a Danish decimal comma: 12,5."""
    return format_decimal(x, min_decimals=1, max_decimals=1, grouping=False)


def _km(d: float) -> str:
    return format_decimal(d, min_decimals=1, max_decimals=1, grouping=False)


def _join(names: tuple[str, ...] | list[str]) -> str:
    names = sorted(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def _words_to_mask(words: npt.NDArray[np.uint64]) -> int:
    return sum(int(w) << (64 * i) for i, w in enumerate(words.tolist()))


def explain_pair(
    cp: CandidatePool, i: int, op: OpeningPool, j: int, weights: Weights | None = None
) -> MatchExplanation:
    """Explanation for row ``i`` of ``cp`` and row ``j`` of ``op``."""
    return explain_pairs(cp, [i], op, [j], weights)[0]


def explain_pairs(
    cp: CandidatePool, rows_c: Sequence[int], op: OpeningPool, rows_o: Sequence[int],
    weights: Weights | None = None,
) -> list[MatchExplanation]:
    """Explanations for the pairs ``(cp[rows_c[k]], op[rows_o[k]])``.

    The constraints and scores of all pairs are computed in one vectorised pass (the
    top-k searches explain ten pairs at once); only the wording is per pair.
    """
    weights = weights or default_weights()
    ci = np.asarray(rows_c, dtype=np.int64)
    oj = np.asarray(rows_o, dtype=np.int64)
    facts = check_pairs(cp, ci, op, oj)
    scores = score_pairs(cp, ci, op, oj, facts, weights)
    needs = disclosures_needed(cp, ci, op, oj)
    return [_explain_one(cp, int(ci[k]), op, int(oj[k]), weights, facts, scores, k, int(needs[k]))
            for k in range(len(ci))]


def _explain_one(
    cp: CandidatePool, i: int, op: OpeningPool, j: int, weights: Weights, facts: PairFacts,
    scores: PairScores, k: int, need: int,
) -> MatchExplanation:
    bits = int(facts.reasons[k])
    dist, free = float(facts.distance_km[k]), float(facts.free_hours[k])
    proposed = float(scores.proposed_hours[k])
    cap, hmin, hmax = float(cp.weekly_hours[i]), float(op.hours_min[j]), float(op.hours_max[j])
    vocab = cp.vocab
    c_level, o_level = DanishLevel(int(cp.danish[i])), DanishLevel(int(op.danish[j]))
    restr = vocab.restrictions.decode(cp.restrictions[i])
    accom = vocab.restrictions.decode(op.accommodations[j])
    req_certs = vocab.certificates.decode(op.certificates[j])
    have_certs = vocab.certificates.decode(cp.certificates[i])
    consents = int(cp.consents[i])
    slots_text = slotbits.describe(_words_to_mask(op.slots[j]))

    def facts_da(mask: int) -> str:
        return _join([FACT_DA[f] for f in Fact if mask & FACT_BIT[f]])

    wording: dict[Reason, tuple[str, str]] = {
        Reason.HOURS: (
            (f"Opgaven kræver mindst {_hours(hmin)} t/uge; borgeren kan højst {_hours(cap)} t/uge."
             if cap > 0 else "Borgeren kan ikke arbejde nogen timer lige nu (0 t/uge)."),
            f"Timer: opgaven er på {_hours(hmin)}–{_hours(hmax)} t/uge, borgeren kan "
            f"{_hours(cap)} t/uge.",
        ),
        Reason.SLOTS: (
            f"Opgaven ligger {slots_text}; borgeren har kun {_hours(free)} t fri i de tider "
            f"(andre aftaler som sprogskole eller behandling er trukket fra), og opgaven kræver "
            f"mindst {_hours(hmin)} t/uge.",
            f"Tider: borgeren har {_hours(free)} t fri inden for opgavens tider ({slots_text}).",
        ),
        Reason.LANGUAGE: (
            f"Opgaven kræver {o_level.danish}; borgeren har {c_level.danish}.",
            f"Sprog: opgaven kræver {o_level.danish}, borgeren har {c_level.danish}.",
        ),
        Reason.RESTRICTIONS: (
            "Virksomheden kan ikke tage hensyn til: "
            f"{_join([r for r in restr if r not in accom])}.",
            (f"Skånehensyn: virksomheden kan tage hensyn til {_join(list(restr))}."
             if restr else "Skånehensyn: borgeren har ingen registreret."),
        ),
        Reason.CERTIFICATES: (
            "Opgaven kræver certifikat, som borgeren ikke har: "
            f"{_join([c for c in req_certs if c not in have_certs])}.",
            (f"Certifikater: borgeren har {_join(list(req_certs))}, som opgaven kræver."
             if req_certs else "Certifikater: opgaven kræver ingen."),
        ),
        Reason.DISTANCE: (
            f"Der er {_km(dist)} km til opgaven; borgeren kan højst rejse "
            f"{_hours(float(cp.travel_km[i]))} km.",
            f"Afstand: {_km(dist)} km; borgeren kan rejse {_hours(float(cp.travel_km[i]))} km.",
        ),
        Reason.CONSENT: (
            f"Virksomheden skal have oplyst {facts_da(need & ~consents)}, men borgeren har ikke "
            "givet samtykke til at videregive det.",
            (f"Samtykke: borgeren har sagt ja til at virksomheden får oplyst {facts_da(need)}."
             if need else "Samtykke: opgaven kræver ingen oplysninger om borgeren."),
        ),
        Reason.CAPACITY: (
            "Virksomheden har ingen ledige pladser til opgaven lige nu.",
            f"Pladser: {int(op.free_places[j])} ledig(e).",
        ),
    }
    failed = reasons_of(bits)
    rejections = tuple(Rejection(r.value, r.heading, wording[r][0]) for r in failed)
    fits = tuple(wording[r][1] for r in Reason if r not in failed)

    profile = weights.profile_for(cp.readiness[i])
    wvec = weights.matrix()[weights.profile_names.index(profile)]
    comp = scores.components[k]
    sector = vocab.sectors.name(int(op.sector[j])) if int(op.sector[j]) > 0 else "ikke angivet"
    wishes = vocab.sectors.decode(cp.wished_sectors[i])
    w_tasks, o_tasks = vocab.tasks.decode(cp.wished_tasks[i]), vocab.tasks.decode(op.tasks[j])
    employees = float(op.employees[j])
    placements, conversions = int(op.placements[j]), int(op.conversions[j])
    kind = OPENING_KIND_DA[KINDS[int(op.kind[j])]]
    texts = {
        "wish_sector": (
            "Borgeren har ingen brancheønsker registreret." if comp[0] == NEUTRAL and not wishes
            else f"Branchen ({sector}) er blandt borgerens ønsker." if comp[0] >= 1
            else f"Branchen ({sector}) er ikke blandt borgerens ønsker ({_join(list(wishes))})."
        ),
        "task": (
            "Ingen opgaveønsker eller opgavebeskrivelse at sammenligne."
            if not (w_tasks and o_tasks)
            else f"Opgaven ({_join(list(o_tasks))}) rummer "
            f"{_join([t for t in o_tasks if t in w_tasks]) or 'intet'} af det borgeren ønsker "
            f"({_join(list(w_tasks))})."
        ),
        "hours_fit": f"Opgaven ({kind}) kan bruge {_hours(proposed)} af borgerens "
        f"{_hours(cap)} t/uge.",
        "distance": f"{_km(dist)} km af højst {_hours(float(cp.travel_km[i]))} km.",
        "buddy": "Virksomheden har en buddy til opgaven." if op.buddy[j]
        else "Virksomheden har ingen buddy til opgaven.",
        "conversion": (
            f"{conversions} af virksomhedens {placements} forløb er blevet til løntimer."
            if placements else "Virksomheden har endnu ingen forløb bag sig (neutral værdi)."
        ),
        "small_company": (
            "Virksomhedens størrelse er ikke oplyst (neutral værdi)." if np.isnan(employees)
            else f"Virksomheden har {int(employees)} ansatte."
        ),
        "waiting": f"Borgeren har ventet {int(cp.waiting_days[i])} dage på et match.",
    }
    components = tuple(
        ScoreComponent(
            code=code, label=COMPONENT_LABEL_DA[code], value=float(comp[k]),
            weight=float(wvec[k]), points=float(100 * comp[k] * wvec[k]), text=texts[code],
        )
        for k, code in enumerate(COMPONENTS)
    )
    return MatchExplanation(
        candidate_id=cp.ids[i], opening_id=op.ids[j], feasible=bits == 0,
        score=float(scores.points[k]), proposed_hours=proposed, distance_km=dist,
        profile=profile, rejections=rejections, fits=fits, components=components,
    )
