"""The schemas refuse every kind of contract violation and say where it is.

The valid batch is a cut-down A/RES/75/180 (seed 000): real header values, real
paragraphs, footnotes, citations and dates; each case breaks it in one way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandera.polars as pa
import polars as pl
import pytest

from schemas import (
    RELEASE_WIDE_TABLES,
    SCHEMA_VERSION,
    TABLES,
    SchemaViolation,
    empty_tables,
    input_column,
    primary_key,
    sort_key,
    table_schema,
    validate_tables,
)

DOC = "000_e02343ddb4ce8db6.txt"
Tables = dict[str, pl.DataFrame]


def _frame(table: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=table_schema(table), orient="row")


def valid_batch() -> Tables:
    documents: list[dict[str, object]] = [
        {
            "doc_id": DOC,
            "source_sha256": "6f1ed002ab5595859014ebf0951522d9" * 2,
            "symbol": "A/RES/75/180",
            "url": "https://undocs.org/A/RES/75/180",
            "document_type": "resolution",
            "organ": "General Assembly",
            "session": 75,
            "title": "Enhancement of international cooperation in the field of human rights",
            "adoption_date": dt.date(2020, 12, 16),
            "distribution_date": dt.date(2020, 12, 28),
            "agenda_item": "72 (b)",
            "committee_report": "A/75/478/Add.2",
            "draft_symbols": [],
            "plenary_meeting": 46,
            "meeting_number": None,
            "n_preambular": 2,
            "n_operative": 2,
            "n_footnotes": 2,
            "warnings": [],
        }
    ]
    paragraphs: list[dict[str, object]] = [
        {
            "doc_id": DOC,
            "index": 0,
            "kind": "preambular",
            "number": None,
            "text": "Reaffirming its commitment to promoting international cooperation, as "
            "set forth in the Charter of the United Nations, ... adopted by the World "
            "Conference on Human Rights on 25 June 1993, for enhancing genuine cooperation",
            "verb": "Reaffirming its commitment",
            "footnotes": [1],
        },
        {
            "doc_id": DOC,
            "index": 1,
            "kind": "preambular",
            "number": None,
            "text": "Recalling also its adoption of the United Nations Millennium Declaration "
            "on 8 September 2000, its resolution 74/153 of 18 December 2019,",
            "verb": "Recalling also",
            "footnotes": [2],
        },
        {
            "doc_id": DOC,
            "index": 2,
            "kind": "operative",
            "number": 1,
            "text": "Reaffirms that it is one of the purposes of the United Nations and the "
            "responsibility of all Member States to promote, protect and encourage respect",
            "verb": "Reaffirms",
            "footnotes": [],
        },
        {
            "doc_id": DOC,
            "index": 3,
            "kind": "operative",
            "number": 2,
            "text": "Recognizes that, in addition to their separate responsibilities to their "
            "individual societies, States have a collective responsibility",
            "verb": "Recognizes",
            "footnotes": [],
        },
    ]
    footnotes: list[dict[str, object]] = [
        {"doc_id": DOC, "number": 1, "text": "A/CONF.157/24 (Part I), chap. III."},
        {"doc_id": DOC, "number": 2, "text": "Resolution 55/2."},
    ]
    citations: list[dict[str, object]] = [
        {
            "doc_id": DOC,
            "paragraph": 1,
            "footnote": None,
            "kind": "resolution",
            "value": "74/153",
            "raw": "resolution 74/153",
            "resolved_symbol": "A/RES/74/153",
        },
        {
            "doc_id": DOC,
            "paragraph": None,
            "footnote": 1,
            "kind": "document",
            "value": "A/CONF.157/24 (Part I)",
            "raw": "A/CONF.157/24 (Part I)",
            "resolved_symbol": None,
        },
        {
            "doc_id": DOC,
            "paragraph": None,
            "footnote": 2,
            "kind": "resolution",
            "value": "55/2",
            "raw": "Resolution 55/2",
            "resolved_symbol": "A/RES/55/2",
        },
    ]
    dates: list[dict[str, object]] = [
        {"paragraph": 0, "footnote": None, "date": dt.date(1993, 6, 25), "raw": "25 June 1993"},
        {"paragraph": 1, "footnote": None, "date": dt.date(2000, 9, 8), "raw": "8 September 2000"},
        {
            "paragraph": None,
            "footnote": None,
            "date": dt.date(2020, 12, 28),
            "raw": "28 December 2020",
        },
    ]
    rejects: list[dict[str, object]] = [
        {"path": "scans/A_RES_75_181.pdf", "sha256": "ab" * 32, "reason": "binary", "detail": "PDF"}
    ]
    edges: list[dict[str, object]] = [
        {"citing_symbol": "A/RES/75/180", "cited_symbol": "A/RES/55/2", "count": 1},
        {"citing_symbol": "A/RES/75/180", "cited_symbol": "A/RES/74/153", "count": 1},
    ]
    return {
        "documents": _frame("documents", documents),
        "paragraphs": _frame("paragraphs", paragraphs),
        "citations": _frame("citations", citations),
        "dates": _frame("dates", [{"doc_id": DOC, **date} for date in dates]),
        "footnotes": _frame("footnotes", footnotes),
        "rejects": _frame("rejects", rejects),
        "citation_edges": _frame("citation_edges", edges),
    }


def _set(table: str, column: str, row: int, value: object) -> Callable[[Tables], None]:
    """A mutation: put ``value`` in one cell, keeping the column's dtype."""

    def mutate(tables: Tables) -> None:
        rows = tables[table].to_dicts()
        rows[row][column] = value
        tables[table] = pl.DataFrame(rows, schema=tables[table].schema)

    return mutate


