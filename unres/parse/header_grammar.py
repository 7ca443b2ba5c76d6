"""The grammar of resolution headers and closing lines, as patterns only (the logic that
ranks and combines them is in ``header``).

Most patterns are declared with the keyword they start at ("adopted by the ...", "Agenda
item ...") or end with ("46th plenary meeting"), or the needle they hold ("RES" of a
printed symbol), and match only there (see ``prefilter``). Patterns that end in ``\\Z``
read what stands just before a position: the "Resolution" before "adopted by".

Organ names are spelled with ``spaced`` so that converter damage ("General Assembl y",
"Gene ral Assembly", "GeneralAssembly", capitals, a line break between words) still reads.
"""

from __future__ import annotations

import re

from unres.parse.bodies import (
    ADOPTED_TYPES,
    ORGANS,
    SERIES_MARKS,
    SESSION_SCHEMES,
    adopted_type_words_pattern,
    longest_first,
    names_pattern,
    number_pattern,
    numbering_of,
    prefixes_pattern,
    printed_numbers_pattern,
    with_series,
)
from unres.parse.prefilter import AroundNeedle, AtKeyword, EndingAtKeyword, Prefiltered
from unres.parse.vocab import ORDINAL_WORDS


def spaced(name: str) -> str:
    """``name`` as a case-blind pattern that survives converter spacing damage.

    A space may be inserted inside a word ("Assembl y") and the space between words may
    be lost ("GeneralAssembly") or be any run of whitespace (a wrapped line).
    """
    words = [" ?".join(re.escape(char) for char in word) for word in name.split()]
    return "(?i:" + r"\s*".join(words) + ")"


def squashed(text: str) -> str:
    """The key under which an organ name is looked up: no spaces or hyphens, lower case."""
    return _SPACE_OR_HYPHEN.sub("", text).lower()


_SPACE_OR_HYPHEN = re.compile(r"[\s\-]+")


_ORGAN = (
    "(?:"
    + "|".join(spaced(name) for name in longest_first(n for o in ORGANS for n in o.names))
    + ")"
)
ORGAN_BY_SQUASHED_NAME = {squashed(name): organ.name for organ in ORGANS for name in organ.names}

_DASHES = "\\-\u2010\u2011\u2012\u2013"
HUNDREDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
# "46th", "73rd", "52nd", "1st", "2d", or in words: "Seventeenth", "Seventy-fifth",
# "One hundredth", 1940s "Hundred and fifty-seventh", "Two hundred and third".
_ORDINAL = (
    r"(?:(?<![0-9])(?P<number>[0-9]{1,5})\s?(?i:st|nd|rd|th|d)"
    rf"|(?<![A-Za-z])(?:(?P<hundreds>(?:(?P<times>(?i:{'|'.join(HUNDREDS)}))\s+)?(?i:hundred))"
    r"(?:\s+(?i:and))?\s+)?"
    rf"(?P<word>(?i:one\s+)?[A-Za-z]+(?:\s?[{_DASHES}]\s?[A-Za-z]+)?))"
)
_HUNDREDS_WORDS = "|".join(HUNDREDS)
# An ordinal in words up to "one hundredth" ("Seventy-fifth", "Fifty- first"), its
# spaces and dashes as converters leave them. Case is the caller's to set.
ORDINAL_IN_WORDS = "|".join(
    word.replace(" ", r"\s+").replace("-", rf"\s?[{_DASHES}]\s?")
    for word in longest_first(ORDINAL_WORDS)
)
# A meeting's ordinal as a whole-line check reads it, in digits or in words ("1883rd",
# "Fifty-second", "Hundred and fifty-seventh"), then a qualifier a resumed meeting
# prints: "50th (resumed) plenary meeting". Case is the caller's to set.
MEETING_ORDINAL = (
    rf"(?:[0-9]{{1,5}}\s?(?:st|nd|rd|th|d)"
    rf"|(?:(?:(?:{_HUNDREDS_WORDS})\s+)?hundred\s+(?:and\s+)?)?(?:{ORDINAL_IN_WORDS}))"
    r"\s*(?:\(\s*(?:resumed|continued)\s*\)\s*)?"
)
ORDINAL_WORD_DASH = re.compile(rf"\s*[{_DASHES}]\s*")
WHITESPACE = re.compile(r"\s+")

# --- the enacting formula that closes the header ------------------------------------------

