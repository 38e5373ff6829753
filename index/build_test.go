package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// article makes an article with the given paragraphs, hashed by content.
func article(id, title, source, published string, paragraphs ...string) corpus.Article {
	d, err := corpus.ParseDate(published)
	if err != nil {
		panic(err)
	}
	a := corpus.Article{ID: id, Path: id, Title: title, Source: source, Published: d}
	h := sha256.New()
	fmt.Fprintln(h, title, source, published)
	for i, p := range paragraphs {
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Number: i + 1, Text: p})
		fmt.Fprintln(h, p)
	}
	a.Hash = hex.EncodeToString(h.Sum(nil))
	return a
}

// testArticles is a small corpus written for these tests.
func testArticles() []corpus.Article {
	return []corpus.Article{
		article("harbour.md", "Storm floods the old harbour", "Coast Herald", "2024-11-02",
			"A storm surge flooded the old harbour overnight, the port authority said on Saturday.",
			"Fishermen hauled their boats onto the quay as the water rose above the sea wall.",
			"The mayor, Ines Varga, said repairs would take most of the winter."),
		article("mine.txt", "Rescuers reach trapped miners", "Valley Post", "2025-01-15",
			"Rescue teams reached 14 miners trapped underground after a tunnel collapse, officials said.",
			"All of the men were alive, according to the regional emergency service."),
		article("vote.txt", "Council approves new tram line", "City Ledger", "2025-03-20",
			"The city council approved a tram line linking the airport to the centre.",
			"Opponents said the budget of 300 million had been underestimated.",
			"Construction is due to begin next spring."),
	}
}

// countHits returns how many paragraphs of g match text in field.
func countHits(t *testing.T, g *generation, field bleveindex.Field, text string) uint64 {
	t.Helper()
	res, err := g.idx.Search(context.Background(), bleveindex.Request{Query: bleveindex.Match(field, text)})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	return res.Total
}

// docExists reports whether the document ID is in g.
func docExists(t *testing.T, g *generation, id string) bool {
	t.Helper()
	res, err := g.idx.Search(context.Background(), bleveindex.Request{Query: bleveindex.DocIDs(id)})
	if err != nil {
		t.Fatalf("doc id query: %v", err)
	}
	return res.Total == 1
}

func mustBuild(t *testing.T, dir string, articles []corpus.Article, full bool) BuildReport {
	t.Helper()
	rep, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard(), Full: full},
		load.Result{Articles: articles}, buildTuning{})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return rep
}

func mustOpen(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Open(context.Background(), dir, discard())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

func TestBuildOpenAndQuery(t *testing.T) {
	dir := t.TempDir()
	var progress []int
	rep, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard(),
		Progress: func(done, total int) { progress = append(progress, done) }},
		load.Result{Articles: testArticles(), Skipped: []corpus.Skipped{{Path: "junk.bin", Reason: "binary file"}}}, buildTuning{})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if rep.Articles != 3 || rep.Paragraphs != 8 || rep.Analysed != 3 || rep.Reused != 0 || len(rep.Skipped) != 1 {
		t.Errorf("report = %+v", rep)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 3 {
		t.Errorf("progress = %v, want to end at 3", progress)
	}
	// A fresh generation is merged down to one segment, with no leftovers.
	if zaps, _ := filepath.Glob(filepath.Join(dir, rep.Generation, bleveDir, "store", "*.zap")); len(zaps) != 1 {
		t.Errorf("segment files = %v, want 1", zaps)
	}
	e := mustOpen(t, dir)
	g, release := e.acquire()
	defer release()
	if g.name != rep.Generation {
		t.Errorf("serving %s, built %s", g.name, rep.Generation)
	}
	tests := []struct {
		field bleveindex.Field
		text  string
		want  uint64
	}{
		{bleveindex.FieldText, "flooding", 1}, // stemmed: "flooded"
		{bleveindex.FieldText, "miners emergency", 2},
		{bleveindex.FieldTitle, "tram", 1}, // the first paragraph carries the headline
		{bleveindex.FieldText, "volcano", 0},
	}
	for _, tc := range tests {
		if got := countHits(t, g, tc.field, tc.text); got != tc.want {
			t.Errorf("%s:%q hits = %d, want %d", tc.field, tc.text, got, tc.want)
		}
	}
	// Keyword and date fields filter.
	src := bleveindex.Term(bleveindex.FieldSource, "valley post")
	pub := bleveindex.DayRange(bleveindex.FieldPublished, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC))
	res, err := g.idx.Search(context.Background(), bleveindex.Request{Query: bleveindex.And(src, pub)})
	if err != nil || res.Total != 2 {
		t.Errorf("source+date filter: total %v, err %v; want 2", res, err)
	}
	sp, err := g.fetch(context.Background(), []string{bleveindex.DocID("vote.txt", 2)})
	if err != nil {
		t.Fatal(err)
	}
	got := sp[bleveindex.DocID("vote.txt", 2)]
	if got.Paragraph.Number != 2 || !strings.Contains(got.Paragraph.Text, "300 million") || got.Article.Title != "Council approves new tram line" || got.Article.Paragraphs != 3 {
		t.Errorf("stored paragraph = %+v", got)
	}

	st, err := e.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Paragraphs != 8 || len(st.Sources) != 3 || st.From.String() != "2024-11-02" || st.To.String() != "2025-03-20" || len(st.Skipped) != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestOpenWithoutIndex(t *testing.T) {
	_, err := Open(context.Background(), t.TempDir(), discard())
	if corpus.ErrorCode(err) != corpus.ENOTFOUND {
		t.Fatalf("Open of empty dir: %v, want ENOTFOUND", err)
	}
}

