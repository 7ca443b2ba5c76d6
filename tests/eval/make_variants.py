"""Derive damaged variants of labelled cases: same values, different converter artefacts.

Run once from the repository root; the output is committed:

    uv run python tests/eval/make_variants.py

Each variant is ``variants/<base>__<damage>[__<damage>...]<ext>`` with the base's
``expected.json`` copied beside it: every transformation here only changes how the text
is laid out or marked up, never a value the contract reads off it. Deterministic: the
same bases give byte-identical variants.

Transformations that move line breaks never start a line with something a parser could
take for a new paragraph, label or footnote (a capital after a sentence or clause end, a
digit, a bracket, a marker), so paragraph and footnote boundaries stay unambiguous.
"""

from __future__ import annotations

import json
import re
import shutil
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
VARIANTS = CASES / "variants"
WRAP_WIDTH = 70

Transform = Callable[[str, dict[str, object], str], str]
"""(text, expected values, base name) -> damaged text."""

# --- patterns ---------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
LINE_BREAKS = re.compile(r"\s*\n\s*")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
SUPERSCRIPT_FOOTNOTE_LINE = re.compile(f"^([{SUPERSCRIPT_DIGITS}]+) (.*)$", re.MULTILINE)
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
HYPHEN_IN_WORD = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
NUMBERED_LINE = re.compile(r"^(\d{1,3}\.)[ \t]+(?=\S)", re.MULTILINE)
OPERATIVE_START = re.compile(r"^\d{1,3}\. ")
MONTH_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)[,.]?$"
)
# A line may not start with these: they read as labels, markers, numbers or markup, and
# an opening quote starts every paragraph of a press release quoting a resolution.
LABEL_LIKE_START = re.compile(rf"[\d(\[*<$#_|\-\u2013\u2014&\"'\u201c\u2018{SUPERSCRIPT_DIGITS}]")
CLAUSE_END = re.compile(r"[,;:.]\W*$")
DOUBLE_QUOTED = re.compile(r'"([^"\n]*)"')
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
STRAIGHTENED_QUOTES = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")


# --- layout helpers ---------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str, str]:
    """(YAML front matter with its closing line, body); wrapper material is never damaged."""
    match = FRONT_MATTER.match(text)
    return (match.group(0), text[match.end() :]) if match else ("", text)


def may_break_before(previous: str, following: str) -> bool:
    """Whether a line may end after ``previous`` and the next start with ``following``.

    A month name may be followed by its year on the next line ("8 September / 2000"):
    a date across a line break is a real artefact and still reads as one date.
    """
    if LABEL_LIKE_START.match(following):
        return following[0].isdigit() and bool(MONTH_WORD.search(previous))
    return not (CLAUSE_END.search(previous) and following[0].isupper())


