"""Header metadata of one resolution: symbol, organ, session, title, dates, agenda item,
committee report, draft symbols and meeting numbers.

Input is the plain text before the first paragraph (``header``) and the text after the
last operative paragraph (``closing``). Both come from many converters, so every rule
reads a *class* of layout rather than one file's:

* lines may be kept, merged into one line, or separated by blank lines; a wrapped
  adoption line, title or agenda title spans lines;
* words may be broken by spaces ("General Assembl y") or run together, symbols broken
  ("A/75/ 381/Add. 1"), the header written in capitals;
* web-page leftovers (page titles, "Last updated on", "Nov. 9, 1994") may precede it.

Evidence is ranked, strongest first, and each field takes the first source that gives
it (see the ``_read_*`` functions). Dates are read with ``find_dates`` so that the
header and the dates table always agree on what a date is. The patterns live in
``header_grammar``; this module combines what they read.

Decisions the contract leaves open:

* ``agenda_item`` holds only the item numbers as printed, spacing normalised:
  "72 (b)", "99 (jj)"; several items keep their separators: "12 and 41", "68 (b), (c)".
* A draft (no resolution number) whose own symbol is printed at the start of a line
  ("A/C.3/75/L.5") takes that symbol; its title follows the sponsor line ending in
  "draft resolution".
* A Security Council symbol needs its year: when the text gives the number only, the
  year comes from the adoption date; with neither, the symbol is null.
* The session of a General Assembly resolution whose number is not printed comes from
  its committee report or draft symbol ("A/58/524" -> 58), which carry the session.
* A decision's symbol is in its body's decision series, the Assembly's included:
  "72/410." of a "Decision adopted by the General Assembly" is A/DEC/72/410.
* ``document_type`` comes from the symbol's series, else a draft's sponsor line, else
  "Decision adopted by ..." or a decision's "At its 30th meeting, ... decided"; by
  default a text is a resolution.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from unres.model import DocumentType, Header
from unres.parse import bodies
from unres.parse import header_grammar as g
from unres.parse.bodies import SECURITY_COUNCIL, Body, Numbering, longest_first
from unres.parse.dates import find_dates
from unres.parse.prefilter import Lowered
from unres.parse.vocab import MONTHS, OCR_DIGITS, ORDINAL_WORDS

__all__ = ["ADOPTION_DATE_REPAIRED", "parse_header"]

# The warning of an adoption date read through OCR damage to its month.
ADOPTION_DATE_REPAIRED = "adoption_date_ocr_repaired"

# A resolution cannot be older than the United Nations; the later bound catches OCR noise.
_FIRST_YEAR, _LAST_YEAR = 1945, 2100
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True, slots=True)
class _Number:
    """A resolution number as read from the text, before it becomes a symbol."""

    session: str | None  # "75", "ES-10", "2005" (CHR and ECOSOC number by year)
    serial: str | None  # "180"
    number: str | None  # old style "192", Security Council "1325"
    part: str | None  # "A" of "217 A (III)"
    paren: str | None  # "III" or "2021"

    @classmethod
    def of(cls, found: re.Match[str]) -> _Number:
        session = found["session"]
        return cls(
            session=_compact(session) if session else None,
            serial=found["serial"],
            number=found["number"],
            part=found["part"],
            paren=found["paren"],
        )


@dataclass(frozen=True, slots=True)
class _AdoptedBy:
    """ "Resolution adopted by the <organ>" and whether it says "Decision"."""

    found: re.Match[str]
    is_decision: bool


def parse_header(header: str, closing: str) -> Header:
    """The header fields of one resolution; an empty input gives an all-None ``Header``."""
    head, close = _plain(header), _plain(closing)
    enacting = _enacting_formula(head)
    adopted_by = _adopted_by(head) or _adopted_by(close)
    printed = _printed_symbols(head)
    organ = _read_organ(head, close, enacting, adopted_by, printed)
    meeting_number, meeting_date = _read_meeting(head, close)
    number = _number_before_title(head, enacting)
    adoption_date = _read_adoption_date(head, close, adopted_by, meeting_date, number)
    repaired = adoption_date is None and (adoption_date := _damaged_heading_date(head, number))
    heading = _heading_at_line_start(head)
    is_decision = (
        (adopted_by is not None and adopted_by.is_decision)
        or (enacting is not None and enacting.re is g.ENACTING_FORMULA_DECISION)
        or (heading is not None and heading["kind"][0] in "Dd")
    )
    symbol = _read_symbol(head, printed, organ, number, adoption_date, is_decision)
    organ = organ or _organ_of_symbol(symbol)
    is_security_council = organ == SECURITY_COUNCIL.name
    report = _read_committee_report(head)
    drafts = _read_draft_symbols(head)
    return Header(
        symbol=symbol,
        organ=organ,
        session=None if is_security_council else _read_session(head, symbol, report, drafts),
        title=None if is_security_council else _read_title(head, number, enacting),
        adoption_date=adoption_date,
        distribution_date=_read_distribution_date(head, printed),
        agenda_item=_read_agenda_item(head),
        committee_report=report,
        draft_symbols=drafts,
        plenary_meeting=_read_plenary(close) or _read_plenary(head),
        meeting_number=meeting_number,
        document_type=_read_document_type(head, symbol, is_decision),
        warnings=(ADOPTION_DATE_REPAIRED,) if repaired else (),
    )


# --- organ -------------------------------------------------------------------------------


def _enacting_formula(head: Lowered) -> re.Match[str] | None:
    """The last "The General Assembly," (web-page text before the header may name an
    organ in passing; the formula itself closes the header), else a 1940s bare one or a
    Human Rights Council decision's "At its 30th meeting, ..., the Human Rights Council"."""
    formulas = g.ENACTING_FORMULA.matches(head)
    formulas = formulas or [
        found
        for at in _line_starts(head.text)
        for formula in (g.ENACTING_FORMULA_BARE, g.ENACTING_FORMULA_DECISION)
        if (found := formula.match(head.text, at))
    ]
    return formulas[-1] if formulas else None


