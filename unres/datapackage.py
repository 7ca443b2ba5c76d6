"""A release as a frictionless data package: ``datapackage.json``, generated with
frictionless-py from the pandera models in ``schemas/``, and a Parquet reader that lets
frictionless validate the tables as they are.

Every column is a typed field (lists are arrays with a typed item), required where the
model needs a value; every table with a key declares it, and the tables of a
document's parts point to ``documents`` through their doc_id. The licence and the
sources come from ``[tool.unres.datapackage]`` in pyproject.toml.

frictionless reads Parquet through pandas, which turns a list column into numpy
arrays and a nullable integer column into floats with NaN: both then fail their
field's type, however right the table is. ``UnresPlugin`` reads Parquet with pyarrow
into plain Python values instead; the top-level module ``frictionless_unres`` puts it
in front of frictionless's own reader, so ``frictionless validate datapackage.json``
run in this project's environment checks every row.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import frictionless
import polars as pl
import pyarrow.parquet as pq
from frictionless import Package, Parser, Plugin, Schema, fields
from frictionless.resources import TableResource
from polars.datatypes.classes import DataTypeClass as PolarsDataTypeClass

from schemas import DOCUMENT_PARTS, SCHEMA_VERSION, TABLES, primary_key, table_file
from schemas.columns import DOC_ID

DATAPACKAGE_FILE = "datapackage.json"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

_FIELD_TYPES: dict[PolarsDataTypeClass, type[frictionless.Field]] = {
    pl.String: fields.StringField,
    pl.Int32: fields.IntegerField,
    pl.Int64: fields.IntegerField,
    pl.Date: fields.DateField,
}
_PARQUET_FORMATS = ("parquet", "parq")


def write_datapackage(release_dir: Path) -> Path:
    """Write ``datapackage.json`` describing the tables in ``release_dir``."""
    target = release_dir / DATAPACKAGE_FILE
    descriptor = release_package().to_descriptor()
    target.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return target


def release_package() -> Package:
    """The data package of a release: every table as a typed tabular resource."""
    about = package_metadata()
    return Package(
        name="unres",
        title=about["title"],
        description=about["description"],
        version=SCHEMA_VERSION,
        licenses=about["licenses"],
        sources=about["sources"],
        resources=[_resource(name) for name in TABLES],
    )


@cache
def package_metadata() -> dict[str, Any]:
    """Title, description, licences and sources of the dataset, from pyproject.toml."""
    with PYPROJECT.open("rb") as stream:
        metadata: dict[str, Any] = tomllib.load(stream)["tool"]["unres"]["datapackage"]
    return metadata


def _resource(table: str) -> TableResource:
    model = TABLES[table]
    schema = Schema(
        fields=[_field(name, column) for name, column in model.to_schema().columns.items()],
        primary_key=list(primary_key(table)),
    )
    if table in DOCUMENT_PARTS:
        schema.foreign_keys = [
            {"fields": [DOC_ID], "reference": {"resource": "documents", "fields": [DOC_ID]}}
        ]
    return TableResource(
        name=table,
        path=table_file(table),
        format="parquet",
        mediatype="application/vnd.apache.parquet",
        description=" ".join((model.__doc__ or "").split()),
        schema=schema,
    )


def _field(name: str, column: Any) -> frictionless.Field:
    dtype: pl.DataType = column.dtype.type
    constraints = {"required": True} if not column.nullable else {}
    description = column.description or ""
    if isinstance(dtype, pl.List):
        item = _FIELD_TYPES[dtype.inner.base_type()](name="item")
        return fields.ArrayField(
            name=name,
            description=description,
            constraints=constraints,
            array_item={"type": item.type},
        )
    return _FIELD_TYPES[dtype.base_type()](
        name=name, description=description, constraints=constraints
    )


class ArrowParquetParser(Parser):
    """Reads a Parquet file with pyarrow: lists arrive as lists, nulls as None."""

    supported_types: ClassVar[list[str]] = [
        "array",
        "boolean",
        "date",
        "datetime",
        "integer",
        "number",
        "string",
    ]

    def read_cell_stream_create(self) -> Iterator[list[Any]]:
        file = pq.ParquetFile(self.resource.normpath)
        yield file.schema_arrow.names
        for batch in file.iter_batches():
            yield from map(list, zip(*batch.to_pydict().values(), strict=True))


class UnresPlugin(Plugin):
    """frictionless plugin: local Parquet files are read by ArrowParquetParser."""

    def create_parser(self, resource: frictionless.Resource) -> ArrowParquetParser | None:
        if resource.format in _PARQUET_FORMATS and not resource.remote:
            return ArrowParquetParser(resource)
        return None