func TestIncrementalBuild(t *testing.T) {
	dir := t.TempDir()
	arts := testArticles()
	first := mustBuild(t, dir, arts, false)

	// Edit one article (fewer paragraphs), remove one, add one.
	changed := arts[2]
	changed = article(changed.ID, changed.Title, changed.Source, "2025-03-20",
		"The city council rejected the tram line after a long debate.")
	next := []corpus.Article{arts[0], changed,
		article("bridge.txt", "Bridge reopens", "Valley Post", "2025-04-01", "The suspension bridge reopened to traffic on Monday.")}
	rep := mustBuild(t, dir, next, false)
	if rep.Analysed != 2 || rep.Reused != 1 || rep.Removed != 1 || rep.Articles != 3 || rep.Paragraphs != 5 {
		t.Errorf("incremental report = %+v, want analysed 2, reused 1, removed 1", rep)
	}
	if rep.Generation == first.Generation {
		t.Errorf("no new generation")
	}

	e := mustOpen(t, dir)
	g, release := e.acquire()
	defer release()
	checks := []struct {
		id   string
		want bool
	}{
		{bleveindex.DocID("harbour.md", 3), true},
		{bleveindex.DocID("mine.txt", 1), false}, // removed article
		{bleveindex.DocID("vote.txt", 1), true},
		{bleveindex.DocID("vote.txt", 2), false}, // the edited article shrank
		{bleveindex.DocID("bridge.txt", 1), true},
	}
	for _, c := range checks {
		if got := docExists(t, g, c.id); got != c.want {
			t.Errorf("doc %s exists = %v, want %v", c.id, got, c.want)
		}
		sp, ok, err := g.store.get(c.id)
		if err != nil || ok != c.want || ok && bleveindex.DocID(sp.Article.ID, sp.Paragraph.Number) != c.id {
			t.Errorf("stored paragraph %s = %s#%d %v %v, want present %v", c.id, sp.Article.ID, sp.Paragraph.Number, ok, err, c.want)
		}
	}
	if sp, _, _ := g.store.get(bleveindex.DocID("vote.txt", 1)); !strings.Contains(sp.Paragraph.Text, "rejected") {
		t.Errorf("stored paragraph of the edited article = %q", sp.Paragraph.Text)
	}
	if n := countHits(t, g, bleveindex.FieldText, "rejected"); n != 1 {
		t.Errorf("new text hits = %d, want 1", n)
	}
	if n := countHits(t, g, bleveindex.FieldText, "approved"); n != 0 {
		t.Errorf("old text hits = %d, want 0", n)
	}
	if n := countHits(t, g, bleveindex.FieldText, "miners"); n != 0 {
		t.Errorf("removed article still found: %d hits", n)
	}
	tot, _, err := g.readTotals()
	if err != nil || tot.Articles != 3 || tot.Paragraphs != 5 {
		t.Errorf("manifest totals = %+v, %v", tot, err)
	}
	n := tot.Shards
	if recs, err := readShard(g.dir, shardOf("vote.txt", n), n); err != nil || recs["vote.txt"] == nil || recs["vote.txt"].Hash != changed.Hash {
		t.Errorf("manifest record of vote.txt: %v", err)
	}
	if recs, err := readShard(g.dir, shardOf("mine.txt", n), n); err != nil || recs["mine.txt"] != nil {
		t.Errorf("manifest record of the removed mine.txt: %v", err)
	}

	// Nothing changed: everything reused, the stored paragraphs copied.
	// Full: everything analysed.
	if rep := mustBuild(t, dir, next, false); rep.Analysed != 0 || rep.Reused != 3 {
		t.Errorf("unchanged rebuild = %+v", rep)
	}
	copied := mustOpen(t, dir)
	cg, crelease := copied.acquire()
	for _, a := range next {
		for n := 1; n <= len(a.Paragraphs)+1; n++ {
			sp, ok, err := cg.store.get(bleveindex.DocID(a.ID, n))
			want := n <= len(a.Paragraphs)
			if err != nil || ok != want || want && sp.Paragraph.Text != a.Paragraphs[n-1].Text {
				t.Errorf("copied paragraph %s = %q %v %v, want present %v", bleveindex.DocID(a.ID, n), sp.Paragraph.Text, ok, err, want)
			}
		}
	}
	crelease()
	// Engines closed, only the serving generation and the one before it
	// are kept (TestOpenGenerationIsKept: not so while one is open).
	release()
	_ = copied.Close()
	_ = e.Close()
	if rep := mustBuild(t, dir, next, true); rep.Analysed != 3 || rep.Reused != 0 {
		t.Errorf("full rebuild = %+v", rep)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
	if len(gens) != 2 {
		t.Errorf("generations on disk = %v, want 2", gens)
	}
}

func TestBuildAlreadyRunning(t *testing.T) {
	dir := t.TempDir()
	big := synth.Articles(3, 8000)
	done := make(chan error, 1)
	go func() {
		_, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: big}, buildTuning{})
		done <- err
	}()
	waitForTmp(t, dir, done)
	_, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: testArticles()}, buildTuning{})
	var ce *corpus.Error
	if !errors.As(err, &ce) || ce.Code != corpus.EINVALID || !strings.Contains(ce.Message, "already running") {
		t.Errorf("second build: %v, want EINVALID already running", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("first build: %v", err)
	}
	// The lock is free again.
	mustBuild(t, dir, testArticles(), false)
}

