"""Cut canonical text into header, paragraphs, closing and footnotes.

The organ line ("The General Assembly,", "Security Council, having ...", "At its
30th meeting, on 5 April 2016, the Human Rights Council decided ...") separates
header from body. Before it, wrapper material (site navigation, page titles,
press prose) is dropped up to the first line a resolution header opens with.
In the body, page furniture goes first (``furniture``), then footnote blocks
(``footnotes``), then the lines are read into paragraphs (``paragraphs``), and
finally the markers are read out of the paragraphs in reading order.

A resolution quoted inside other text (a press release, a cable) ends at its
closing quote; what follows is commentary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unres.model import Footnote, Paragraph, ParagraphKind, Structure
from unres.parse.bodies import (
    BODIES,
    ORGANS,
    adopted_series_pattern,
    names_pattern,
    prefixes_pattern,
    printed_numbers_pattern,
    with_series,
)
from unres.parse.footnotes import MarkerReader, clean_footnote_text, take_footnote_blocks
from unres.parse.furniture import is_furniture_line, remove_furniture, strip_inline_furniture
from unres.parse.lines import (
    OPENING_QUOTES,
    PARAGRAPH_NUMBER,
    Line,
    mean_length,
    to_lines,
    without_wrap_blanks,
)
from unres.parse.marks import (
    EMPHASIS_CLOSE,
    EMPHASIS_OPEN,
    FOOTNOTE_CLOSE,
    FOOTNOTE_MARK,
    RULE,
    strip_marks,
)
from unres.parse.openers import opener_kind
from unres.parse.paragraphs import DraftParagraph, read_body, strip_quotes
from unres.parse.repair import WordRepairs, clean_text, find_word_repairs
from unres.parse.verb_lexicon import DECISION_PAST_FORMS, DECISION_PRESENT_FORMS

__all__ = ["split_document"]

# --- tokenizer layer -----------------------------------------------------------------

_SERIES = adopted_series_pattern()
_PRINTED_NUMBER = printed_numbers_pattern(ORGANS)
_DRAFT_SERIES = prefixes_pattern(with_series("draft_resolution"))
_ORGANS = f"(?i:{names_pattern(body for body in BODIES if body.enacting_formula)})"
_MARK = f"[{EMPHASIS_OPEN}{EMPHASIS_CLOSE}]?"
_DECISION_VERBS = "|".join([*DECISION_PAST_FORMS, *DECISION_PRESENT_FORMS, "adopted"])
_QUOTE = "\"'\u201c\u2018"
# "The General Assembly," anywhere ("the" in lower case is a sentence's, not the organ
# line's); "The General Assembly" alone on its line; "Security Council," opening a line;
# a Human Rights Council decision's "At its 30th meeting, on ..., the Council decided" or
# its one sentence "The Human Rights Council decides to ..." opening a line.
_ORGAN_LINE = re.compile(
    rf"(?P<quote>[{_QUOTE}]?){_MARK}(?:(?<![^\s\]{_QUOTE}{EMPHASIS_OPEN}])(?:The|THE)\s+{_ORGANS}"
    rf"{_MARK}\s*,|^(?:The|THE)\s+{_ORGANS}{_MARK}\s*[:]?$|^{_ORGANS}{_MARK}\s*,){_MARK}"
    rf"|(?P<decision>(?:\bAt\s+its\s+\d+\w*\s+(?:plenary\s+)?meeting,?\s+(?:held\s+)?on\s+[^,]{{4,30}},"
    rf"\s+the\s+{_ORGANS}(?:,\s+on\s+the\s+recommendation\s+of\s+(?:\([^()]*\)|[^,;()]){{3,160}}?,)?"
    rf"|^(?:The|THE)\s+{_ORGANS}))(?=\s+(?:{_DECISION_VERBS})\b)"
)
# A text that has no organ line may open its one sentence with the organ's name:
# "The General Assembly recalls that ..." (the word after it is judged an operative verb).
_ORGAN_BEFORE_VERB = re.compile(rf"(?:The|THE)\s+{_ORGANS}\s+(?P<verb>[a-z]+)\b")
_HEADER_START = re.compile(
    r"^(?:[\"“‘']?(?:"
    rf"United\s+Nations\b|(?:{_SERIES})/|(?:{_DRAFT_SERIES})/(?:E?S-)?\d+/L\."
    rf"|(?:{names_pattern(ORGANS)})\b"
    r"|Distr\b|(?:Resolution|Decision)\s+adopted\b|Resolution\s+\d"
    # The Commission on Human Rights' own heading: "Human Rights Resolution 2005/17: ..."
    r"|Human\s+Rights\s+(?:Resolution|Decision)\s+\d"
    rf"|Decision\s+\d|(?:{_PRINTED_NUMBER})\s*\."
    r"|[A-Z][a-z]+(?:-[a-z]+)?\s+(?:special\s+)?session\b"
    r"|Agenda\s+item\b|\[(?:on\s+the\s+report|without\s+reference)|Adopted\s+by\b"
    r"|(?:The\s+)?(?:full\s+)?text\s+of\s+(?:the\s+)?resolution\b))",
    re.I,
)
_TITLE_LINE = re.compile(rf"^(?:{_PRINTED_NUMBER})\s*\.\s*(?P<title>\S.*)$")
_OPENING_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'’"}
# A sentence's end, then the quote that closes a quoted resolution.
_CLOSING_QUOTE = {
    opening: re.compile(f"[.;!?][{re.escape(closing)}](?=\\s|$)")
    for opening, closing in _OPENING_QUOTES.items()
}
_DEFINITION_INLINE = re.compile(f"(?<=\\s)(?={FOOTNOTE_MARK.pattern}\\s+[A-Z])")
_RUN_BREAKS = re.compile(
    rf"\s+(?=[\"\u201c]?The\s+(?:{names_pattern(ORGANS)}),)"
    r"|(?<=[;:])\s+(?=\((?:[a-z]{1,2}|[ivx]{1,5})\)\s)"
    r"|(?<=[.;\u201d])\s+(?=\ue002?(?:\d{1,4}(?:st|nd|rd|th|d)\s+(?:plenary\s+)?meeting\b|Adopted\s+by\b))"
)
# A footnote rule run into the text, and the definitions after it: "... matter.
# _____ 1 Transmitted by letter ... 2 See S/2021/456."
_RULE_RUN = re.compile(r"\s+_{5,}\s+(?=\d{1,3}\s+\S)")
_DEFINITION_RUN = re.compile(r"(?<=[.)\]])\s+(\d{1,3})\s+(?=[A-Z\u201c\"])")
_NUMBER_BREAK = re.compile(r"\s+(?=\d{1,3}\.\s+[A-Z\ue002\u201c\"])")
# Before "12. Decides": the end of a paragraph (its marker may follow) or of a heading.
_BEFORE_NUMBER = re.compile(r"(?:[;:.,\u201d\"]\d{0,3}|\ue001|[a-z])$")
# What follows the date of a meeting line is no longer the closing.
_AFTER_MEETING_DATE = re.compile(
    r"(\d(?:st|nd|rd|th|d)\s+(?:plenary\s+)?meeting,?\s+(?:on\s*)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?\ue003?)\s+"
)
_OPENER_BREAK = re.compile(
    f"(?<=[,;{FOOTNOTE_CLOSE}0-9])\\s+(?=[{EMPHASIS_OPEN}{OPENING_QUOTES}]?[A-Z])"
)
# "...; Department of Political Affairs\n24. Encourages": a heading run onto the end
# of the paragraph before the next number.
_HEADING_BEFORE_NUMBER = re.compile(r"([;.:]) (?=[A-Z][^\n;:,.]{0,80}[a-z]\n\d{1,3}\.\s)")
_BARE_MARKER_END = re.compile(r"[,;] ?\d{1,3}$")
_HEADER_SPACES = re.compile(r"[ ]{2,}")
# A lower-case word after a comma: where a one-sentence decision's verb may stand.
_WORD_AFTER_COMMA = re.compile(r",\s+((?:also\s+)?[a-z]+)")
_SENTENCE_LINES = 12
_DECISION_OPENING = ("At its ", "AT ITS ")
_DECISION_OPENING_LINES = 5
# One line this long on average means a text whose line breaks were lost.
_RUN_TOGETHER_LINE = 1000
_RUN_TOGETHER_SINGLE_LINE = 200


@dataclass(slots=True)
class _Split:
    header: list[Line]
    body: list[Line]
    first_kind: ParagraphKind | None
    quote: str | None
    found_organ: bool


def split_document(text: str) -> Structure:
    lines = to_lines(text)
    if _lost_line_breaks(lines):
        lines = to_lines(_break_runs(text))
    split = _split_at_organ(lines)
    title = _title(split.header)
    unwrapped = without_wrap_blanks(split.body)
    body = remove_furniture(unwrapped, title)
    if split.quote:
        body = _cut_at_closing_quote(body, split.quote)
    blocks = take_footnote_blocks(body)
    read = read_body(blocks.body, split.first_kind)
    repairs = find_word_repairs(text)
    reader = MarkerReader(set(blocks.definitions))
    header = _header_text(split.header, reader, blank_lines_kept=unwrapped == split.body)
    paragraphs = [_paragraph(draft, reader, repairs) for draft in read.paragraphs]
    footnotes = [
        Footnote(number, clean_footnote_text(parts, repairs))
        for number, parts in sorted(blocks.definitions.items())
        if parts
    ]
    warnings = list(dict.fromkeys(read.warnings))
    if not split.found_organ:
        warnings.append("no_organ_line")
    if reader.undefined:
        warnings.append("unmatched_footnote_marker")
    if any(f.number not in reader.referenced for f in footnotes):
        warnings.append("footnote_without_marker")
    return Structure(
        header=header,
        paragraphs=[p for p in paragraphs if p.text],
        closing="\n".join(clean_text(line) for line in read.closing),
        footnotes=footnotes,
        warnings=warnings,
    )


# --- header / body -------------------------------------------------------------------


def _split_at_organ(lines: list[Line]) -> _Split:
    lines = _with_decision_opening_joined(lines)
    for index, line in enumerate(lines):
        match = _ORGAN_LINE.search(line.text)
        if match is None:
            continue
        organ = match.group().strip()
        before = line.text[: match.start()].strip()
        after = line.text[match.end() :].strip()
        header = _trim_wrapper(lines[:index] + ([Line(before)] if before else []))
        first_kind: ParagraphKind | None = "operative" if match.group("decision") else None
        if after and first_kind is None:
            # "Security Council, having received ...": the preamble run onto the organ line;
            # or a decision in one sentence, "The General Assembly, recalling ...,
            # decides to include ...": one operative paragraph.
            if _decides_in_one_sentence([after, *(line.text for line in lines[index + 1 :])]):
                first_kind = "operative"
            after = after[0].upper() + after[1:]
        body = [Line(after)] if after else []
        body += lines[index + 1 :]
        quote = match.group("quote") or _quote_of(header)
        header.append(Line(organ.lstrip(_QUOTE)))
        return _Split(header, body, first_kind, quote or None, True)
    start = next((i for i, line in enumerate(lines) if _opens_paragraph(line.text)), len(lines))
    addressed = start < len(lines) and _ORGAN_BEFORE_VERB.match(lines[start].text)
    opening_kind: ParagraphKind | None = "operative" if addressed else None
    return _Split(_trim_wrapper(lines[:start]), lines[start:], opening_kind, None, False)


def _with_decision_opening_joined(lines: list[Line]) -> list[Line]:
    """A decision's opening wrapped over lines ("At its 74th plenary meeting, on 22
    December 2017, the General Assembly, on the\nrecommendation of the Fifth Committee
    ..., appointed") joined onto one line, where the organ line can be found."""
    for index, line in enumerate(lines):
        if not line.text.startswith(_DECISION_OPENING) or _ORGAN_LINE.search(line.text):
            continue
        for end in range(index + 2, min(index + _DECISION_OPENING_LINES, len(lines)) + 1):
            joined = " ".join(following.text for following in lines[index:end])
            if _ORGAN_LINE.search(joined):
                return [*lines[:index], Line(joined, line.gap), *lines[end:]]
    return lines


