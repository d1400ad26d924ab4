"""Independent, simple sentence splitter for wave-3 recordings (not qa-checker's)."""
import json, re, sys
from pathlib import Path

HEAD = [
    ("introductions", re.compile(r"^\W*(heading\s*1\s*)?introductions?\b", re.I)),
    ("basic_needs", re.compile(r"^\W*(heading\s*2\s*)?basic needs\b", re.I)),
    ("emotional_warmth", re.compile(r"^\W*(heading\s*3\s*)?emotional warmth\b", re.I)),
    ("goodbye", re.compile(r"^\W*(heading\s*4\s*)?goodbyes?\b", re.I)),
    ("what_needs_to_happen", re.compile(r"^\W*what needs to happen", re.I)),
    ("scaling", re.compile(r"^\W*(scaling|scale|on a scale|overall\s*(score|scaling|rating)?\s*[:\-–(]|rating)", re.I)),
    ("reflection", re.compile(r"^\W*(reflection|analysis)", re.I)),
]
SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(\-–•]?[A-Z0-9])")

def sentences(text):
    section = "header"
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if len(s) <= 80:
            for name, pat in HEAD:
                if pat.match(s) and not (name == "scaling" and section == "reflection"):
                    if name == "goodbye" and section in ("what_needs_to_happen", "scaling", "reflection"):
                        break
                    section = name
                    break
        start = 0
        for m in SPLIT.finditer(s):
            # keep closing quote/bracket with the sentence
            end = m.start()
            while end < len(s) and s[end] in "\"'”’)":
                end += 1
            piece = s[start:end].strip()
            if piece:
                yield section, piece
            start = m.end()
        piece = s[start:].strip()
        if piece:
            yield section, piece

if __name__ == "__main__":
    out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
    for path in sys.argv[2:]:
        rid = Path(path).stem
        rows = [{"sid": f"{rid}-s{i:03d}", "rid": rid, "section": sec, "text": t}
                for i, (sec, t) in enumerate(sentences(Path(path).read_text(encoding="utf-8")), 1)]
        (out / f"{rid}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(rid, len(rows))