// waitForTmp waits until a build in dir has started writing a generation.
func waitForTmp(t *testing.T, dir string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"+tmpSuffix, "*")); len(m) > 0 {
			return
		}
		select {
		case err := <-done:
			t.Fatalf("build ended before it was observed writing: %v", err)
		case <-time.After(2 * time.Millisecond):
		}
	}
	t.Fatal("no build directory appeared")
}

func TestReloadUnderConcurrentQueries(t *testing.T) {
	dir := t.TempDir()
	versions := [][]corpus.Article{testArticles(), synth.Articles(7, 400), append(testArticles(), synth.Articles(8, 300)...)}
	mustBuild(t, dir, versions[0], false)
	e := mustOpen(t, dir)

	var (
		queries, failures atomic.Int64
		stop              = make(chan struct{})
		wg                sync.WaitGroup
		firstErr          atomic.Value
	)
	for w := range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				// The public path: question parsing, searches, stored
				// paragraphs and context fetched across the swap.
				question := []string{"what did the council say", "latest death toll", "who is Ghiath Dallah", "killed"}[w]
				res, err := e.Ask(context.Background(), question, AskOptions{Limit: 5})
				queries.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				} else if res.Answers == nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, "nil answers for "+question)
				}
			}
		})
	}
	seen := map[string]bool{}
	for i := range 6 {
		rep := mustBuild(t, dir, versions[i%len(versions)], i%2 == 1)
		if err := e.Reload(context.Background()); err != nil {
			t.Fatalf("Reload: %v", err)
		}
		g, release := e.acquire()
		if g.name != rep.Generation {
			t.Errorf("after reload serving %s, want %s", g.name, rep.Generation)
		}
		seen[g.name] = true
		release()
	}
	close(stop)
	wg.Wait()
	if failures.Load() != 0 {
		t.Fatalf("%d of %d queries failed; first: %v", failures.Load(), queries.Load(), firstErr.Load())
	}
	if len(seen) != 6 || queries.Load() == 0 {
		t.Errorf("generations served %d, queries %d", len(seen), queries.Load())
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if g, _ := e.acquire(); g != nil {
		t.Error("acquire after Close returned a generation")
	}
}

