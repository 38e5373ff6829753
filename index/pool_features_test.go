package index

import (
	"context"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/question"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// TestPoolFeaturesParallel checks that a pool's features computed on
// every core (poolFeatures, with forked Rankers) are those one Ranker
// computes, on the pools of questions of every intent.
func TestPoolFeaturesParallel(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := BuildFrom(ctx, BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: synth.Articles(1, 3000)}); err != nil {
		t.Fatal(err)
	}
	e, err := Open(ctx, dir, discard())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, q := range []string{"what did Charles Lister say", "who is Ghiath Dallah", "death toll in Aleppo", "clashes in Tartus", "latest death toll"} {
		s, release, err := e.newAsker(question.Parse(q), filters{})
		if err != nil {
			t.Fatal(err)
		}
		pool, err := s.ranked(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(pool) < 2*parallelFeatures {
			t.Errorf("%q: a pool of %d, too small to be split", q, len(pool))
		}
		s.Concepts = s.conceptsOf(ctx, s.Question.Terms) // as pool ranks them
		got := s.poolFeatures(pool)
		serial := s.Ranker.Fork(s.g.idx.Stemmer())
		ps := serial.PoolStats(pool)
		for i, c := range pool {
			if want := serial.Features(c, ps); got[i] != want {
				t.Errorf("%q, candidate %s: parallel features %v, one Ranker's %v", q, c.ID, got[i], want)
			}
		}
		release()
	}
}
