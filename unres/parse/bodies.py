"""The UN bodies whose texts the parser reads, in one table.

Each row says what a body is called (its name and the other names texts give it),
which symbol series it issues per document type, how it numbers its resolutions, and
whether its texts are published with it as their organ. Every organ list, series map
and symbol pattern of the parser is generated from this table, as eyecite builds its
extractors from its reporters table: adding a body or an era is a row here, not a rule
in five modules.

Rows that are not UN bodies (a treaty's Conference of the Parties) are listed too, so
that their texts and citations are recognised as such and kept apart.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from unres.model import DocumentType

__all__ = [
    "ADOPTED_TYPES",
    "BODIES",
    "COMMISSION_ON_HUMAN_RIGHTS",
    "DOCUMENT_TYPES",
    "DRAFT_TYPES",
    "ECONOMIC_AND_SOCIAL_COUNCIL",
    "GENERAL_ASSEMBLY",
    "HUMAN_RIGHTS_COUNCIL",
    "MAIN_COMMITTEES",
    "ORGANS",
    "SECURITY_COUNCIL",
    "SERIES_MARKS",
    "SESSION_SCHEMES",
    "SUBCOMMISSION",
    "TRUSTEESHIP_COUNCIL",
    "Body",
    "DocumentType",
    "Kind",
    "Numbering",
    "adopted_type_words_pattern",
    "body_named",
    "body_of_symbol",
    "longest_first",
    "names_pattern",
    "number_pattern",
    "numbering_of",
    "prefixes_pattern",
    "printed_numbers_pattern",
    "symbol_document_type",
    "with_series",
]

DOCUMENT_TYPES: tuple[DocumentType, ...] = get_args(DocumentType)
"""The values of ``documents.document_type``."""
DRAFT_TYPES: tuple[DocumentType, ...] = ("draft_resolution", "draft_decision")


class Numbering(enum.Enum):
    """How a body numbers its resolutions and decisions."""

    SESSION = "session/number"  # 75/180, ES-10/21, S-27/2, HRC 31/12
    YEAR = "year/number"  # ECOSOC 2019/4, Commission on Human Rights 2005/45
    NUMBER_YEAR = "number (year)"  # Security Council 1325 (2000)
    NUMBER_ROMAN_SESSION = "number (roman session)"  # before 1976: 2625 (XXV), 217 A (III)


@dataclass(frozen=True, slots=True)
class _Printed:
    """How a numbering scheme prints a number: a session (or year) and a serial around a
    slash ("75/180", "2019/4"), or a number, perhaps a part letter, and a year or session
    in parentheses ("1325 (2000)", "217 A (III)")."""

    # The digits of the session or year before the slash: (fewest, most).
    session_digits: tuple[int, int] | None = None
    # What the parentheses after the number hold.
    paren: str | None = None
    # A special session's number is marked "S-" or "ES-": "ES-10/21", "1474 (ES-IV)".
    special: bool = False
    # "217 A (III)": a resolution adopted in parts.
    part: bool = False


_PRINTED: dict[Numbering, _Printed] = {
    Numbering.SESSION: _Printed(session_digits=(1, 3), special=True),
    Numbering.YEAR: _Printed(session_digits=(4, 4)),
    Numbering.NUMBER_YEAR: _Printed(paren="[0-9]{4}"),
    Numbering.NUMBER_ROMAN_SESSION: _Printed(paren="[IVXLC]+", special=True, part=True),
}
SESSION_SCHEMES = tuple(scheme for scheme, form in _PRINTED.items() if form.session_digits)
"""The schemes whose numbers carry a session (or year) before a slash, as a draft's
symbol does ("A/C.3/75/L.5") and a draft's open number ("31/... Freedom of expression")."""
_SERIAL = "[0-9]{1,4}(?![0-9])"
_NUMBER = "[0-9]{1,4}"


class Kind(enum.Enum):
    """What a row is, which decides the lists it appears in."""

    # A UN body whose texts the dataset publishes with it as their organ.
    ORGAN = "organ"
    # A UN body whose texts the dataset does not publish, named in citations.
    OTHER_UN = "other_un"
    # Not a UN body: its decisions have their own numbering and are never UN citations.
    NON_UN = "non_un"


