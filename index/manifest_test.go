package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/corpus/testlog"
)

// TestIncrementalManifestMatchesFresh: after incremental builds that
// change, remove and add article files, the manifest (totals, people
// directory, stats, summary, every article record) is the one a fresh
// build of the same corpus writes, though the incremental builds only
// subtract and add the articles that changed.
func TestIncrementalManifestMatchesFresh(t *testing.T) {
	corpusDir := t.TempDir()
	arts := synth.Articles(3, 600)
	if err := synth.WriteCorpus(corpusDir, arts); err != nil {
		t.Fatal(err)
	}
	age := func() {
		old := time.Now().Add(-time.Hour)
		err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				err = os.Chtimes(p, old, old)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	age()
	incDir := t.TempDir()
	buildDir(t, corpusDir, incDir)

	// Change the first article's file, remove the second's, add one.
	first := filepath.Join(corpusDir, arts[0].Path)
	b, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, append(b, "\nAhmad Khalil, a spokesman for the Red Crescent, said 12 people were wounded in Homs.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(corpusDir, arts[1].Path)); err != nil {
		t.Fatal(err)
	}
	extra := "---\ntitle: Ferry aground\nsource: Harbour Times\npublished: 2031-02-03\n---\n\nA ferry ran aground off the cape, said Mona Said of the coast guard.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "extra.md"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	age()
	rep := buildDir(t, corpusDir, incDir)
	if rep.Analysed != 2 || rep.Removed != 1 {
		t.Fatalf("incremental build = analysed %d, removed %d; want 2 and 1", rep.Analysed, rep.Removed)
	}
	freshDir := t.TempDir()
	buildDir(t, corpusDir, freshDir)

	inc, fresh := mustOpen(t, incDir), mustOpen(t, freshDir)
	ig, irelease := inc.acquire()
	defer irelease()
	fg, frelease := fresh.acquire()
	defer frelease()
	it, ipeople, err1 := ig.readTotals()
	ft, fpeople, err2 := fg.readTotals()
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	it.BuiltAt, it.ListedAt, ft.BuiltAt, ft.ListedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(it, ft) {
		t.Errorf("totals differ:\nincremental %+v\nfresh       %+v", *it, *ft)
	}
	if !reflect.DeepEqual(ipeople, fpeople) || len(fpeople) == 0 {
		t.Errorf("people differ: %d against %d", len(ipeople), len(fpeople))
	}
	is, fs := ig.summary, fg.summary
	is.BuiltAt, fs.BuiltAt = time.Time{}, time.Time{}
	if !reflect.DeepEqual(is, fs) {
		t.Errorf("summaries differ:\nincremental %+v\nfresh       %+v", is, fs)
	}
	for s := range ft.Shards {
		a, err1 := readShard(ig.dir, s, it.Shards)
		b, err2 := readShard(fg.dir, s, ft.Shards)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(a, b) {
			t.Fatalf("shard %d differs (%v, %v)", s, err1, err2)
		}
	}
	ist, err1 := inc.Stats(context.Background())
	fst, err2 := fresh.Stats(context.Background())
	ist.BuiltAt, fst.BuiltAt = time.Time{}, time.Time{}
	if err1 != nil || err2 != nil || !reflect.DeepEqual(ist, fst) {
		t.Errorf("stats differ (%v, %v):\n%+v\n%+v", err1, err2, ist, fst)
	}
}

// TestStoreTrustedUntilWritten: a build notes the paragraph store it
// leaves, and the note holds until something writes to the file, even at
// once after the build.
func TestStoreTrustedUntilWritten(t *testing.T) {
	dir := t.TempDir()
	rep := mustBuild(t, dir, testArticles(), false)
	if !storeTrusted(dir, rep.Generation) {
		t.Fatal("the store a build just wrote is not trusted")
	}
	path := filepath.Join(dir, rep.Generation, storeFile)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{'#'}, 3); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	if storeTrusted(dir, rep.Generation) {
		t.Error("a store written to after the build is still trusted")
	}
	next := mustBuild(t, dir, testArticles(), false)
	if next.Analysed != 1 || !storeTrusted(dir, next.Generation) {
		t.Errorf("the build after: analysed %d, trusted %v; want the damaged article analysed again and the store trusted",
			next.Analysed, storeTrusted(dir, next.Generation))
	}
}

// TestDamagedArticleRecords: a build over a generation one of whose
// shards of article records is missing, or does not read when the build
// needs it, says so in one warning and builds afresh.
func TestDamagedArticleRecords(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(path string) error
	}{
		{"missing shard", os.Remove},
		{"truncated shard", func(path string) error { return os.Truncate(path, 10) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			first := mustBuild(t, dir, testArticles(), false)
			gen := filepath.Join(dir, first.Generation)
			tot, err := readTotals(gen)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.damage(shardPath(gen, shardOf("mine.txt", tot.Shards))); err != nil {
				t.Fatal(err)
			}
			logs, logger := testlog.New()
			changed := testArticles()
			for i := range changed {
				if changed[i].ID == "mine.txt" {
					changed[i].Hash += "x" // its record is needed
				}
			}
			rep, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: logger}, load.Result{Articles: changed}, buildTuning{})
			if err != nil {
				t.Fatalf("build over the damaged records: %v", err)
			}
			if rep.Reused != 0 || rep.Analysed != len(changed) {
				t.Errorf("build: reused %d, analysed %d; want a fresh build", rep.Reused, rep.Analysed)
			}
			if warns := logs.Lines("level=WARN"); len(warns) != 1 || !strings.Contains(warns[0], "damaged") {
				t.Errorf("warnings = %q, want one saying the index is damaged", warns)
			}
			if res, err := mustOpen(t, dir).Search(context.Background(), SearchOptions{Query: "miners"}); err != nil || len(res.Answers) == 0 {
				t.Errorf("search after the rebuild: %v", err)
			}
		})
	}
}

// TestArticleRecordsReshard: when the corpus outgrows its shards of
// article records fourfold, a build writes them all again in more, and
// every record is where a fresh build puts it.
func TestArticleRecordsReshard(t *testing.T) {
	dir := t.TempDir()
	mustBuild(t, dir, testArticles(), false)
	grown := testArticles()
	for i := range 2100 {
		grown = append(grown, article(fmt.Sprintf("wire-%04d.txt", i), "Short item", "Wire", "2025-02-01",
			fmt.Sprintf("Item %d of the wire, filed on Saturday.", i)))
	}
	rep := mustBuild(t, dir, grown, false)
	if rep.Reused != len(testArticles()) {
		t.Fatalf("grown build reused %d, want %d", rep.Reused, len(testArticles()))
	}
	fresh := t.TempDir()
	mustBuild(t, fresh, grown, true)
	records := func(dir string) map[string]articleRecord {
		name, _, err := readPointer(dir)
		if err != nil {
			t.Fatal(err)
		}
		gen := filepath.Join(dir, name)
		tot, err := readTotals(gen)
		if err != nil || tot.Shards != shardsFor(len(grown)) {
			t.Fatalf("shards = %d (%v), want %d", tot.Shards, err, shardsFor(len(grown)))
		}
		out := map[string]articleRecord{}
		for s := range tot.Shards {
			recs, err := readShard(gen, s, tot.Shards)
			if err != nil {
				t.Fatal(err)
			}
			for id, r := range recs {
				out[id] = *r
			}
		}
		return out
	}
	if a, b := records(dir), records(fresh); len(a) != len(grown) || !reflect.DeepEqual(a, b) {
		t.Errorf("records after the reshard: %d, fresh %d, equal %v", len(a), len(b), reflect.DeepEqual(a, b))
	}
}
