package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// rebuildEnv holds "corpusDir indexDir" for TestHelperRebuildProcess.
const rebuildEnv = "NEWSDESK_TEST_REBUILD"

// TestHelperRebuildProcess is not a test: TestReloadAcrossProcesses runs
// the test binary again with rebuildEnv set, and this builds the index
// once in that process, as `newsdesk index` does.
func TestHelperRebuildProcess(t *testing.T) {
	dirs := strings.Fields(os.Getenv(rebuildEnv))
	if len(dirs) != 2 {
		t.Skip("helper process for TestReloadAcrossProcesses")
	}
	if _, err := Build(context.Background(), BuildOptions{CorpusDir: dirs[0], IndexDir: dirs[1], Log: discard()}); err != nil {
		t.Fatal(err)
	}
}

// rebuildInChild builds the index of corpusDir in indexDir in another
// process.
func rebuildInChild(t *testing.T, corpusDir, indexDir string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRebuildProcess$")
	cmd.Env = append(os.Environ(), rebuildEnv+"="+corpusDir+" "+indexDir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build in another process: %v\n%s", err, out)
	}
}

// waitToServe waits until e serves the generation the pointer names, for
// at most 30 seconds (the engine looks every ReloadInterval).
func waitToServe(t *testing.T, e *Engine, dir string) {
	t.Helper()
	want, _, err := readPointer(dir)
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); e.serving() != want; {
		if time.Now().After(deadline) {
			t.Fatalf("after 30 s the engine serves %s, not the new generation %s", e.serving(), want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReloadAcrossProcesses checks that an open engine picks up a
// generation another process built, and that a generation an engine still
// has open is not deleted under it by the other process's builds, but is
// once closed.
func TestReloadAcrossProcesses(t *testing.T) {
	corpusDir, dir := t.TempDir(), t.TempDir()
	write := func(articles []corpus.Article) {
		t.Helper()
		if err := synth.WriteCorpus(corpusDir, articles); err != nil {
			t.Fatal(err)
		}
	}
	write(testArticles())
	rebuildInChild(t, corpusDir, dir)
	first, _, err := readPointer(dir)
	if err != nil {
		t.Fatal(err)
	}
	reader := mustOpen(t, dir)
	// holder's first generation stays open, as while a question is
	// answered from it, or in a process that has not reloaded yet.
	holder := mustOpen(t, dir)
	_, release := holder.acquire()
	defer release() // once only: also released below

	ctx := context.Background()
	if res, err := reader.Search(ctx, SearchOptions{Query: "ferry"}); err != nil || len(res.Answers) != 0 {
		t.Fatalf("before: %v, %d answers about the ferry", err, len(res.Answers))
	}
	write([]corpus.Article{article("ferry.txt", "Ferry aground", "Valley Post", "2025-05-01", "A ferry ran aground off the cape on Sunday.")})
	rebuildInChild(t, corpusDir, dir)
	waitToServe(t, reader, dir)
	res, err := reader.Search(ctx, SearchOptions{Query: "ferry"})
	if err != nil || len(res.Answers) != 1 || res.Answers[0].Article.ID != "ferry.txt" {
		t.Fatalf("after the other process's build: %v, answers %+v", err, res.Answers)
	}

	// Two more builds would delete the first generation: it is open.
	for i := range 2 {
		write([]corpus.Article{article("extra.txt", "Extra", "City Ledger", "2025-05-02", fmt.Sprintf("Edition %d went to print.", i))})
		rebuildInChild(t, corpusDir, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, first, manifestFile)); err != nil {
		t.Fatalf("the generation still open was deleted: %v", err)
	}
	waitToServe(t, reader, dir)
	waitToServe(t, holder, dir)
	release()
	write([]corpus.Article{article("extra.txt", "Extra", "City Ledger", "2025-05-02", "The last edition.")})
	rebuildInChild(t, corpusDir, dir)
	if _, err := os.Stat(filepath.Join(dir, first)); !os.IsNotExist(err) {
		t.Errorf("the first generation, closed, was not deleted: %v", err)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
	if len(gens) != 2 {
		// The new one, and the one before it, which the engines serve
		// until they next look at the pointer.
		t.Errorf("generations on disk = %v, want 2", gens)
	}
}