# What a symbol series marks after the body's prefix: "A/RES/75/180", "A/HRC/DEC/31/117".
SERIES_MARKS: dict[DocumentType, str] = {"resolution": "RES", "decision": "DEC"}
ADOPTED_TYPES: tuple[DocumentType, ...] = tuple(SERIES_MARKS)
"""The document types a heading or a citation names by their word: "Resolution 2005/45",
"Decision 2/102", "resolutions 41/60 J"."""


def adopted_type_words_pattern() -> str:
    """An alternation of the words of ``ADOPTED_TYPES`` as texts print them: with a
    capital or without, or in capitals ("Resolution", "resolution", "DECISION")."""
    return "|".join(
        f"[{word[0].upper()}{word[0]}]{word[1:]}|{word.upper()}" for word in ADOPTED_TYPES
    )


@dataclass(frozen=True, slots=True)
class Body:
    """One row of the table."""

    name: str
    kind: Kind
    # The symbol prefix of the body's documents, as printed: "A", "A/HRC", "E/CN.4".
    prefix: str | None = None
    # The document types it issues under series of its own ("A/RES", "A/HRC/DEC"); a
    # type it does not issue, or whose symbols the dataset does not resolve, is absent.
    issues: tuple[DocumentType, ...] = ()
    numbering: tuple[Numbering, ...] = ()
    # Other names texts give the body, in full ("Subcommission on ..."); a name here
    # reads like ``name`` everywhere.
    aliases: tuple[str, ...] = ()
    # Short names that stand for the body only in context: "Assembly resolution 70/1",
    # "the Council". One shared by several bodies means the citing one.
    short_names: tuple[str, ...] = ()
    # Its texts open with the body's name alone on a line ("The General Assembly,"),
    # which separates their header from their body.
    enacting_formula: bool = True
    # The organ whose texts the body's drafts become: a Main Committee's, the Assembly.
    parent: Body | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def organ(self) -> Body:
        """The body named as the organ of the body's texts."""
        return self.parent or self

    @property
    def series(self) -> dict[DocumentType, str]:
        """The series each issued document type's symbols start with: "A/RES" for
        "A/RES/75/180"; a draft's is the prefix ("A/C.3" of "A/C.3/80/L.12")."""
        if self.prefix is None:
            return {}
        return {
            kind: f"{self.prefix}/{SERIES_MARKS[kind]}" if kind in SERIES_MARKS else self.prefix
            for kind in self.issues
        }


_ROMAN = Numbering.NUMBER_ROMAN_SESSION
_SESSION, _YEAR = (Numbering.SESSION,), (Numbering.YEAR,)
_COUNCIL = ("Council",)

GENERAL_ASSEMBLY = Body(
    "General Assembly", Kind.ORGAN, "A", DOCUMENT_TYPES, (Numbering.SESSION, _ROMAN),
    short_names=("Assembly",),
)  # fmt: skip
SECURITY_COUNCIL = Body(
    "Security Council", Kind.ORGAN, "S", ("resolution",), (Numbering.NUMBER_YEAR,),
    short_names=_COUNCIL,
)  # fmt: skip
# Its first resolutions, of 2006, are numbered by year ("resolution 2006/2").
HUMAN_RIGHTS_COUNCIL = Body(
    "Human Rights Council", Kind.ORGAN, "A/HRC", DOCUMENT_TYPES,
    (Numbering.SESSION, Numbering.YEAR), short_names=_COUNCIL,
)  # fmt: skip
# ECOSOC and its Commission numbered by roman session until the late 1970s: "1503 (XLVIII)".
ECONOMIC_AND_SOCIAL_COUNCIL = Body(
    "Economic and Social Council", Kind.ORGAN, "E", DOCUMENT_TYPES, (Numbering.YEAR, _ROMAN),
    aliases=("ECOSOC",), short_names=_COUNCIL,
)  # fmt: skip
COMMISSION_ON_HUMAN_RIGHTS = Body(
    "Commission on Human Rights", Kind.ORGAN, "E/CN.4", DOCUMENT_TYPES, (Numbering.YEAR, _ROMAN)
)
TRUSTEESHIP_COUNCIL = Body("Trusteeship Council", Kind.ORGAN, short_names=_COUNCIL)
SUBCOMMISSION = Body(
    "Sub-Commission on the Promotion and Protection of Human Rights", Kind.OTHER_UN,
    "E/CN.4/Sub.2", DOCUMENT_TYPES, _YEAR,
    aliases=(
        "Subcommission on the Promotion and Protection of Human Rights",
        "Sub-Commission on Prevention of Discrimination and Protection of Minorities",
    ),
    short_names=("Sub-Commission", "Subcommission"),
    enacting_formula=False,
)  # fmt: skip