# "The General Assembly," (the comma may be missing before a single operative
# paragraph, then the line ends; a decision of lettered items has a colon).
# Not "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY".
ENACTING_FORMULA = AtKeyword(
    re.compile(
        r"(?<!by )(?<!BY )(?<!of )(?<!OF )(?<!to )(?<!TO )"
        rf"(?:The|THE)\s+(?P<organ>{_ORGAN})\s*(?:,|:|$)",
        re.MULTILINE,
    ),
    "The",
    "THE",
)
# 1940s texts open a line with the organ alone: "Security Council, having received ...".
ENACTING_FORMULA_BARE = re.compile(rf"[\"'\u201c\u2018]?[ \t]*(?P<organ>{_ORGAN})\s*,")
# A Human Rights Council decision has no formula of its own; its operative sentence opens
# "At its 30th meeting, on 5 April 2016, the Human Rights Council decided ...".
ENACTING_FORMULA_DECISION = re.compile(
    rf"(?:At|AT)\s+(?:its|ITS)\s+[0-9]{{1,5}}\s?(?i:st|nd|rd|th|d)\s+(?i:plenary\s+)?(?i:meeting)\b"
    rf"[^.;]{{0,60}}?\b(?i:the)\s+(?P<organ>{_ORGAN})\b"
)

# --- adoption and meetings ---------------------------------------------------------------

# "[Resolution] adopted by the General Assembly [on 16 December 2020]", possibly wrapped.
ADOPTED_BY = AtKeyword(
    re.compile(rf"(?i:adopted\s+by\s+the)\s+(?P<organ>{_ORGAN})"), "adopted", case_blind=True
)
KIND_BEFORE_ADOPTED = re.compile(r"(?P<kind>(?i:resolution|decision))s?\s+\Z")
KIND_BEFORE_ADOPTED_REACH = 16
# "Adopted by the Security Council at its 8808th meeting", "Adopted unanimously at its
# 219th meeting", 1940s "Adopted at the 5th meeting". Not "at its 46th plenary meeting".
# The Security Council's printed volumes add "Approved", "without a vote", "resumed",
# "(closed)" and line-end hyphens ("194th meet-\ning"), and their OCR misreads digits
# (see OCR_MEETING_NUMBER) and drops an "e" ("1771st meting").
OCR_MEETING_NUMBER = r"[0-9Iil\]][0-9Iil\]OS]{0,4}(?:[ ][0-9]{1,2}(?=\s?(?i:st|nd|rd|th|d)\b))?"
# "th" read as "ih" ("]8S6ih meeting").
_MEETING_ORDINAL = r"(?i:st|nd|rd|th|d|ih)"
_MEETING_WORD = r"(?i:mee?t(?:-\s*)?ing)\b"
_ADOPTED_AT_MEETING = re.compile(
    r"(?i:(?:adopted|approved)(?:[\s,]+(?:unanimously|without\s+a\s+vote|by\s+consensus))*"
    r"[\s,]+(?:by\s+the\s+)?)"
    # The organ, or what is left of its name ("Adopted by the Security at its ...").
    rf"(?:(?P<organ>{_ORGAN})|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
    r"(?i:\s*at\s+(?:its|the)\s+(?:resumed\s+)?)"
    rf"(?P<meeting>{OCR_MEETING_NUMBER})\s?{_MEETING_ORDINAL}_?\s+"
    rf"(?:\((?i:closed|private)\)\s+)?{_MEETING_WORD}"
)
ADOPTED_AT_MEETING = AtKeyword(_ADOPTED_AT_MEETING, "adopted", case_blind=True)
APPROVED_AT_MEETING = AtKeyword(_ADOPTED_AT_MEETING, "approved", case_blind=True)

# Human Rights Council decisions: "At its 30th meeting, on 5 April 2016, the Human Rights
# Council decided ...". Capital "At": a sentence opening, not "appointed ... at its".
AT_ITS_MEETING = AtKeyword(
    re.compile(
        r"(?<![A-Za-z])(?:At|AT)\s+(?:its|ITS)\s+(?P<meeting>[0-9]{1,5})\s?(?i:st|nd|rd|th|d)"
        r"\s+(?i:meeting)\b"
    ),
    "at its",
    case_blind=True,
)

# "46th plenary meeting", "Seventeenth plenary meeting", "53rd meeting".
ORDINAL_BEFORE_MEETING = EndingAtKeyword(
    re.compile(
        rf"{_ORDINAL}\s*(?i:\(\s*(?:resumed|continued)\s*\)\s*)?(?P<plenary>(?i:plenary)\s+)?"
        r"(?i:meeting)\Z"
    ),
    "meeting",
    reach=48,
    case_blind=True,
)

