package question

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Who questions: "who is X", "tell me about X", "What is Hayat Tahrir al-Sham?".
var (
	whoShape    = regexp.MustCompile(`^(?:who\s*(?:is|was|s|'s|are|were)|whos|whose|who're|tell\s+me\s+about|what\s+do\s+(?:we|you)\s+know\s+about|what\s+about|info\s+(?:on|about)|profile\s+of|background\s+on)\s+(.+)$`)
	whatIsShape = regexp.MustCompile(`^(?i:what(?:\s+is|\s+are|\s+was|'s|s)\s+(?:the\s+)?)(.+?)[?!.\s]*$`)
	// A "who" question about a role rather than a name: "who is the head of…".
	roleSubject = regexp.MustCompile(`^(?:the|a|an|responsible|behind|in\s+charge|leading|running|heading|killing|attacking|fighting|to\s+blame|accused|blamed|involved)\b`)
)

// matchWho reads a who question, a "what is" question about a name, or
// a bare capitalised name; original is the question as typed.
func matchWho(q *corpus.Question, lower, original string) bool {
	m := whoShape.FindStringSubmatch(lower)
	if m == nil {
		// "What is Hayat Tahrir al-Sham?": a name, capitalised as typed.
		if w := whatIsShape.FindStringSubmatch(original); w != nil && looksLikeName(w[1]) {
			q.Intent, q.Subject = corpus.IntentWho, strings.ToLower(strings.TrimSpace(w[1]))
			return true
		}
		// A bare name: "Ghiath Dallah?" — every word capitalised in the original.
		words := strings.Fields(strings.Trim(original, "?!. "))
		if len(words) == 0 || len(words) > 4 {
			return false
		}
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			lw := strings.ToLower(w)
			if !unicode.IsUpper(r) && !isParticleWord(lw) || filler[lw] {
				return false
			}
			if _, ok := figureWords[lw]; ok {
				return false
			}
		}
		if len(words) == 1 && len(words[0]) < 4 {
			return false
		}
		q.Intent, q.Subject = corpus.IntentWho, strings.Trim(original, "?!. ")
		return true
	}
	subject := strings.TrimSpace(m[1])
	asksWho := strings.HasPrefix(lower, "who")
	if asksWho && roleSubject.MatchString(subject) || len(strings.Fields(subject)) > 5 || hasClause(subject) {
		return false
	}
	q.Intent, q.Subject = corpus.IntentWho, subject
	return true
}

// looksLikeName reports whether every word of s is capitalised, a name
// particle or a short joining word, and s names no figure: "Syrian
// Observatory for Human Rights", "Hayat Tahrir al-Sham".
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	capitals := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		switch {
		case figureWords[lw] != nil:
			return false
		case unicode.IsUpper(r):
			capitals++
		case isParticleWord(lw) || lw == "for" || lw == "of" || lw == "the" || lw == "and":
		default:
			return false
		}
	}
	return capitals > 0
}

func isParticleWord(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "van", "von", "al-", "el-":
		return true
	}
	return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

// subordinators are the clauseWords that start a clause of time or
// cause: a subject holding one describes someone by what happened
// ("acting governor when lahaina burned"), which is no name to look up
// but words to search.
var subordinators = text.NewSet("when while after before during because since until")

// hasClause reports whether a who question's subject holds a clause: a
// subordinator, a verb in -ing with its object after the name ("mazón
// having lunch with"; a name may end in -ing, "John Manning"), or a
// preposition that ends it, its object being who is asked for ("the man
// he had lunch with").
func hasClause(subject string) bool {
	words := strings.Fields(subject)
	for i, w := range words {
		if subordinators[w] || i > 0 && i < len(words)-1 && len(w) >= 6 && strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return len(words) > 1 && strandedPrepositions[words[len(words)-1]]
}

// strandedPrepositions end a clause whose object is the question word:
// "who was she with", "who did he work for".
var strandedPrepositions = text.NewSet("with for to from about by against")