// killEnv names the index directory a helper process builds into.
const killEnv = "NEWSDESK_TEST_KILL_BUILD_DIR"

// TestHelperBuildProcess is not a test: TestBuildKilledMidway runs the
// test binary again with killEnv set, and this builds a large corpus in
// that process until it is killed.
func TestHelperBuildProcess(t *testing.T) {
	dir := os.Getenv(killEnv)
	if dir == "" {
		t.Skip("helper process for TestBuildKilledMidway")
	}
	_, err := buildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard(), Full: true},
		load.Result{Articles: synth.Articles(11, 60000)}, buildTuning{})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBuildKilledMidway(t *testing.T) {
	dir := t.TempDir()
	before := mustBuild(t, dir, testArticles(), false)
	e := mustOpen(t, dir)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildProcess$")
	cmd.Env = append(os.Environ(), killEnv+"="+dir)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitForTmp(t, dir, done)
	time.Sleep(300 * time.Millisecond) // let it get well into writing
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatal("helper build finished before it was killed; make its corpus bigger")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*"+tmpSuffix)); len(left) == 0 {
		t.Error("killed build left no partial generation (was it killed midway?)")
	}

	// The old generation still serves, in the running engine and a new one.
	name, _, err := readPointer(dir)
	if err != nil || name != before.Generation {
		t.Fatalf("CURRENT = %q (%v), want %s", name, err, before.Generation)
	}
	if err := e.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, eng := range []*Engine{e, mustOpen(t, dir)} {
		g, release := eng.acquire()
		if n := countHits(t, g, bleveindex.FieldText, "harbour"); n != 1 {
			t.Errorf("after kill: %d hits, want 1", n)
		}
		release()
	}

	// The next build succeeds (the lock died with the process) and cleans up.
	next := mustBuild(t, dir, append(testArticles(), article("x.txt", "Extra", "Valley Post", "2025-05-01", "A ferry ran aground.")), false)
	if next.Reused != 3 || next.Analysed != 1 {
		t.Errorf("build after kill = %+v", next)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*"+tmpSuffix)); len(left) != 0 {
		t.Errorf("leftovers after next build: %v", left)
	}
	if err := e.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	g, release := e.acquire()
	defer release()
	if n := countHits(t, g, bleveindex.FieldText, "ferry"); n != 1 {
		t.Errorf("new generation: %d hits for ferry, want 1", n)
	}
}

func TestStale(t *testing.T) {
	ctx := context.Background()
	corpusDir, indexDir := t.TempDir(), t.TempDir()
	if err := synth.WriteCorpus(corpusDir, synth.Articles(5, 40)); err != nil {
		t.Fatal(err)
	}
	stale, err := Stale(ctx, corpusDir, indexDir)
	if err != nil || !stale {
		t.Fatalf("no index: stale %v, %v; want true", stale, err)
	}
	rep, err := Build(ctx, BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir, Log: discard()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Paragraphs != 40 {
		t.Errorf("built %d paragraphs from the written corpus, want 40", rep.Paragraphs)
	}
	if stale, err := Stale(ctx, corpusDir, indexDir); err != nil || stale {
		t.Fatalf("fresh index: stale %v, %v; want false", stale, err)
	}
	path := filepath.Join(corpusDir, "extra.txt")
	if err := os.WriteFile(path, []byte("---\ntitle: Late news\n---\n\nA late paragraph about the harbour.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if stale, err := Stale(ctx, corpusDir, indexDir); err != nil || !stale {
		t.Fatalf("after adding a file: stale %v, %v; want true", stale, err)
	}
}
