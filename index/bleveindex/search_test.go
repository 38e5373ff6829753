package bleveindex

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/synth"
)

// testIndex builds an index of n synthetic paragraphs and opens it.
func testIndex(t *testing.T, n int) *Index {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bleve")
	w, err := Create(path, WriterOptions{BatchSize: 500, Writers: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBuilder(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range synth.Articles(7, n) {
		for _, d := range b.Documents(&a) {
			if err := w.Index(d); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// sameHits fails the test unless got and want hold the same hits with the
// same scores, in the same order.
func sameHits(t *testing.T, name string, got, want Hits) {
	t.Helper()
	if len(got.Hits) != len(want.Hits) {
		t.Fatalf("%s: %d hits, want %d", name, len(got.Hits), len(want.Hits))
	}
	for i := range got.Hits {
		if got.Hits[i] != want.Hits[i] {
			t.Fatalf("%s: hit %d is %+v, want %+v", name, i, got.Hits[i], want.Hits[i])
		}
	}
}

// TestSearchSplitMatchesWhole checks that a scored search split into
// ranges of documents gives the whole search's hits, scores and total.
func TestSearchSplitMatchesWhole(t *testing.T) {
	ix := testIndex(t, 3000)
	ctx := context.Background()
	queries := map[string]Query{
		"terms": Or(Term(FieldText, "attack"), Term(FieldText, "kill").Boost(2), Term(FieldTitle, "attack").Boost(0.5)),
		"match": Or(Match(FieldText, "civilians killed in the attack"), Match(FieldNames, "Ghiath Dallah").Boost(3)),
		"name":  Name("Leila Khoury"),
		"and":   And(Or(Term(FieldText, "attack"), Term(FieldText, "clash")), Match(FieldText, "civilians")),
		"one":   Term(FieldText, "ceasefir"),
		"none":  Term(FieldText, "zzzz"),
	}
	for name, q := range queries {
		for _, size := range []int{1, 3, 50, 5000} {
			r := Request{Query: q, Size: size}
			want, err := ix.search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			for parts := 2; parts <= 4; parts++ {
				got, err := ix.searchSplit(ctx, r, parts)
				if err != nil {
					t.Fatal(err)
				}
				sameHits(t, name, got, want)
				if got.Total != want.Total {
					t.Errorf("%s: total %d, want %d", name, got.Total, want.Total)
				}
			}
		}
	}
	if n := ix.parts(Request{Query: queries["one"], Size: 10}); n != 1 {
		t.Errorf("a small index splits its searches in %d parts", n)
	}
	ix.splitDocs = 0
	if n := ix.parts(Request{Query: queries["one"], Size: 10, Sort: []Order{Descending(FieldPublished)}}); n != 1 {
		t.Errorf("a sorted search is split in %d parts", n)
	}
}

// TestSearchNewestMatchesSort checks that a search sorted newest first,
// run in windows of days, gives the hits of the whole sorted search.
func TestSearchNewestMatchesSort(t *testing.T) {
	ix := testIndex(t, 3000)
	ix.windowDocs = 0
	ctx := context.Background()
	sorts := [][]Order{
		{Descending(FieldPublished)},
		{Descending(FieldPublished), Ascending(FieldNumber)},
	}
	for _, q := range []Query{All(), Term(FieldText, "attack"), Match(FieldText, "ceasefire talks")} {
		for _, sort := range sorts {
			for _, size := range []int{1, 10, 100, 5000} {
				r := Request{Query: q, Size: size, Sort: sort, HitsOnly: true}
				want, err := ix.search(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				got, ok, err := ix.searchNewest(ctx, r)
				if err != nil || !ok {
					t.Fatalf("searchNewest: %v, %v", ok, err)
				}
				sameHits(t, "newest", got, want)
			}
		}
	}
	if _, ok, _ := ix.searchNewest(ctx, Request{Query: All(), Size: 10, Sort: sorts[0]}); ok {
		t.Error("a search that wants its total ran in windows")
	}
}
