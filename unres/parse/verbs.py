"""The opening phrase the UN typesets in italics: adverbs + verb + fixed complement.

"Also reaffirms", "Calls upon", "Takes note with appreciation", "Recalling also",
"Deeply concerned", "Having considered", "Reaffirming its commitment".

Two sources of evidence, in order of strength:

1. the emphasis span the source marked (``*Recalling also*``) when it opens the
   paragraph: the phrase the grammar finds inside it, or the whole short span when
   it holds a verb the lexicon does not know; a span that is no verb phrase (an
   italicised title) is ignored;
2. a small grammar over a closed lexicon (``verb_lexicon``) read off the text:
   pre-adverbs* verb post-adverb? complement? manner? post-adverb?

The lexical layer (compiled patterns, the tokenizer) comes first; the grammar,
which works on lower-case word keys, after it.
"""

from __future__ import annotations

import re

from unres.model import Paragraph
from unres.parse import verb_lexicon as lex
from unres.parse.bodies import ORGANS, longest_first, names_pattern

__all__ = ["read_verb"]

# --- Lexical layer -------------------------------------------------------------------

# Quote marks (straight, curly, low, angle), markup, bullets, superscript digits
# of a footnote marker, and dashes.
_STRAY_MARKS = (
    "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
    "*_#>~\u2022\u00b7\u25aa\u25e6\u2023\u25cf"
    "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
    "\\-\u2010\u2011\u2013\u2014"
)

# Leftovers before the first word: spaces, stray marks, ellipses and paragraph
# labels such as "1.", "12)", "(a)", "(ii)", "(B)", "iv." or "1/".
_LEADING_NOISE = re.compile(
    rf"""(?:
        \s+
      | [{_STRAY_MARKS}]+
      | \.{{2,}} | \u2026
      | \(?(?:\d{{1,3}}|[a-zA-Z]{{1,2}}|[ivxlcIVXLC]{{1,6}})\)
      | \d{{1,3}}\s*\.(?!\d)
      | \d{{1,3}}/?(?=\s)
      | [ivxlcIVXLC]{{1,6}}\.(?=\s)
    )+""",
    re.VERBOSE,
)

# An opening word set letter by letter, as a PDF extraction renders spaced-out italics:
# "I n v i t e s relevant special procedure mandate holders".
_LETTER_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z])")

_SHORT_NAMES = "|".join(longest_first({short for organ in ORGANS for short in organ.short_names}))
# The organ addressing the paragraph when the preamble runs on from it:
# "Security Council, having received ...", "The General Assembly, Wishing ...".
_ORGAN_ADDRESS = re.compile(
    rf"(?:the\s+)?(?:{names_pattern(ORGANS)}|{_SHORT_NAMES})\b\s*,?\s*", re.IGNORECASE
)

# A word (letters, with inner hyphens or apostrophes) or any other single
# non-space character, which ends a phrase (comma, digit, bracket, ...).
_TOKEN = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011'\u2019][^\W\d_]+)*|\S")

_NON_LETTERS = re.compile(r"[\W\d_]+")

# Unusual hyphens become plain ones; soft hyphens, invisible, go.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})

# British "-ise" spellings of verbs the lexicon lists in "-ize".
_BRITISH_ENDINGS = ("ise", "ises", "ising", "ised")

# How many space-separated pieces of text the phrase can take (the longest,
# "Taking note also with deep appreciation", takes six), and how many a clause
# before the verb ("Should it appear ..., invites") can take.
_PHRASE_CHUNKS = 7
_CLAUSE_CHUNKS = 60

# A verb the lexicon does not know is trusted only in a short emphasis span.
_MAX_UNKNOWN_EMPHASIS_WORDS = 4

# "-ly" words this long or longer count as adverbs ("Italy" and "only" do not).
_MIN_LY_ADVERB = 6

# A token's look-up key: the word in lower case; None for punctuation and digits,
# which end a phrase.
_Keys = list[str | None]

