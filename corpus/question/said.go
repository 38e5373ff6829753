package question

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Said questions: "what did X say (about Y)", "what did X tell his forces
// about ethics", "how did the authorities explain the bloodshed", "quotes
// from X". The topic is any content after the speech verb and its
// object; "what was the death toll reported on March 12" is passive and
// asks for a figure, not what the toll said.
var quotesShape = regexp.MustCompile(`^(?:quotes?|statements?|comments?|remarks?|claims?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.+))?$`)

// saidVerbs are the verbs a said question asks with besides the speech
// verbs (text.SpeechVerb): "what did X think", "how did X describe".
var saidVerbs = text.NewSet(`think thinks reveal revealed describe describes described blame blames blamed apologise
	apologize apologised apologized demand demanding demanded urge urged promise promised respond responded`)

// auxiliariesSaid open a said question after "what" or "how"; the forms
// of "be" make a passive when a participle follows ("what was the toll
// reported").
var (
	auxiliariesSaid = text.NewSet("did does do has have had is was are were")
	beForms         = text.NewSet("is was are were")
)

// matchSaid reads a said question: who was asked about, and the topic
// after the speech verb.
func matchSaid(q *corpus.Question, words []string) bool {
	subject, rest, ok := saidParts(words)
	if !ok {
		return false
	}
	// "a protester in Athens", "the aid worker from Benghazi": the
	// speaker, then where they are, which is topic.
	for i, w := range subject {
		if i > 0 && (w == "in" || w == "from" || w == "at" || w == "near") {
			rest = append(slices.Clone(subject[i:]), rest...)
			subject = subject[:i]
			break
		}
	}
	s := strings.Join(subject, " ")
	if s == "" || s == "it" || s == "they" || s == "people" || s == "been" {
		return false
	}
	q.Intent, q.Subject = corpus.IntentSaid, s
	q.Topic = slices.DeleteFunc(contentWords(rest), func(w string) bool { return clauseWords[w] || determiners[w] })
	return true
}

// saidParts splits a said question into its subject and what follows its
// speech verb.
func saidParts(words []string) (subject, rest []string, ok bool) {
	if m := quotesShape.FindStringSubmatch(strings.Join(words, " ")); m != nil {
		return strings.Fields(m[1]), strings.Fields(m[2]), true
	}
	i := 0
	if len(words) > 0 && words[0] == "so" {
		i++
	}
	if i+2 >= len(words) || words[i] != "what" && words[i] != "how" || !auxiliariesSaid[words[i+1]] {
		return nil, nil, false
	}
	for k := i + 3; k < len(words); k++ {
		v := words[k]
		if !text.SpeechVerb(v) && !saidVerbs[v] {
			continue
		}
		if beForms[words[i+1]] && !strings.HasSuffix(v, "ing") {
			// "what was the death toll reported": a passive, not a speaker.
			return nil, nil, false
		}
		return words[i+2 : k], words[k+1:], true
	}
	return nil, nil, false
}
