package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// TestBuildCancelledMidway checks that a build whose context ends while an
// article is being analysed returns at once with the context's error
// wrapped, without waiting for that analysis, and leaves the serving
// generation, the pointer and the directory as they were.
func TestBuildCancelledMidway(t *testing.T) {
	for _, full := range []bool{true, false} {
		name := "incremental"
		if full {
			name = "fresh"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			before := mustBuild(t, dir, testArticles(), false)
			e := mustOpen(t, dir)

			// The slow article's analysis holds until the test lets it go,
			// like an analysis that takes minutes.
			slow := article("slow.txt", "A long wire", "Valley Post", "2025-06-01", "A ferry ran aground off the cape.")
			started, release := make(chan struct{}), make(chan struct{})
			defer close(release)
			tune := buildTuning{analyze: func(a *corpus.Article) {
				if a.ID == slow.ID {
					close(started)
					<-release
				}
				extract.Analyze(a)
			}}
			articles := append(synth.Articles(5, 300), testArticles()...)
			articles = append(articles, slow)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := buildFrom(ctx, BuildOptions{IndexDir: dir, Log: discard(), Full: full}, load.Result{Articles: articles}, tune)
				done <- err
			}()
			select {
			case <-started:
			case err := <-done:
				t.Fatalf("build ended before analysing the slow article: %v", err)
			}
			cancel()
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the cancelled build is still waiting for the article being analysed")
			}
			if !errors.Is(err, context.Canceled) || err == context.Canceled || !strings.Contains(err.Error(), "interrupted") {
				t.Errorf("cancelled build: %v, want context.Canceled wrapped with what was interrupted", err)
			}
			if name, _, err := readPointer(dir); err != nil || name != before.Generation {
				t.Errorf("CURRENT = %q (%v), want %s", name, err, before.Generation)
			}
			left, _ := filepath.Glob(filepath.Join(dir, "*"+tmpSuffix))
			gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
			if len(left) != 0 || len(gens) != 1 {
				t.Errorf("after the cancelled build: leftovers %v, generations %v", left, gens)
			}
			if b, err := os.ReadFile(filepath.Join(dir, pointerFile)); err != nil || strings.TrimSpace(string(b)) != before.Generation {
				t.Errorf("pointer file = %q, %v", b, err)
			}
			if res, err := e.Search(context.Background(), SearchOptions{Query: "tram"}); err != nil || len(res.Answers) == 0 {
				t.Errorf("the serving generation after the cancelled build: %v", err)
			}
		})
	}
}
