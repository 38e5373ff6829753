package rank

import (
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// definesName reports whether text introduces m's short name with its
// full one: "the National Disaster Management Authority (ANDMA)", "the
// agency, known as ANDMA".
func definesName(text string, m corpus.Mention) bool {
	if m.Text == "" || m.Text == m.Name {
		return false
	}
	return strings.Contains(text, "("+m.Text+")") || containsWords(strings.ToLower(text), "known as "+strings.ToLower(m.Text)) ||
		strings.Contains(text, m.Name) && strings.Contains(text, m.Text)
}

// bestMention returns the mention of p that best matches name.
func bestMention(name string, p corpus.Paragraph) (corpus.Mention, float64) {
	var best corpus.Mention
	bestScore := 0.0
	for _, m := range p.Mentions {
		for _, n := range []string{m.Name, m.Text} {
			if sc := speakerMatch(name, n); sc > bestScore {
				best, bestScore = m, sc
			}
		}
	}
	return best, bestScore
}

// roleHead returns the word of a description that names a position ("the
// Benue governor", "the governor of Zaporizhzhia" → "governor"), or "".
func roleHead(subject string) string {
	for _, w := range text.Fields(strings.ToLower(subject)) {
		if text.RoleNoun(w) {
			return w
		}
	}
	return ""
}

// roleSynonyms are positions news reports name in other words.
var roleSynonyms = map[string][]string{
	"head":           {"director", "chief", "leader", "chair", "chairman", "chairwoman", "chairperson", "administrator", "president"},
	"director":       {"head", "chief"},
	"chief":          {"head", "director"},
	"spokesman":      {"spokesperson", "spokeswoman"},
	"spokesperson":   {"spokesman", "spokeswoman"},
	"spokeswoman":    {"spokesperson", "spokesman"},
	"minister":       {"secretary"},
	"leader":         {"head", "chief"},
	"commander":      {"general", "chief"},
	"representative": {"envoy"},
	"envoy":          {"representative"},
	"boss":           {"ceo", "chief", "head", "director", "chairman", "president", "leader"},
	"ceo":            {"chief executive"},
	"pm":             {"prime minister", "premier"},
}

// roleSpeaker returns the speaker of c that the description subject fits:
// one whose role, or whose own words when unnamed ("the regional
// governor"), hold the description's position or another name for it,
// with its other words ("Benue", "Zaporizhzhia") in the role, the
// passage, the headline or, by inArticle, elsewhere in the article.
func roleSpeaker(subject string, c *Candidate, inArticle func(word, articleID string) bool) string {
	head := roleHead(subject)
	if head == "" {
		return ""
	}
	p := c.Paragraph
	context := strings.ToLower(p.Text + " " + c.Article.Title)
	fits := func(role string) bool { return roleFits(subject, head, role, context, c.Article.ID, inArticle, nil) }
	speakers := slices.Clone(p.Attribution)
	for _, q := range p.Quotes {
		speakers = text.AppendDistinct(speakers, q.Speaker)
	}
	for _, sp := range speakers {
		if fits(sp) {
			return sp
		}
		for _, m := range p.Mentions {
			if (m.Name == sp || m.Text == sp) && m.Role != "" && fits(m.Role) {
				return sp
			}
		}
	}
	return ""
}

// roleFits reports whether role holds the description subject's position
// head or another name for it, and each of its other words is in role, in
// context (the passage and headline, lower-cased) or, by inArticle, in the
// article; same, when not nil, tells whether two words stand for each
// other ("France" for "French").
func roleFits(subject, head, role, context, articleID string, inArticle func(word, articleID string) bool, same func(a, b string) bool) bool {
	role = strings.ToLower(role)
	if !containsWords(role, head) && !slices.ContainsFunc(roleSynonyms[head], func(h string) bool { return containsWords(role, h) }) {
		return false
	}
	for _, w := range text.Fields(strings.ToLower(subject)) {
		if w == head || questionArticles[w] || queryFiller[w] || containsWords(role, w) || containsWords(context, w) {
			continue
		}
		if same != nil && slices.ContainsFunc(text.Fields(role), func(r string) bool { return same(w, r) }) {
			continue
		}
		if !inArticle(w, articleID) {
			return false
		}
	}
	return true
}

// queryFiller are words of a description that need not stand in the
// passage: "the head of the hospital in Mehtarlam".
var queryFiller = map[string]bool{"in": true, "at": true, "from": true, "on": true, "s": true}

// AcronymAsked reports whether the question writes name in capitals, as
// acronyms are written ("IMD"), or name is a well-known acronym.
func (r *Ranker) AcronymAsked(name string) bool {
	if len(name) < 2 || len(name) > 6 || strings.ContainsFunc(name, func(r rune) bool { return !text.WordRune(r) }) {
		return false
	}
	return containsWords(r.Question.Text, strings.ToUpper(name)) || names.KnownAcronym(name) != nil
}

// ExpandAcronym returns the organisations the corpus names whose initials
// spell name ("SNHR" → "Syrian Network for Human Rights").
func (r *Ranker) ExpandAcronym(name string) []string {
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 2 || len(name) > 8 || strings.ContainsFunc(name, func(r rune) bool { return !text.WordRune(r) }) {
		return nil
	}
	var out []string
	for _, org := range r.Organisations {
		if strings.ToLower(names.Initials(org)) == name {
			out = append(out, org)
		}
	}
	return out
}

// aliasMatch scores name against the names a paragraph gives speaker in
// apposition: "the UN refugee agency, UNHCR", "the Syrian Network for Human
// Rights (SNHR)", or a name the paragraph describes as the speaker.
func aliasMatch(name, speaker string, p corpus.Paragraph) (string, float64) {
	alias, best := "", 0.0
	for _, m := range p.Mentions {
		if m.Text == speaker || m.Name == speaker {
			continue
		}
		if strings.Contains(p.Text, speaker+", "+m.Text) || strings.Contains(p.Text, speaker+" ("+m.Text+")") ||
			strings.Contains(p.Text, m.Text+" ("+speaker+")") || containsWords(m.Role, speaker) {
			if sc := max(speakerMatch(name, m.Text), speakerMatch(name, m.Name)); sc > best {
				alias, best = m.Text, sc
			}
		}
	}
	return alias, best
}

// speakerMatch scores how well a name from a question ("the observatory",
// "SNHR", "Charles Lister", "Ghiath Dallah") matches a name in the corpus.
func speakerMatch(asked, speaker string) float64 {
	if speaker == "" {
		return 0
	}
	best := names.Match(asked, speaker)
	askedWords := strings.Fields(strings.ToLower(asked))
	if otherBody(askedWords, text.Fields(strings.ToLower(speaker))) {
		// "the Syrian Network for Human Rights" is not "the Syrian
		// Observatory for Human Rights", however alike the letters.
		best = min(best, 0.5)
	}
	// An acronym: "SNHR" for "Syrian Network for Human Rights".
	if len(askedWords) == 1 && len(askedWords[0]) >= 2 && len(askedWords[0]) <= 6 && strings.ToLower(names.Initials(speaker)) == askedWords[0] {
		return 1
	}
	// A description by its head words: "the observatory", "health ministry".
	speakerWords := map[string]bool{}
	for _, w := range text.Fields(strings.ToLower(speaker)) {
		speakerWords[strings.TrimSuffix(w, "s")] = true
	}
	var content, found int
	head := false
	for i, w := range askedWords {
		if questionArticles[w] {
			continue
		}
		content++
		if speakerWords[strings.TrimSuffix(w, "s")] {
			found++
			head = head || i == len(askedWords)-1
		}
	}
	askedSet := map[string]bool{}
	for _, w := range askedWords {
		askedSet[strings.TrimSuffix(w, "s")] = true
	}
	speakerContent, speakerFound := 0, 0
	for w := range speakerWords {
		if !questionArticles[w] {
			speakerContent++
			if askedSet[w] {
				speakerFound++
			}
		}
	}
	switch {
	case content > 0 && found == content:
		best = max(best, 0.95)
	case speakerContent >= 2 && speakerFound == speakerContent:
		// "the African Union observers" for "African Union".
		best = max(best, 0.9)
	case head && content >= 3 && float64(found)/float64(content) >= 0.6 && bodyNouns[strings.TrimSuffix(askedWords[len(askedWords)-1], "s")]:
		// "the UN human rights office" for "UN rights office": a body
		// named by its head noun, never a person's name ("Abdul Rahman
		// Mahar" is not "Abdul Sattar Mahar").
		best = max(best, 0.9)
	}
	return best
}

// otherBody reports whether two full names (three words or more) are of
// bodies of different kinds: each has a word that names a kind of body
// ("network", "observatory", "ministry") that the other lacks. A
// description ("the monitor") is no full name.
func otherBody(a, b []string) bool {
	if len(a) < 3 || len(b) < 3 {
		return false
	}
	kind := func(w string) bool { return text.OrgHeads[w] }
	lacks := func(x, y []string) bool {
		return slices.ContainsFunc(x, func(w string) bool { return kind(w) && !slices.Contains(y, w) })
	}
	return lacks(a, b) && lacks(b, a)
}

// questionArticles are words a name in a question may carry that the
// name in the corpus need not: "the observatory", "the UN's office".
var questionArticles = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true}