# Keys end with this many None sentinels, so the grammar looks ahead without bounds
# checks: every look-up stops at the first None, and none reaches further past it.
_SENTINELS: _Keys = [None] * 3


class _Words:
    """The first tokens of a text as printed, with their look-up keys."""

    __slots__ = ("keys", "printed")

    def __init__(self, text: str, chunks: int) -> None:
        """The tokens of the first ``chunks`` space-separated pieces of ``text``."""
        self.printed: list[str] = []
        self.keys: _Keys = []
        for chunk in text.split(None, chunks)[:chunks]:
            # Most chunks are plain words; the tokenizer only splits the others.
            if chunk.isalpha():
                self.printed.append(chunk)
                self.keys.append(chunk.lower())
            else:
                for token in _TOKEN.findall(chunk.translate(_HYPHENS)):
                    self.printed.append(token)
                    self.keys.append(token.lower() if token[0].isalpha() else None)
        self.keys += _SENTINELS

    @property
    def size(self) -> int:
        return len(self.printed)

    def phrase(self, length: int) -> str:
        return " ".join(self.printed[:length])

    def replace(self, start: int, end: int, printed: list[str]) -> None:
        """Puts ``printed`` words in place of tokens ``start`` to ``end``."""
        self.printed[start:end] = printed
        self.keys[start:end] = [w.lower() for w in printed]

    def truncate(self, length: int) -> None:
        del self.printed[length:]
        self.keys[length:] = _SENTINELS


def _strip_leading_noise(text: str) -> str:
    match = _LEADING_NOISE.match(text)
    text = text[match.end() :] if match else text
    spaced = _LETTER_SPACED.match(text)
    return spaced.group().replace(" ", "") + text[spaced.end() :] if spaced else text


# --- Lexicon look-ups ------------------------------------------------------------------


def _american(key: str) -> str:
    """ "recognising" -> "recognizing"; other words unchanged."""
    if key.endswith(_BRITISH_ENDINGS):
        cut = key.rindex("is")
        return key[:cut] + "iz" + key[cut + 2 :]
    return key


def _verb_stem(key: str) -> str | None:
    stem = lex.VERB_FORMS.get(key) or lex.DECISION_PAST_FORMS.get(key)
    return lex.VERB_FORMS.get(_american(key)) if stem is None else stem


def _participle_stem(key: str) -> str | None:
    """The stem of a participle after "Having"; for an unlisted "-ed" word a rough one,
    which only serves to look up complements."""
    stem = lex.PARTICIPLES.get(key)
    if stem is None and key.endswith("ed") and len(key) > 4:
        stem = key[:-2]
    return stem


def _base_stem(key: str) -> str | None:
    american = _american(key)
    return american if american in lex.VERB_STEMS else None


def _phrase_words() -> frozenset[str]:
    words: set[str] = set(lex.STATE_WORDS | lex.PRE_ADVERBS | lex.POST_ADVERBS)
    words |= lex.POSSESSIVES | lex.COMPLEMENT_ADJECTIVES | lex.POSSESSIVE_NOUNS
    words |= lex.MANNER_NOUNS | lex.MODALS | set(lex.PARTICIPLES)
    words |= {"having", "being", "with", "by"}
    words |= {w for adverbs in lex.MULTIWORD_ADVERBS.values() for a in adverbs for w in a}
    words |= {word for forms in lex.FIXED_COMPLEMENTS.values() for c in forms for word in c}
    return frozenset(words)


_PHRASE_WORDS = _phrase_words()


def _is_phrase_word(key: str) -> bool:
    """Whether a word can sit inside an opening phrase: the vocabulary repairs aim at."""
    return key in _PHRASE_WORDS or _verb_stem(key) is not None


# --- Repairs: words broken by spaces or run together -------------------------------

# Repairs look no further than the longest phrase.
_REPAIR_REACH = 8