def _transform(
    table: str, change: Callable[[pl.DataFrame], pl.DataFrame]
) -> Callable[[Tables], None]:
    def mutate(tables: Tables) -> None:
        tables[table] = change(tables[table])

    return mutate


def _drop_table(table: str) -> Callable[[Tables], None]:
    def mutate(tables: Tables) -> None:
        del tables[table]

    return mutate


def _add_table(table: str) -> Callable[[Tables], None]:
    def mutate(tables: Tables) -> None:
        tables[table] = tables["documents"]

    return mutate


FAR_FUTURE = dt.date.today() + dt.timedelta(days=800)

VIOLATIONS: list[tuple[str, Callable[[Tables], None], list[str]]] = [
    (
        "unknown paragraph kind",
        _set("paragraphs", "kind", 3, "foo"),
        [
            "paragraphs.kind: 1 rows fail isin(['preambular', 'operative', 'annex']): "
            f"doc_id='{DOC}' index=3 value='foo'",
            f"documents.n_operative: 1 rows fail equals_its_rows_in_paragraphs: doc_id='{DOC}' "
            "value=2 in_paragraphs=1",
        ],
    ),
    (
        "gap in paragraph index",
        _set("paragraphs", "index", 3, 4),
        [f"paragraphs.index: 1 rows fail consecutive_from_0_per_doc_id: doc_id='{DOC}' index=4"],
    ),
    (
        "repeated paragraph key",
        _set("paragraphs", "index", 3, 2),
        [
            f"paragraphs.index: 2 rows fail unique_key: doc_id='{DOC}' index=2; doc_id='{DOC}' "
            "index=2"
        ],
    ),
    (
        "numbered preambular paragraph",
        _set("paragraphs", "number", 0, 1),
        [f"paragraphs.number: 1 rows fail null_for_preambular: doc_id='{DOC}' index=0 value=1"],
    ),
    (
        "blank paragraph text",
        _set("paragraphs", "text", 2, "  \n"),
        [f"paragraphs.text: 1 rows fail not_blank: doc_id='{DOC}' index=2 value='  \\n'"],
    ),
    (
        "footnote reference 0",
        _set("paragraphs", "footnotes", 1, [0]),
        [f"paragraphs.footnotes: 1 rows fail positive_numbers: doc_id='{DOC}' index=1 value=[0]"],
    ),
    (
        "symbol without RES",
        _set("documents", "symbol", 0, "A/75/180"),
        [f"documents.symbol: 1 rows fail un_symbol: doc_id='{DOC}' value='A/75/180'"],
    ),
    (
        "SC symbol without its year",
        _set("documents", "symbol", 0, "S/RES/1325"),
        [f"documents.symbol: 1 rows fail un_symbol: doc_id='{DOC}' value='S/RES/1325'"],
    ),
    (
        "adoption before the Charter",
        _set("documents", "adoption_date", 0, dt.date(1920, 12, 16)),
        [
            f"documents.adoption_date: 1 rows fail plausible_document_date: doc_id='{DOC}' "
            "value=1920-12-16"
        ],
    ),
    (
        "distribution years ahead",
        _set("documents", "distribution_date", 0, FAR_FUTURE),
        [
            f"documents.distribution_date: 1 rows fail plausible_document_date: doc_id='{DOC}' "
            f"value={FAR_FUTURE.isoformat()}"
        ],
    ),
    (
        "hash not hex",
        _set("documents", "source_sha256", 0, "sha256:6f1e"),
        ["documents.source_sha256: 1 rows fail str_matches", "value='sha256:6f1e'"],
    ),
    (
        "negative count",
        _set("documents", "n_footnotes", 0, -1),
        [
            f"documents.n_footnotes: 1 rows fail greater_than_or_equal_to(0): doc_id='{DOC}' "
            "value=-1",
            "documents.n_footnotes: 1 rows fail equals_its_rows_in_footnotes",
        ],
    ),
    (
        "operative count off",
        _set("documents", "n_operative", 0, 17),
        [
            f"documents.n_operative: 1 rows fail equals_its_rows_in_paragraphs: doc_id='{DOC}' "
            "value=17 in_paragraphs=2"
        ],
    ),
    (
        "preambular count off",
        _set("documents", "n_preambular", 0, 15),
        ["documents.n_preambular: 1 rows fail equals_its_rows_in_paragraphs"],
    ),
    (
        "footnote count off",
        _set("documents", "n_footnotes", 0, 5),
        [
            f"documents.n_footnotes: 1 rows fail equals_its_rows_in_footnotes: doc_id='{DOC}' "
            "value=5 in_footnotes=2"
        ],
    ),
    (
        "warning that is a sentence",
        _set("documents", "warnings", 0, ["Could not find the adoption date"]),
        ["documents.warnings: 1 rows fail short_codes"],
    ),
    (
        "draft symbol with a blank",
        _set("documents", "draft_symbols", 0, ["A/79/L.12 "]),
        ["documents.draft_symbols: 1 rows fail document_symbols"],
    ),
    (
        "document listed twice",
        _transform("documents", lambda df: pl.concat([df, df])),
        [f"documents.doc_id: 2 rows fail unique_key: doc_id='{DOC}'; doc_id='{DOC}'"],
    ),
    (
        "paragraph of an unknown document",
        _set("paragraphs", "doc_id", 3, "A_RES_80_5.txt"),
        ["paragraphs.doc_id: 1 rows fail doc_id_in_documents: doc_id='A_RES_80_5.txt' index=3"],
    ),
    (
        "input both parsed and rejected",
        _set("rejects", "path", 0, DOC),
        [f"rejects.path: 1 rows fail not_in_documents: path='{DOC}'"],
    ),
    (
        "unknown reject reason",
        _set("rejects", "reason", 0, "corrupt"),
        ["rejects.reason: 1 rows fail isin(", "path='scans/A_RES_75_181.pdf' value='corrupt'"],
    ),
    (
        "sales number cited as a resolution",
        _set("citations", "value", 0, "E.96.IV.13"),
        [f"citations.value: 1 rows fail citation_format: doc_id='{DOC}' row=0 value='E.96.IV.13'"],
    ),
    (
        "unknown citation kind",
        _set("citations", "kind", 1, "treaty"),
        ["citations.kind: 1 rows fail isin(['resolution', 'decision', 'document'])"],
    ),
    (
        "citation in a paragraph that does not exist",
        _set("citations", "paragraph", 0, 9),
        [
            f"citations.paragraph: 1 rows fail points_to_paragraphs_row: doc_id='{DOC}' row=0 "
            "value=9"
        ],
    ),
    (
        "citation in a footnote that does not exist",
        _set("citations", "footnote", 2, 7),
        [f"citations.footnote: 1 rows fail points_to_footnotes_row: doc_id='{DOC}' row=2 value=7"],
    ),
    (
        "date both in a paragraph and a footnote",
        _set("dates", "footnote", 0, 1),
        [f"dates.footnote: 1 rows fail null_when_in_paragraph: doc_id='{DOC}' row=0 value=1"],
    ),
    (
        "misread year",
        _set("dates", "date", 1, dt.date(20, 9, 8)),
        [
            f"dates.date: 1 rows fail plausible_mentioned_date: doc_id='{DOC}' row=1 "
            "value=0020-09-08"
        ],
    ),
    (
        "footnote numbered 0",
        _set("footnotes", "number", 0, 0),
        [f"footnotes.number: 1 rows fail greater_than_or_equal_to(1): doc_id='{DOC}' number=0"],
    ),
    (
        "footnote number repeated",
        _set("footnotes", "number", 1, 1),
        [
            f"footnotes.number: 2 rows fail unique_key: doc_id='{DOC}' number=1; doc_id='{DOC}' "
            "number=1"
        ],
    ),
    (
        "edge count off",
        _set("citation_edges", "count", 0, 3),
        [
            "citation_edges.count: 1 rows fail equals_citations_per_symbol_pair: "
            "citing_symbol='A/RES/75/180' cited_symbol='A/RES/55/2' value=3 from_citations=1"
        ],
    ),
    (
        "edge missing",
        _transform("citation_edges", lambda df: df.head(1)),
        ["cited_symbol='A/RES/74/153' value=None from_citations=1"],
    ),
    (
        "wrong dtype",
        _transform("paragraphs", lambda df: df.with_columns(pl.col("index").cast(pl.Int64))),
        ["paragraphs.index: fails dtype('Int32'): got Int64"],
    ),
    (
        "missing column",
        _transform("footnotes", lambda df: df.drop("text")),
        ["footnotes.text: is missing"],
    ),
    (
        "extra column",
        _transform("dates", lambda df: df.with_columns(year=pl.col("date").dt.year())),
        ["dates.year: is not a column of the table"],
    ),
    ("missing table", _drop_table("footnotes"), ["footnotes: is missing"]),
    (
        "unknown table",
        _add_table("documents_old"),
        ["documents_old: is not a table of the release"],
    ),
]