def _adopted_by(source: Lowered) -> _AdoptedBy | None:
    """ "Resolution/Decision adopted by the <organ>", else a bare "Adopted by the <organ>"."""
    bare: _AdoptedBy | None = None
    for found in g.ADOPTED_BY.matches(source):
        kind = _ending_at(source, g.KIND_BEFORE_ADOPTED, found.start(), g.KIND_BEFORE_ADOPTED_REACH)
        if kind:
            return _AdoptedBy(found, is_decision=kind["kind"].lower() == "decision")
        bare = bare or _AdoptedBy(found, is_decision=False)
    return bare


def _read_organ(
    head: Lowered,
    close: Lowered,
    enacting: re.Match[str] | None,
    adopted_by: _AdoptedBy | None,
    printed: list[re.Match[str]],
) -> str | None:
    """The enacting formula, else "adopted by the ...", else the printed symbol's series
    (a Human Rights Council text is issued as a General Assembly document), else the
    first organ named."""
    if enacting:
        return _organ_name(enacting["organ"])
    if adopted_by:
        return _organ_name(adopted_by.found["organ"])
    for source in (head, close):
        for adopted_at in g.ADOPTED_AT_MEETING.matches(source):
            if adopted_at["organ"]:
                return _organ_name(adopted_at["organ"])
    if printed:
        return _organ_of_symbol(_printed_symbol(printed[0]))
    return _first_organ_named(head.text) or _first_organ_named(close.text)


def _first_organ_named(text: str) -> str | None:
    """The organ named first, read on a squashed copy so that broken spacing still counts."""
    squashed = g.squashed(text)
    named = [
        (at, name)
        for key, name in g.ORGAN_BY_SQUASHED_NAME.items()
        if (at := squashed.find(key)) >= 0
    ]
    return min(named)[1] if named else None


def _organ_name(matched: str) -> str | None:
    return g.ORGAN_BY_SQUASHED_NAME.get(g.squashed(matched))


def _organ_of_symbol(symbol: str | None) -> str | None:
    body = bodies.body_of_symbol(symbol)
    return body.organ.name if body else None


def _read_document_type(head: Lowered, symbol: str | None, is_decision: bool) -> DocumentType:
    """The symbol's series, else a draft's sponsor line or own "/L." symbol, else
    "Decision adopted by" or a decision's "At its 30th meeting, ... decided"."""
    of_symbol = bodies.symbol_document_type(symbol)
    if of_symbol:
        return of_symbol
    sponsors = _sponsor_lines(head)
    if sponsors:
        return (
            "draft_decision" if sponsors[-1]["kind"].lower() == "decision" else "draft_resolution"
        )
    if symbol and g.DRAFT_SYMBOL_MARK in symbol:
        return "draft_resolution"
    return "decision" if is_decision else "resolution"


