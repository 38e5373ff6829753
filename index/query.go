package index

// The engine's searches: the question's filters added to a query, hits
// turned into candidates with their stored paragraphs, and the paragraphs
// shown with an answer.

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

// filtered adds the outlet and date filters to q.
func (s *asker) filtered(q bleveindex.Query) bleveindex.Query { return s.filteredBy(q, true) }

// filteredBy adds the outlet filter to q, and the date filters when dates
// is set.
func (s *asker) filteredBy(q bleveindex.Query, dates bool) bleveindex.Query {
	parts := []bleveindex.Query{q}
	if !s.hasFilters(dates) {
		return q
	}
	if s.f.source != "" {
		parts = append(parts, bleveindex.Term(bleveindex.FieldSource, s.f.source))
	}
	if dates && s.hasDates() {
		published := bleveindex.DayRange(bleveindex.FieldPublished, s.f.from.Time, s.f.to.Time)
		reported := bleveindex.DayRange(bleveindex.FieldReported, s.f.from.Time, s.f.to.Time)
		// A figure question's day may be the day a figure was reported;
		// otherwise a day means the day of publication.
		if s.Question.Intent == corpus.IntentFigure {
			parts = append(parts, bleveindex.Or(published, reported))
		} else {
			parts = append(parts, published)
		}
	}
	return bleveindex.And(parts...)
}

// hasDates reports whether the question has a date filter.
func (s *asker) hasDates() bool { return !s.f.from.IsZero() || !s.f.to.IsZero() }

// hasFilters reports whether filteredBy adds filters to a query: an
// outlet, or days when dates is set.
func (s *asker) hasFilters(dates bool) bool { return s.f.source != "" || dates && s.hasDates() }

// find runs q with the question's filters and decodes the stored
// paragraphs of its hits, the best first, or in the order of sort.
func (s *asker) find(ctx context.Context, q bleveindex.Query, size int, sort ...bleveindex.Order) ([]*rank.Candidate, error) {
	return s.findKnown(ctx, q, size, nil, sort...)
}

// findKnown is find, except that a hit in known is returned with its ID
// and score alone, its paragraph not read: the caller has it already.
func (s *asker) findKnown(ctx context.Context, q bleveindex.Query, size int, known map[string]*rank.Candidate, sort ...bleveindex.Order) ([]*rank.Candidate, error) {
	res, err := s.g.idx.Search(ctx, bleveindex.Request{Query: s.filtered(q), Size: size, Sort: sort, HitsOnly: true})
	if err != nil {
		return nil, err
	}
	return s.readKnown(res.Hits, known)
}

// readKnown returns the candidates of hits, in their order, decoding the
// stored paragraphs of those not in known (which get their ID and score
// alone); a damaged record's hit is skipped.
func (s *asker) readKnown(hits []bleveindex.Hit, known map[string]*rank.Candidate) ([]*rank.Candidate, error) {
	return s.candidatesOf(hits, s.g.readHits(hits, known), known)
}

// candidatesOf returns the candidates of hits, in their order, with the
// stored paragraphs read of those not in known (which get their ID and
// score alone); a damaged record's hit is skipped.
func (s *asker) candidatesOf(hits []bleveindex.Hit, read []storeRead, known map[string]*rank.Candidate) ([]*rank.Candidate, error) {
	out := make([]*rank.Candidate, 0, len(hits))
	for i, hit := range hits {
		if known[hit.ID] != nil {
			out = append(out, &rank.Candidate{ID: hit.ID, HitScore: hit.Score})
			continue
		}
		sp, ok, err := read[i].sp, read[i].ok, read[i].err
		switch {
		case errors.Is(err, errDamagedRecord):
			s.g.skipDamaged(err)
			continue
		case err != nil:
			return nil, err
		case !ok:
			s.g.skipDamaged(fmt.Errorf("%w: the paragraph store lacks %s, which the index has", errDamagedRecord, hit.ID))
			continue
		}
		out = append(out, &rank.Candidate{ID: hit.ID, HitScore: hit.Score, Article: sp.Article, Paragraph: sp.Paragraph})
	}
	return out, nil
}

// storeRead is the outcome of reading one paragraph from the store.
type storeRead struct {
	sp  storedParagraph
	ok  bool
	err error
}

// parallelReads is how many hits a search needs for their paragraphs to
// be read and decoded on every core.
const parallelReads = 16

// readHits reads the stored paragraphs of the hits not in known, in
// their order; decoding them is a good part of a question's time, so a
// long list is read on every core.
func (g *generation) readHits(hits []bleveindex.Hit, known map[string]*rank.Candidate) []storeRead {
	out := make([]storeRead, len(hits))
	read := func(i int) {
		if known[hits[i].ID] == nil {
			out[i].sp, out[i].ok, out[i].err = g.store.get(hits[i].ID)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(hits)/parallelReads)
	if workers < 2 {
		for i := range hits {
			read(i)
		}
		return out
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(hits); i += workers {
				read(i)
			}
		})
	}
	wg.Wait()
	return out
}

