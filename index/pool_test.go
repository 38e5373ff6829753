package index_test

import (
	"context"
	"testing"

	"github.com/newsdesk/newsdesk/index/rank"
)

// TestPool checks the pool a question is ranked from: the strategy's
// candidates and the plain search's, each with its features, best first
// by the model, nothing refused.
func TestPool(t *testing.T) {
	e := openTestEngine(t)
	ctx := context.Background()
	entries, refused, err := e.Pool(ctx, "latest death toll")
	if err != nil || refused {
		t.Fatalf("Pool: %v, refused %v", err, refused)
	}
	if len(entries) < 2 {
		t.Fatalf("Pool gave %d candidates, want the strategy's and the plain search's", len(entries))
	}
	accepted, plain := 0, 0
	for i, en := range entries {
		if en.Features[rank.FeatureAccepted] > 0 {
			accepted++
		}
		if en.Features[rank.FeaturePlainRank] > 0 {
			plain++
		}
		if i > 0 && en.Answer.Score > entries[i-1].Answer.Score {
			t.Errorf("entry %d scores %v, above the one before (%v): the pool must be best first", i, en.Answer.Score, entries[i-1].Answer.Score)
		}
	}
	if accepted == 0 || plain == 0 {
		t.Errorf("pool has %d accepted and %d plain-search candidates, want some of each", accepted, plain)
	}

	res := ask(t, e, "latest death toll")
	if len(res.Answers) == 0 || res.Answers[0].Article.ID != entries[0].Answer.Article.ID || res.Answers[0].Paragraph != entries[0].Answer.Paragraph {
		t.Errorf("Ask's first answer is not the pool's first")
	}

	entries, _, err = e.Pool(ctx, "clashes on the coast")
	if err != nil || len(entries) == 0 {
		t.Fatalf("Pool: %v, %d entries", err, len(entries))
	}
	for i := 1; i < len(entries); i++ {
		if entries[i].Answer.Score > entries[i-1].Answer.Score {
			t.Errorf("entry %d scores %v, above the one before (%v): a search's pool is best first", i, entries[i].Answer.Score, entries[i-1].Answer.Score)
		}
	}

	if _, refused, err := e.Pool(ctx, "who is Walid Xanthopoulos"); err != nil || !refused {
		t.Errorf("a name no article mentions: refused %v, err %v; want refused", refused, err)
	}
}

// TestRulesOnly checks that an engine without a model ranks by the
// strategies' rules alone, as before the model: the measure the learned
// ranking is compared with.
func TestRulesOnly(t *testing.T) {
	e := openTestEngine(t)
	e.SetModel(nil)
	res := ask(t, e, "latest death toll")
	if len(res.Answers) == 0 {
		t.Fatal("rules alone: no answer")
	}
	if _, _, err := e.Pool(context.Background(), "latest death toll"); err == nil {
		t.Error("Pool without a model: want an error")
	}
}
