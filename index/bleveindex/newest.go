package bleveindex

// Newest first without sorting every match.
//
// A figure question wants the hundred newest paragraphs with figures of a
// kind, and at a million paragraphs tens of thousands match: Bleve reads
// each match's day from its doc values to sort them, which costs more
// than finding them. The newest hits all lie in the last days, so the
// search counts the matches, then looks in the newest days, as many as
// should hold the hits asked for, then in ever more days, until a window
// holds as many hits as asked; those are the hits the whole search
// would give, in the same order, since every match outside the window is
// older than every match in it (and ties keep the index's order).

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// windowGrowth is how many times more days each window holds than the
// one before; windowMin how many times the hits asked for must match for
// windows to be tried at all (each window is a search).
// windowDocs is how many documents an index needs for its sorted
// searches to run in windows: in a smaller one, sorting the matches costs
// less than the searches of the windows.
const (
	windowGrowth = 4
	windowMin    = 4
	windowDocs   = 200_000
)

// dayTerms lists, per day field, its days newest first: read once per
// index (an index is immutable once opened).
type dayTerms struct {
	mu    sync.Mutex
	terms map[Field][]string
}

// newest returns field's day terms, newest first.
func (ix *Index) newest(field Field) ([]string, error) {
	ix.days.mu.Lock()
	defer ix.days.mu.Unlock()
	if terms, ok := ix.days.terms[field]; ok {
		return terms, nil
	}
	dict, err := ix.idx.FieldDict(string(field))
	if err != nil {
		return nil, fmt.Errorf("days of %s: %w", field, err)
	}
	var terms []string
	for entry, err := dict.Next(); entry != nil || err != nil; entry, err = dict.Next() {
		if err != nil {
			_ = dict.Close()
			return nil, fmt.Errorf("days of %s: %w", field, err)
		}
		terms = append(terms, entry.Term)
	}
	if err := dict.Close(); err != nil {
		return nil, fmt.Errorf("days of %s: %w", field, err)
	}
	slices.Reverse(terms)
	if ix.days.terms == nil {
		ix.days.terms = map[Field][]string{}
	}
	ix.days.terms[field] = terms
	return terms, nil
}

// isDayField reports whether f holds days (dayTerm).
func isDayField(f Field) bool { return f == FieldPublished || f == FieldReported }

// searchNewest runs a request sorted newest first by a day field in
// windows of days, newest first, and returns the hits of the first window
// that holds r.Size of them, or of the whole search. ok is false when the
// request is not of that kind (then nothing ran).
func (ix *Index) searchNewest(ctx context.Context, r Request) (hits Hits, ok bool, err error) {
	if !r.HitsOnly || r.Size <= 0 || len(r.Sort) == 0 || !r.Sort[0].descending || !isDayField(r.Sort[0].field) {
		return Hits{}, false, nil
	}
	if n, err := ix.idx.DocCount(); err != nil || n < ix.windowDocs {
		return Hits{}, false, nil
	}
	field := r.Sort[0].field
	days, err := ix.newest(field)
	if err != nil {
		return Hits{}, true, err
	}
	// How many match tells whether windows are worth it, and how many
	// days the first should hold: twice its share of the days, were the
	// matches spread evenly over them.
	count, err := ix.search(ctx, Request{Query: r.Query, Unscored: true})
	if err != nil {
		return Hits{}, true, err
	}
	if count.Total < uint64(r.Size)*windowMin {
		res, err := ix.search(ctx, r)
		return res, true, err
	}
	first := max(1, int(uint64(2*len(days)*r.Size)/count.Total))
	for n := first; n < len(days); n *= windowGrowth {
		window := termRange(field, days[n-1], "")
		w := r
		w.Query = And(r.Query, window)
		res, err := ix.search(ctx, w)
		if err != nil {
			return Hits{}, true, err
		}
		if len(res.Hits) >= r.Size {
			return res, true, nil
		}
	}
	res, err := ix.search(ctx, r)
	return res, true, err
}
