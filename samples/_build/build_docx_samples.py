"""Build the DOCX sample recordings in samples/ (fictional people, UK English).

Run with python-docx 1.2:

    python samples/_build/build_docx_samples.py

Each builder mimics how Word users really put a recording together (tables for
the header, built-in heading styles or bold "fake" headings, the template's blue
prompts left in, tracked changes, comments, headers/footers) so that qa-checker's
DOCX reader meets the same variety it will meet in practice.  The intended flaws
of each file are listed in samples/_build/manifest.toml.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

SAMPLES = Path(__file__).resolve().parent.parent

BLUE = RGBColor(0x00, 0x70, 0xC0)  # Word "Blue" standard colour
BLUE_ACCENT = RGBColor(0x44, 0x72, 0xC4)  # Word theme "Accent 1"
BLACK = RGBColor(0x00, 0x00, 0x00)

# Prompt text copied verbatim from the recording template (recording-template.txt).
PROMPTS_ONLY = "PROMPTS ONLY IN BLUE for you to use"
P_INTRO_PREP = "Preparation: What calls did you make to facilitate contact?"
P_INTRO_ARRIVAL = (
    "Arrival Time: Were the parents on time ? was the FC/child on time ?  Describe their behaviour / mood "
    "as they greeted each other, along with presentation, quality of \u2018meet and greet\u2019, behaviour "
    "and attitude towards parents / adults.  "
)
P_BASIC_1 = (
    "Did the parent set appropriate boundaries in their conversation? Providing positive reinforcements and "
    "picking up on responding to negative behaviours.  How was this managed? How did the parent respond to the "
    "child\u2019s opinion or any disagreement with the parent? Did the parent give clear message of behaviours "
    "that are acceptable / unacceptable?  Was the conversation free flowing or were prompts needed?"
)
P_BASIC_4 = (
    "How did the parent focus on the child or was parent distracted, bored, withdrawn?  Did the parent make "
    "problematic comments about past, other parent, inappropriate questions, care proceeding, inappropriate "
    "language etc?  Did anyone intervene?   If so why and what action was taken?   Detail each instance and "
    "the parents\u2019 response to the intervention.  "
)
P_WARMTH = (
    "Does the child seem at ease around the parent? Were the family laughing and joking with each other? Were "
    "conversations age appropriate?  Were there discussions about any activities the children were "
    "participating in?  Did the parents encourage learning and being interested in the child\u2019s behaviour "
    "and development? Did the parent enquire as to the child/ren\u2019s wellbeing and what they had been doing "
    "recently?    Describe how the parent showed understanding of the child\u2019s developmental level? (Either "
    "expecting too much or talking down to child, etc) How did the parent respond to the child initiating "
    "interactions \u2013 facial expressions, conversations, and actions?  How did parents initiate "
    "conversations / interactions with the child? Did CS or FC intervene?   What action was taken?   Detail "
    "each instance and the parents\u2019 response to the intervention."
)
P_GOODBYE = (
    "What happened in the goodbyes between family members?   Did parents recognise when the child/ren were "
    "looking to end the call? Did anyone intervene?  What action was taken?   Detail the instance and "
    "parents\u2019 response to the intervention. How did the parent manage their own feelings & child\u2019s "
    "needs? How did the child react? (Sad, indifference, wanting further contacts, angry, tearful, distressed "
    "etc) "
)
P_NEEDS_1 = (
    " E.g. behaviour of child, adult, accidents, exclusions who have you reported/communicated with? When? "
    "and How?  "
)
P_NEEDS_2 = (
    "Have you spoken with the parent if the feedback was passed on by the carer?  Note the feedback from the "
    "parent as to how they felt the contact had gone/ or any specific comments they had about contact?"
)
P_SCALE_1 = (
    "On a scale of 0 \u2013 10 where 0 is that you felt the contact was very difficult for the child, whether "
    "physically or emotionally, and 10 being that the contact was very well managed and there were no concerns "
    "if you were facilitating the contact / have enough feedback to rate this. "
)
P_SCALE_2 = (
    "Give individual scaling for EACH child at contact, it might be that contact was better for one than the "
    "other for various reasons. Give your reason for why you scaled this where you did, and how the contact "
    "can be improved to move up the scale. "
)
P_REFLECT = (
    "This section should cover how you felt the contact went, draw upon any difficulties experiences, and the "
    "parts that worked well in contact. Include your interpretation of the contact, using phrases such as "
    "\u201cIn my professional opinion\u2026\u201d \u201cIt was felt that\u2026\u201d. "
)

WORKING = "What is working well?"
WORRIED = "What are you worried about?"


# --------------------------------------------------------------------------- helpers


def new_document(author: str) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    props = doc.core_properties
    props.author = author
    props.last_modified_by = author
    props.title = "Supervised Family Time Recording"
    props.created = _dt.datetime(2020, 4, 16, 9, 0, 0)  # documents start life as the 2020 template
    return doc


def para(doc, text: str = "", style: str | None = None, bold: bool = False, color: RGBColor | None = None):
    p = doc.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        r.bold = bold or None
        if color is not None:
            r.font.color.rgb = color
    return p


def runs(doc_or_par, pieces, style: str | None = None):
    """Paragraph built from several runs, as Word splits text on formatting/edit boundaries.

    pieces: list of str or (str, dict(bold=, italic=, underline=, color=)).
    """
    p = doc_or_par.add_paragraph(style=style) if hasattr(doc_or_par, "add_paragraph") else doc_or_par
    for piece in pieces:
        if isinstance(piece, str):
            p.add_run(piece)
            continue
        text, fmt = piece
        r = p.add_run(text)
        if fmt.get("bold"):
            r.bold = True
        if fmt.get("italic"):
            r.italic = True
        if fmt.get("underline"):
            r.underline = True
        if fmt.get("color") is not None:
            r.font.color.rgb = fmt["color"]
    return p


def header_table(doc, rows, label_bold: bool = True):
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = ""
        r = cells[0].paragraphs[0].add_run(label)
        r.bold = label_bold or None
        cells[1].text = value
    return table


def body(doc, *paragraphs, color: RGBColor | None = None):
    for text in paragraphs:
        para(doc, text, color=color)


def bold_label(doc, text):
    return para(doc, text, bold=True)


def heading(doc, text, level=1):
    return doc.add_heading(text, level=level)


# ----------------------------------------------------------- tracked changes (raw OOXML)

_REV_ID = [900]


def _rev_attrs(el, author, date):
    _REV_ID[0] += 1
    el.set(qn("w:id"), str(_REV_ID[0]))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), date)


def _text_el(tag, text):
    t = OxmlElement(tag)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return t


def add_insertion(paragraph, text, author, date):
    """Append <w:ins><w:r><w:t>text</w:t></w:r></w:ins> to the paragraph."""
    ins = OxmlElement("w:ins")
    _rev_attrs(ins, author, date)
    r = OxmlElement("w:r")
    r.append(_text_el("w:t", text))
    ins.append(r)
    paragraph._p.append(ins)
    return ins


def add_deletion(paragraph, text, author, date):
    """Append <w:del><w:r><w:delText>text</w:delText></w:r></w:del> to the paragraph."""
    dele = OxmlElement("w:del")
    _rev_attrs(dele, author, date)
    r = OxmlElement("w:r")
    r.append(_text_el("w:delText", text))
    dele.append(r)
    paragraph._p.append(dele)
    return dele


# =========================================================================== 5. good-amelia-jayden


def build_good_amelia_jayden(path: Path):
    doc = new_document("Sian Okafor")
    doc.add_heading("Supervised Family Time Recording", level=0)
    header_table(
        doc,
        [
            ("Child's Name", "Amelia Carter (7) and Jayden Carter (4)"),
            ("Present at contact", "Amelia Carter (child); Jayden Carter (child); Leanne Carter (mother, \u201cMum\u201d)"),
            ("Date of Contact", "12/03/2025"),
            ("Time", "16:00 - 17:30"),
            ("Supervised by", "Sian Okafor, Family Time Supervisor (not a carer)"),
            ("Report by", "Sian Okafor, Family Time Supervisor. Emailed to Amelia and Jayden\u2019s social worker, Gareth Pryce, on 13/03/2025."),
        ],
    )
    para(doc)

    heading(doc, "INTRODUCTIONS")
    bold_label(doc, WORKING)
    body(
        doc,
        "Preparation: On 10/03/2025 I telephoned Mum to confirm the session at the Hollies Family Centre. Mum said, "
        "\u201cI\u2019ll be there, I\u2019ve got Jayden\u2019s birthday card to give him.\u201d I also telephoned the children\u2019s "
        "foster carers, Mr and Mrs Adeyinka, who confirmed they would collect the children from school and arrive for 15:55. "
        "I set up the Blue Room with the train track, a box of Duplo and a floor puzzle.",
        "Mum arrived at 15:45 and waited in reception. She was wearing a navy coat and had a bag with a birthday card, "
        "a wrapped present and a packet of crackers. I took Mum into the Blue Room at 15:55.",
        "Mrs Adeyinka arrived with the children at 15:58. Jayden ran into the room shouting, \u201cMummy! It\u2019s my birthday "
        "on Saturday!\u201d Mum crouched down, opened her arms and said, \u201cI know! My big boy is going to be four!\u201d and "
        "Jayden ran into her arms. Amelia walked in behind him, holding her book bag. Mum said, \u201cHello, my beautiful girl,\u201d "
        "and held out her other arm. Amelia walked over and Mum hugged both children together for about ten seconds.",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "I have no worries about the introductions because Mum was ten minutes early, was in the room before the children "
        "arrived, and greeted both children by name with a hug. Both children went to her straight away.",
    )

    heading(doc, "BASIC NEEDS")
    bold_label(doc, WORKING)
    body(
        doc,
        "At 16:10 Mum gave Jayden his present, a fire engine, and his card. She asked Amelia to help Jayden read the card. "
        "Amelia read, \u201cHappy birthday Jayden, love Mummy,\u201d and Mum said, \u201cThank you, Amelia, that\u2019s brilliant reading.\u201d",
        "At 16:30 Mum asked both children to wash their hands and then gave them crackers and a beaker of water each at "
        "the table. Jayden stood on his chair. Mum said, \u201cBottom on the chair, please, Jayden, or the crackers go back "
        "in the bag.\u201d Jayden sat down. Mum said, \u201cGood sitting,\u201d and gave him a cracker.",
        "Mum shared her attention between the children. When Jayden wanted her to watch his fire engine and Amelia wanted "
        "help with the puzzle, Mum said, \u201cJayden, drive it over here so I can watch it while I help Amelia,\u201d and "
        "sat on the floor between them. Mum kept her phone in her coat pocket for the whole session.",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "At 16:50 Amelia asked Mum, \u201cDid you go to the meeting with Gareth?\u201d Mum said, \u201cI did, but that\u2019s grown-up "
        "stuff. Shall we finish the puzzle?\u201d I did not need to intervene. I am recording this because Amelia has asked "
        "about meetings at the last two sessions, which tells me she is thinking about the plan for her and Jayden. Mum "
        "responded to her in line with the Family Time Agreement.",
    )

    heading(doc, "EMOTIONAL WARMTH")
    bold_label(doc, WORKING)
    body(
        doc,
        "From 16:15 to 16:45 Mum built a train track with Jayden. Jayden said, \u201cThe bridge goes here,\u201d and Mum said, "
        "\u201cYou\u2019re the boss. Show me.\u201d When the bridge fell down Jayden shouted, \u201cNo!\u201d and threw a piece of track. "
        "Mum said calmly, \u201cWe don\u2019t throw. Let\u2019s build it again together,\u201d and held the bridge while Jayden fixed it. "
        "Jayden clapped when it stayed up.",
        "Mum asked Amelia about school. Amelia told her she had been Star of the Week for her poem about the sea. Mum asked, "
        "\u201cCan you remember any of it?\u201d Amelia stood up and said the first verse. Mum clapped and said, \u201cI\u2019ve got "
        "goosebumps. You\u2019ve always loved the sea.\u201d Amelia smiled and sat on the arm of Mum\u2019s chair for the rest of the puzzle.",
        "At 17:00 Mum got down on the floor and all three of them played \u201cI spy\u201d. Mum changed the game for Jayden by "
        "using colours instead of letters, saying, \u201cI spy something that is red,\u201d so he could join in.",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "I have no worries about emotional warmth because both children sought Mum out throughout the session, Mum adapted "
        "the games to each child\u2019s age, and she stayed calm when Jayden threw the track.",
    )

    heading(doc, "GOODBYE")
    bold_label(doc, WORKING)
    body(
        doc,
        "At 17:20 I told Mum there were ten minutes left. Mum said, \u201cTen minutes, then it\u2019s tidy-up time.\u201d At 17:25 "
        "the children helped Mum put the track back in the box. Mum hugged Jayden and said, \u201cHappy birthday for Saturday. "
        "I\u2019ll see you next Wednesday.\u201d She hugged Amelia and said, \u201cKeep writing those poems.\u201d Mum stayed in the "
        "room while I took the children to Mrs Adeyinka in reception.",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "Jayden cried in reception and said, \u201cI want Mummy at my party.\u201d Mrs Adeyinka picked him up and he stopped "
        "crying by the time they reached the car, holding his fire engine. Amelia did not cry; she took Mrs Adeyinka\u2019s hand. "
        "I am worried that Jayden\u2019s birthday will be a hard day for him without Mum. Mum managed her part of the goodbye "
        "well: she kept it short and told both children when she would see them next.",
    )

    heading(doc, "What needs to happen?")
    body(
        doc,
        "1. I will email this recording to Gareth Pryce by 13/03/2025, including Amelia\u2019s question about the meeting "
        "and Jayden\u2019s words about his party.",
        "2. Gareth to decide by 14/03/2025 whether Mum can make a short video call to Jayden on his birthday, Saturday "
        "15/03/2025, supervised by Mrs Adeyinka.",
        "3. Gareth to speak to Amelia about the plan before the next session, as she has now asked about meetings three times.",
        "Feedback from Mum: At 17:35 Mum told me, \u201cI loved seeing his face with the fire engine. I didn\u2019t want to leave.\u201d",
    )

    heading(doc, "SCALING")
    body(
        doc,
        "Overall: 9/10. Mum was early, brought a present and snacks, set clear and calm boundaries with Jayden, shared her "
        "attention fairly and kept the goodbye short. It is not a 10 because Jayden cried at the end about his party. To "
        "move to 10, Gareth would confirm whether a birthday video call can happen, so that Mum can tell Jayden about it "
        "at the next session.",
        "Amelia: 9/10. Amelia told Mum about her poem, recited it to her and sat close to her for the rest of the session. "
        "It is not a 10 because she asked about the meeting, which shows she has unanswered questions. To move to 10, "
        "Gareth would explain the plan to Amelia before the next session.",
        "Jayden: 8/10. Jayden ran to Mum, played with her for half an hour and followed her instructions at the table. It "
        "is not higher because he threw the track when the bridge fell and cried at the goodbye. To move to 9, Jayden "
        "would know in advance what will happen on his birthday, which Gareth will confirm by 14/03/2025.",
    )

    heading(doc, "REFLECTION/ANALYSIS")
    body(
        doc,
        "In my professional opinion, this session met both children\u2019s needs. Mum prepared well and kept her focus on the "
        "children for the full ninety minutes. She set boundaries in a calm way, for example when Jayden stood on his chair "
        "and when he threw the track, and she praised him when he followed her instructions. She shared her attention "
        "fairly, which has been a goal since the review in January.",
        "Amelia\u2019s question about the meeting is the third time she has asked about meetings in three sessions. Mum "
        "answered without discussing proceedings, so I did not need to intervene. From my observations, this is a pattern "
        "in Amelia\u2019s questions rather than in Mum\u2019s behaviour, and it means Amelia needs her own explanation from Gareth.",
        "For Jayden, the session was a chance to celebrate his birthday with Mum. His tears at the end and his words about "
        "his party show that he wants Mum to be part of it. A planned, supervised call on the day may help him, and I have "
        "asked Gareth to consider this.",
    )
    para(doc)
    para(doc, "Sian Okafor, Family Time Supervisor, 12/03/2025")
    doc.save(path)


# =========================================================================== 6. flawed-blue-prompts-tyler


def build_flawed_blue_prompts_tyler(path: Path):
    doc = new_document("Joanne Reilly")
    para(doc, "Northamptonshire Supervised Family Time Recording for contact,", bold=True)
    # Header fields typed over the template's placeholders: bold label run, value run.
    for label, value in [
        ("Child's Name: ", "Tyler Brennan"),
        ("Present at contact: ", "Tyler (9), Stacey Brennan (Mum)"),
        ("Date of Contact: ", "31/02/2025"),
        ("Time: ", "15:00 to 14:00"),
        ("Supervised by: ", "Joanne Reilly"),
        ("Report by: ", "Joanne Reilly, Family Time Supervisor \u2013 email"),
    ]:
        runs(doc, [(label, {"bold": True}), value])
    para(doc)

    def fake_heading(text):
        # Bold capitalised paragraph in Normal style, not a Word heading style.
        return para(doc, text, bold=True)

    def prompt(text, color=BLUE):
        return para(doc, text, color=color)

    # INTRODUCTIONS
    fake_heading("INTRODUCTIONS")
    prompt(PROMPTS_ONLY)
    prompt(P_INTRO_PREP)
    prompt(P_INTRO_ARRIVAL)
    fake_heading(WORKING)
    runs(doc, [("I rang Mum the day before to confirm and she said she would get a lift with her sister. I also spoke to ", {"color": BLACK}),
               ("Tyler\u2019s foster carer, Mark, who said he would bring Tyler straight from school.", {"color": BLACK})])
    runs(doc, [("Mum arri", {"color": BLACK}), ("ved at 15:05 and ", {"color": BLACK}),
               ("said sorry for being late", {"color": BLACK, "italic": True}),
               (", her sister\u2019s car had not started. Tyler was already in the room with me doing Lego. When Mum walked in Tyler "
                "got up and hugged her round the waist and said \u201cYou\u2019re late\u201d and Mum said \u201cI know, I\u2019m sorry baby.\u201d", {"color": BLACK})])
    runs(doc, ["Mum looked tired and her hair was not brushed. She was wearing a grey tracksuit."])
    runs(doc, [("Tyler got his book bag out straight away and showed Mum a certificate from school for ", {"color": BLACK}),
               ("\u201cbeing a kind friend\u201d", {"color": BLACK, "italic": True}),
               (". Mum read it out loud and said \u201cI\u2019m so proud of you, that\u2019s going on my wall.\u201d Tyler asked if she ", {"color": BLACK}),
               ("could keep it and she put it in her handbag.", {"color": BLACK})])
    fake_heading(WORRIED)
    runs(doc, [("Mum was late and Tyler was waiting for her. Tyler kept asking me \u201cIs she coming?\u201d from 15:00 and ", {"color": BLACK}),
               ("was clearly anxious", {"color": BLACK, "bold": True}),
               (" until she arrived. Mum needs to be in the room ", {"color": BLACK}),
               ("before", {"color": BLACK, "underline": True}),
               (" Tyler arrives as per the agreement.", {"color": BLACK})])

    # BASIC NEEDS
    fake_heading("BASIC NEEDS")
    prompt(PROMPTS_ONLY)
    prompt(P_BASIC_1, color=BLUE_ACCENT)
    prompt(P_BASIC_4, color=BLUE_ACCENT)
    fake_heading(WORKING)
    runs(doc, [("Mum had brought Tyler a Greggs sausage roll and a can of Coke. Tyler ate the sausage roll at the table. ", {"color": BLACK}),
               ("Mum asked him to sit down while he ate and he did.", {"color": BLACK})])
    runs(doc, [("Tyler and Mum built a Lego police station together from 15:20 to 15:50. Mum followed the instructions ", {"color": BLACK}),
               ("and let Tyler find the pieces. When Tyler couldn\u2019t find a piece he said \u201cThis is stupid\u201d and Mum said ", {"color": BLACK}),
               ("\u201cDon\u2019t give up, ", {"color": BLACK}),
               ("look in the grey pile", {"color": BLACK, "italic": True}),
               ("\u201d and he found it.", {"color": BLACK})])
    fake_heading(WORRIED)
    runs(doc, [("At 15:35 Mum got her phone out and was texting for about five minutes. Tyler carried on with the Lego on his own. ", {"color": BLACK}),
               ("I reminded Mum about phones and she put it away and said \u201cIt\u2019s my solicitor, ", {"color": BLACK}),
               ("they never ring me back", {"color": BLACK, "bold": True}),
               ("\u201d. I reminded her that we could talk about this after the session.", {"color": BLACK})])
    runs(doc, [("Tyler drank the whole can of Coke. The carer has asked before for Tyler not to have fizzy drinks after school ", {"color": BLACK}),
               ("as it affects his sleep.", {"color": BLACK})])

    # EMOTIONAL WARMTH: heading, blue prompt and the template's labels only (nothing written)
    fake_heading("EMOTIONAL WARMTH")
    prompt(PROMPTS_ONLY)
    prompt(P_WARMTH)
    fake_heading(WORKING)
    para(doc)
    fake_heading(WORRIED)
    para(doc)

    # GOODBYE
    fake_heading("GOODBYE")
    prompt(PROMPTS_ONLY)
    prompt(P_GOODBYE)
    fake_heading(WORKING)
    runs(doc, [("I gave a 10 minute warning at 16:20. Mum helped Tyler put the Lego away and said he could take the police ", {"color": BLACK}),
               ("station back to Mark\u2019s. She gave him a hug and said \u201cLove you, be good for Mark.\u201d", {"color": BLACK})])
    fake_heading(WORRIED)
    runs(doc, [("Tyler didn\u2019t want to go and held on to Mum\u2019s arm. Mum said \u201cI don\u2019t want you to go either\u201d and ", {"color": BLACK}),
               ("started crying", {"color": BLACK, "bold": True, "italic": True}),
               (". Tyler then started crying too. I had to step in and say it was time to go and walk Tyler out to Mark. ", {"color": BLACK}),
               ("Tyler was very upset in the corridor.", {"color": BLACK})])

    # WHAT NEEDS TO HAPPEN
    fake_heading("What needs to happen?")
    prompt(P_NEEDS_1)
    prompt(P_NEEDS_2)
    runs(doc, [("Inform SW of Mum being late, the phone and the goodbye. ", {"color": BLACK}),
               ("Mum to be reminded of the agreement.", {"color": BLACK})])
    runs(doc, [("Speak to Mark about the Coke. ", {"color": BLACK}),
               ("Mum said after the session \u201cI just miss him so much, I can\u2019t help it\u201d and asked if the sessions ", {"color": BLACK}),
               ("could be longer. ", {"color": BLACK}),
               ("I said I would pass this on.", {"color": BLACK})])

    # SCALING
    fake_heading("SCALING")
    prompt(P_SCALE_1)
    prompt(P_SCALE_2)
    runs(doc, [("Overall ", {"color": BLACK}), ("5/10", {"color": BLACK, "bold": True}),
               (" \u2013 Mum was late, on her phone and upset at the end which upset Tyler. The Lego was nice.", {"color": BLACK})])
    runs(doc, [("Tyler ", {"color": BLACK}), ("5/10", {"color": BLACK, "bold": True}),
               (" \u2013 Tyler enjoyed the Lego but was anxious at the start and upset at the end. Mum needs to be on time and ", {"color": BLACK}),
               ("manage her feelings at goodbye.", {"color": BLACK})])

    # REFLECTION
    fake_heading("REFLECTION/ANALYSIS")
    prompt(P_REFLECT)
    runs(doc, [("In my professional opinion this session was ", {"color": BLACK}), ("mixed", {"color": BLACK, "italic": True}),
               (" for Tyler. When Mum was focused on him they had a nice time building the Lego and Tyler was happy. ", {"color": BLACK}),
               ("However Mum was late, used her phone and mentioned her solicitor which should not be discussed in session.", {"color": BLACK})])
    runs(doc, [("The goodbye was difficult. Mum could not hold her own feelings and Tyler became upset. ", {"color": BLACK}),
               ("This has happened at the last 3 sessions", {"color": BLACK, "bold": True}),
               (" and I think Mum needs some support with goodbyes. ", {"color": BLACK}),
               ("It was felt that Tyler would benefit from a more structured ending.", {"color": BLACK})])
    doc.save(path)


# =========================================================================== 7. flawed-sunday-sophie-oliver


def build_flawed_sunday_sophie_oliver(path: Path):
    doc = new_document("Femi Adeyemi")
    doc.add_heading("Supervised Family Time Recording", level=1)
    # Header fields as "Label:" (bold run) + value (plain run) in one paragraph.
    for label, value in [
        ("Child\u2019s Name:", " Sophie Dunn and Oliver Dunn"),
        ("Present at contact:", " Sophie (12), Oliver (10), Michelle Dunn (Mum), Gary Dunn (Dad)"),
        ("Date of Contact:", " Sunday 4 May 2025"),
        ("Time:", " 11:00 to 13:00"),
        ("Supervised by:", " Femi Adeyemi, Family Time Supervisor"),
        ("Report by:", " Femi Adeyemi, Family Time Supervisor (email)"),
    ]:
        runs(doc, [(label, {"bold": True}), value])

    heading(doc, "Introductions", 1)
    doc.add_heading(WORKING, level=3)
    body(
        doc,
        "I telephoned Mum on Friday 2 May to confirm the session at Pine Lodge Family Centre and Mum said both she and Dad "
        "would be coming. I telephoned the children\u2019s foster carer, Bev, who said she would drop the children at 10:55.",
        "Mum and Dad arrived together at 10:45 and waited in the car park. Dad had brought a football and Mum had a bag of "
        "snacks and a hairbrush. Bev brought Sophie and Oliver at 10:55. Oliver ran up to Dad and they did their handshake, "
        "which ends with a fist bump. Sophie walked in with her headphones on and said \u201cHi\u201d to both parents. Mum hugged "
        "Sophie and said \u201cI love your hair like that.\u201d Sophie said \u201cThanks\u201d and took her headphones off.",
    )
    doc.add_heading(WORRIED, level=3)
    body(
        doc,
        "Sophie seemed reluctant to come in at first and stayed by the door for a couple of minutes. She came over when Mum "
        "asked her to help with the snacks.",
    )

    heading(doc, "Basic Needs", 1)
    doc.add_heading(WORKING, level=3)
    body(
        doc,
        "Mum had brought sandwiches, crisps, grapes and squash and put them out on the table at 12:00. She asked both "
        "children what they wanted and made Oliver a ham sandwich without butter, which she knew he likes. Dad reminded "
        "Oliver to wash his hands after playing football and Oliver did.",
        "Dad played football with Oliver on the field behind the centre from 11:15 to 11:50. When Oliver fell and grazed "
        "his knee, Dad checked it, said \u201cYou\u2019re alright, brave lad,\u201d and brought him inside so I could get the first "
        "aid kit. I cleaned the graze and put a plaster on it. This is recorded in the accident book.",
    )
    doc.add_heading(WORRIED, level=3)
    body(
        doc,
        "At 12:20 Dad started talking to Mum about \u201cthe final hearing\u201d while the children were at the table. Sophie "
        "stopped eating and looked at her plate. I reminded Dad that this could not be discussed in front of the children "
        "and Dad said \u201cFair enough, sorry,\u201d and changed the subject to the football. Sophie was quiet for about ten "
        "minutes after this.",
        "Oliver got a lot more of Dad\u2019s attention than Sophie did. Sophie spent most of the first hour with Mum.",
    )

    heading(doc, "Emotional Warmth", 1)
    doc.add_heading(WORKING, level=3)
    body(
        doc,
        "Mum brushed and plaited Sophie\u2019s hair at 11:30 while Sophie told her about her netball team. Sophie said they "
        "had won 14 \u2013 6 on Saturday and that she is Goal Attack. Mum asked lots of questions about the match and Sophie "
        "showed her a video on her phone. They laughed together at a video of Sophie\u2019s friend falling over.",
        "Oliver told Dad about his Year 6 SATs the week after next and said he was \u201cworried about the maths one\u201d. Dad said "
        "\u201cYou\u2019ll smash it, you\u2019re better at maths than I ever was. Just do your best, that\u2019s all anyone wants.\u201d",
        "After lunch the four of them played Uno at the table. Oliver won twice and did a victory dance. Everyone was "
        "laughing and Dad pretended to be a sore loser, which made Oliver laugh more.",
    )
    doc.add_heading(WORRIED, level=3)
    body(
        doc,
        "After Dad mentioned the hearing Sophie went quiet and seemed upset. She did not join in the first game of Uno "
        "until Mum asked her to be on her team.",
    )

    heading(doc, "Goodbye", 1)
    doc.add_heading(WORKING, level=3)
    body(
        doc,
        "I gave a 10 minute warning at 12:50. Mum and Dad helped tidy up. Dad gave Oliver the football to keep. Both "
        "parents hugged both children and told them they loved them. Mum said to Oliver \u201cGood luck with your SATs, I\u2019ll "
        "be thinking of you.\u201d The parents stayed in the room while I took the children to Bev.",
    )
    doc.add_heading(WORRIED, level=3)
    body(
        doc,
        "I have no worries about the goodbye. Oliver waved from Bev\u2019s car. Sophie put her headphones back on as soon as "
        "she left the room.",
    )

    heading(doc, "Scaling", 1)
    body(
        doc,
        "Overall: 7/10",
        "Sophie: 8/10 \u2013 Sophie talked to Mum about netball, let Mum plait her hair and laughed with her during the "
        "videos. It is not higher because she went quiet after Dad mentioned the hearing. To move up, Mum and Dad would "
        "keep conversations about court out of the session and Dad would spend some one-to-one time with Sophie.",
    )

    heading(doc, "Reflection/Analysis", 1)
    body(
        doc,
        "In my professional opinion this was mostly a good session for both children. Both parents arrived on time, "
        "brought food and activities, and met the children\u2019s needs, including when Oliver hurt his knee. The children "
        "were relaxed with their parents for most of the session and there was a lot of laughter during Uno.",
        "The main worry is Dad raising the final hearing at the table. Sophie\u2019s response, going quiet and not eating, "
        "suggests she is aware of the court process and finds it hard to hear about. Dad accepted the reminder straight "
        "away. This is the first time I have had to intervene with Dad about this.",
        "Dad tends to focus on Oliver through football. Sophie spent most of her time with Mum, which she appeared to "
        "enjoy, but it would be good for Dad to find an activity with Sophie as well.",
    )
    doc.save(path)


# =========================================================================== 8. tracked-changes-ella


def build_tracked_changes_ella(path: Path):
    doc = new_document("Hannah Kowalczyk")
    section = doc.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    section.footer.paragraphs[0].text = "Contact recording sheet 16.04.2020"

    writer = "Hannah Kowalczyk"
    manager = "Rachel Doyle"
    d1 = "2026-01-20T17:42:00Z"
    d2 = "2026-01-22T09:15:00Z"

    doc.add_heading("Supervised Family Time Recording", level=1)
    header_table(
        doc,
        [
            ("Child's Name:", "Ella Hughes"),
            ("Present at contact:", "Ella Hughes (2 years 3 months); Chantelle Hughes (mother, \u201cMum\u201d)"),
            ("Date of Contact:", "20.01.2026"),
            ("Time:", "13:00 to 14:30"),
            ("Supervised by:", "Hannah Kowalczyk, Family Time Supervisor (not a carer)"),
            ("Report by:", "Hannah Kowalczyk, Family Time Supervisor. Checked by Rachel Doyle, Team Manager. Emailed to social worker Nadia Farouk."),
        ],
        label_bold=False,
    )

    heading(doc, "INTRODUCTIONS")
    bold_label(doc, WORKING)
    body(
        doc,
        "On 19.01.2026 I telephoned Mum to remind her of the session at the Maple Family Centre. Mum said, \u201cI\u2019ve got "
        "her new wellies to bring.\u201d I telephoned Ella\u2019s foster carer, Gill Marsh, to confirm Ella would arrive at 12:55 "
        "after her nap.",
        "Mum arrived at 12:45 and waited in reception. She had a changing bag with nappies, wipes, a beaker of milk, a "
        "banana and a pair of pink wellies. Gill arrived with Ella at 12:57.",
    )
    p = doc.add_paragraph()
    r1 = p.add_run("When Gill carried Ella into the room, Ella held on to Gill\u2019s jumper and turned her face away. ")
    r2 = p.add_run("Ella was clingy with Gill for the first few minutes.")
    p.add_run(" Mum sat on the floor, held up the wellies and said, \u201cLook, Ella, new boots!\u201d At 13:03 Ella reached "
              "for the wellies and Gill put her down. Ella walked to Mum and sat on her knee.")
    doc.add_comment(
        [r2],
        text="Can you describe what Ella did here rather than using \u2018clingy\u2019? You have already said she held Gill\u2019s jumper.",
        author=manager,
        initials="RD",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "I have no worries about Mum\u2019s part in the introductions because she arrived early, was ready for Ella, and let "
        "Ella come to her in her own time rather than taking her from Gill. It took Ella six minutes to go to Mum; I will "
        "keep recording how long this takes so that we can see whether it changes.",
    )

    heading(doc, "BASIC NEEDS")
    bold_label(doc, WORKING)
    body(
        doc,
        "At 13:20 Mum offered Ella the banana, broke it into pieces and sat her in the high chair. Ella ate all of it. "
        "Mum then gave her the beaker of milk and Ella drank about half while sitting on Mum\u2019s knee.",
    )
    p = doc.add_paragraph("At 13:45 Ella\u2019s nappy was wet. ")
    add_deletion(p, "Mum was rubbish at changing her and I had to show her again. ", writer, d1)
    add_insertion(
        p,
        "Mum asked me to show her again how to fasten the pull-up style nappies Gill now uses, and fastened it herself on "
        "her second attempt. ",
        writer,
        d1,
    )
    p.add_run("Mum talked to Ella throughout the change and sang \u201cRow, Row, Row Your Boat\u201d; Ella lay still and "
              "joined in with \u201cboat\u201d.")
    body(
        doc,
        "At 14:00 Ella tried to climb on the windowsill. Mum said, \u201cNo, Ella, down please,\u201d lifted her down and "
        "gave her the shape sorter. Ella played with the shape sorter.",
    )
    bold_label(doc, WORRIED)
    p = doc.add_paragraph("Mum kept her phone in her bag ")
    add_deletion(p, "as usual", writer, d2)
    add_insertion(p, "for the third session running", writer, d2)
    p.add_run(", so I have no worries about her focus. I am worried that Mum is not yet confident with the new nappies; "
              "she has asked me to show her at two sessions. If she cannot change Ella without help, Ella\u2019s needs may not "
              "be met if sessions move to the community.")

    heading(doc, "EMOTIONAL WARMTH")
    bold_label(doc, WORKING)
    body(
        doc,
        "From 13:05 to 13:20 Mum helped Ella put on the new wellies and Ella stamped around the room. Mum said, \u201cStamp, "
        "stamp, stamp!\u201d and Ella copied, \u201cTamp!\u201d and laughed. Mum clapped and said, \u201cClever girl, you said stamp.\u201d",
        "Mum read \u201cThe Very Hungry Caterpillar\u201d with Ella on her knee. Ella pushed her finger through the holes and "
        "Mum counted the fruit with her: \u201cOne apple, two pears.\u201d Ella said \u201cpear\u201d twice. Mum asked Gill\u2019s "
        "permission at the start to take a photo of Ella in her wellies for the memory box, which the social worker had "
        "agreed in advance.",
    )
    bold_label(doc, WORRIED)
    p = doc.add_paragraph()
    add_insertion(p, "I have no worries about emotional warmth because ", manager, d2)
    p.add_run("Ella went to Mum for comfort when she bumped her hand on the table at 13:50, holding her arms up to be "
              "picked up, and Mum picked her up, kissed her hand and said, \u201cAll better.\u201d")

    heading(doc, "GOODBYE")
    bold_label(doc, WORKING)
    body(
        doc,
        "At 14:20 I told Mum there were ten minutes left. Mum put Ella\u2019s coat on and said, \u201cBoots on for Gill\u2019s "
        "house.\u201d At 14:28 Mum kissed Ella and said, \u201cBye bye, baby, Mummy loves you. See you Thursday.\u201d Ella waved. "
        "Mum stayed in the room while I carried Ella to Gill.",
    )
    bold_label(doc, WORRIED)
    body(
        doc,
        "I have no worries about the goodbye because Mum kept it short and calm, and Ella went to Gill and waved to me "
        "from the car seat.",
    )

    heading(doc, "What needs to happen?")
    body(
        doc,
        "I will email this recording to Nadia Farouk by 22.01.2026. Gill has agreed to bring a pull-up nappy to the next "
        "session so that Mum can practise with me at the start of the session. At the end of the session Mum said, "
        "\u201cShe\u2019s getting so big. I loved the wellies.\u201d",
    )

    heading(doc, "SCALING")
    body(
        doc,
        "Overall: 8/10. Mum was early, brought food, milk and the wellies, met Ella\u2019s needs and played with her at her "
        "level. It is not higher because Mum needed help with the nappy. To move to 9, Mum would change Ella without "
        "help, after practising with me at the next session.",
        "Ella: 8/10. Ella went to Mum after six minutes, laughed during the wellies game and went to Mum for comfort when "
        "she hurt her hand. It is not higher because she held on to Gill at the start. To move to 9, Ella would go to Mum "
        "sooner; Gill will show Ella a photo of Mum in the car on the way so she knows who she is seeing.",
    )

    heading(doc, "REFLECTION/ANALYSIS")
    p = doc.add_paragraph("In my professional opinion, Ella\u2019s time with Mum was ")
    add_deletion(p, "lovely", writer, d1)
    add_insertion(p, "warm and well organised", writer, d1)
    p.add_run(". Mum planned the session around something Ella would enjoy, the wellies, and her play was at Ella\u2019s "
              "level: short words, songs and counting. Ella copied Mum\u2019s words and sought her out for comfort, which "
              "shows a developing relationship.")
    body(
        doc,
        "The worry is practical: Mum is not yet confident with the pull-up nappies. Mum asked for help herself, which is a "
        "strength, and the plan above gives her a chance to practise. Ella\u2019s hesitation at the start has shortened from "
        "about ten minutes in December to six minutes today.",
    )
    doc.save(path)


# =========================================================================== 9. bank-holiday-noah


def build_bank_holiday_noah(path: Path):
    doc = new_document("Claire Henshaw")
    para(doc, "Supervised Family Time Recording", style="Title")
    for line in [
        "Child's Name: Noah Bailey",
        "Present at contact: Noah Bailey (child), Ryan Bailey (father, \u201cDad\u201d)",
        "Date of Contact: 25 August 2025",
        "Time: 10:30 to 12:00",
        "Supervised by: Claire Henshaw, Family Time Supervisor (not a carer)",
        "Report by: Claire Henshaw, Family Time Supervisor \u2013 emailed to social worker Owen Marsh on 26 August 2025",
    ]:
        para(doc, line)

    heading(doc, "INTRODUCTIONS", 2)
    para(doc, WORKING)
    body(
        doc,
        "On 22 August 2025 I telephoned Dad to confirm the session at the Oakfield Family Centre. Dad said, \u201cCan I bring "
        "his bike helmet? I\u2019ve got him a new one.\u201d I agreed. I telephoned Noah\u2019s foster carer, Mrs Khan, who confirmed "
        "she would bring Noah for 10:25.",
        "Dad arrived at 10:18 and waited outside the main door. He was wearing a clean T-shirt and shorts and was carrying "
        "a blue bike helmet and a bag with a football, two apples and a carton of juice. I brought Dad into the Garden Room "
        "at 10:25. Mrs Khan arrived with Noah at 10:28.",
        "Noah ran in and shouted, \u201cDaddy!\u201d Dad knelt down and Noah jumped into his arms. Dad said, \u201cHello, superstar. "
        "I\u2019ve got something for you,\u201d and showed him the helmet. Noah put it on straight away and said, \u201cIt\u2019s got "
        "dinosaurs!\u201d",
    )
    para(doc, WORRIED)
    body(
        doc,
        "I have no worries about the introductions because Dad arrived twelve minutes early, was in the room before Noah, "
        "and greeted Noah warmly at his level. Noah went to Dad straight away.",
    )

    heading(doc, "BASIC NEEDS", 2)
    para(doc, WORKING)
    body(
        doc,
        "From 10:40 to 11:10 Dad and Noah played football in the enclosed garden. Dad set up a goal with two cones and "
        "took turns in goal with Noah. When Noah kicked the ball over the fence into the car park, Dad said, \u201cWe stay in "
        "the garden, Noah. I\u2019ll ask Claire to get it,\u201d and Noah waited with Dad while I fetched it.",
        "At 11:15 Dad asked Noah to wash his hands, cut an apple into slices with the plastic knife he had brought and "
        "gave Noah the juice. Noah ate one apple and drank all the juice at the picnic table.",
        "At 11:30 Noah said he needed the toilet. Dad took him to the toilet in the corridor with me present and reminded "
        "him to flush and wash his hands.",
    )
    para(doc, WORRIED)
    body(
        doc,
        "At 11:20 Dad\u2019s phone rang. He looked at it and said, \u201cThat\u2019s my brother, I\u2019ll ring him back,\u201d and "
        "put it on silent. I am recording this because the agreement asks for phones to be put away; Dad did not answer "
        "it and his attention went straight back to Noah, so I did not need to intervene.",
    )

    heading(doc, "EMOTIONAL WARMTH", 2)
    para(doc, WORKING)
    body(
        doc,
        "Dad asked Noah about starting Reception in September. Noah said, \u201cI\u2019m going to Oak class and my teacher is "
        "Miss Patel.\u201d Dad said, \u201cOak class! Will you tell me all about it next time?\u201d Noah nodded and said, \u201cAnd "
        "I\u2019ve got a book bag.\u201d",
        "Dad read \u201cDinosaur Roar!\u201d to Noah on the beanbag and let Noah do the roars. Noah roared loudly and Dad "
        "pretended to fall off the beanbag in fright. Noah laughed so much he lay on the floor. They read it twice because "
        "Noah asked, \u201cAgain!\u201d",
        "When Noah scored a goal, Dad said, \u201cWhat a shot! Who taught you that?\u201d Noah said, \u201cYou did!\u201d and they "
        "did a high five.",
    )
    para(doc, WORRIED)
    body(
        doc,
        "I have no worries about emotional warmth in this session because Noah went to Dad to share his news, asked him to "
        "read the story again, and was laughing with him during the story and the football.",
    )

    heading(doc, "GOODBYE", 2)
    para(doc, WORKING)
    body(
        doc,
        "At 11:50 I told Dad there were ten minutes left. Dad said to Noah, \u201cFive more roars, then it\u2019s home time.\u201d "
        "At 11:57 Dad hugged Noah and said, \u201cLove you, superstar. Good luck at big school.\u201d Noah said, \u201cLove you, "
        "Daddy,\u201d and took my hand. Dad stayed in the room.",
    )
    para(doc, WORRIED)
    body(
        doc,
        "Noah asked Mrs Khan in reception, \u201cCan Daddy come to my school?\u201d Mrs Khan said she would ask his social "
        "worker. I am worried that Noah will want Dad to be part of his first day at school and that this has not been "
        "planned for.",
    )

    heading(doc, "What needs to happen?", 2)
    body(
        doc,
        "I will email this recording to Owen Marsh by 26 August 2025, including Noah\u2019s question about Dad coming to his "
        "school. Owen to decide before 3 September 2025 whether Dad can receive a photo of Noah in his school uniform, "
        "taken by Mrs Khan. Dad told me after the session, \u201cThat was brilliant. He loved the helmet.\u201d",
    )

    heading(doc, "SCALING", 2)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Child", "Score", "Reason", "What would improve it"]):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in [
        (
            "Overall",
            "9",
            "Dad was early, brought food and activities, set a clear boundary about the garden, met Noah\u2019s needs and "
            "kept his phone on silent. Not a 10 because Dad\u2019s phone rang during the session.",
            "Dad to switch his phone off before the session starts.",
        ),
        (
            "Noah",
            "9",
            "Noah ran to Dad, laughed with him during the story and football, and said \u201cLove you, Daddy\u201d at the end. "
            "Not a 10 because he asked whether Dad could come to his school and does not yet have an answer.",
            "Owen to decide about the school photo so Dad can tell Noah at the next session.",
        ),
    ]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    para(doc)

    heading(doc, "REFLECTION/ANALYSIS", 2)
    body(
        doc,
        "In my professional opinion, this session met Noah\u2019s needs well. Dad prepared for the session, brought a gift "
        "linked to Noah\u2019s interests and spent the full ninety minutes focused on Noah. When Noah kicked the ball out of "
        "the garden, Dad explained the rule and Noah accepted it.",
        "The one point of practice is Dad\u2019s phone. He put it on silent without being asked, so I did not need to "
        "intervene, and this is the first time his phone has rung in the six sessions I have supervised.",
        "For Noah, starting school is a big change. His question about Dad coming to school tells me he wants Dad to know "
        "about this part of his life. A photo in his uniform that Dad can talk to him about would help Noah feel that Dad "
        "is part of it.",
    )
    doc.save(path)


# =========================================================================== 10. three-children


def build_three_children(path: Path):
    doc = new_document("Agnieszka Nowak")
    doc.add_heading("Supervised Family Time Recording", level=0)
    header_table(
        doc,
        [
            ("Child's Name", "Freya Parker (14), Archie Parker (9), Isla Parker (1)"),
            (
                "Present at contact",
                "Freya, Archie and Isla (children); Danielle Parker (mother, \u201cMum\u201d); Carol Jennings (maternal "
                "grandmother, \u201cNan\u201d) \u2013 Nan\u2019s attendance agreed in advance by the social worker, Kirsty Lowe, on 08/09/2026",
            ),
            ("Date of Contact", "17/09/2026"),
            ("Time", "16:00 \u2013 17:30"),
            ("Supervised by", "Agnieszka Nowak, Family Time Supervisor (not a carer)"),
            ("Report by", "Agnieszka Nowak, Family Time Supervisor \u2013 sent by email to Kirsty Lowe"),
        ],
    )
    para(doc)

    def label(text):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.underline = True
        return p

    heading(doc, "INTRODUCTIONS")
    label(WORKING)
    body(
        doc,
        "On 15/09/2026 I telephoned Mum and Nan to confirm the session at Elm Tree Family Centre. I telephoned the "
        "children\u2019s foster carers, Tracey and Paul Hendry, who confirmed they would bring all three children for 15:55.",
        "Nan arrived at 15:45 and waited in reception. She had brought a birthday cake for Archie, whose birthday was on "
        "Monday, and a bag of toys for Isla. I took Nan into the Sunflower Room at 15:55. Tracey arrived with the children "
        "at 15:57. Archie ran to Nan and hugged her. Isla was in her car seat; Tracey lifted her out and Nan held out her "
        "arms and Isla went to her. Freya said \u201cHi Nan\u201d and sat down on the sofa.",
        "Mum arrived at 16:25, 25 minutes after the start time. At 16:10 she had texted me: \u201cSo sorry bus broke down "
        "on the Kettering road, getting the next one.\u201d As Nan was already in the room with the children and Mum was in "
        "touch with me, I decided to let the session go ahead with Nan until Mum arrived. When Mum came in she said, "
        "\u201cI\u2019m so sorry, guys,\u201d and hugged Archie and Freya, then took Isla from Nan.",
    )
    label(WORRIED)
    body(
        doc,
        "Mum was 25 minutes late, which is more than the 15 minutes the Family Time Agreement allows before a session is "
        "cancelled. From 16:00 Archie asked \u201cWhere\u2019s Mum?\u201d three times and went to the window twice. Freya said, "
        "\u201cShe\u2019s always late,\u201d and put her earphones in until Mum arrived. I am worried that waiting for Mum is "
        "hard for Archie and that Freya is losing trust that Mum will be there. This is the second time Mum has been late "
        "this month; on 03/09/2026 she arrived at 16:12.",
    )

    heading(doc, "BASIC NEEDS")
    label(WORKING)
    body(
        doc,
        "At 16:40 Nan and Mum lit the candles on Archie\u2019s cake and everyone sang Happy Birthday. Mum cut the cake and "
        "gave each child a slice. Mum gave Isla small pieces of sponge without icing and a beaker of water, as Tracey had "
        "asked.",
        "At 17:00 Isla\u2019s nappy needed changing. Mum changed her on the changing mat and talked to her throughout, "
        "saying \u201cWhere are your toes? There they are!\u201d",
        "When Archie licked the icing off the knife, Mum said, \u201cNot the knife, Archie, it\u2019s sharp. Use a spoon,\u201d "
        "and gave him a spoon. Archie put the knife down.",
    )
    label(WORRIED)
    body(
        doc,
        "Mum spent most of the time from 16:25 to 17:00 holding and playing with Isla. Archie wanted Mum to watch him do "
        "tricks with his new fidget spinner and said, \u201cMum, watch!\u201d four times before Mum looked. Nan played with "
        "Archie instead. I said to Mum at 16:50, \u201cArchie would love you to see his tricks,\u201d and Mum passed Isla to "
        "Nan and watched Archie for ten minutes. I am worried that Archie goes without Mum\u2019s attention when Isla is there.",
        "Freya had her earphones in for most of the session. Mum did not ask her to take them out and spoke to her "
        "twice in 90 minutes.",
    )

    heading(doc, "EMOTIONAL WARMTH")
    label(WORKING)
    body(
        doc,
        "Isla pulled herself up on Mum\u2019s knees and took three steps to Nan. Mum said, \u201cShe\u2019s walking! Isla, you\u2019re "
        "walking!\u201d and clapped. Isla clapped too. Nan filmed this on her phone, which Kirsty had agreed in advance for "
        "memory making.",
        "Archie opened his present from Mum, a Liverpool shirt, and put it on over his school jumper. He said, \u201cThis is "
        "the best present ever,\u201d and hugged Mum. Mum and Archie talked about his football training and Mum asked what "
        "position he plays.",
        "At 17:10 Nan sat next to Freya and asked about her GCSE options. Freya took one earphone out and told Nan she had "
        "picked art and drama. Nan said, \u201cYour mum was brilliant at drawing at your age.\u201d Freya looked at Mum and "
        "Mum said, \u201cI still have your drawing of the horse.\u201d Freya smiled and said, \u201cThat was rubbish,\u201d and Mum "
        "said, \u201cIt\u2019s on my fridge.\u201d",
    )
    label(WORRIED)
    body(
        doc,
        "Freya did not join in the cake or the singing and sat apart from the family for most of the session. Apart from "
        "the conversation about the drawing at 17:10, Mum did not start any conversation with her. I am worried that Freya "
        "is spending sessions on her own and that the relationship between her and Mum is not being supported in sessions.",
    )

    heading(doc, "GOODBYE")
    label(WORKING)
    body(
        doc,
        "I gave a ten minute warning at 17:20. Mum and Nan packed up the cake and gave a piece to each child to take back. "
        "Mum hugged Archie and said, \u201cHappy birthday, my boy.\u201d She kissed Isla and passed her to me. She said to "
        "Freya, \u201cLove you, Frey,\u201d and Freya said, \u201cYeah, you too.\u201d Mum and Nan stayed in the room.",
    )
    label(WORRIED)
    body(
        doc,
        "Archie asked Mum, \u201cWill you be on time next week?\u201d Mum said, \u201cI promise.\u201d I am worried that a promise "
        "that is then broken would be hard for Archie, so I will talk to Mum about travel before the next session.",
    )

    heading(doc, "What needs to happen?")
    body(
        doc,
        "I will email this recording to Kirsty Lowe by 18/09/2026 and let her know Mum was 25 minutes late and that I let "
        "the session go ahead, so that she can decide how this is handled in future.",
        "I will telephone Mum by 21/09/2026 to plan her journey so that she can catch an earlier bus, and to talk about "
        "sharing her attention between all three children, including Freya.",
        "Kirsty to consider whether Freya would like some time with Mum on her own, and to ask Freya what she would like "
        "sessions to include.",
        "Mum told me at the end, \u201cI know I messed up being late. It was nice to see Isla walk.\u201d",
    )

    heading(doc, "SCALING")
    for text in [
        "Overall: 7/10 because Mum and Nan met the children\u2019s physical needs, Archie\u2019s birthday was celebrated and "
        "Isla\u2019s first steps were shared, but Mum was 25 minutes late and Freya spent most of the session on her own. To "
        "move to 8, Mum would arrive before the children.",
        "Freya \u2013 8 out of 10, she was relaxed when Nan spoke to her about her options and smiled when Mum talked about "
        "her drawing. To move up Mum would talk to her more.",
        "Archie: six, because he waited for Mum and had to ask four times for Mum to watch him, although he loved his "
        "shirt and cake. Mum arriving on time would help.",
    ]:
        para(doc, text, style="List Bullet")

    heading(doc, "REFLECTION/ANALYSIS")
    body(
        doc,
        "In my professional opinion, the session had real strengths. Nan\u2019s presence, agreed in advance, gave the "
        "children an adult they trust while Mum was late, and she helped Freya join a conversation. Mum met Isla\u2019s "
        "needs well, celebrated Archie\u2019s birthday and responded to Isla\u2019s first steps with delight.",
        "Mum\u2019s lateness is the main worry. It is the second late arrival this month, and Archie\u2019s questions at the "
        "start and at the end show that he notices. Under the agreement this session should have been cancelled; I used "
        "my judgement because Nan was present and Mum was in contact, and Kirsty will decide how this is handled.",
        "Attention was not shared evenly. Isla received most of Mum\u2019s attention, Archie needed a prompt from me before "
        "Mum watched him, and Freya received little attention from Mum. From my observations, Freya is 14 and may find "
        "it harder to ask for attention than her brother; the one conversation Mum and Freya had, about the drawing, "
        "ended with both of them smiling, which suggests there is something to build on.",
    )
    doc.save(path)


# =========================================================================== main

BUILDERS = {
    "good-amelia-jayden-2025-03-12.docx": build_good_amelia_jayden,
    "flawed-blue-prompts-tyler.docx": build_flawed_blue_prompts_tyler,
    "flawed-sunday-sophie-oliver-2025-05-04.docx": build_flawed_sunday_sophie_oliver,
    "tracked-changes-ella.docx": build_tracked_changes_ella,
    "bank-holiday-noah-2025-08-25.docx": build_bank_holiday_noah,
    "three-children-2026-09-17.docx": build_three_children,
}


def main() -> None:
    for name, builder in BUILDERS.items():
        out = SAMPLES / name
        builder(out)
        print(f"wrote {out.relative_to(SAMPLES.parent)}")


if __name__ == "__main__":
    main()
