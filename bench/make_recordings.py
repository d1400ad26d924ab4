"""Generate realistic recordings for the review benchmark: DOCX, ~1,500 words each, over weeks.

    .venv/bin/python bench/make_recordings.py [--count 300] [--out bench/out/recordings]

Six supervisors, about forty families (one to three children each), sessions on weekdays and
Saturdays over four weeks from Monday 3 March 2025. The sentences in each section are drawn by
bench/generate_recordings.py's pool: 80% from the bundled samples' own writing, 20% from the
labelled phrasing set, so the phrasing rules meet realistic wording. About one in four has a
structural flaw a team leader would send back (a blank 'worried about', the end time before the
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
from generate_recordings import _Pool  # noqa: E402  (sentences from the samples' own writing and the labelled set)

SUPERVISORS = ["Jo Patel", "Sam Lee", "Femi Adeyemi", "Claire Henshaw", "Dean Whitlock", "Agnieszka Nowak"]
FIRST = ["Amelia", "Jayden", "Leo", "Mia", "Noah", "Ruby", "Tyler", "Ella", "Kai", "Harper", "Freya", "Archie",
         "Isla", "Oliver", "Sophie", "Alfie", "Grace", "Theo", "Poppy", "Reggie", "Esme", "Zain", "Layla", "Finley"]
SURNAMES = ["Smith", "Foster", "Bailey", "Walsh", "Brennan", "Hughes", "Whitfield", "Lang", "Parker", "Dunn",
            "Carter", "Okafor", "Reilly", "Nowak", "Ahmed", "Kowalski", "Evans", "Murphy", "Ward", "Clarke"]
PARENTS = ["Sarah", "Gemma", "Craig", "Lisa", "Darren", "Natalie", "Shannon", "Marcus", "Kerry", "Dionne"]
START = dt.date(2025, 3, 3)



def _section(pool, name: str, worry_blank: bool) -> list[str]:
    working = " ".join(pool.draw(name) for _ in range(10))
    worried = "N/A" if worry_blank else " ".join(pool.draw(name) for _ in range(6))
    return ["**What is working well?**", working, "**What are you worried about?**", worried]


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


def recording(rng: random.Random, pool, number: int) -> tuple[str, str]:
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
    people = {"parent": parent.split()[0]}
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
        lines += [f"# {title}", *_section(pool, name, worry_blank=0.06 <= flaw < 0.14 and name == "goodbye")]
    if not 0.14 <= flaw < 0.18:
        lines += ["# WHAT NEEDS TO HAPPEN?", " ".join(pool.draw("what_needs_to_happen") for _ in range(6))]
    if 0.18 <= flaw < 0.25:
        lines += ["{blue}PROMPTS ONLY IN BLUE for you to use{/blue}"]
    lines += ["# SCALING", *_scaling(rng, children, people)]
    lines += ["# REFLECTION/ANALYSIS", " ".join(pool.draw("reflection") for _ in range(16))]
    name = f"{day:%Y-%m-%d}-{surname.lower()}-{number:03d}.docx"
    return "\n".join(lines), name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "review-recordings")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    pool = _Pool(rng, dense=False)
    words = 0
    for number in range(args.count):
        spec, name = recording(rng, pool, number)
        to_docx(spec, args.out / name)
        words += len(spec.split())
    print(f"{args.count} recordings in {args.out} (about {words // args.count} words each)")


if __name__ == "__main__":
    main()
