"""One pandera model per published table: the single source of truth for columns.

Each model's docstring says what one row is; each field's ``description`` says what
the column means (the data dictionary is generated from them). ``Config.metadata``
names the table's key and the order of its rows. Dtypes are exact: nothing is
coerced, so a table built with the wrong type is refused rather than silently
converted.
"""

from __future__ import annotations

from typing import Annotated, Any

import pandera.polars as pa
import polars as pl

from schemas import checks, patterns
from schemas.columns import DOC_ID
from schemas.failures import UNIQUE_KEY_CHECK
from schemas.vocabulary import (
    CITATION_KINDS,
    DOCUMENT_TYPES,
    EARLIEST_MENTIONED_DATE,
    FIRST_UN_DATE,
    LATEST_MENTIONED_DATE,
    PARAGRAPH_KINDS,
    UNDOCS,
    RejectReason,
    latest_document_date,
)

StrList = Annotated[pl.List, pl.Utf8]
Int32List = Annotated[pl.List, pl.Int32]


def _key(*columns: str, input_column: str | None) -> dict[str, object]:
    """A table whose rows ``columns`` identify, sorted by them; ``input_column`` names
    the input each row comes from (None: rows derived across a whole release)."""
    return {"primary_key": columns, "sort_key": columns, "input_column": input_column}


def _no_key(*, sorted_by: tuple[str, ...], input_column: str) -> dict[str, object]:
    """A table whose rows have no key (two may be equal), sorted by ``sorted_by``: the
    sort is stable, so rows equal there keep their order of occurrence."""
    return {"primary_key": (), "sort_key": sorted_by, "input_column": input_column}