def _decides_in_one_sentence(texts: list[str]) -> bool:
    """Whether the sentence run onto the organ line reaches its operative verb after a
    comma (", decides to include ..."), before its first full stop."""
    sentence = " ".join(texts[:_SENTENCE_LINES]).split(". ", 1)[0]
    return any(
        opener_kind(verb.capitalize(), guess=False) == "operative"
        for verb in _WORD_AFTER_COMMA.findall(sentence)
    )


def _opens_paragraph(text: str) -> bool:
    """Without an organ line, the body starts at a numbered line, a known opener or the
    organ's name before its operative verb: 1946's "The General Assembly recalls that
    ...; endorses ...; and recommends ..."."""
    numbered = text[:1].isdigit() and text[:4].rstrip(" ").endswith(".")
    addressed = _ORGAN_BEFORE_VERB.match(text)
    if addressed:
        return opener_kind(addressed["verb"].capitalize(), guess=False) == "operative"
    return numbered or opener_kind(text, guess=False) is not None


def _trim_wrapper(lines: list[Line]) -> list[Line]:
    start = next(
        (i for i, line in enumerate(lines) if _HEADER_START.match(strip_marks(line.text))), None
    )
    return lines[start:] if start is not None else []


def _quote_of(header: list[Line]) -> str:
    """The quote mark that opens a quoted resolution in the header (a cable's 'Text of)."""
    for line in reversed(header):
        if line.text[:1] in _OPENING_QUOTES:
            return line.text[0]
    return ""


