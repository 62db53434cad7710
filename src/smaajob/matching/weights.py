# SPDX-License-Identifier: MPL-2.0
"""Loading and checking the score weights (``weights.yaml``), one profile per readiness group."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

from smaajob.matching.errors import InvalidWeights

COMPONENTS: tuple[str, ...] = (
    "wish_sector",
    "task",
    "hours_fit",
    "distance",
    "buddy",
    "conversion",
    "small_company",
    "waiting",
)


@dataclass(frozen=True)
class Weights:
    """Weight profiles: ``profiles[name][component]`` ≥ 0, each profile with a positive sum."""

    profiles: Mapping[str, Mapping[str, float]]
    readiness_profile: Mapping[str, str]
    default_profile: str

    def __post_init__(self) -> None:
        if not self.profiles:
            raise InvalidWeights("Vægtene skal have mindst én profil under 'profiles'.")
        for name, profile in self.profiles.items():
            missing = set(COMPONENTS) - set(profile)
            extra = set(profile) - set(COMPONENTS)
            if missing or extra:
                raise InvalidWeights(
                    f"Profilen {name!r} skal have præcis komponenterne {', '.join(COMPONENTS)}"
                    + (f"; mangler {', '.join(sorted(missing))}" if missing else "")
                    + (f"; ukendt {', '.join(sorted(extra))}" if extra else "") + ".",
                    field=f"profiles.{name}",
                )
            for comp, value in profile.items():
                if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                    raise InvalidWeights(
                        f"Vægten {name}.{comp} skal være et tal ≥ 0, ikke {value!r}.",
                        field=f"profiles.{name}.{comp}",
                    )
            if sum(profile.values()) <= 0:
                raise InvalidWeights(f"Profilen {name!r} skal have mindst én vægt > 0.",
                                     field=f"profiles.{name}")
        for readiness, name in {**self.readiness_profile, "(default)": self.default_profile}.items():
            if name not in self.profiles:
                raise InvalidWeights(
                    f"Visitationskategorien {readiness!r} peger på profilen {name!r}, som ikke "
                    f"findes; vælg en af {', '.join(self.profiles)}.",
                    field="readiness_profile",
                )

    @property
    def profile_names(self) -> tuple[str, ...]:
        return tuple(self.profiles)

    def profile_for(self, readiness: str) -> str:
        return self.readiness_profile.get(readiness, self.default_profile)

    def matrix(self) -> npt.NDArray[np.float64]:
        """(profiles × components) weights, each row divided by its sum (rows sum to 1)."""
        rows = np.array([[self.profiles[p][c] for c in COMPONENTS] for p in self.profile_names],
                        dtype=np.float64)
        return np.asarray(rows / rows.sum(axis=1, keepdims=True), dtype=np.float64)

    def profile_indices(self, readiness: Sequence[str]) -> npt.NDArray[np.int64]:
        names = self.profile_names
        lookup = {r: names.index(self.profile_for(r)) for r in set(readiness)}
        return np.array([lookup[r] for r in readiness], dtype=np.int64)


def weights_from_mapping(data: object, *, source: str = "vægte") -> Weights:
    if not isinstance(data, Mapping) or not isinstance(data.get("profiles"), Mapping):
        raise InvalidWeights(f"{source}: filen skal have en 'profiles'-sektion med vægte.")
    profiles = {
        str(name): dict(profile) if isinstance(profile, Mapping) else {}
        for name, profile in data["profiles"].items()
    }
    readiness = data.get("readiness_profile") or {}
    if not isinstance(readiness, Mapping):
        raise InvalidWeights(f"{source}: 'readiness_profile' skal være kategori: profil.")
    default = str(data.get("default_profile") or next(iter(profiles), ""))
    return Weights(profiles=profiles, readiness_profile={str(k): str(v) for k, v in
                                                          readiness.items()},
                   default_profile=default)


def load_weights(path: str | Path | None = None) -> Weights:
    """The weights in ``path``, or the packaged ``weights.yaml`` when none is given."""
    if path is None:
        return default_weights()
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidWeights(f"Vægtfilen {path} kan ikke læses som YAML: {exc}") from None
    return weights_from_mapping(data, source=str(path))


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    text = resources.files("smaajob.matching").joinpath("weights.yaml").read_text("utf-8")
    return weights_from_mapping(yaml.safe_load(text), source="weights.yaml")
