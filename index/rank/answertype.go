package rank

import (
	"regexp"
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

// The measures a number answers: "how deep" asks for a length, "how
// long" for a time or a length, "how old" for an age, "what time" for the
// hour.
const (
	AnswerLength AnswerType = iota + AnswerPerson + 1
	AnswerDuration
	AnswerAge
	AnswerTime
	AnswerShare // "what share", "what percentage": a part of a whole
)

// shareWords are the nouns after "what" that ask for a part of a whole.
var shareWords = text.NewSet("share proportion percentage percent fraction portion part")

// measureWords are the question words after "how" that ask for a number,
// and the measure each asks for.
var measureWords = map[string]AnswerType{
	"many": AnswerNumber, "much": AnswerNumber, "big": AnswerNumber, "large": AnswerNumber, "strong": AnswerNumber, "powerful": AnswerNumber,
	"deep": AnswerLength, "far": AnswerLength, "high": AnswerLength, "tall": AnswerLength, "wide": AnswerLength,
	"long": AnswerDuration, "old": AnswerAge,
}

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
		case (w == "what" || w == "which") && shareWords[next]:
			return AnswerShare
		case (w == "what" || w == "which") && (next == "time" || next == "hour"):
			return AnswerTime
		case w == "when" || (w == "what" || w == "which") && (next == "day" || next == "date" || next == "year" || next == "month"):
			return AnswerDate
		case w == "how" && measureWords[next] != AnswerAny:
			return measureWords[next]
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
		return clockTime.MatchString(p.Text)
	case AnswerTime:
		return clockTime.MatchString(p.Text)
	case AnswerNumber:
		return strings.ContainsFunc(p.Text, unicode.IsDigit) || len(p.Figures) > 0
	case AnswerLength:
		return hasMeasure(p.Text, lengthUnits)
	case AnswerDuration:
		return hasMeasure(p.Text, durationUnits) || hasMeasure(p.Text, lengthUnits)
	case AnswerAge:
		return age.MatchString(p.Text)
	case AnswerShare:
		return share.MatchString(p.Text)
	}
	return false
}

// clockTime matches an hour of the day: "04:09 UTC", "11:11pm", "2PM ET",
// "around 11 p.m.", "2200 GMT", noon and midnight.
var clockTime = regexp.MustCompile(`(?i)\b(\d{1,2}:\d{2}|\d{1,2}\.\d{2}\s*(am|pm|a\.m\.|p\.m\.)|\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)|\d{4}\s*(gmt|utc)|noon|midnight)`)

// share matches a part of a whole: "10 percent", "40%", "one in five",
// "a third", "half of".
var share = regexp.MustCompile(`(?i)(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred))\s*(%|percent\b|per cent\b)|\bone in (\d|two|three|four|five|six|seven|eight|nine|ten)|\b(a|one|two)[ -](third|quarter|fifth)s?\b|\bhalf of\b|\bmajority of\b`)

// age matches a person's age: "aged 45", "a 45-year-old", "45 years old".
var age = regexp.MustCompile(`(?i)\baged \d|\d+-year-old|\d+ years? old`)

// Units of length and of time, as news writes them.
var (
	lengthUnits   = text.NewSet("km kilometres kilometers kilometre kilometer mi mile miles m metres meters metre meter ft feet foot yards cm centimetres inches")
	durationUnits = text.NewSet("seconds second minutes minute hours hour days day weeks week months month years year decades decade")
)

// hasMeasure reports whether s has a number in one of units: "18km",
// "11 miles", "within 30 days".
func hasMeasure(s string, units text.Set) bool {
	words := text.Fields(strings.ToLower(s))
	for i, w := range words {
		digits := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' })
		switch {
		case digits < 0 && i+1 < len(words) && units[strings.TrimSuffix(words[i+1], ".")]:
			return true // "11 miles"
		case digits > 0 && units[w[digits:]]:
			return true // "18km"
		}
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
