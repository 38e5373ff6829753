package bleveindex

import (
	"context"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// TermStats reads document frequencies of terms from one snapshot of an
// index. A zero TermStats (no reader) reports nothing. Close it after use.
type TermStats struct {
	ctx    context.Context
	reader index.IndexReader
	docs   uint64
}

// TermStats opens a snapshot for reading term statistics. On error the
// TermStats it returns reports nothing, so a question is still answered,
// only less well ranked.
func (ix *Index) TermStats(ctx context.Context) (TermStats, error) {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return TermStats{}, fmt.Errorf("term statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return TermStats{}, fmt.Errorf("term statistics: %w", err)
	}
	n, err := r.DocCount()
	if err != nil {
		_ = r.Close()
		return TermStats{}, fmt.Errorf("term statistics: %w", err)
	}
	return TermStats{ctx: ctx, reader: r, docs: n}, nil
}

// Lacks reports whether the text field certainly has no term: false when
// t cannot tell.
func (t TermStats) Lacks(term string) bool {
	n, known := t.termCount(FieldText, term)
	return known && n == 0
}

// Count returns the number of documents and how many of them hold term
// in the text field.
func (t TermStats) Count(term string) (docs, with uint64) {
	return t.countIn(FieldText, term)
}

// TitleCount returns how many documents hold term in the headline field.
func (t TermStats) TitleCount(term string) uint64 {
	_, n := t.countIn(FieldTitle, term)
	return n
}

// NameCount returns the number of documents and how many of them hold the
// skeleton key in the names field.
func (t TermStats) NameCount(key string) (docs, with uint64) {
	return t.countIn(FieldNames, key)
}

// countIn returns the number of documents and how many of them hold term
// in field.
func (t TermStats) countIn(field Field, term string) (uint64, uint64) {
	if t.reader == nil {
		return 0, 0
	}
	n, _ := t.termCount(field, term)
	return t.docs, n
}

// termCount returns how many documents hold term in field; known is false
// when t cannot tell (no snapshot, ctx ended, a read error), and n is 0.
func (t TermStats) termCount(field Field, term string) (n uint64, known bool) {
	if t.reader == nil || t.ctx.Err() != nil {
		return 0, false
	}
	tfr, err := t.reader.TermFieldReader(t.ctx, []byte(term), string(field), false, false, false)
	if err != nil {
		return 0, false
	}
	defer tfr.Close()
	return tfr.Count(), true
}

// FuzzyCount returns how many documents hold a term one or two edits from
// term (a misspelling of it) in the text field, using the field
// dictionary's automaton.
func (t TermStats) FuzzyCount(term string) uint64 {
	if len(term) < 5 {
		return 0
	}
	return t.fuzzyCount(term, Fuzziness(term))
}

// NearCount is FuzzyCount for words of four letters too, one edit away:
// "kurz" for "kurtz". It is for a word of a name whose other words the
// corpus has, where one letter more or less is a misspelling and not
// another word.
func (t TermStats) NearCount(term string) uint64 {
	if len(term) < 4 {
		return 0
	}
	return t.fuzzyCount(term, 1)
}

// fuzzyCount counts the documents of the terms fuzz edits from term.
func (t TermStats) fuzzyCount(term string, fuzz int) uint64 {
	if t.reader == nil {
		return 0
	}
	fuzzy, ok := t.reader.(index.IndexReaderFuzzy)
	if !ok {
		return 0
	}
	dict, err := fuzzy.FieldDictFuzzy(string(FieldText), term, fuzz, "")
	if err != nil {
		return 0
	}
	defer dict.Close()
	// Bleve's fuzzy dictionary leaves each entry's Count at 0 (it only
	// lists candidate terms), so each term's count is read on its own; a
	// few terms are enough to tell.
	var best uint64
	seen := 0
	for entry, err := dict.Next(); err == nil && entry != nil && t.ctx.Err() == nil && seen < maxFuzzyTerms; entry, err = dict.Next() {
		seen++
		if n, _ := t.termCount(FieldText, entry.Term); n > best {
			best = n
		}
	}
	return best
}

// Close releases the snapshot.
func (t TermStats) Close() {
	if t.reader != nil {
		_ = t.reader.Close()
	}
}

// maxFuzzyTerms bounds the terms FuzzyCount reads the counts of.
const maxFuzzyTerms = 16

// Fuzziness is how many edits a misspelt word may be from a real one:
// one for most words, two for long ones.
func Fuzziness(term string) int {
	if len(term) >= 9 {
		return 2
	}
	return 1
}
