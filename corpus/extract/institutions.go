package extract

import (
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// An institution's spokesperson, minister or head speaks for it: a
// paragraph attributed to "Thameen Al-Kheetan", whom the article calls
// "the UN Human Rights Spokesperson", is attributed to "UN Human Rights"
// too, so that a question for the institution finds its spokesperson.

// addInstitutions appends to each paragraph's attribution the institution
// its person speakers speak for, read from their roles in the article.
func addInstitutions(a *corpus.Article) {
	speaksFor := map[string]string{}
	for _, p := range a.Paragraphs {
		for _, m := range p.Mentions {
			if m.Kind != corpus.MentionPerson || m.Role == "" || speaksFor[m.Name] != "" {
				continue
			}
			for _, role := range strings.Split(m.Role, "; ") {
				if inst := institutionOf(role); inst != "" {
					speaksFor[m.Name] = inst
					break
				}
			}
		}
	}
	if len(speaksFor) == 0 {
		return
	}
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		attr := namesOf(p.Attribution)
		for _, s := range p.Attribution {
			if inst := speaksFor[s]; inst != "" {
				attr.add(inst)
			}
		}
		p.Attribution = attr.list
	}
}

// institutionOf returns the institution a role speaks for: the capitalised
// name before a speaking role noun ("the UN Human Rights Spokesperson" →
// "UN Human Rights", "Interior Ministry spokesman" → "Interior Ministry")
// or after it ("a spokesman for the Syrian Civil Defence" → "Syrian Civil
// Defence", "head of the Fourth Division" → "Fourth Division"); "" when
// the role names none, or only a place or an adjective ("Defence
// Minister", "the new head of Syria's intelligence services").
func institutionOf(role string) string {
	toks := text.AppendTokens(nil, role)
	for r := range toks {
		if !toks[r].IsWord() || !speakingRoles[toks[r].Lower] {
			continue
		}
		s := r
		for s > 0 && toks[s-1].IsWord() && toks[s-1].Upper && !speakingRoles[toks[s-1].Lower] {
			s--
		}
		if inst := institutionName(role, toks[s:r]); inst != "" {
			return inst
		}
		k := r + 1
		if k < len(toks) && (toks[k].Lower == "of" || toks[k].Lower == "for" || toks[k].Lower == "at") {
			local := localRoles[toks[r].Lower]
			k++
			if k < len(toks) && toks[k].Lower == "the" {
				k++
			}
			e := k
			for e < len(toks) && toks[e].IsWord() && (toks[e].Upper || nameJoin[toks[e].Lower] && e+1 < len(toks) && toks[e+1].Upper) {
				e++
			}
			if inst := institutionName(role, toks[k:e]); inst != "" {
				return inst
			}
			if local && e > k {
				return role[toks[k].Start:toks[e-1].End] // "the mayor of Nabatieh": the town
			}
		}
	}
	return ""
}

// institutionName returns the words of a capitalised run as an
// institution's name, when the run reads as one: an acronym ("UN") or an
// organisation's head noun ("Ministry", "Institute", "Division") in a run
// of two words or more; "" otherwise.
func institutionName(role string, run []text.Token) string {
	if len(run) == 0 || run[len(run)-1].Possessive || len(run) == 1 && !acronym(run[0].Text) {
		return "" // "Defence Minister": a portfolio, not a name
	}
	for _, t := range run {
		if text.OrgHeads[t.Lower] || text.OrgNouns[t.Lower] || acronym(t.Text) {
			return role[run[0].Start:run[len(run)-1].End]
		}
	}
	return ""
}

// acronym reports a word of two or more capitals: "UN", "SNHR".
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// speakingRoles are the roles of people who speak for an institution.
var speakingRoles = text.NewSet("spokesperson spokesman spokeswoman minister head chief president chairman chairwoman " +
	"chair leader commander representative envoy ambassador secretary-general director-general mayor governor")

// localRoles speak for the place they govern: "the mayor of Nabatieh".
var localRoles = text.NewSet("mayor governor")

// roleForName reads back from token k a role for a named institution or
// place that stands before a person's name in apposition: "a spokesman for
// the SDF, Farhad Shami", "The Mayor of Abu Salim, Abdelrahman al-Hadi".
// It returns the role's first token.
func roleForName(toks []text.Token, k, sent int) (int, bool) {
	for m := k - 1; m > 0 && m >= k-8; m-- {
		t := &toks[m]
		if !t.IsWord() || t.Sentence != sent {
			return 0, false
		}
		if t.Lower != "for" && t.Lower != "of" && t.Lower != "at" {
			if !t.Upper && !nameJoin[t.Lower] {
				return 0, false
			}
			continue
		}
		r := m - 1
		if !toks[r].IsWord() || !speakingRoles[toks[r].Lower] && !text.RoleNouns[toks[r].Lower] {
			continue // "Syrian Observatory for Human Rights": a name's own "for"
		}
		if r > 0 && toks[r-1].IsWord() && determinerWords[toks[r-1].Lower] {
			r--
		}
		return r, true
	}
	return 0, false
}

// affiliations returns, for each person a paragraph's spans name, the
// organisation the person is written as belonging to, a possessive right
// before the name: "Al Jazeera's Resul Serdar", "Reuters' correspondent".
// A person named more than once takes the organisation of the first
// mention that has one.
func affiliations(toks []text.Token, spans []mentionSpan) map[string]string {
	var out map[string]string
	for i, sp := range spans {
		if sp.kind != corpus.MentionPerson || i == 0 || out[sp.name] != "" {
			continue
		}
		// The spans are in order and do not overlap: an organisation
		// ending where the person's mention starts is the span before.
		o := spans[i-1]
		if o.kind == corpus.MentionOrganisation && o.te == sp.tt && toks[o.te-1].Possessive {
			if out == nil {
				out = map[string]string{}
			}
			out[sp.name] = o.name
		}
	}
	return out
}
