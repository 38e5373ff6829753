package index_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index"

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

// TestNameInOtherSpelling checks that a name the question capitalises is
// found in the corpus's other spellings even when the corpus also has the
// question's: "Dalla" is also "Dallah".
func TestNameInOtherSpelling(t *testing.T) {
	e := engineOf(t, map[string]string{
		"letter.txt": "---\ntitle: Businessman writes to former officer\nsource: Wire\npublished: 2025-03-08\n---\n" +
			"\"What have you done to our people, Ghiyath Dalla?\" the businessman wrote on Friday.\n\n" +
			"He asked what had become of the men who followed the officer.\n",
		"profile.txt": "---\ntitle: The officer behind the coastal council\nsource: Gazette\npublished: 2025-03-09\n---\n" +
			"Brigadier General Ghyath Dallah announced a military council on Thursday.\n\n" +
			"Originally from the town of Bayt Yashoot in the countryside of Latakia, Dallah rose through the army.\n",
	})
	res := ask(t, e, "where does Ghiath Dalla come from")
	for _, a := range res.Answers {
		if strings.Contains(a.Text, "Bayt Yashoot") {
			return
		}
	}
	t.Errorf("no answer spells the name Dallah and says where he is from: %d answers, notes %q", len(res.Answers), res.Notes)
}

// engineOf builds an index of files (name → content) and opens it.
func engineOf(t *testing.T, files map[string]string) *index.Engine {
	t.Helper()
	ctx := context.Background()
	corpusDir, dir := t.TempDir(), t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(corpusDir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.DiscardHandler)
	if _, err := index.Build(ctx, index.BuildOptions{CorpusDir: corpusDir, IndexDir: dir, Log: log}); err != nil {
		t.Fatalf("Build: %v", err)
	}
	e, err := index.Open(ctx, dir, log)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// TestFiguresOfOutlet checks that a figure question's source may be the
// outlet that printed the figure ("per al jazeera"), even when a newer
// report by another outlet gives another.
func TestFiguresOfOutlet(t *testing.T) {
	e := engineOf(t, map[string]string{
		"first.txt": "---\ntitle: Crowd crush in the old town\nsource: Al Jazeera (as republished by Example News)\npublished: 2022-10-29\n---\n" +
			"At least 120 people were killed and 100 were hurt in a crowd crush in the old town.\n\n" +
			"Emergency crews kept ferrying the injured to hospitals around the city.\n",
		"later.txt": "---\ntitle: Toll of the crush rises\nsource: Harbour Gazette\npublished: 2022-10-31\n---\n" +
			"The death toll from the crowd crush rose to 154, officials said on Monday.\n\n" +
			"Mourners laid flowers at the entrance of the alley.\n",
	})
	res := ask(t, e, "how many dead saturday night per al jazeera")
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "At least 120") {
		var got string
		if len(res.Answers) > 0 {
			got = res.Answers[0].Text
		}
		t.Errorf("first answer %q (of %d), notes %q; want Al Jazeera's 120", got, len(res.Answers), res.Notes)
	}
}
