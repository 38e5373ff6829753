package index

import (
	"bytes"
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/testlog"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// TestDamagedGeneration checks that a generation Bleve cannot open, or
// that opens without its documents, is reported as damaged with advice
// to run `newsdesk index`, that Bleve's own log lines go through slog,
// and that the next incremental build says so in one warning and builds
// afresh, after which questions are answered again.
func TestDamagedGeneration(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, gen string)
		// bleveSays is a line Bleve logs opening the damage; "" for none.
		bleveSays string
	}{
		{"truncated segment", func(t *testing.T, gen string) {
			zaps, _ := filepath.Glob(filepath.Join(gen, bleveDir, "store", "*.zap"))
			if len(zaps) == 0 {
				t.Fatal("no segment file")
			}
			for _, z := range zaps {
				if err := os.Truncate(z, 1000); err != nil {
					t.Fatal(err)
				}
			}
		}, "unable to load snapshot"},
		{"emptied root.bolt", func(t *testing.T, gen string) {
			if err := os.Truncate(filepath.Join(gen, bleveDir, "store", "root.bolt"), 0); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"missing index_meta.json", func(t *testing.T, gen string) {
			if err := os.Remove(filepath.Join(gen, bleveDir, "index_meta.json")); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"missing manifest", func(t *testing.T, gen string) {
			if err := os.Remove(filepath.Join(gen, manifestFile)); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"damaged summary", func(t *testing.T, gen string) {
			if err := os.WriteFile(filepath.Join(gen, summaryFile), []byte(`{"format":`), 0o644); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"pointer names no generation", func(t *testing.T, gen string) {
			if err := os.WriteFile(filepath.Join(filepath.Dir(gen), pointerFile), []byte("garbage\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs, logger := testlog.New()
			LogLibraryTo(logger)
			t.Cleanup(func() {
				LogLibraryTo(discard())
				log.SetOutput(os.Stderr)
				log.SetFlags(log.LstdFlags)
			})
			dir := t.TempDir()
			first := mustBuild(t, dir, testArticles(), false)
			tc.damage(t, filepath.Join(dir, first.Generation))

			_, err := Open(context.Background(), dir, logger)
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open: %v, want ErrDamaged", err)
			}
			if msg := corpus.ErrorMessage(err); !strings.Contains(msg, "is damaged: run `newsdesk index`") {
				t.Errorf("message for users = %q", msg)
			}
			if tc.bleveSays != "" && len(logs.Lines("level=DEBUG", "component=bleve", tc.bleveSays)) == 0 {
				t.Errorf("Bleve's %q is not a debug record of component bleve; logs:\n%s", tc.bleveSays, logs)
			}

			before := len(logs.Lines("level=WARN"))
			rep, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: logger}, load.Result{Articles: testArticles()}, buildTuning{})
			if err != nil {
				t.Fatalf("build over the damaged index: %v", err)
			}
			if rep.Reused != 0 || rep.Analysed != len(testArticles()) {
				t.Errorf("build over the damaged index: reused %d, analysed %d; want a fresh build", rep.Reused, rep.Analysed)
			}
			if warns := logs.Lines("level=WARN")[before:]; len(warns) != 1 || !strings.Contains(warns[0], "damaged") {
				t.Errorf("build warnings = %q, want one saying the index is damaged", warns)
			}
			e := mustOpen(t, dir)
			res, err := e.Search(context.Background(), SearchOptions{Query: "tram line"})
			if err != nil || len(res.Answers) == 0 {
				t.Fatalf("search after the rebuild: %v, %d answers", err, len(res.Answers))
			}
		})
	}
}

// damageRecord changes the record of paragraph n of article id in the
// store of generation gen in place, keeping its length.
func damageRecord(t *testing.T, gen, id string, n int, change func(rec []byte)) {
	t.Helper()
	s, err := openStore(gen)
	if err != nil {
		t.Fatal(err)
	}
	r := s.ix.Articles[id][0] + n - 1
	start, end := s.ix.Offsets[r], s.ix.Offsets[r+1]
	_ = s.close()
	path := filepath.Join(gen, storeFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	change(data[start : end-1]) // the newline stays
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedParagraphRecord checks that a damaged record in the
// paragraph store, whether it no longer reads as JSON or reads with a
// changed word, is skipped with a warning by the questions that reach it,
// and that the next incremental build analyses its article again rather
// than copy the record forward.
func TestDamagedParagraphRecord(t *testing.T) {
	notJSON := func(rec []byte) { copy(rec, bytes.Repeat([]byte{'#'}, len(rec))) }
	tests := []struct {
		name   string
		change func(rec []byte)
	}{
		{"not JSON", notJSON},
		{"a changed word", func(rec []byte) {
			i := bytes.Index(rec, []byte("miners"))
			copy(rec[i:], "minors")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			first := mustBuild(t, dir, testArticles(), false)
			damageRecord(t, filepath.Join(dir, first.Generation), "mine.txt", 1, tc.change)
			checkDamagedRecordSkipped(t, dir)
		})
	}
}

// checkDamagedRecordSkipped checks the index in dir, whose record of
// mine.txt#p1 is damaged, as TestDamagedParagraphRecord describes.
func checkDamagedRecordSkipped(t *testing.T, dir string) {
	t.Helper()
	logs, logger := testlog.New()
	e, err := Open(context.Background(), dir, logger)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer e.Close()
	ctx := context.Background()
	res, err := e.Search(ctx, SearchOptions{Query: "miners"})
	if err != nil {
		t.Fatalf("search reaching the damaged record: %v", err)
	}
	for _, a := range res.Answers {
		if a.Article.ID == "mine.txt" && a.Paragraph == 1 {
			t.Errorf("answered with the damaged paragraph: %q", a.Text)
		}
	}
	if len(logs.Lines("level=WARN", "damaged paragraph record", "mine.txt#p1")) == 0 {
		t.Errorf("no warning about the damaged record; logs:\n%s", logs)
	}
	if res, err := e.Ask(ctx, "were the men alive", AskOptions{}); err != nil || len(res.Answers) == 0 {
		t.Errorf("a question about the article's intact paragraph: %v, %d answers", err, len(res.Answers))
	}
	if _, err := e.Passage(ctx, "mine.txt", 2, 1); err != nil {
		t.Errorf("passage beside the damaged record: %v", err)
	}

	rep, err := buildFrom(ctx, BuildOptions{IndexDir: dir, Log: logger}, load.Result{Articles: testArticles()}, buildTuning{})
	if err != nil {
		t.Fatalf("incremental build: %v", err)
	}
	if rep.Analysed != 1 || rep.Reused != len(testArticles())-1 {
		t.Errorf("incremental build analysed %d, reused %d; want the damaged article analysed again", rep.Analysed, rep.Reused)
	}
	if err := e.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	g, release := e.acquire()
	defer release()
	for _, a := range testArticles() {
		for _, p := range a.Paragraphs {
			id := bleveindex.DocID(a.ID, p.Number)
			sp, ok, err := g.store.get(id)
			if err != nil || !ok || sp.Paragraph.Text != p.Text {
				t.Errorf("paragraph %s after the build: %q, %v, %v", id, sp.Paragraph.Text, ok, err)
			}
		}
	}
	if n := countHits(t, g, bleveindex.FieldText, "miners"); n != 1 {
		t.Errorf("hits for the article analysed again = %d, want 1", n)
	}
}

// TestReloadKeepsServingOverDamage checks that an engine whose pointer
// comes to name a damaged generation keeps serving the one it has.
func TestReloadKeepsServingOverDamage(t *testing.T) {
	dir := t.TempDir()
	mustBuild(t, dir, testArticles(), false)
	e := mustOpen(t, dir)
	next := mustBuild(t, dir, testArticles(), true)
	if err := os.Remove(filepath.Join(dir, next.Generation, bleveDir, "index_meta.json")); err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(context.Background()); !errors.Is(err, ErrDamaged) {
		t.Errorf("Reload onto a damaged generation: %v, want ErrDamaged", err)
	}
	if res, err := e.Search(context.Background(), SearchOptions{Query: "tram"}); err != nil || len(res.Answers) == 0 {
		t.Errorf("search after the failed reload: %v", err)
	}
}
