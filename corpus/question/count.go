package question

import (
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// "how many N" counts N: witnesses, bodies, homes, fighters. It asks for
// casualty figures only when N is a casualty noun ("how many bodies"), or
// when N is people or anything else the main clause says were killed,
// wounded, displaced… ("how many government staff died"); a casualty
// word about something else ("how many witnesses did Amnesty interview
// about the killings", "how many sites of revenge killings") makes no
// casualty count.

// countedNoun returns the head of the noun phrase after "how many":
// "how many Alawite civilians have died" → civilians; "how many of the
// 2000 residents" → residents; "how many dead in Derna" → dead; "" when
// none ("how many were arrested").
func countedNoun(words []string) string {
	i := slices.Index(words, "how")
	if i < 0 || i+1 >= len(words) || words[i+1] != "many" {
		return ""
	}
	j := i + 2
	for j < len(words) && (words[j] == "of" || determiners[words[j]] || isDigits(words[j])) {
		j++ // "how many of the 2000 residents"
	}
	head := ""
	for ; j < len(words); j++ {
		w := words[j]
		if figureWords[w] != nil {
			if head == "" || casualtyNoun(w) {
				head = w // "how many dead", "how many civilian deaths"
			}
			break
		}
		if clauseWords[w] || filler[w] || lightVerbs[w] || pastReporting(w) || isDigits(w) || adverb(w) {
			break
		}
		if head != "" && len(w) > 4 && strings.HasSuffix(w, "ed") {
			break // the verb after the noun: "how many patients escaped"
		}
		head = w
	}
	return head
}

// countedKinds returns the casualty kinds a "how many" question asks for,
// given the noun it counts: the noun's own kinds ("bodies", "injured"),
// and those the main clause names — for people or no noun, any casualty
// word; for another noun, only a verb or adjective ("died", "dead"), not a
// noun about something else ("sites of revenge killings").
func countedKinds(counted string, words []string) []string {
	main := mainClause(words)
	kinds := kindsOf([]string{counted})
	switch {
	case figureWords[counted] != nil, counted == "", peopleNoun(counted):
		return appendKinds(kinds, kindsOf(main))
	}
	verbs := slices.DeleteFunc(slices.Clone(main), casualtyNoun)
	return appendKinds(kinds, kindsOf(verbs))
}

// appendKinds appends the kinds of more that kinds lacks.
func appendKinds(kinds, more []string) []string {
	for _, k := range more {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// mainClause returns the words before a phrase that says what the
// question is about ("about the coastal killings").
func mainClause(words []string) []string {
	for i, w := range words {
		switch w {
		case "about", "regarding", "concerning", "over":
			return words[:i]
		}
	}
	return words
}

// casualtyNoun reports whether a figure word is a noun ("deaths",
// "killings", "toll", "bodies") rather than a verb or adjective ("died",
// "killed", "dead", "missing").
func casualtyNoun(w string) bool {
	if figureWords[w] == nil {
		return false
	}
	switch w {
	case "toll", "death", "casualty", "fatality", "refuge":
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// peopleNoun reports whether a counted noun is a group of people: a
// group a figure counts ("civilians", "fighters"), residents, villagers…,
// or a nationality or sect in the plural ("Alawites").
func peopleNoun(n string) bool {
	_, group := groupWords[n]
	return group || countedPeople[n] || strings.HasSuffix(n, "s") && text.Demonyms[strings.TrimSuffix(n, "s")]
}

// countsByVerb reports whether a "how many" question about people says
// what they did besides being counted: a content word in the main clause
// after the noun counted that is no place, source or filler ("how many
// fighters did the militia recruit"; not "how many civilians in total").
func countsByVerb(words []string, counted string, named []string) bool {
	main := mainClause(words)
	i := slices.Index(main, counted)
	if i < 0 {
		return false
	}
	for _, w := range main[i+1:] {
		_, group := groupWords[w]
		if !filler[w] && !clauseWords[w] && !lightVerbs[w] && !group && !isFigureFiller(w) && !slices.Contains(named, w) && !determiners[w] && !isDigits(w) {
			return true
		}
	}
	return false
}

// isDigits reports whether w is a number written in digits ("2000", "1,300").
func isDigits(w string) bool {
	return w != "" && strings.Trim(w, "0123456789,.") == ""
}

// adverb reports whether w reads as an adverb that ends a noun phrase:
// "reportedly", "initially".
func adverb(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ly")
}
