package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [From, To) of a text.
type Span struct{ From, To int }

// HighlightSpans returns where the words of highlights stand in s, in
// order: whole words matched without regard to case, with the hyphens,
// apostrophes and commas at their edges left out ("Dalah," → "Dalah");
// neighbouring matches separated only by spaces share one span ("Gaith
// Dalah"). The CLI and the bot emphasise these same spans.
func HighlightSpans(s string, highlights []string) []Span {
	want := make(map[string]bool, len(highlights))
	for _, h := range highlights {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			want[h] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	var spans []Span
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !highlightRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !highlightRune(r2) {
				break
			}
			j += s2
		}
		from, to := trimEdges(s, i, j)
		if from < to && want[strings.ToLower(s[from:to])] {
			if n := len(spans); n > 0 && strings.TrimSpace(s[spans[n-1].To:from]) == "" {
				spans[n-1].To = to
			} else {
				spans = append(spans, Span{from, to})
			}
		}
		i = j
	}
	return spans
}

// highlightRune reports whether r belongs to a word as highlights are
// matched: letters, digits and the joiners "-", "'", "’" and ",".
func highlightRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || edgeRune(r)
}

// edgeRune reports whether r joins words but never ends a highlight.
func edgeRune(r rune) bool { return r == '-' || r == '\'' || r == '’' || r == ',' }

// trimEdges trims the joiners from both ends of s[from:to].
func trimEdges(s string, from, to int) (int, int) {
	for from < to {
		r, size := utf8.DecodeRuneInString(s[from:])
		if !edgeRune(r) {
			break
		}
		from += size
	}
	for to > from {
		r, size := utf8.DecodeLastRuneInString(s[from:to])
		if !edgeRune(r) {
			break
		}
		to -= size
	}
	return from, to
}
