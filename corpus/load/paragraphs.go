package load

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// splitBlocks splits text into blocks separated by blank lines (lines of
// only whitespace); each block is its lines, right-trimmed.
func splitBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// MaxParagraphBytes is the longest paragraph an article keeps: a longer
// one — a whole file without a paragraph break, say — is split at
// sentence boundaries into paragraphs of at most this many bytes (a
// sentence longer than that is cut between words). News paragraphs are
// far shorter; the cap keeps every later stage's work per paragraph
// bounded.
const MaxParagraphBytes = 4000

// numberParagraphs cleans each text, drops empty and boilerplate ones,
// splits over-long ones (see MaxParagraphBytes) and numbers the rest
// from 1.
func numberParagraphs(texts []string) []corpus.Paragraph {
	return numberJudged(texts, nil)
}

// numberJudged is numberParagraphs for texts some of which have been
// cleaned and found not to be boilerplate already: those where judged
// is true.
func numberJudged(texts []string, judged []bool) []corpus.Paragraph {
	var out []corpus.Paragraph
	add := func(t string) {
		if t != "" && hasLetterOrDigit(t) {
			out = append(out, corpus.Paragraph{Number: len(out) + 1, Text: t})
		}
	}
	for i, t := range texts {
		if judged == nil || !judged[i] {
			t = CleanParagraph(t)
			if IsBoilerplate(t) {
				continue
			}
		}
		if len(t) <= MaxParagraphBytes {
			add(t)
			continue
		}
		for _, piece := range splitLong(t, MaxParagraphBytes) {
			if !IsBoilerplate(piece) {
				add(piece)
			}
		}
	}
	return out
}

// splitLong splits the clean paragraph s into pieces of at most limit bytes:
// at the start of a sentence (text.SentenceStarts) when one falls within
// reach, else at the last space, else before the last rune that is no
// combining mark.
func splitLong(s string, limit int) []string {
	starts := text.SentenceStarts(s)
	var out []string
	next := 0 // the first sentence start after from
	for from := 0; from < len(s); {
		if len(s)-from <= limit {
			out = append(out, s[from:])
			break
		}
		for next < len(starts) && starts[next] <= from {
			next++
		}
		cut := -1
		for k := next; k < len(starts) && starts[k] <= from+limit; k++ {
			cut = starts[k]
		}
		if cut < 0 {
			cut = wordCut(s[from:], limit) + from
		}
		out = append(out, strings.TrimSpace(s[from:cut]))
		from = cut
		for from < len(s) && s[from] == ' ' {
			from++
		}
	}
	return out
}

// wordCut returns where to cut s, longer than limit bytes, so that what
// comes before is at most limit bytes and not empty: at the last space,
// else before the last rune that is no combining mark (a mark stays with
// the letter it marks), else before the last rune.
func wordCut(s string, limit int) int {
	if i := strings.LastIndexByte(s[:limit+1], ' '); i > 0 {
		return i
	}
	last := 0
	for i := limit; i > 0; i-- {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.Is(unicode.M, r) {
			return i
		}
		last = max(last, i)
	}
	if last == 0 {
		return limit // no rune starts after the first: not UTF-8
	}
	return last
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, text.WordRune) >= 0
}
