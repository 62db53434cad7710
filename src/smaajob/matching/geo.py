# SPDX-License-Identifier: MPL-2.0
"""Great-circle distances (haversine, km) and a flat grid for bucketing nearby places.

Travel limits are a few tens of kilometres, so the straight-line distance is what the
engine checks; it underestimates road distance, which keeps the filter from rejecting a
reachable task (the consultant judges the actual route at the match meeting).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from smaajob.matching.errors import InvalidCoordinates

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.2

FloatArray = npt.NDArray[np.float64]


def check_coordinates(lat: float, lon: float, *, field: str) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidCoordinates(
            f"Koordinaterne ({lat}, {lon}) er ugyldige: breddegrad skal ligge mellem −90 og 90 "
            "og længdegrad mellem −180 og 180 (fx 55.68, 12.57 for København).",
            field=field,
        )


def check_coordinate_arrays(lat: FloatArray, lon: FloatArray, *, field: str) -> None:
    bad = ~(np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        check_coordinates(float(lat[i]), float(lon[i]), field=f"{field}[{i}]")


def haversine_km(
    lat1: FloatArray | float, lon1: FloatArray | float, lat2: FloatArray | float,
    lon2: FloatArray | float,
) -> FloatArray:
    """Vectorised great-circle distance in km; arguments broadcast like numpy arrays."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0))), dtype=np.float64)


def haversine_from_radians_km(
    lat1_rad: FloatArray, cos_lat1: FloatArray, lon1: FloatArray,
    lat2_rad: FloatArray, cos_lat2: FloatArray, lon2: FloatArray,
) -> FloatArray:
    """:func:`haversine_km` with the latitudes' radians and cosines computed beforehand.

    The same operations in the same order, so the same bits: pools cache ``radians(lat)``
    and ``cos(radians(lat))`` once instead of once per pair.
    """
    dp = lat2_rad - lat1_rad
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + cos_lat1 * cos_lat2 * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0))), dtype=np.float64)


def grid_xy_km(lat: FloatArray, lon: FloatArray, ref_lat: float) -> tuple[FloatArray, FloatArray]:
    """Equirectangular projection around ``ref_lat``, used only to bucket places into cells."""
    x = lon * (KM_PER_DEGREE_LAT * math.cos(math.radians(ref_lat)))
    y = lat * KM_PER_DEGREE_LAT
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
