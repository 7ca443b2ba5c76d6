"""The grammar of UN citations, as compiled patterns only (the logic is in ``citations``).

Three families of tokens:

* **document symbols** — ``A/75/53``, ``A/CONF.157/24 (Part I)``, joint symbols
  ``A/79/552-S/2024/767``, broken ones ``A/75/ 381/Add. 1``. A symbol starts with a
  known series prefix (``A``, ``S``, ``E``, ``ST``, ``NPT``, treaty bodies …) so that
  ``HIV/AIDS``, ``and/or`` or IAEA ``GC(69)/RES/7`` never look like one.
* **resolution symbols** — ``A/RES/70/1``, ``S/RES/1325 (2000)``, ``A/HRC/RES/44/18``,
  ``A/DEC/75/555``: document symbols whose number is a resolution or decision number.
* **resolution numbers after a keyword** — ``resolution 70/1``, ``resolutions 41/60 J
  of 3 December 1986, 42/39 K …``, ``resolution 217 A (III)``, ``resolution 1325
  (2000)``, ``decision 75/555``. A number is only read as a citation after the word
  "resolution(s)" or "decision(s)" (or inside the list that word opens), which is what
  keeps reporting periods (``2022/23``), page numbers (``3/7``), UNFCCC decisions
  (``2/CMA.1``) and WHA resolutions (``72.2``) out.

Patterns are written for the standard ``re`` module: none needs a feature of ``regex``.
The scans are declared with the literals their matches need (see ``prefilter``): a
keyword opens with "resolution" or "decision", a symbol holds a "/".
"""

from __future__ import annotations

import re
import string

from unres.parse.bodies import (
    ADOPTED_TYPES,
    BODIES,
    SERIES_MARKS,
    Body,
    Kind,
    adopted_type_words_pattern,
    names_pattern,
    number_pattern,
    numbering_of,
    prefixes_pattern,
    with_series,
)
from unres.parse.prefilter import AtKeyword, FromWordBefore

# Hyphen, Unicode hyphen, non-breaking hyphen, en dash: escaped for use inside [...].
_HYPHENS = "\\-\u2010\u2011\u2013"

# First element of a UN (or UN-serviced treaty body / conference) document symbol.
_SERIES_PREFIX = (
    r"(?:A|S|E|T|ST|DP|UNEP|TD|ECE|UNW|PBC|JIU|HRI|SPLOS|ISBA|ICCD|FCCC|NPT|BWC|CCW|APLC"
    r"|TPNW|CD|CEDAW|CERD|CCPR|CAT|CRC|CRPD|CMW|CED|CTOC|CAC)"
)

# One "/"-separated element: 75, CONF.157, Sub.2, Add.1, L.12, C.3, ES-10, and the
# converter-broken "Add. 1" (a space is tolerated only after a letter element's dot).
_SYMBOL_ELEMENT = (
    rf"(?:E?S[{_HYPHENS}][0-9]+|[0-9]+|[A-Z][A-Za-z]*)"
    r"(?:\.(?:(?<=[A-Za-z]\.)[ ](?=[0-9]))?[0-9A-Z][0-9A-Za-z]*)*"
)
# "A/75/ 381": a space after a slash is tolerated only before a number.
_SYMBOL_CORE = rf"{_SERIES_PREFIX}(?:/(?:[ ](?=[0-9]))?{_SYMBOL_ELEMENT})+"
# Part and volume qualifiers belong to the symbol; Markdown may escape the brackets.
_SYMBOL_QUALIFIER = r"(?:[ ]?\\?\((?:Part|PART|Vol\.|VOL\.)[ ]?[IVX0-9]+\\?\))"
_DOCUMENT_SYMBOL = (
    rf"{_SYMBOL_CORE}(?:[{_HYPHENS}](?={_SERIES_PREFIX}/){_SYMBOL_CORE})*{_SYMBOL_QUALIFIER}?"
)

_RESOLUTION_SERIES = with_series("resolution")
# The number part of a resolution symbol: 70/1, S-24/2, ES-10/19, 2403 (2018), 217 A (III).
_RESOLUTION_NUMBER = number_pattern(
    numbering_of(_RESOLUTION_SERIES), gap="", paren_gap="[ ]?", hyphen=f"[{_HYPHENS}]", bare=True
)
_RESOLUTION_SYMBOL = (
    rf"(?P<res_organ>{prefixes_pattern(_RESOLUTION_SERIES)})"
    rf"/(?P<res_type>{'|'.join(SERIES_MARKS.values())})/(?P<res_number>{_RESOLUTION_NUMBER})"
)

# A symbol never starts in the middle of a word, a number or another symbol: it starts
# the word that runs up to its first "/".
SYMBOL = re.compile(
    rf"(?<![A-Za-z0-9/.{_HYPHENS}])(?:{_RESOLUTION_SYMBOL}|(?P<document>{_DOCUMENT_SYMBOL}))"
)
SYMBOLS = FromWordBefore(SYMBOL, "/", word=frozenset(string.ascii_letters + string.digits + "."))

SYMBOL_HYPHEN = re.compile(f"[{_HYPHENS}]")
SYMBOL_QUALIFIER_SPACING = re.compile(r"\s*\\?\(\s*(Part|PART|Vol\.|VOL\.)\s*([IVX0-9]+)\\?\)")

