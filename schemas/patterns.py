"""The text formats the schemas check, as regular expressions.

Polars runs these with Rust's ``regex`` crate, where ``\\d`` and ``\\s`` are Unicode
classes; ASCII classes are spelled out so "٣" or a non-breaking space never passes
for a digit or a space in a symbol. Every pattern is anchored.

The symbol patterns are permissive on purpose: a release is refused when one value
fails, so they describe the real families of UN symbols (old Roman-numbered
sessions, special and emergency special sessions, lettered parts) rather than only
the modern form. The families are generated from the parser's table of UN bodies,
so a body or numbering scheme added there is accepted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from unres.parse.bodies import BODIES, DRAFT_TYPES, Body, Numbering

_ROMAN_SESSION = r"\((?:ES-|S-)?[IVXLC]+\)"
_LETTERED_PART = r"(?: ?[A-Z](?:-[A-Z])?)?"

# How each numbering scheme of the bodies table (unres.parse.bodies) is written in a
# symbol: "75/180", "ES-10/19", "60/251 B"; "2019/4"; "1325 (2000)"; "217 A (III)",
# "3201 (S-VI)".
_NUMBER_OF: dict[Numbering, str] = {
    Numbering.SESSION: rf"(?:ES-|S-)?[0-9]{{1,3}}/[0-9]{{1,4}}{_LETTERED_PART}",
    Numbering.YEAR: rf"[0-9]{{4}}/[0-9]{{1,4}}{_LETTERED_PART}",
    Numbering.NUMBER_YEAR: r"[0-9]{1,5} \([0-9]{4}\)",
    Numbering.NUMBER_ROMAN_SESSION: (
        rf"[0-9]{{1,4}}{_LETTERED_PART} ?{_ROMAN_SESSION}{_LETTERED_PART}"
    ),
}
# What a draft's symbol carries after its series: "80/L.12", "2019/L.3/Rev.1", "ES-10/L.22".
_DRAFT_SESSION_OF: dict[Numbering, str] = {
    Numbering.SESSION: r"(?:ES-|S-)?[0-9]{1,3}",
    Numbering.YEAR: r"[0-9]{4}",
}
_DRAFT_NUMBER = r"/L\.[0-9]{1,4}(?:/(?:Rev|Add|Corr)\.[0-9]{1,2})*"


def _symbol_forms(body: Body) -> Iterator[str]:
    for kind, series in body.series.items():
        for numbering in body.numbering:
            if kind in DRAFT_TYPES:
                session = _DRAFT_SESSION_OF.get(numbering)
                if session:
                    yield f"{re.escape(series)}/{session}{_DRAFT_NUMBER}"
            else:
                yield f"{re.escape(series)}/{_NUMBER_OF[numbering]}"


UN_SYMBOL = "^(?:" + "|".join(dict.fromkeys(f for b in BODIES for f in _symbol_forms(b))) + ")$"
"""The official symbol of a resolution, decision, draft resolution or draft decision of
any body in the bodies table, in each of its numbering schemes: "A/RES/75/180",
"S/RES/1325 (2000)", "A/HRC/DEC/31/117", "E/CN.4/RES/2003/12", "A/RES/2625 (XXV)",
"A/C.1/80/L.12", "E/2019/L.3/Rev.1"."""

RESOLUTION_NUMBER = (
    r"^(?:(?:ES-|S-)?[0-9]{1,4}(?:/[0-9]{1,4})?"
    rf"{_LETTERED_PART}(?: ?{_ROMAN_SESSION}| ?\([0-9]{{4}}\))?{_LETTERED_PART})$"
)
"""A resolution or decision number as texts cite it: "70/1", "217 A (III)", "1325 (2000)"."""

DOCUMENT_SYMBOL = r"^[A-Z][A-Za-z0-9.]*/[^\s/](?:[^\n]*[^\s])?$"
"""Any UN document symbol: a series ("A", "E/CN.4", "A/CONF.157") then "/" parts.

Kept loose because the series are many and symbols carry suffixes as written
("A/CONF.157/24 (Part I)", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"); it still refuses
leading or trailing blanks, line breaks and values that are not symbols at all.
"""

SHA256_HEX = r"^[0-9a-f]{64}$"

SHORT_CODE = r"^[a-z][a-z0-9_]*(?::[^\n]*)?$"
"""A snake_case code, optionally followed by ":" and a one-line detail."""

SINGLE_LINE = r"^[^\n]*$"
