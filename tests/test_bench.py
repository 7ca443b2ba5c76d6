"""The benchmark's corpus generator: real resolutions varied, deterministically."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from benchmarks.bench import (
    SourceTemplate,
    Variant,
    cut_template,
    generate_corpus,
    load_templates,
    make_variant,
    page_furniture,
    render_marker,
)
from tests.conftest import RAW
from unres.parse.vocab import MONTHS, ORDINAL_WORDS

WORD_OF_ORDINAL = {n: word for word, n in ORDINAL_WORDS.items()}
FULL_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
OPERATIVE_NUMBER = re.compile(r"^(\d{1,3})\. ", re.M)
PAGE_NUMBER_LINE = re.compile(r"^\**(\d+)/(\d+)\**$", re.M)
FURNITURE_LINES = re.compile(
    r"(?:\s*(?:\d{2}-\d{5}(?: \(E\))?|\*\d{7}\*|.*A/RES/\d+/\d+.*)$)*\s*", re.M
)
SEED_000 = "000_e02343ddb4ce8db6.txt"
SEED_001 = "001_ef61d0dabfe29b93.txt"


def template(name: str) -> SourceTemplate:
    cut = cut_template(name, (RAW / name).read_text(encoding="utf-8"))
    assert cut is not None
    return cut


def variants(name: str, count: int = 20) -> list[Variant]:
    source = template(name)
    return [make_variant(source, random.Random(i)) for i in range(count)]


def test_only_complete_resolutions_are_varied() -> None:
    names = {t.name for t in load_templates(RAW)}
    assert {SEED_000, "A_RES_80_14.txt", "A_RES_80_11.md", "A_RES_80_5.txt"} <= names
    # one paragraph of a JSON record, a page with no title line, an excerpt cut short
    # before its operative part, a cablegram
    assert not names & {
        "S_RES_1820_crsv-json-para2.txt",
        "A_RES_58_85_guam-page.txt",
        "A_RES_51_77_unorg-htm-excerpt.txt",
        "S_RES_36_1947_dfat.md",
    }


def test_corpus_depends_only_on_the_seed(tmp_path: Path) -> None:
    def corpus(folder: str, seed: int) -> dict[str, bytes]:
        paths = generate_corpus(RAW, tmp_path / folder, 12, seed)
        return {str(p.relative_to(tmp_path / folder)): p.read_bytes() for p in paths}

    first = corpus("a", seed=7)
    assert corpus("b", seed=7) == first
    assert corpus("c", seed=8) != first
    assert len(first) == 12


def test_files_are_spread_over_numbered_folders(tmp_path: Path) -> None:
    paths = generate_corpus(RAW, tmp_path, 25, seed=1, files_per_folder=10)
    per_folder = {f.name: len(list(f.iterdir())) for f in sorted(tmp_path.iterdir())}
    assert per_folder == {"0000": 10, "0001": 10, "0002": 5}
    assert {p.suffix for p in paths} <= {".txt", ".md"}


def test_documents_weigh_what_real_resolutions_weigh(tmp_path: Path) -> None:
    paths = generate_corpus(RAW, tmp_path, 80, seed=3)
    mean_kb = sum(p.stat().st_size for p in paths) / len(paths) / 1024
    assert 10 <= mean_kb <= 20


@pytest.mark.parametrize(
    ("name", "old_number", "old_symbol_count"),
    [(SEED_000, "75/180", 0), ("A_RES_80_14.txt", "80/14", 1), ("A_RES_80_5.txt", "80/5", 10)],
)
def test_new_number_replaces_the_old_one_everywhere(
    name: str, old_number: str, old_symbol_count: int
) -> None:
    for variant in variants(name):
        text = variant.text
        number = f"{variant.session}/{variant.number}"
        assert re.search(rf"^[#\s]*{number}\. ", text, re.M), "title line"
        if number != old_number:
            assert not re.search(rf"(?<!\d){old_number}(?!\d)", text)
        # the front matter and running headers of the source, plus inserted page headers
        assert (
            text.count(variant.symbol + "\n")
            + text.count(variant.symbol + " ")
            + text.count(variant.symbol + "*")
            >= old_symbol_count
        )
        session_line = f"{WORD_OF_ORDINAL[variant.session]} session"
        assert session_line in text.lower()


@pytest.mark.parametrize("name", [SEED_000, SEED_001, "A_RES_80_14.txt", "A_RES_80_70.md"])
def test_header_and_meeting_line_keep_one_adoption_date(name: str) -> None:
    for variant in variants(name):
        adopted = re.search(r"adopted by the General Assembly\s+on\s+(\d+ \w+ \d{4})", variant.text)
        meeting = re.search(r"plenary meeting\s+(\d+ \w+ \d{4})", variant.text)
        assert adopted and meeting
        assert adopted.group(1) == meeting.group(1)
        assert adopted.group(1).endswith(str(variant.session + 1945))


def test_every_generated_date_is_a_real_date(tmp_path: Path) -> None:
    for path in generate_corpus(RAW, tmp_path, 40, seed=5):
        for day, month, year in FULL_DATE.findall(path.read_text(encoding="utf-8")):
            dt.date(int(year), MONTHS[month.lower()], int(day))


def test_a_date_with_a_footnote_marker_glued_to_its_year_moves_too() -> None:
    # 001 (session 72) cites "Human Rights Council resolution 32/6 of 30 June 2016³ and";
    # page furniture may fall between them
    cited = re.compile(
        r"resolution 32/6\s.*?of (\d{1,2}) ([A-Z][a-z]+) (\d{4})"
        r"(³|<sup>3</sup>|&lt;sup&gt;3&lt;/sup&gt;|\$\^\{3\}\$|3)\s",
        re.S,
    )
    moved = set()
    for variant in variants(SEED_001):
        found = cited.search(variant.text)
        assert found is not None
        day, month, year, _ = found.groups()
        assert int(year) == 2016 + variant.session - 72
        dt.date(int(year), MONTHS[month.lower()], int(day))
        moved.add((day, month))
    assert len(moved) > 1


def test_operative_paragraphs_are_shuffled_and_renumbered() -> None:
    source = (RAW / SEED_000).read_text(encoding="utf-8")
    source_verbs = re.findall(r"^\d+\. (\*[^*]+\*|\w+)", source, re.M)
    orders = set()
    for variant in variants(SEED_000):
        numbers = [int(n) for n in OPERATIVE_NUMBER.findall(variant.text)]
        assert numbers == list(range(1, 18))
        verbs = re.findall(r"^\d+\. (\*[^*]+\*|\w+)", variant.text, re.M)
        assert sorted(verbs) == sorted(source_verbs)
        orders.add(tuple(verbs))
    assert len(orders) > 1


def test_preamble_stays_before_the_operative_part() -> None:
    for variant in variants(SEED_001):
        first_operative = OPERATIVE_NUMBER.search(variant.text)
        assert first_operative is not None
        after = variant.text[first_operative.start() :]
        assert not re.search(r"^(Recalling|Recognizing|Reaffirming|Underlining) ", after, re.M)


def test_a_paragraph_broken_by_a_page_stays_whole_when_shuffled() -> None:
    # 001 breaks "…adoption of the Durban" / footnotes / "Declaration and Programme…"
    for variant in variants(SEED_001):
        assert re.search(
            r"adoption of the Durban\n\n.*?\n\nDeclaration and Programme", variant.text, re.S
        )


def test_operative_paragraphs_with_no_blank_line_between_them_are_renumbered() -> None:
    # 004 runs paragraphs 13 to 17 together, one per line
    for variant in variants("004_624a2f6c0cb2078c.txt"):
        numbers = [int(n) for n in OPERATIVE_NUMBER.findall(variant.text)]
        assert numbers == list(range(1, 18))


def test_footnoted_paragraphs_keep_their_place() -> None:
    # so that footnotes stay numbered in reading order; in 000 the preambular paragraphs
    # 0, 2, 3 and 14 carry footnotes 1, 2-3, 4 and 5
    for variant in variants(SEED_000):
        preamble = variant.text[: variant.text.index("\n1. ")]
        openers = re.findall(r"^\*([A-Z][^*]+)\*", preamble, re.M)
        assert len(openers) == 15
        assert [openers[i] for i in (0, 2, 3, 14)] == [
            "Reaffirming its commitment",
            "Recalling also",
            "Recalling further",
            "Recalling",
        ]


@pytest.mark.parametrize(
    ("style", "rendered"),
    [
        ("sup", "<sup>12</sup>"),
        ("escaped_sup", "&lt;sup&gt;12&lt;/sup&gt;"),
        ("unicode", "¹²"),
        ("latex", "$^{12}$"),
        ("bare", "12"),
    ],
)
def test_marker_styles(style: str, rendered: str) -> None:
    assert render_marker("12", style) == rendered  # type: ignore[arg-type]


def test_each_document_uses_one_marker_style() -> None:
    styles_seen = set()
    for variant in variants(SEED_001, count=40):
        sup = "<sup>" in variant.text
        unicode = bool(re.search(r"[¹²³⁴⁵]", variant.text))
        bare = "Programme of Action,4 and" in variant.text
        assert sup + unicode + bare <= 1
        styles_seen.add((sup, unicode, bare))
    assert {(True, False, False), (False, True, False), (False, False, True)} <= styles_seen


def test_page_breaks_fall_inside_paragraphs() -> None:
    broken = 0
    for variant in variants(SEED_000, count=30):
        folios = [(int(p), int(n)) for p, n in PAGE_NUMBER_LINE.findall(variant.text)]
        if not folios:
            continue
        broken += 1
        assert [p for p, _ in folios] == list(range(2, len(folios) + 2))
        assert len({n for _, n in folios}) == 1
        assert variant.symbol in variant.text.split("\n\n", 1)[1]
        for match in PAGE_NUMBER_LINE.finditer(variant.text):
            # in 000 every paragraph opens with its number or its italicised verb
            after = FURNITURE_LINES.sub("", variant.text[match.end() :], count=1)
            assert not re.match(r"\d{1,3}\. |\*", after), after[:60]
    assert broken >= 10


def test_page_furniture_alternates_like_a_printed_resolution() -> None:
    title = "Enhancement of international cooperation in the field of human rights"
    even = page_furniture("pdf", 2, 7, "A/RES/75/180", title, "20-17700")
    odd = page_furniture("pdf", 3, 7, "A/RES/75/180", title, "20-17700")
    assert even.splitlines()[0] == "A/RES/75/180"
    assert odd.splitlines()[0] == title
    assert "2/7" in even.splitlines() and "20-17700" in odd.splitlines()
    barcode = page_furniture("job_barcode", 4, 7, "A/RES/75/180", title, "20-17700")
    assert "20-17700 (E)" in barcode.splitlines() and "*2017700*" in barcode.splitlines()
