"""Generate realistic recordings for the review benchmark: DOCX, ~1,500 words each, over weeks.

    .venv/bin/python bench/make_recordings.py [--count 300] [--out bench/out/recordings]

Six supervisors, about forty families (one to three children each), sessions on weekdays and
Saturdays over four weeks from Monday 3 March 2025. Most recordings are complete; about one in
four has a flaw a team leader would send back (a blank 'worried about', the end time before the
start, a prompt left in, a missing section). Fictional people throughout. Deterministic (seed 7).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from docx_builder import to_docx  # noqa: E402  (the tests' Word builder: headings, bold labels, header table)

SUPERVISORS = ["Jo Patel", "Sam Lee", "Femi Adeyemi", "Claire Henshaw", "Dean Whitlock", "Agnieszka Nowak"]
FIRST = ["Amelia", "Jayden", "Leo", "Mia", "Noah", "Ruby", "Tyler", "Ella", "Kai", "Harper", "Freya", "Archie",
         "Isla", "Oliver", "Sophie", "Alfie", "Grace", "Theo", "Poppy", "Reggie", "Esme", "Zain", "Layla", "Finley"]
SURNAMES = ["Smith", "Foster", "Bailey", "Walsh", "Brennan", "Hughes", "Whitfield", "Lang", "Parker", "Dunn",
            "Carter", "Okafor", "Reilly", "Nowak", "Ahmed", "Kowalski", "Evans", "Murphy", "Ward", "Clarke"]
PARENTS = ["Sarah", "Gemma", "Craig", "Lisa", "Darren", "Natalie", "Shannon", "Marcus", "Kerry", "Dionne"]
START = dt.date(2025, 3, 3)

OPENINGS = {
    "introductions": [
        "{parent} arrived at {t0} and waited in reception with a bag of snacks and a colouring book.",
        "When {child} came into the family room at {t1} {parent} stood up, smiled and said, \"Hello, I've missed you.\"",
        "{child} ran to {parent} and hugged them for about ten seconds before taking off their coat.",
        "{parent} asked {child} about school and {child} said they had done painting and had fish fingers for lunch.",
    ],
    "basic_needs": [
        "At {t2} {parent} offered {child} a sandwich, apple slices and water, and cut the crusts off when asked.",
        "{parent} noticed {child}'s shoelace was undone and tied it, explaining each step as they went.",
        "{child} asked to go to the toilet at {t2}; {parent} took them and waited outside the door as agreed.",
        "When {child} climbed on the back of the sofa {parent} said, \"Down you come, that's not safe,\" and {child} climbed down.",
    ],
    "emotional_warmth": [
        "{parent} and {child} built a tower of blocks together and counted each block out loud up to twenty.",
        "{child} sat on {parent}'s knee to read a book about a dragon; {parent} did the voices and {child} laughed.",
        "When {child} dropped a cup of juice {parent} said, \"It's OK, accidents happen,\" and fetched a cloth.",
        "{parent} told {child}, \"I'm proud of you for your reading,\" and {child} showed them a certificate.",
    ],
    "goodbye": [
        "At {t3} I told {parent} there were ten minutes left and {parent} told {child} it was nearly tidy-up time.",
        "{child} and {parent} put the toys back in the box together and {parent} helped {child} with their coat.",
        "At the door {parent} hugged {child} and said, \"See you on {next_day}.\" {child} waved and walked out with their carer.",
        "{child} held {parent}'s hand at the door for about a minute and then let go when their carer spoke to them.",
    ],
}
WORRIES = [
    "I have no worries about this part of the session because {parent} followed the plan and {child} was settled throughout.",
    "At {t2} {parent} began to talk about the court hearing. I reminded them of the agreement and they changed the subject.",
    "{child} asked twice when they could go home and {parent} did not answer; {child} looked at the floor afterwards.",
    "{parent} looked at their phone for about five minutes while {child} played alone with the cars.",
]
FILLER = [
    "I observed this from the chair by the window, about three metres away, and could hear everything that was said.",
    "The room was warm and tidy, with the toys set out on the rug before {child} arrived.",
    "{parent} kept their voice calm and at {child}'s level, kneeling down when {child} spoke to them.",
    "{child} chose the next activity and {parent} went along with it, asking open questions about what {child} wanted to do.",
    "There were no interruptions from other families during this part of the session.",
    "{parent} praised {child} by name for sharing and for saying thank you without being reminded.",
]


def _section(rng, name, people, worry_blank) -> list[str]:
    body = [s.format(**people) for s in rng.sample(OPENINGS[name], 3)]
    body += [rng.choice(FILLER).format(**people) for _ in range(11)]
    worry = "N/A" if worry_blank else rng.choice(WORRIES).format(**people)
    return ["**What is working well?**", " ".join(body), "**What are you worried about?**", worry]


def _scaling(rng, children, people) -> list[str]:
    lines = []
    overall = rng.randint(4, 9)
    lines.append(f"Overall: {overall}/10 because {people['parent']} was on time and met the children's needs. "
                 f"To move up one point, {people['parent']} needs to answer questions about home in a way the social worker has agreed.")
    for child in children:
        score = max(0, min(10, overall + rng.randint(-2, 2)))
        lines.append(f"{child.split()[0]}: {score}/10 because {child.split()[0]} played with {people['parent']} for most of the session. "
                     f"To move up, the goodbye needs to be shorter and planned with the carer.")
    return lines


def recording(rng: random.Random, number: int) -> tuple[str, str]:
    """One recording as a spec for tests/docx_builder, and its file name."""
    family = random.Random(number % 40)  # the same family (names, parent) whenever it comes round again
    surname = SURNAMES[number % 40 % len(SURNAMES)]
    children = [f"{name} {surname}" for name in family.sample(FIRST, family.choice([1, 1, 2, 2, 3]))]
    parent = f"{family.choice(PARENTS)} {surname}"
    day = START + dt.timedelta(days=rng.randrange(27))
    if day.weekday() == 6:
        day -= dt.timedelta(days=1)
    start = rng.choice([10, 13, 15, 16])
    flaw = rng.random()
    time = f"{start + 2}:00 to {start}:30" if flaw < 0.06 else f"{start}:00 to {start + 1}:30"
    people = {"parent": parent.split()[0], "child": children[0].split()[0], "t0": f"{start - 1}:50",
              "t1": f"{start}:00", "t2": f"{start}:40", "t3": f"{start + 1}:20", "next_day": "Thursday"}
    supervisor = SUPERVISORS[(number * 7 + day.day) % len(SUPERVISORS)]
    lines = [
        "Child's Name: " + " and ".join(f"{c} ({rng.randint(3, 12)})" for c in children),
        f"Present at contact: {parent} (parent), " + ", ".join(c.split()[0] for c in children),
        f"Date of Contact: {day:%d/%m/%Y}",
        f"Time: {time}",
        f"Supervised by: {supervisor}, Family Time Supervisor",
        f"Report by: {supervisor}, Family Time Supervisor",
    ]
    for name, title in (("introductions", "INTRODUCTIONS"), ("basic_needs", "BASIC NEEDS"),
                        ("emotional_warmth", "EMOTIONAL WARMTH"), ("goodbye", "GOODBYE")):
        lines += [f"# {title}", *_section(rng, name, people, worry_blank=0.06 <= flaw < 0.14 and name == "goodbye")]
    if not 0.14 <= flaw < 0.18:
        lines += ["# WHAT NEEDS TO HAPPEN?", f"I will tell the social worker about the conversation at {people['t2']} "
                  f"by {day + dt.timedelta(days=2):%d %B}. {people['parent']} will bring a book next week."]
    if 0.18 <= flaw < 0.25:
        lines += ["{blue}PROMPTS ONLY IN BLUE for you to use{/blue}"]
    lines += ["# SCALING", *_scaling(rng, children, people)]
    reflection = [rng.choice(FILLER).format(**people) for _ in range(14)]
    lines += ["# REFLECTION/ANALYSIS", "In my professional opinion the session met the children's basic needs. "
              + " ".join(reflection)]
    name = f"{day:%Y-%m-%d}-{surname.lower()}-{number:03d}.docx"
    return "\n".join(lines), name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "recordings")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    words = 0
    for number in range(args.count):
        spec, name = recording(rng, number)
        to_docx(spec, args.out / name)
        words += len(spec.split())
    print(f"{args.count} recordings in {args.out} (about {words // args.count} words each)")


if __name__ == "__main__":
    main()
