package load

import (
	"strings"
	"unicode"

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

// numberParagraphs cleans each text, drops empty and boilerplate ones and
// numbers the rest from 1.
func numberParagraphs(texts []string) []corpus.Paragraph {
	return numberJudged(texts, nil)
}

// numberJudged is numberParagraphs for texts some of which have been
// cleaned and found not to be boilerplate already: those where judged
// is true.
func numberJudged(texts []string, judged []bool) []corpus.Paragraph {
	var out []corpus.Paragraph
	for i, t := range texts {
		if judged == nil || !judged[i] {
			t = CleanParagraph(t)
			if IsBoilerplate(t) {
				continue
			}
		}
		if t == "" || !hasLetterOrDigit(t) {
			continue
		}
		out = append(out, corpus.Paragraph{Number: len(out) + 1, Text: t})
	}
	return out
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, text.WordRune) >= 0
}
