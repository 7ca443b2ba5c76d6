"""Is this the opening of a preambular or of an operative paragraph?

Preambular paragraphs open with a participle or an adjective phrase ("Recalling",
"Having considered", "Deeply concerned", "Mindful", "Whereas"); operative ones with
a finite verb ("Decides", "Calls upon", "Also reaffirms", "May consider"). The
closed vocabulary is the shared ``verb_lexicon``; English morphology covers verbs
it does not list ("Deplores the", "Alarmed").
"""

from __future__ import annotations

import re
from typing import Literal

from unres.parse.marks import ALL_MARKS
from unres.parse.verb_lexicon import MODALS, PRE_ADVERBS, STATE_WORDS, VERB_FORMS

__all__ = ["OpenerKind", "opener_kind"]

OpenerKind = Literal["preambular", "operative"]

_LEADING_NOISE = re.compile(f"^[\\s{ALL_MARKS}\"'“‘«(\\[]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_PREAMBULAR_WORDS = frozenset({"having", "whereas", "bearing", "keeping", "recalling"})
# After a verb found only by its ending, one of these shows that the verb governs an
# object ("Deplores the ..."), which a plural noun ("States Parties ...") does not.
_OBJECT_STARTERS = frozenset(
    "the that all to upon its their with on for in a an any each every both those these "
    "this his her further also once again".split()
)
# Capitalised words with a verb's ending that open ordinary sentences or names.
_NOT_VERBS = frozenset(
    "united red federated indeed need beijing nanjing during including according "
    "regarding concerning notwithstanding following pending ring king thing things "
    "nothing something anything everything morning evening building buildings "
    "meeting meetings hearing briefing financing funding training housing "
    "states nations members parties governments countries organizations agencies "
    "commissions committees councils conventions resolutions decisions this thus "
    "was has is does its his as yes news series species means".split()
)
_MIN_GUESSED_VERB = 5
# The Security Council's 1940s operative formula: "It is resolved that the Council ...".
_IT_IS_RESOLVED = ["it", "is", "resolved"]


def opener_kind(text: str, *, guess: bool = True) -> OpenerKind | None:
    """The kind of paragraph ``text`` opens, from its first words; None when unknown.

    Without ``guess`` only the lexicon counts, not a verb's ending ("Peacebuilding").
    """
    words = _first_words(text)
    if words[:3] == _IT_IS_RESOLVED:
        return "operative"
    index = _skip_adverbs(words)
    if index >= len(words):
        return None
    word = words[index]
    if word in _PREAMBULAR_WORDS or word in STATE_WORDS:
        return "preambular"
    if word in MODALS:
        return "operative"
    if word in VERB_FORMS:
        return "preambular" if word.endswith("ing") else "operative"
    if not guess:
        return None
    return _guess_by_ending(word, words[index + 1] if index + 1 < len(words) else "")


def _first_words(text: str) -> list[str]:
    start = _LEADING_NOISE.match(text)
    return [word.lower() for word in _WORD.findall(text, start.end() if start else 0, 80)[:5]]


def _skip_adverbs(words: list[str]) -> int:
    index = 0
    while index < len(words) - 1:
        if words[index] in PRE_ADVERBS:
            index += 1
        elif words[index] in ("once", "yet") and words[index + 1] in ("again", "more"):
            index += 2
        else:
            break
    return index


def _guess_by_ending(word: str, following: str) -> OpenerKind | None:
    if len(word) < _MIN_GUESSED_VERB or word in _NOT_VERBS:
        return None
    if word.endswith("ing") or word.endswith("ed"):
        return "preambular"
    if word.endswith("s") and not word.endswith("ss") and following in _OBJECT_STARTERS:
        return "operative"
    return None
