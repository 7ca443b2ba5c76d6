"""The column that ties the tables together, named once for the code that joins them."""

from __future__ import annotations

DOC_ID = "doc_id"
"""The input a row comes from, its path under the input directory: the key of
``documents`` and the column by which every other document table points into it."""