def test_valid_batch_passes_with_columns_in_schema_order() -> None:
    batch = valid_batch()
    batch["paragraphs"] = batch["paragraphs"].select(reversed(batch["paragraphs"].columns))
    validated = validate_tables(batch)
    assert list(validated) == list(TABLES)
    assert validated["paragraphs"].columns == table_schema("paragraphs").names()
    assert validated["paragraphs"].equals(valid_batch()["paragraphs"])


def test_a_batch_may_leave_out_the_release_wide_tables() -> None:
    batch = valid_batch()
    for name in RELEASE_WIDE_TABLES:
        del batch[name]
    assert list(validate_tables(batch)) == [name for name in TABLES if name in batch]


def test_the_batch_of_an_empty_run_is_valid() -> None:
    tables = empty_tables()
    assert validate_tables(tables).keys() == TABLES.keys()
    for name, df in tables.items():
        assert df.is_empty()
        assert df.schema == table_schema(name)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in VIOLATIONS],
)
def test_violation_is_refused_naming_table_column_and_rows(
    mutate: Callable[[Tables], None], expected: list[str]
) -> None:
    batch = valid_batch()
    mutate(batch)
    with pytest.raises(SchemaViolation) as raised:
        validate_tables(batch)
    message = str(raised.value)
    for fragment in expected:
        assert fragment in message
    assert list(raised.value.problems) == message.split("\n")


