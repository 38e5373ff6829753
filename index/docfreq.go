package index

import (
	"context"
	"fmt"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// termStats reads document frequencies of text-field terms from one
// snapshot of a generation. A zero termStats (no reader) reports nothing.
type termStats struct {
	ctx    context.Context
	reader bleveindex.IndexReader
	docs   uint64
}

// docFreq opens a snapshot for reading term statistics; close it after
// use. On error the termStats it returns reports nothing, so a question
// is still answered, only less well ranked.
func (g *generation) docFreq(ctx context.Context) (termStats, error) {
	adv, err := g.idx.Advanced()
	if err != nil {
		return termStats{}, fmt.Errorf("term statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return termStats{}, fmt.Errorf("term statistics: %w", err)
	}
	n, err := r.DocCount()
	if err != nil {
		_ = r.Close()
		return termStats{}, fmt.Errorf("term statistics: %w", err)
	}
	return termStats{ctx: ctx, reader: r, docs: n}, nil
}

// lacks reports whether the text field certainly has no term: false when
// t cannot tell.
func (t termStats) lacks(term string) bool {
	n, known := t.termCount(fieldText, term)
	return known && n == 0
}

// count returns the number of documents and how many of them hold term
// in the text field.
func (t termStats) count(term string) (uint64, uint64) {
	return t.countIn(fieldText, term)
}

// countIn returns the number of documents and how many of them hold term
// in field.
func (t termStats) countIn(field, term string) (uint64, uint64) {
	if t.reader == nil {
		return 0, 0
	}
	n, _ := t.termCount(field, term)
	return t.docs, n
}

// termCount returns how many documents hold term in field; known is false
// when t cannot tell (no snapshot, ctx ended, a read error), and n is 0.
func (t termStats) termCount(field, term string) (n uint64, known bool) {
	if t.reader == nil || t.ctx.Err() != nil {
		return 0, false
	}
	tfr, err := t.reader.TermFieldReader(t.ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, false
	}
	defer tfr.Close()
	return tfr.Count(), true
}

// anyOf reports whether some document holds one of terms in the text field.
func (t termStats) anyOf(terms []string) bool {
	for _, term := range terms {
		if _, n := t.count(term); n > 0 {
			return true
		}
	}
	return false
}

// fuzzyCount returns how many documents hold a term one or two edits from
// term (a misspelling of it), using the field dictionary's automaton.
func (t termStats) fuzzyCount(term string) uint64 {
	if t.reader == nil || len(term) < 5 {
		return 0
	}
	fuzz := fuzzinessFor(term)
	fuzzy, ok := t.reader.(bleveindex.IndexReaderFuzzy)
	if !ok {
		return 0
	}
	dict, err := fuzzy.FieldDictFuzzy(fieldText, term, fuzz, "")
	if err != nil {
		return 0
	}
	defer dict.Close()
	var best uint64
	for entry, err := dict.Next(); err == nil && entry != nil && t.ctx.Err() == nil; entry, err = dict.Next() {
		best = max(best, entry.Count)
	}
	return best
}

func (t termStats) close() {
	if t.reader != nil {
		_ = t.reader.Close()
	}
}
