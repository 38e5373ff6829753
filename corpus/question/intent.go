package question

import (
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// readIntent sets q's intent from the first question shape that matches:
// said, who, then figure; anything else is a search, which asks for the
// latest reports when it says so. words is the corrected question,
// lower the same joined, text the cleaned question as typed, sl the
// slots read from it. The place, source and typed count are kept
// whatever the intent (but for a who question, whose subject is its
// all), so that ranking can use them on any route.
func readIntent(q *corpus.Question, words []string, lower, text string, ws []word) {
	sl := readSlots(ws)
	switch {
	case matchSaid(q, words, ws):
		if sl.place == "" || !strings.HasPrefix(q.Subject, sl.place) {
			q.Place = sl.place // "a protester in Athens"; not "quotes from Charles Lister"
		}
	case matchWho(q, lower, text):
	case matchFigure(q, words, lower, sl):
	default:
		q.Latest = hasAny(words, "latest", "newest", "recent", "current", "now")
		q.Place, q.Source = sl.place, sl.source
	}
	if (q.Intent == corpus.IntentFigure || q.Count) && slices.ContainsFunc(words, asksEarliest) {
		q.Earliest, q.Latest = true, false
	}
	if q.Intent != corpus.IntentWho {
		q.Number = sl.number
		q.Topic = slices.DeleteFunc(q.Topic, func(w string) bool { return typedNumber(w, sl.number) })
	}
}

// asksEarliest reports whether a word of a figure question asks for the
// first report rather than the latest: "the first death toll", "the
// initial count". ("Early" is not one: "in early March" is a time.)
func asksEarliest(w string) bool {
	switch w {
	case "first", "initial", "initially", "earliest", "original", "originally":
		return true
	}
	return false
}

// filler are words that carry no content in a question.
var filler = map[string]bool{
	"who": true, "whos": true, "whom": true, "what": true, "whats": true, "which": true, "when": true, "where": true,
	"why": true, "how": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"do": true, "does": true, "did": true, "done": true, "has": true, "have": true, "had": true,
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"about": true, "and": true, "or": true, "me": true, "us": true, "we": true, "you": true, "i": true,
	"tell": true, "please": true, "know": true, "any": true, "there": true,
	"can": true, "could": true, "would": true, "should": true, "give": true, "show": true, "find": true,
	"latest": true, "current": true, "newest": true, "recent": true,
	"now": true, "so": true, "far": true, "many": true, "much": true, "it": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "with": true, "by": true, "from": true, "as": true,
	"say": true, "said": true, "says": true, "saying": true, "according": true, "some": true, "get": true,
	"let": true, "lets": true, "hey": true, "hi": true, "pls": true, "plz": true, "whats's": true, "go": true,
	// "what happened in Tartus", "what's the situation in Homs": the place is the question.
	"happened": true, "happen": true, "happening": true, "going": true, "anything": true,
	"something": true, "things": true, "thing": true,
}

// weak are the nouns that ask for news in general when they stand alone
// ("any news?", "latest update", "the situation", "more information") and
// name something when other words go with them ("the bad update", "a news
// channel", "the situation room", "the number to call").
var weak = map[string]bool{
	"news": true, "update": true, "updates": true, "updated": true, "situation": true,
	"number": true, "info": true, "information": true,
}

// contentWords returns the words that are not filler, deduplicated; the
// weak ones only beside another content word.
func contentWords(words []string) []string {
	var out []string
	seen := map[string]bool{}
	strong := false
	for _, w := range words {
		w = strings.TrimSuffix(strings.Trim(w, "'-"), "'s")
		if w == "" || filler[w] || seen[w] {
			continue
		}
		seen[w] = true
		strong = strong || !weak[w]
		out = append(out, w)
	}
	if !strong {
		return nil
	}
	return out
}

func hasAny(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}
