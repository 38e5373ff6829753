package index

// Who questions: the passages that name and describe a person or an
// organisation, across spellings.

import (
	"context"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

func (s *asker) who(ctx context.Context) ([]*rank.Candidate, error) {
	subject := strings.TrimPrefix(s.Question.Subject, "the ")
	kept, err := s.rerank(ctx, bleveindex.Name(subject), rank.About(subject))
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "who is SNHR": the organisation those initials spell, or a
	// well-known acronym's name ("what is MSF").
	for _, org := range append(s.ExpandAcronym(subject), names.KnownAcronym(subject)...) {
		if kept, err := s.rerank(ctx, bleveindex.Name(org), rank.About(org)); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	// "who is the French foreign minister": a person the corpus describes
	// so ("French Foreign Minister Catherine Colonna").
	if head := rank.RoleHead(subject); head != "" {
		inArticle, err := s.roleWordArticles(ctx, []string{subject})
		if err != nil {
			return nil, err
		}
		q := bleveindex.Or(bleveindex.Match(bleveindex.FieldText, head), bleveindex.Match(bleveindex.FieldText, subject))
		if kept, err := s.rerank(ctx, q, s.AboutRole(subject, inArticle)); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	// "who is george kurz": every word of the name as typed or a letter
	// away, for a name the corpus spells otherwise.
	if words := text.Fields(subject); len(words) > 1 {
		var every []bleveindex.Query
		for _, w := range words {
			q := bleveindex.Match(bleveindex.FieldText, w)
			if len(w) >= 4 {
				// Shorter words a letter away are too many other words
				// ("al" is "a", "an", "at"…) for a cheap query.
				q = bleveindex.Or(q, bleveindex.Fuzzy(bleveindex.FieldText, strings.ToLower(w)))
			}
			every = append(every, q)
		}
		return s.rerank(ctx, bleveindex.And(every...), rank.AboutNear(subject))
	}
	return nil, nil
}