def _repair(words: _Words) -> bool:
    """Mends the opening phrase's words: "Re affirms" and "Reaf- firms" -> "Reaffirms",
    "Recallingalso" -> "Recalling also". Stops at the first word outside the phrase
    vocabulary that no repair explains, so ordinary text is left alone. Whether
    anything changed."""
    changed = False
    i = 0
    while i < min(words.size, _REPAIR_REACH):
        key = words.keys[i]
        if key is None:
            break
        if _is_phrase_word(key):
            i += 1
            continue
        joined = _joined(words, i)
        if joined:
            end, word = joined
            words.replace(i, end, [word])
        else:
            cut = _glue_point(words.printed[i])
            if cut is None:
                break
            word = words.printed[i]
            words.replace(i, i + 1, [word[:cut], word[cut:]])
        changed = True
        i += 1
    return changed


def _joined(words: _Words, start: int) -> tuple[int, str] | None:
    """The tokens from ``start`` that together spell one phrase word, across spaces
    and a line-end hyphen: (the end of the tokens, the word)."""
    word = words.printed[start]
    hyphen = ""
    end = start + 1
    while end < min(start + 4, words.size):
        piece = words.printed[end]
        end += 1
        if piece == "-":
            hyphen = piece
            continue
        if words.keys[end - 1] is None:
            return None
        # "Re- emphasizes" is "Re-emphasizes"; "Reaf- firms" is "Reaffirms".
        for candidate in (word + hyphen + piece, word + piece):
            if _is_phrase_word(candidate.lower()):
                return end, candidate
        word += piece
        hyphen = ""
    return None


def _glue_point(word: str) -> int | None:
    """Where a word is two run together: a phrase word, then a phrase word or the
    start of its object ("Reaffirmsthat")."""
    key = word.lower()
    for cut in range(len(key) - 2, 2, -1):
        head, tail = key[:cut], key[cut:]
        if _is_phrase_word(head) and (_is_phrase_word(tail) or tail in lex.OBJECT_STARTERS):
            return cut
    return None


# --- Grammar ---------------------------------------------------------------------------


def _adverb_length(keys: _Keys, i: int, single: frozenset[str]) -> int:
    """Words taken by an adverb at ``i``: 0, 1, or 2 for "once again"."""
    key = keys[i]
    if key is None:
        return 0
    for adverb in lex.MULTIWORD_ADVERBS.get(key, ()):
        if _sequence_length(keys, i, adverb):
            return len(adverb)
    return 1 if key in single else 0


def _pre_adverb_length(keys: _Keys, i: int) -> int:
    """An adverb before the verb: a listed one, or any long "-ly" word ("Forcefully
    condemns"); the verb that must follow keeps the latter honest."""
    length = _adverb_length(keys, i, lex.PRE_ADVERBS)
    if length:
        return length
    key = keys[i]
    return 1 if key is not None and len(key) >= _MIN_LY_ADVERB and key.endswith("ly") else 0


def _post_adverb_length(keys: _Keys, i: int) -> int:
    """An adverb after the verb. "also" always is one; "further" and "again" only
    when the next word cannot be their noun ("Encourages further expressions")."""
    length = _adverb_length(keys, i, lex.POST_ADVERBS)
    if length == 0 or keys[i] == "also":
        return length
    follower = keys[i + length]
    if follower is None or follower in lex.OBJECT_STARTERS:
        return length
    return 0


def _sequence_length(keys: _Keys, i: int, sequence: tuple[str, ...]) -> int:
    for word in sequence:
        if keys[i] != word:
            return 0
        i += 1
    return len(sequence)


def _adjectives_then(keys: _Keys, i: int, nouns: frozenset[str]) -> int:
    """Up to two complement adjectives then a noun of ``nouns``: words taken, or 0."""
    for adjectives in range(3):
        key = keys[i + adjectives]
        if key in nouns:
            return adjectives + 1
        if key not in lex.COMPLEMENT_ADJECTIVES:
            return 0
    return 0


