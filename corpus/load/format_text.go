package load

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
)

// textItem is one block of a text article: a paragraph, or a heading.
type textItem struct {
	text    string
	heading int // 0 for body text, else the heading level
	lines   int // the number of source lines it came from
	// judged marks a line already cleaned and found not to be
	// boilerplate by dropBoilerplateLines.
	judged bool
}

// parseText reads a .txt or .md article (markdown when md is set).
func parseText(name string, data []byte, md bool) (corpus.Article, error) {
	text, err := decodeArticleText(data)
	if err != nil {
		return corpus.Article{}, err
	}
	a := corpus.Article{ID: name, Path: name, Hash: hashBytes(data)}
	fm, body, hasFM, err := splitFrontMatter(text)
	if err != nil {
		return corpus.Article{}, err
	}
	if hasFM {
		m, warnings := parseFrontMatter(fm)
		a.Warnings = warnings
		m.apply(&a)
	}
	var items []textItem
	if md {
		items = markdownItems(body)
	} else {
		items = plainItems(body)
	}
	if a.Title == "" {
		a.Title, items = titleFromItems(items)
	} else {
		items = dropHeadingSameAs(items, a.Title)
	}
	a.Author, items = bylineFromItems(a.Author, items)
	return finishArticle(a, name, items)
}

// plainItems splits plain text into blocks; lines that are boilerplate are
// dropped from their block first.
func plainItems(body string) []textItem {
	var items []textItem
	for _, block := range splitBlocks(body) {
		items = appendBlock(items, block)
	}
	return items
}

// appendBlock appends to items what a block of lines between blank lines
// holds, its boilerplate lines dropped (see dropBoilerplateLines): one
// paragraph of its lines joined, as hard-wrapped prose is, or a paragraph
// per line when the block reads as paragraphs separated by single line
// breaks (see linePerParagraph).
func appendBlock(items []textItem, block []string) []textItem {
	kept, clean := dropBoilerplateLines(block)
	switch {
	case len(kept) == 0:
	case linePerParagraph(clean):
		for _, line := range kept {
			items = append(items, textItem{text: line, lines: 1})
		}
	default:
		items = append(items, textItem{text: strings.Join(kept, "\n"), lines: len(kept), judged: len(block) == 1})
	}
	return items
}

// linePerParagraph reports whether the cleaned lines of a block are
// paragraphs of their own rather than the lines of one hard-wrapped
// paragraph: there are three or more, and at least half of the line
// breaks fall between sentences — the line before ends one and the line
// after starts one. Wire copy and pasted text separate paragraphs so;
// hard-wrapped prose breaks mid-sentence far more often than not.
func linePerParagraph(clean []string) bool {
	if len(clean) < 3 {
		return false
	}
	between := 0
	for i := 1; i < len(clean); i++ {
		if endsSentence(clean[i-1]) && startsSentence(clean[i]) {
			between++
		}
	}
	return 2*between >= len(clean)-1
}

// dropBoilerplateLines removes the lines of a block that are site
// furniture (see IsBoilerplate), returning the lines kept and each
// cleaned. A one-line block is judged whole (and kept cleaned); in a
// longer block a line goes only when it stands apart from its neighbours —
// the line before ends a sentence and the line after starts one — so that
// a line of a hard-wrapped paragraph is never cut out of it.
func dropBoilerplateLines(lines []string) (kept, clean []string) {
	if len(lines) == 1 {
		c := CleanParagraph(lines[0])
		if IsBoilerplate(c) {
			return nil, nil
		}
		return []string{c}, []string{c} // cleaned once; cleaning again is cheap
	}
	all := make([]string, len(lines))
	for i, line := range lines {
		all[i] = CleanParagraph(line)
	}
	kept = make([]string, 0, len(lines))
	clean = make([]string, 0, len(lines))
	prevEnds := true // the start of a block ends the previous sentence
	for i, line := range lines {
		nextStarts := i+1 == len(lines) || startsSentence(all[i+1])
		if prevEnds && nextStarts && IsBoilerplate(all[i]) {
			continue // prevEnds stays as it was: the line is gone
		}
		kept = append(kept, line)
		clean = append(clean, all[i])
		prevEnds = endsSentence(all[i])
	}
	return kept, clean
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"')] ")
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:", last)
}

// startsSentence reports whether s starts like a sentence or a line of its
// own: a capital letter, a digit, a quote or a symbol.
func startsSentence(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(first)
}
