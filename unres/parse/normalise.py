"""Canonical text: one spelling for what converters write in many ways.

What ``normalise`` guarantees to the later stages:

* ``\\n`` line ends, no BOM, soft hyphens or zero-width characters; odd spaces
  (NBSP, thin, tab ...) are plain spaces, runs of spaces are one space, lines are
  stripped and blank lines come one at a time; the non-breaking hyphen is ``-``.
  Quotes and apostrophes are kept as the text gives them.
* YAML front matter is gone, and so are dataset wrappers: tab-separated rows that repeat
  metadata columns, JSON strings with every paragraph in quotes (``records``).
* Markdown and HTML markup is gone: headings, links (``[70/1](#)`` -> ``70/1``),
  images, backslash escapes, tags and entities (also HTML-escaped tags).
* Emphasis (``*x*``, ``**x**``, ``_x_``) is kept as ``EMPHASIS_OPEN x EMPHASIS_CLOSE``
  because the leading emphasised span is the best evidence of a verb phrase.
* Footnote references whose form leaves no doubt (``<sup>3</sup>``, ``$^3$``,
  ``$2000,^2$``, ``³``, ``[^3]``, ``[3]``, ``3/`` in 1990s texts) are
  ``footnote_mark(3)``; a definition (``[^3]: text``, ``<sup>3</sup> text``) is a
  line that starts with the mark. Bare digits are left for ``footnotes`` to judge.
* Horizontal rules (``---``, ``_____``, also glued to the end or start of a line)
  are lines holding only ``RULE``.
"""

from __future__ import annotations

import html
import re

from unres.parse.marks import (
    ALL_MARKS,
    EMPHASIS_CLOSE,
    EMPHASIS_OPEN,
    RULE,
    footnote_mark,
)
from unres.parse.prefilter import Prefiltered
from unres.parse.records import unwrap_records

__all__ = ["SUPERSCRIPT_DIGITS", "SUP_NUMBER", "UNICODE_MARKER", "normalise"]

# --- character level -----------------------------------------------------------------

_ODD_SPACES = (
    "\t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000"
)
_INVISIBLE = "\ufeff\u00ad\u200b\u200c\u200d\u2060\u180e"
_REPLACEMENTS = {
    **{char: " " for char in _ODD_SPACES},
    **{char: "" for char in _INVISIBLE + ALL_MARKS},
    "\u2010": "-",
    "\u2011": "-",
    "\u2028": "\n",
    "\u2029": "\n",
    "\r": "\n",
}
_ODD_CHARACTER = re.compile("[" + "".join(_REPLACEMENTS) + "]")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# --- wrapper and markup patterns ----------------------------------------------------

