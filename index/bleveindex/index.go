// Package bleveindex is newsdesk's one door to Bleve: the index mapping
// and its analyzers, the documents a build writes, batch writing, term
// statistics, the query shapes questions need, searching and stemming.
// No other package imports anything of github.com/blevesearch.
//
// The engine (package index) speaks to it in its own terms: a Query is
// an opaque value made by the constructors of query.go, a search returns
// hits as document IDs (DocID) and scores, and a Writer takes the
// Documents a Builder makes of analysed articles.
package bleveindex

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// Index is an index opened for searching. It is safe for concurrent use.
type Index struct {
	idx bleve.Index
	// days caches the day fields' terms for newest-first searches.
	days dayTerms
	// splitDocs is how many documents the index needs for its scored
	// searches to be split across the cores (splitDocs by default).
	splitDocs uint64
	// windowDocs is how many documents it needs for its newest-first
	// searches to run in windows (windowDocs by default).
	windowDocs uint64
}

// Open opens the index at path read-only.
func Open(path string) (*Index, error) {
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, err
	}
	return &Index{idx: idx, splitDocs: splitDocs, windowDocs: windowDocs}, nil
}

// Close closes the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// DocCount returns how many documents the index holds.
func (ix *Index) DocCount() (uint64, error) {
	n, err := ix.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// Hit is one document a search found.
type Hit struct {
	ID    string // DocID of the paragraph
	Score float64
}

// Hits are the documents a search found, best first (or in the order
// asked), and how many match in all.
type Hits struct {
	Total uint64
	Hits  []Hit
}

// Order sorts search hits by a keyword field.
type Order struct {
	field      Field
	descending bool
}

// Ascending sorts by field, lowest first.
func Ascending(f Field) Order { return Order{field: f} }

// Descending sorts by field, highest first.
func Descending(f Field) Order { return Order{field: f, descending: true} }

// String is the order as Bleve writes it: "-reported", "number".
func (o Order) String() string {
	if o.descending {
		return "-" + string(o.field)
	}
	return string(o.field)
}

// Request is one search.
type Request struct {
	Query Query
	// Size is how many hits to return; 0 only counts them.
	Size int
	// Sort orders the hits; by score when empty. A sort skips scoring,
	// which lets Bleve intersect posting lists as bitmaps.
	Sort []Order
	// Unscored skips scoring without a sort.
	Unscored bool
	// HitsOnly is set when only the hits are wanted: Total may then
	// count only the matches a faster search looked at (newest.go).
	HitsOnly bool
}

// Search runs a request. A search sorted newest first looks in the
// newest days first (newest.go); a scored search of a large index is
// split across the cores (parallel.go). Both give the hits the plain
// search gives.
func (ix *Index) Search(ctx context.Context, r Request) (Hits, error) {
	if res, ok, err := ix.searchNewest(ctx, r); ok {
		return res, err
	}
	if parts := ix.parts(r); parts > 1 {
		return ix.searchSplit(ctx, r, parts)
	}
	return ix.search(ctx, r)
}

// search runs a request as one Bleve search.
func (ix *Index) search(ctx context.Context, r Request) (Hits, error) {
	req := bleve.NewSearchRequestOptions(r.Query.q, r.Size, 0, false)
	if len(r.Sort) > 0 {
		by := make([]string, len(r.Sort))
		for i, o := range r.Sort {
			by[i] = o.String()
		}
		req.SortBy(by)
	}
	if len(r.Sort) > 0 || r.Unscored {
		req.Score = "none"
	}
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return Hits{}, fmt.Errorf("search index: %w", err)
	}
	out := Hits{Total: res.Total, Hits: make([]Hit, len(res.Hits))}
	for i, h := range res.Hits {
		out.Hits[i] = Hit{ID: h.ID, Score: h.Score}
	}
	return out, nil
}