def _fixed_complement_length(keys: _Keys, i: int, stem: str) -> int:
    for sequence in lex.FIXED_COMPLEMENTS.get(stem, ()):
        length = _sequence_length(keys, i, sequence)
        if length:
            return length
    if stem in lex.STATES_TAKING_BY:
        return 1 if keys[i] == "by" else 0
    if stem in lex.POSSESSIVE_VERBS:
        if keys[i] in lex.POSSESSIVES:
            taken = _adjectives_then(keys, i + 1, lex.POSSESSIVE_NOUNS)
            return taken + 1 if taken else 0
        if stem in lex.BARE_COMPLEMENT_VERBS:
            return _adjectives_then(keys, i, lex.POSSESSIVE_NOUNS)
    return 0


def _manner_length(keys: _Keys, i: int) -> int:
    """ "with appreciation", "with deep concern" after any verb."""
    if keys[i] != "with":
        return 0
    taken = _adjectives_then(keys, i + 1, lex.MANNER_NOUNS)
    return taken + 1 if taken else 0


def _auxiliary_head(keys: _Keys, i: int) -> tuple[int, str] | None:
    """ "Having considered", "Having been informed", "Being deeply concerned",
    "Having in mind": (words taken, stem for the complements), or None."""
    j = i + 1
    while (length := _pre_adverb_length(keys, j)) > 0:
        j += length
    inner = keys[j]
    if inner is None:
        return None
    if keys[i] == "having" and _sequence_length(keys, j, ("in", "mind")):
        return j - i, "have"
    if keys[i] == "being" and inner in lex.STATE_WORDS:
        return j + 1 - i, inner
    if inner == "been":
        j += 1
        inner = keys[j]
    stem = "regard" if inner == "regard" else inner and _participle_stem(inner)
    return (j + 1 - i, stem) if stem else None


def _head(keys: _Keys, i: int) -> tuple[int, str] | None:
    """The verb at ``i``: (words taken, stem for its complements), or None."""
    key = keys[i]
    if key is None:
        return None
    if key in ("having", "being"):
        return _auxiliary_head(keys, i)
    if key in lex.MODALS:
        following = keys[i + 1]
        stem = _base_stem(following) if following else None
        return (2, stem) if stem else None
    stem = _verb_stem(key)
    if stem is not None:
        return 1, stem
    if key in lex.STATE_WORDS:
        return 1, key
    return None


def _phrase_length(keys: _Keys) -> int:
    """Words in the opening phrase at the start of ``keys``; 0 when there is none."""
    i = 0
    adverbs = 0
    while adverbs < 3 and (length := _pre_adverb_length(keys, i)) > 0:
        i += length
        adverbs += 1
    head = _head(keys, i)
    if head is None:
        return 0
    taken, stem = head
    i += taken
    post_adverb = _post_adverb_length(keys, i)
    i += post_adverb
    i += _fixed_complement_length(keys, i, stem)
    i += _manner_length(keys, i)
    if not post_adverb:
        i += _post_adverb_length(keys, i)
    return i


# --- Reading the phrase ----------------------------------------------------------------


def _read_phrase(text: str) -> tuple[_Words, int]:
    """The first words of ``text`` and how many of them the opening phrase takes."""
    words = _Words(text, _PHRASE_CHUNKS)
    length = _phrase_length(words.keys)
    if words.size <= length + 1:
        # The phrase may go on past the pieces read: read further.
        words = _Words(text, _CLAUSE_CHUNKS)
        length = _phrase_length(words.keys)
    return words, _mended(words, length)


def _mended(words: _Words, length: int) -> int:
    """The phrase length once broken words are mended, given the length before.

    Repairs are tried only when the grammar stopped somewhere a broken word could
    hide: almost every phrase is followed by its object ("Requests the ...")."""
    following = words.keys[length]
    if length and (following is None or following in lex.OBJECT_STARTERS):
        return length
    return _phrase_length(words.keys) if _repair(words) else length


