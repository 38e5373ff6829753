package rank

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// ScoreFunc scores a candidate given its search relevance relative to the
// best hit (0–1): its score, and whether it answers at all.
type ScoreFunc func(c *Candidate, relevance float64) (score float64, ok bool)

// Rerank scores the candidates: those score accepts, best first, and
// the others, in their search order.
func Rerank(cands []*Candidate, score ScoreFunc) (kept, rejected []*Candidate) {
	top := TopScore(cands)
	for _, c := range cands {
		if sc, ok := score(c, c.HitScore/top); ok {
			c.Score = sc
			kept = append(kept, c)
		} else {
			rejected = append(rejected, c)
		}
	}
	Sort(kept)
	return kept, rejected
}

// Search scores a passage for a plain question: how much of the
// question it covers and how closely, its relevance, and for "why…" a
// passage that gives a cause. It answers when it covers MinCoverage.
func (r *Ranker) Search(c *Candidate, relevance float64) (float64, bool) {
	cov, prox := r.Coverage(c)
	score := 2*cov + prox*cov + 0.5*relevance
	if r.Question.Cause && givesReason(c.Paragraph.Text) {
		score++ // "why…": a passage that gives a cause
	}
	return score, cov >= MinCoverage
}

// About scores the passages naming subject for "who" questions, those
// that describe it first.
func About(subject string) ScoreFunc { return aboutAt(subject, NameThreshold) }

// AboutNear is About for a name the question spells a letter or two
// off in each word ("herman andaja" for Herman Andaya), which no mention
// matches at NameThreshold: it takes a mention at NearNameThreshold.
func AboutNear(subject string) ScoreFunc { return aboutAt(subject, NearNameThreshold) }

// NearNameThreshold is the least name similarity of a name every word of
// which the corpus has a letter away: one letter off in a two-word name
// is about 0.83.
const NearNameThreshold = 0.8

func aboutAt(subject string, threshold float64) ScoreFunc {
	return func(c *Candidate, relevance float64) (float64, bool) {
		m, score := bestMention(subject, c.Paragraph)
		if score < threshold {
			return 0, false
		}
		c.Names = strings.Fields(m.Text)
		if m.Role != "" {
			c.Role = m.Role
			score++
		}
		for _, other := range c.Paragraph.Mentions {
			if other.Name == m.Name && definesName(c.Paragraph.Text, other) {
				score++ // spelt out here: "… Service (NWS)"
				break
			}
		}
		if m.Role == "" && onlyQuoted(c.Paragraph.Text, m.Text) {
			// Named only inside a quotation, as the one addressed ("What
			// have you done, Ghiyath Dalla?"): the passage says nothing of
			// who they are.
			score -= 0.5
		}
		return score + 0.2*relevance, true
	}
}

// AboutRole scores for "who is the French foreign minister" the passages
// naming a person the description fits (roleFits): "French Foreign
// Minister Catherine Colonna". inArticle tells whether an article names a
// word of the description.
func (r *Ranker) AboutRole(subject string, inArticle func(word, articleID string) bool) ScoreFunc {
	head := roleHead(subject)
	same := func(a, b string) bool {
		sa, sb := r.Stems.Terms(a), r.Stems.Terms(b)
		return len(sa) == 1 && len(sb) == 1 && (sa[0] == sb[0] || slices.Contains(r.Synonyms.Of(sa[0]), sb[0]))
	}
	return func(c *Candidate, relevance float64) (float64, bool) {
		if head == "" {
			return 0, false
		}
		context := strings.ToLower(c.Paragraph.Text + " " + c.Article.Title)
		for _, m := range c.Paragraph.Mentions {
			if m.Kind == corpus.MentionPerson && m.Role != "" && roleFits(subject, head, m.Role, context, c.Article.ID, inArticle, same) {
				c.Names, c.Role = strings.Fields(m.Text), m.Role
				return 2 + 0.2*relevance, true
			}
		}
		return 0, false
	}
}

// Said scores the passages that quote or cite any of names: quoted before
// cited, named before described by role (inArticle tells whether an
// article names a word of a description), and by how much of the topic
// asked about they cover.
func (r *Ranker) Said(names []string, inArticle func(word, articleID string) bool) ScoreFunc {
	return func(c *Candidate, relevance float64) (float64, bool) {
		p := c.Paragraph
		score := 0.0
		for _, name := range names {
			for _, q := range p.Quotes {
				if sc := r.saidMatch(name, q.Speaker); sc >= NameThreshold {
					score = max(score, 1.6+sc)
					c.Names = append(c.Names, strings.Fields(q.Speaker)...)
				} else if q.Role != "" && roleNames(q.Role, name) {
					// "the UN human rights office" for the UN Human Rights
					// Spokesperson; "an eyewitness" for an unnamed one.
					score = max(score, 1.6+NameThreshold)
					c.Names = append(c.Names, strings.Fields(q.Speaker)...)
				}
			}
			for _, a := range p.Attribution {
				if sc := r.saidMatch(name, a); sc >= NameThreshold {
					score = max(score, 1+sc)
					c.Names = append(c.Names, strings.Fields(a)...)
				} else if alias, sc := aliasMatch(name, a, p); sc >= NameThreshold {
					score = max(score, 1+sc)
					c.Names = append(c.Names, strings.Fields(alias)...)
				}
			}
		}
		if score == 0 {
			for _, name := range names {
				if speaker := roleSpeaker(name, c, inArticle); speaker != "" {
					score = 1 + NameThreshold
					c.Names = append(c.Names, strings.Fields(speaker)...)
					break
				}
			}
		}
		if score == 0 {
			for _, name := range names {
				if speaksIn(p.Text, name) {
					// The extractor missed the speaker, but the text names
					// them as one: "The UN human rights office said…".
					score = 1 + NameThreshold
					c.Names = append(c.Names, strings.Fields(name)...)
					break
				}
			}
		}
		if score == 0 {
			return 0, false
		}
		if len(r.Concepts) > 0 {
			cov, _ := r.Coverage(c)
			if cov == 0 {
				return 0, false
			}
			score += 2 * cov
		}
		return score + 0.2*relevance, true
	}
}

