package index

// Who questions: the passages that name and describe a person or an
// organisation, across spellings.

import (
	"context"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/names"
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
	return nil, nil
}
