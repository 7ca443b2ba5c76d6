"""Resolution texts stored as dataset records, unwrapped to plain text.

Datasets hand texts over in two wrappers a resolution's own text never has:

* tab-separated rows, one per paragraph, that repeat the document's metadata in every
  row ("S/RES/1820 (2008)<TAB>2008-06-19<TAB>3<TAB>operative<TAB>1. Stresses ..."),
  often under a row of column names. The paragraph column is the one with the longest
  cells; a column whose value every row repeats is metadata and is kept once, at the
  top, where a header would print it; other short columns (numbers, kinds) go.
* JSON strings, every paragraph in quotes: a JSON array (``["The Security Council,",
  "Recalling ...", ...]``) or one quoted string per line with a trailing comma. Each
  string is decoded (``\\"``, ``\\n``) and becomes a paragraph.

Any other text is returned unchanged.
"""

from __future__ import annotations

import json
import re
from collections import Counter

__all__ = ["unwrap_records"]

# A row layout counts when this share of the non-empty lines has it, and at least
# this many lines do.
_LAYOUT_SHARE = 0.8
_MIN_ROWS = 3
_QUOTED_LINE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$')
_ARRAY_EDGE = re.compile(r"^\s*[\[\]]\s*,?\s*$")
_CSV_QUOTED = re.compile(r'^"(.*)"$', re.S)


def unwrap_records(text: str) -> str:
    """``text`` with a dataset wrapper (tab-separated rows, JSON strings) taken off."""
    opening = text.lstrip()[:1]
    if opening in '["':
        strings = _json_strings(text)
        if strings is not None:
            return "\n\n".join(strings)
    if "\t" in text:
        rows = _tab_rows(text)
        if rows is not None:
            return _rows_as_text(rows)
    return text


def _json_strings(text: str) -> list[str] | None:
    """The strings of a JSON array of strings, or of one quoted string per line."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = None
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            return [item.strip() for item in value if item.strip()]
    lines = [line for line in text.split("\n") if line.strip() and not _ARRAY_EDGE.match(line)]
    quoted = [found for line in lines if (found := _QUOTED_LINE.match(line))]
    if len(quoted) < _MIN_ROWS or len(quoted) < _LAYOUT_SHARE * len(lines):
        return None
    strings = []
    for found in quoted:
        try:
            strings.append(json.loads(f'"{found.group(1)}"').strip())
        except ValueError:  # an escape JSON does not know: keep the text as printed
            strings.append(found.group(1).strip())
    return [string for string in strings if string]


def _tab_rows(text: str) -> list[list[str]] | None:
    """The cells of tab-separated rows, when most lines are rows of one width."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < _MIN_ROWS:
        return None
    widths = Counter(line.count("\t") for line in lines)
    tabs, count = widths.most_common(1)[0]
    if tabs == 0 or count < _MIN_ROWS or count < _LAYOUT_SHARE * len(lines):
        return None
    return [
        [_cell(cell) for cell in line.split("\t")] for line in lines if line.count("\t") == tabs
    ]


def _cell(cell: str) -> str:
    """A cell without the quotes a CSV writer puts around it (doubled quotes undone)."""
    cell = cell.strip()
    quoted = _CSV_QUOTED.match(cell)
    return quoted.group(1).replace('""', '"') if quoted else cell


def _rows_as_text(rows: list[list[str]]) -> str:
    width = len(rows[0])
    # A first row of column names differs where every other row repeats one value.
    repeated_below = [len({row[i] for row in rows[1:]}) == 1 for i in range(width)]
    if any(same and rows[0][i] != rows[1][i] for i, same in enumerate(repeated_below)):
        rows = rows[1:]
    text_column = max(range(width), key=lambda i: sum(len(row[i]) for row in rows))
    metadata = [
        rows[0][i]
        for i in range(width)
        if i != text_column and rows[0][i] and len({row[i] for row in rows}) == 1
    ]
    paragraphs = [row[text_column] for row in rows if row[text_column]]
    return "\n\n".join([*metadata, *paragraphs])
