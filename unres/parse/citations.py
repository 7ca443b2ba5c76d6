"""Resolutions, decisions and document symbols cited in a piece of text.

Reading conventions (CONTRACT.md, "citations"), and the choices made where it is silent:

* A resolution number counts only after "resolution(s)"/"decision(s)", or inside the
  list such a word opens ("resolutions 41/60 J of 3 December 1986, 42/39 K … and 43/76
  H"), or as a printed resolution symbol. That keeps reporting periods, page numbers,
  UNFCCC (``2/CMA.1``), WHA (``72.2``) and IAEA (``GC(69)/RES/7``) numbers out.
* Values are the number as written, spacing normalised: ``70/1``, ``41/60 J``,
  ``217 A (III)``, ``2625 (XXV)``, ``S-24/2``, and for the Security Council ``1325
  (2000)`` with its year when the year is printed (a year on the next line is joined),
  ``1820`` when it is not. A bare number (no slash, no year) is read only where the
  Security Council is meant: the text names it, the citing document is a Council
  resolution, or a sibling in the same list carries a year.
* A printed resolution symbol (``A/RES/70/1``, ``S/RES/1325 (2000)``,
  ``A/HRC/RES/44/18``) is a citation of kind ``resolution`` with the number as value,
  so it matches the same citation written as "resolution 70/1"; ``A/DEC/…`` likewise
  gives kind ``decision``.
* The citing document itself, its committee report and its drafts (``own_symbols``) are
  never listed, whichever way they are written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from unres.model import CitationKind
from unres.parse.bodies import (
    GENERAL_ASSEMBLY,
    HUMAN_RIGHTS_COUNCIL,
    SECURITY_COUNCIL,
    body_named,
    with_series,
)
from unres.parse.symbols import (
    BARE_NUMBER_END,
    BODY_PHRASES_BY_LAST_WORD,
    BODY_WINDOW,
    CITATION_KEYWORD,
    LIST_CONTINUATION,
    NON_UN_BODY,
    NON_UN_BODY_AFTER,
    OWN_BODY,
    POSSESSIVE_ENDINGS,
    RESOLUTION_NUMBER,
    SHARED_SHORT_NAME,
    SYMBOL,
    SYMBOL_HYPHEN,
    SYMBOL_QUALIFIER_SPACING,
    SYMBOLS,
)

__all__ = ["CitationMatch", "find_citation_matches", "find_citations", "resolve_symbol"]

_BODY_OF_SYMBOL_ORGAN = {
    body.prefix: body.name for body in with_series("resolution") if body.prefix is not None
}
_SERIES: dict[CitationKind, dict[str, str]] = {
    kind: {body.name: f"{body.series[kind]}/" for body in with_series(kind)}
    for kind in ("resolution", "decision")
}
# Numbering by calendar year ("1996/31", "2000/22") is ECOSOC's and its commissions';
# numbering by session ("70/1", "44/18") is the Assembly's and the Human Rights Council's.
_FIRST_YEAR_NUMBERING = 1946

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class CitationMatch:
    """One citation with its position and, when the text says, the body that adopted it."""

    kind: CitationKind
    value: str
    raw: str
    start: int
    body: str | None = None


class _NumberReading(NamedTuple):
    value: str
    # What identifies the resolution: the value, but a Council number without its year.
    identity: str
    bare: bool
    security_council: bool


class _OwnDocument(NamedTuple):
    organ: str | None
    # (kind, identity, body) of the document's own resolution or decision number.
    resolutions: frozenset[tuple[str, str, str]]
    # Whitespace-free forms of every own symbol.
    symbols: frozenset[str]


def find_citations(text: str, *, own_symbols: set[str]) -> list[tuple[CitationKind, str, str]]:
    """Every citation in ``text`` as (kind, value, raw), in order of occurrence."""
    return [(m.kind, m.value, m.raw) for m in find_citation_matches(text, own_symbols=own_symbols)]


def find_citation_matches(text: str, *, own_symbols: Iterable[str]) -> list[CitationMatch]:
    """Every citation in ``text`` with its position and body, in order."""
    keywords = CITATION_KEYWORD.matches(text)
    symbols = SYMBOLS.matches(text)
    if not keywords and not symbols:
        return []
    own = _read_own_symbols(frozenset(own_symbols))
    found = [*_keyword_citations(text, keywords, own), *_symbol_citations(symbols, own)]
    found.sort(key=lambda match: match.start)
    return found


def resolve_symbol(
    kind: str, value: str, organ: str | None, *, body: str | None = None
) -> str | None:
    """The full symbol a citation points to, or None where the value alone cannot tell.

    ``organ`` is the citing document's organ; ``body`` what the text says adopted the
    cited resolution (``CitationMatch.body``): "Human Rights Council resolution 44/18"
    is ``A/HRC/RES/44/18``, while a bare "44/18" is taken for the Assembly's. Symbols
    follow the form of ``documents.symbol``: ``A/RES/70/1``, ``A/RES/217 A (III)``,
    ``S/RES/1325 (2000)`` (``S/RES/1820`` when no year is printed), ``A/DEC/75/555``.
    Numbers by calendar year ("2000/22", "1996/31": ECOSOC or one of its commissions)
    stay None unless ``body`` names the body.
    """
    if kind == "document":
        return value
    number = RESOLUTION_NUMBER.fullmatch(value)
    if number is None:
        return None
    if number["sc"] or number["bare"]:
        return f"{SECURITY_COUNCIL.series['resolution']}/{value}" if kind == "resolution" else None
    body = body or _default_body(number, organ)
    series = _SERIES["decision" if kind == "decision" else "resolution"].get(body or "")
    return series + value if series else None


# --- citations after "resolution(s)" / "decision(s)" -------------------------------------


def _keyword_citations(
    text: str, keywords: list[re.Match[str]], own: _OwnDocument
) -> Iterator[CitationMatch]:
    consumed = 0
    for keyword in keywords:
        if keyword.start() < consumed:
            continue
        items = _read_list(text, keyword.end())
        consumed = items[-1].end() if items else keyword.end()
        body, non_un = _body_before(text, keyword.start(), own.organ)
        if non_un:
            continue
        kind: CitationKind = "decision" if keyword["keyword"][0] in "dD" else "resolution"
        readings = [_read_number(item) for item in items]
        in_council_list = any(r.security_council and not r.bare for r in readings)
        for item, reading in zip(items, readings, strict=True):
            if NON_UN_BODY_AFTER.match(text, item.end()):
                continue
            if reading.bare and not _bare_number_is_council(
                reading, body, own.organ, in_council_list
            ):
                continue
            if kind == "decision" and reading.security_council:
                continue  # the Security Council does not number decisions
            item_body = SECURITY_COUNCIL.name if reading.security_council else body
            if _is_own(kind, reading, item_body, own):
                continue
            yield CitationMatch(kind, reading.value, item.group(0), item.start(), item_body)


def _read_list(text: str, start: int) -> list[re.Match[str]]:
    """The numbers of the list a keyword opens: "resolutions 51/53 of … and 56/17"."""
    items: list[re.Match[str]] = []
    at = start
    while item := RESOLUTION_NUMBER.match(text, at):
        if item["bare"] and not BARE_NUMBER_END.match(text, item.end()):
            break
        items.append(item)
        separator = LIST_CONTINUATION.match(text, item.end())
        if separator is None:
            break
        at = separator.end()
    return items


def _bare_number_is_council(
    reading: _NumberReading, body: str | None, organ: str | None, in_council_list: bool
) -> bool:
    # One-digit numbers are conference resolutions ("resolution 1, annexes I and II").
    if len(reading.value) < 2:
        return False
    if body == SECURITY_COUNCIL.name or in_council_list:
        return True
    # Unnamed: the Council's own texts cite its numbers bare; where the citing organ is
    # unknown only a number in the Council's range (hundreds on) is taken.
    return body is None and (
        organ == SECURITY_COUNCIL.name or (organ is None and len(reading.value) >= 3)
    )


def _body_before(text: str, keyword_start: int, organ: str | None) -> tuple[str | None, bool]:
    """(body named just before the keyword, whether that body is outside the UN)."""
    window = text[max(0, keyword_start - BODY_WINDOW) : keyword_start]
    # Hyphens unified: "Sub-Commission" may come with a non-breaking one.
    words = SYMBOL_HYPHEN.sub("-", window).split()
    if not words:
        return None, False
    last = words[-1].removesuffix(POSSESSIVE_ENDINGS[0]).removesuffix(POSSESSIVE_ENDINGS[1])
    candidates = BODY_PHRASES_BY_LAST_WORD.get(last)
    if candidates is None:
        return None, False
    before = " " + " ".join([*words[:-1], last])
    named = next((entry for entry in candidates if before.endswith(" " + entry[0])), None)
    if named is None:
        return None, False
    phrase, body = named
    if body == NON_UN_BODY:
        return None, True
    if body == OWN_BODY:
        return organ, False
    if body == SHARED_SHORT_NAME:
        citing = body_named(organ)
        is_called_so = citing is not None and phrase in citing.short_names
        return (organ if is_called_so and organ in _SERIES["resolution"] else None), False
    return body, False


# --- printed symbols ------------------------------------------------------------------------


def _symbol_citations(symbols: list[re.Match[str]], own: _OwnDocument) -> Iterator[CitationMatch]:
    for symbol in symbols:
        raw = symbol.group(0)
        if _symbol_key(raw) in own.symbols:
            continue
        if symbol["res_organ"]:
            kind: CitationKind = "decision" if symbol["res_type"] == "DEC" else "resolution"
            body = _BODY_OF_SYMBOL_ORGAN[symbol["res_organ"]]
            number = RESOLUTION_NUMBER.fullmatch(symbol["res_number"])
            if number is None:
                continue
            reading = _read_number(number)
            if not _is_own(kind, reading, body, own):
                yield CitationMatch(kind, reading.value, raw, symbol.start(), body)
        elif any(c.isdigit() for c in raw):
            yield CitationMatch("document", normalise_document_symbol(raw), raw, symbol.start())


def normalise_document_symbol(raw: str) -> str:
    """The symbol's value: converter spaces removed ("A/75/ 381/Add. 1" -> "A/75/381/Add.1"),
    hyphens unified, a qualifier spaced as "(Part I)"."""
    qualifier = SYMBOL_QUALIFIER_SPACING.search(raw)
    core = raw[: qualifier.start()] if qualifier else raw
    value = SYMBOL_HYPHEN.sub("-", _WHITESPACE.sub("", core))
    return f"{value} ({qualifier[1]} {qualifier[2]})" if qualifier else value


# --- numbers and the citing document --------------------------------------------------------


def _read_number(number: re.Match[str]) -> _NumberReading:
    if number["special"]:
        special = SYMBOL_HYPHEN.sub("-", number["special"])
        return _NumberReading(special, special, False, False)
    if number["slash"]:
        part = number["slash_part"]
        value = f"{number['slash']} {part}" if part else number["slash"]
        return _NumberReading(value, value, False, False)
    if number["old"]:
        part = number["old_part"]
        value = f"{number['old']} {part}" if part else number["old"]
        value = f"{value} ({number['roman']})"
        return _NumberReading(value, value, False, False)
    if number["sc"]:
        return _NumberReading(f"{number['sc']} ({number['year']})", number["sc"], False, True)
    return _NumberReading(number["bare"], number["bare"], True, True)


def _default_body(number: re.Match[str], organ: str | None) -> str | None:
    """The body a number belongs to when the text does not name one."""
    if number["old"]:
        return GENERAL_ASSEMBLY.name
    first = int((number["slash"] or "0").split("/")[0])
    if first >= _FIRST_YEAR_NUMBERING:
        return None
    # Session numbering is shared by the Assembly and the Human Rights Council: inside a
    # Council text an unnamed one could be either.
    return None if organ == HUMAN_RIGHTS_COUNCIL.name else GENERAL_ASSEMBLY.name


def _is_own(kind: str, reading: _NumberReading, body: str | None, own: _OwnDocument) -> bool:
    return any(
        (own_kind, own_identity) == (kind, reading.identity) and body in (None, own_body)
        for own_kind, own_identity, own_body in own.resolutions
    )


def _symbol_key(symbol: str) -> str:
    return _WHITESPACE.sub("", symbol.replace("\\", ""))


# A document's pieces (header, each paragraph, each footnote) share one set of symbols.
@functools.lru_cache(maxsize=256)
def _read_own_symbols(own_symbols: frozenset[str]) -> _OwnDocument:
    organ: str | None = None
    resolutions: set[tuple[str, str, str]] = set()
    symbols: set[str] = set()
    for own_symbol in own_symbols:
        symbols.add(_symbol_key(own_symbol))
        symbol = SYMBOL.fullmatch(own_symbol.strip())
        if symbol is None or not symbol["res_organ"]:
            continue
        number = RESOLUTION_NUMBER.fullmatch(symbol["res_number"])
        if number is None:
            continue
        body = _BODY_OF_SYMBOL_ORGAN[symbol["res_organ"]]
        kind = "decision" if symbol["res_type"] == "DEC" else "resolution"
        resolutions.add((kind, _read_number(number).identity, body))
        organ = organ or body
    return _OwnDocument(organ, frozenset(resolutions), frozenset(symbols))