_FRONT_MATTER = re.compile(
    r"\A\s*(?:---|\+\+\+)[ ]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ ]*(?:\n|\Z)", re.S
)
# ``<sup>&</sup>lt;sup&gt;3</sup>``: an escaped tag whose ampersand was itself tagged.
_TAGGED_AMPERSAND = Prefiltered(
    re.compile(r"<sup>\s*&(?:amp;)?\s*</sup>(?=(?:lt|gt);)"), "<sup>", "<SUP>"
)
_ENTITY = Prefiltered(re.compile(r"&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,10});"), "&")
SUP_NUMBER = Prefiltered(
    re.compile(r"<(?:sup|SUP)>\s*(\d{1,3})\s*</(?:sup|SUP)>"), "<sup>", "<SUP>"
)
_SUP_SYMBOL = Prefiltered(re.compile(r"<(?:sup|SUP)>\s*[*†‡]+\s*</(?:sup|SUP)>"), "<sup>", "<SUP>")
# Up to the next closing tag, never past another opening one: from each of a long run
# of unclosed "<sup>" the search would otherwise read to the end of the text.
_SUP_OTHER = Prefiltered(
    re.compile(r"<(?:sup|SUP)>((?:(?!<(?:sup|SUP)>).)*?)</(?:sup|SUP)>", re.S), "<sup>", "<SUP>"
)
_BLOCK_TAG = Prefiltered(
    re.compile(r"<(?:br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?ul|/?ol|/?table)\b[^<>]*>", re.I), "<"
)
_INLINE_TAG = Prefiltered(re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), "<")
_AUTOLINK = Prefiltered(re.compile(r"<(https?://[^>\s]+)>"), "<http")
_LATEX_MARKER = Prefiltered(
    re.compile(r"\$\s*([^$\n^]{0,40}?)\s*\^\s*\{?\s*(\d{1,3})\s*\}?\s*\$"), "$"
)
UNICODE_MARKER = Prefiltered(re.compile(f"[{SUPERSCRIPT_DIGITS}]{{1,3}}"), *SUPERSCRIPT_DIGITS)
# "[^n]:" defines a footnote wherever it stands; in a text run onto one line it
# gets back the line of its own it had.
_MD_FOOTNOTE_DEFINITION = Prefiltered(re.compile(r"\[\^(\d{1,4})\]:[ ]*"), "[^")
_MD_FOOTNOTE_REFERENCE = Prefiltered(re.compile(r"\[\^(\d{1,4})\]"), "[^")
_BRACKETED_NUMBER = Prefiltered(re.compile(r"\[(\d{1,3})\]"), "[")
_OLD_STYLE_MARKER = Prefiltered(
    re.compile(
        r"(?<=[\s,.;:)\]\u201d\"'\u2019])(\d{1,3})/(?=[ ]*$|[ ]+(?!\d)|[ ]+\d{1,3}\.\s|\n)", re.M
    ),
    "/ ",
    "/\n",
)
_IMAGE = Prefiltered(re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), "](")
_LINK = Prefiltered(
    re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"), "]("
)
_RULE_LINE = re.compile(r"(?:_+|-{3,}|\*{3,}|—{2,}|={3,}|(?:[-*_] ){2,}[-*_])")
_RULE_OPENING = re.compile(r"_{3,} ?(?=\S)")
_RULE_CLOSING = re.compile(r"(?<=\S) (?:-{3,}|_{3,})$")
_HEADING_CLOSE = re.compile(r" #+$")
_ASTERISK_EMPHASIS = Prefiltered(
    re.compile(
        r"(\*(?<![\\*\w]\*)\*{0,2})(?=[^\s*])([^*\n]+(?:\n[^*\n]+)?)(?<=[^\s*\\])\1(?![*\w])"
    ),
    "*",
)
_UNDERSCORE_EMPHASIS = Prefiltered(
    re.compile(r"(_(?<![\w\\]_)_{0,2})(?=[^\s_])([^_\n]+)(?<=[^\s_])\1(?![\w_])"), "_"
)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\.?")
_LETTER = re.compile(r"[^\W\d_]")
_BACKSLASH_ESCAPE = Prefiltered(re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'$&])"), "\\")
_SPACES = Prefiltered(re.compile(r"  +"), "  ")
_BLANK_RUNS = re.compile(r"\n\n\n+")
_RULE_CHARACTERS = "-_*—="
_RULE_ENDINGS = ("---", "___")
# What a line with heading, quote or rule markup opens with.
_MARKUP_LEADS = frozenset("#>" + _RULE_CHARACTERS)


def normalise(raw: str) -> str:
    raw = raw.replace("\r\n", "\n")
    raw = unwrap_records(raw)
    text = _ODD_CHARACTER.sub(_replacement, raw)
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _unify_html(text)
    text = _unify_markers(text)
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    # Most lines hold no markup: only those that open or end like it are looked at.
    text = "\n".join(
        [
            _unify_line(line) if line[:1] in _MARKUP_LEADS or line.endswith(_RULE_ENDINGS) else line
            for line in lines
        ]
    )
    text = _unify_emphasis(text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def _unify_html(text: str) -> str:
    text = _TAGGED_AMPERSAND.sub("&", text)
    text = _ENTITY.sub(_unescaped, text)
    text = SUP_NUMBER.sub(lambda m: footnote_mark(int(m.group(1))), text)
    text = _SUP_SYMBOL.sub("", text)
    text = _SUP_OTHER.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _BLOCK_TAG.sub("\n", text)
    return _INLINE_TAG.sub("", text)


def _unescaped(entity: re.Match[str]) -> str:
    # An entity may stand for an odd character: "&nbsp;" is an odd space.
    return _ODD_CHARACTER.sub(_replacement, html.unescape(entity.group()))


def _unify_markers(text: str) -> str:
    text = _LATEX_MARKER.sub(lambda m: m.group(1) + footnote_mark(int(m.group(2))), text)
    text = UNICODE_MARKER.sub(
        lambda m: footnote_mark(int(m.group().translate(_FROM_SUPERSCRIPT))), text
    )
    text = _MD_FOOTNOTE_DEFINITION.sub(_definition, text)
    text = _MD_FOOTNOTE_REFERENCE.sub(lambda m: footnote_mark(int(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _BRACKETED_NUMBER.sub(lambda m: footnote_mark(int(m.group(1))), text)
    return _OLD_STYLE_MARKER.sub(lambda m: footnote_mark(int(m.group(1))), text)


def _definition(match: re.Match[str]) -> str:
    # Spaces before the label stay: the lines are stripped afterwards.
    own_line = match.string[: match.start()].rstrip(" ")[-1:] in ("", "\n")
    return ("" if own_line else "\n") + footnote_mark(int(match.group(1))) + " "


def _unify_line(line: str) -> str:
    """A stripped line without heading or quote marks, a rule as ``RULE``."""
    first = line[:1]
    if first == "#":
        line = _HEADING_CLOSE.sub("", line.lstrip("#")).strip()
    elif first == ">":
        line = line.lstrip("> ")
    elif first in _RULE_CHARACTERS and first:
        if _RULE_LINE.fullmatch(line):
            return RULE
        opening = _RULE_OPENING.match(line)
        if opening:
            line = RULE + "\n" + line[opening.end() :]
    if line.endswith(_RULE_ENDINGS):
        line = _RULE_CLOSING.sub("\n" + RULE, line)
    return line


def _unify_emphasis(text: str) -> str:
    text = _ASTERISK_EMPHASIS.sub(_emphasis, text)
    text = _UNDERSCORE_EMPHASIS.sub(_emphasis, text)
    return _BACKSLASH_ESCAPE.sub(r"\1", text)


def _emphasis(match: re.Match[str]) -> str:
    inner = match.group(2)
    if _LETTER.search(inner):
        return EMPHASIS_OPEN + inner + EMPHASIS_CLOSE
    # ``**1.**`` is a bold paragraph number; ``*2517700*`` is a barcode, left as printed.
    return inner if _PARAGRAPH_NUMBER.fullmatch(inner) else match.group()
