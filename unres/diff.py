"""What changed between two releases: rows added, removed and changed, per table and
per document.

Rows are matched on their table's key (``schemas.primary_key``); tables without a
key (citations, dates) are compared as multisets of whole rows, so a row that moved
counts as removed plus added.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from schemas import TABLES, input_column, primary_key, table_file


@dataclass(frozen=True, slots=True)
class TableDiff:
    added: int
    removed: int
    changed: int


@dataclass(slots=True)
class ReleaseDiff:
    old: str
    new: str
    tables: dict[str, TableDiff] = field(default_factory=dict)
    # doc_ids (paths for rejects) with any row added, removed or changed
    documents_added: list[str] = field(default_factory=list)
    documents_removed: list[str] = field(default_factory=list)
    documents_changed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def summary(self) -> str:
        tables = "; ".join(
            f"{name} +{d.added} -{d.removed} ~{d.changed}" for name, d in self.tables.items()
        )
        return (
            f"documents: {len(self.documents_added)} added, {len(self.documents_removed)} "
            f"removed, {len(self.documents_changed)} changed; rows: {tables}"
        )


def diff_releases(old: Path, new: Path, *, documents: Collection[str] | None = None) -> ReleaseDiff:
    """Compare release ``new`` with ``old``.

    ``documents``, when given, are the only documents (doc_ids, paths of rejects) whose
    rows can differ between the two, as after a build that kept every other row: the
    other tables are compared on these documents' rows alone.
    """
    diff = ReleaseDiff(old=old.resolve().name, new=new.resolve().name)
    only = None if documents is None else sorted(documents)
    touched: set[str] = set()
    for name in TABLES:
        before = pl.scan_parquet(old / table_file(name))
        after = pl.scan_parquet(new / table_file(name))
        document = input_column(name)
        # documents is compared whole, as a duplicate mark (duplicate_input, duplicate_of)
        # names other documents; so is a table whose rows come from no one input
        # (citation_edges counts across documents).
        if only is not None and name != "documents" and document is not None:
            before, after = (rows.filter(pl.col(document).is_in(only)) for rows in (before, after))
        table_diff, documents_touched = _diff_table(before, after, primary_key(name), document)
        diff.tables[name] = table_diff
        touched |= documents_touched
    old_docs = _document_ids(old)
    new_docs = _document_ids(new)
    diff.documents_added = sorted(new_docs - old_docs)
    diff.documents_removed = sorted(old_docs - new_docs)
    diff.documents_changed = sorted(touched & old_docs & new_docs)
    return diff


def _document_ids(release: Path) -> set[str]:
    ids: set[str] = set()
    for name in ("documents", "rejects"):
        column = input_column(name)
        assert column is not None  # every document and reject is an input
        ids.update(pl.read_parquet(release / table_file(name), columns=[column])[column])
    return ids


def _diff_table(
    before: pl.LazyFrame, after: pl.LazyFrame, key: tuple[str, ...], document: str | None
) -> tuple[TableDiff, set[str]]:
    """Counts for one table, and the documents (named in column ``document``) whose
    rows differ.

    Each side is reduced to its key (and document) plus one hash of the rest of the
    row while it streams in, so comparing two large releases never holds their texts.
    """
    columns = before.collect_schema().names()
    if key:
        return _diff_keyed(before, after, list(key), document, columns)
    return _diff_multiset(before, after, document, columns)


def _hashed(rows: pl.LazyFrame, keep: list[str], values: list[str]) -> pl.DataFrame:
    return rows.select(*keep, pl.struct(values).hash().alias("_row")).collect(engine="streaming")


def _diff_keyed(
    before: pl.LazyFrame,
    after: pl.LazyFrame,
    key: list[str],
    document: str | None,
    columns: list[str],
) -> tuple[TableDiff, set[str]]:
    values = [c for c in columns if c not in key]
    old, new = _hashed(before, key, values), _hashed(after, key, values)
    added = new.join(old, on=key, how="anti", nulls_equal=True)
    removed = old.join(new, on=key, how="anti", nulls_equal=True)
    both = old.join(new, on=key, how="inner", nulls_equal=True)
    changed = both.filter(pl.col("_row") != pl.col("_row_right"))
    documents = _documents_of([added, removed, changed], document)
    return TableDiff(added.height, removed.height, changed.height), documents


def _diff_multiset(
    before: pl.LazyFrame, after: pl.LazyFrame, document: str | None, columns: list[str]
) -> tuple[TableDiff, set[str]]:
    by = [document] if document else []
    old = _hashed(before, by, columns).group_by(*by, "_row").len()
    new = _hashed(after, by, columns).group_by(*by, "_row").len()
    joined = old.join(new, on=[*by, "_row"], how="full", coalesce=True, nulls_equal=True)
    counts = joined.with_columns(pl.col("len").fill_null(0), pl.col("len_right").fill_null(0))
    gained = counts.filter(pl.col("len_right") > pl.col("len"))
    lost = counts.filter(pl.col("len") > pl.col("len_right"))
    added = int((gained["len_right"] - gained["len"]).sum())
    removed = int((lost["len"] - lost["len_right"]).sum())
    return TableDiff(added, removed, 0), _documents_of([gained, lost], document)


def _documents_of(frames: list[pl.DataFrame], document: str | None) -> set[str]:
    if document is None:
        return set()
    return {value for frame in frames for value in frame[document].to_list()}
