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
from typing import Literal

__all__ = [
    "BODIES",
    "COMMISSION_ON_HUMAN_RIGHTS",
    "ECONOMIC_AND_SOCIAL_COUNCIL",
    "GENERAL_ASSEMBLY",
    "HUMAN_RIGHTS_COUNCIL",
    "ORGANS",
    "SECURITY_COUNCIL",
    "SUBCOMMISSION",
    "TRUSTEESHIP_COUNCIL",
    "Body",
    "DocumentType",
    "Kind",
    "Numbering",
    "body_named",
    "body_of_symbol",
    "longest_first",
    "names_pattern",
    "prefixes_pattern",
    "with_series",
]

DocumentType = Literal["resolution", "decision", "draft_resolution", "draft_decision"]


class Numbering(enum.Enum):
    """How a body numbers its resolutions and decisions."""

    SESSION = "session/number"  # 75/180, ES-10/21, S-27/2, HRC 31/12
    YEAR = "year/number"  # ECOSOC 2019/4, Commission on Human Rights 2005/45
    NUMBER_YEAR = "number (year)"  # Security Council 1325 (2000)
    NUMBER_ROMAN_SESSION = "number (roman session)"  # before 1976: 2625 (XXV), 217 A (III)


class Kind(enum.Enum):
    """What a row is, which decides the lists it appears in."""

    # A UN body whose texts the dataset publishes with it as their organ.
    ORGAN = "organ"
    # A UN body whose texts the dataset does not publish, named in citations.
    OTHER_UN = "other_un"
    # Not a UN body: its decisions have their own numbering and are never UN citations.
    NON_UN = "non_un"


# What a symbol series marks after the body's prefix: "A/RES/75/180", "A/HRC/DEC/31/117".
_SERIES_MARK: dict[DocumentType, str] = {"resolution": "RES", "decision": "DEC"}


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

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def series(self) -> dict[DocumentType, str]:
        """The series each issued document type's symbols start with: "A/RES"."""
        return {
            kind: f"{self.prefix}/{_SERIES_MARK[kind]}"
            for kind in self.issues
            if self.prefix and kind in _SERIES_MARK
        }


_RESOLUTIONS_AND_DECISIONS: tuple[DocumentType, ...] = ("resolution", "decision")
_SESSION, _YEAR = (Numbering.SESSION,), (Numbering.YEAR,)
_COUNCIL = ("Council",)

GENERAL_ASSEMBLY = Body(
    "General Assembly", Kind.ORGAN, "A", _RESOLUTIONS_AND_DECISIONS,
    (Numbering.SESSION, Numbering.NUMBER_ROMAN_SESSION), short_names=("Assembly",),
)  # fmt: skip
SECURITY_COUNCIL = Body(
    "Security Council", Kind.ORGAN, "S", ("resolution",), (Numbering.NUMBER_YEAR,),
    short_names=_COUNCIL,
)  # fmt: skip
HUMAN_RIGHTS_COUNCIL = Body(
    "Human Rights Council", Kind.ORGAN, "A/HRC", _RESOLUTIONS_AND_DECISIONS, _SESSION,
    short_names=_COUNCIL,
)  # fmt: skip
ECONOMIC_AND_SOCIAL_COUNCIL = Body(
    "Economic and Social Council", Kind.ORGAN, "E", _RESOLUTIONS_AND_DECISIONS, _YEAR,
    short_names=_COUNCIL,
)  # fmt: skip
COMMISSION_ON_HUMAN_RIGHTS = Body(
    "Commission on Human Rights", Kind.ORGAN, "E/CN.4", _RESOLUTIONS_AND_DECISIONS, _YEAR
)
TRUSTEESHIP_COUNCIL = Body("Trusteeship Council", Kind.ORGAN, short_names=_COUNCIL)
SUBCOMMISSION = Body(
    "Sub-Commission on the Promotion and Protection of Human Rights", Kind.OTHER_UN,
    "E/CN.4/Sub.2", _RESOLUTIONS_AND_DECISIONS, _YEAR,
    aliases=(
        "Subcommission on the Promotion and Protection of Human Rights",
        "Sub-Commission on Prevention of Discrimination and Protection of Minorities",
    ),
    short_names=("Sub-Commission", "Subcommission"),
    enacting_formula=False,
)  # fmt: skip

BODIES: tuple[Body, ...] = (
    GENERAL_ASSEMBLY,
    SECURITY_COUNCIL,
    HUMAN_RIGHTS_COUNCIL,
    ECONOMIC_AND_SOCIAL_COUNCIL,
    COMMISSION_ON_HUMAN_RIGHTS,
    TRUSTEESHIP_COUNCIL,
    SUBCOMMISSION,
    Body("Commission on the Status of Women", Kind.OTHER_UN),
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


def with_series(document_type: DocumentType, bodies: Iterable[Body] = BODIES) -> tuple[Body, ...]:
    """The ``bodies`` that issue ``document_type`` under a series of their own."""
    return tuple(body for body in bodies if document_type in body.series)