# What may stand between a meeting or adoption phrase and its date: ", on", "held on".
DATE_LEAD = re.compile(r"[\s,]*(?i:held\s+)?(?i:on)?\s*")
# How far after its lead-in a date may end ("28 September 2020" plus damage).
DATE_REACH = 40

# --- distribution ------------------------------------------------------------------------

DISTRIBUTION = AtKeyword(
    re.compile(r"(?<![A-Za-z])(?i:distr)\s?\.?\s*:?\s*(?i:general|limited|restricted)\b"),
    "distr",
    case_blind=True,
)
# Page furniture the segmenter may have left between "Distr.: General" and its date.
DISTRIBUTION_GAP = re.compile(r"(?:\s|[0-9]{2}-[0-9]{5}\s?\(E\)|\*[0-9]{5,}\*)*")

# --- session -----------------------------------------------------------------------------

# "Seventy-fifth session", "Fifty- first session", "80th session".
ORDINAL_BEFORE_SESSION = EndingAtKeyword(
    re.compile(rf"{_ORDINAL}\s+(?i:session)\Z"), "session", reach=40, case_blind=True
)

# --- agenda item -------------------------------------------------------------------------

_AGENDA_SUB_ITEM = r"\(\s*(?:[a-z]{1,3}|[A-Z]{1,2})\s*\)"
_AGENDA_ITEM = rf"[0-9]{{1,3}}(?:\s*{_AGENDA_SUB_ITEM})?"
# "Agenda item 72 (b)", "Agenda items 12 and 41", "Agenda items 68 (b) and (c)"; the
# item's title that follows on the same line is not part of it.
AGENDA = AtKeyword(
    re.compile(
        r"(?<![A-Za-z])(?i:agenda\s+items?)\s*"
        rf"(?P<items>{_AGENDA_ITEM}(?:\s*(?:,|\band\b)\s*(?:{_AGENDA_ITEM}|{_AGENDA_SUB_ITEM}))*)"
    ),
    "agenda",
    case_blind=True,
)
AGENDA_SUB_ITEM_SPACING = re.compile(r"\s*\(\s*([a-zA-Z]{1,3})\s*\)")
AGENDA_SEPARATOR_SPACING = re.compile(r"\s*,\s*|\s+and\s+")

# --- committee report and drafts ---------------------------------------------------------

# "[on the report of the Third Committee (A/75/478/Add.2, para. 89)]": up to the "(";
# ECOSOC's "[on the recommendation of the Commission on the Status of Women (E/2019/27)]",
# a decision's "on the recommendation of the Fifth Committee (A/72/682, para. 6)".
REPORT_OF = AtKeyword(
    re.compile(r"(?i:(?:reports?|recommendations?)\s+of\s+the)\s+[^()\[\]]{2,160}?\s*(?=\()"),
    "report",
    "recommendation",
    case_blind=True,
)
ON_THE_BEFORE_REPORT = re.compile(r"(?i:on\s+the)\s+\Z")
ON_THE_BEFORE_REPORT_REACH = 12

WITHOUT_COMMITTEE = AtKeyword(
    re.compile(r"(?i:without\s+reference\s+to\s+a\s+main\s+committee)\s*(?=\()"),
    "without",
    case_blind=True,
)

# The Security Council's printed volumes put the adopted draft's symbol on a line of its
# own under the heading, OCR bending the brackets: "[S/4465]", "(S/3139/Rev.2]",
# "[S/525, IV]", "[S/4462 and Add.1]".
BRACKETED_DRAFT_LINE = re.compile(
    r"^[ \t]*[\[(][ \t]*(?P<inside>[A-Z]{1,2}[ \t]?/[^\[\](){}\n]{1,60})[\])}][ \t]*$",
    re.MULTILINE,
)

# One parenthesised group, one nested level allowed: "(Fourth Committee)", or
# "([A/77/463/Add.2](#), para. 87)" from an unconverted Markdown link.
PAREN_GROUP = re.compile(r"\s*\((?P<inside>(?:[^()]|\([^()]*\))*)\)")

# A UN document symbol as it appears in report and draft references: A/75/478/Add.2,
# A/80/L.7, A/C.3/75/L.5, A/CONF.157/24, A/S-27/2; broken "A/75/ 381/Add. 1".
_SYMBOL_PART = r"(?:E?S-[0-9]{1,3}|[0-9]{1,5}|[A-Z][A-Za-z]{0,5}(?:\.\s?[0-9]{1,4})?)"
DOCUMENT_SYMBOL = re.compile(rf"(?<![\w/])[A-Z]{{1,2}}(?:\s?/\s?{_SYMBOL_PART})+")