# --- meetings and dates ------------------------------------------------------------------


def _read_meeting(head: Lowered, close: Lowered) -> tuple[int | None, dt.date | None]:
    """The (non-plenary) meeting that adopted the text and the date printed with it.

    Ranked: "Adopted ... at its 8808th meeting", "At its 30th meeting", and last the
    closing line of Human Rights Council and Commission texts, "53rd meeting".
    """
    for meeting in (g.ADOPTED_AT_MEETING, g.APPROVED_AT_MEETING, g.AT_ITS_MEETING):
        for source in (head, close):
            for found in meeting.matches(source):
                number = _meeting_number(found["meeting"])
                if number:
                    return number, _date_after(source.text, found.end())
    for number, is_plenary, end in _meetings(close):
        if not is_plenary:
            return number, _date_after(close.text, end)
    return None, None


def _meeting_number(printed: str) -> int | None:
    """The number of "3217th", or of its OCR misreading "32I7th" or "321 7th": letters
    read for digits are taken as those digits only among at least two real ones."""
    digits = printed.translate(OCR_DIGITS)
    real = sum(char.isdigit() for char in printed)
    if not digits.isdigit() or (real < len(printed.replace(" ", "")) and real < 2):
        return None
    return int(digits) or None


def _read_plenary(source: Lowered) -> int | None:
    return next((number for number, is_plenary, _ in _meetings(source) if is_plenary), None)


def _meetings(source: Lowered) -> Iterator[tuple[int, bool, int]]:
    """Each "<ordinal> [plenary] meeting": its number, whether plenary, and its end."""
    for found in g.ORDINAL_BEFORE_MEETING.matches(source):
        number = _ordinal_value(found)
        if number:
            yield number, found["plenary"] is not None, found.end()


def _ordinal_value(found: re.Match[str] | None) -> int | None:
    """46 of "46th", "Forty-sixth"; 157 of "Hundred and fifty-seventh"; None for a word
    that is no ordinal."""
    if found is None:
        return None
    if found["number"]:
        return int(found["number"])
    word = g.ORDINAL_WORD_DASH.sub("-", g.WHITESPACE.sub(" ", found["word"].lower()))
    below_hundred = ORDINAL_WORDS.get(word)
    if below_hundred is None or not found["hundreds"]:
        return below_hundred
    times = found["times"]
    return 100 * (g.HUNDREDS[times.lower()] if times else 1) + below_hundred


def _read_adoption_date(
    head: Lowered,
    close: Lowered,
    adopted_by: _AdoptedBy | None,
    meeting_date: dt.date | None,
    number: re.Match[str] | None,
) -> dt.date | None:
    """Ranked: "adopted by ... on <date>", the date of the adopting meeting, the date of
    the plenary meeting line, the date of a heading ("Resolution 192 (III) extract,
    PARIS, 19 November 1948", "Resolution 243 (1967) / of 12 December 1967", "3 (1946).
    Resolution of 4 April 1946"), any date in the closing."""
    if adopted_by:
        on_date = _date_after(adopted_by.found.string, adopted_by.found.end())
        if on_date:
            return on_date
    if meeting_date:
        return meeting_date
    for source in (close, head):
        for _, is_plenary, end in _meetings(source):
            plenary_date = _date_after(source.text, end) if is_plenary else None
            if plenary_date:
                return plenary_date
    for heading in _headings(head, number):
        line_end = _end_of_line(head.text, heading.end())
        heading_date = _first_date(head.text[heading.end() : line_end])
        if heading_date:
            return heading_date
        # The date on the line under the heading: "of 12 December 1967".
        lead = g.HEADING_DATE_LEAD.match(head.text, line_end)
        under_date = _date_at(head.text, lead.end() if lead else line_end)
        if under_date:
            return under_date
    return _first_date(close.text)


def _headings(head: Lowered, number: re.Match[str] | None) -> Iterator[re.Match[str]]:
    """The number before the title ("3 (1946). Resolution of ..."), then a heading
    opening its line ("Resolution 243 (1967)")."""
    if number:
        yield number
    heading = _heading_at_line_start(head)
    if heading:
        yield heading


