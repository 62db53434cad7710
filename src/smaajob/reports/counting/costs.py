# SPDX-License-Identifier: MPL-2.0
"""The cost of an effort from unit prices (003 §2.6, "Prisen på en VTA-indsats").

003 §2.6 gives prices for some elements and only hours for others:

* food hygiene (skræddersyet kompetenceløft): about 25 hours of teaching at about 600 kr/hour,
  preparation and adaptation not included;
* individual language lift: about 2,800 kr a week for 10–12 weeks per candidate;
* buddy training: 3–5 hours for up to 20 employees — **no price given**;
* ERFA meetings: 1 hour every 6–8 weeks — **no price given**;
* partial wage cover for the buddy: e.g. 2 hours a week for 3 months — **no wage given**.

Where the source gives no price the municipality must enter one; until then the line is
shown as "pris mangler" and left out of the total, which then says it is incomplete.
Municipalities edit the prices (``smaajob.reports.models.UnitPrice``); these are the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitPrice:
    key: str
    label_da: str
    unit_da: str  # what one unit is: "time", "uge", …
    price_kr: float | None  # per unit; None = the source gives no price
    units_low: float  # units per item, lowest estimate
    units_high: float  # units per item, highest estimate
    item_da: str  # what one item is: "pr. kandidat", "pr. hold (≤ 20 deltagere)", …
    source: str


DEFAULT_PRICES: list[UnitPrice] = [
    UnitPrice(
        "food_hygiene",
        "Skræddersyet kompetenceløft: fødevarehygiejne",
        "undervisningstime",
        600.0,
        25,
        25,
        "pr. hold",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: ca. 25 timers undervisning à ca. 600 kr. (ekskl. forberedelse)",
    ),
    UnitPrice(
        "language_lift",
        "Individuelt sprogløft",
        "uge",
        2800.0,
        10,
        12,
        "pr. kandidat",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: ca. 2.800 kr. om ugen i 10–12 uger pr. kandidat",
    ),
    UnitPrice(
        "buddy_training",
        "Buddytræning for medarbejdere",
        "time",
        None,
        3,
        5,
        "pr. hold (op til 20)",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: 3–5 timer for op til 20 medarbejdere (ingen pris i kilden)",
    ),
    UnitPrice(
        "erfa_meeting",
        "ERFA-møde for buddyer",
        "time",
        None,
        1,
        1,
        "pr. møde (hver 6.–8. uge)",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: 1 time hver 6.–8. uge (ingen pris i kilden)",
    ),
    UnitPrice(
        "wage_cover",
        "Delvis løndækning til buddyfunktion",
        "time",
        None,
        26,
        26,
        "pr. kandidat",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: fx 2 timer om ugen i 3 måneder "
        "(ca. 13 uger; ingen timeløn i kilden)",
    ),
    UnitPrice(
        "cluster_event",
        "Arrangement for klyngenetværket",
        "arbejdsuge",
        None,
        1,
        1,
        "pr. arrangement",
        "VTA-evalueringen (Absalon 2023), afsnit 2.6: ca. 1 uges arbejde pr. arrangement, "
        "gerne 2 om året (+ evt. oplægsholder)",
    ),
]


@dataclass(frozen=True)
class CostLine:
    price: UnitPrice
    quantity: float
    low_kr: float | None
    high_kr: float | None

    @property
    def missing_price(self) -> bool:
        return self.price.price_kr is None and self.quantity > 0


@dataclass(frozen=True)
class CostEstimate:
    lines: list[CostLine]
    low_kr: float
    high_kr: float
    complete: bool
    rule_da: str = (
        "Omkostning = pris pr. enhed × enheder pr. ydelse × antal ydelser, med lav og høj skøn, hvor kilden "
        "angiver et spænd. Linjer uden pris indgår ikke i totalen; så er totalen markeret som ufuldstændig."
    )
    source: str = "VTA-evalueringen (Absalon 2023), afsnit 2.6"


def effort_cost(prices: list[UnitPrice], quantities: dict[str, float]) -> CostEstimate:
    unknown = set(quantities) - {p.key for p in prices}
    if unknown:
        raise ValueError(f"no unit price for: {', '.join(sorted(unknown))}")
    lines = []
    for price in prices:
        quantity = float(quantities.get(price.key, 0))
        if quantity < 0:
            raise ValueError(f"quantity for {price.key} is negative")
        if price.price_kr is None:
            lines.append(CostLine(price, quantity, None, None))
        else:
            lines.append(
                CostLine(
                    price,
                    quantity,
                    price.price_kr * price.units_low * quantity,
                    price.price_kr * price.units_high * quantity,
                )
            )
    low = sum(line.low_kr or 0.0 for line in lines)
    high = sum(line.high_kr or 0.0 for line in lines)
    return CostEstimate(lines, low, high, complete=not any(line.missing_price for line in lines))
