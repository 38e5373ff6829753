package index

// Figure questions: the latest casualty figures per source.

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

func (s *asker) figures(ctx context.Context) ([]*rank.Candidate, error) {
	q := s.Question
	kinds := make([]bleveindex.Query, 0, len(q.Kinds))
	for _, k := range q.Kinds {
		kinds = append(kinds, bleveindex.Term(bleveindex.FieldWhat, k))
	}
	must := []bleveindex.Query{bleveindex.Or(kinds...)}
	if q.Place != "" {
		where, err := s.placeFilter(ctx, q.Place)
		if err != nil {
			return nil, err
		}
		must = append(must, where)
	}
	s.Concepts = s.conceptsOf(ctx, append(strings.Fields(q.Place), q.Topic...))
	topic := s.conceptsOf(ctx, q.Topic)
	if len(q.Topic) > 0 {
		// "soldiers killed in an ambush": only figures near the topic can
		// answer, so the search asks for it rather than sorting every
		// figure in the corpus by date and filtering afterwards.
		tq, err := s.topicQuery(ctx, topic)
		if err != nil {
			return nil, err
		}
		must = append(must, tq)
	}
	picks, err := s.countedFigures(ctx, must[:1])
	if err == nil && picks.Empty() {
		picks, err = s.latestFigures(ctx, must)
	}
	if err != nil {
		return nil, err
	}
	if picks.Empty() {
		return s.figuresBySearch(ctx, topic)
	}
	kept, notes := s.ChooseFigures(picks)
	s.notes = append(s.notes, notes...)
	return kept, nil
}

// countedFigures picks the figures of the kinds asked whose count is the
// number the question types, if it types one: the paragraphs of those
// kinds that have the number in their text, newest first.
func (s *asker) countedFigures(ctx context.Context, kinds []bleveindex.Query) (rank.Picks, error) {
	n := s.Question.Number
	if n == 0 {
		return rank.Picks{}, nil
	}
	written := bleveindex.Or(bleveindex.Match(bleveindex.FieldText, strconv.Itoa(n)), bleveindex.Match(bleveindex.FieldText, groupThousands(n)))
	cands, err := s.find(ctx, bleveindex.And(append(kinds, written)...), figureCandidateCount, bleveindex.Descending(bleveindex.FieldReported))
	if err != nil {
		return rank.Picks{}, err
	}
	return s.CountedFigures(cands), nil
}

// groupThousands writes n with commas: 1225 → "1,225".
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// placeFilter matches the paragraphs that answer for a place: those that
// name the place, or whose article does (a report from Wadi Safa need not
// repeat the town's name in every paragraph). It sets PlaceArticles.
func (s *asker) placeFilter(ctx context.Context, place string) (bleveindex.Query, error) {
	articles, err := s.articlesNaming(ctx, place)
	if err != nil {
		return bleveindex.Query{}, err
	}
	s.PlaceArticles = articles
	where := []bleveindex.Query{bleveindex.Place(place)}
	for id := range articles {
		where = append(where, bleveindex.Term(bleveindex.FieldArticle, id))
	}
	return bleveindex.Or(where...), nil
}

// latestFigures picks the latest figures among the paragraphs matching
// every one of must. Sorting every figure in a large corpus by date is
// the costly part: it looks in the last month first, then the last year,
// then everywhere.
func (s *asker) latestFigures(ctx context.Context, must []bleveindex.Query) (rank.Picks, error) {
	var picks rank.Picks
	for _, since := range s.figureWindows() {
		q := bleveindex.And(must...)
		if !since.IsZero() {
			q = bleveindex.And(q, bleveindex.DayRange(bleveindex.FieldReported, since, time.Time{}))
		}
		// The newest matches, unscored: the figures picked are the latest
		// anyway, and without scores Bleve intersects the posting lists as
		// bitmaps.
		order := bleveindex.Descending(bleveindex.FieldReported)
		if s.Question.Earliest {
			order = bleveindex.Ascending(bleveindex.FieldReported)
		}
		cands, err := s.find(ctx, q, figureCandidateCount, order)
		if err != nil {
			return rank.Picks{}, err
		}
		if len(s.Concepts) > 0 {
			// Figures about something else ("the earthquake" when the
			// corpus has floods, "clashes" elsewhere than Tripoli) do not answer.
			cands = s.Covering(cands)
		}
		picks = s.LatestFigures(cands, true)
		if picks.Empty() && s.Question.Who != "" {
			// Reports count groups in their own words ("workers" for
			// "protesters"): rather any figure of the kind than none.
			picks = s.LatestFigures(cands, false)
		}
		if !picks.Empty() {
			break
		}
	}
	return picks, nil
}