def _damaged_heading_date(head: Lowered, number: re.Match[str] | None) -> dt.date | None:
    """A heading's date whose month OCR damaged ("of 3 Apri] 1991"), read only when the
    heading's own year ("Resolution 687 (1991)") is the date's: then no doubt is left."""
    for heading in _headings(head, number):
        if not _is_year(heading["paren"]):
            continue
        line_end = _end_of_line(head.text, heading.end())
        window = head.text[heading.end() : _end_of_line(head.text, line_end + 1)]
        for found in g.DAMAGED_DATE.finditer(window):
            month = difflib.get_close_matches(
                found["month"].lower(), MONTHS, n=1, cutoff=g.MONTH_SIMILARITY
            )
            if month and found["year"] == heading["paren"]:
                try:
                    return dt.date(int(found["year"]), MONTHS[month[0]], int(found["day"]))
                except ValueError:  # 31 Apri] 1991
                    continue
    return None


def _read_distribution_date(head: Lowered, printed: list[re.Match[str]]) -> dt.date | None:
    """ "Distr.: General <date>", else a date printed right after the symbol."""
    distribution = next(iter(g.DISTRIBUTION.matches(head)), None)
    for anchor in (distribution, printed[0] if printed else None):
        if anchor:
            gap = g.DISTRIBUTION_GAP.match(head.text, anchor.end())
            found = _date_at(head.text, gap.end() if gap else anchor.end())
            if found:
                return found
    return None


def _date_after(text: str, position: int) -> dt.date | None:
    """The date that follows ``position`` after at most ", on" / "held on"."""
    lead = g.DATE_LEAD.match(text, position)
    return _date_at(text, lead.end() if lead else position)


def _date_at(text: str, position: int) -> dt.date | None:
    """The date starting at ``position`` (a glued "on29" is read by ``find_dates``)."""
    window = text[position : position + g.DATE_REACH]
    for date, raw in find_dates(window):
        return date if window.startswith(raw) and _plausible(date) else None
    return None


def _first_date(text: str) -> dt.date | None:
    return next((date for date, _ in find_dates(text) if _plausible(date)), None)


def _plausible(date: dt.date) -> bool:
    return _FIRST_YEAR <= date.year <= _LAST_YEAR


# --- symbol ------------------------------------------------------------------------------


def _printed_symbols(head: Lowered) -> list[re.Match[str]]:
    return g.PRINTED_SYMBOL.matches(head)


def _number_before_title(head: Lowered, enacting: re.Match[str] | None) -> re.Match[str] | None:
    """The resolution number printed before the title: the last one before the enacting
    formula (a web-page title may name it earlier), not a cited one ("resolution 60/1.")."""
    end = enacting.start() if enacting else len(head.text)
    own = [
        found
        for found in g.NUMBER_BEFORE_TITLE.matches(head)
        if found.start() < end
        and not _ending_at(head, g.CITING_WORD_BEFORE, found.start(), g.CITING_WORD_REACH)
    ]
    return own[-1] if own else None


def _read_symbol(
    head: Lowered,
    printed: list[re.Match[str]],
    organ: str | None,
    number: re.Match[str] | None,
    adoption_date: dt.date | None,
    is_decision: bool,
) -> str | None:
    """Ranked: a printed resolution symbol, the number before the title, a heading
    "Resolution N ...", a draft's own symbol at the start of a line."""
    if printed:
        return _printed_symbol(printed[0])
    if number:
        return _symbol_of_number(_Number.of(number), organ, adoption_date, is_decision)
    for heading in _ranked_headings(head):
        symbol = _symbol_of_number(_Number.of(heading), organ, adoption_date, is_decision)
        if symbol:
            return symbol
    # Only a draft, a limited-distribution document, prints a draft symbol as its own.
    if g.LIMITED_DISTRIBUTION in head.lower:
        draft = g.LINE_START_DRAFT_SYMBOL.search(head.text)
        if draft:
            return _compact(draft["symbol"])
    return None


