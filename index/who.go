package index

// Who questions: the passages that name and describe a person or an
// organisation, across spellings.

import (
	"context"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

func (s *asker) who(ctx context.Context) ([]*candidate, error) {
	subject := strings.TrimPrefix(s.q.Subject, "the ")
	kept, err := s.passagesAbout(ctx, subject)
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "who is SNHR": the organisation those initials spell, or a
	// well-known acronym's name ("what is MSF").
	for _, org := range append(s.expandAcronym(subject), names.KnownAcronym(subject)...) {
		if kept, err := s.passagesAbout(ctx, org); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	return nil, nil
}

// passagesAbout returns the passages naming subject across spellings,
// those that describe it first.
func (s *asker) passagesAbout(ctx context.Context, subject string) ([]*candidate, error) {
	return s.rerank(ctx, nameQuery(subject), func(c *candidate, relevance float64) (float64, bool) {
		m, score := bestMention(subject, c.sp.Paragraph)
		if score < nameThreshold {
			return 0, false
		}
		c.names = strings.Fields(m.Text)
		if m.Role != "" {
			c.role = m.Role
			score++
		}
		for _, other := range c.sp.Paragraph.Mentions {
			if other.Name == m.Name && definesName(c.sp.Paragraph.Text, other) {
				score++ // spelt out here: "… Service (NWS)"
				break
			}
		}
		return score + 0.2*relevance, true
	})
}

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

// nameQuery finds paragraphs naming someone, across spellings: the names
// field holds transliteration skeletons; the text field catches names the
// extractor missed.
func nameQuery(name string) query.Query {
	names := bleve.NewMatchQuery(name)
	names.SetField(fieldNames)
	names.SetBoost(3)
	// In the text, every word of the name: "Health Ministry" must not
	// fetch every passage about health.
	text := bleve.NewMatchQuery(name)
	text.SetField(fieldText)
	text.SetOperator(query.MatchQueryOperatorAnd)
	return bleve.NewDisjunctionQuery(names, text)
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
