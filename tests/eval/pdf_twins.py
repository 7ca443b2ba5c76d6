"""Do official PDFs give the rows their PDF-to-text twins give? (part of `make eval-bulk`)

Each PDF of the bulk corpus's ga-pdf folder is read through the build's own PDF
path and parsed; its twin, the text of the same name in ga-text (PyMuPDF's text of
the same PDFs), is parsed as any text input. Per field, a PDF agrees with its twin
when both give the same values or the evaluation's own matching rule (``make
eval``: verbs by word prefix, lists as sets, strings with quotes and spaces
unified) scores every value of the field 1; footnotes agree when every note has the
same number and text. The report gives the share of PDFs that agree per field,
then (``--details``) every disagreement with both sides' values, so a reader can
say which side is right.

    uv run python -m tests.eval.pdf_twins [--bulk DIR] [--details]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.eval.eval_bulk import add_bulk_option, default_bulk
from tests.eval.evaluate import FIELD_KINDS, normalise_string, predicted_values, score_field
from unres.ingest import DecodedText, read_pdf
from unres.model import ParsedDocument
from unres.parse import parse_text

# The fields, each made of the evaluation's keys it covers.
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "symbol": ("symbol",),
    "title": ("title",),
    "dates": ("adoption_date", "distribution_date", "dates"),
    "agenda item": ("agenda_item",),
    "meetings": ("plenary_meeting", "meeting_number"),
    "counts": ("n_preambular", "n_operative", "n_footnotes"),
    "verbs": ("operative_verbs", "preambular_openers"),
    "citations": ("cited_resolutions", "cited_documents"),
    "footnotes": ("footnotes",),
}
TARGET = 0.99


@dataclass(frozen=True, slots=True)
class Disagreement:
    name: str
    group: str
    key: str
    pdf: Any
    twin: Any


def comparable_values(document: ParsedDocument) -> dict[str, Any]:
    """The evaluation's values of a document, and its footnotes as (number, text)."""
    values = predicted_values(document)
    values["footnotes"] = [
        (note.number, normalise_string(note.text) if note.text else None)
        for note in document.footnotes
    ]
    return values


def disagreements(name: str, pdf: ParsedDocument, twin: ParsedDocument) -> list[Disagreement]:
    """Where the PDF's values differ from its twin's, by the evaluation's matching rules."""
    ours, theirs = comparable_values(pdf), comparable_values(twin)
    found = []
    for group, keys in FIELD_GROUPS.items():
        for key in keys:
            kind = FIELD_KINDS.get(key, "exact")
            if ours[key] != theirs[key] and score_field(kind, theirs[key], ours[key]) < 1.0:
                found.append(Disagreement(name, group, key, ours[key], theirs[key]))
    return found


def parse_pdf(path: Path) -> ParsedDocument | str:
    """The PDF parsed as a build parses it, or the reason it would be rejected."""
    decoded = read_pdf(path.read_bytes())
    if not isinstance(decoded, DecodedText):
        return f"{decoded.reason}: {decoded.detail}"
    return parse_text(decoded.text)


def compare_directories(pdfs: Path, twins: Path) -> tuple[list[str], list[Disagreement]]:
    """The names compared, and every disagreement (a rejected PDF disagrees on all)."""
    names: list[str] = []
    found: list[Disagreement] = []
    for pdf_path in sorted(pdfs.glob("*.pdf")):
        twin_path = twins / f"{pdf_path.stem}.txt"
        if not twin_path.is_file():
            continue
        names.append(pdf_path.stem)
        twin = parse_text(twin_path.read_text(encoding="utf-8"))
        pdf = parse_pdf(pdf_path)
        if isinstance(pdf, str):
            found += [Disagreement(pdf_path.stem, g, "rejected", pdf, None) for g in FIELD_GROUPS]
            continue
        found += disagreements(pdf_path.stem, pdf, twin)
    return names, found


def format_report(names: Sequence[str], found: Sequence[Disagreement], *, details: bool) -> str:
    lines = [
        f"PDF against its text twin, {len(names)} documents: share agreeing per field "
        f"(target {TARGET:.0%})",
        "",
        f"{'field':<12} {'agree':>7} {'share':>7}",
    ]
    for group in FIELD_GROUPS:
        differing = {d.name for d in found if d.group == group}
        agree = len(names) - len(differing)
        share = agree / len(names) if names else 1.0
        mark = "" if share >= TARGET else "  below target"
        lines.append(f"{group:<12} {agree:>7} {share:>7.1%}{mark}")
    if details and found:
        lines += ["", "Disagreements (pdf | twin):"]
        for d in found:
            lines.append(f"  {d.name} {d.key}:")
            lines.append(f"    pdf  {_difference(d.pdf, d.twin)}")
            lines.append(f"    twin {_difference(d.twin, d.pdf)}")
    return "\n".join(lines)


def _difference(value: Any, other: Any) -> str:
    """What ``value`` holds that ``other`` does not (for lists), else the value."""
    if isinstance(value, list) and isinstance(other, list):
        extra = [item for item in value if item not in other]
        return f"{len(value)} items; not in the other: {extra}"[:600]
    return repr(value)[:600]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="pdf_twins",
        description="Share of the official PDFs (ga-pdf) whose rows agree with their "
        "PDF-to-text twins (ga-text), per field.",
    )
    add_bulk_option(parser)
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    bulk = args.bulk or default_bulk()
    pdfs, twins = (bulk / "ga-pdf", bulk / "ga-text") if bulk else (None, None)
    if pdfs is None or twins is None or not pdfs.is_dir() or not twins.is_dir():
        parser.error(f"no ga-pdf and ga-text folders under {bulk or '../shared/bulk'}: pass --bulk")
    names, found = compare_directories(pdfs, twins)
    print(format_report(names, found, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