def _ranked_headings(head: Lowered) -> list[re.Match[str]]:
    """Headings that may name this resolution, those giving a year or session first.

    A lower-case "resolution 60/251" is a citation (in a title, say), unless it opens
    its line ("Commission on Human Rights resolution 2003/12"); only the Security
    Council's "resolution 2403 (2018)" is written that way in running text about itself.
    """
    headings = [
        heading
        for heading in g.RESOLUTION_HEADING.matches(head)
        if heading.group(0)[0] in "RD" or _is_year(heading["paren"]) or _opens_line(head, heading)
    ]
    return sorted(headings, key=lambda heading: heading["paren"] is None)


def _heading_at_line_start(head: Lowered) -> re.Match[str] | None:
    return next(
        (heading for heading in g.RESOLUTION_HEADING.matches(head) if _opens_line(head, heading)),
        None,
    )


def _opens_line(head: Lowered, heading: re.Match[str]) -> bool:
    """Nothing but the organ's name (or the OHCHR's "Human Rights") before it on its line."""
    line_start = head.text.rfind("\n", 0, heading.start()) + 1
    before = head.text[line_start : heading.start()].strip()
    return not before or g.HEADING_PREFIX.fullmatch(before) is not None


def _is_year(paren: str | None) -> bool:
    return paren is not None and paren.isdigit()


def _printed_symbol(found: re.Match[str]) -> str:
    series = _compact(found["series"])
    if found["serial"]:
        return f"{series}/{found['kind']}/{_compact(found['session'])}/{found['serial']}"
    part = f" {found['part']}" if found["part"] else ""
    return f"{series}/{found['kind']}/{found['number']}{part} ({found['paren']})"


def _symbol_of_number(
    number: _Number, organ: str | None, adoption_date: dt.date | None, is_decision: bool
) -> str | None:
    """The official symbol of a number as the organ numbers its resolutions (an unnamed
    organ: the first in the table that numbers so)."""
    if number.session and number.serial:
        series = _series_of_organ(organ, is_decision)
        return f"{series}/{number.session}/{number.serial}" if series else None
    if number.number is None:
        return None
    is_year = _is_year(number.paren)
    if organ is not None or is_year:
        by_year = _numbering_body(Numbering.NUMBER_YEAR, organ)
        if by_year:
            year = number.paren if is_year else (str(adoption_date.year) if adoption_date else None)
            series = by_year.series["resolution"]
            return f"{series}/{number.number} ({year})" if year else None
    by_session = _numbering_body(Numbering.NUMBER_ROMAN_SESSION, organ)
    if number.paren and not is_year and by_session:
        part = f" {number.part}" if number.part else ""
        return f"{by_session.series['resolution']}/{number.number}{part} ({number.paren})"
    return None


def _numbering_body(numbering: Numbering, organ: str | None) -> Body | None:
    """The organ when it numbers so; when it is unknown, the first organ that does."""
    if organ is not None:
        body = bodies.body_named(organ)
        return body if body and numbering in body.numbering else None
    return next((body for body in bodies.ORGANS if numbering in body.numbering), None)


def _series_of_organ(organ: str | None, is_decision: bool) -> str | None:
    """Symbol series of an organ that numbers by session (or year) and serial."""
    body = _numbering_body(Numbering.SESSION, organ) or _numbering_body(Numbering.YEAR, organ)
    return body.series.get("decision" if is_decision else "resolution") if body else None


# --- session, title, agenda item, report, drafts -----------------------------------------


def _read_session(
    head: Lowered, symbol: str | None, report: str | None, drafts: tuple[str, ...]
) -> int | None:
    """The symbol's session, else "Seventy-fifth session", else a GA document's.

    The symbol first: an agenda title may name another session ("... outcome of the
    twenty-sixth session"), which would win were the session line lost.
    """
    from_symbol = _session_of_symbol(symbol) if symbol else None
    if from_symbol:
        return from_symbol
    for found in g.ORDINAL_BEFORE_SESSION.matches(head):
        session = _ordinal_value(found)
        if session:
            return session
    for document in (report, *drafts):
        of_document = g.GA_SESSION_OF_DOCUMENT.match(document or "")
        if of_document:
            return int(of_document.group(1))
    return None


