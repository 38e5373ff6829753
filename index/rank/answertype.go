package rank

import (
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// AnswerType is the kind of thing a question asks for, read from its
// question word: where → a place, who → a person or body, when → a date,
// how many, how much, how long → a number; "who is…" → a person.
type AnswerType int

// Answer types.
const (
	AnswerAny AnswerType = iota
	AnswerPlace
	AnswerAgent
	AnswerDate
	AnswerNumber
	AnswerPerson
)

// AnswerTypeOf reads the answer type of a question, lower-cased.
func AnswerTypeOf(question string) AnswerType {
	words := text.Fields(strings.ToLower(question))
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case w == "where" || w == "wheres":
			return AnswerPlace
		case w == "whos" || w == "who" && (next == "is" || next == "was" || next == "are" || next == "were"):
			return AnswerPerson // "who is the interior minister"
		case w == "who" || w == "whom":
			return AnswerAgent
		case w == "when" || (w == "what" || w == "which") && (next == "day" || next == "date" || next == "year" || next == "month"):
			return AnswerDate
		case w == "how" && (next == "many" || next == "much" || next == "long" || next == "old" || next == "far" || next == "high"):
			return AnswerNumber
		}
	}
	return AnswerAny
}

// hasAnswerType reports whether a passage holds something of the type
// asked that the question does not already name: a place, person or body
// it mentions, a date, a number.
func hasAnswerType(t AnswerType, question string, p corpus.Paragraph) bool {
	named := strings.ToLower(question)
	fresh := func(kinds ...corpus.MentionKind) bool {
		for _, m := range p.Mentions {
			for _, k := range kinds {
				if m.Kind == k && !text.HasWord(named, strings.ToLower(m.Text)) {
					return true
				}
			}
		}
		return false
	}
	switch t {
	case AnswerPlace:
		return fresh(corpus.MentionPlace)
	case AnswerAgent:
		return fresh(corpus.MentionPerson, corpus.MentionOrganisation)
	case AnswerPerson:
		return fresh(corpus.MentionPerson)
	case AnswerDate:
		for _, w := range text.Fields(p.Text) {
			if _, ok := text.MonthNumber(strings.ToLower(w)); ok && len(w) > 3 || text.Weekdays[strings.ToLower(w)] || isYear(w) {
				return true
			}
		}
	case AnswerNumber:
		return strings.ContainsFunc(p.Text, unicode.IsDigit) || len(p.Figures) > 0
	}
	return false
}

// isYear reports whether w is a year of four digits from 1900 to 2099.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
		!strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
}

// sentenceCoverage is the best weighted coverage of the question's
// concepts by one sentence of a candidate's passage: an answer states
// the question's words together. own is the passage's own coverage, the
// answer for a passage of one sentence.
func (r *Ranker) sentenceCoverage(c *Candidate, own float64) float64 {
	if len(r.Concepts) == 0 {
		return 0
	}
	total := 0.0
	for _, con := range r.Concepts {
		total += con.Weight
	}
	if total == 0 {
		return 0
	}
	if own == 0 {
		return 0 // no sentence has a word the passage lacks
	}
	sentences := text.Sentences(c.Paragraph.Text)
	if len(sentences) == 1 {
		return own
	}
	best := 0.0
	for _, s := range sentences {
		words := r.Stems.Words(s)
		matched := 0.0
		for _, con := range r.Concepts {
			m := 0.0
			for _, w := range words {
				m = max(m, r.match(con, w))
			}
			matched += con.Weight * m
		}
		best = max(best, matched/total)
	}
	return best
}