def _phrase_from_text(text: str, *, operative: bool) -> str | None:
    """The phrase read off the paragraph's own words."""
    body = _strip_leading_noise(text)
    addressed = _ORGAN_ADDRESS.match(body)
    if addressed:
        body = body[addressed.end() :]
    words, length = _read_phrase(body)
    if words.keys[0] is None:
        return None
    if length:
        phrase = words.phrase(length)
        after_clause = (
            _phrase_after_clause(body) if operative and _is_preambular(words.keys[0]) else None
        )
        if after_clause:
            # "Recalling its resolution ..., decides to include ...": one sentence whose
            # verb follows the participial clause.
            return after_clause
        if phrase[0].isupper():
            return phrase
        # Lower case is a fragment cut from a sentence, unless the organ's name came
        # first and the paragraph is the rest of the same sentence, or it is the rest of a
        # decision's "At its 30th meeting, ..., the Council decided, ..." or "The Council
        # decides to ...".
        first = words.keys[0]
        continues_sentence = (
            addressed or first in lex.DECISION_PAST_FORMS or first in lex.DECISION_PRESENT_FORMS
        )
        return _capitalised(phrase) if continues_sentence else None
    if words.keys[0] in lex.CLAUSE_OPENERS and words.printed[0][0].isupper():
        return _phrase_after_clause(body)
    return None


def _is_preambular(key: str | None) -> bool:
    """A participle that opens a preambular paragraph: "recalling", "having"."""
    return key is not None and key.endswith("ing") and (key in lex.VERB_FORMS or key == "having")


def _phrase_after_clause(body: str) -> str | None:
    """The verb after an opening clause: "Should it appear that ..., invites the parties"
    -> "Invites". Looks after each comma of the first sentence."""
    words = _Words(body, _CLAUSE_CHUNKS)
    for i, token in enumerate(words.printed):
        if token in (";", ".", ":"):
            return None
        if token == ",":
            length = _phrase_length(words.keys[i + 1 :])
            # A participle after the comma opens another clause ("recalling also ...").
            if length and not _is_preambular(words.keys[i + 1]):
                return _capitalised(" ".join(words.printed[i + 1 : i + 1 + length]))
    return None


def _capitalised(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _letters(text: str) -> str:
    return _NON_LETTERS.sub("", text).lower()


def _phrase_from_emphasis(emphasis: str, text: str) -> str | None:
    """The phrase inside the emphasis span when the span opens the paragraph and
    reads as a verb phrase; None when it is something else (a title, say)."""
    words = _Words(_strip_leading_noise(emphasis), _CLAUSE_CHUNKS)
    # A comma or a number ends the phrase; so do the function words it never ends on.
    end = words.keys.index(None)
    while end and words.keys[end - 1] in lex.TRAILING_FUNCTION_WORDS:
        end -= 1
    if not end:
        return None
    words.truncate(end)
    span = words.phrase(end)
    opening = _letters(_strip_leading_noise(text)[: len(emphasis) + 8])
    if not opening.startswith(_letters(span)):
        return None
    # The grammar says where in the span the phrase ends, so a span run on over
    # the object ("Recalling its resolution") is cut back to a word-prefix of itself.
    length = _mended(words, _phrase_length(words.keys))
    if length:
        return words.phrase(length)
    if end <= _MAX_UNKNOWN_EMPHASIS_WORDS and _looks_verbal(words.keys):
        return span
    return None


def _looks_verbal(keys: _Keys) -> bool:
    """A verb the lexicon does not know, by its shape: "Rejoices", "Lauding"."""
    i = 0
    while (length := _pre_adverb_length(keys, i)) > 0:
        i += length
    key = keys[i]
    if key is None or len(key) < 4:
        return False
    return key.endswith(("ing", "ed")) or (key.endswith("s") and not key.endswith("ss"))


def read_verb(paragraph: Paragraph) -> str | None:
    """The italicised opening phrase of a preambular or operative paragraph, as
    printed; None for annex paragraphs and paragraphs that open otherwise."""
    if paragraph.kind == "annex":
        return None
    if paragraph.emphasis:
        phrase = _phrase_from_emphasis(paragraph.emphasis, paragraph.text)
        if phrase is not None:
            return phrase
    return _phrase_from_text(paragraph.text, operative=paragraph.kind == "operative")
