"""Each seed gives exactly the values of its expected.json, key by key."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEED_NAMES, seed_expected, seed_text
from unres.model import ParsedDocument
from unres.parse import parse_text


def contract_values(doc: ParsedDocument) -> dict[str, Any]:
    """The document's values in the keys of the seeds' expected.json."""
    header = doc.header
    return {
        "symbol": header.symbol,
        "session": header.session,
        "title": header.title,
        "adoption_date": header.adoption_date and header.adoption_date.isoformat(),
        "distribution_date": header.distribution_date and header.distribution_date.isoformat(),
        "agenda_item": header.agenda_item,
        "committee_report": header.committee_report,
        "plenary_meeting": header.plenary_meeting,
        "n_preambular": sum(p.kind == "preambular" for p in doc.paragraphs),
        "n_operative": sum(p.kind == "operative" for p in doc.paragraphs),
        "operative_verbs": [p.verb for p in doc.paragraphs if p.kind == "operative"],
        "preambular_openers": [p.verb for p in doc.paragraphs if p.kind == "preambular"],
        "cited_resolutions": sorted({c.value for c in doc.citations if c.kind == "resolution"}),
        "cited_documents": sorted({c.value for c in doc.citations if c.kind == "document"}),
        "dates": sorted({d.date.isoformat() for d in doc.dates}),
        "n_footnotes": len(doc.footnotes),
    }


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_matches_every_expected_value(name: str) -> None:
    expected = seed_expected(name)
    actual = contract_values(parse_text(seed_text(name)))
    for key, value in expected.items():
        if isinstance(value, list) and key in {"cited_resolutions", "cited_documents", "dates"}:
            value = sorted(value)
        assert actual[key] == value, f"{name}: {key}"