# --- the document's own symbol and number ------------------------------------------------

_ORGANS_WITH_SERIES = with_series("resolution", ORGANS)
_ORGAN_SERIES = prefixes_pattern(_ORGANS_WITH_SERIES, gap=r"\s?")
_SYMBOL_NUMBER = number_pattern(
    numbering_of(_ORGANS_WITH_SERIES), paren_gap=r"\s*", hyphen=r"\s?-\s?"
)
# A/RES/75/180, A/RES/192 (III), S/RES/1325 (2000), A/HRC/RES/31/12, A/HRC/DEC/31/116,
# E/CN.4/RES/2005/45, E/RES/1996/31, A/RES/ES-10/21; spaces from a converter tolerated,
# a line break before the parentheses too.
PRINTED_SYMBOL = AroundNeedle(
    re.compile(
        rf"(?<![\w/])(?P<series>{_ORGAN_SERIES})"
        rf"\s?/\s?(?P<kind>{'|'.join(SERIES_MARKS.values())})\s?/\s?(?:{_SYMBOL_NUMBER})"
    ),
    *SERIES_MARKS.values(),
    before=14,
    after=40,
)

# The resolution's number printed before its title: "75/180.", "49/12.Work", "31/12.",
# "ES-10/21.", "192 (III).". Not part of a symbol, of a date "5/15/2008" or of "No. 53".
# The Security Council's printed volumes head a resolution "3 (1946). Resolution of ...".
NUMBER_BEFORE_TITLE = AroundNeedle(
    re.compile(rf"(?<![\w/.\-])(?:{printed_numbers_pattern(ORGANS)})\s?\.(?![0-9])\s*"),
    *("/", "(I", "(V", "(X", "(L", "(1", "(2"),
    before=10,
    after=14,
)
# Words that make a number a citation ("resolution 60/1."), not the document's own.
CITING_WORD_BEFORE = re.compile(r"(?i:resolutions?|decisions?)\s*\Z")
CITING_WORD_REACH = 14

# A heading naming the resolution: "Resolution 192 (III) extract, PARIS, 19 November 1948",
# "Resolution 2583 (2021)", "resolution 2403 (2018)", "Resolution 2005/45", a web-page
# title "Security Council Resolution 2583, Date of ...", or the decision: "Decision 2/102".
_HEADING_NUMBER = number_pattern(numbering_of(ORGANS), paren_gap=r"\s*", bare=True)
RESOLUTION_HEADING = AtKeyword(
    re.compile(
        rf"(?<![A-Za-z])(?P<kind>{adopted_type_words_pattern()})\s+"
        rf"(?:{_HEADING_NUMBER})(?![0-9/])"
    ),
    *ADOPTED_TYPES,
    case_blind=True,
)

# The date line under a heading: "Resolution 243 (1967) / of 12 December 1967", the rest
# of "101 (1953). Resolution of 24 November 1953", a bare "11 November 1993".
HEADING_DATE_LEAD = re.compile(r"[\s.]*(?:(?i:resolution)\s+)?(?:(?i:of)\s+)?")
# A date whose month OCR damaged ("3 Apri] 1991"): read only when the heading's year
# confirms it (see ``header``).
DAMAGED_DATE = re.compile(
    r"(?P<day>[0-3]?[0-9])\s+(?P<month>[A-Z][A-Za-z\]\[|!]{2,9})\.?,?\s+(?P<year>[0-9]{4})(?![0-9])"
)
MONTH_SIMILARITY = 0.75

# Before a heading that opens its line: the Commission on Human Rights' "Human Rights
# Resolution 2005/17: <title>"; the title may follow a full stop instead: "Resolution
# 2006/2. <title>".
# Or the organ's name: "Commission on Human Rights resolution 2003/12".
HEADING_PREFIX = re.compile(rf"Human\s+Rights|{names_pattern(ORGANS)}")
TITLE_AFTER_HEADING = re.compile(r"[ \t]*[:.][ \t]*(?=\S)")

