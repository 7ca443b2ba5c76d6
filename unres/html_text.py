"""Web pages to plain text, keeping what the parser reads structure from.

Block elements become line breaks (paragraphs a blank line apart), page chrome
(scripts, styles, navigation) is dropped, entities are unescaped, and footnote
superscripts stay visible as ``<sup>n</sup>`` so the parser finds the markers
exactly as in Markdown conversions. Whitespace is collapsed as a browser would,
except inside ``<pre>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never document text.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "head", "svg", "iframe", "object"}
    | {"button", "select", "textarea"}
)
_PARAGRAPH_ELEMENTS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"table", "blockquote", "pre", "section", "article", "header", "footer", "main"}
    | {"aside", "address", "figure", "figcaption", "caption", "center", "hr", "fieldset"}
)
_LINE_ELEMENTS = frozenset({"br", "tr"})
_CELL_ELEMENTS = frozenset({"td", "th"})

_COLLAPSIBLE_SPACE = re.compile(r"[ \t\n\r\f]+")
# What a footnote superscript holds: "1", "12", "1, 2", "[3]", "*", "†".
_FOOTNOTE_LABEL = re.compile(r"\[?([0-9]{1,3}(?:, ?[0-9]{1,3})*)\]?|[*†‡§]{1,3}")
_SPACE_BEFORE_BREAK = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")

_PARAGRAPH_BREAK = "\n\n"
_LINE_BREAK = "\n"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skipped: list[str] = []  # open skipped elements, innermost last
        self._pre_depth = 0
        self._superscript: list[str] | None = None  # text of the open <sup>, if any
        self._at_line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> (allowed in HTML) must not swallow the page
            self._skipped.clear()
        elif tag in _SKIPPED:
            self._skipped.append(tag)
        if self._skipped:
            return
        if tag == "sup":
            self._superscript = []
        elif tag == "pre":
            self._pre_depth += 1
        self._break_for(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipped:
            if tag in self._skipped:  # close it and whatever was left open inside it
                innermost = len(self._skipped) - 1 - self._skipped[::-1].index(tag)
                del self._skipped[innermost:]
            return
        if tag == "sup" and self._superscript is not None:
            self._close_superscript()
        elif tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag in _PARAGRAPH_ELEMENTS:
            self._break(_PARAGRAPH_BREAK)

    def handle_data(self, data: str) -> None:
        if self._skipped:
            return
        if self._superscript is not None:
            self._superscript.append(data)
            return
        self._emit(data if self._pre_depth else _COLLAPSIBLE_SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        if self._superscript is not None:
            self._close_superscript()

    def _close_superscript(self) -> None:
        assert self._superscript is not None
        content = _COLLAPSIBLE_SPACE.sub(" ", "".join(self._superscript)).strip()
        self._superscript = None
        label = _FOOTNOTE_LABEL.fullmatch(content)
        if label:
            self._emit(f"<sup>{label.group(1) or content}</sup>")
        else:  # an ordinal ("21<sup>st</sup>") or other raised text reads inline
            self._emit(content)

    def _break_for(self, tag: str) -> None:
        if tag in _PARAGRAPH_ELEMENTS:
            self._break(_PARAGRAPH_BREAK)
        elif tag in _LINE_ELEMENTS:
            self._break(_LINE_BREAK)
        elif tag in _CELL_ELEMENTS:
            self._emit(" ")

    def _break(self, separator: str) -> None:
        self.chunks.append(separator)
        self._at_line_start = True

    def _emit(self, text: str) -> None:
        if self._at_line_start and not self._pre_depth:
            text = text.lstrip(" ")
        if text:
            self.chunks.append(text)
            self._at_line_start = text.endswith("\n")


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, one block per paragraph."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _SPACE_BEFORE_BREAK.sub("\n", "".join(collector.chunks))
    return _BLANK_LINES.sub("\n\n", text).strip()
