"""Found by frictionless-py, which loads every top-level ``frictionless_*`` module as a
plugin: in this project's environment ``frictionless validate`` reads Parquet tables
with pyarrow (see unres.datapackage)."""

from unres.datapackage import UnresPlugin

__all__ = ["UnresPlugin"]
