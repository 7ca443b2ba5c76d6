"""The duplicate-input policy: inputs with the same bytes all stay, each flagged.

Every document whose bytes equal another's in a release carries the warning
``duplicate_input:<the other doc_ids>``. Duplicates can only be seen across all
batches, so the flags are set while the release tables are merged, on fresh rows and
on rows kept from an earlier release alike (whose copies may have come or gone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

import polars as pl
import pyarrow as pa

from schemas import table_file

DUPLICATE_WARNING: Final = "duplicate_input"


def duplicate_flags(
    shards: Sequence[str], previous: Path | None, dropped: list[str]
) -> dict[str, str]:
    """doc_id -> its ``duplicate_input:<other doc_ids>`` warning, for every document
    whose bytes equal another's in the release made of ``shards`` and of ``previous``
    less its ``dropped`` documents.

    Only two columns of the documents tables are read for it.
    """
    columns = ("doc_id", "source_sha256")
    pairs = [pl.scan_parquet(Path(s) / table_file("documents")).select(columns) for s in shards]
    if previous is not None:
        earlier = pl.scan_parquet(previous / table_file("documents")).select(columns)
        pairs.append(earlier.filter(~pl.col("doc_id").is_in(dropped)))
    if not pairs:
        return {}
    copies = (
        pl.concat(pairs)
        .group_by("source_sha256")
        .agg(pl.col("doc_id").sort().alias("copies"))
        .filter(pl.col("copies").list.len() > 1)
        .collect()
    )
    return {
        doc_id: f"{DUPLICATE_WARNING}:{','.join(other for other in group if other != doc_id)}"
        for group in copies["copies"].to_list()
        for doc_id in group
    }


def with_duplicate_flags(documents: pa.Table, flags: Mapping[str, str]) -> pa.Table:
    """Rows of the documents table with their duplicate flags set anew: rows kept from
    an earlier release carry that release's flags."""
    own = pl.col("warnings").list.eval(
        pl.element().filter(~pl.element().str.starts_with(DUPLICATE_WARNING))
    )
    flag = pl.col("doc_id").replace_strict(flags, default=None, return_dtype=pl.String)
    frame = pl.from_arrow(documents)
    assert isinstance(frame, pl.DataFrame)
    flagged = frame.with_columns(
        pl.when(flag.is_null()).then(own).otherwise(pl.concat_list(own, flag)).alias("warnings")
    )
    return flagged.to_arrow()
