"""Weak-truth checks on the real bulk corpus (``make eval-bulk``).

Every file of ``../shared/bulk`` (see its SOURCES.md) goes through the pipeline's own
per-document path (read, decode, parse, accept or reject), and each is checked against
what its file name, ``titles.json`` and a few simple readings of its raw text say, never
against anything the parser produced:

* symbol: the file name's symbol (``A_RES_79_100`` -> A/RES/79/100,
  ``S_RES_0243_1967_EN_GOLD`` -> S/RES/243 (1967), ``A_C.1_80_L.12`` -> A/C.1/80/L.12);
* title: the title ``titles.json`` gives the file (or its text twin of the same name);
* adoption date: found (for an SC resolution, in the file name's year); a draft has none;
* meeting: where the raw text names a meeting ("Adopted at the 76th meeting", "50th
  (resumed) plenary meeting"), the parser's meeting or plenary number is one it names;
* operative numbering: the operative numbers run 1, 2, 3 … (restarting at 1 for a part
  B), or there is one unnumbered operative paragraph;
* operative verbs: every operative paragraph has a verb;
* accepted / rejected: every resolution, decision or draft lands in documents (a
  document quarantined for breaking the schema counts as rejected), every file of
  ``not-resolutions-*`` in rejects.

Per folder the share of documents passing each check is printed, then the overall
share of all checks. ``--failures N`` lists up to N failing files per check.

    uv run python -m tests.eval.eval_bulk [--bulk DIR] [--failures N] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# ../shared/bulk from the integration checkout; ../../shared/bulk from a helper's worktree.
DEFAULT_BULK_CANDIDATES = (REPO.parent / "shared" / "bulk", REPO.parent.parent / "shared" / "bulk")
NOT_RESOLUTIONS_PREFIX = "not-resolutions"
DRAFTS_PREFIX = "drafts"


# --- what a file name says ---------------------------------------------------------------

_SC_NAME = re.compile(r"^S_RES_0*(\d+)_(\d{4})(?:_|$)")
_LANGUAGE_SUFFIX = re.compile(r"(?:_EN_GOLD|\.en)$", re.IGNORECASE)


def symbol_from_name(name: str) -> str:
    """The document symbol a bulk file name spells: ``_`` for ``/``, SC years in brackets."""
    stem = _LANGUAGE_SUFFIX.sub("", Path(name).stem)
    if sc := _SC_NAME.match(stem):
        return f"S/RES/{int(sc.group(1))} ({sc.group(2)})"
    return stem.replace("_", "/")


def year_from_name(name: str) -> int | None:
    """The adoption year an SC file name gives; None for names without one."""
    sc = _SC_NAME.match(Path(name).stem)
    return int(sc.group(2)) if sc else None


# --- what the raw text says, read without the parser ----------------------------------------

# OCR misreads digits inside meeting numbers: 1 as I, i, l or "]", 5 as S, 0 as O
# ("298Ist meeting", "i520th", "]8S6ih"), and splits them ("283 3rd meeting").
_OCR_DIGITS = str.maketrans("Iil]SO", "111150", " ")
_NUMBER = r"[0-9Iil\]][0-9Iil\]SO]*(?: [0-9]+)?"
_ORDINAL = rf"({_NUMBER})\s?(?:st|nd|rd|th|d|ih)_?"
_MEETING_WORD = r"(?:\(closed\)\s+)?mee?t-?\s*ing"  # OCR drops an "e": "1771st meting"
_AT_MEETING = rf"\bat\s+(?:the|its)\s+{_ORDINAL}\s+{_MEETING_WORD}"
# The meeting a text says it was adopted at: "Adopted unanimously at the 76th meeting",
# "Adopted by the Security Council at its 3217th meeting".
# A closing line opens with "Adopted"; "… adopted on 25 August 1947, at the 194th
# meeting" inside a paragraph is another resolution's.
_ADOPTION_MEETING = re.compile(
    rf"^[ \t]*(?:Adopted|ADOPTED)\b[^.;]{{0,60}}?(?i:{_AT_MEETING})", re.MULTILINE
)
# Without such a line, any meeting named as one the body met at: "at its 46th meeting",
# "50th (resumed) plenary meeting"; not "29th meeting, p. 84" of a cited record.
_MEETING_NAMED = re.compile(
    rf"{_AT_MEETING}|\b{_ORDINAL}\s+(?:\(resumed\)\s+)?plenary\s+{_MEETING_WORD}",
    re.IGNORECASE,
)


def meetings_named(text: str) -> set[int]:
    """The meeting numbers a text names as that of its adoption (any meeting or plenary
    meeting it names when it has no "Adopted at" line)."""
    matches = list(_ADOPTION_MEETING.finditer(text)) or list(_MEETING_NAMED.finditer(text))
    numbers = (n for match in matches for n in match.groups() if n)
    return {int(digits) for n in numbers if (digits := n.translate(_OCR_DIGITS)).isdigit()}


_PLAIN_PUNCTUATION = str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014", "''\"\"--")


def normalised_title(title: str) -> str:
    """A title compared loosely: whitespace, quotes, dashes and a final full stop unified."""
    text = title.translate(_PLAIN_PUNCTUATION)
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


# --- what the pipeline made of a file -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """The pipeline's verdict on one file, reduced to what the checks read."""

    doc_id: str
    raw_text: str  # the file's text as decoded by the pipeline ("" when rejected unread)
    rejected: str | None  # reject reason
    symbol: str | None = None
    title: str | None = None
    adoption_date: dt.date | None = None
    meeting: int | None = None  # SC/HRC meeting or GA plenary meeting
    operative_numbers: tuple[int | None, ...] = ()
    operative_verbs: tuple[str | None, ...] = ()


