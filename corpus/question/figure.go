package question

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// actNouns name acts, or the remains of the dead, rather than a count of
// victims: a question about them asks for the acts ("where were the
// bodies buried") unless it asks how many.
var actNouns = map[string]bool{"executions": true, "killings": true, "arrests": true, "detentions": true, "bodies": true}

// lightVerbs say little of what a figure counts: "how many people took
// refuge", "how many got out".
var lightVerbs = map[string]bool{
	"took": true, "take": true, "taken": true, "taking": true, "made": true, "make": true, "got": true, "get": true,
	"gotten": true, "had": true, "have": true, "has": true, "gave": true, "give": true, "given": true, "put": true,
	"went": true, "go": true, "gone": true, "came": true, "come": true, "left": true, "remain": true, "remained": true,
	"still": true, "recorded": true, "reported": true, "counted": true, "confirmed": true,
	// Prepositions of time, too: "missing after the quake".
	"after": true, "before": true, "during": true, "since": true, "following": true, "amid": true,
}

// figureWords maps the words of a figure question to the figure kinds they
// ask about. "death toll", "casualties", "died" all ask for killed.
var figureWords = map[string][]string{
	"toll": {"killed"}, "tolls": {"killed"}, "killed": {"killed"}, "kill": {"killed"}, "killing": {"killed"},
	"killings": {"killed"}, "dead": {"killed"}, "died": {"killed"}, "die": {"killed"}, "death": {"killed"},
	"deaths": {"killed"}, "fatalities": {"killed"}, "fatality": {"killed"}, "slain": {"killed"},
	"casualties": {"killed", "wounded"}, "casualty": {"killed", "wounded"}, "victims": {"killed"},
	"executed": {"executed", "killed"}, "executions": {"executed", "killed"},
	"wounded": {"wounded"}, "injured": {"wounded"}, "injuries": {"wounded"}, "hurt": {"wounded"},
	"missing": {"missing"}, "disappeared": {"missing"},
	"displaced": {"displaced"}, "fled": {"displaced"}, "refuge": {"displaced"}, "sheltering": {"displaced"}, "evacuated": {"displaced"},
	"homeless": {"displaced"},
	"arrested": {"arrested"}, "arrests": {"arrested"}, "detained": {"arrested"}, "detentions": {"arrested"},
	"rescued": {"rescued"}, "survivors": {"rescued"}, "saved": {"rescued"},
	"bodies": {"killed"},
}

// groupWords are the groups a figure question may count.
var groupWords = map[string]string{
	"civilians": "civilians", "civilian": "civilians", "people": "people", "persons": "people",
	"children": "children", "kids": "children", "women": "women", "soldiers": "soldiers",
	"fighters": "fighters", "militants": "fighters", "gunmen": "gunmen", "protesters": "protesters",
	"journalists": "journalists", "police": "police", "refugees": "refugees", "officers": "officers", "troops": "soldiers",
	"personnel": "security personnel", "security": "security personnel", "members": "",
}

// matchFigure reads a figure question: the kinds of figure, the group
// counted, the source and place (read by readSlots), and the topic
// besides them.
func matchFigure(q *corpus.Question, words []string, lower string, sl slots) bool {
	if asksReasonOrManner(words) {
		// "why did the ministry add the teenager to the toll", "how did
		// the UN explain cutting its death toll": about a figure, not for one.
		return false
	}
	outside := wordsOutside(words, sl)
	named := strings.Fields(sl.place + " " + sl.source)
	howMany := strings.Contains(lower, "how many") || strings.Contains(lower, "number of") ||
		slices.ContainsFunc(words, func(w string) bool { return countNouns[w] })
	if q.Count {
		q.Kinds = countedKinds(q.Counted, words)
	} else {
		q.Kinds = kindsOf(outside)
		if !howMany && !hasAny(words, "latest", "newest", "total") && !slices.ContainsFunc(outside, func(w string) bool {
			return figureWords[w] != nil && !actNouns[w]
		}) {
			// "executions in Suwayda", "arrests in Damascus": the acts, told,
			// not a count of them.
			q.Kinds = nil
			return false
		}
	}
	for _, w := range outside {
		if g, ok := groupWords[w]; ok && g != "" && q.Who == "" {
			q.Who = g
		}
	}
	if len(q.Kinds) == 0 {
		switch {
		case !howMany:
			return false
		case q.Count && q.Counted != "" && !peopleNoun(q.Counted):
			// "how many cholera cases", "how many witnesses did Amnesty
			// interview about the killings": a count, but not of casualties.
			return false
		case q.Count && countsByVerb(words, q.Counted, named):
			// "how many fighters did the militia recruit": people counted
			// for what they did, not as casualties.
			return false
		case q.Who == "refugees":
			q.Kinds = []string{"displaced"}
		default:
			q.Kinds = []string{"killed"}
		}
	}
	// What the figures are about besides place and source: "cholera deaths",
	// "toll from the earthquake".
	for _, w := range q.Terms {
		_, group := groupWords[w]
		if figureWords[w] == nil && !group && !slices.Contains(named, w) && !isFigureFiller(w) && !lightVerbs[w] && !typedNumber(w, sl.number) && !joinsOnly(w) && !slices.Contains(sl.time, w) && !adverb(w) && !asksEarliest(w) {
			q.Topic = append(q.Topic, w)
		}
	}
	// "executions of Alawite families" names a kind of figure but asks for
	// no count: it is a search.
	if !howMany && len(q.Topic) > 0 {
		q.Kinds, q.Who, q.Topic = nil, "", nil
		return false
	}
	q.Place, q.Source = sl.place, sl.source
	q.Intent = corpus.IntentFigure
	q.Latest = true
	return true
}

