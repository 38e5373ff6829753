package index

// Said questions: the passages that quote or cite someone.

import (
	"context"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

func (s *asker) said(ctx context.Context) ([]*rank.Candidate, error) {
	s.Concepts = s.conceptsOf(ctx, s.Question.Topic)
	kept, err := s.saidBySubject(ctx)
	if err != nil || len(kept) > 0 || len(s.Concepts) == 0 {
		return kept, err
	}
	// No passage of the speaker has a word of the topic: it is most often
	// paraphrased ("what did kurtz say when he apologised on tv" where the
	// report says he "said the company is deeply sorry" on NBC). The
	// speaker's passages are the answers; the ranking weighs the topic.
	s.Concepts = nil
	return s.saidBySubject(ctx)
}

// saidBySubject returns the passages that quote or cite the question's
// subject, by name, by the organisation its initials stand for, or by the
// description the corpus gives them.
func (s *asker) saidBySubject(ctx context.Context) ([]*rank.Candidate, error) {
	subject := strings.TrimPrefix(s.Question.Subject, "the ")
	kept, err := s.saidBy(ctx, []string{subject})
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "what did SNHR say": the organisations whose initials those are;
	// "what did the IDF say": what a well-known acronym stands for.
	for _, aliases := range [][]string{s.ExpandAcronym(subject), names.KnownAcronym(subject)} {
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
func (s *asker) saidBy(ctx context.Context, names []string) ([]*rank.Candidate, error) {
	var disj []bleveindex.Query
	for _, name := range names {
		disj = append(disj, bleveindex.Match(bleveindex.FieldSpeakers, name).Boost(3), bleveindex.Name(name))
		if head := rank.RoleHead(name); head != "" {
			// "the Benue governor": passages whose speaker is a governor.
			disj = append(disj, bleveindex.Match(bleveindex.FieldText, head))
		}
	}
	if len(s.Question.Topic) > 0 {
		disj = append(disj, bleveindex.Match(bleveindex.FieldText, strings.Join(s.Question.Topic, " ")))
	}
	inArticle, err := s.roleWordArticles(ctx, names)
	if err != nil {
		return nil, err
	}
	return s.rerank(ctx, bleveindex.Or(disj...), s.Said(names, inArticle))
}

// roleWordArticles returns a test of whether an article names a word of
// one of the descriptions among names ("Laghman" in "the governor of
// Laghman") in some paragraph or its headline. Only rare words are looked
// up, each once: a word in more paragraphs than a lookup reads is not
// worth one, and counts as absent.
func (s *asker) roleWordArticles(ctx context.Context, names []string) (func(word, articleID string) bool, error) {
	found := map[string]map[string]bool{}
	df, err := s.g.idx.TermStats(ctx)
	if err != nil {
		// Without statistics no word is looked up: the description's
		// words then count as absent, and the question is still answered.
		s.log.Warn("descriptions without term statistics", "err", err)
	}
	defer df.Close()
	for _, name := range names {
		for _, w := range rank.RoleWords(name) {
			if found[w] != nil {
				continue
			}
			stems := s.Stems.Terms(w)
			if len(stems) == 0 {
				continue
			}
			if _, n := df.Count(stems[0]); n == 0 || n > nameArticleLimit {
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

// describedAs returns the names of the people or organisations the corpus
// describes with every content word of role ("mayor of Tell Bireh").
func (s *asker) describedAs(ctx context.Context, role string) ([]string, error) {
	want := s.Stems.Terms(role)
	if len(want) == 0 {
		return nil, nil
	}
	cands, err := s.find(ctx, bleveindex.MatchEvery(bleveindex.FieldText, role), candidateCount)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, c := range cands {
		for _, n := range s.DescribedAs(c.Paragraph, want) {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return names, nil
}
