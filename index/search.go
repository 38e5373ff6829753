package index

// Plain searches: one clause per weighted concept of the question, the
// candidates scored by how much of the question they cover.

import (
	"context"
	"strings"

	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

func (s *asker) search(ctx context.Context) ([]*rank.Candidate, error) {
	words := s.Question.Terms
	if len(words) == 0 {
		if !s.hasFilters(true) {
			return nil, nil
		}
		return s.find(ctx, bleveindex.All(), candidateCount,
			bleveindex.Descending(bleveindex.FieldPublished), bleveindex.Ascending(bleveindex.FieldNumber))
	}
	// One term query per word, by its stem: exact words cost little; only
	// a word the index lacks is looked up fuzzily, as a misspelling.
	s.Concepts = s.conceptsOf(ctx, words)
	if err := s.nameArticles(ctx); err != nil {
		return nil, err
	}
	kept, err := s.rerank(ctx, s.conceptQuery(words), s.Search)
	if err == nil && s.Question.Latest {
		rank.PreferRecent(kept)
		rank.Sort(kept)
	}
	return kept, err
}

// conceptQuery matches the question's concepts in the text, names and
// headline.
func (s *asker) conceptQuery(words []string) bleveindex.Query {
	var disj []bleveindex.Query
	// Without filters, clauses for stems the text lacks are left out: they
	// match nothing, and leaving them out scales every hit's score alike
	// (Bleve's coordination factor), so the ranking is the same. A filter's
	// score is added to the disjunction's, which would no longer be so.
	unfiltered := !s.hasFilters(true)
	for _, c := range s.Concepts {
		if !unfiltered || c.HasInText(0) {
			disj = append(disj, bleveindex.Term(bleveindex.FieldText, c.Stems[0]).Boost(c.Weight))
		}
		if c.Fuzzy || s.Capitalised(c.Word) {
			// A misspelt word, or a name in another spelling: "Dalla" is
			// also "Dallah".
			disj = append(disj, bleveindex.Fuzzy(bleveindex.FieldText, c.Stems[0]).Boost(0.7*c.Weight))
		}
		for i, st := range c.Stems[1:] {
			if unfiltered && !c.HasInText(i+1) {
				continue
			}
			disj = append(disj, bleveindex.Term(bleveindex.FieldText, st).Boost(0.5*c.Weight))
		}
		if c.Skeleton != "" {
			disj = append(disj, bleveindex.Term(bleveindex.FieldNames, c.Skeleton).Boost(0.9*c.Weight))
		}
	}
	title := bleveindex.Match(bleveindex.FieldTitle, strings.Join(words, " ")).Boost(0.5)
	return bleveindex.Or(append(disj, title)...)
}

// nameArticles finds, for each concept the question writes as a name,
// the articles that name it in some paragraph or the headline.
func (s *asker) nameArticles(ctx context.Context) error {
	for i := range s.Concepts {
		c := &s.Concepts[i]
		if !s.Capitalised(c.Word) || c.Docs == 0 || c.Docs > nameArticleLimit {
			// A name in many paragraphs is in most passages that answer;
			// reading them all would cost more than it brings.
			continue
		}
		ids, err := s.articlesWith(ctx, c.Word)
		if err != nil {
			return err
		}
		c.Articles = ids
	}
	return nil
}
