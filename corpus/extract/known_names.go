package extract

import (
	"sort"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// knownNames are the people and organisations named so far, for definite
// references ("the observatory", "the former general"): one entry per
// distinct name, kind and role, with the occurrences it was named at. A
// reference is resolved by one look at each distinct entry however often
// the article repeats it, so that a long paragraph naming the same few
// people again and again costs time in proportion to its length.
type knownNames struct {
	entries []knownName
	index   map[knownKey]int
	count   int // the occurrence number the next add takes
}

type knownKey struct {
	name, role string
	kind       corpus.MentionKind
}

// knownName is one distinct entry of knownNames, with what scoring reads
// of it worked out once.
type knownName struct {
	name   string
	kind   corpus.MentionKind
	words  []string // the name's words, lower-cased
	role   string   // lower-cased
	listed bool     // a well-known organisation (knownOrgs)
	at     []int    // the occurrences it was named at, ascending
}

// add records an occurrence of m, numbered after those before.
func (kn *knownNames) add(m corpus.Mention) {
	kn.addAt(m, kn.count)
}

// addAt records an occurrence of m numbered at, which is no smaller than
// any number given before.
func (kn *knownNames) addAt(m corpus.Mention, at int) {
	kn.count = at + 1
	key := knownKey{name: m.Name, role: m.Role, kind: m.Kind}
	if i, ok := kn.index[key]; ok {
		kn.entries[i].at = append(kn.entries[i].at, at)
		return
	}
	if kn.index == nil {
		kn.index = map[knownKey]int{}
	}
	lower := strings.ToLower(m.Name)
	kn.index[key] = len(kn.entries)
	kn.entries = append(kn.entries, knownName{
		name: m.Name, kind: m.Kind, words: strings.Fields(lower), role: strings.ToLower(m.Role),
		listed: knownOrgs[lower], at: []int{at},
	})
}

// definiteRef is a definite phrase to resolve: its head noun and the
// words between the determiner and the head.
type definiteRef struct {
	head string
	mods map[string]bool
}

// newDefiniteRef reads the definite phrase words ("the former general");
// ok is false for a phrase of one word.
func newDefiniteRef(words []text.Token) (definiteRef, bool) {
	if len(words) < 2 {
		return definiteRef{}, false
	}
	ref := definiteRef{head: words[len(words)-1].Lower, mods: map[string]bool{}}
	for _, w := range words[1 : len(words)-1] {
		ref.mods[w.Lower] = true
	}
	return ref, true
}

// best returns the entry named before occurrence limit that ref refers
// to best: the highest score, and of those the one named last; score 0
// when none fits.
func (kn *knownNames) best(ref definiteRef, limit int) (name string, score int) {
	bestAt := -1
	for i := range kn.entries {
		e := &kn.entries[i]
		n := sort.SearchInts(e.at, limit) // occurrences before limit
		if n == 0 {
			continue
		}
		s := e.score(ref)
		if s > 0 && (s > score || s == score && e.at[n-1] > bestAt) {
			name, score, bestAt = e.name, s, e.at[n-1]
		}
	}
	return name, score
}

// score is how well the definite phrase ref fits e: an organisation whose
// name has the phrase's head noun ("the observatory"), a monitoring group
// for "the monitor", any organisation not well known for "the group"; a
// person whose role has the head noun ("the former general"); one more
// for each of the phrase's other words that the name or role has.
func (e *knownName) score(ref definiteRef) int {
	has := func(w string) bool {
		for _, n := range e.words {
			if n == w || n == w+"s" || w == n+"s" {
				return true
			}
		}
		return false
	}
	head, mods := ref.head, ref.mods
	score := 0
	switch e.kind {
	case corpus.MentionOrganisation:
		switch {
		case has(head):
			score = 3
		case (head == "monitor" || head == "monitors" || head == "group" && mods["monitoring"]) &&
			(has("observatory") || has("monitor") || has("network") || has("watch") || strings.Contains(e.role, "monitor")):
			score = 2
		case (head == "group" || head == "organisation" || head == "organization" || head == "body") && !e.listed:
			score = 1
		}
		for w := range mods {
			if has(w) {
				score++
			}
		}
	case corpus.MentionPerson:
		if e.role != "" && roleHas(e.role, head) {
			score = 2
			for w := range mods {
				if roleHas(e.role, w) {
					score++
				}
			}
		}
	}
	return score
}

// roleHas is text.HasWord for a role already lower-cased.
func roleHas(role, w string) bool {
	return text.IndexWord(role, strings.ToLower(w), 0) >= 0
}

// definiteSpeaker resolves a definite phrase ("the observatory", "the
// health ministry", "the monitor", "the former general") to a name known
// from the article before its paragraph (known) or from the paragraph
// before occurrence limit of local, or "". A name of the paragraph wins a
// tie, being named last.
func definiteSpeaker(words []text.Token, known, local *knownNames, limit int) string {
	ref, ok := newDefiniteRef(words)
	if !ok {
		return ""
	}
	name, score := known.best(ref, known.count)
	if n, s := local.best(ref, limit); s > 0 && s >= score {
		name = n
	}
	return name
}
