package question

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Said questions: "what did X say (about Y)", "what did X tell his forces
// about ethics", "quotes from X". The topic is any content after the
// speech verb and its object, but an outlet told ("tell AFP"), a noun of
// the saying itself ("in its statement") and a date ("on Sunday"); "what
// was the death toll reported on March 12" is passive and asks for a
// figure, not what the toll said.
var quotesShape = regexp.MustCompile(`^(?:quotes?|statements?|comments?|remarks?|claims?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.+))?$`)

// saidVerbs are the verbs a said question asks with: "what did X say",
// "what did X tell…", "what has X claimed".
var saidVerbs = text.NewSet(`say said says saying tell told telling tells report reported reporting claim claimed
	claiming announce announced state stated think thinks reveal revealed`)

// speechNouns name the act of saying, not what was said: "what did X
// say in his speech", "in its statement", "in an interview".
var speechNouns = text.NewSet("statement statements speech speeches remarks interview interviews comments comment")

// auxiliariesSaid open a said question after "what" or "how"; the forms
// of "be" make a passive when a participle follows ("what was the toll
// reported").
var (
	auxiliariesSaid = text.NewSet("did does do has have had is was are were")
	beForms         = text.NewSet("is was are were")
)

// matchSaid reads a said question: who was asked about ("the aid worker
// from Benghazi", a description the speaker may be found by), and the
// topic after the speech verb. ws are the question's words as typed, for
// telling an outlet told from a topic.
func matchSaid(q *corpus.Question, words []string, ws []word) bool {
	subject, verb, rest, ok := saidParts(words)
	if !ok {
		return false
	}
	if strings.HasPrefix(verb, "tel") || verb == "told" {
		rest = withoutAddressee(rest, ws)
	}
	s := strings.Join(subject, " ")
	if s == "" || s == "it" || s == "they" || s == "people" || s == "been" {
		return false
	}
	q.Intent, q.Subject = corpus.IntentSaid, s
	q.Topic = slices.DeleteFunc(contentWords(rest), func(w string) bool {
		return clauseWords[w] || determiners[w] || speechNouns[w] || text.Weekdays[w] || text.Months[w]
	})
	return true
}

// withoutAddressee drops from what follows "tell" the organisation told
// ("tell the AP", "told Reuters about…"): capitalised words or an
// acronym, before any preposition. "tell his forces about ethics" keeps
// forces.
func withoutAddressee(rest []string, ws []word) []string {
	end := 0
	for end < len(rest) && !clauseWords[rest[end]] {
		end++
	}
	if end == 0 {
		return rest
	}
	object := make([]word, 0, end)
	for _, w := range rest[:end] {
		object = append(object, typedAs(w, ws))
	}
	for _, w := range object {
		if !w.upper && !w.acronym && !determiners[w.lower] || w.lower == "his" || w.lower == "her" || w.lower == "their" {
			return rest
		}
	}
	return rest[end:]
}

// typedAs returns the word of ws written w, or w as a lower-case word.
func typedAs(w string, ws []word) word {
	for _, x := range ws {
		if x.lower == w {
			return x
		}
	}
	return word{lower: w}
}

// saidParts splits a said question into its subject, its speech verb
// and what follows the verb.
func saidParts(words []string) (subject []string, verb string, rest []string, ok bool) {
	if m := quotesShape.FindStringSubmatch(strings.Join(words, " ")); m != nil {
		return strings.Fields(m[1]), "", strings.Fields(m[2]), true
	}
	i := 0
	if len(words) > 0 && words[0] == "so" {
		i++
	}
	if i+2 >= len(words) || words[i] != "what" || !auxiliariesSaid[words[i+1]] {
		return nil, "", nil, false
	}
	for k := i + 3; k < len(words); k++ {
		v := words[k]
		if !saidVerbs[v] {
			continue
		}
		if beForms[words[i+1]] && !strings.HasSuffix(v, "ing") {
			// "what was the death toll reported": a passive, not a speaker.
			return nil, "", nil, false
		}
		return words[i+2 : k], v, words[k+1:], true
	}
	return nil, "", nil, false
}