def _title(header: list[Line]) -> str | None:
    """The title: from the "75/180." line to the organ line, wrapped lines joined."""
    for index, line in enumerate(header):
        match = _TITLE_LINE.match(strip_marks(line.text))
        if match:
            rest = [strip_marks(following.text) for following in header[index + 1 : -1]]
            return " ".join([match["title"], *rest])
    return None


def _header_text(header: list[Line], reader: MarkerReader, *, blank_lines_kept: bool) -> str:
    """The header's lines, a blank line kept where the text had one between paragraphs
    (unless a converter put one after every line of the body): it ends a title's text."""
    kept: list[str] = []
    for line in header if blank_lines_kept else [Line(line.text) for line in header]:
        if is_furniture_line(line.text):
            continue
        text = strip_inline_furniture(reader.take_certain_marks(line.text))
        text = _HEADER_SPACES.sub(" ", strip_marks(text)).strip()
        if text:
            kept.append(f"\n{text}" if line.gap == "blank" and kept else text)
    return "\n".join(kept)


def _cut_at_closing_quote(lines: list[Line], quote: str) -> list[Line]:
    closing = _CLOSING_QUOTE[quote]
    for index, line in enumerate(lines):
        match = closing.search(line.text)
        if match:
            return [*lines[:index], Line(line.text[: match.start() + 1], line.gap)]
    return lines


