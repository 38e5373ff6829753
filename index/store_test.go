package index

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// TestStoreRejectsDamage checks that a paragraph store whose index does
// not describe its file is refused when opened, instead of failing (or
// panicking) on the first read.
func TestStoreRejectsDamage(t *testing.T) {
	dir := t.TempDir()
	rep := mustBuild(t, dir, testArticles(), false)
	gen := filepath.Join(dir, rep.Generation)
	s, err := openStore(gen)
	if err != nil {
		t.Fatalf("openStore of a fresh build: %v", err)
	}
	if _, ok, err := s.get(bleveindex.DocID("mine.txt", 2)); !ok || err != nil {
		t.Fatalf("get mine.txt#p2: ok %v, err %v", ok, err)
	}
	ix := s.ix
	_ = s.close()

	damaged := func(name string, change func(ix *storeIndex), file func(path string)) {
		t.Helper()
		d := t.TempDir()
		data, err := os.ReadFile(filepath.Join(gen, storeFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, storeFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
		c := storeIndex{Articles: map[string][2]int{}, Offsets: append([]int64(nil), ix.Offsets...)}
		for k, v := range ix.Articles {
			c.Articles[k] = v
		}
		if change != nil {
			change(&c)
		}
		if err := writeJSONFile(filepath.Join(d, storeIndexFile), c); err != nil {
			t.Fatal(err)
		}
		if file != nil {
			file(filepath.Join(d, storeFile))
		}
		if s, err := openStore(d); err == nil {
			_ = s.close()
			t.Errorf("%s: openStore accepted it", name)
		}
	}
	damaged("truncated file", nil, func(path string) {
		if err := os.Truncate(path, ix.Offsets[len(ix.Offsets)-1]/2); err != nil {
			t.Fatal(err)
		}
	})
	damaged("offsets going back", func(ix *storeIndex) { ix.Offsets[2] = ix.Offsets[1] - 1 }, nil)
	damaged("no offsets", func(ix *storeIndex) { ix.Offsets = nil }, nil)
	damaged("article past the records", func(ix *storeIndex) { ix.Articles["vote.txt"] = [2]int{5, 40} }, nil)
	damaged("negative record", func(ix *storeIndex) { ix.Articles["vote.txt"] = [2]int{-5, 1} }, nil)
}

// TestSearchByDateAlone checks that a search with a date bound and no
// words lists the paragraphs of the dates, newest first, for either bound.
func TestSearchByDateAlone(t *testing.T) {
	dir := t.TempDir()
	mustBuild(t, dir, testArticles(), false)
	e := mustOpen(t, dir)
	ctx := context.Background()
	day := func(s string) corpus.Date {
		d, err := corpus.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, opts := range []SearchOptions{
		{To: day("2024-12-31")},
		{From: day("2025-01-01"), To: day("2025-01-31")},
		{From: day("2025-03-01")},
	} {
		res, err := e.Search(ctx, opts)
		if err != nil {
			t.Fatalf("Search %+v: %v", opts, err)
		}
		if len(res.Answers) == 0 {
			t.Errorf("Search %+v: no answers", opts)
		}
		for _, a := range res.Answers {
			p := a.Article.Published
			if !opts.From.IsZero() && p.Before(opts.From.Time) || !opts.To.IsZero() && p.After(opts.To.Time) {
				t.Errorf("Search %+v: answer from %s", opts, p)
			}
		}
	}
}

func TestSplitDocID(t *testing.T) {
	for _, id := range []string{"a.md", "dir/x#p.md", "x#p#p3"} {
		a, n, ok := bleveindex.SplitDocID(bleveindex.DocID(id, 7))
		if !ok || a != id || n != 7 {
			t.Errorf("bleveindex.SplitDocID(bleveindex.DocID(%q, 7)) = %q, %d, %v", id, a, n, ok)
		}
	}
	for _, id := range []string{"a.md", "a.md#p", "a.md#p0", "a.md#px", "a.md#p-1", strings.Repeat("#p", 3)} {
		if _, _, ok := bleveindex.SplitDocID(id); ok {
			t.Errorf("bleveindex.SplitDocID(%q) accepted it", id)
		}
	}
}

// TestBuildRecoversFromDamagedStore checks that a build over a generation
// whose paragraph store is damaged analyses everything afresh instead of
// failing, and serves every paragraph again.
func TestBuildRecoversFromDamagedStore(t *testing.T) {
	dir := t.TempDir()
	rep := mustBuild(t, dir, testArticles(), false)
	if err := os.Truncate(filepath.Join(dir, rep.Generation, storeFile), 10); err != nil {
		t.Fatal(err)
	}
	rep2 := mustBuild(t, dir, testArticles(), false)
	if rep2.Reused != 0 || rep2.Analysed != len(testArticles()) {
		t.Errorf("build over a damaged store: reused %d, analysed %d; want 0 and %d", rep2.Reused, rep2.Analysed, len(testArticles()))
	}
	e := mustOpen(t, dir)
	g, release := e.acquire()
	defer release()
	for _, a := range testArticles() {
		for _, p := range a.Paragraphs {
			if _, ok, err := g.store.get(bleveindex.DocID(a.ID, p.Number)); !ok || err != nil {
				t.Errorf("paragraph %s: ok %v, err %v", bleveindex.DocID(a.ID, p.Number), ok, err)
			}
		}
	}
}

// TestParagraphRecordsAreJSON: the records paragraphRecords splices
// together are those json.Marshal makes of a storedParagraph.
func TestParagraphRecordsAreJSON(t *testing.T) {
	for _, a := range testArticles() {
		a.Title = `A <b>"quoted"</b> & escaped title`
		extract.Analyze(&a)
		recs, err := paragraphRecords(&a)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range a.Paragraphs {
			want, err := json.Marshal(storedParagraph{Article: refOf(&a), Paragraph: p})
			if err != nil {
				t.Fatal(err)
			}
			if string(recs[i]) != string(want) {
				t.Errorf("record of %s#%d:\n got %s\nwant %s", a.ID, p.Number, recs[i], want)
			}
		}
	}
}
