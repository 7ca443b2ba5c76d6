"""The text formats the schemas check, as regular expressions.

Polars runs these with Rust's ``regex`` crate, where ``\\d`` and ``\\s`` are Unicode
classes; ASCII classes are spelled out so "٣" or a non-breaking space never passes
for a digit or a space in a symbol. Every pattern is anchored.

The symbol patterns are permissive on purpose: a release is refused when one value
fails, so they describe the real families of UN symbols (old Roman-numbered
sessions, special and emergency special sessions, lettered parts) rather than only
the modern form.
"""

from __future__ import annotations

_ROMAN_SESSION = r"\((?:ES-|S-)?[IVXLC]+\)"
_LETTERED_PART = r"(?: ?[A-Z](?:-[A-Z])?)?"

# "75/180", "ES-10/19", "S-27/2", "60/251 B"; before 1976: "217 A (III)", "3201 (S-VI)".
_GA_NUMBER = (
    rf"(?:(?:ES-|S-)?[0-9]{{1,3}}/[0-9]{{1,4}}{_LETTERED_PART}"
    rf"|[0-9]{{1,4}}{_LETTERED_PART} ?{_ROMAN_SESSION}{_LETTERED_PART})"
)

GENERAL_ASSEMBLY_SYMBOL = rf"A/(?:RES|DEC)/{_GA_NUMBER}"
SECURITY_COUNCIL_SYMBOL = r"S/RES/[0-9]{1,5} \([0-9]{4}\)"
HUMAN_RIGHTS_COUNCIL_SYMBOL = rf"A/HRC/(?:RES|DEC)/(?:S-)?[0-9]{{1,3}}/[0-9]{{1,4}}{_LETTERED_PART}"
# ECOSOC ("E/RES/1996/31", "E/RES/1503 (XLVIII)") and its commissions and
# sub-commissions ("E/CN.4/RES/2005/69", "E/CN.4/Sub.2/RES/2000/22").
ECONOMIC_AND_SOCIAL_COUNCIL_SYMBOL = (
    r"E/(?:CN\.[0-9]{1,2}/(?:Sub\.[0-9]/)?)?(?:RES|DEC)/"
    rf"(?:[0-9]{{4}}/[0-9]{{1,4}}{_LETTERED_PART}|[0-9]{{1,4}}{_LETTERED_PART} ?\([A-Z0-9-]+\))"
)

RESOLUTION_SYMBOL = (
    "^(?:"
    + "|".join(
        (
            GENERAL_ASSEMBLY_SYMBOL,
            SECURITY_COUNCIL_SYMBOL,
            HUMAN_RIGHTS_COUNCIL_SYMBOL,
            ECONOMIC_AND_SOCIAL_COUNCIL_SYMBOL,
        )
    )
    + ")$"
)
"""The official symbol of a resolution or decision of the GA, SC, HRC or ECOSOC family."""

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