def _session_of_symbol(symbol: str) -> int | None:
    """75 of A/RES/75/180, A/HRC/RES/31/12 or A/C.3/75/L.5, 3 of A/RES/192 (III) and 44
    of ECOSOC's E/RES/1296 (XLIV): the symbols of bodies numbering by session. CHR and
    ECOSOC numbers of later years start with a year (as did the Human Rights Council's
    of 2006), and emergency special sessions are not sessions."""
    body = bodies.body_of_symbol(symbol)
    roman = g.ROMAN_IN_PARENTHESES_AT_END.search(symbol)
    if body is not None and roman and Numbering.NUMBER_ROMAN_SESSION in body.numbering:
        return _roman_value(roman.group(1))
    if body is None or Numbering.SESSION not in body.numbering:
        return None
    series = next(s for s in longest_first(body.series.values()) if symbol.startswith(s + "/"))
    session = symbol[len(series) + 1 :].split("/", 1)[0]
    return int(session) if session.isdigit() and int(session) < _FIRST_YEAR else None


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[char] for char in numeral]
    following = [*values[1:], 0]
    pairs = zip(values, following, strict=True)
    return sum(-value if value < after else value for value, after in pairs)


def _read_title(
    head: Lowered, number: re.Match[str] | None, enacting: re.Match[str] | None
) -> str | None:
    """The text between the title's anchor and the enacting formula, lines joined.

    Anchors, in order: the number before the title ("75/180."), a draft's sponsor line,
    a heading line opening with "Resolution N" (its whole line is the heading, unless a
    colon sets the title after it: "Human Rights Resolution 2005/17: Question of ...").
    """
    start = number.end() if number else _title_start_without_number(head)
    if start is None:
        return None
    end = enacting.start() if enacting and enacting.start() >= start else len(head.text)
    end = _end_of_title_text(head.text, start, end)
    title = g.WHITESPACE.sub(" ", g.BROKEN_HYPHEN.sub("-", head.text[start:end])).strip()
    placeholder = g.NUMBER_PLACEHOLDER.match(title)
    if placeholder:  # a draft's "31/... Title": its number is given on adoption
        title = title[placeholder.end() :]
    if title and g.CUT_TITLE_ENDING.search(title):
        return _completed_title(title, head.text[:start]) or title
    return title or None


_NON_SPACE = re.compile(r"\S+")
_TITLE_CONTINUATION = re.compile(g.TITLE_CONTINUATION)


def _end_of_title_text(text: str, start: int, end: int) -> int:
    """Where the title's text ends short of ``end``: at a part letter's line, or at a
    sentence-shaped paragraph after the title's first one (see ``PART_LETTER_LINE``)."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return end
    part = g.PART_LETTER_LINE.search(text, _end_of_line(text, first.start()), end)
    end = part.start() if part else end
    for block_break in g.TITLE_BLOCK_BREAK.finditer(text, first.start(), end):
        following = g.TITLE_BLOCK_BREAK.search(text, block_break.end(), end)
        if g.SENTENCE_BLOCK.match(text, block_break.end(), following.start() if following else end):
            return block_break.start()
    return end


def _completed_title(cut: str, before: str) -> str | None:
    """The whole title, when the title line was cut short ("... Disarmament and").

    A sub-item's agenda title usually is the resolution's title, printed whole
    earlier in the header: find the cut title there and read on to the end of
    that line (or to the next header element when the lines were merged).
    """
    end = _end_of_words(cut.split(), before)
    if end is None:
        return None
    rest = _TITLE_CONTINUATION.match(before, end)
    if rest is None or not rest["rest"].strip():
        return None
    return g.WHITESPACE.sub(" ", f"{cut} {rest['rest']}").strip()


def _end_of_words(words: list[str], text: str) -> int | None:
    """Where the first occurrence in ``text`` of ``words``, separated by any whitespace,
    ends (the first word may end another, the last begin one); None when absent.

    A literal search in the text with its whitespace runs made single spaces: a
    pattern of the words, tried at every position, is quadratic in a long title.
    """
    tokens = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text)]
    if not words or not tokens:
        return None
    collapsed = " ".join(text[start:end] for start, end in tokens)
    at = collapsed.find(" ".join(words))
    if at < 0:
        return None
    # The token holding the match's last character, and where in it the match ends.
    last = at + len(" ".join(words)) - 1
    starts = list(itertools.accumulate((end - start + 1 for start, end in tokens), initial=0))
    token = bisect.bisect_right(starts, last) - 1
    return tokens[token][0] + (last - starts[token]) + 1


def _title_start_without_number(head: Lowered) -> int | None:
    sponsors = _sponsor_lines(head)
    if sponsors:
        return sponsors[-1].end()
    heading = _heading_at_line_start(head)
    if heading is None:
        return None
    colon = g.TITLE_AFTER_HEADING.match(head.text, heading.end())
    return colon.end() if colon else _end_of_line(head.text, heading.end())


def _sponsor_lines(head: Lowered) -> list[re.Match[str]]:
    """What names a draft and its sponsors: "Egypt: draft resolution", a line opening
    "Draft resolution submitted by the Chair ...", "Denmark: amendment to draft
    resolution A/C.2/80/L.13"."""
    found = []
    for draft in g.DRAFT_LINE.matches(head):
        at = draft.start()
        if draft["submitted"]:
            opens_line = head.text[head.text.rfind("\n", 0, at) + 1 : at].strip() == ""
            if opens_line:
                found.append(draft)
        elif _ending_at(head, g.SPONSORS_BEFORE_DRAFT, at, g.SPONSORS_BEFORE_DRAFT_REACH):
            found.append(draft)
    return found