def test_many_offending_rows_show_a_few_and_count_the_rest() -> None:
    batch = valid_batch()
    batch["paragraphs"] = batch["paragraphs"].with_columns(kind=pl.lit("clause"))
    with pytest.raises(SchemaViolation) as raised:
        validate_tables(batch)
    kind_problem = next(p for p in raised.value.problems if p.startswith("paragraphs.kind"))
    assert kind_problem.startswith("paragraphs.kind: 4 rows fail isin(")
    assert kind_problem.count("value='clause'") == 3
    assert kind_problem.endswith("; ... 1 more")


@pytest.mark.parametrize("name", [name for name in TABLES if primary_key(name)])
def test_a_repeated_key_fails_on_the_keys_last_column(name: str) -> None:
    # The check is generated from the declared key: every keyed table has it.
    batch = valid_batch()
    assert batch[name].height, name
    batch[name] = pl.concat([batch[name], batch[name].head(1)])
    with pytest.raises(SchemaViolation) as raised:
        validate_tables(batch)
    column = primary_key(name)[-1]
    assert any(
        problem.startswith(f"{name}.{column}: 2 rows fail unique_key")
        for problem in raised.value.problems
    ), raised.value.problems


def test_every_model_documents_every_column() -> None:
    for name, model in TABLES.items():
        assert model.__doc__, name
        for column, spec in model.to_schema().columns.items():
            assert spec.description, f"{name}.{column}"


def test_schema_version_is_semantic() -> None:
    assert [part.isdigit() for part in SCHEMA_VERSION.split(".")] == [True, True, True]