def _main_committee(ordinal: str, prefix: str, other_name: str) -> Body:
    return Body(
        f"{ordinal} Committee", Kind.OTHER_UN, prefix, DRAFT_TYPES, _SESSION,
        aliases=(other_name,), enacting_formula=False, parent=GENERAL_ASSEMBLY,
    )  # fmt: skip


# The Assembly's Main Committees adopt drafts that become its resolutions.
MAIN_COMMITTEES = (
    _main_committee("First", "A/C.1", "Disarmament and International Security Committee"),
    _main_committee("Second", "A/C.2", "Economic and Financial Committee"),
    _main_committee("Third", "A/C.3", "Social, Humanitarian and Cultural Committee"),
    _main_committee("Fourth", "A/C.4", "Special Political and Decolonization Committee"),
    _main_committee("Fifth", "A/C.5", "Administrative and Budgetary Committee"),
    _main_committee("Sixth", "A/C.6", "Legal Committee"),
)

BODIES: tuple[Body, ...] = (
    GENERAL_ASSEMBLY,
    SECURITY_COUNCIL,
    HUMAN_RIGHTS_COUNCIL,
    ECONOMIC_AND_SOCIAL_COUNCIL,
    COMMISSION_ON_HUMAN_RIGHTS,
    TRUSTEESHIP_COUNCIL,
    SUBCOMMISSION,
    *MAIN_COMMITTEES,
    Body("Commission on the Status of Women", Kind.OTHER_UN, "E/CN.6", DRAFT_TYPES, _YEAR),
    Body("Governing Council", Kind.OTHER_UN, enacting_formula=False),
    Body("Environment Assembly", Kind.OTHER_UN, enacting_formula=False),
    Body("Habitat Assembly", Kind.OTHER_UN, enacting_formula=False),
    Body("Conference of the Parties", Kind.NON_UN),
    Body("Meeting of the Parties", Kind.NON_UN, enacting_formula=False),
    Body("World Health Assembly", Kind.NON_UN, enacting_formula=False),
    Body("General Conference", Kind.NON_UN, enacting_formula=False),
)
"""Every body. Order matters once: a number whose body the text does not name is read
as the first organ's that numbers so (the General Assembly's before the Council's)."""

ORGANS: tuple[Body, ...] = tuple(body for body in BODIES if body.kind is Kind.ORGAN)
"""The bodies whose texts the dataset publishes: the values of ``documents.organ``."""

_BY_NAME = {name: body for body in BODIES for name in body.names}
_BY_PREFIX = sorted(
    ((body.prefix, body) for body in BODIES if body.prefix), key=lambda item: -len(item[0])
)


def body_named(name: str | None) -> Body | None:
    """The body a name or alias (exactly as in the table) names."""
    return _BY_NAME.get(name) if name else None


def body_of_symbol(symbol: str | None) -> Body | None:
    """The body that issued a symbol: the longest prefix it starts with."""
    if symbol is None:
        return None
    return next((body for prefix, body in _BY_PREFIX if symbol.startswith(prefix + "/")), None)


def longest_first(names: Iterable[str]) -> list[str]:
    """Names ordered for a regex alternation, which must not stop at a shorter one."""
    return sorted(names, key=lambda name: (-len(name), name))


def names_pattern(bodies: Iterable[Body], *, word: str = r"\s+") -> str:
    """An alternation of the bodies' names (aliases included), longest first, with
    ``word`` between their words; case is the caller's to set."""
    names = longest_first(name for body in bodies for name in body.names)
    return "|".join(word.join(re.escape(part) for part in name.split()) for name in names)