// speaksIn reports whether s names name as a speaker: followed by a
// speech verb ("the UN human rights office said") or after "according to".
func speaksIn(s, name string) bool {
	lower := strings.ToLower(s)
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 3 {
		return false
	}
	for start := text.IndexWord(lower, name, 0); start >= 0; start = text.IndexWord(lower, name, start+1) {
		after := text.Fields(lower[start+len(name):])
		before := strings.Fields(lower[:start])
		if len(after) > 0 && text.SpeechVerbs[after[0]] {
			return true
		}
		if n := len(before); n >= 2 && before[n-2] == "according" && before[n-1] == "to" ||
			n >= 3 && before[n-3] == "according" && before[n-2] == "to" && before[n-1] == "the" {
			return true
		}
	}
	return false
}

// bodyNouns are the head nouns of organisations' names and descriptions
// (singular): a question naming a body by them may leave words out.
var bodyNouns = map[string]bool{
	"ministry": true, "office": true, "agency": true, "observer": true, "mission": true, "council": true,
	"committee": true, "commission": true, "department": true, "authority": true, "authoritie": true,
	"service": true, "group": true, "network": true, "observatory": true, "monitor": true, "army": true,
	"police": true, "force": true, "government": true, "union": true, "organisation": true,
	"organization": true, "institute": true, "court": true, "party": true, "movement": true, "front": true,
	"hospital": true, "centre": true, "center": true, "unit": true, "board": true, "bureau": true,
	"administration": true, "directorate": true, "programme": true, "program": true, "fund": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "military": true, "crescent": true,
}

// RoleHead returns the word of a description that names a position ("the
// Benue governor", "the governor of Zaporizhzhia" → "governor"), or "".
func RoleHead(subject string) string { return roleHead(subject) }

// RoleWords returns the words of a description besides its position and
// filler ("Laghman" in "the governor of Laghman"); none when it names no
// position.
func RoleWords(subject string) []string {
	head := roleHead(subject)
	if head == "" {
		return nil
	}
	var out []string
	for _, w := range text.Fields(strings.ToLower(subject)) {
		if w != head && !questionArticles[w] && !queryFiller[w] {
			out = append(out, w)
		}
	}
	return out
}

// DescribedAs returns the names of the mentions of p whose role has every
// one of the stems want.
func (r *Ranker) DescribedAs(p corpus.Paragraph, want []string) []string {
	var names []string
	for _, m := range p.Mentions {
		if m.Role == "" || slices.Contains(names, m.Name) {
			continue
		}
		have := r.Stems.Terms(m.Role)
		if !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(have, w) }) {
			names = append(names, m.Name)
		}
	}
	return names
}
