package index

import (
	"context"
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// TestPeopleFromCorpus builds an index of articles naming one person in
// two spellings and looks them up through the engine.
func TestPeopleFromCorpus(t *testing.T) {
	dir := t.TempDir()
	arts := []corpus.Article{
		article("one.txt", "Council formed", "Coast Herald", "2025-03-08",
			"A former general, Gaith Dalah, announced a new military council on Thursday.",
			"Mr. Dalah did not say how many fighters had joined."),
		article("two.txt", "General in hiding", "Valley Post", "2025-03-11",
			"Ghiath Dallah, the former general, is believed to be hiding near the coast, officials said."),
	}
	mustBuild(t, dir, arts, false)
	e := mustOpen(t, dir)
	all := e.People("", 0)
	if len(all) == 0 {
		t.Fatal("no people in the index")
	}
	found := e.People("ghia", 3)
	if len(found) != 1 || found[0].Mentions < 2 {
		t.Fatalf("People(ghia) = %+v, want one person mentioned in both articles", found)
	}
	spellings := append([]string{found[0].Name}, found[0].Spellings...)
	if !slices.Contains(spellings, "Gaith Dalah") || !slices.Contains(spellings, "Ghiath Dallah") {
		t.Errorf("spellings = %q, want both", spellings)
	}
	if got := e.People("zzz", 3); len(got) != 0 {
		t.Errorf("People(zzz) = %+v", got)
	}
	if _, err := e.Stats(context.Background()); err != nil {
		t.Fatal(err)
	}
}