def prefixes_pattern(bodies: Iterable[Body], *, gap: str = "") -> str:
    """An alternation of the bodies' symbol prefixes, longest first, with ``gap`` (the
    spacing a converter may add) around each "/" and "."."""
    prefixes = longest_first(body.prefix for body in bodies if body.prefix)
    return "|".join(
        "".join(f"{gap}{re.escape(char)}{gap}" if char in "/." else re.escape(char) for char in p)
        for p in prefixes
    )


def adopted_series_pattern() -> str:
    """An alternation of every resolution and decision series: "A/RES", "E/CN.4/DEC"."""
    kinds: tuple[DocumentType, ...] = ("resolution", "decision")
    series = (body.series[kind] for kind in kinds for body in with_series(kind))
    return "|".join(re.escape(one) for one in longest_first(series))


def symbol_document_type(symbol: str | None) -> DocumentType | None:
    """The document type a symbol's series says: "A/RES/…" a resolution, "…/L.12" a
    draft (which of the two drafts, the symbol does not say: None)."""
    body = body_of_symbol(symbol)
    if body is None or symbol is None:
        return None
    for kind, series in body.series.items():
        if kind in SERIES_MARKS and symbol.startswith(series + "/"):
            return kind
    return None


def numbering_of(bodies: Iterable[Body]) -> tuple[Numbering, ...]:
    """The numbering schemes of ``bodies``, each once, in table order."""
    return tuple(dict.fromkeys(scheme for body in bodies for scheme in body.numbering))


def number_pattern(
    schemes: Iterable[Numbering],
    *,
    gap: str = r"\s?",
    paren_gap: str | None = None,
    hyphen: str = "-",
    serial: str = _SERIAL,
    bare: bool = False,
) -> str:
    """An alternation of the number forms ``schemes`` print, in the groups a reader of
    a number takes apart: ``session`` and ``serial`` ("75/180", "ES-10/21", "2019/4"),
    or ``number``, ``part`` and ``paren`` ("1325 (2000)", "217 A (III)").

    The tolerances are the reader's: ``gap`` is the spacing a converter may put around
    the slash, ``paren_gap`` (``gap`` if None) around a part letter and inside the
    parentheses, ``hyphen`` the one after a special session's "ES"; ``serial`` what
    stands after the slash (a draft leaves it open: "31/..."); ``bare``: a number may
    stand without its parentheses ("Resolution 2583").
    """
    # A group name may occur once in a pattern, so the slashed schemes merge into one
    # form, as do the parenthesised: "ES-" then admits a year, never printed so.
    printed = [_PRINTED[scheme] for scheme in dict.fromkeys(schemes)]
    special = f"(?:E?S{hyphen})?"
    forms = []
    sessions = [form for form in printed if form.session_digits]
    if sessions:
        fewest = min(form.session_digits[0] for form in sessions if form.session_digits)
        most = max(form.session_digits[1] for form in sessions if form.session_digits)
        marked = special if any(form.special for form in sessions) else ""
        session = f"{marked}[0-9]{{{fewest},{most}}}"
        forms.append(f"(?P<session>{session}){gap}/{gap}(?P<serial>{serial})")
    held = [(special if form.special else "") + form.paren for form in printed if form.paren]
    if held:
        around = gap if paren_gap is None else paren_gap
        part = rf"(?:{around}(?P<part>[A-Z])(?={around}\())?"
        parens = rf"(?:{around}\({around}(?P<paren>{'|'.join(held)}){around}\))"
        parts = any(form.part for form in printed)
        forms.append(f"(?P<number>{_NUMBER}){part if parts else ''}{parens}{'?' if bare else ''}")
    return "|".join(forms)


def printed_numbers_pattern(bodies: Iterable[Body]) -> str:
    """The own-number forms the bodies' numbering schemes print where a heading gives
    it ("75/180.", "2019/4.", "3 (1946). Resolution of 4 April 1946", "2625 (XXV).
    Declaration on ..."), converter spacing tolerated."""
    return number_pattern(numbering_of(bodies))


def with_series(document_type: DocumentType, bodies: Iterable[Body] = BODIES) -> tuple[Body, ...]:
    """The ``bodies`` that issue ``document_type`` under a series of their own."""
    return tuple(body for body in bodies if document_type in body.series)
