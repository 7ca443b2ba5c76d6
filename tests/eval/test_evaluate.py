"""The scorer's matching functions and case handling, on values from the labelled cases."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.eval.evaluate import (
    Case,
    FieldSummary,
    evaluate_case,
    exact_score,
    input_for,
    main,
    missed_thresholds,
    phrases_match,
    predicted_values,
    sequence_score,
    set_f1,
    summarise,
)
from unres.model import Citation, DateMention, Header, Paragraph, ParsedDocument

SEED_000_VERBS = [
    "Reaffirms",
    "Recognizes",
    "Reaffirms",
    "Also reaffirms",
    "Urges",
    "Reaffirms",
    "Considers",
    "Reaffirms",
    "Emphasizes",
    "Also emphasizes",
    "Further emphasizes",
    "Calls upon",
    "Urges",
    "Invites",
    "Encourages",
    "Requests",
    "Decides",
]


@pytest.mark.parametrize(
    ("first", "second", "matches"),
    [
        ("Takes note", "Takes note of", True),  # the contract's own example
        ("Takes note with appreciation", "Takes note", True),
        ("Recalling", "Recalling also", True),
        ("Reaffirming its commitment", "Reaffirming", True),
        ("calls upon", "Calls upon", True),  # case-insensitive
        ("Calls  upon", "Calls upon", True),  # whitespace collapsed
        ("Recalling also", "Recalling further", False),
        ("Reaffirms", "Also reaffirms", False),  # a prefix of words, not a suffix
        ("Noting with appreciati", "Noting with appreciation", False),  # words, not characters
        ("Recall", "Recalling", False),
        (None, "Decides", False),  # a paragraph with no verb read matches nothing
        ("", "Decides", False),
        (None, None, False),
    ],
)
def test_phrases_match_on_word_prefixes(
    first: str | None, second: str | None, matches: bool
) -> None:
    assert phrases_match(first, second) is matches
    assert phrases_match(second, first) is matches


@pytest.mark.parametrize(
    ("expected", "predicted", "score"),
    [
        (SEED_000_VERBS, SEED_000_VERBS, 1.0),
        ([], [], 1.0),
        (SEED_000_VERBS, [], 0.0),
        ([], ["Decides"], 0.0),
        # A lost paragraph costs one match: 16 of 17.
        (SEED_000_VERBS, SEED_000_VERBS[:1] + SEED_000_VERBS[2:], 16 / 17),
        # S/RES/36 (1947): two operative paragraphs run together in the cable.
        (
            ["Calls upon", "Requests", "Requests", "Advises", "Invites"],
            ["Calls upon", "Requests", "Advises", "Invites"],
            4 / 5,
        ),
        # Longer or shorter italic phrases still align.
        (
            ["Takes note with appreciation", "Takes note", "Reaffirms its strong support"],
            ["Takes note", "Takes note of", "Reaffirms"],
            1.0,
        ),
        # Order matters: a swap keeps only the longest ordered run.
        (["Urges", "Invites", "Encourages"], ["Invites", "Urges", "Encourages"], 2 / 3),
        # A verb not read (None) is a miss, and divides by the longer sequence.
        (["Having received", "Having taken note"], [None, "Having taken note"], 1 / 2),
        # Spurious extra paragraphs lower the score too.
        (["Decides"], ["Noting", "Decides", "Requests", "Decides"], 1 / 4),
    ],
)
def test_sequence_score_aligns_in_order(
    expected: list[str], predicted: list[str | None], score: float
) -> None:
    assert sequence_score(expected, predicted) == pytest.approx(score)


@pytest.mark.parametrize(
    ("expected", "predicted", "score"),
    [
        ([], [], 1.0),
        (["1325 (2000)"], [], 0.0),
        ([], ["2022/23"], 0.0),
        # seed 000 without "70/1": precision 1, recall 5/6.
        (
            ["2000/22", "44/18", "55/2", "66/3", "70/1", "74/153"],
            ["2000/22", "44/18", "55/2", "66/3", "74/153"],
            2 * 5 / 11,
        ),
        # a page number taken for a citation: precision 3/4, recall 1.
        (["51/53", "56/17", "1145 (XII)"], ["51/53", "56/17", "1145 (XII)", "3/7"], 6 / 7),
        # duplicates count once; whitespace is collapsed before comparing.
        (
            ["A/CONF.157/24 (Part I)", "A/75/53"],
            ["A/CONF.157/24  (Part I)", "A/75/53", "A/75/53"],
            1.0,
        ),
        (["2025-12-01", "2025-12-05"], ["2025-12-01", "2025-12-15"], 0.5),
    ],
)
def test_set_f1(expected: list[str], predicted: list[str], score: float) -> None:
    assert set_f1(expected, predicted) == pytest.approx(score)


@pytest.mark.parametrize(
    ("expected", "predicted", "score"),
    [
        ("A/RES/75/180", "A/RES/75/180", 1.0),
        ("A/RES/75/180", "A/RES/75/18", 0.0),
        (None, None, 1.0),
        (None, "A/RES/58/85", 0.0),  # a value the text does not give
        ("72 (b)", None, 0.0),
        (46, 46, 1.0),
        (46, "46", 0.0),
        (1, True, 0.0),
        ("2020-12-16", "2020-12-16", 1.0),
        # A title wrapped over two lines, with curly quotes where the label has straight.
        (
            'Doha Political Declaration of the "World Social Summit" under the title '
            '"the Second World Summit for Social Development"',
            "Doha Political Declaration of the \u201cWorld Social Summit\u201d under\n"
            "the title \u201cthe Second World Summit for Social Development\u201d",
            1.0,
        ),
        ("Member States\u2019 obligations", "Member States' obligations", 1.0),
        # Case is not unified for header strings.
        (
            "Report of the International Atomic Energy Agency",
            "REPORT OF THE INTERNATIONAL ATOMIC ENERGY AGENCY",
            0.0,
        ),
    ],
)
def test_exact_score(expected: object, predicted: object, score: float) -> None:
    assert exact_score(expected, predicted) == score


def _parsed_80_56() -> ParsedDocument:
    """A/RES/80/56 as a finished parser would hand it over (abridged paragraph texts)."""
    return ParsedDocument(
        header=Header(
            symbol="A/RES/80/56",
            organ="General Assembly",
            session=80,
            title="Modalities of the 2026 meeting on victim assistance and environmental "
            "remediation",
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 5),
            agenda_item="99 (jj)",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
        paragraphs=[
            Paragraph("preambular", "Recalling its resolutions 78/240 …", verb="Recalling"),
            Paragraph("preambular", "Welcoming the decision …", verb="Welcoming"),
            Paragraph("operative", "Decides that the formal meeting …", 1, "Decides"),
            Paragraph("operative", "Also decides that …", 2, "Also decides"),
            Paragraph("operative", "Encourages participation …", 3, "Encourages"),
            Paragraph("operative", "Decides to include …", 4, "Decides"),
            Paragraph("annex", "We, Heads of State …", 1, None),
        ],
        footnotes=[],
        citations=[
            Citation("resolution", "79/60", "79/60", paragraph=0),
            Citation("resolution", "78/240", "78/240", paragraph=0),
            Citation("decision", "75/555", "decision 75/555", paragraph=1),
            Citation("resolution", "79/60", "resolution 79/60", paragraph=1),
        ],
        dates=[
            DateMention(dt.date(2025, 12, 5), "5 December 2025"),
            DateMention(dt.date(2023, 12, 22), "22 December 2023", paragraph=0),
            DateMention(dt.date(2025, 12, 5), "5 December 2025"),
        ],
    )


def test_predicted_values_read_the_parsed_document() -> None:
    values = predicted_values(_parsed_80_56())
    assert values["adoption_date"] == "2025-12-01"
    assert (values["n_preambular"], values["n_operative"]) == (2, 4)  # annex not counted
    assert values["operative_verbs"] == ["Decides", "Also decides", "Encourages", "Decides"]
    assert values["preambular_openers"] == ["Recalling", "Welcoming"]
    assert values["cited_resolutions"] == ["78/240", "79/60"]  # a set; decisions apart
    assert values["cited_documents"] == []
    assert values["dates"] == ["2023-12-22", "2025-12-05"]
    assert values["n_footnotes"] == 0
    assert values["draft_symbols"] == []


def _write_case(root: Path, name: str, text: str, expected: dict[str, Any]) -> Case:
    (root / name).write_text(text, encoding="utf-8")
    labels = root / f"{name}.expected.json"
    labels.write_text(json.dumps(expected), encoding="utf-8")
    return Case(name=name, input_path=input_for(labels), expected=expected)


PARA_2 = (
    "Demands the immediate and complete cessation by all parties to armed conflict of all "
    "acts of sexual violence against civilians with immediate effect; 2"
)


def test_a_failing_parse_scores_zero_on_every_labelled_field(tmp_path: Path) -> None:
    case = _write_case(tmp_path, "para2.txt", PARA_2, {"n_operative": 1, "symbol": None})

    def broken(_text: str) -> ParsedDocument:
        raise RuntimeError("segment not written yet")

    result = evaluate_case(case, broken)
    assert result.error == "RuntimeError: segment not written yet"
    assert [(f.field, f.score) for f in result.fields] == [("symbol", 0.0), ("n_operative", 0.0)]


def test_only_labelled_fields_are_scored(tmp_path: Path) -> None:
    case = _write_case(tmp_path, "A_RES_80_56.md", "…", {"n_operative": 4, "dates": []})
    result = evaluate_case(case, lambda _text: _parsed_80_56())
    assert {f.field: f.score for f in result.fields} == {"n_operative": 1.0, "dates": 0.0}
    summary = summarise([result])
    assert [(s.field, s.mean, s.n_cases) for s in summary] == [
        ("n_operative", 1.0, 1),
        ("dates", 0.0, 1),
    ]


def test_input_bytes_reach_the_parser_unchanged(tmp_path: Path) -> None:
    crlf = "The Security Council,\r\n\r\nDecides to remain seized of the matter.\r\n"
    case = _write_case(tmp_path, "crlf.txt", "", {"n_operative": 1})
    case.input_path.write_bytes(crlf.encode("utf-8"))
    seen: list[str] = []

    def spy(text: str) -> ParsedDocument:
        seen.append(text)
        return _parsed_80_56()

    evaluate_case(case, spy)
    assert seen == [crlf]


def test_a_runaway_parse_is_stopped(tmp_path: Path) -> None:
    case = _write_case(tmp_path, "para2.txt", PARA_2, {"n_operative": 1})

    def stuck(_text: str) -> ParsedDocument:
        time.sleep(30)
        return _parsed_80_56()

    result = evaluate_case(case, stuck, timeout=0.2)
    assert result.error is not None and result.error.startswith("CaseTimeout")


@pytest.mark.parametrize(
    ("files", "labels", "expected_input"),
    [
        # corpus style: the label names the whole input file name
        (["A_RES_80_11.md", "A_RES_80_11.txt"], "A_RES_80_11.md.expected.json", "A_RES_80_11.md"),
        # seed style: the label drops the extension
        (
            ["000_e02343ddb4ce8db6.txt"],
            "000_e02343ddb4ce8db6.expected.json",
            "000_e02343ddb4ce8db6.txt",
        ),
    ],
)
def test_input_for_finds_the_labelled_file(
    tmp_path: Path, files: list[str], labels: str, expected_input: str
) -> None:
    for name in [*files, labels]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert input_for(tmp_path / labels) == tmp_path / expected_input


def test_input_for_refuses_an_ambiguous_seed_style_label(tmp_path: Path) -> None:
    for name in ["A_RES_80_11.md", "A_RES_80_11.txt", "A_RES_80_11.expected.json"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="found 2"):
        input_for(tmp_path / "A_RES_80_11.expected.json")


@pytest.mark.parametrize(
    ("min_mean", "min_field", "missed"),
    [
        (None, None, []),
        (0.9, 0.5, []),
        (0.95, None, ["mean over fields 0.900 < --min-mean 0.95"]),
        (None, 0.9, ["dates 0.800 < --min-field 0.9"]),
    ],
)
def test_missed_thresholds(
    min_mean: float | None, min_field: float | None, missed: list[str]
) -> None:
    summary = [FieldSummary("symbol", 1.0, 21), FieldSummary("dates", 0.8, 21)]
    assert missed_thresholds(summary, min_mean=min_mean, min_field=min_field) == missed


def test_main_exits_1_only_when_a_threshold_is_missed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_case(tmp_path, "para2.txt", PARA_2, {"n_operative": 1, "dates": []})
    assert main([str(tmp_path), "--details"]) == 0
    report = capsys.readouterr().out
    assert "n_operative" in report and "mean over fields" in report
    assert "unifying curly/straight quotes" in report
    # No score exceeds 1, so this threshold is missed whatever the parser does.
    assert main([str(tmp_path), "--min-mean", "1.01"]) == 1
    assert main([str(tmp_path), "--min-field", "0"]) == 0
