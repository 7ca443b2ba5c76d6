"""Whatever text comes in, the parser returns rows that hold to the schemas."""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import validate_tables
from tests.conftest import RAW, SEED_NAMES
from unres.parse import parse_text
from unres.tables import ParsedInput, build_tables

SEED_LINES = [
    line
    for name in SEED_NAMES
    for line in (RAW / f"{name}.txt").read_text(encoding="utf-8").splitlines()
]

any_text = st.text(st.characters(codec="utf-8"), max_size=3000)
control_heavy = st.text(st.characters(min_codepoint=0, max_codepoint=0x3F), max_size=500)
long_line = st.builds(
    lambda word, n: word * n,
    st.sampled_from(["Recalling ", "1. ", "¹", "x"]),
    st.integers(1000, 20000),
)
# Real lines shuffled, cut and glued: texts that look like resolutions but are damaged.
real_fragments = st.lists(st.sampled_from(SEED_LINES), max_size=80).map("\n".join)
damaged_real = st.tuples(real_fragments, any_text, real_fragments).map("".join)

texts = st.one_of(any_text, control_heavy, long_line, real_fragments, damaged_real)


def _rows_validate(text: str) -> None:
    document = parse_text(text)
    tables = build_tables([ParsedInput("doc.txt", "0" * 64, document)], [])
    validated = validate_tables(tables)
    assert all(isinstance(frame, pl.DataFrame) for frame in validated.values())


# Each example validates seven tables (~0.1 s of pandera), so the everyday run
# keeps to 50 examples; `make test-slow` sets HYPOTHESIS_PROFILE=thorough (1,000).
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parser_never_raises_and_rows_always_validate(text: str) -> None:
    _rows_validate(text)
