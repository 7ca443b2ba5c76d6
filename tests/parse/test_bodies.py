"""The table of UN bodies and what the parser reads from it."""

from __future__ import annotations

import re

import pytest

from unres.parse import parse_text
from unres.parse.bodies import (
    BODIES,
    ORGANS,
    SUBCOMMISSION,
    body_named,
    body_of_symbol,
    names_pattern,
    prefixes_pattern,
)
from unres.parse.citations import find_citation_matches, resolve_symbol
from unres.parse.header import parse_header


def test_every_name_and_series_leads_back_to_its_body() -> None:
    for body in BODIES:
        for name in body.names:
            assert body_named(name) is body
        for series in body.series.values():
            assert body_of_symbol(f"{series}/2005/1") is body


def test_alternations_try_the_longest_name_first() -> None:
    pattern = re.compile(names_pattern(BODIES))
    assert pattern.match("Human Rights Council")[0] == "Human Rights Council"  # type: ignore[index]
    prefixes = re.compile(prefixes_pattern(BODIES))
    assert prefixes.match("E/CN.4/Sub.2/RES/2000/22")[0] == "E/CN.4/Sub.2"  # type: ignore[index]


@pytest.mark.parametrize("organ", [organ.name for organ in ORGANS])
def test_every_organ_is_read_from_its_enacting_formula(organ: str) -> None:
    header = parse_header(f"Agenda item 12\nThe {organ},", "")
    assert header.organ == organ


def test_a_commission_of_the_council_is_a_body_of_its_own() -> None:
    # Commission on the Status of Women resolution 51/2 is not the Assembly's 51/2.
    (match,) = find_citation_matches(
        "Recalling Commission on the Status of Women resolution 51/2 of 9 March 2007,",
        own_symbols={"A/RES/79/153"},
    )
    assert match.body == "other"  # a UN body whose numbering has no series we resolve
    assert resolve_symbol(match.kind, match.value, "General Assembly", body=match.body) is None


def test_a_subcommission_symbol_resolves_in_its_printed_series() -> None:
    (match,) = find_citation_matches(
        "Recalling Sub-Commission on the Promotion and Protection of Human Rights "
        "resolution 2000/22,",
        own_symbols=set(),
    )
    assert match.body == SUBCOMMISSION.name
    symbol = resolve_symbol(match.kind, match.value, None, body=match.body)
    assert symbol == "E/CN.4/Sub.2/RES/2000/22"
    assert body_of_symbol(symbol) is SUBCOMMISSION


def test_a_text_of_the_commission_on_the_status_of_women_splits_at_its_formula() -> None:
    document = parse_text(
        "Resolution 56/3\nThe Commission on the Status of Women,\n"
        "Recalling its earlier resolutions,\n1. Decides to remain seized of the matter."
    )
    assert [p.kind for p in document.paragraphs] == ["preambular", "operative"]