def wrap_line(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Greedy word wrap at ``width`` columns, breaking only where ``may_break_before`` allows."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split():
        if current and length + 1 + len(word) > width and may_break_before(current[-1], word):
            lines.append(" ".join(current))
            current = []
        length = length + 1 + len(word) if current else len(word)
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def middle_break(words: Sequence[str]) -> int:
    """Index of the word nearest the middle before which a page may break mid-sentence."""
    middle = len(words) // 2
    for offset in range(len(words)):
        for index in (middle + offset, middle - offset):
            if (
                0 < index < len(words)
                and words[index][:1].islower()
                and may_break_before(words[index - 1], words[index])
            ):
                return index
    raise ValueError("no place to break this paragraph")


def base_digits(base: str) -> int:
    """A stable number per base, so furniture differs between documents but not between runs."""
    return zlib.crc32(base.encode("utf-8"))


# --- transformations -------------------------------------------------------------------------


def rewrap_70(text: str, _expected: dict[str, object], _base: str) -> str:
    """Hard-wrap every long line at ~70 columns, as PDF-to-text converters do."""
    front, body = split_front_matter(text)
    out: list[str] = []
    for line in body.split("\n"):
        content = line.lstrip(" ")
        indent = line[: len(line) - len(content)]
        if len(line) <= WRAP_WIDTH or content.startswith("#"):
            out.append(line)  # short, or a Markdown heading, which cannot continue below
            continue
        # Markdown footnote definitions continue on indented lines.
        continuation = indent + ("    " if content.startswith("[^") else "")
        first, *rest = wrap_line(content, WRAP_WIDTH - len(continuation))
        out += [indent + first, *(continuation + part for part in rest)]
    return front + "\n".join(out)


def no_blank_lines(text: str, _expected: dict[str, object], _base: str) -> str:
    """Paragraphs follow each other with no blank line between them."""
    front, body = split_front_matter(text)
    return front + BLANK_LINES.sub("\n", body.strip("\n")) + "\n"


def blank_after_every_line(text: str, _expected: dict[str, object], _base: str) -> str:
    """A blank line after every line, so blank lines also fall inside paragraphs."""
    front, body = split_front_matter(text)
    return front + "".join(f"{line}\n\n" for line in body.split("\n"))


def one_line(text: str, _expected: dict[str, object], _base: str) -> str:
    """The whole document (after any front matter) on a single line."""
    front, body = split_front_matter(text)
    return front + LINE_BREAKS.sub(" ", body.strip())


def numbers_alone(text: str, _expected: dict[str, object], _base: str) -> str:
    """Each operative number alone on its line ("1." then the paragraph)."""
    front, body = split_front_matter(text)
    return front + NUMBERED_LINE.sub(r"\1\n", body)


def _page_break(text: str, expected: dict[str, object], base: str, *, markdown: bool) -> str:
    """Break the longest operative paragraph mid-sentence with a page's furniture in the gap."""
    symbol, title = expected["symbol"], expected["title"]
    if not isinstance(symbol, str) or not isinstance(title, str):
        raise ValueError(f"{base}: a running header needs the symbol and title")
    lines = text.split("\n")
    target = max(
        (i for i, line in enumerate(lines) if OPERATIVE_START.match(line.lstrip("*"))),
        key=lambda i: len(lines[i]),
    )
    words = lines[target].split(" ")
    cut = middle_break(words)
    digits = base_digits(base)
    year, serial = 10 + digits % 15, digits % 100000
    job, barcode = f"{year:02d}-{serial:05d} (E)", f"*{year:02d}{serial:05d}*"
    total = max(3, len(text) // 3000)
    page = 2 + (target * (total - 1)) // max(1, len(lines))
    if markdown:
        short_title = " ".join(title.split()[:6])  # running headers truncate long titles
        furniture = [f"**{page}/{total}**", job, barcode, f"**{short_title}**", f"**{symbol}**"]
    else:
        furniture = [job, barcode, f"{page}/{total}", f"{symbol} {title}"]
    lines[target : target + 1] = [
        " ".join(words[:cut]),
        "",
        *"\n\n".join(furniture).split("\n"),
        "",
        " ".join(words[cut:]),
    ]
    return "\n".join(lines)


def page_break(text: str, expected: dict[str, object], base: str) -> str:
    """PDF text: job number, barcode, "3/7" and "symbol title" running header in the gap."""
    return _page_break(text, expected, base, markdown=False)


def page_break_markdown(text: str, expected: dict[str, object], base: str) -> str:
    """Markdown: "**4/12**", job number, barcode and a bold, truncated, alternating header."""
    return _page_break(text, expected, base, markdown=True)


@dataclass(frozen=True, slots=True)
class FootnoteStyle:
    """How one converter writes a footnote marker and the start of a footnote's text."""

    marker: Callable[[str], str]
    definition: Callable[[str], str]
    definitions_at_end: bool = False
    # The marker stands apart from a word that follows it ("tenth 4/ and", not "4/and").
    spaced: bool = False


FOOTNOTE_STYLES: dict[str, FootnoteStyle] = {
    "sup": FootnoteStyle(lambda n: f"<sup>{n}</sup>", lambda n: f"<sup>{n}</sup> "),
    "escaped_sup": FootnoteStyle(
        lambda n: f"&lt;sup&gt;{n}&lt;/sup&gt;", lambda n: f"&lt;sup&gt;{n}&lt;/sup&gt; "
    ),
    "latex": FootnoteStyle(lambda n: f"$^{{{n}}}$", lambda n: f"$^{{{n}}}$ "),
    "bracket": FootnoteStyle(lambda n: f"[^{n}]", lambda n: f"[^{n}]: ", definitions_at_end=True),
    "bare": FootnoteStyle(lambda n: n, lambda n: f"{n} "),
    # 1990s texts: "human rights, 1/ for ..."
    "slash": FootnoteStyle(lambda n: f" {n}/", lambda n: f"{n}/ ", spaced=True),
}


def restyle_footnotes(text: str, style: FootnoteStyle) -> str:
    """Rewrite Unicode-superscript footnotes (markers and "¹ text" lines) in ``style``."""
    definitions: list[tuple[str, str]] = []

    def definition(match: re.Match[str]) -> str:
        number = match.group(1).translate(SUPERSCRIPT_TO_DIGIT)
        if style.definitions_at_end:
            definitions.append((number, match.group(2)))
            return ""
        return style.definition(number) + match.group(2)

    def marker(match: re.Match[str]) -> str:
        rendered = style.marker(match.group(0).translate(SUPERSCRIPT_TO_DIGIT))
        following = match.string[match.end() : match.end() + 1]
        return rendered + " " if style.spaced and following.isalnum() else rendered

    body = SUPERSCRIPT_RUN.sub(marker, SUPERSCRIPT_FOOTNOTE_LINE.sub(definition, text))
    if style.definitions_at_end:
        block = "\n\n".join(style.definition(number) + text for number, text in definitions)
        body = f"{body.rstrip()}\n\n{block}\n"
    return body


def footnote_transform(style_name: str) -> Transform:
    style = FOOTNOTE_STYLES[style_name]

    def transform(text: str, _expected: dict[str, object], _base: str) -> str:
        return restyle_footnotes(text, style)

    transform.__name__ = f"footnotes_{style_name}"
    transform.__doc__ = f"Footnote markers and texts rewritten in the {style_name} style."
    return transform


def straight_quotes(text: str, _expected: dict[str, object], _base: str) -> str:
    """Curly quotes and apostrophes made straight."""
    return text.translate(STRAIGHTENED_QUOTES)


def curly_quotes(text: str, _expected: dict[str, object], _base: str) -> str:
    """Straight quotes and apostrophes made curly (front matter left alone: YAML syntax)."""
    front, body = split_front_matter(text)
    body = DOUBLE_QUOTED.sub(lambda m: f"\u201c{m.group(1)}\u201d", body)
    return front + STRAIGHT_APOSTROPHE.sub("\u2019", body)


def non_breaking_hyphens(text: str, _expected: dict[str, object], _base: str) -> str:
    """Hyphens inside words become U+2011 NON-BREAKING HYPHEN, as some PDFs encode them."""
    front, body = split_front_matter(text)
    return front + HYPHEN_IN_WORD.sub("\u2011", body)


def crlf(text: str, _expected: dict[str, object], _base: str) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# --- the variant set --------------------------------------------------------------------------

SEED_000 = "000_e02343ddb4ce8db6.txt"
SEED_001 = "001_ef61d0dabfe29b93.txt"
SEED_004 = "004_624a2f6c0cb2078c.txt"
FOOTNOTE_STYLE_NAMES = tuple(FOOTNOTE_STYLES)

# (base file under cases/, transformations applied in order)
VARIANT_PLAN: tuple[tuple[str, tuple[Transform, ...]], ...] = (
    (SEED_000, (rewrap_70,)),
    (SEED_001, (rewrap_70,)),
    ("A_RES_80_14.txt", (rewrap_70,)),
    ("A_RES_80_61.md", (rewrap_70,)),
    (SEED_000, (no_blank_lines,)),
    (SEED_004, (no_blank_lines,)),
    ("A_RES_80_14.txt", (no_blank_lines,)),
    ("A_RES_80_70.md", (no_blank_lines,)),
    (SEED_001, (rewrap_70, blank_after_every_line)),
    ("A_RES_80_22.txt", (rewrap_70, blank_after_every_line)),
    ("A_RES_80_56.md", (blank_after_every_line,)),
    ("A_RES_80_56.md", (one_line,)),
    ("S_RES_2583_lawglobalhub-page.txt", (one_line,)),
    ("A_RES_80_11.md", (one_line,)),
    (SEED_001, (footnote_transform("bracket"), one_line)),
    (SEED_004, (footnote_transform("bracket"), one_line)),
    (SEED_000, (page_break,)),
    (SEED_001, (page_break_markdown,)),
    (SEED_004, (page_break,)),
    ("A_RES_80_14.txt", (page_break_markdown,)),
    ("A_RES_80_61.md", (page_break,)),
    *((SEED_001, (footnote_transform(name),)) for name in FOOTNOTE_STYLE_NAMES),
    *((SEED_004, (footnote_transform(name),)) for name in FOOTNOTE_STYLE_NAMES),
    (SEED_004, (footnote_transform("bare"), rewrap_70)),
    (SEED_000, (curly_quotes,)),
    (SEED_001, (straight_quotes,)),
    ("A_RES_80_7.md", (straight_quotes,)),
    (SEED_000, (non_breaking_hyphens,)),
    ("A_RES_80_14.txt", (non_breaking_hyphens,)),
    ("A_RES_80_70.md", (numbers_alone,)),
    (SEED_000, (crlf,)),
    ("A_RES_80_11.txt", (crlf,)),
    ("A_RES_49_12_procon-page.txt", (page_break, crlf)),
)


def variant_name(base: str, transforms: Sequence[Transform]) -> str:
    stem, dot, ext = base.rpartition(".")
    return f"{stem}__{'__'.join(t.__name__ for t in transforms)}{dot}{ext}"


def expected_path(case_file: Path) -> Path:
    """The base's labels: ``X.expected.json`` (corpus) or ``<stem>.expected.json`` (seeds)."""
    named = case_file.with_name(case_file.name + ".expected.json")
    return named if named.is_file() else case_file.with_suffix(".expected.json")


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    text: str
    labels: Path  # the base's expected.json, copied unchanged


def render_variants() -> list[Variant]:
    variants: list[Variant] = []
    for base, transforms in VARIANT_PLAN:
        base_path = CASES / base
        labels = expected_path(base_path)
        expected = json.loads(labels.read_text(encoding="utf-8"))
        text = base_path.read_bytes().decode("utf-8")  # bytes: keep line ends as they are
        for transform in transforms:
            text = transform(text, expected, base)
        variants.append(Variant(variant_name(base, transforms), text, labels))
    names = [v.name for v in variants]
    if len(set(names)) != len(names):
        raise ValueError("two plans make the same variant")
    return variants


def write_variants(target: Path = VARIANTS) -> list[Variant]:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    variants = render_variants()
    for variant in variants:
        (target / variant.name).write_bytes(variant.text.encode("utf-8"))
        shutil.copyfile(variant.labels, target / f"{variant.name}.expected.json")
    return variants


if __name__ == "__main__":
    print(f"{len(write_variants())} variants in {VARIANTS}")