CheckResult = bool | None  # None: the check does not apply to this file


@dataclass(frozen=True, slots=True)
class Truth:
    """What is known of a file without the parser: its folder, name and titles.json."""

    folder: str
    name: str
    title: str | None

    @property
    def is_resolution_like(self) -> bool:
        return not self.folder.startswith(NOT_RESOLUTIONS_PREFIX)

    @property
    def is_draft(self) -> bool:
        return self.folder.startswith(DRAFTS_PREFIX)


def check_symbol(truth: Truth, outcome: Outcome) -> CheckResult:
    if not truth.is_resolution_like:
        return None
    return outcome.symbol == symbol_from_name(truth.name)


def check_title(truth: Truth, outcome: Outcome) -> CheckResult:
    if truth.title is None:
        return None
    return outcome.title is not None and (
        normalised_title(outcome.title) == normalised_title(truth.title)
    )


def check_adoption_date(truth: Truth, outcome: Outcome) -> CheckResult:
    if not truth.is_resolution_like:
        return None
    if truth.is_draft:  # a draft has not been adopted
        return outcome.rejected is None and outcome.adoption_date is None
    if outcome.adoption_date is None:
        return False
    year = year_from_name(truth.name)
    return year is None or outcome.adoption_date.year == year


def check_meeting(truth: Truth, outcome: Outcome) -> CheckResult:
    if not truth.is_resolution_like:
        return None
    # A draft has not been adopted at any meeting; the meetings it names are others'.
    named = set() if truth.is_draft else meetings_named(outcome.raw_text)
    if not named:
        return None
    return outcome.meeting in named


def check_operative_numbering(truth: Truth, outcome: Outcome) -> CheckResult:
    if not truth.is_resolution_like:
        return None
    numbers = outcome.operative_numbers
    if len(numbers) == 1 and numbers[0] in (None, 1):
        return True
    printed = [n for n in numbers if n is not None]
    if not numbers or len(printed) < len(numbers):
        return False
    # A resolution in parts (A, B, …) numbers each part from 1.
    return all(n == 1 or n == previous + 1 for previous, n in pairwise([0, *printed]))


def check_operative_verbs(truth: Truth, outcome: Outcome) -> CheckResult:
    if not truth.is_resolution_like:
        return None
    verbs = outcome.operative_verbs
    return bool(verbs) and all(verbs)


def check_accepted(truth: Truth, outcome: Outcome) -> CheckResult:
    """Resolutions, decisions and drafts land in documents; every other file in rejects."""
    return (outcome.rejected is None) == truth.is_resolution_like


CHECKS: dict[str, Callable[[Truth, Outcome], CheckResult]] = {
    "symbol": check_symbol,
    "title": check_title,
    "adoption date": check_adoption_date,
    "meeting": check_meeting,
    "op. numbering": check_operative_numbering,
    "op. verbs": check_operative_verbs,
    "accepted/rejected": check_accepted,
}


# --- running the pipeline ------------------------------------------------------------------


def run_pipeline(bulk: Path) -> list[Outcome]:
    """Every file in a folder of ``bulk``, through the build's per-document path and its
    batch validation (a document whose rows break the schema is quarantined: a reject)."""
    from flows.defaults import DEFAULT_MAX_BYTES
    from schemas import validate_or_quarantine
    from unres.batches import process_input
    from unres.ingest import DecodedText, discover_inputs, read_decoded
    from unres.tables import ParsedInput, RejectedInput, build_tables

    parsed: list[ParsedInput] = []
    rejected: list[RejectedInput] = []
    raw_texts: dict[str, str] = {}
    for item in discover_inputs(bulk):
        if "/" not in item.doc_id:  # SOURCES.md, titles.json
            continue
        result = process_input(item, max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(result, ParsedInput):
            parsed.append(result)
        else:
            rejected.append(result)
        # Read again for the checks' own look at the text (a reject has no text: "").
        decoded = read_decoded(item.path, max_bytes=DEFAULT_MAX_BYTES)
        raw_texts[item.doc_id] = decoded.text if isinstance(decoded, DecodedText) else ""
    rejects = validate_or_quarantine(build_tables(parsed, rejected))["rejects"]
    reasons = dict(zip(rejects["path"], rejects["reason"], strict=True))
    outcomes = [Outcome(path, raw_texts[path], rejected=reason) for path, reason in reasons.items()]
    for one in parsed:
        if one.doc_id in reasons:
            continue
        header = one.document.header
        operative = [p for p in one.document.paragraphs if p.kind == "operative"]
        outcomes.append(
            Outcome(
                doc_id=one.doc_id,
                raw_text=raw_texts[one.doc_id],
                rejected=None,
                symbol=header.symbol,
                title=header.title,
                adoption_date=header.adoption_date,
                meeting=header.meeting_number or header.plenary_meeting,
                operative_numbers=tuple(p.number for p in operative),
                operative_verbs=tuple(p.verb for p in operative),
            )
        )
    return sorted(outcomes, key=lambda outcome: outcome.doc_id)


# --- scoring and the table -----------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    passed: int = 0
    applicable: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, result: CheckResult, doc_id: str) -> None:
        if result is None:
            return
        self.applicable += 1
        if result:
            self.passed += 1
        else:
            self.failures.append(doc_id)

    def cell(self) -> str:
        if not self.applicable:
            return "-"
        return f"{self.passed}/{self.applicable} {100 * self.passed / self.applicable:5.1f}%"