def _citation(kind: str, value: str) -> pl.DataFrame:
    row = {"doc_id": DOC, "paragraph": None, "footnote": None, "kind": kind, "value": value}
    return _frame("citations", [{**row, "raw": value, "resolved_symbol": None}])


def _document_symbol(symbol: str) -> pl.DataFrame:
    return valid_batch()["documents"].with_columns(symbol=pl.lit(symbol))


REAL_SYMBOLS = [
    "A/RES/75/180",
    "A/RES/217 A (III)",
    "A/RES/192(III)",
    "A/RES/2625 (XXV)",
    "A/RES/3201 (S-VI)",
    "A/RES/ES-10/19",
    "A/RES/S-27/2",
    "A/RES/60/251",
    "S/RES/1325 (2000)",
    "S/RES/36 (1947)",
    "A/HRC/RES/31/12",
    "A/HRC/DEC/30/115",
    "A/HRC/RES/S-29/1",
    "E/RES/1996/31",
    "E/RES/1503 (XLVIII)",
    "E/CN.4/RES/2005/69",
    "E/CN.4/Sub.2/RES/2000/22",
    "A/DEC/72/410",
    "A/HRC/DEC/31/117",
    "A/HRC/RES/2006/5",
    "E/RES/2019/4",
    "E/CN.4/RES/2003/12",
    "E/CN.4/RES/8 (XXIII)",
    "S/RES/243 (1967)",
    "A/C.1/80/L.12",
    "A/C.3/80/L.12/Rev.1",
    "A/80/L.1",
    "A/ES-10/L.22",
    "A/HRC/31/L.5",
    "E/2019/L.3/Rev.1",
    "E/CN.4/2005/L.10/Add.1",
]
NOT_SYMBOLS = [
    "A/75/180",
    "75/180",
    "S/RES/1325",
    "S/2024/L.5",
    "A/C.7/80/L.1",
    "A/RES/75/180 ",
    "A/RES/75/180\n",
    "General Assembly resolution 75/180",
]


@pytest.mark.parametrize("symbol", REAL_SYMBOLS)
def test_real_resolution_symbols_pass(symbol: str) -> None:
    TABLES["documents"].validate(_document_symbol(symbol), lazy=True)


@pytest.mark.parametrize("symbol", NOT_SYMBOLS)
def test_non_symbols_fail(symbol: str) -> None:
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        TABLES["documents"].validate(_document_symbol(symbol), lazy=True)
    assert raised.value.failure_cases["check"].to_list() == ["un_symbol"]


REAL_CITATIONS = [
    ("resolution", "70/1"),
    ("resolution", "217 A (III)"),
    ("resolution", "60/251 B"),
    ("resolution", "2000/22"),
    ("resolution", "1996/31"),
    ("resolution", "1325"),
    ("resolution", "1325 (2000)"),
    ("resolution", "2625 (XXV)"),
    ("resolution", "ES-10/19"),
    ("resolution", "A/RES/70/1"),
    ("decision", "75/555"),
    ("document", "A/CONF.157/24 (Part I)"),
    ("document", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"),
    ("document", "S/PRST/2019/12"),
    ("document", "A/75/53"),
]
NOT_CITATIONS = [
    ("resolution", "2/CMA.1"),
    ("resolution", "72.2"),
    ("resolution", "E.96.IV.13"),
    ("resolution", "resolution 70/1"),
    ("document", "chap. III"),
    ("document", " A/75/53"),
    ("document", "A/75/53\nA/75/54"),
]


@pytest.mark.parametrize(("kind", "value"), REAL_CITATIONS)
def test_real_citations_pass(kind: str, value: str) -> None:
    TABLES["citations"].validate(_citation(kind, value), lazy=True)


@pytest.mark.parametrize(("kind", "value"), NOT_CITATIONS)
def test_citation_look_alikes_fail(kind: str, value: str) -> None:
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        TABLES["citations"].validate(_citation(kind, value), lazy=True)
    assert raised.value.failure_cases["check"].to_list() == ["citation_format"]


@pytest.mark.parametrize("name", list(TABLES))
def test_a_table_of_inputs_is_sorted_by_its_input_column_first(name: str) -> None:
    # The merge interleaves kept and fresh rows by this column, and a diff limited to
    # some documents filters on it; a release-wide table names no input.
    column = input_column(name)
    if name in RELEASE_WIDE_TABLES:
        assert column is None
    else:
        assert column is not None and sort_key(name)[0] == column
        assert column in TABLES[name].to_schema().columns
