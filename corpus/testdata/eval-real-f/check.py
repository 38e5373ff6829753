#!/usr/bin/env python3
"""Check questions.tsv of the eval-real-f set (Maui wildfires, Lahaina, August 2023).

Every row must have four tab-separated columns and a known kind.
A neg row has "-" as its file and as its expected substrings.
Any other row must name a file in articles/; each ||-separated alternative
must occur in the corpus, and at least one must occur in the named file.

Texts and substrings are compared after normalisation:
  ’ ‘ -> '   “ ” -> "   – — -> -   non-breaking space -> space,
  no whitespace before , . ; : ! ?   whitespace collapsed   lower case.
.html files are reduced to their text (tags, scripts and styles dropped);
.jsonl files contribute "title" and "text" of each line;
.txt/.md files contribute the front-matter title and the body.

Prints each problem, then "problems: N". Standard library only.
"""
import html.parser
import json
import os
import re
import sys
from collections import Counter

BASE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(BASE, "articles")
QFILE = os.path.join(BASE, "questions.tsv")
KINDS = {"who", "toll", "said", "fact", "typo", "neg"}
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "div", "title", "time",
         "figcaption", "section", "article", "header", "footer", "nav", "br"}


def norm(s):
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'),
                 ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"),
                 ("\u00a0", " ")):
        s = s.replace(a, b)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.;:!?])", r"\1", s)
    return s.strip().lower()


class HTMLText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def read_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = HTMLText()
        p.feed(raw)
        p.close()
        return "".join(p.out)
    if path.endswith(".jsonl"):
        parts = []
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                d = json.loads(line)
                parts.append(d.get("title", "") + "\n" + d.get("text", ""))
        return "\n\n".join(parts)
    if raw.startswith("---"):
        _, front, body = raw.split("---", 2)
        title = ""
        for l in front.splitlines():
            if l.startswith("title:"):
                title = l[6:].strip().strip('"').strip("'")
        return title + "\n\n" + body
    return raw


def main():
    texts = {}
    for f in sorted(os.listdir(ART)):
        texts[f] = norm(read_text(os.path.join(ART, f)))
    corpus = "\n".join(texts.values())
    problems = 0
    kinds = Counter()

    def problem(n, msg):
        nonlocal problems
        problems += 1
        print(f"line {n}: {msg}")

    with open(QFILE, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                problem(n, f"expected 4 columns, got {len(cols)}")
                continue
            q, fname, expected, kind = cols
            kinds[kind] += 1
            if kind not in KINDS:
                problem(n, f"unknown kind {kind!r}")
            if kind == "neg" or fname == "-" or expected == "-":
                if not (kind == "neg" and fname == "-" and expected == "-"):
                    problem(n, "a neg row needs kind neg, file - and substrings -")
                continue
            if fname not in texts:
                problem(n, f"no such article: {fname}")
                continue
            alts = expected.split("||")
            if any(not a.strip() for a in alts):
                problem(n, "empty alternative")
            for a in alts:
                if norm(a) not in corpus:
                    problem(n, f"not in corpus: {a!r}")
            if not any(norm(a) in texts[fname] for a in alts):
                problem(n, f"no alternative occurs in {fname}")

    print("questions:", sum(kinds.values()), dict(sorted(kinds.items())))
    print("problems:", problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
