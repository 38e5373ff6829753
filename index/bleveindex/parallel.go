package bleveindex

// A scored search split across the cores.
//
// At a million paragraphs a question's disjunction of words matches
// hundreds of thousands of them, and Bleve scores every match on one
// core. The documents are numbered in one sequence across the index's
// segments, so the search is run once per part of that sequence, the
// parts at once, each keeping its best hits; the parts' hits, merged by
// score, are the whole search's: a document's score does not depend on
// the part it is searched in (the term statistics are the index's), and
// of equal scores Bleve keeps the earlier document, which the merge does
// too.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Splitting a search costs more work in all: each part opens the
// clauses' posting lists and expands their fuzzy words again, a fifth
// more CPU a question at 100,000 paragraphs, where the posting lists are
// short; at a million their scoring dominates and the split pays.
const (
	splitDocs = 200_000 // documents an index needs for its searches to be split
	maxParts  = 4
)

// parts returns how many parts a scored search of r is split into: 1 for
// a small index, a sorted or unscored search, or a single core.
func (ix *Index) parts(r Request) int {
	if r.Size <= 0 || len(r.Sort) > 0 || r.Unscored {
		return 1
	}
	n, err := ix.idx.DocCount()
	if err != nil || n < ix.splitDocs {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), maxParts)
}

// searchSplit runs a scored search in parts, one per range of document
// numbers, at once, and merges their hits.
func (ix *Index) searchSplit(ctx context.Context, r Request, parts int) (Hits, error) {
	docs, err := ix.idx.DocCount()
	if err != nil {
		return Hits{}, err
	}
	results := make([]*bleve.SearchResult, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := docs*uint64(p)/uint64(parts), docs*uint64(p+1)/uint64(parts)
		if p == parts-1 {
			hi = math.MaxUint64
		}
		wg.Go(func() {
			req := bleve.NewSearchRequestOptions(&docRange{q: r.Query.q, lo: lo, hi: hi}, r.Size, 0, false)
			results[p], errs[p] = ix.idx.SearchInContext(ctx, req)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Hits{}, fmt.Errorf("search index: %w", err)
	}
	return mergeParts(results, r.Size), nil
}

// mergeParts joins the hits of the parts, best first, of equal scores
// the earlier part's first (its documents come first), keeping size.
func mergeParts(results []*bleve.SearchResult, size int) Hits {
	type ranked struct {
		hit  Hit
		part int
		rank int
	}
	var all []ranked
	var out Hits
	for p, res := range results {
		out.Total += res.Total
		for i, h := range res.Hits {
			all = append(all, ranked{Hit{ID: h.ID, Score: h.Score}, p, i})
		}
	}
	slices.SortFunc(all, func(a, b ranked) int {
		switch {
		case a.hit.Score > b.hit.Score:
			return -1
		case a.hit.Score < b.hit.Score:
			return 1
		case a.part != b.part:
			return a.part - b.part
		}
		return a.rank - b.rank
	})
	out.Hits = make([]Hit, 0, min(size, len(all)))
	for _, a := range all[:min(size, len(all))] {
		out.Hits = append(out.Hits, a.hit)
	}
	return out
}

// docRange matches what q matches among documents numbered lo to hi,
// hi excluded, scored as q scores them.
type docRange struct {
	q      query.Query
	lo, hi uint64
}

// Searcher is q's searcher, limited to the range.
func (d *docRange) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := d.q.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	return &rangeSearcher{Searcher: s, lo: index.NewIndexInternalID(nil, d.lo), hi: d.hi}, nil
}

// rangeSearcher returns its searcher's documents from lo on, up to hi.
type rangeSearcher struct {
	search.Searcher
	lo      index.IndexInternalID
	hi      uint64
	started bool
}

// Next returns the next document in the range.
func (s *rangeSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		return s.Advance(ctx, s.lo)
	}
	d, err := s.Searcher.Next(ctx)
	return s.within(ctx, d, err)
}

// Advance returns the first document in the range from id on.
func (s *rangeSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if id.Compare(s.lo) < 0 {
		id = s.lo
	}
	s.started = true
	d, err := s.Searcher.Advance(ctx, id)
	return s.within(ctx, d, err)
}

// within returns d, or nil when it lies past the range.
func (s *rangeSearcher) within(ctx *search.SearchContext, d *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if err != nil || d == nil {
		return nil, err
	}
	if d.IndexInternalID.Value() >= s.hi {
		ctx.DocumentMatchPool.Put(d)
		return nil, nil
	}
	return d, nil
}