// countNouns ask for a count of what the question names: "the death
// toll", "the latest figures", "the first count".
var countNouns = map[string]bool{
	"toll": true, "tolls": true, "figure": true, "figures": true, "count": true, "counts": true,
	"casualties": true, "statistics": true, "stats": true, "tally": true, "tallies": true,
}

// joinsOnly reports whether w only joins the topic's words: a
// preposition, conjunction or adverb of the clause ("foreigners among"),
// not one that says where or how what is counted was ("near Manbij",
// "outside Derna", "without shelter").
func joinsOnly(w string) bool {
	switch w {
	case "near", "outside", "around", "without", "against":
		return false
	}
	return clauseWords[w]
}

// wordsOutside returns the question's words but those of its source:
// "according to the joint fire and police briefing" names no group
// counted.
func wordsOutside(words []string, sl slots) []string {
	if !sl.hasSource {
		return words
	}
	src := strings.Fields(sl.source)
	return slices.DeleteFunc(slices.Clone(words), func(w string) bool { return slices.Contains(src, w) })
}

// kindsOf returns the figure kinds the words name, each once, in order.
func kindsOf(words []string) []string {
	var kinds []string
	for _, w := range words {
		for _, k := range figureWords[w] {
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	return kinds
}

// typedNumber reports whether w is the count the question types, or a
// part of it ("11,300" read as "11" and "300").
func typedNumber(w string, n int) bool {
	if n == 0 || w == "" || strings.Trim(w, "0123456789,") != "" {
		return false
	}
	return strings.Contains(strconv.Itoa(n), strings.ReplaceAll(w, ",", ""))
}

// isFigureFiller reports whether s is only words that belong to the figure
// question itself ("in total", "so far", "the clashes").
func isFigureFiller(s string) bool {
	for _, w := range strings.Fields(s) {
		if _, ok := figureWords[w]; ok {
			continue
		}
		if _, ok := groupWords[w]; ok {
			continue
		}
		if countNouns[w] {
			continue
		}
		switch w {
		case "total", "all", "far", "clashes", "violence", "fighting", "attacks", "attack", "unrest":
			continue
		}
		if !filler[w] {
			return false
		}
	}
	return true
}

// trimFiller drops filler words from both ends of a phrase.
func trimFiller(s string) string {
	words := strings.Fields(s)
	for len(words) > 0 && (filler[words[0]] || groupWords[words[0]] != "" || figureWords[words[0]] != nil) {
		words = words[1:]
	}
	for len(words) > 0 {
		last := words[len(words)-1]
		if filler[last] || figureWords[last] != nil || last == "total" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// asksReasonOrManner reports whether a question's first question word asks
// why or how something was done ("why did…", "how did…") rather than how
// many or how much ("how many", "how high").
func asksReasonOrManner(words []string) bool {
	for i, w := range words {
		switch w {
		case "why":
			return true
		case "how":
			return i+1 < len(words) && auxiliaries[words[i+1]]
		case "what", "which", "who", "when", "where":
			return false
		}
	}
	return false
}
