// Package question reads a question in plain words into a corpus.Question:
// its intent (who, said, figure or search), subject, content words, the
// figures it asks about, its place, source and typed count, and the day
// or year it names. One file per rule: intent.go decides between the
// shapes in said.go, who.go and figure.go; slots.go reads the place and a
// typed count, source.go the source, by what each can be; count.go reads
// what "how many" counts; dates.go takes out named days and years;
// typos.go corrects the words that decide the intent.
package question

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsdesk/newsdesk/corpus"
)

// MaxLen caps the length of a question in bytes; longer questions
// are cut at a word boundary.
const MaxLen = 300

// discordMention is a user, role or channel mention in a Discord message.
var discordMention = regexp.MustCompile(`<(@[!&]?|#)\d+>`)

// Clean makes user text safe to read: Discord mentions and control
// characters removed, Unicode NFC, curly quotes straightened, whitespace
// collapsed, and the length capped at max bytes on a word boundary.
func Clean(s string, max int) string {
	s = strings.ToValidUTF8(s, " ")
	s = discordMention.ReplaceAllString(s, " ")
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			return '\''
		case r == '\u201c' || r == '\u201d':
			return '"'
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(s[:cut], ' '); i > max/2 {
			cut = i
		}
		s = strings.TrimSpace(s[:cut])
	}
	return s
}

// Parse reads a question in plain words. It never fails: any text
// is a question, and none of it is query syntax.
func Parse(s string) corpus.Question {
	text := Clean(s, MaxLen)
	q := corpus.Question{Text: text, Intent: corpus.IntentSearch}
	if text == "" {
		return q
	}
	// Work on a lower-cased copy with punctuation that carries no meaning removed.
	lower := strings.ToLower(text)
	lower, q.On = extractDay(lower)
	if q.On.IsZero() {
		lower, q.Year = extractYear(lower)
	}
	lower = strings.Trim(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || r == '\'' || r == '-' {
			return r
		}
		return ' '
	}, lower), " '-")
	words := correctWords(strings.Fields(lower))
	lower = strings.Join(words, " ")
	q.Terms = contentWords(words)
	if len(words) > 1 && words[0] == "how" && (words[1] == "long" || words[1] == "far" || words[1] == "often" || words[1] == "much") {
		// "how long did firefighters fight…": the answer is a duration,
		// not a passage with "long".
		q.Terms = slices.DeleteFunc(q.Terms, func(w string) bool { return w == words[1] })
	}

	q.Cause = asksWhy(lower)
	q.Count = len(words) > 1 && words[0] == "how" && words[1] == "many"
	if q.Count {
		q.Counted = countedNoun(words)
	}
	readIntent(&q, words, lower, text, readWords(text))
	if q.Year != 0 && q.Intent != corpus.IntentFigure {
		// Only figures carry the day they count; elsewhere the year is a
		// word the passage should have.
		q.Terms = append(q.Terms, strconv.Itoa(q.Year))
		q.Year = 0
	}
	return q
}

// causePrefixes open a question that asks for a cause.
var causePrefixes = []string{"why ", "what caused ", "what causes ", "what led to ", "what triggered ", "what sparked ",
	"what is behind ", "what's behind ", "what was behind ", "what is the cause", "what was the cause", "what is the reason", "what was the reason"}

// asksWhy reports whether a lower-cased question asks for a cause.
func asksWhy(lower string) bool {
	return slices.ContainsFunc(causePrefixes, func(p string) bool { return strings.HasPrefix(lower+" ", p) })
}
