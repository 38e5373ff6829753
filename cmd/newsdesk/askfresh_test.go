package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/index"
)

// openedGenerations are the generations named by the "index opened" debug
// lines of stderr, in order.
func openedGenerations(stderr string) []string {
	var gens []string
	for _, m := range regexp.MustCompile(`msg="index opened" .*generation=(\S+)`).FindAllStringSubmatch(stderr, -1) {
		gens = append(gens, m[1])
	}
	return gens
}

// currentName is the name of the generation indexDir serves.
func currentName(t *testing.T, indexDir string) string {
	t.Helper()
	return filepath.Base(currentGeneration(t, indexDir))
}

// TestAskFreshIndexAnswersOnce checks that `ask` on an index that is up
// to date opens it once, answers once and rebuilds nothing, though the
// staleness check runs beside the answer, and that the logs held back
// meanwhile are written.
func TestAskFreshIndexAnswersOnce(t *testing.T) {
	c, _, indexDir := indexedCLI(t)
	before := currentName(t, indexDir)
	first, _, code := c.run(t, "ask", "who is Ilse Varnholt")
	if code != exitOK {
		t.Fatalf("ask: exit %d", code)
	}
	stdout, stderr, code := c.run(t, "ask", "--log-level", "debug", "who is Ilse Varnholt")
	if code != exitOK || !strings.Contains(stdout, "Ilse Varnholt") {
		t.Fatalf("ask: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if stdout != first {
		t.Errorf("answer with debug logs differs from the one without:\n%s\nwant\n%s", stdout, first)
	}
	if strings.Contains(stderr, "Indexing") || currentName(t, indexDir) != before {
		t.Errorf("a fresh index was rebuilt:\n%s", stderr)
	}
	if gens := openedGenerations(stderr); len(gens) != 1 || gens[0] != before {
		t.Errorf("index opened as %q, want once as %s; stderr:\n%s", gens, before, stderr)
	}
}

// TestAskStaleCorpusRebuiltThenAnswered checks that when the corpus
// changed, `ask` rebuilds the index and answers from the new one: the
// answer found in the old index meanwhile, and its logs, are dropped.
func TestAskStaleCorpusRebuiltThenAnswered(t *testing.T) {
	c, corpusDir, indexDir := indexedCLI(t)
	before := currentName(t, indexDir)
	late := "---\ntitle: Ferry aground off the cape\nsource: Coastal Herald\n---\n\n" +
		"Oskar Brennwald, the harbour master, said the ferry Marisol ran aground off the cape on Sunday.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "ferry.md"), []byte(late), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := c.run(t, "ask", "--log-level", "debug", "who is Oskar Brennwald")
	if code != exitOK {
		t.Fatalf("ask: exit %d\nstderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Ferry aground off the cape") || !strings.Contains(stdout, "ferry.md") {
		t.Errorf("answer is not from the rebuilt index:\n%s", stdout)
	}
	after := currentName(t, indexDir)
	if after == before {
		t.Fatalf("index not rebuilt; stderr:\n%s", stderr)
	}
	indexing, indexed := strings.Index(stderr, "Indexing "), strings.Index(stderr, "Indexed ")
	if indexing < 0 || indexed < indexing {
		t.Errorf("no Indexing … Indexed lines on stderr:\n%s", stderr)
	}
	// The old generation's opening was logged before the check ended,
	// and dropped with its answer.
	if gens := openedGenerations(stderr); len(gens) != 1 || gens[0] != after {
		t.Errorf("index opened as %q, want once as the new %s; stderr:\n%s", gens, after, stderr)
	}
	if open := strings.Index(stderr, `msg="index opened"`); open < indexed {
		t.Errorf("the index was opened before it was rebuilt; stderr:\n%s", stderr)
	}

	again, stderr, code := c.run(t, "ask", "who is Oskar Brennwald")
	if code != exitOK || again != stdout || strings.Contains(stderr, "Indexing") {
		t.Errorf("asking again: exit %d, stderr:\n%s\nstdout:\n%s\nwant the same answer, no rebuild", code, stderr, again)
	}
}

// TestHeldWriter checks that a heldWriter writes nothing until released,
// then what it held in order and everything after; and that once
// discarded it drops what it held but writes what comes after.
func TestHeldWriter(t *testing.T) {
	var out bytes.Buffer
	h := &heldWriter{w: &out}
	fmt.Fprint(h, "one ")
	fmt.Fprint(h, "two ")
	if out.Len() != 0 {
		t.Fatalf("wrote %q before release", out.String())
	}
	h.release()
	fmt.Fprint(h, "three")
	if got := out.String(); got != "one two three" {
		t.Errorf("released: %q, want %q", got, "one two three")
	}

	out.Reset()
	h = &heldWriter{w: &out}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { fmt.Fprint(h, "dropped ") })
	}
	wg.Wait()
	h.discard()
	fmt.Fprint(h, "kept")
	if got := out.String(); got != "kept" {
		t.Errorf("discarded: %q, want %q", got, "kept")
	}
}

// TestEarlyAnswerDroppedWhenStale checks the order the CLI tests leave
// to chance: the answer from the old index is complete, its logs held,
// when the check finds the corpus changed. Nothing of it reaches stderr;
// the index is rebuilt and the question answered from the new one.
func TestEarlyAnswerDroppedWhenStale(t *testing.T) {
	_, corpusDir, indexDir := indexedCLI(t)
	before := currentName(t, indexDir)
	late := "---\ntitle: Ferry aground off the cape\n---\n\nOskar Brennwald, the harbour master, said the ferry ran aground on Sunday.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "ferry.md"), []byte(late), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	s := &IO{Out: &out, ErrOut: &errOut}
	cfg := &Config{CorpusDir: corpusDir, IndexDir: indexDir, LogLevel: slog.LevelDebug, AskTimeout: 10 * time.Second}
	ctx := context.Background()

	early := startAnswer(ctx, s, cfg, "who is Oskar Brennwald", index.AskOptions{Limit: 3})
	old := <-early.done
	early.done <- old // as finish will find it
	if old.err != nil || old.e == nil {
		t.Fatalf("early answer: %v", old.err)
	}
	if errOut.Len() != 0 {
		t.Fatalf("early answer's logs written before the check ended:\n%s", errOut.String())
	}
	if len(early.held.buf) == 0 {
		t.Fatal("no logs held from the early answer (want its index opened line)")
	}
	stale, err := staleIndex(ctx, cfg)
	if err != nil || !stale {
		t.Fatalf("stale %v, %v: want the changed corpus stale", stale, err)
	}
	a := early.finish(ctx, s, stale, err)
	defer a.close()
	if a.err != nil {
		t.Fatal(a.err)
	}
	after := currentName(t, indexDir)
	if after == before {
		t.Fatal("index not rebuilt")
	}
	if len(a.res.Answers) == 0 || a.res.Answers[0].Article.Path != "ferry.md" {
		t.Errorf("answers %+v, want the new article first", a.res.Answers)
	}
	if gens := openedGenerations(errOut.String()); len(gens) != 1 || gens[0] != after {
		t.Errorf("index opened as %q, want once as the new %s; stderr:\n%s", gens, after, errOut.String())
	}
}
