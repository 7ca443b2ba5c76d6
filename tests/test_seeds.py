"""Each seed gives exactly the values of its expected.json, key by key."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_NAMES, seed_expected, seed_text
from tests.eval.evaluate import predicted_values
from unres.parse import parse_text

SET_KEYS = {"cited_resolutions", "cited_documents", "dates"}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_matches_every_expected_value(name: str) -> None:
    expected = seed_expected(name)
    actual = predicted_values(parse_text(seed_text(name)))
    for key, value in expected.items():
        want = sorted(value) if key in SET_KEYS else value
        assert actual[key] == want, f"{name}: {key}"
