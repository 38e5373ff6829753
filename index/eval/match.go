package eval

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
)

// normalizeRunes maps the typographic variants the real-reporting sets
// ignore to their plain form.
var normalizeRunes = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", // ’ ‘
	"\u201C", `"`, "\u201D", `"`, // “ ”
	"\u2013", "-", "\u2014", "-", // – —
	"\u00A0", " ", // non-breaking space
)

// Normalize returns s as the real-reporting sets compare texts: curly
// quotes straight, en and em dashes as '-', a non-breaking space as a
// space, no whitespace before , . ; : ! ?, runs of whitespace as one
// space, trimmed, in lower case.
func Normalize(s string) string {
	s = normalizeRunes.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // whitespace seen since the last rune written
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case space && !strings.ContainsRune(",.;:!?", r) && b.Len() > 0:
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// ContainsNormalized reports whether text contains sub once both are
// normalised by Normalize.
func ContainsNormalized(text, sub string) bool {
	return strings.Contains(Normalize(text), Normalize(sub))
}

// Matches reports whether a is an answer c accepts: one of its expected
// passages, or a passage whose text or one of whose context paragraphs
// contains one of its substrings.
func (c Case) Matches(a corpus.Answer) bool {
	if slices.Contains(c.Expected, PassageID(a.Article.ID, a.Paragraph)) {
		return true
	}
	if len(c.Substrings) == 0 {
		return false
	}
	texts := append([]string{a.Text}, a.Context...)
	for _, t := range texts {
		t = Normalize(t)
		for _, s := range c.Substrings {
			if strings.Contains(t, Normalize(s)) {
				return true
			}
		}
	}
	return false
}