_DRAFT_REFERENCE = r"[A-Z](?:\s?/\s?[A-Za-z0-9.\-]+)+"
# What names a draft and its sponsors, after which its title is printed:
# "Austria, Brazil and Chile: [revised] draft resolution", "Egypt:* draft decision";
# "Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola
# (Finland)[, on the basis of informal consultations on draft resolution A/C.2/80/L.5]",
# "Draft decision submitted by the Bureau"; "Denmark:* amendment to draft resolution
# A/C.2/80/L.13/Rev.1".
DRAFT_LINE = AtKeyword(
    re.compile(
        r"(?i:draft\s+(?P<kind>resolution|decision))\b"
        r"(?:(?P<submitted>\s+submitted\s+by\s+the\s+[^,()\n]{1,80}"
        r"(?:,\s*[^,()]{1,80}?\s*\([^()]{2,60}\))?"
        r"(?:,?\s+on\s+the\s+basis\s+of\s+informal\s+consultations\s+on\s+draft\s+"
        rf"(?:resolution|decision)s?\s+{_DRAFT_REFERENCE}(?:\s+and\s+{_DRAFT_REFERENCE})?)?)"
        rf"|\s+(?P<amended>{_DRAFT_REFERENCE}))?"
    ),
    "draft",
    case_blind=True,
)
SPONSORS_BEFORE_DRAFT = re.compile(
    r":\**\s*(?i:revised\s+|amendments?\s+to\s+(?:the\s+)?(?:revised\s+)?)?\Z"
)
SPONSORS_BEFORE_DRAFT_REACH = 36
# The number a draft leaves open before its title: "31/... Freedom of expression".
_OPEN_NUMBER = number_pattern(SESSION_SCHEMES, serial=r"(?:\.{3}|…)")
NUMBER_PLACEHOLDER = re.compile(rf"(?:{_OPEN_NUMBER})\.?\s*")
# A draft's own symbol printed as the first thing on a line: "A/C.3/75/L.5", looked for
# only in a document of limited distribution (one that says "limited").
LIMITED_DISTRIBUTION = "limited"
DRAFT_SYMBOL_MARK = "/L."
_DRAFT_SERIES = prefixes_pattern(with_series("draft_resolution"), gap=r"\s?")
_DRAFT_NUMBER = number_pattern(SESSION_SCHEMES, serial=r"L\.\s?[0-9]{1,4}")
LINE_START_DRAFT_SYMBOL = Prefiltered(
    re.compile(
        r"^[ \t]*(?:United\s+Nations\s+)?"
        rf"(?P<symbol>(?:{_DRAFT_SERIES})\s?/\s?(?:{_DRAFT_NUMBER})"
        r"(?:\s?/\s?(?:Add|Rev)\.\s?[0-9]{1,3})*)",
        re.MULTILINE,
    ),
    DRAFT_SYMBOL_MARK,
)

# --- text clean-up -----------------------------------------------------------------------

# Characters that differ from their plain form only in the encoding.
PLAIN_FORMS = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": None,
        "\u00ad": None,
        "\u2011": "-",
    }
)
# Any character PLAIN_FORMS changes.
NOT_PLAIN = re.compile("[\u00a0\u2007\u202f\t\r\u00ad\u2011]")
# A word split by a line-end hyphen, or the "Nuclear- Weapon" converter artifact (but not
# "pre- and post-conflict").
BROKEN_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?:[ ]*\n\s*|[ ]+(?=[A-Z]))(?=[A-Za-z])")
ROMAN_IN_PARENTHESES_AT_END = re.compile(r"\(([IVXL]+)\)$")
GA_SESSION_OF_DOCUMENT = re.compile(r"A/([0-9]{1,3})/")


# A title line ending on a word that cannot end a title was cut short.
CUT_TITLE_ENDING = re.compile(r"(?:\b(?:and|or|of|the|for|in|on|to|with|by|a|an)|[,:;-])$", re.I)
# What follows a cut title where it is printed whole: the rest of its paragraph
# (wrapped lines included), short of the next header element when header lines
# were merged.
TITLE_CONTINUATION = (
    r"(?P<rest>(?:(?!\n[ \t]*\n|\s*(?:Resolution adopted|RESOLUTION ADOPTED"
    r"|\[on the report|\[without reference|Distr\.|Agenda item))[\s\S])*)"
)

# Under the title, what is not title text ends it: a line holding only the letter (or
# roman numeral) of a resolution's part ("181 (II). Future government of Palestine" /
# "A" / "The General Assembly,"), or a paragraph after a blank line that reads as a
# sentence: four words or more, opening with a capital and closing with a full stop,
# which no title does (a title wrapped across a blank line goes on in lower case or
# without the stop).
TITLE_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
PART_LETTER_LINE = re.compile(r"^[ \t]*(?:[A-Z]|[IVX]{1,4})\.?[ \t]*$", re.MULTILINE)
SENTENCE_BLOCK = re.compile(r"[A-Z]\S*(?:\s+\S+){3}[\s\S]*[a-z)][.][\"”’]?\s*\Z")