// saidMatch scores a speaker for a name asked about. An acronym the
// question writes in capitals ("IMD") is matched without spelling
// tolerance, or it matches anyone's "Md".
func (r *Ranker) saidMatch(name, speaker string) float64 {
	if r.AcronymAsked(name) && !slices.ContainsFunc(text.Fields(strings.ToLower(speaker)),
		func(w string) bool { return w == strings.ToLower(name) }) && strings.ToLower(names.Initials(speaker)) != strings.ToLower(name) {
		return 0
	}
	return speakerMatch(name, speaker)
}

// NoAnswerNote is what an answer without passages says; source is the
// outlet a search was limited to, as the caller wrote it, or "".
func NoAnswerNote(q corpus.Question, source string) string {
	switch q.Intent {
	case corpus.IntentWho:
		return fmt.Sprintf("I found no passage about %s.", text.AsTyped(q.Text, q.Subject))
	case corpus.IntentSaid:
		return fmt.Sprintf("I found no passage quoting or citing %s.", text.AsTyped(q.Text, q.Subject))
	case corpus.IntentFigure:
		if q.Place != "" {
			return fmt.Sprintf("I found no figures for %s.", text.AsTyped(q.Text, q.Place))
		}
		return "I found no figures that answer that."
	case corpus.IntentSearch:
		if source != "" && q.Text != "" {
			return fmt.Sprintf("I found no passage about %s from %s.", q.Text, source)
		}
	}
	return corpus.NoteNoPassage
}

// Covering keeps the candidates that cover MinCoverage of the question.
func (r *Ranker) Covering(cands []*Candidate) []*Candidate {
	return slices.DeleteFunc(cands, func(c *Candidate) bool {
		cov, _ := r.Coverage(c)
		return cov < MinCoverage
	})
}

// MentioningAll keeps the candidates that mention every one of concepts.
func (r *Ranker) MentioningAll(cands []*Candidate, concepts []Concept) []*Candidate {
	return slices.DeleteFunc(cands, func(c *Candidate) bool {
		return slices.ContainsFunc(concepts, func(con Concept) bool { return !r.Mentions(c, con) })
	})
}

// roleNames reports whether a speaker's role answers for the name asked:
// the name's words are all in the role ("an eyewitness", "the police" for
// a police spokesman), or the body a role of three words or more names
// ("UN Human Rights" of "UN Human Rights Spokesperson") is all in the name.
func roleNames(role, name string) bool {
	rw := contentFields(role)
	nw := contentFields(name)
	if len(rw) == 0 || len(nw) == 0 {
		return false
	}
	in := func(words []string, w string) bool {
		return slices.ContainsFunc(words, func(x string) bool { return x == w || sameRoot(x, w) })
	}
	allIn := func(a, b []string) bool {
		return !slices.ContainsFunc(a, func(w string) bool { return !in(b, w) })
	}
	// The role less its last word, the position ("spokesperson", "head"),
	// names a body when it has two words or more: "UN Human Rights".
	if len(rw) > 2 && allIn(rw[:len(rw)-1], nw) {
		return true
	}
	return allIn(nw, rw)
}

// headNounIn reports whether a description's head noun, its last word
// ("villager" of "the amizmiz villager"), is a word of role ("28-year-old
// villager"): the kind of person asked about, though not every word.
func headNounIn(role, description string) bool {
	dw := contentFields(description)
	if len(dw) < 2 {
		return false // a single word is roleNames' to match
	}
	head := dw[len(dw)-1]
	return slices.ContainsFunc(contentFields(role), func(x string) bool { return x == head || sameRoot(x, head) })
}

// contentFields returns the lower-cased words of s less articles and
// prepositions.
func contentFields(s string) []string {
	return slices.DeleteFunc(text.Fields(strings.ToLower(s)), func(w string) bool { return questionArticles[w] || queryFiller[w] })
}

// onlyQuoted reports whether every occurrence of name in s stands inside
// quotation marks (“…” or "…").
func onlyQuoted(s, name string) bool {
	if name == "" {
		return false
	}
	found := false
	for i := text.IndexWord(s, name, 0); i >= 0; i = text.IndexWord(s, name, i+len(name)) {
		if !insideQuotes(s, i) {
			return false
		}
		found = true
	}
	return found
}

// insideQuotes reports whether byte offset i of s lies between an opening
// and a closing double quotation mark.
func insideQuotes(s string, i int) bool {
	open := false
	for _, r := range s[:i] {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}
