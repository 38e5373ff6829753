package index

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/corpus/testlog"
)

// writeAged writes the test articles as corpus files modified an hour
// ago, before any build lists them.
func writeAged(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.WriteCorpus(dir, testArticles()); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, a := range testArticles() {
		if err := os.Chtimes(filepath.Join(dir, a.Path), old, old); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// disguise replaces one word of a corpus file with another of the same
// length and restores its modification time: a change that its stamp
// does not show, so that what the index holds tells whether the build
// read the file.
func disguise(t *testing.T, path, word, other string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(word) != len(other) || !bytes.Contains(b, []byte(word)) {
		t.Fatalf("%s: cannot swap %q for %q", path, word, other)
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(b, []byte(word), []byte(other)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

func buildDir(t *testing.T, corpusDir, indexDir string) BuildReport {
	t.Helper()
	rep, err := Build(context.Background(), BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir, Log: discard()})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return rep
}

// TestIncrementalReadsOnlyChangedFiles: a build after one file changed
// reads that file alone; the others are carried over by their stamps.
func TestIncrementalReadsOnlyChangedFiles(t *testing.T) {
	corpusDir, indexDir := writeAged(t), t.TempDir()
	first := buildDir(t, corpusDir, indexDir)

	disguise(t, filepath.Join(corpusDir, "harbour.md"), "Fishermen", "Fisherwen")
	mine := filepath.Join(corpusDir, "mine.txt")
	b, err := os.ReadFile(mine)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, append(b, "\nThe last of the miners reached the surface at dawn.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := buildDir(t, corpusDir, indexDir)
	if rep.Analysed != 1 || rep.Reused != first.Articles-1 || rep.Articles != first.Articles || rep.Paragraphs != first.Paragraphs+1 {
		t.Errorf("report = %+v, want 1 analysed of %d articles, %d paragraphs", rep, first.Articles, first.Paragraphs+1)
	}
	e := mustOpen(t, indexDir)
	g, release := e.acquire()
	defer release()
	if n := countHits(t, g, "text", "dawn"); n != 1 {
		t.Errorf("the changed file's new paragraph: %d hits", n)
	}
	if n := countHits(t, g, "text", "fisherwen"); n != 0 {
		t.Errorf("a file whose stamp did not change was read again: %d hits", n)
	}
	res, err := e.Search(context.Background(), SearchOptions{Query: "fishermen boats quay"})
	if err != nil || len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "Fishermen") {
		t.Errorf("the carried-over article: %v %+v", err, res.Answers)
	}

	// --full reads everything.
	rep, err = Build(context.Background(), BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir, Log: discard(), Full: true})
	if err != nil || rep.Analysed != rep.Articles {
		t.Fatalf("full build: %+v, %v", rep, err)
	}
}

// TestIncrementalRereadsRacyFiles: a file modified about when the last
// build listed the corpus may have changed within the same tick of the
// clock; it is read again, not trusted by its stamp.
func TestIncrementalRereadsRacyFiles(t *testing.T) {
	corpusDir, indexDir := t.TempDir(), t.TempDir()
	if err := synth.WriteCorpus(corpusDir, testArticles()); err != nil {
		t.Fatal(err)
	}
	buildDir(t, corpusDir, indexDir)
	disguise(t, filepath.Join(corpusDir, "harbour.md"), "Fishermen", "Fisherwen")
	// The fingerprint does not see the change either: build anyway.
	rep := buildDir(t, corpusDir, indexDir)
	e := mustOpen(t, indexDir)
	g, release := e.acquire()
	defer release()
	if n := countHits(t, g, "text", "fisherwen"); n != 1 {
		t.Errorf("a file changed within the racy window was not read again: %d hits (report %+v)", n, rep)
	}
}

// TestIncrementalRereadsDamagedUnread: a damaged stored paragraph of an
// article whose file was not read (unchanged) is repaired by reading
// that file again.
func TestIncrementalRereadsDamagedUnread(t *testing.T) {
	corpusDir, indexDir := writeAged(t), t.TempDir()
	first := buildDir(t, corpusDir, indexDir)
	damageRecord(t, filepath.Join(indexDir, first.Generation), "mine.txt", 1, func(rec []byte) {
		copy(rec, bytes.Repeat([]byte{'#'}, len(rec)))
	})
	rep := buildDir(t, corpusDir, indexDir)
	if rep.Analysed != 1 || rep.Articles != first.Articles {
		t.Errorf("report = %+v, want the damaged article analysed again", rep)
	}
	e := mustOpen(t, indexDir)
	res, err := e.Search(context.Background(), SearchOptions{Query: "miners"})
	if err != nil || len(res.Answers) == 0 || res.Answers[0].Article.ID != "mine.txt" {
		t.Errorf("after the repair: %v %+v", err, res.Answers)
	}
}

// TestOlderFormatIsStale: a generation of the layout before summaries
// (no summary.json, a JSON manifest) is stale, not damaged, and the next
// build starts afresh from it without a warning.
func TestOlderFormatIsStale(t *testing.T) {
	corpusDir, indexDir := writeAged(t), t.TempDir()
	first := buildDir(t, corpusDir, indexDir)
	gen := filepath.Join(indexDir, first.Generation)
	if err := os.Remove(filepath.Join(gen, summaryFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(gen, manifestFile), filepath.Join(gen, legacyManifestFile)); err != nil {
		t.Fatal(err)
	}
	if stale, err := Stale(context.Background(), corpusDir, indexDir); !stale || err != nil {
		t.Fatalf("Stale = %v, %v; want true, nil", stale, err)
	}
	logs, logger := testlog.New()
	rep, err := Build(context.Background(), BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir, Log: logger})
	if err != nil || rep.Analysed != rep.Articles {
		t.Fatalf("build: %+v, %v", rep, err)
	}
	if w := logs.Lines("level=WARN"); len(w) > 0 {
		t.Errorf("warnings building over an older format: %v", w)
	}
}

// TestStoreSharedAcrossGenerations: an incremental build shares the
// previous generation's paragraph store (one file, linked) and appends
// what it analysed; the previous generation, still open, reads its own
// records as before. When less than half the file would be carried
// over, the build writes a new one.
func TestStoreSharedAcrossGenerations(t *testing.T) {
	dir := t.TempDir()
	arts := testArticles()
	first := mustBuild(t, dir, arts, false)
	old := mustOpen(t, dir)

	changed := article("mine.txt", "Rescuers reach trapped miners", "Valley Post", "2025-01-15",
		"Rescuers freed the last of the trapped miners before dawn on Thursday.")
	next := append([]corpus.Article{changed}, arts[:1]...)
	next = append(next, arts[2:]...)
	second := mustBuild(t, dir, next, false)
	a, errA := os.Stat(filepath.Join(dir, first.Generation, storeFile))
	b, errB := os.Stat(filepath.Join(dir, second.Generation, storeFile))
	if errA != nil || errB != nil || !os.SameFile(a, b) {
		t.Fatalf("the second generation's store is not the first's, shared: %v %v", errA, errB)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		e    *Engine
		want string
	}{{old, "Rescue teams reached"}, {mustOpen(t, dir), "before dawn"}} {
		res, err := tc.e.Search(ctx, SearchOptions{Query: "trapped miners"})
		if err != nil || len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, tc.want) {
			t.Errorf("want %q: %v %+v", tc.want, err, res.Answers)
		}
	}

	// Keep one article of three: most of the file would be gaps.
	third := mustBuild(t, dir, next[:1], false)
	c, err := os.Stat(filepath.Join(dir, third.Generation, storeFile))
	if err != nil || os.SameFile(b, c) {
		t.Errorf("a store mostly of gaps was shared, not written anew: %v", err)
	}
	res, err := mustOpen(t, dir).Search(ctx, SearchOptions{Query: "trapped miners"})
	if err != nil || len(res.Answers) != 1 || !strings.Contains(res.Answers[0].Text, "before dawn") {
		t.Errorf("after the new store: %v %+v", err, res.Answers)
	}
}

// TestIncrementalKeepsSkippedRecords: the bad records of a file that an
// incremental build does not read again are still reported, with their
// reasons.
func TestIncrementalKeepsSkippedRecords(t *testing.T) {
	corpusDir, indexDir := writeAged(t), t.TempDir()
	mixed := filepath.Join(corpusDir, "wire.jsonl")
	rec := `{"title": "Ferry aground", "published": "2025-05-01", "body": "A ferry ran aground off the cape on Sunday."}` + "\n" + `{"title": "No body"}` + "\n"
	if err := os.WriteFile(mixed, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(mixed, old, old); err != nil {
		t.Fatal(err)
	}
	first := buildDir(t, corpusDir, indexDir)
	if len(first.Skipped) != 1 || first.Skipped[0].Path != "wire.jsonl" {
		t.Fatalf("first build skipped %+v, want the bad record of wire.jsonl", first.Skipped)
	}
	disguise(t, filepath.Join(corpusDir, "harbour.md"), "Fishermen", "Fisherwen") // read nothing again
	mine := filepath.Join(corpusDir, "mine.txt")
	b, err := os.ReadFile(mine)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, append(b, "\nThe last of the miners reached the surface at dawn.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := buildDir(t, corpusDir, indexDir)
	if rep.Analysed != 1 || len(rep.Skipped) != 1 || rep.Skipped[0] != first.Skipped[0] {
		t.Errorf("report = %+v; want 1 analysed and the same skipped record %+v", rep, first.Skipped)
	}
}
