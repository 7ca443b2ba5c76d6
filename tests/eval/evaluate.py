"""Per-field accuracy of the parser on the labelled evaluation set (``make eval``).

Every ``X.expected.json`` under a directory is a case; its input is the file ``X``
(corpus style, ``A_RES_80_11.md.expected.json``) or ``X.<ext>`` (seed style,
``000_e02343ddb4ce8db6.expected.json`` beside ``000_e02343ddb4ce8db6.txt``). Each input
is parsed with ``unres.parse.parse_text`` and every field the case labels is scored:

* header fields and counts: exact match (1 or 0);
* verb sequences: order-preserving alignment where one phrase may be a word-prefix of
  the other ("Takes note" ~ "Takes note of"), matched / max(len(predicted), len(expected));
* value sets (citations, dates, draft symbols): F1.

Strings are compared after collapsing whitespace and unifying curly and straight
quotes and apostrophes. A case whose parse raises scores 0 on every labelled field.

    uv run python -m tests.eval.evaluate [DIR] [--details] [--min-mean X] [--min-field Y]
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from unres.model import ParsedDocument

# --- text normalisation (the only place strings are made comparable) -------------------

_WHITESPACE = re.compile(r"\s+")
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / curly apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime, as some converters render apostrophes
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
    }
)
NORMALISATION_NOTE = (
    "strings compared after collapsing whitespace and unifying curly/straight quotes "
    "and apostrophes; verb phrases also case-insensitively"
)


def normalise_string(text: str) -> str:
    return _WHITESPACE.sub(" ", text.translate(_QUOTE_TABLE)).strip()


def _phrase_words(phrase: str | None) -> tuple[str, ...]:
    return tuple(normalise_string(phrase).casefold().split()) if phrase else ()


# --- matching functions ------------------------------------------------------------------


def exact_score(expected: object, predicted: object) -> float:
    if isinstance(expected, str) and isinstance(predicted, str):
        return float(normalise_string(expected) == normalise_string(predicted))
    # bool is an int subclass: keep True from matching 1.
    if type(expected) is not type(predicted) and None not in (expected, predicted):
        return 0.0
    return float(expected == predicted)


def phrases_match(first: str | None, second: str | None) -> bool:
    """True when one phrase is a word-prefix of the other (case-insensitive).

    "Takes note" ~ "Takes note of"; an empty or missing phrase matches nothing.
    """
    a, b = _phrase_words(first), _phrase_words(second)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter


def aligned_matches(expected: Sequence[str | None], predicted: Sequence[str | None]) -> int:
    """Length of the longest order-preserving alignment of matching phrases (LCS)."""
    previous = [0] * (len(predicted) + 1)
    for truth in expected:
        current = [0]
        for j, guess in enumerate(predicted):
            if phrases_match(truth, guess):
                current.append(previous[j] + 1)
            else:
                current.append(max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def sequence_score(expected: Sequence[str | None], predicted: Sequence[str | None]) -> float:
    longest = max(len(expected), len(predicted))
    if longest == 0:
        return 1.0
    return aligned_matches(expected, predicted) / longest


def set_f1(expected: Sequence[object], predicted: Sequence[object]) -> float:
    truth, guess = _comparable_set(expected), _comparable_set(predicted)
    if not truth and not guess:
        return 1.0
    if not truth or not guess:
        return 0.0
    return 2 * len(truth & guess) / (len(truth) + len(guess))


def _comparable_set(values: Sequence[object]) -> set[object]:
    return {normalise_string(v) if isinstance(v, str) else v for v in values}


# --- fields ----------------------------------------------------------------------------------

FieldKind = Literal["exact", "sequence", "set"]

# In report order: the seeds' keys, then the optional ones.
FIELD_KINDS: dict[str, FieldKind] = {
    "symbol": "exact",
    "session": "exact",
    "title": "exact",
    "adoption_date": "exact",
    "distribution_date": "exact",
    "agenda_item": "exact",
    "committee_report": "exact",
    "plenary_meeting": "exact",
    "n_preambular": "exact",
    "n_operative": "exact",
    "operative_verbs": "sequence",
    "preambular_openers": "sequence",
    "cited_resolutions": "set",
    "cited_documents": "set",
    "dates": "set",
    "n_footnotes": "exact",
    "organ": "exact",
    "meeting_number": "exact",
    "draft_symbols": "set",
    "document_type": "exact",
}


def score_field(kind: FieldKind, expected: Any, predicted: Any) -> float:
    if kind == "exact":
        return exact_score(expected, predicted)
    if not isinstance(expected, list) or not isinstance(predicted, list):
        return 0.0
    if kind == "sequence":
        return sequence_score(expected, predicted)
    return set_f1(expected, predicted)


def predicted_values(doc: ParsedDocument) -> dict[str, Any]:
    """The document's values in the keys of the cases' expected.json."""
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
        "organ": header.organ,
        "meeting_number": header.meeting_number,
        "draft_symbols": list(header.draft_symbols),
        "document_type": header.document_type,
    }


# --- cases -----------------------------------------------------------------------------------

EXPECTED_SUFFIX = ".expected.json"


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # relative to the evaluated directory, "/"-separated
    input_path: Path
    expected: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FieldResult:
    case: str
    field: str
    score: float
    expected: Any
    predicted: Any


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: str
    fields: list[FieldResult]
    error: str | None = None


def input_for(expected_path: Path) -> Path:
    """The input a ``*.expected.json`` labels: ``X`` itself, else the one ``X.<ext>``."""
    stem = expected_path.name.removesuffix(EXPECTED_SUFFIX)
    named = expected_path.with_name(stem)
    if named.is_file():
        return named
    candidates = sorted(
        p
        for p in expected_path.parent.glob(f"{glob.escape(stem)}.*")
        if p.is_file() and not p.name.endswith(EXPECTED_SUFFIX)
    )
    if len(candidates) != 1:
        raise FileNotFoundError(
            f"{expected_path}: expected exactly one input named {stem} or {stem}.<ext>, "
            f"found {len(candidates)}"
        )
    return candidates[0]


def discover_cases(root: Path) -> Iterator[Case]:
    for expected_path in sorted(root.rglob(f"*{EXPECTED_SUFFIX}")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if not isinstance(expected, dict):
            raise ValueError(f"{expected_path}: not a JSON object")
        name = expected_path.relative_to(root).as_posix().removesuffix(EXPECTED_SUFFIX)
        yield Case(name=name, input_path=input_for(expected_path), expected=expected)


Parser = Callable[[str], ParsedDocument]


class CaseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway parse (catastrophic regex backtracking) after ``seconds``.

    Needs SIGALRM (Unix main thread); elsewhere the parse simply runs unbounded.
    """
    if seconds <= 0 or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise CaseTimeout(f"parse took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def evaluate_case(case: Case, parse: Parser, *, timeout: float = 0) -> CaseResult:
    labelled = [f for f in FIELD_KINDS if f in case.expected]
    try:
        # Decoded by hand: read_text would turn CRLF into LF and hide that damage.
        text = case.input_path.read_bytes().decode("utf-8")
        with time_limit(timeout):
            predicted = predicted_values(parse(text))
    except Exception as exc:  # any failure of a half-built parser is a 0 for this case
        error = f"{type(exc).__name__}: {exc}"
        return CaseResult(
            case=case.name,
            fields=[FieldResult(case.name, f, 0.0, case.expected[f], None) for f in labelled],
            error=error,
        )
    return CaseResult(
        case=case.name,
        fields=[
            FieldResult(
                case.name,
                f,
                score_field(FIELD_KINDS[f], case.expected[f], predicted[f]),
                case.expected[f],
                predicted[f],
            )
            for f in labelled
        ],
    )


def load_parser() -> Parser:
    """``unres.parse.parse_text``, or a stand-in raising the import error for every case."""
    try:
        from unres.parse import parse_text
    except Exception as exc:  # the parser may not be importable while it is being built
        message = f"{type(exc).__name__}: {exc}"

        def unavailable(_text: str) -> ParsedDocument:
            raise ImportError(f"unres.parse could not be imported ({message})")

        return unavailable
    return parse_text


# --- summary and report --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldSummary:
    field: str
    mean: float
    n_cases: int


def summarise(results: Sequence[CaseResult]) -> list[FieldSummary]:
    scores: dict[str, list[float]] = {f: [] for f in FIELD_KINDS}
    for result in results:
        for field_result in result.fields:
            scores[field_result.field].append(field_result.score)
    return [
        FieldSummary(f, sum(values) / len(values), len(values))
        for f, values in scores.items()
        if values
    ]


def mean_over_fields(summary: Sequence[FieldSummary]) -> float:
    return sum(s.mean for s in summary) / len(summary) if summary else 0.0


def format_report(
    root: Path,
    results: Sequence[CaseResult],
    summary: Sequence[FieldSummary],
    *,
    details: bool,
    worst: int,
    seconds: float,
) -> str:
    errors = [r for r in results if r.error]
    lines = [
        f"unres evaluation: {len(results)} cases under {root} "
        f"({len(errors)} failed to parse; {seconds:.2f} s)",
        f"({NORMALISATION_NOTE})",
        "",
        f"{'field':<22} {'score':>7} {'cases':>6}",
    ]
    lines += [f"{s.field:<22} {s.mean:>7.3f} {s.n_cases:>6}" for s in summary]
    lines.append(f"{'mean over fields':<22} {mean_over_fields(summary):>7.3f}")
    if details:
        lines += _detail_lines(results, errors, worst)
    return "\n".join(lines)


def _detail_lines(
    results: Sequence[CaseResult], errors: Sequence[CaseResult], worst: int
) -> list[str]:
    lines: list[str] = []
    if errors:
        lines += ["", "parse errors:"]
        lines += [f"  {r.case}: {r.error}" for r in errors]
    failed = {r.case for r in errors}
    for field in FIELD_KINDS:
        misses = sorted(
            (
                f
                for r in results
                if r.case not in failed
                for f in r.fields
                if f.field == field and f.score < 1.0
            ),
            key=lambda f: (f.score, f.case),
        )
        if not misses:
            continue
        lines += ["", f"{field}: {len(misses)} case(s) below 1.0, worst {min(worst, len(misses))}:"]
        for miss in misses[:worst]:
            lines.append(f"  {miss.score:.2f}  {miss.case}")
            lines.append(f"        expected  {_show(miss.expected)}")
            lines.append(f"        predicted {_show(miss.predicted)}")
    return lines


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def missed_thresholds(
    summary: Sequence[FieldSummary], *, min_mean: float | None, min_field: float | None
) -> list[str]:
    missed = []
    overall = mean_over_fields(summary)
    if min_mean is not None and overall < min_mean:
        missed.append(f"mean over fields {overall:.3f} < --min-mean {min_mean}")
    if min_field is not None:
        missed += [
            f"{s.field} {s.mean:.3f} < --min-field {min_field}"
            for s in summary
            if s.mean < min_field
        ]
    return missed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.evaluate", description=__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=Path("tests/eval/cases"))
    parser.add_argument("--details", action="store_true", help="list the worst cases per field")
    parser.add_argument("--worst", type=int, default=5, help="cases listed per field")
    parser.add_argument("--min-mean", type=float, help="fail when the mean over fields is lower")
    parser.add_argument("--min-field", type=float, help="fail when any field's mean is lower")
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds one parse may take (0: no limit)"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    parse = load_parser()
    results = [
        evaluate_case(case, parse, timeout=args.timeout) for case in discover_cases(args.root)
    ]
    summary = summarise(results)
    print(
        format_report(
            args.root,
            results,
            summary,
            details=args.details,
            worst=args.worst,
            seconds=time.perf_counter() - started,
        )
    )
    missed = missed_thresholds(summary, min_mean=args.min_mean, min_field=args.min_field)
    for line in missed:
        print(f"threshold missed: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
