#!/usr/bin/env python3
"""Sanity check for the eval-real-c question set.

For every row of questions.tsv:
  - four tab-separated columns, a known kind;
  - a `-` (neg) row has `-` as file and as expected substrings;
  - otherwise the named file exists in articles/, every alternative
    (split on ||) occurs verbatim in the corpus, and at least one
    alternative occurs in the named file.

Texts are compared after the dev set's normalisation rule:
  ’ ‘ -> ', “ ” -> ", – — -> -, non-breaking space -> space,
  no whitespace before , . ; : ! ?, whitespace collapsed, lower case.

Usage: python3 check.py            (prints each problem, then "problems: N")
"""
import html.parser
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
QUESTIONS = os.path.join(HERE, "questions.tsv")
KINDS = {"who", "toll", "said", "fact", "typo", "neg"}


def normalise(s):
    s = (s.replace("\u2019", "'").replace("\u2018", "'")
          .replace("\u201c", '"').replace("\u201d", '"')
          .replace("\u2013", "-").replace("\u2014", "-")
          .replace("\u00a0", " "))
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.;:!?])", r"\1", s)
    return s.strip().lower()


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in ("p", "li", "h1", "h2", "h3", "div", "figcaption", "title"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = _Text()
        p.feed(raw)
        return " ".join(p.parts)
    if path.endswith(".jsonl"):
        out = []
        for line in raw.splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(d.get("title", "") + "\n" + d.get("body", ""))
        return "\n".join(out)
    # .txt / .md with front matter
    if raw.startswith("---"):
        _, fm, body = raw.split("---", 2)
        title = ""
        for l in fm.splitlines():
            if l.startswith("title:"):
                title = l[len("title:"):].strip().strip('"')
        return title + "\n" + body
    return raw


def main():
    texts = {f: normalise(text_of(os.path.join(ARTICLES, f)))
             for f in sorted(os.listdir(ARTICLES))}
    corpus = "\n".join(texts.values())
    problems = 0
    kinds = Counter()

    def bad(n, msg):
        nonlocal problems
        problems += 1
        print(f"line {n}: {msg}")

    for n, line in enumerate(open(QUESTIONS, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            bad(n, f"{len(cols)} columns")
            continue
        q, fn, exp, kind = cols
        kinds[kind] += 1
        if kind not in KINDS:
            bad(n, f"unknown kind {kind!r}")
        if kind == "neg" or fn == "-":
            if not (kind == "neg" and fn == "-" and exp == "-"):
                bad(n, "neg rows need kind neg, file - and substrings -")
            continue
        if fn not in texts:
            bad(n, f"no such article {fn}")
            continue
        alts = [a for a in exp.split("||")]
        if any(not a.strip() for a in alts):
            bad(n, "empty alternative")
        for a in alts:
            if normalise(a) not in corpus:
                bad(n, f"not in corpus: {a!r}")
        if not any(normalise(a) in texts[fn] for a in alts):
            bad(n, f"no alternative found in {fn}")

    print("questions:", sum(kinds.values()), dict(sorted(kinds.items())))
    print("problems:", problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
