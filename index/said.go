package index

// Said questions: the passages that quote or cite someone.

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

func (s *asker) said(ctx context.Context) ([]*candidate, error) {
	subject := strings.TrimPrefix(s.q.Subject, "the ")
	s.concepts = s.conceptsOf(ctx, s.q.Topic)
	kept, err := s.saidBy(ctx, []string{subject})
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "what did SNHR say": the organisations whose initials those are;
	// "what did the IDF say": what a well-known acronym stands for.
	for _, aliases := range [][]string{s.expandAcronym(subject), names.KnownAcronym(subject)} {
		if len(aliases) == 0 {
			continue
		}
		if kept, err := s.saidBy(ctx, aliases); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	// "what did the mayor of Tell Bireh say": find who the corpus describes
	// that way, then what they said.
	aliases, err := s.describedAs(ctx, subject)
	if err != nil || len(aliases) == 0 {
		return nil, err
	}
	return s.saidBy(ctx, aliases)
}

// saidBy returns the passages that quote or cite any of the names.
func (s *asker) saidBy(ctx context.Context, names []string) ([]*candidate, error) {
	var disj []query.Query
	for _, name := range names {
		speakers := bleve.NewMatchQuery(name)
		speakers.SetField(fieldSpeakers)
		speakers.SetBoost(3)
		disj = append(disj, speakers, nameQuery(name))
		if head := roleHead(name); head != "" {
			// "the Benue governor": passages whose speaker is a governor.
			text := bleve.NewMatchQuery(head)
			text.SetField(fieldText)
			disj = append(disj, text)
		}
	}
	if len(s.q.Topic) > 0 {
		topic := bleve.NewMatchQuery(strings.Join(s.q.Topic, " "))
		topic.SetField(fieldText)
		disj = append(disj, topic)
	}
	inArticle, err := s.roleWordArticles(ctx, names)
	if err != nil {
		return nil, err
	}
	// An acronym the question writes in capitals ("IMD") is matched
	// without spelling tolerance, or it matches anyone's "Md".
	match := func(name, speaker string) float64 {
		if s.acronymAsked(name) && !slices.ContainsFunc(strings.FieldsFunc(strings.ToLower(speaker), notWordRune),
			func(w string) bool { return w == strings.ToLower(name) }) && initials(speaker) != strings.ToLower(name) {
			return 0
		}
		return speakerMatch(name, speaker)
	}
	return s.rerank(ctx, bleve.NewDisjunctionQuery(disj...), func(c *candidate, relevance float64) (float64, bool) {
		p := c.sp.Paragraph
		score := 0.0
		for _, name := range names {
			for _, q := range p.Quotes {
				if sc := match(name, q.Speaker); sc >= nameThreshold {
					score = max(score, 1.6+sc)
					c.names = append(c.names, strings.Fields(q.Speaker)...)
				}
			}
			for _, a := range p.Attribution {
				if sc := match(name, a); sc >= nameThreshold {
					score = max(score, 1+sc)
					c.names = append(c.names, strings.Fields(a)...)
				} else if alias, sc := aliasMatch(name, a, p); sc >= nameThreshold {
					score = max(score, 1+sc)
					c.names = append(c.names, strings.Fields(alias)...)
				}
			}
		}
		if score == 0 {
			for _, name := range names {
				if speaker := roleSpeaker(name, c, inArticle); speaker != "" {
					score = 1 + nameThreshold
					c.names = append(c.names, strings.Fields(speaker)...)
					break
				}
			}
		}
		if score == 0 {
			for _, name := range names {
				if speaksIn(p.Text, name) {
					// The extractor missed the speaker, but the text names
					// them as one: "The UN human rights office said…".
					score = 1 + nameThreshold
					c.names = append(c.names, strings.Fields(name)...)
					break
				}
			}
		}
		if score == 0 {
			return 0, false
		}
		if len(s.concepts) > 0 {
			cov, _ := s.coverage(c)
			if cov == 0 {
				return 0, false
			}
			score += 2 * cov
		}
		return score + 0.2*relevance, true
	})
}

// roleHead returns the word of a description that names a position ("the
// Benue governor", "the governor of Zaporizhzhia" → "governor"), or "".
func roleHead(subject string) string {
	for _, w := range strings.FieldsFunc(strings.ToLower(subject), notWordRune) {
		if text.RoleNoun(w) {
			return w
		}
	}
	return ""
}

// roleSynonyms are positions news reports name in other words.
var roleSynonyms = map[string][]string{
	"head":           {"director", "chief", "leader"},
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
}

// roleSpeaker returns the speaker of c that the description subject fits:
// one whose role, or whose own words when unnamed ("the regional
// governor"), hold the description's position or another name for it,
// with its other words ("Benue", "Zaporizhzhia") in the role, the
// passage, the headline or, by inArticle, elsewhere in the article.
func roleSpeaker(subject string, c *candidate, inArticle func(word, articleID string) bool) string {
	head := roleHead(subject)
	if head == "" {
		return ""
	}
	p := c.sp.Paragraph
	context := strings.ToLower(p.Text + " " + c.sp.Article.Title)
	fits := func(role string) bool {
		role = strings.ToLower(role)
		if !containsWords(role, head) && !slices.ContainsFunc(roleSynonyms[head], func(h string) bool { return containsWords(role, h) }) {
			return false
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(subject), notWordRune) {
			if w == head || questionArticles[w] || queryFiller[w] || containsWords(role, w) || containsWords(context, w) {
				continue
			}
			if !inArticle(w, c.sp.Article.ID) {
				return false
			}
		}
		return true
	}
	speakers := slices.Clone(p.Attribution)
	for _, q := range p.Quotes {
		speakers = appendDistinct(speakers, q.Speaker)
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

// queryFiller are words of a description that need not stand in the
// passage: "the head of the hospital in Mehtarlam".
var queryFiller = map[string]bool{"in": true, "at": true, "from": true, "on": true, "s": true}

// acronymAsked reports whether the question writes name in capitals, as
// acronyms are written ("IMD"), or name is a well-known acronym.
func (s *asker) acronymAsked(name string) bool {
	if len(name) < 2 || len(name) > 6 || strings.ContainsFunc(name, notWordRune) {
		return false
	}
	return containsWords(s.q.Text, strings.ToUpper(name)) || names.KnownAcronym(name) != nil
}

// roleWordArticles returns a test of whether an article names a word of
// one of the descriptions among names ("Laghman" in "the governor of
// Laghman") in some paragraph or its headline. Only rare words are looked
// up, each once: a word in more paragraphs than a lookup reads is not
// worth one, and counts as absent.
func (s *asker) roleWordArticles(ctx context.Context, names []string) (func(word, articleID string) bool, error) {
	found := map[string]map[string]bool{}
	df, err := s.g.docFreq(ctx)
	if err != nil {
		// Without statistics no word is looked up: the description's
		// words then count as absent, and the question is still answered.
		s.log.Warn("descriptions without term statistics", "err", err)
	}
	defer df.close()
	for _, name := range names {
		head := roleHead(name)
		if head == "" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(name), notWordRune) {
			if w == head || questionArticles[w] || queryFiller[w] || found[w] != nil {
				continue
			}
			stems := s.stems(w)
			if len(stems) == 0 {
				continue
			}
			if _, n := df.count(stems[0]); n == 0 || n > nameArticleLimit {
				continue
			}
			ids, err := s.articlesWith(ctx, w)
			if err != nil {
				return nil, err
			}
			found[w] = ids
		}
	}
	return func(word, articleID string) bool { return found[word][articleID] }, nil
}

// expandAcronym returns the organisations the corpus names whose initials
// spell name ("SNHR" → "Syrian Network for Human Rights").
func (s *asker) expandAcronym(name string) []string {
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 2 || len(name) > 8 || strings.ContainsFunc(name, notWordRune) {
		return nil
	}
	var out []string
	for _, org := range s.g.manifest.Organisations {
		if initials(org) == name {
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

// describedAs returns the names of the people or organisations the corpus
// describes with every content word of role ("mayor of Tell Bireh").
func (s *asker) describedAs(ctx context.Context, role string) ([]string, error) {
	want := s.stems(role)
	if len(want) == 0 {
		return nil, nil
	}
	match := bleve.NewMatchQuery(role)
	match.SetField(fieldText)
	match.SetOperator(query.MatchQueryOperatorAnd)
	cands, err := s.find(ctx, match, candidateCount)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, c := range cands {
		for _, m := range c.sp.Paragraph.Mentions {
			if m.Role == "" || slices.Contains(names, m.Name) {
				continue
			}
			have := s.stems(m.Role)
			if !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(have, w) }) {
				names = append(names, m.Name)
			}
		}
	}
	return names, nil
}

// speakerMatch scores how well a name from a question ("the observatory",
// "SNHR", "Charles Lister", "Ghiath Dallah") matches a name in the corpus.
func speakerMatch(asked, speaker string) float64 {
	if speaker == "" {
		return 0
	}
	best := names.Match(asked, speaker)
	askedWords := strings.Fields(strings.ToLower(asked))
	// An acronym: "SNHR" for "Syrian Network for Human Rights".
	if len(askedWords) == 1 && len(askedWords[0]) >= 2 && len(askedWords[0]) <= 6 && initials(speaker) == askedWords[0] {
		return 1
	}
	// A description by its head words: "the observatory", "health ministry".
	speakerWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(speaker), notWordRune) {
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

// questionArticles are words a name in a question may carry that the
// name in the corpus need not: "the observatory", "the UN's office".
var questionArticles = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// initials returns the lower-cased initials of a name's capitalised words.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, notWordRune) {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			b.WriteRune(unicode.ToLower(r[0]))
		}
	}
	return b.String()
}

// speechVerbs are the verbs that make the phrase before them a speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "reported": true, "reports": true,
	"announced": true, "stated": true, "warned": true, "added": true, "estimated": true,
	"confirmed": true, "claimed": true, "denied": true, "wrote": true,
}

// speaksIn reports whether text names name as a speaker: followed by a
// speech verb ("the UN human rights office said") or after "according to".
func speaksIn(text, name string) bool {
	lower := strings.ToLower(text)
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 3 {
		return false
	}
	for start := indexWords(lower, name, 0); start >= 0; start = indexWords(lower, name, start+1) {
		after := strings.FieldsFunc(lower[start+len(name):], notWordRune)
		before := strings.Fields(lower[:start])
		if len(after) > 0 && speechVerbs[after[0]] {
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