def load_titles(bulk: Path) -> dict[str, str]:
    """titles.json by file stem, so a PDF twin gets its text twin's title."""
    path = bulk / "titles.json"
    if not path.exists():
        return {}
    titles: Mapping[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return {Path(name).stem: title for name, title in titles.items()}


def score(outcomes: Iterable[Outcome], titles: Mapping[str, str]) -> dict[str, dict[str, Tally]]:
    """Tallies by folder, then by check name."""
    tallies: dict[str, dict[str, Tally]] = {}
    for outcome in outcomes:
        folder, _, name = outcome.doc_id.partition("/")
        truth = Truth(folder=folder, name=name, title=titles.get(Path(name).stem))
        per_check = tallies.setdefault(folder, {check: Tally() for check in CHECKS})
        for check, judge in CHECKS.items():
            per_check[check].add(judge(truth, outcome), outcome.doc_id)
    return tallies


def render(tallies: Mapping[str, Mapping[str, Tally]], failures: int) -> str:
    width = max(len("overall"), *(len(folder) for folder in tallies))
    cell_width = 18
    lines = [
        f"{'folder':<{width}}  {'docs':>5}  "
        + "  ".join(f"{check:>{cell_width}}" for check in CHECKS)
    ]
    passed = applicable = 0
    for folder, per_check in sorted(tallies.items()):
        docs = per_check["accepted/rejected"].applicable
        cells = "  ".join(f"{per_check[check].cell():>{cell_width}}" for check in CHECKS)
        lines.append(f"{folder:<{width}}  {docs:>5}  {cells}")
        passed += sum(t.passed for t in per_check.values())
        applicable += sum(t.applicable for t in per_check.values())
    share = 100 * passed / applicable if applicable else 0.0
    lines.append(f"overall: {passed}/{applicable} checks passed ({share:.1f}%)")
    if failures:
        for folder, per_check in sorted(tallies.items()):
            for check, tally in per_check.items():
                if tally.failures:
                    shown = ", ".join(Path(f).name for f in tally.failures[:failures])
                    more = len(tally.failures) - failures
                    lines.append(
                        f"  {folder} {check} fails ({len(tally.failures)}): {shown}"
                        + (f" … {more} more" if more > 0 else "")
                    )
    return "\n".join(lines)


def as_json(tallies: Mapping[str, Mapping[str, Tally]]) -> dict[str, object]:
    return {
        folder: {
            check: {"passed": t.passed, "applicable": t.applicable, "failures": t.failures}
            for check, t in per_check.items()
        }
        for folder, per_check in tallies.items()
    }


def default_bulk() -> Path | None:
    return next((path for path in DEFAULT_BULK_CANDIDATES if path.is_dir()), None)


def add_bulk_option(parser: argparse.ArgumentParser) -> None:
    """``--bulk DIR``, read by :func:`default_bulk` when it is not given."""
    parser.add_argument(
        "--bulk", type=Path, help="the bulk corpus (default: ../shared/bulk of the repository)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="eval_bulk",
        description="Run the pipeline over the bulk corpus and print, per folder, the share "
        "of documents passing each weak-truth check (file name, titles.json, raw text).",
    )
    add_bulk_option(parser)
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="list up to N failing files per check"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the tallies here")
    args = parser.parse_args(argv)
    bulk = args.bulk or default_bulk()
    if bulk is None or not bulk.is_dir():
        where = bulk or " or ".join(str(p) for p in DEFAULT_BULK_CANDIDATES)
        parser.error(f"no bulk corpus at {where}: pass --bulk DIR")
    started = time.perf_counter()
    tallies = score(run_pipeline(bulk), load_titles(bulk))
    print(f"eval-bulk: {bulk} ({time.perf_counter() - started:.0f} s)")
    print(render(tallies, args.failures))
    if args.json:
        args.json.write_text(json.dumps(as_json(tallies), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
