package question

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// Clauses of a figure question: who reported it, and where.
var (
	sourceClause = regexp.MustCompile(`\b(?:according\s+to|reported\s+by|as\s+reported\s+by|per|by)\s+(.+)$`)
	placeClause  = regexp.MustCompile(`\b(?:in|across|near|around|inside|at)\s+(.+)$`)
)

// actNouns name acts rather than their victims: a question about them
// asks for the acts unless it asks how many.
var actNouns = map[string]bool{"executions": true, "killings": true, "arrests": true, "detentions": true}

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
// counted, the source and place, and the topic besides them.
func matchFigure(q *corpus.Question, words []string, lower string) bool {
	seen := map[string]bool{}
	for _, w := range words {
		for _, k := range figureWords[w] {
			if !seen[k] {
				seen[k] = true
				q.Kinds = append(q.Kinds, k)
			}
		}
	}
	howMany := strings.Contains(lower, "how many") || strings.Contains(lower, "number of") ||
		hasAny(words, "toll", "tolls", "figure", "figures", "count", "casualties", "statistics", "stats", "tally")
	for _, w := range words {
		if g, ok := groupWords[w]; ok && g != "" && q.Who == "" {
			q.Who = g
		}
	}
	if !howMany && !hasAny(words, "latest", "newest", "total") && !slices.ContainsFunc(words, func(w string) bool {
		return figureWords[w] != nil && !actNouns[w]
	}) {
		// "executions in Suwayda", "arrests in Damascus": the acts, told,
		// not a count of them.
		q.Kinds = nil
		return false
	}
	if len(q.Kinds) == 0 {
		switch {
		case !howMany:
			return false
		case countsOther(words):
			// "how many cholera cases", "how many schools": a count,
			// but not of casualties.
			return false
		case q.Who == "refugees":
			q.Kinds = []string{"displaced"}
		default:
			q.Kinds = []string{"killed"}
		}
	}
	rest := lower
	if m := sourceClause.FindStringSubmatchIndex(rest); m != nil {
		src := strings.TrimSpace(rest[m[2]:m[3]])
		if !isFigureFiller(src) {
			q.Source = trimFiller(src)
			rest = rest[:m[0]]
		}
	}
	if m := placeClause.FindStringSubmatch(rest); m != nil {
		place := trimFiller(m[1])
		if i := strings.Index(place+" ", "'s "); i > 0 {
			place = place[:i] // "india's heatwave": the place, then the topic
		}
		if place != "" && !isFigureFiller(place) {
			q.Place = place
		}
	}
	// What the figures are about besides place and source: "cholera deaths",
	// "toll from the earthquake".
	named := strings.Fields(q.Place + " " + q.Source)
	for _, w := range q.Terms {
		_, group := groupWords[w]
		if figureWords[w] == nil && !group && !slices.Contains(named, w) && !isFigureFiller(w) && !lightVerbs[w] {
			q.Topic = append(q.Topic, w)
		}
	}
	// "executions of Alawite families" names a kind of figure but asks for
	// no count: it is a search.
	if !howMany && len(q.Topic) > 0 {
		q.Kinds, q.Who, q.Place, q.Source, q.Topic = nil, "", "", "", nil
		return false
	}
	q.Intent = corpus.IntentFigure
	q.Latest = true
	return true
}

// countsOther reports whether a "how many" question counts something
// other than people: the word after "how many" is neither a group of
// people nor a casualty word.
func countsOther(words []string) bool {
	for i := 0; i+2 < len(words); i++ {
		if words[i] == "how" && words[i+1] == "many" {
			next := words[i+2]
			_, group := groupWords[next]
			return !group && figureWords[next] == nil && !filler[next]
		}
	}
	return false
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