def _read_agenda_item(head: Lowered) -> str | None:
    found = next(iter(g.AGENDA.matches(head)), None)
    if found is None:
        return None
    items = g.AGENDA_SUB_ITEM_SPACING.sub(r" (\1)", found["items"].strip())
    return g.AGENDA_SEPARATOR_SPACING.sub(
        lambda separator: ", " if "," in separator.group(0) else " and ", items
    )


def _read_committee_report(head: Lowered) -> str | None:
    for phrase in g.REPORT_OF.matches(head):
        if _ending_at(head, g.ON_THE_BEFORE_REPORT, phrase.start(), g.ON_THE_BEFORE_REPORT_REACH):
            return next(iter(_symbols_in_parentheses(head.text, phrase.end())), None)
    return None


def _read_draft_symbols(head: Lowered) -> tuple[str, ...]:
    """The drafts of "[without reference to a Main Committee (A/79/L.12)]", else of a
    printed volume's bracketed line under the heading ("[S/4465]", "(S/3139/Rev.2]") or
    of a draft's sponsor line (the draft it replaces or amends)."""
    phrase = next(iter(g.WITHOUT_COMMITTEE.matches(head)), None)
    if phrase is not None:
        return tuple(dict.fromkeys(_symbols_in_parentheses(head.text, phrase.end())))
    drafts = [found["inside"] for found in g.BRACKETED_DRAFT_LINE.finditer(head.text)]
    # A draft's line names the draft it replaces or amends: "..., on the basis of informal
    # consultations on draft resolution A/C.2/80/L.2", "amendment to draft resolution ...".
    drafts += [line["submitted"] or line["amended"] or "" for line in _sponsor_lines(head)]
    symbols = (
        _compact(one.group(0)) for inside in drafts for one in g.DOCUMENT_SYMBOL.finditer(inside)
    )
    return tuple(dict.fromkeys(symbols))


def _symbols_in_parentheses(text: str, position: int) -> list[str]:
    """Document symbols in the run of parenthesised groups starting at ``position``."""
    symbols: list[str] = []
    group = g.PAREN_GROUP.match(text, position)
    while group:
        inside = group["inside"]
        symbols += [_compact(found.group(0)) for found in g.DOCUMENT_SYMBOL.finditer(inside)]
        group = g.PAREN_GROUP.match(text, group.end())
    return symbols


# --- small helpers -----------------------------------------------------------------------


def _plain(raw: str) -> Lowered:
    """``raw`` with the characters ``PLAIN_FORMS`` changes in their plain form."""
    # Most texts hold none of them: a search spares them translate()'s copy.
    return Lowered.of(raw.translate(g.PLAIN_FORMS) if g.NOT_PLAIN.search(raw) else raw)


def _ending_at(
    source: Lowered, pattern: re.Pattern[str], end: int, reach: int
) -> re.Match[str] | None:
    """The match of a ``\\Z``-ended pattern ending at ``end``, within ``reach`` before it."""
    return pattern.search(source.text, max(0, end - reach), end)


def _compact(text: str) -> str:
    """A symbol or number with the converter's stray spaces removed."""
    return g.WHITESPACE.sub("", text)


def _line_starts(text: str) -> Iterator[int]:
    yield 0
    at = text.find("\n")
    while at >= 0:
        yield at + 1
        at = text.find("\n", at + 1)


def _end_of_line(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
