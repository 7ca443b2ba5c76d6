"""The italicised opening phrase of each paragraph (``unres.parse.verbs``).

Every table holds real paragraph openings copied from the seeds and the corpus
(/work/shared), or realistically damaged variants of them, with the phrase a
careful reader marks as italic in the UN's own typesetting.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import seed_expected
from unres.model import Paragraph, ParagraphKind
from unres.parse.verb_lexicon import past_participle, present_participle, third_person
from unres.parse.verbs import read_verb


def verb(kind: ParagraphKind, text: str, emphasis: str | None = None) -> str | None:
    return read_verb(Paragraph(kind=kind, text=text, emphasis=emphasis))


# --- Seeds: whole sequences, exactly as in their expected.json ------------------------

# Paragraph openings as the seeds print them: "*...*" is the source's emphasis, a
# leading "N. " makes the paragraph operative (the number is stripped, as the
# segmenter does).
SEED_OPENINGS = {
    "000_e02343ddb4ce8db6": """
*Reaffirming its commitment* to promoting international cooperation, as set
*Recalling* its resolution 70/1 of 25 September 2015, entitled "Transforming
*Recalling also* its adoption of the United Nations Millennium Declaration
*Recalling further* the World Conference against Racism, Racial Discrimination
*Recognizing* that the enhancement of international cooperation in the field
*Recognizing also* that the promotion and protection of human rights should
*Underlining* that cooperation is not just a matter of relations of goodnei
*Stressing* the importance of international cooperation for improving the
*Reaffirming* that dialogue among religions, cultures and civilizations in
*Reiterating* the important role that genuine human rights dialogue can play
*Recognizing* that the enhancement of international cooperation and genuine
*Emphasizing* that human rights dialogue should be constructive and based on
*Emphasizing also* the need for further progress in the promotion and
*Underlining* the fact that mutual understanding, dialogue, cooperation,
*Recalling* the adoption of resolution 2000/22 of 18 August 2000, on the
1. *Reaffirms* that it is one of the purposes of the United Nations and the
2. *Recognizes* that, in addition to their separate responsibilities to their
3. *Reaffirms* that dialogue among cultures and civilizations facilitates the
4. Also reaffirms the duty of States to cooperate with one another in
5. Urges all actors on the international scene to build an international order
6. *Reaffirms* the importance of the enhancement of international cooperation
7. *Considers* that international cooperation in the field of human rights,
8. *Reaffirms* that the promotion, protection and full realization of all
9. *Emphasizes* the importance of the universal periodic review as a mechanism
10. *Also emphasizes* the need for a cooperative and constructive approach
11. Further emphasizes the role of international cooperation in support of
12. *Calls upon* Member States, the specialized agencies and intergovernmental
13. Urges States to take measures necessary to enhance bilateral, regional
14. *Invites* States and relevant United Nations human rights mechanisms and
15. *Encourages* all Member States and the United Nations system to explore
16. *Requests* the Secretary-General, in collaboration with the United Nations
17. *Decides* to continue its consideration of the question at its seventy-sixth
""",
    "001_ef61d0dabfe29b93": """
Reaffirming its commitment to promoting international cooperation, as set forth
Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming
Recalling also its adoption of the United Nations Millennium Declaration on
Recalling further the World Conference against Racism, Racial Discrimination,
Recognizing that the enhancement of international cooperation in the field
Recognizing also that the promotion and protection of human rights should be
Underlining that cooperation is not just a matter of relations of good-neighbourliness
Stressing the importance of international cooperation for improving the living
Reaffirming that dialogue among religions, cultures and civilizations in the
Reiterating the important role that genuine human rights dialogue can play
Emphasizing that human rights dialogue should be constructive and based on
Emphasizing also the need for further progress in the promotion and
Underlining the fact that mutual understanding, dialogue, cooperation,
Recalling the adoption of resolution 2000/22 of 18 August 2000, on the
1. *Reaffirms* that it is one of the purposes of the United Nations and the
2. *Recognizes* that, in addition to their separate responsibilities to their
3. *Reaffirms* that dialogue among cultures and civilizations facilitates the
4. *Also reaffirms* the duty of States to cooperate with one another in
5. *Urges* all actors on the international scene to build an international
6. *Reaffirms* the importance of the enhancement of international cooperation
7. *Considers* that international cooperation in the field of human rights,
8. *Reaffirms* that the promotion, protection and full realization of all
9. *Emphasizes* the importance of the universal periodic review as a mechanism
10. *Also emphasizes* the need for a cooperative approach on the part of all
11. *Further emphasizes* the role of international cooperation in support of
12. *Calls upon* Member States, the specialized agencies and intergovernmental
13. *Urges* States to take measures necessary to enhance bilateral, regional
14. *Invites* States and relevant United Nations human rights mechanisms and
15. *Decides* to devote one plenary meeting of the General Assembly at its
16. *Requests* the Secretary-General, in collaboration with the United Nations
17. *Decides* to continue its consideration of the question at its seventy-third
""",
    "004_624a2f6c0cb2078c": """
