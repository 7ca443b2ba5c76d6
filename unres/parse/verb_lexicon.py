"""The closed vocabulary of the verb phrases that open UN resolution paragraphs.

Word lists only, all lower case, plus the regular English inflection that turns a
verb's base form into the forms the UN uses: the operative third person
("reaffirms"), the preambular participle ("reaffirming") and the past participle
of "Having considered". The grammar that reads these lists is in ``verbs``.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Base forms of the verbs that open operative ("Requests") and preambular
# ("Requesting") paragraphs of the General Assembly, the Security Council, the
# Human Rights Council and their predecessors.
VERB_STEMS: frozenset[str] = _words(
    """
    abhor accept acknowledge act add address adjourn admit adopt advise affirm agree
    allocate amend anticipate appeal applaud appoint appreciate approve ask assert assist
    attach authorize await bear believe bring build call celebrate censure charge
    commemorate commend commit conclude concur condemn confer confirm congratulate consider
    continue convene convey count create decide declare decry deem defer demand denounce
    deplore deprecate designate desire determine direct dissolve draw elect emphasize
    empower encourage endeavour endorse entrust envisage establish exhort expect express
    extend fear feel find fix grant hail highlight hold honor honour hope identify implore
    insist instruct invite keep lament laud launch lend look maintain mandate mark nominate
    note object observe offer pay pledge point postpone praise proceed proclaim promote
    propose raise re-emphasize reaffirm realize reassert recall receive recognize recommend
    recommit reconfirm record reemphasize refer reflect regret reiterate reject remain
    remember remind renew repeat request require reserve resolve respect respond restate
    reverse review salute seek select share stand stress strive submit suggest support take
    thank transmit trust underline underscore understand undertake uphold urge value view
    voice warn welcome wish
    """
)

# Verbs whose final consonant doubles before -ing and -ed ("regretting").
_DOUBLED_FINAL: frozenset[str] = _words(
    "abhor admit commit compel concur confer defer deter recommit refer regret submit transmit"
)

# Participles after "Having" that do not end in -ed, mapped to their base form.
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "been": "be",
    "begun": "begin",
    "borne": "bear",
    "brought": "bring",
    "built": "build",
    "chosen": "choose",
    "done": "do",
    "drawn": "draw",
    "felt": "feel",
    "found": "find",
    "given": "give",
    "heard": "hear",
    "held": "hold",
    "kept": "keep",
    "laid": "lay",
    "made": "make",
    "met": "meet",
    "paid": "pay",
    "read": "read",
    "said": "say",
    "seen": "see",
    "sought": "seek",
    "stood": "stand",
    "striven": "strive",
    "taken": "take",
    "thought": "think",
    "understood": "understand",
    "undertaken": "undertake",
    "upheld": "uphold",
    "written": "write",
}

# Adjectives and participles that open a preambular paragraph on their own
# ("Mindful", "Deeply concerned", "Guided by").
STATE_WORDS: frozenset[str] = _words(
    """
    alarmed anxious appalled appreciative aware cognisant cognizant committed concerned
    confident conscious convinced desirous determined disappointed disturbed dismayed
    distressed encouraged fearful grateful gratified guided heartened hopeful horrified
    indignant inspired mindful motivated outraged persuaded pleased prompted reassured
    resolved saddened satisfied shocked troubled worried
    """
)

# State words whose agent is part of the italicised phrase ("Guided by").
STATES_TAKING_BY: frozenset[str] = _words("encouraged guided heartened inspired motivated")

# Adverbs that stand before the verb ("Also reaffirms", "Deeply concerned").
PRE_ADVERBS: frozenset[str] = _words(
    """
    accordingly actively acutely additionally again already also always categorically
    clearly collectively consistently constantly cordially deeply duly earnestly
    emphatically equally especially explicitly expressly extremely fervently finally
    firmly formally fully furthermore further genuinely gravely greatly heartily hereby
    highly increasingly jointly keenly likewise moreover most notably particularly
    positively profoundly repeatedly resolutely respectfully seriously severely sharply
    similarly sincerely solemnly specifically still strongly therefore thus totally
    truly unanimously unequivocally unreservedly urgently utterly vehemently very
    vigorously warmly well wholeheartedly
    """
)

# Adverbs that may follow the verb ("Recalling also", "Welcoming further").
POST_ADVERBS: frozenset[str] = frozenset({"also", "further", "again"})

# Adverbs of several words, before or after the verb ("Once again requests"), by
# their first word.
MULTIWORD_ADVERBS: dict[str, tuple[tuple[str, ...], ...]] = {
    "once": (("once", "again"), ("once", "more")),
    "yet": (("yet", "again"),),
}

# Words that open the object after a phrase ("Requests the", "Decides that"). Before
# one of them "further" and "again" are adverbs, elsewhere adjectives: "Noting
# further that" but "Encourages further expressions"; and after the phrase they
# leave no room for a broken piece of it, so no repair is tried; glued to a verb
# ("Reaffirmsthat") they are split off.
OBJECT_STARTERS: frozenset[str] = _words(
    """
    a about all an and any as at both by each every for from governments her his in into
    its member of on parties relevant states that the their these this those to upon with
    """
)

POSSESSIVES: frozenset[str] = frozenset({"its", "their", "his", "her"})

# Adjectives allowed inside a complement ("its deep concern", "with grave concern").
COMPLEMENT_ADJECTIVES: frozenset[str] = _words(
    """
    collective complete considerable continued continuing deep deepest earnest firm
    full fullest grave great greatest growing heartfelt highest increasing keen
    particular profound renewed resolute serious sincere sincerest solemn special
    steadfast strong strongest total unconditional unequivocal unflinching unreserved
    unwavering utmost warm warmest
    """
)

# Nouns after a possessive that belong to the italicised phrase ("Reiterates its
# request"); a cited instrument ("Recalling its resolution") never does.
POSSESSIVE_NOUNS: frozenset[str] = _words(
    """
    abhorrence adherence alarm appeal appreciation approval belief call commitment
    commitments concern concerns condemnation condolences confidence congratulations
    conviction dedication demand desire determination disappointment dismay
    encouragement endorsement expectation gratitude hope indignation intention
    invitation opposition outrage readiness recognition regret rejection request
    requests resolve respect satisfaction solidarity support sympathy thanks
    willingness wish
    """
)

# Nouns of "with ..." after any verb ("Notes with appreciation").
MANNER_NOUNS: frozenset[str] = _words(
    """
    alarm anxiety apprehension appreciation approval concern disappointment dismay
    distress encouragement gratitude horror indignation interest optimism outrage
    pleasure preoccupation regret sadness satisfaction shock sorrow thanks
    """
)

# Verbs that take a possessive complement ("Expresses its appreciation").
POSSESSIVE_VERBS: frozenset[str] = _words(
    """
    affirm confirm convey express extend lend offer pledge reaffirm reconfirm record
    reiterate renew repeat restate voice
    """
)

# Verbs whose complement may also come without a possessive ("Expresses deep concern").
BARE_COMPLEMENT_VERBS: frozenset[str] = frozenset({"express", "voice", "convey"})

# Fixed particles and objects of particular verbs ("Calls upon", "Bearing in mind").
FIXED_COMPLEMENTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "bear": (("in", "mind"),),
    "build": (("on",), ("upon",)),
    "call": (("upon",), ("on",), ("for",)),
    "draw": (("attention",),),
    "have": (("in", "mind"),),
    "keep": (("in", "mind"),),
    "look": (("forward",),),
    "pay": (("tribute",), ("homage",)),
    "point": (("out",),),
    "stand": (("ready",),),
    "take": (("note",), ("into", "account"), ("into", "consideration")),
}

# Modal verbs that open an operative paragraph with a base form ("May consider").
MODALS: frozenset[str] = frozenset({"may"})

# Words that open a clause before the verb: "Should it appear ..., invites".
CLAUSE_OPENERS: frozenset[str] = _words(
    "after as before if in on once pending should unless until upon when whenever where while with"
)

# Function words that never end an italicised phrase; an emphasis span that
# overruns into them is trimmed back.
TRAILING_FUNCTION_WORDS: frozenset[str] = _words(
    "a about an and at her his its of that the their these this to whether which with"
)


def third_person(stem: str) -> str:
    """'request' -> 'requests', 'stress' -> 'stresses', 'apply' -> 'applies'."""
    if stem.endswith(("s", "x", "z", "ch", "sh")):
        return stem + "es"
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ies"
    return stem + "s"


def present_participle(stem: str) -> str:
    """'note' -> 'noting', 'agree' -> 'agreeing', 'regret' -> 'regretting'."""
    if stem in _DOUBLED_FINAL:
        return stem + stem[-1] + "ing"
    if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")):
        return stem[:-1] + "ing"
    return stem + "ing"


def past_participle(stem: str) -> str:
    """'consider' -> 'considered', 'note' -> 'noted', 'commit' -> 'committed'."""
    if stem in _DOUBLED_FINAL:
        return stem + stem[-1] + "ed"
    if stem.endswith("e"):
        return stem + "d"
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + "ed"


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem in VERB_STEMS:
        forms[third_person(stem)] = stem
        forms[present_participle(stem)] = stem
    return forms


# Every finite or -ing form of a verb stem, mapped to the stem: "requests" and
# "requesting" -> "request".
VERB_FORMS: dict[str, str] = _forms()

# Decisions are reported in the past: "At its 30th meeting, ..., the Council decided,
# without a vote, to ...", "At its 74th plenary meeting, ..., the General Assembly, on the
# recommendation of the Fifth Committee, appointed ...", "... took note of ...". Read
# only as a paragraph's phrase, never to find where a paragraph opens ("Agreed
# conclusions" may open a footnote), and only these few, so that a preambular state
# ("Concerned") is never a past-tense verb.
DECISION_PAST_FORMS: dict[str, str] = {
    **{
        past_participle(stem): stem
        for stem in (
            "decide", "agree", "appoint", "approve", "authorize", "confirm",
            "defer", "elect", "endorse", "postpone",
        )
    },
    "took": "take",
}  # fmt: skip
# A decision in one sentence may also be in the present: "The Human Rights Council
# decides to extend ...".
DECISION_PRESENT_FORMS: dict[str, str] = {"decides": "decide"}

# Past participles after "Having", mapped to the stem: "taken" -> "take".
PARTICIPLES: dict[str, str] = {
    **{past_participle(stem): stem for stem in VERB_STEMS - set(IRREGULAR_PARTICIPLES.values())},
    **IRREGULAR_PARTICIPLES,
}
