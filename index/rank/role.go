package rank

import (
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// positionsAsked returns, as stems, the positions a question asks for the
// holder of: its role nouns ("mayor", "prosecutor") with their other
// names (roleSynonyms: "boss" is a CEO's, "pm" a prime minister's), and
// the verb after "who" with what it stands for ("who runs Delta": run,
// head, chief…; "who chairs": chair). Only a question asking for a
// person has them ("who…", "which official…"); each is one stem or,
// for a position of several words, their stems joined by spaces.
func (r *Ranker) positionsAsked() []string {
	q := r.Question
	words := text.Fields(strings.ToLower(q.Text))
	t := AnswerTypeOf(q.Text)
	if t != AnswerPerson && t != AnswerAgent && !asksWhich(words) {
		return nil
	}
	var out []string
	add := func(phrase string) {
		if st := r.Stems.Terms(phrase); len(st) > 0 {
			out = text.AppendDistinct(out, strings.Join(st, " "))
		}
	}
	for i, w := range words {
		switch {
		case text.RoleNoun(w) || roleSynonyms[w] != nil:
			if text.RoleNoun(w) {
				add(w)
			}
			for _, s := range roleSynonyms[w] {
				add(s)
			}
		case i > 0 && words[i-1] == "who" && !linkingVerbs[w]:
			for _, st := range r.Stems.Terms(w) {
				out = text.AppendDistinct(out, st)
				out = text.AppendDistinct(out, r.Synonyms.Of(st)...)
			}
		}
	}
	return out
}

// linkingVerbs are the verbs after "who" that ask who someone is, not
// what they do.
var linkingVerbs = text.NewSet("is was are were s has had")

// asksWhich reports whether a question's words ask "which <position>":
// "which bbc correspondent…".
func asksWhich(words []string) bool {
	i := slices.Index(words, "which")
	return i >= 0 && slices.ContainsFunc(words[i+1:min(i+4, len(words))], text.RoleNoun)
}

// holdsPosition reports whether a passage names a person in one of the
// positions asked (stems, positionsAsked): "Delta Air Lines CEO Ed
// Bastian" for "who runs delta".
func (r *Ranker) holdsPosition(positions []string, p corpus.Paragraph) bool {
	if len(positions) == 0 {
		return false
	}
	for _, m := range p.Mentions {
		if m.Kind != corpus.MentionPerson || m.Role == "" {
			continue
		}
		role := strings.Join(r.Stems.Terms(m.Role), " ")
		if slices.ContainsFunc(positions, func(pos string) bool { return containsWords(role, pos) }) {
			return true
		}
	}
	return false
}