// figuresBySearch answers a figure question nothing counts as a plain
// search of its words, with passages about what it counts ("the floods in
// Pakistan": floods, not another disaster there); nothing when no
// passage names the place asked about.
func (s *asker) figuresBySearch(ctx context.Context, topic []rank.Concept) ([]*rank.Candidate, error) {
	if place := s.Question.Place; place != "" && len(s.PlaceArticles) == 0 {
		if named, err := s.anyMatch(ctx, bleveindex.Place(place)); err != nil || !named {
			return nil, err
		}
	}
	cands, err := s.search(ctx)
	if err != nil {
		return nil, err
	}
	return s.MentioningAll(cands, topic), nil
}

// topicQuery matches paragraphs holding any of the concepts' words or
// synonyms, in their text or their article's headline.
func (s *asker) topicQuery(ctx context.Context, concepts []rank.Concept) (bleveindex.Query, error) {
	var any, headline []bleveindex.Query
	for _, c := range concepts {
		for _, st := range c.Stems {
			any = append(any, bleveindex.Term(bleveindex.FieldText, st))
			headline = append(headline, bleveindex.Term(bleveindex.FieldTitle, st))
		}
		if c.Fuzzy {
			any = append(any, bleveindex.Fuzzy(bleveindex.FieldText, c.Stems[0]))
		}
	}
	if len(any) == 0 {
		return bleveindex.All(), nil
	}
	// The headline is indexed with each article's first paragraph: the
	// articles whose headline has the topic match with all their
	// paragraphs, all of them (one hit each), unscored.
	req := bleveindex.Request{Query: s.filteredBy(bleveindex.Or(headline...), false), Size: nameArticleLimit, Unscored: true}
	res, err := s.g.idx.Search(ctx, req)
	if err == nil && res.Total > uint64(len(res.Hits)) {
		req.Size = int(res.Total)
		res, err = s.g.idx.Search(ctx, req)
	}
	if err != nil {
		return bleveindex.Query{}, fmt.Errorf("search headlines: %w", err)
	}
	for _, hit := range res.Hits {
		if article, _, ok := bleveindex.SplitDocID(hit.ID); ok {
			any = append(any, bleveindex.Term(bleveindex.FieldArticle, article))
		}
	}
	return bleveindex.Or(any...), nil
}

// figureWindows are the successive "reported since" bounds a figure
// question searches: a month and a year back from the newest article,
// then no bound. A question with its own dates, or one asking for the
// first report, searches once.
func (s *asker) figureWindows() []time.Time {
	newest := s.g.summary.Newest
	if newest.IsZero() || !s.f.from.IsZero() || !s.f.to.IsZero() || s.Question.Earliest {
		return []time.Time{{}}
	}
	return []time.Time{newest.AddDate(0, -1, 0), newest.AddDate(-1, 0, 0), {}}
}

// articlesNaming returns the IDs of the articles about a place: those that
// name it in the headline or in the first two paragraphs (the dateline and
// the lede), not those that mention it in passing.
func (s *asker) articlesNaming(ctx context.Context, place string) (map[string]bool, error) {
	// Any day: the article about the place may be newer than the figure
	// asked about ("the 2019 outbreak" recalled in 2024).
	req := bleveindex.Request{Query: s.filteredBy(bleveindex.PlaceLede(place), false), Size: placeArticleLimit}
	res, err := s.g.idx.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search place: %w", err)
	}
	ids := map[string]bool{}
	for _, hit := range res.Hits {
		article, _, ok := bleveindex.SplitDocID(hit.ID)
		if !ok || ids[article] {
			continue
		}
		sp, ok, err := s.g.paragraph(hit.ID)
		if err != nil {
			return nil, err
		}
		if ok && rank.NamesPlace(sp.Article, sp.Paragraph, place) {
			ids[article] = true
		}
	}
	return ids, nil
}