def _lost_line_breaks(lines: list[Line]) -> bool:
    if not lines:
        return False
    if len(lines) == 1:
        return len(lines[0].text) > _RUN_TOGETHER_SINGLE_LINE
    return mean_length(lines) > _RUN_TOGETHER_LINE


def _break_runs(text: str) -> str:
    """Line breaks at the paragraph boundaries of a text that lost them."""
    text = _RUN_BREAKS.sub("\n", text)
    text = _NUMBER_BREAK.sub(_number_break, text)
    text = _AFTER_MEETING_DATE.sub("\\1\n", text)
    text = _DEFINITION_INLINE.sub(_definition_break, text)
    text = _break_rule_runs(text)
    text = _OPENER_BREAK.sub(_opener_break, text)
    return _HEADING_BEFORE_NUMBER.sub("\\1\n", text)


def _number_break(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 4) : match.start()]
    if not _BEFORE_NUMBER.search(before):
        return match.group()
    if before[-1:].islower():
        # Only a heading ends in a bare word before a number; the paragraph must open
        # with its verb then ("Peacebuilding financing 13. Calls for").
        following = match.string[match.end() : match.end() + 60]
        number = PARAGRAPH_NUMBER.match(following)
        rest = following[number.end() :] if number else ""
        return "\n" if opener_kind(rest, guess=False) == "operative" else match.group()
    return "\n"


def _break_rule_runs(text: str) -> str:
    """The rule (as ``RULE``, the normalised rule line) and each numbered definition
    after it on a line of their own; a number
    starts a definition only when it is the next one ("1 ... 2 ..."), so a sentence
    ending before "3 June" or "2 States" does not."""
    pieces: list[str] = []
    done = 0
    rules = list(_RULE_RUN.finditer(text))
    ends = [rule.start() for rule in rules[1:]] + [len(text)]
    for rule, end in zip(rules, ends[: len(rules)], strict=True):
        pieces.append(text[done : rule.start()] + "\n" + RULE + "\n")
        done = rule.end()
        expected = int(text[done:].split(maxsplit=1)[0]) + 1
        for definition in _DEFINITION_RUN.finditer(text, done, end):
            if int(definition.group(1)) == expected:
                pieces.append(text[done : definition.start()] + "\n")
                done = definition.start(1)
                expected += 1
    return "".join(pieces) + text[done:]


def _definition_break(match: re.Match[str]) -> str:
    """Before ``[^1] text``-style definitions, not before a body marker and a paragraph."""
    following = match.string[match.end() : match.end() + 80]
    return "" if opener_kind(FOOTNOTE_MARK.sub("", following), guess=False) else "\n"


def _opener_break(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 4) : match.start()]
    if before[-1:].isdigit() and not _BARE_MARKER_END.search(before):
        return match.group()
    return "\n" if opener_kind(match.string[match.end() : match.end() + 60]) else match.group()


# --- paragraphs ----------------------------------------------------------------------


def _paragraph(draft: DraftParagraph, reader: MarkerReader, repairs: WordRepairs) -> Paragraph:
    raw = strip_quotes(draft.text.strip())
    emphasis = _leading_emphasis(raw, repairs)
    text, numbers = reader.read(raw)
    text = strip_quotes(clean_text(text, repairs))
    return Paragraph(
        kind=draft.kind,
        text=text,
        number=draft.number,
        footnotes=tuple(numbers),
        emphasis=emphasis,
    )


def _leading_emphasis(text: str, repairs: WordRepairs) -> str | None:
    if not text.startswith(EMPHASIS_OPEN):
        return None
    end = text.find(EMPHASIS_CLOSE)
    if end < 0:
        return None
    rest = strip_marks(text[end + 1 :]).strip(" .,;:")
    span = clean_text(text[1:end], repairs).rstrip(" ,;:")
    return span if span and rest else None
