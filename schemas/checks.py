"""Row checks shared by the table models.

Each function takes pandera's ``PolarsData`` (the whole table as a LazyFrame plus
the name of the column being checked) and returns one boolean per row, so pandera
can name the failing rows. A null verdict counts as a pass (pandera's ``ignore_na``):
these checks give null for a null value and leave nulls to the nullability rule.
"""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl


def _per_row(data: pa.PolarsData, verdict: pl.Expr) -> pl.LazyFrame:
    return data.lazyframe.select(verdict.alias(data.key))


def matches(data: pa.PolarsData, pattern: str) -> pl.LazyFrame:
    return _per_row(data, pl.col(data.key).str.contains(pattern))


def not_blank(data: pa.PolarsData) -> pl.LazyFrame:
    return _per_row(data, pl.col(data.key).str.strip_chars().str.len_chars() > 0)


def every_element_matches(data: pa.PolarsData, pattern: str) -> pl.LazyFrame:
    elements_match = pl.col(data.key).list.eval(pl.element().str.contains(pattern))
    return _per_row(data, elements_match.list.all())


def every_element_at_least(data: pa.PolarsData, minimum: int) -> pl.LazyFrame:
    return _per_row(data, pl.col(data.key).list.eval(pl.element() >= minimum).list.all())


def date_between(data: pa.PolarsData, earliest: dt.date, latest: dt.date) -> pl.LazyFrame:
    return _per_row(data, pl.col(data.key).is_between(earliest, latest))


def unique_together(data: pa.PolarsData, key: tuple[str, ...]) -> pl.LazyFrame:
    """The checked column, together with the rest of ``key``, is unique in the table."""
    return _per_row(data, ~pl.struct(key).is_duplicated())


def consecutive_from_zero(data: pa.PolarsData, group: str) -> pl.LazyFrame:
    """Within each ``group`` the column's values are 0, 1, 2, ... with no gap.

    Compared by rank, not by row order, so a table need not be sorted; the rows
    after a gap (and any negative value) fail. Repeats are ``unique_together``'s
    concern.
    """
    rank_from_zero = pl.col(data.key).rank("dense").over(group).cast(pl.Int64) - 1
    return _per_row(data, pl.col(data.key).cast(pl.Int64) == rank_from_zero)