class _Table(pa.DataFrameModel):
    """A release table. Its key, declared once (``Config.metadata = _key(...)``), also
    makes the check that no two rows share it: ``unique_key``, reported on the key's
    last column (the one that tells a document's rows apart)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # type: ignore[no-untyped-call]  # pandera's
        key: tuple[str, ...] = (cls.Config.metadata or {}).get("primary_key", ())
        if key:  # pandera collects a model's checks when first asked, after this
            cls._unique_key = _unique_key_check(key)  # type: ignore[attr-defined]


def _unique_key_check(key: tuple[str, ...]) -> classmethod[Any, Any, Any]:
    def unique_key(cls: type[_Table], data: pa.PolarsData) -> pl.LazyFrame:
        return checks.unique_together(data, key)

    return pa.check(key[-1], name=UNIQUE_KEY_CHECK)(unique_key)


class Documents(_Table):
    """One row per input file that parsed: the resolution's identity and header."""

    doc_id: str = pa.Field(
        description=(
            "Path of the input file relative to the input directory, '/'-separated, with "
            "its extension ('A_RES_80_11.md' and 'A_RES_80_11.txt' are two documents)."
        )
    )
    source_sha256: str = pa.Field(
        str_matches=patterns.SHA256_HEX,
        description="SHA-256 of the input file's bytes, 64 lowercase hex digits.",
    )
    symbol: str = pa.Field(
        nullable=True,
        description=(
            "Official symbol, even when the text prints only '75/180.': 'A/RES/75/180', "
            "'S/RES/1325 (2000)', 'A/HRC/RES/31/12', 'A/HRC/DEC/31/117', 'E/RES/2019/4', "
            "'A/RES/2625 (XXV)'; a draft's own: 'A/C.1/80/L.12'. Null when the text does "
            "not say."
        ),
    )
    url: str = pa.Field(
        nullable=True,
        str_startswith=UNDOCS,
        description=(
            "The official text at the UN's document resolver: 'https://undocs.org/' and the "
            "symbol, a space before a year in brackets dropped "
            "('https://undocs.org/S/RES/1325(2000)'). Null when the symbol is."
        ),
    )
    document_type: str = pa.Field(
        isin=DOCUMENT_TYPES,
        description=(
            "What the text is: 'resolution', 'decision', 'draft_resolution' or "
            "'draft_decision'; from its symbol's series (A/RES, A/HRC/DEC, '/L.' of a "
            "draft), else a draft's sponsor line ('Egypt: draft resolution'), else "
            "'Decision adopted by ...' or a decision's 'At its 30th meeting, ... decided'."
        ),
    )
    organ: str = pa.Field(
        nullable=True,
        description=(
            "The body that adopted it: 'General Assembly', 'Security Council', "
            "'Human Rights Council', 'Commission on Human Rights', ..."
        ),
    )
    session: pl.Int32 = pa.Field(
        nullable=True,
        ge=1,
        description="GA or HRC session number ('Seventy-fifth session' -> 75); null for SC.",
    )
    title: str = pa.Field(nullable=True, description="Title as printed, wrapped lines joined.")
    adoption_date: pl.Date = pa.Field(
        nullable=True,
        description=(
            "Date of adoption, from 'Resolution adopted by ... on ...', else from the "
            "closing meeting line."
        ),
    )
    distribution_date: pl.Date = pa.Field(
        nullable=True,
        description="The 'Distr.: General <date>' date; null when the text has none.",
    )
    agenda_item: str = pa.Field(
        nullable=True, description="Agenda item as printed: '72 (b)', '69'."
    )
    committee_report: str = pa.Field(
        nullable=True,
        description=(
            "Symbol of the Main Committee report it was adopted on, without ', para. 89': "
            "'A/75/478/Add.2'; also the report of '[on the recommendation of the Commission "
            "on the Status of Women (E/2019/27)]' and of a decision's 'on the recommendation "
            "of the Fifth Committee (A/72/682, para. 6)'. Null for '[without reference to a "
            "Main Committee (...)]'."
        ),
    )
    draft_symbols: StrList = pa.Field(
        description=(
            "Draft symbols named in '[without reference to a Main Committee (A/79/L.12)]', "
            "or under a Security Council volume's heading ('[S/4465]'), or the draft a draft "
            "replaces or amends ('on the basis of informal consultations on draft resolution "
            "A/C.2/80/L.2'); empty when none are given."
        )
    )
    plenary_meeting: pl.Int32 = pa.Field(
        nullable=True, ge=1, description="GA plenary meeting number: '46th plenary meeting' -> 46."
    )
    meeting_number: pl.Int32 = pa.Field(
        nullable=True,
        ge=1,
        description="SC or HRC meeting number: 'at its 4321st meeting' -> 4321.",
    )
    n_preambular: pl.Int32 = pa.Field(
        ge=0, description="Number of preambular paragraphs (its rows in paragraphs)."
    )
    n_operative: pl.Int32 = pa.Field(
        ge=0,
        description=(
            "Number of top-level operative paragraphs (its operative rows in paragraphs); "
            "sub-paragraphs and annex paragraphs are not counted."
        ),
    )
    n_footnotes: pl.Int32 = pa.Field(
        ge=0, description="Number of distinct footnotes (its rows in footnotes)."
    )
    warnings: StrList = pa.Field(
        description=(
            "What the parser was unsure of, as short snake_case codes, optionally with "
            "':' and a detail: 'no_adoption_date', 'operative_numbering_gap'."
        )
    )
    duplicate_of: str = pa.Field(
        nullable=True,
        description=(
            "When other inputs give the same symbol: the doc_id of the one that stands for "
            "the resolution (the canonical one: fewest warnings of its own, then most header "
            "fields read, then most paragraphs, then the first doc_id); null for that one "
            "and for a symbol given once. Citation edges and the report count canonical "
            "documents only."
        ),
    )

    class Config:
        strict = True
        metadata = _key(DOC_ID, input_column=DOC_ID)

    @pa.check(DOC_ID, "title", "organ", "agenda_item", name="not_blank")
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.check("url", name="null_with_symbol")
    def _url_with_symbol(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("url").is_null() == pl.col("symbol").is_null())

    @pa.check("duplicate_of", name="null_without_symbol")
    def _duplicate_has_symbol(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("duplicate_of").is_null() | pl.col("symbol").is_not_null()
        )

    @pa.check("symbol", name="un_symbol")
    def _symbol_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.matches(data, patterns.UN_SYMBOL)

    @pa.check("committee_report", name="document_symbol")
    def _report_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.matches(data, patterns.DOCUMENT_SYMBOL)

    @pa.check("draft_symbols", name="document_symbols")
    def _drafts_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.every_element_matches(data, patterns.DOCUMENT_SYMBOL)

    @pa.check("warnings", name="short_codes")
    def _warning_codes(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.every_element_matches(data, patterns.SHORT_CODE)

    @pa.check("adoption_date", "distribution_date", name="plausible_document_date")
    def _plausible_date(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.date_between(data, FIRST_UN_DATE, latest_document_date())


class Paragraphs(_Table):
    """One row per preambular, operative or annex paragraph, in document order."""

    doc_id: str = pa.Field(description="The document (documents.doc_id).")
    index: pl.Int32 = pa.Field(
        description="Position in the document: 0, 1, 2, ... with no gap, across all kinds."
    )
    kind: str = pa.Field(
        isin=list(PARAGRAPH_KINDS),
        description=(
            "'preambular', 'operative', or 'annex' for paragraphs of an annex or adopted "
            "declaration after the resolution's own text (never counted as operative)."
        ),
    )
    number: pl.Int32 = pa.Field(
        nullable=True,
        ge=1,
        description=(
            "The printed paragraph number of an operative or annex paragraph; null when "
            "unnumbered, and always null for preambular paragraphs."
        ),
    )
    text: str = pa.Field(
        description=(
            "The whole paragraph, clean: joined across page breaks; running headers, page "
            "numbers and footnote markers removed; sub-paragraphs (a), (b) ... kept inside."
        )
    )
    verb: str = pa.Field(
        nullable=True,
        description=(
            "The opening phrase the UN typesets in italics: 'Also reaffirms', 'Calls upon', "
            "'Recalling also', 'Deeply concerned'. Null when none was found."
        ),
    )
    footnotes: Int32List = pa.Field(
        description="Numbers of the footnotes the paragraph references, in order."
    )

    class Config:
        strict = True
        metadata = _key(DOC_ID, "index", input_column=DOC_ID)

    @pa.check("index", name="consecutive_from_0_per_doc_id")
    def _index_consecutive(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.consecutive_from_zero(data, DOC_ID)

    @pa.check("number", name="null_for_preambular")
    def _preambular_unnumbered(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("number").is_null() | (pl.col("kind") != "preambular"))

    @pa.check("text", "verb", name="not_blank")
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.check("footnotes", name="positive_numbers")
    def _footnotes_positive(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.every_element_at_least(data, 1)


class _Located(_Table):
    """Where in a document a citation or date stands: a paragraph, a footnote, or
    neither (the header or closing lines), never both."""

    doc_id: str = pa.Field(description="The document (documents.doc_id).")
    paragraph: pl.Int32 = pa.Field(
        nullable=True,
        description=(
            "paragraphs.index of the paragraph it occurs in; null in a footnote, the "
            "header or the closing lines."
        ),
    )
    footnote: pl.Int32 = pa.Field(
        nullable=True, description="footnotes.number of the footnote it occurs in, else null."
    )

    # Named like its check: pandera reports an inherited check by its method name.
    @pa.check("footnote", name="null_when_in_paragraph")
    def null_when_in_paragraph(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("footnote").is_null() | pl.col("paragraph").is_null())


class Citations(_Located):
    """One row per occurrence of a cited resolution, decision or document symbol."""

    kind: str = pa.Field(
        isin=list(CITATION_KINDS),
        description=(
            "'resolution' (a resolution of any UN body), 'decision' ('decision 75/555'), "
            "or 'document' (any other UN document symbol)."
        ),
    )
    value: str = pa.Field(
        description=(
            "The citation, normalised: a resolution or decision number as written ('70/1', "
            "'217 A (III)', '1325 (2000)'), or a document symbol ('A/CONF.157/24 (Part I)')."
        )
    )
    raw: str = pa.Field(
        description=(
            "The span as it reads in the cleaned text of its paragraph, footnote, header or "
            "closing lines (markup and footnote markers removed)."
        )
    )
    resolved_symbol: str = pa.Field(
        nullable=True,
        description=(
            "The full symbol the citation points to where its form allows ('70/1' -> "
            "'A/RES/70/1'); null where the body is unknown (a Subcommission '2000/22')."
        ),
    )

    class Config:
        strict = True
        metadata = _no_key(sorted_by=(DOC_ID,), input_column=DOC_ID)

    @pa.check("value", name="citation_format")
    def _value_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        value = pl.col("value")
        is_number = value.str.contains(patterns.RESOLUTION_NUMBER) | value.str.contains(
            patterns.UN_SYMBOL
        )
        return data.lazyframe.select(
            pl.when(pl.col("kind") == "document")
            .then(value.str.contains(patterns.DOCUMENT_SYMBOL))
            .otherwise(is_number)
        )

    @pa.check("raw", name="not_blank")
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)

    @pa.check("resolved_symbol", name="document_symbol")
    def _resolved_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.matches(data, patterns.DOCUMENT_SYMBOL)


class Dates(_Located):
    """One row per full date (day, month and year) written anywhere in a document."""

    date: pl.Date = pa.Field(
        description=(
            "The date; of a range only the fully written end ('from 31 August to "
            "8 September 2001' -> 2001-09-08)."
        )
    )
    raw: str = pa.Field(description="The date as it reads in the cleaned text.")

    class Config:
        strict = True
        metadata = _no_key(sorted_by=(DOC_ID,), input_column=DOC_ID)

    @pa.check("date", name="plausible_mentioned_date")
    def _plausible_date(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.date_between(data, EARLIEST_MENTIONED_DATE, LATEST_MENTIONED_DATE)

    @pa.check("raw", name="not_blank")
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)


class Footnotes(_Table):
    """One row per distinct footnote of a document."""

    doc_id: str = pa.Field(description="The document (documents.doc_id).")
    number: pl.Int32 = pa.Field(ge=1, description="The footnote's printed number.")
    text: str = pa.Field(
        nullable=True,
        description=(
            "The footnote text, joined when it continues on the next page; null when the "
            "text shows the footnote's marker but not the note itself (an excerpt)."
        ),
    )

    class Config:
        strict = True
        metadata = _key(DOC_ID, "number", input_column=DOC_ID)

    @pa.check("text", name="not_blank")
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.not_blank(data)


class Rejects(_Table):
    """One row per input file that could not be parsed, with the reason."""

    path: str = pa.Field(
        description="The input's doc_id: its path relative to the input directory."
    )
    sha256: str = pa.Field(
        nullable=True,
        str_matches=patterns.SHA256_HEX,
        description=(
            "SHA-256 of the input's bytes; null when they were not read (a symbolic link "
            "leading outside the input directory, an unreadable file)."
        ),
    )
    reason: str = pa.Field(
        isin=[reason.value for reason in RejectReason],
        description="Why, as a short code: "
        + "; ".join(f"'{reason.value}': {reason.meaning}" for reason in RejectReason)
        + ".",
    )
    detail: str = pa.Field(description="A human-readable explanation; may be empty.")

    class Config:
        strict = True
        metadata = _key("path", input_column="path")


class CitationEdges(_Table):
    """One row per (citing document symbol, cited symbol) pair: the citation graph.

    Built from the citations whose resolved_symbol is known, in documents whose own
    symbol is known.
    """

    citing_symbol: str = pa.Field(description="documents.symbol of the citing document.")
    cited_symbol: str = pa.Field(description="citations.resolved_symbol of the cited text.")
    count: pl.Int32 = pa.Field(ge=1, description="How many citations make up the edge.")

    class Config:
        strict = True
        metadata = _key("citing_symbol", "cited_symbol", input_column=None)

    @pa.check("citing_symbol", name="un_symbol")
    def _citing_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.matches(data, patterns.UN_SYMBOL)

    @pa.check("cited_symbol", name="document_symbol")
    def _cited_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return checks.matches(data, patterns.DOCUMENT_SYMBOL)


TABLES: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "paragraphs": Paragraphs,
    "citations": Citations,
    "dates": Dates,
    "footnotes": Footnotes,
    "rejects": Rejects,
    "citation_edges": CitationEdges,
}
"""Every table of a release, by name, in publishing order."""

RELEASE_WIDE_TABLES = frozenset({"citation_edges"})
"""Tables derived once over a whole release: a batch of documents may come without them."""

DOCUMENT_PARTS = ("paragraphs", "citations", "dates", "footnotes")
"""Tables whose rows are parts of one document: their doc_id refers to documents.doc_id."""


TABLE_FILE_SUFFIX = ".parquet"


def table_file(table: str) -> str:
    """The name of the file that holds ``table`` in a release (and in a shard)."""
    return f"{table}{TABLE_FILE_SUFFIX}"


def sort_key(table: str) -> tuple[str, ...]:
    """The columns the rows of ``table`` are sorted by, in a release and in a shard."""
    key: tuple[str, ...] = _metadata(table)["sort_key"]
    return key


def input_column(table: str) -> str | None:
    """The column of ``table`` that names the input a row comes from: doc_id, or path
    in rejects; None for a table derived across the whole release."""
    column: str | None = _metadata(table)["input_column"]
    return column


def primary_key(table: str) -> tuple[str, ...]:
    """The columns that identify a row of ``table``; empty when rows have no key."""
    key: tuple[str, ...] = _metadata(table)["primary_key"]
    return key


def _metadata(table: str) -> dict[str, Any]:
    return TABLES[table].Config.metadata or {}


def required_columns(table: str) -> frozenset[str]:
    """The columns of ``table`` that may hold no null (the model's non-nullable fields)."""
    columns = TABLES[table].to_schema().columns
    return frozenset(name for name, column in columns.items() if not column.nullable)


def table_schema(table: str) -> pl.Schema:
    """The exact polars dtypes of ``table``, in column order."""
    columns = TABLES[table].to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})