// rerank fetches the candidates q finds and returns those score accepts,
// best first; the others join the pool as rejected (asker.rejected).
func (s *asker) rerank(ctx context.Context, q bleveindex.Query, score rank.ScoreFunc) ([]*rank.Candidate, error) {
	cands, err := s.find(ctx, q, candidateCount)
	if err != nil {
		return nil, err
	}
	kept, rejected := rank.Rerank(cands, score)
	s.rejected = append(s.rejected, rejected...)
	return kept, nil
}

// anyMatch reports whether any paragraph matches q.
func (s *asker) anyMatch(ctx context.Context, q bleveindex.Query) (bool, error) {
	res, err := s.g.idx.Search(ctx, bleveindex.Request{Query: s.filtered(q)})
	if err != nil {
		return false, err
	}
	return res.Total > 0, nil
}

// articlesWith returns the articles that have word in a paragraph or the
// headline, reading at most nameArticleLimit paragraphs.
func (s *asker) articlesWith(ctx context.Context, word string) (map[string]bool, error) {
	q := bleveindex.Or(bleveindex.Match(bleveindex.FieldText, word), bleveindex.Match(bleveindex.FieldTitle, word))
	res, err := s.g.idx.Search(ctx, bleveindex.Request{Query: s.filtered(q), Size: nameArticleLimit})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", word, err)
	}
	ids := map[string]bool{}
	for _, hit := range res.Hits {
		if article, _, ok := bleveindex.SplitDocID(hit.ID); ok {
			ids[article] = true
		}
	}
	return ids, nil
}

// conceptsOf weighs the question's words into concepts with the current
// generation's term statistics.
func (s *asker) conceptsOf(ctx context.Context, words []string) []rank.Concept {
	df, err := s.g.idx.TermStats(ctx)
	if err != nil {
		s.log.Warn("ranking without term statistics", "err", err)
	}
	defer df.Close()
	return s.ConceptsOf(words, df)
}

// paragraph is store.get for a question: a damaged record is logged and
// skipped (ok is false), so that one bad record fails no question.
func (g *generation) paragraph(id string) (storedParagraph, bool, error) {
	sp, ok, err := g.store.get(id)
	if errors.Is(err, errDamagedRecord) {
		g.skipDamaged(err)
		return storedParagraph{}, false, nil
	}
	return sp, ok, err
}

// skipDamaged logs a damaged paragraph record that a question skips. The
// next `newsdesk index` analyses its article again.
func (g *generation) skipDamaged(err error) {
	g.log.Warn("skipping a damaged paragraph record; run `newsdesk index` to repair it", "generation", g.name, "err", err)
}

// fetch returns the stored paragraphs of the given document IDs that exist.
func (g *generation) fetch(ctx context.Context, ids []string) (map[string]storedParagraph, error) {
	out := map[string]storedParagraph{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp, ok, err := g.paragraph(id)
		if err != nil {
			return nil, fmt.Errorf("fetch paragraphs: %w", err)
		}
		if ok {
			out[id] = sp
		}
	}
	return out, nil
}

// fillContext loads the paragraphs around each candidate of a page: the
// one before when the candidate asks for it or describes its subject by
// reference to it, the one after when it carries on what the candidate
// says (rank.Continues).
func (s *asker) fillContext(ctx context.Context, page []*rank.Candidate) error {
	var ids []string
	for _, c := range page {
		if c.Paragraph.Number > 1 && (c.ContextBefore || c.Role != "") {
			ids = append(ids, bleveindex.DocID(c.Article.ID, c.Paragraph.Number-1))
		}
		if c.Paragraph.Number < c.Article.Paragraphs {
			ids = append(ids, bleveindex.DocID(c.Article.ID, c.Paragraph.Number+1))
		}
	}
	docs, err := s.g.fetch(ctx, ids)
	if err != nil {
		return err
	}
	for _, c := range page {
		if prev, ok := docs[bleveindex.DocID(c.Article.ID, c.Paragraph.Number-1)]; ok {
			s.WithContext(c, prev.Paragraph.Text)
		} else {
			c.ContextBefore = false
		}
		if next, ok := docs[bleveindex.DocID(c.Article.ID, c.Paragraph.Number+1)]; ok && rank.Continues(c.Paragraph, next.Paragraph) {
			c.Context = append(c.Context, next.Paragraph.Text)
			c.ContextAfter = true
		}
	}
	return nil
}