Reaffirming its commitment to promoting international cooperation, as set forth
Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming
Recalling also its adoption of the United Nations Millennium Declaration on
Recalling further the World Conference against Racism, Racial Discrimination,
Recognizing that the enhancement of international cooperation in the field
Recognizing also that the promotion and protection of human rights should be
Underlining that cooperation is not just a matter of relations of good-neighbourliness
Stressing the importance of international cooperation for improving the living
Reaffirming that dialogue among religions, cultures and civilizations in the
Reiterating the important role that genuine human rights dialogue can play
Recognizing that the enhancement of international cooperation and genuine
Emphasizing that human rights dialogue should be constructive and based on
Emphasizing also the need for further progress in the promotion and
Underlining the fact that mutual understanding, dialogue, cooperation,
Recalling the adoption of resolution 2000/22 of 18 August 2000, on the
Welcoming the upcoming thirtieth anniversary, in 2023, of the adoption of the
1. *Reaffirms* that it is one of the purposes of the United Nations and the
2. *Recognizes* that, in addition to their separate responsibilities to their
3. *Reaffirms* that dialogue among cultures and civilizations facilitates the
4. *Also reaffirms* the duty of States to cooperate with one another in
5. *Urges* all actors on the international scene to build an international
6. *Reaffirms* the importance of the enhancement of international cooperation
7. *Considers* that international cooperation in the field of human rights,
8. *Reaffirms* that the promotion, protection and full realization of all
9. *Emphasizes* the importance of the universal periodic review as a mechanism
10. *Also emphasizes* the need for a cooperative and constructive approach
11. *Further emphasizes* the role of international cooperation in support of
12. *Calls upon* Member States, the specialized agencies and intergovernmental
13. *Urges* States to take measures necessary to enhance bilateral, regional
14. *Invites* States and relevant United Nations human rights mechanisms and
15. *Encourages* all Member States and the United Nations system to explore
16. *Requests* the Secretary-General, in collaboration with the United Nations
17. *Decides* to continue its consideration of the question at its seventy-eighth
""",
}

_OPERATIVE_NUMBER = re.compile(r"^(\d+)\.\s+")
_MARKED_EMPHASIS = re.compile(r"^\*([^*]+)\*")


def seed_paragraphs(name: str, with_emphasis: bool) -> list[Paragraph]:
    paragraphs = []
    for line in SEED_OPENINGS[name].strip().splitlines():
        number = _OPERATIVE_NUMBER.match(line)
        kind: ParagraphKind = "operative" if number else "preambular"
        line = line[number.end() :] if number else line
        marked = _MARKED_EMPHASIS.match(line)
        emphasis = marked.group(1) if marked and with_emphasis else None
        paragraphs.append(Paragraph(kind=kind, text=line.replace("*", ""), emphasis=emphasis))
    return paragraphs


@pytest.mark.parametrize("with_emphasis", [True, False], ids=["emphasis", "plain"])
@pytest.mark.parametrize("name", sorted(SEED_OPENINGS))
def test_seed_verb_sequences(name: str, with_emphasis: bool) -> None:
    paragraphs = seed_paragraphs(name, with_emphasis)
    expected = seed_expected(name)
    assert [read_verb(p) for p in paragraphs if p.kind == "operative"] == (
        expected["operative_verbs"]
    )
    assert [read_verb(p) for p in paragraphs if p.kind == "preambular"] == (
        expected["preambular_openers"]
    )


def test_seed_tables_carry_the_marked_emphasis() -> None:
    marked = seed_paragraphs("000_e02343ddb4ce8db6", with_emphasis=True)
    assert marked[0].emphasis == "Reaffirming its commitment"
    assert sum(p.emphasis is None for p in marked) == 4  # operative 4, 5, 11 and 13


# --- Corpus: the opening of every paragraph ------------------------------------------

PA: ParagraphKind = "preambular"
OP: ParagraphKind = "operative"
CORPUS_OPENINGS: dict[str, list[tuple[ParagraphKind, str, str | None]]] = {
    "A_RES_192_III_dfat.md": [
        (OP, "Recommends the Security Council to pursue the study of the regulation", "Recommends"),
        (OP, "Trusts that the Commission for Conventional Armaments, in carrying out", "Trusts"),
        (OP, "Invites the Security Council to report to the Assembly no later than", "Invites"),
        (OP, "Invites all nations in the Commission for Conventional Armaments to", "Invites"),
    ],
    "A_RES_49_12_procon-page.txt": [
        (
            PA,
            "Having considered the report of the Preparatory Committee for the",
            "Having considered",
        ),
        (OP, "Approves the report of the Preparatory Committee and notes its work", "Approves"),
        (OP, "Looks forward to receiving, before the end of 1994, the report", "Looks forward"),
        (
            OP,
            "Expresses its appreciation to the secretariat of the fiftieth anniversary",
            "Expresses its appreciation",
        ),
        (OP, "Welcomes the commemorative programme being formulated by the", "Welcomes"),
        (OP, "Welcomes also the continuation of the work of the Preparatory", "Welcomes also"),
        (OP, "Decides that the Preparatory Committee should continue its work", "Decides"),
    ],
    "A_RES_51_77_unorg-htm-excerpt.txt": [
        (PA, "      Recalling its resolution 50/153 of 21 December 1995 and", "Recalling"),
        (
            PA,
            "      Encouraged by the widespread commitment and political will shown\nby the",
            "Encouraged by",
        ),
        (
            PA,
            "      Seriously concerned about those reservations to the Convention\nwhich",
            "Seriously concerned",
        ),
        (
            PA,
            "      Reaffirming the Vienna Declaration and Programme of Action, which",
            "Reaffirming",
        ),
        (
            PA,
            "      Reaffirming also that the best interests of the child shall be a",
            "Reaffirming also",
        ),
        # The excerpt is cut in mid-word: "appreciati" is no complement.
        (PA, "      Noting with appreciati", "Noting"),
    ],
    "A_RES_58_85_guam-page.txt": [
        (PA, "The General Assembly, Wishing to promote cooperation between the", "Wishing"),
        (OP, "  1. Decides to invite the GUUAM to participate in the sessions", "Decides"),
        (OP, "  2. Requests the Secretary-General to take the necessary action", "Requests"),
    ],
    "A_RES_80_5.txt": [
        (
            OP,
            "Adopts the Doha Political Declaration of the “World Social Summit” under the",
            "Adopts",
        ),
    ],
    "A_RES_80_7.md": [
        (
            PA,
            "Having received the report of the International Atomic Energy Agency",
            "Having received",
        ),
        (PA, "Taking note of the statement by the Director General of the Agency", "Taking note"),
        (PA, "Recognizing the importance of the work of the Agency,", "Recognizing"),
        (
            PA,
            "Recognizing also the cooperation between the United Nations and the",
            "Recognizing also",
        ),
        (
            OP,
            "Takes note with appreciation of the report of the International Atomic",
            "Takes note with appreciation",
        ),
        (
            OP,
            "Takes note of resolutions GC(69)/RES/7, entitled “Nuclear and radiation",
            "Takes note",
        ),
        (
            OP,
            "Reaffirms its strong support for the indispensable role of the Agency",
            "Reaffirms its strong support",
        ),
        (OP, "Appeals to Member States to continue to support the activities", "Appeals"),
        (OP, "Requests the Secretary-General to transmit to the Director General", "Requests"),
    ],
    "A_RES_80_11.md": [
        (
            PA,
            "Guided by the purposes and principles of the Charter of the United Nations",
            "Guided by",
        ),
        (PA, "Recalling the relevant provisions adopted at the Summit of the Future", "Recalling"),
        (PA, "Reaffirming that development, peace and security and human rights", "Reaffirming"),
        (
            PA,
            "Reaffirming its deep concern at the high human cost and suffering",
            "Reaffirming its deep concern",
        ),
        (PA, "Recognizing that investing in conflict prevention is a highly", "Recognizing"),
        (
            PA,
            "Recognizing also the vital role of the United Nations in preventing",
            "Recognizing also",
        ),
        (
            PA,
            "Recognizing further that conflict prevention should be nationally",
            "Recognizing further",
        ),
        (PA, "Recalling that peacebuilding is an inherently political process", "Recalling"),
        (PA, "Recognizing the importance of ensuring impact of United Nations", "Recognizing"),
        (
            PA,
            "Recognizing also the contribution of peace operations in efforts",
            "Recognizing also",
        ),
        (PA, "Reaffirming the primary responsibility of national Governments", "Reaffirming"),
        (
            PA,
            "Reaffirming also, in the context of the twenty-fifth anniversary",
            "Reaffirming also",
        ),
        (
            PA,
            "Reaffirming further, in the context of the tenth anniversary of the",
            "Reaffirming further",
        ),
        (PA, "Expressing the need for increased visibility and awareness of United", "Expressing"),
        (PA, "Taking note of the report of the Secretary-General on peacebuilding", "Taking note"),
        (PA, "Affirming that the 2025 review of the peacebuilding architecture is", "Affirming"),
        (OP, "Reaffirms all relevant resolutions relating to the mandate of the", "Reaffirms"),
        # Sub-paragraphs, in case a converter lost their labels and they stand alone.
        (OP, "Requesting the Peacebuilding Commission to establish a detailed", "Requesting"),
        (OP, "Assisting Member States in building their national capacities to", "Assisting"),
        (OP, "(ii) Inviting international financial institutions and regional", "Inviting"),
        (OP, "Taking note of the decision of the Security Council to consider,", "Taking note"),
        (OP, "(e) Requesting the Peacebuilding Commission to continue serving", "Requesting"),
        (OP, "(h) Reaffirming the practice that, in the use of conference rooms", "Reaffirming"),
        (OP, "Recognizes the importance of further enhancing the advisory role", "Recognizes"),
        (OP, "Decides, where appropriate and through its relevant agenda items,", "Decides"),
        (
            OP,
            "May consider, when seeking the advice of the Peacebuilding Commission",
            "May consider",
        ),
        (OP, "Requests the Peacebuilding Commission to utilize its convening role", "Requests"),
        (OP, "Takes note of the intention of the Security Council to encourage", "Takes note"),
        (OP, "Encourages improved cooperation between the Peacebuilding Commission", "Encourages"),
        (OP, "Calls for the Peacebuilding Commission to serve as a platform to", "Calls for"),
        (OP, "Encourages United Nations country teams, under the leadership and", "Encourages"),
        (OP, "Requests the Secretary-General to further encourage systematic and", "Requests"),
        (OP, "Encourages the Peacebuilding Commission, in full respect of national", "Encourages"),
        (
            OP,
            "Also encourages the Peacebuilding Commission to further strengthen",
            "Also encourages",
        ),
        (OP, "Welcomes the existing collaboration of the Peacebuilding Commission", "Welcomes"),
        (OP, "Encourages the Peacebuilding Commission to further strengthen its", "Encourages"),
        (
            OP,
            "Also encourages the Peacebuilding Commission to further consult with",
            "Also encourages",
        ),
        (OP, "Decides to establish, within existing resources, an annual", "Decides"),
        (OP, "Calls for the full implementation of relevant resolutions on financing", "Calls for"),
        (OP, "Encourages the Peacebuilding Commission to maintain a regular and", "Encourages"),
        (OP, "Encourages countries receiving support from the Peacebuilding Fund", "Encourages"),
        (OP, "Encourages the Secretary-General to consider how the Peacebuilding", "Encourages"),
        (
            OP,
            "Also encourages the Secretary-General to utilize the Peacebuilding",
            "Also encourages",
        ),
        (OP, "Encourages the Peacebuilding Commission, in coordination with the", "Encourages"),
        (OP, "Requests the Secretary-General to update, within existing modalities,", "Requests"),
        (OP, "Requests the Peacebuilding Support Office to provide annual updates", "Requests"),
        (OP, "Encourages the Peacebuilding Commission, recalling its mandate to", "Encourages"),
        (OP, "Encourages continued investment by Member States in initiatives that", "Encourages"),
        (OP, "Urges efforts to address existing financing gaps for youth-led", "Urges"),
        (OP, "Encourages the Peacebuilding Support Office to further enhance", "Encourages"),
        (OP, "Encourages the Secretary-General to more systematically include data", "Encourages"),
        (OP, "Recognizes the important role of the Peacebuilding Support Office", "Recognizes"),
        (OP, "Requests the Secretary-General to assess how ongoing reforms of the", "Requests"),
        (OP, "Requests the Peacebuilding Commission to include in its annual report", "Requests"),
        (
            OP,
            "Reiterates its request to the Secretary-General to continue to present",
            "Reiterates its request",
        ),
        (OP, "Calls for a further comprehensive review of United Nations", "Calls for"),
    ],
    "A_RES_80_14.txt": [
        (PA, "Recalling its resolutions 51/53 of 10 December 1996 and 56/17 of", "Recalling"),
        (
            PA,
            "Recalling also the signing of the African Nuclear-Weapon-Free Zone",
            "Recalling also",
        ),
        (
            PA,
            "Recalling further the Cairo Declaration adopted on that occasion,",
            "Recalling further",
        ),
        (PA, "Recalling the statement made by the President of the Security Council", "Recalling"),
        (PA, "Considering that the establishment of nuclear-weapon-free zones,", "Considering"),
        (
            OP,
            "Recalls with satisfaction the entry into force of the African Nuclear- Weapon",
            "Recalls with satisfaction",
        ),
        (OP, "Calls upon African States that have not yet done so to sign and", "Calls upon"),
        (OP, "Recalls the convening of the first Conference of States Parties to", "Recalls"),
        (
            OP,
            "Expresses its appreciation to the nuclear-weapon States that have signed",
            "Expresses its appreciation",
        ),
        (OP, "Calls upon the States contemplated in Protocol III to the Treaty", "Calls upon"),
        (OP, "Calls upon the African States Parties to the Treaty on the", "Calls upon"),
        (
            OP,
            "Expresses its gratitude to the Secretary-General of the United Nations,",
            "Expresses its gratitude",
        ),
        (OP, "Decides to include in the provisional agenda of its eighty-first", "Decides"),
    ],
    "A_RES_80_22.txt": [
        (PA, "Recognizing that scientific and technological developments can have", "Recognizing"),
        (PA, "Underlining the keen interest of the international community to keep", "Underlining"),
        (PA, "Mindful of the need to regulate the transfer of technologies for", "Mindful"),
        (
            PA,
            "Acknowledging the need to continue the exchange of technologies for",
            "Acknowledging",
        ),
        (PA, "Mindful of the rights of States, reflected in relevant international", "Mindful"),
        (PA, "Cognizant of the discussions on developments in science and", "Cognizant"),
        (
            PA,
            "Cognizant also of the discussions in the Conference on Disarmament",
            "Cognizant also",
        ),
        (PA, "Mindful of the discussions in other forums, such as the Committee on", "Mindful"),
        (PA, "Noting the discussions on various dimensions of emerging technologies", "Noting"),
        (PA, "Noting also the discussions within the United Nations and the", "Noting also"),
        (PA, "Acknowledging that the accelerating pace of technological change", "Acknowledging"),
        (PA, "Noting the discussions on current developments in science and", "Noting"),
        (OP, "Invites Member States to continue efforts to apply developments in", "Invites"),
        (OP, "Calls upon Member States to remain vigilant in understanding new and", "Calls upon"),
        (OP, "Takes note of the updated report of the Secretary-General on current", "Takes note"),
        (OP, "Requests the Secretary-General to submit to the General Assembly at", "Requests"),
        (OP, "Encourages the Advisory Board on Disarmament Matters to continue its", "Encourages"),
        (OP, "Encourages Member States to organize events such as conferences,", "Encourages"),
        (OP, "Decides to include in the provisional agenda of its eighty-first", "Decides"),
    ],
    "A_RES_80_56.md": [
        (PA, "Recalling its resolutions 78/240 of 22 December 2023 and 79/60 of", "Recalling"),
        (PA, "Welcoming the decision contained therein for the Secretary-General", "Welcoming"),
        (OP, "Decides that the formal meeting will be held in early 2026 at United", "Decides"),
        (OP, "Also decides that the Secretary-General shall invite civil society", "Also decides"),
        (OP, "Encourages participation at the highest possible level;", "Encourages"),
        (OP, "Decides to include in the provisional agenda of its eighty-first", "Decides"),
    ],
    "A_RES_80_61.md": [
        (PA, "Recalling its resolutions 41/60 J of 3 December 1986, 42/39 K of", "Recalling"),
        (PA, "Recalling also its resolution 79/66 of 2 December 2024 and all", "Recalling also"),
        (PA, "Recognizing that the Regional Centre has continued to provide", "Recognizing"),
        (
            PA,
            "Reaffirming the mandate of the Regional Centre to provide, on request,",
            "Reaffirming",
        ),
        (PA, "Taking note of the report of the Secretary-General, 2and expressing", "Taking note"),
        (PA, "Welcoming the support provided by the Regional Centre to Member States", "Welcoming"),
        (PA, "Emphasizing the need for the Regional Centre to further develop and", "Emphasizing"),
        (PA, "Welcoming the ongoing support provided by the Regional Centre to", "Welcoming"),
        (PA, "Welcoming also the assistance provided by the Regional Centre to", "Welcoming also"),
        (
            PA,
            "Welcoming further the initiative of the Regional Centre to continue",
            "Welcoming further",
        ),
        (PA, "Recalling the report of the Group of Governmental Experts on the", "Recalling"),
        (PA, "Noting that security, disarmament and development issues have always", "Noting"),
        (PA, "Recognizing the cooperation between the Regional Centre and the", "Recognizing"),
        (PA, "Bearing in mind the important role of the Regional Centre in", "Bearing in mind"),
        (PA, "Recognizing the importance of information, research, education and", "Recognizing"),
        (
            OP,
            "Reiterates its strong support for the role of the United Nations Regional",
            "Reiterates its strong support",
        ),
        (OP, "Welcomes the activities carried out in the past year by the Regional", "Welcomes"),
        (
            OP,
            "Expresses its appreciation for the political support provided by Member",
            "Expresses its appreciation",
        ),
        (OP, "Invites all States of the region to continue to take part in the", "Invites"),
        (OP, "Recognizes that the Regional Centre has an important role in the", "Recognizes"),
        (OP, "Encourages the Regional Centre to further develop activities in all", "Encourages"),
        (OP, "Also encourages the Regional Centre to continue to provide, upon", "Also encourages"),
        (OP, "Calls upon those in a position to do so to make voluntary", "Calls upon"),
        (OP, "Requests the Secretary-General to report to the General Assembly at", "Requests"),
        (OP, "Decides to include in the provisional agenda of its eighty-first", "Decides"),
    ],
    "A_RES_80_70.md": [
        (PA, "Reiterating that the cessation of nuclear-weapon test explosions or", "Reiterating"),
        (PA, "Mindful that 2025 marks 80 years since nuclear weapons were first used", "Mindful"),
        (PA, "Recalling that the Comprehensive Nuclear-Test-Ban Treaty, adopted by", "Recalling"),
        (PA, "Stressing that a universal and effectively verifiable Treaty", "Stressing"),
        (PA, "Stressing also the vital importance and urgency of achieving the", "Stressing also"),
        (
            PA,
            "Deeply concerned by the long-standing lack of progress towards the",
            "Deeply concerned",
        ),
        (
            PA,
            "Encouraged by the signing of the Treaty by 187 States, including 41",
            "Encouraged by",
        ),
        (PA, "Recognizing the sustained efforts by the Executive Secretary of the", "Recognizing"),
        (PA, "Recalling its resolution 79/77 of 2 December 2024,", "Recalling"),
        (PA, "Recalling also the adoption by consensus of the conclusions and", "Recalling also"),
        (
            PA,
            "Recalling further the Final Declaration adopted by the fourteenth",
            "Recalling further",
        ),
        (PA, "Noting the contribution of diverse and inclusive participation in", "Noting"),
        (PA, "Welcoming the sustained efforts within the Preparatory Commission for", "Welcoming"),
        (PA, "Welcoming also the continuing progress in the development of the", "Welcoming also"),
        (PA, "Welcoming further the renewed focus on ensuring the continued", "Welcoming further"),
        (
            PA,
            "Recognizing the civil and scientific benefits provided by the Treaty\u2019s",
            "Recognizing",
        ),
        (OP, "Stresses the vital importance and urgency of signature and", "Stresses"),
        (OP, "Welcomes the contributions by the signatory States to the work of", "Welcomes"),
        (OP, "Underlines the need to maintain momentum towards the completion of", "Underlines"),
        (OP, "Urges all States not to carry out nuclear-weapon test explosions", "Urges"),
        (
            OP,
            "Reiterates its condemnation of the six nuclear tests conducted by the",
            "Reiterates its condemnation",
        ),
        (OP, "Urges all States to refrain from any action that may hamper progress", "Urges"),
        (OP, "Also urges all States that have not yet signed or ratified, or that", "Also urges"),
        # "further" qualifies the noun here, it is no adverb of the verb.
        (OP, "Encourages further expressions from among the remaining States whose", "Encourages"),
        (OP, "Welcomes the reappointment of Robert Floyd as the Executive Secretary", "Welcomes"),
        (OP, "Urges all States to remain seized of the issue at the highest", "Urges"),
        (OP, "Decides to include in the provisional agenda of its eighty-first", "Decides"),
    ],
    "S_RES_1820_crsv-json-para2.txt": [
        (OP, "Demands the immediate and complete cessation by all parties to armed", "Demands"),
    ],
    "S_RES_1820_crsv-json-para9.txt": [
        (OP, "Requests the Secretary-General to develop effective guidelines and", "Requests"),
    ],
    "S_RES_2403_unpress-page.txt": [
        (
            PA,
            "“Noting with regret the resignation of Judge Hisashi Owada, to take",
            "Noting with regret",
        ),
        (
            PA,
            "“Noting further that a vacancy in the International Court of Justice",
            "Noting further",
        ),
        (PA, "“Noting that, in accordance with article 14 of the Statute, the date", "Noting"),
        (OP, "“Decides that the election to fill the vacancy shall take place on", "Decides"),
    ],
    "S_RES_2583_lawglobalhub-page.txt": [
        (
            PA,
            "Noting with regret the death of Judge James Richard Crawford on",
            "Noting with regret",
        ),
        (
            PA,
            "Noting further that a vacancy in the International Court of Justice",
            "Noting further",
        ),
        (PA, "Noting that, in accordance with article 14 of the Statute, the date", "Noting"),
        (OP, "Decides that the election to fill the vacancy shall take place on 5", "Decides"),
    ],
    "S_RES_36_1947_dfat.md": [
        # The preamble runs on from the organ's name, in lower case.
        (
            PA,
            "Security Council, having received and taken note of report of Consular",
            "Having received",
        ),
        (
            PA,
            "Having taken note that according to report no attempt was made by",
            "Having taken note",
        ),
        (
            OP,
            "Calls upon the parties concerned forthwith to consult with each other,",
            "Calls upon",
        ),
        (OP, "Requests the Committee of Good Offices to assist the parties in", "Requests"),
        (OP, "Requests the Consular Commission, together with its military", "Requests"),
        (OP, "Advises the parties concerned, Committee of Good Offices and Consular", "Advises"),
        # A conditional clause comes before the verb.
        (
            OP,
            "Should it appear that some withdrawals of armed forces be necessary, invites the"
            " parties to conclude between them",
            "Invites",
        ),
    ],
}


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        pytest.param(kind, text, expected, id=f"{name}-{index}")
        for name, openings in CORPUS_OPENINGS.items()
        for index, (kind, text, expected) in enumerate(openings)
    ],
)
def test_corpus_paragraph_opening(kind: ParagraphKind, text: str, expected: str | None) -> None:
    assert verb(kind, text) == expected


VERB_OPENINGS = [
    pytest.param(kind, text, expected, id=f"{name}-{index}")
    for name, openings in CORPUS_OPENINGS.items()
    for index, (kind, text, expected) in enumerate(openings)
    if expected is not None
]


@pytest.mark.parametrize("leftover", ["1. ", "(b) ", "\u201c", "\u2026 ", "* "])
@pytest.mark.parametrize(("kind", "text", "expected"), VERB_OPENINGS)
def test_leftovers_before_the_opening_change_nothing(
    kind: ParagraphKind, text: str, expected: str, leftover: str
) -> None:
    assert verb(kind, leftover + text) == expected


@pytest.mark.parametrize(("kind", "text", "expected"), VERB_OPENINGS)
def test_text_in_capitals_gives_the_phrase_in_capitals(
    kind: ParagraphKind, text: str, expected: str
) -> None:
    assert verb(kind, text.upper()) == expected.upper()


# Paragraphs of the Doha Political Declaration annexed to A/RES/80/5.
ANNEX_OPENINGS = [
    "We, Heads of State and Government and high representatives, have gathered in",
    "We acknowledge the urgent need to address profound social challenges,",
    "We recognize that the three core themes of social development, namely, poverty",
    "We share the conviction that social development and social justice are",
    "We reaffirm the full, timely and effective implementation of the 2030 Agenda",
    "We also reaffirm the intergovernmental commitments related to social",
    "Yet, 30 years after the convening of the World Summit for Social Development,",
    "(a) Although great strides have been made in reducing poverty since 1995, in",
    "While these problems are global in character and affect all countries, we clearly",
    "We are convinced that addressing today\u2019s challenges to social development",
    "On the basis of our common pursuit of social development, which is aimed at",
    "(m) Considering a renewed spirit to deliver social justice and social",
    "We remain deeply concerned that one third of the world\u2019s population remains",
    "We reiterate our commitment to the full implementation of the social",
]


@pytest.mark.parametrize("text", ANNEX_OPENINGS)
def test_annex_paragraphs_have_no_verb(text: str) -> None:
    assert verb("annex", text) is None
    assert verb("annex", text, emphasis=text.split()[0]) is None


@pytest.mark.parametrize("text", [t for t in ANNEX_OPENINGS if t.startswith("We")])
def test_declaration_paragraphs_taken_for_operative_have_no_verb(text: str) -> None:
    assert verb("operative", text) is None


# Text that opens with no italic phrase: pieces a segmenter may wrongly cut as
# paragraphs (continuations after a page break, headings, footnote text, closing
# lines, news prose) and decisions, which are sentences in roman type.
@pytest.mark.parametrize(
    "text",
    [
        "the inputs from the group of independent eminent persons through its letter",
        "organizations, and women-led and youth-led organizations from countries",
        "welcomes all efforts and dialogue to this end, and encourages all parties",
        "Declaration and Programme of Action,⁴ and their role in the enhancement",
        "Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their",
        "Universal Declaration of Human Rights⁶ and of the twenty-fifth anniversary",
        "Peacebuilding Commission",
        "Peacebuilding financing",
        "Department of Political and Peacebuilding Affairs/Peacebuilding Support Office",
        "Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly resolution",
        "All Its Aspects, New York, 9\u201320 July 2001 (A/CONF.192/15), chap. IV, para. 24.",
        "Adopted by the Security Council at its 8808th meeting, on29 June 2021",
        "52nd plenary meeting 1 December 2025",
        "In accordance with article 14 of the Statute, the date of the election",
        "According to the report of the Secretary-General, the number of",
        "At its 30th meeting, on 5 April 2016, the Human Rights Council decided, without a vote,",
        "At its 52nd plenary meeting, on 1 December 2025, the General Assembly, on the",
        "",
        "  ",
        "1.",
    ],
)
def test_text_opening_otherwise_has_no_verb(text: str) -> None:
    assert verb("operative", text) is None
    assert verb("preambular", text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("decided, without a vote, to request the President of the Council to convene", "Decided"),
        ("agreed to postpone the consideration of the draft to its next session", "Agreed"),
        # Other lower-case openings stay fragments of a sentence.
        ("requests the President of the Council to convene informal consultations", None),
        ("concerned that persons with disabilities continue to face barriers", None),
    ],
)
def test_a_decision_run_on_from_at_its_meeting_opens_with_its_past_verb(
    text: str, expected: str | None
) -> None:
    assert verb("operative", text) == expected


# --- Emphasis: the source's own mark -----------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "emphasis", "expected"),
    [
        # Trimmed: trailing function words, punctuation, doubled spaces.
        (
            OP,
            "Takes note of the updated report of the Secretary-General",
            "Takes note of",
            "Takes note",
        ),
        (PA, "Recalling also, in this regard, its resolution", "Recalling also,", "Recalling also"),
        (
            PA,
            "Recalling  also its adoption of the United Nations",
            "Recalling  also",
            "Recalling also",
        ),
        # The span is where the italics end, even when the grammar would go on.
        (OP, "Takes note with appreciation of the report of the", "Takes note", "Takes note"),
        (PA, "Guided by the purposes and principles of the Charter", "Guided by", "Guided by"),
        # A verb the lexicon does not know, marked by the source.
        (OP, "Rejoices at the entry into force of the Treaty", "Rejoices", "Rejoices"),
        (
            OP,
            "Forcefully condemns the attacks against peacekeepers",
            "Forcefully condemns",
            "Forcefully condemns",
        ),
        # Italics over a whole passage: cut back to the phrase.
        (
            PA,
            "Recalling its resolution 70/1 of 25 September 2015, entitled",
            "Recalling its resolution 70/1 of 25 September 2015, entitled",
            "Recalling",
        ),
        (
            PA,
            "Acting under Chapter VII of the Charter of the United Nations,",
            "Acting under Chapter VII of the Charter of the United Nations",
            "Acting",
        ),
        # Not a verb phrase: an italicised title at the start.
        (
            PA,
            "Official Records of the General Assembly, Fifty-fifth Session, Supplement",
            "Official Records of the General Assembly",
            None,
        ),
        # The converter italicised only part of the phrase: the text completes it.
        (
            OP,
            "Also reaffirms the duty of States to cooperate with one another",
            "reaffirms",
            "Also reaffirms",
        ),
        (
            PA,
            "Deeply concerned by the long-standing lack of progress",
            "Deeply",
            "Deeply concerned",
        ),
        # Markup left in the span and the text.
        (OP, "4. *Also reaffirms* the duty of States", "*Also reaffirms*", "Also reaffirms"),
    ],
)
def test_emphasis(kind: ParagraphKind, text: str, emphasis: str, expected: str | None) -> None:
    assert verb(kind, text, emphasis) == expected


def test_unknown_verb_is_trusted_only_when_marked() -> None:
    text = "Rejoices at the entry into force of the Treaty"
    assert verb(OP, text, "Rejoices") == "Rejoices"
    assert verb(OP, text) is None


# --- Damaged text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # Words broken by spaces.
        (OP, "Reaff irms that it is one of the purposes of the United Nations", "Reaffirms"),
        (PA, "Recall ing also its adoption of the United Nations Millennium", "Recalling also"),
        (OP, "Al so reaffirms the duty of States to cooperate", "Also reaffirms"),
        (OP, "Calls up on Member States, the specialized agencies", "Calls upon"),
        # Words hyphenated at a line end, or with a soft hyphen left in.
        (OP, "Reaf- firms that it is one of the purposes of the United Nations", "Reaffirms"),
        (OP, "Re- emphasizes the need for a cooperative approach", "Re-emphasizes"),
        (PA, "Reaf\u00adfirming its commitment to promoting", "Reaffirming its commitment"),
        # Words run together.
        (PA, "Recallingalso its adoption of the United Nations Millennium", "Recalling also"),
        (OP, "Reaffirmsthat it is one of the purposes of the United Nations", "Reaffirms"),
        (OP, "Takesnote of the updated report of the Secretary-General", "Takes note"),
        (OP, "Alsoreaffirms the duty of States to cooperate", "Also reaffirms"),
        # Capitals, returned in the text's case.
        (PA, "RECALLING ALSO ITS ADOPTION OF THE UNITED NATIONS", "RECALLING ALSO"),
        (PA, "REAFFIRMING ITS COMMITMENT TO PROMOTING INTERNATIONAL", "REAFFIRMING ITS COMMITMENT"),
        (OP, "CALLS UPON MEMBER STATES, THE SPECIALIZED AGENCIES", "CALLS UPON"),
        # Leftovers before the first word.
        (OP, "4. Also reaffirms the duty of States to cooperate", "Also reaffirms"),
        (OP, "1. \nReaffirms that it is one of the purposes", "Reaffirms"),
        (OP, "12) Decides to continue its consideration of the question", "Decides"),
        (PA, "'Having taken note that according to report no attempt", "Having taken note"),
        (PA, "… Recognizing also that the promotion and protection of human", "Recognizing also"),
        (PA, "... Recalling further the World Conference against Racism", "Recalling further"),
        (OP, "- Urges all actors on the international scene to build", "Urges"),
        (OP, "• Encourages all Member States and the United Nations system", "Encourages"),
        (PA, "\u00b9 Recalling also its adoption of the United Nations", "Recalling also"),
        (PA, "**Recalling also** its adoption of the United Nations", "Recalling also"),
        # Layout: line breaks, no-break spaces and hyphens, curly apostrophes.
        (
            PA,
            "Noting\nwith appreciation the report of the Secretary-General",
            "Noting with appreciation",
        ),
        (PA, "Recalling\u00a0also its adoption of the United Nations Millennium", "Recalling also"),
        (OP, "Re\u2011emphasizes the need for a cooperative approach", "Re-emphasizes"),
        (OP, "Takes note of the Secretary-General\u2019s report on peacebuilding", "Takes note"),
        # British spellings.
        (PA, "Recognising the importance of the work of the Agency,", "Recognising"),
        (OP, "Authorises the Member States acting nationally or through", "Authorises"),
        (OP, "Emphasises the importance of the universal periodic review", "Emphasises"),
        # The organ's name left before the paragraph.
        (OP, "The General Assembly \n \nAdopts the Doha Political Declaration of the", "Adopts"),
        (PA, "The Human Rights Council, Guided by the purposes and principles of", "Guided by"),
        # A clause before the verb.
        (OP, "Pending the receipt of the report, decides to remain seized of", "Decides"),
        (OP, "In this regard, requests the Secretary-General to report", "Requests"),
    ],
)
def test_damaged_text(kind: ParagraphKind, text: str, expected: str | None) -> None:
    assert verb(kind, text) == expected


# --- Real-world openers beyond the corpus -------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # Operative.
        (OP, "Strongly condemns all acts of terrorism in all its forms", "Strongly condemns"),
        (OP, "Expresses deep concern at the continuing deterioration of", "Expresses deep concern"),
        (OP, "Expresses grave concern at the humanitarian situation", "Expresses grave concern"),
        (OP, "Reiterates its call upon all States to become parties", "Reiterates its call"),
        (OP, "Demands that all parties immediately cease all attacks", "Demands"),
        (OP, "Authorizes the Member States cooperating with the Government", "Authorizes"),
        (OP, "Endorses the recommendations contained in the report", "Endorses"),
        (OP, "Condemns in the strongest terms the attack on", "Condemns"),
        (OP, "Deplores the loss of life and injuries among civilians", "Deplores"),
        (OP, "Stresses the need for a comprehensive approach", "Stresses"),
        (OP, "Underscores the importance of national ownership", "Underscores"),
        (
            OP,
            "Reaffirms its commitment to the sovereignty, independence and",
            "Reaffirms its commitment",
        ),
        (
            OP,
            "Expresses its deep appreciation to the Government of Qatar",
            "Expresses its deep appreciation",
        ),
        (OP, "Notes with concern that the number of", "Notes with concern"),
        (OP, "Notes with deep concern the continued reports of", "Notes with deep concern"),
        (OP, "Takes note with satisfaction of the progress made", "Takes note with satisfaction"),
        (OP, "Takes note also of the report of the Special Rapporteur", "Takes note also"),
        (OP, "Calls on all parties to respect international humanitarian law", "Calls on"),
        (OP, "Also calls upon all States to cooperate fully", "Also calls upon"),
        (OP, "Further requests the Secretary-General to report on", "Further requests"),
        (OP, "Requests further the Secretary-General to submit", "Requests further"),
        (OP, "Requests also the Special Rapporteur to continue", "Requests also"),
        (OP, "Decides to remain actively seized of the matter.", "Decides"),
        (OP, "Decides also that the Committee shall", "Decides also"),
        (OP, "Decides further to consider the question at its", "Decides further"),
        (OP, "Strongly urges all States to refrain from", "Strongly urges"),
        (OP, "Once again requests the Secretary-General to", "Once again requests"),
        (OP, "Invites further contributions to the Trust Fund", "Invites"),
        (OP, "Welcomes with appreciation the efforts of the", "Welcomes with appreciation"),
        (OP, "Commends the efforts of the Special Envoy", "Commends"),
        (OP, "Congratulates the Government of Timor-Leste on", "Congratulates"),
        (
            OP,
            "Acknowledges with appreciation the contributions of",
            "Acknowledges with appreciation",
        ),
        (OP, "Pays tribute to the peacekeepers who lost their lives", "Pays tribute"),
        (OP, "Designates 2 April as World Autism Awareness Day", "Designates"),
        (OP, "Proclaims the period 2025\u20132034 the Decade of", "Proclaims"),
        (OP, "Declares that any attempt aimed at the partial", "Declares"),
        (OP, "Renews its appeal to all States to", "Renews its appeal"),
        (
            OP,
            "Unequivocally condemns all acts, methods and practices of terrorism",
            "Unequivocally condemns",
        ),
        (OP, "Reminds all parties of their obligations under", "Reminds"),
        (OP, "Recommends that the General Assembly adopt the", "Recommends"),
        (OP, "Urgently calls upon the parties to", "Urgently calls upon"),
        (OP, "Firmly rejects any attempt to", "Firmly rejects"),
        (OP, "Stands ready to consider further measures", "Stands ready"),
        (OP, "Solemnly proclaims the following principles", "Solemnly proclaims"),
        (OP, "Calls for the immediate release of all hostages", "Calls for"),
        (OP, "Elects the following Member States", "Elects"),
        (OP, "Appoints Mr. X as", "Appoints"),
        (OP, "Calls once again upon all States that have not", "Calls once again upon"),
        (
            OP,
            "Expresses its profound gratitude to the host country",
            "Expresses its profound gratitude",
        ),
        (OP, "Looks forward to the high-level meeting", "Looks forward"),
        (OP, "Draws attention to the need for", "Draws attention"),
        # Preambular.
        (PA, "Taking note with appreciation of the report of the", "Taking note with appreciation"),
        (PA, "Expressing its appreciation to the Government of", "Expressing its appreciation"),
        (PA, "Expressing grave concern at the humanitarian situation", "Expressing grave concern"),
        (PA, "Expressing deep concern about the continuing", "Expressing deep concern"),
        (PA, "Noting with concern the persistent threat", "Noting with concern"),
        (PA, "Noting with satisfaction the progress achieved", "Noting with satisfaction"),
        (PA, "Noting also with concern that", "Noting also with concern"),
        (PA, "Gravely concerned by the humanitarian situation", "Gravely concerned"),
        (PA, "Deeply alarmed by the continuing violence", "Deeply alarmed"),
        (PA, "Reaffirming also the importance of", "Reaffirming also"),
        (PA, "Stressing the importance of the rule of law", "Stressing"),
        (PA, "Alarmed by the rapid spread of", "Alarmed"),
        (PA, "Convinced that the promotion of", "Convinced"),
        (PA, "Firmly convinced that", "Firmly convinced"),
        (PA, "Aware of the need to", "Aware"),
        (PA, "Fully aware of the importance of", "Fully aware"),
        (PA, "Conscious of the importance of", "Conscious"),
        (PA, "Determined to save succeeding generations", "Determined"),
        (PA, "Desirous of promoting international cooperation", "Desirous"),
        (PA, "Recognizing further that", "Recognizing further"),
        (PA, "Having examined the report of the", "Having examined"),
        (PA, "Having heard the statement of the", "Having heard"),
        (PA, "Having also considered the report of", "Having also considered"),
        (PA, "Having regard to the relevant provisions", "Having regard"),
        (PA, "Having in mind the obligations of States", "Having in mind"),
        (PA, "Keeping in mind the importance of", "Keeping in mind"),
        (PA, "Bearing also in mind that", "Bearing also in mind"),
        (PA, "Taking into consideration the report of", "Taking into consideration"),
        (PA, "Taking into account the views of Member States", "Taking into account"),
        (PA, "Acting under Chapter VII of the Charter of the United Nations,", "Acting"),
        (PA, "Determining that the situation in Libya continues to", "Determining"),
        (
            PA,
            "Reiterating its strong commitment to the sovereignty",
            "Reiterating its strong commitment",
        ),
        (PA, "Deploring the loss of innocent lives", "Deploring"),
        (PA, "Condemning all acts of violence against civilians", "Condemning"),
        (PA, "Recalling also with satisfaction the adoption", "Recalling also with satisfaction"),
        (PA, "Inspired by the purposes and principles of", "Inspired by"),
        (PA, "Desiring to strengthen international cooperation", "Desiring"),
        (PA, "Believing that the establishment of", "Believing"),
        (PA, "Paying tribute to the work of", "Paying tribute"),
        (PA, "Acknowledging with appreciation the efforts of", "Acknowledging with appreciation"),
        (PA, "Deeply disturbed by the continued reports of", "Deeply disturbed"),
        (PA, "Appalled by the high number of civilian casualties", "Appalled"),
        (PA, "Being convinced that", "Being convinced"),
        (PA, "Regretting that the Conference on Disarmament", "Regretting"),
        (PA, "Underscoring the importance of", "Underscoring"),
        (PA, "Highlighting the role of", "Highlighting"),
        (PA, "Commending the efforts of", "Commending"),
    ],
)
def test_real_world_openers(kind: ParagraphKind, text: str, expected: str) -> None:
    assert verb(kind, text) == expected


# --- The inflection behind the lexicon ---------------------------------------------


@pytest.mark.parametrize(
    ("stem", "third", "participle", "past"),
    [
        ("request", "requests", "requesting", "requested"),
        ("note", "notes", "noting", "noted"),
        ("stress", "stresses", "stressing", "stressed"),
        ("express", "expresses", "expressing", "expressed"),
        ("agree", "agrees", "agreeing", "agreed"),
        ("regret", "regrets", "regretting", "regretted"),
        ("commit", "commits", "committing", "committed"),
        ("convey", "conveys", "conveying", "conveyed"),
        ("apply", "applies", "applying", "applied"),
        ("approach", "approaches", "approaching", "approached"),
    ],
)
def test_inflection(stem: str, third: str, participle: str, past: str) -> None:
    assert (third_person(stem), present_participle(stem), past_participle(stem)) == (
        third,
        participle,
        past,
    )


# Verbs the 79th-session resolutions and the 80th-session drafts open with (shared/bulk).
BULK_OPENINGS = [
    ("Recommits to ensuring full respect for the human rights of all migrants;", "Recommits"),
    ("Also recommits to substantially increase the share of exports;", "Also recommits"),
    ("Recommits itself to a redoubling of its efforts to reduce illicit flows;", "Recommits"),
    ("Strongly objects to the extraterritorial nature of those measures;", "Strongly objects"),
    ("Brings to the attention of the Chief Executives Board the need;", "Brings"),
    ("Understands that, as the budgetary situation remains challenging, support;", "Understands"),
    ("Respects the purview of the mandate of special political missions;", "Respects"),
    ("Promotes the effective participation of developing countries;", "Promotes"),
    ("Raises awareness of the fact that many Indigenous Peoples do not speak;", "Raises"),
    # Spaced-out italics as the PDF extraction gives them (A/RES/79/172, op. 45).
    ("I n v i t e s relevant special procedure mandate holders", "Invites"),
]


@pytest.mark.parametrize(("text", "expected"), BULK_OPENINGS)
def test_bulk_operative_openings(text: str, expected: str) -> None:
    assert verb(OP, text) == expected