# A resolution or decision number, as printed after the keyword. Alternatives, in order:
#   special session     S-24/2, ES-10/19
#   session/number      70/1, 2000/22, 41/60 J, 60/251 B  (not 2/CMA.1, not 75/381/Add.1)
#   old GA / ECOSOC     217 A (III), 2625 (XXV), 1235 (XLII)
#   Security Council    1325 (2000)  (the year may sit on the next line)
#   bare number         1820 in "resolutions 1325 (2000) and 1820"  (not 72.2, not 2/CMA.1)
RESOLUTION_NUMBER = re.compile(
    rf"(?P<special>E?S[{_HYPHENS}][0-9]{{1,2}}/[0-9]{{1,3}})(?![0-9]|[/.][0-9A-Za-z])"
    r"|(?P<slash>[0-9]{1,4}/[0-9]{1,4})(?![0-9]|[/.][0-9A-Za-z])"
    r"(?:[ ](?P<slash_part>[A-Z])(?![A-Za-z0-9/]|\.[0-9A-Za-z]))?"
    r"|(?P<old>[0-9]{1,4})(?:[ ]?(?P<old_part>[A-Z]))?[ ]?\((?P<roman>[IVXL]+)\)"
    r"|(?P<sc>[0-9]{1,4})\s{0,6}\((?P<year>(?:19[4-9]|20[0-9])[0-9])\)"
    r"|(?P<bare>[0-9]{1,4})(?![0-9/]|[.,][0-9]|\s*\()"
)

# "resolution", "Resolutions", "DECISION" … directly followed by a number.
CITATION_KEYWORD = AtKeyword(
    re.compile(
        rf"(?<![A-Za-z])(?P<keyword>(?:{adopted_type_words_pattern()})[sS]?)"
        # No space at all when a converter ran the words together ("resolution70/1").
        rf"\s*(?:No\.\s?)?(?=[0-9]|E?S[{_HYPHENS}][0-9])"
    ),
    *ADOPTED_TYPES,
    case_blind=True,
)

_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# What may follow one number of a list before the next: its date (a footnote digit may be
# glued to the year), title or annex.
_ITEM_DATE = (
    rf"\s+of\s+(?:[0-9]{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+[0-9]{{1,2}},?)"
    r"\s+[0-9]{4}(?:[0-9]{1,2}(?![0-9]))?"
)
_ITEM_TITLE = r",?\s+entitled\s+[“\"][^”\"]{0,400}[”\"]"
_ITEM_ANNEX = r",?\s+annex(?:es)?(?:\s+[IVX]+)?"
LIST_CONTINUATION = re.compile(
    rf"(?:{_ITEM_DATE}|{_ITEM_TITLE}|{_ITEM_ANNEX})*"
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
    r"(?:No\.\s?)?"
)

# A bare number ends the list item: "1820" in "and 1820 on women," but not "20" in
# "20 years" or "15 members".
BARE_NUMBER_END = re.compile(
    r"\s*(?:[,;:.)\]]|\Z|(?:and|or|of|on|in|as|by|to|which|that|concerning|adopted|entitled)\b)"
)

# The body named just before the keyword ("Human Rights Council resolution"): the words
# before a keyword, whitespace collapsed, are compared with these phrases as whole words
# (longest first, so "Human Rights Council" wins over "Council"). The values are body
# names or the markers below, read by ``citations``.
OWN_BODY = "own"  # the citing body: "its resolution"
SHARED_SHORT_NAME = "shared"  # "Council": the citing body when it is called so
OTHER_UN_BODY = "other"  # a UN body whose numbering has no symbol series we resolve
NON_UN_BODY = "non_un"  # a treaty body or agency with its own numbering


def _body_value(body: Body) -> str:
    if body.kind is Kind.NON_UN:
        return NON_UN_BODY
    return body.name if "resolution" in body.series else OTHER_UN_BODY


def _short_name_value(short_name: str) -> str:
    named = [body for body in BODIES if short_name in body.short_names]
    return _body_value(named[0]) if len(named) == 1 else SHARED_SHORT_NAME


_BODY_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            *((name, _body_value(body)) for body in BODIES for name in body.names),
            *(
                (short, _short_name_value(short))
                for short in dict.fromkeys(short for body in BODIES for short in body.short_names)
            ),
            # Any other body, named by its kind alone.
            *(
                (word, OTHER_UN_BODY)
                for word in ("Commission", "Conference", "Board", "Committee", "Forum")
            ),
            *((word, OWN_BODY) for word in ("its", "Its", "ITS")),
        ),
        key=lambda phrase: -len(phrase[0]),
    )
)
# Looked up by the last word before the keyword, so most keywords ("Recalling its
# resolution", "the resolution") cost one dictionary miss.
BODY_PHRASES_BY_LAST_WORD: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(entry for entry in _BODY_PHRASES if entry[0].rsplit(" ", 1)[-1] == last)
    for last in {phrase.rsplit(" ", 1)[-1] for phrase, _ in _BODY_PHRASES}
}
POSSESSIVE_ENDINGS = ("'s", "\u2019s")  # straight and curly apostrophe
BODY_WINDOW = 80

# "decision 14/8 of the Conference of the Parties": a treaty body's own numbering.
NON_UN_BODY_AFTER = re.compile(
    rf"\s+(?:of|by)\s+the\s+(?:{names_pattern(b for b in BODIES if b.kind is Kind.NON_UN)})"
)
