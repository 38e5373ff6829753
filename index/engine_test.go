package index

import (
	"context"
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

func personNames(ps []Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func TestMergePeople(t *testing.T) {
	perArticle := map[string][]Person{
		"a": {{Name: "Gaith Dalah", Spellings: []string{"Gaith Dalah", "Dalah"}, Mentions: 2}, {Name: "Ines Varga", Spellings: []string{"Ines Varga"}, Mentions: 1}},
		"b": {{Name: "Ghiath Dallah", Spellings: []string{"Ghiath Dallah"}, Mentions: 3}},
		"c": {{Name: "Ines Varga", Spellings: []string{"Varga"}, Mentions: 4}},
	}
	got := mergePeople(perArticle)
	if len(got) != 2 {
		t.Fatalf("people = %+v, want 2 after merging spellings", got)
	}
	// Most mentioned first; the most mentioned spelling names the person.
	if got[0].Name != "Gaith Dalah" && got[0].Name != "Ghiath Dallah" || got[0].Mentions != 5 {
		t.Errorf("first = %+v, want the general with 5 mentions", got[0])
	}
	if got[0].Name != "Ghiath Dallah" || !slices.Contains(got[0].Spellings, "Gaith Dalah") {
		t.Errorf("first = %+v, want named Ghiath Dallah with spelling Gaith Dalah", got[0])
	}
	if got[1].Name != "Ines Varga" || got[1].Mentions != 5 || !slices.Equal(got[1].Spellings, []string{"Varga"}) {
		t.Errorf("second = %+v", got[1])
	}
}

func TestMatchPeople(t *testing.T) {
	people := []Person{
		{Name: "Ahmed al-Shara", Spellings: []string{"al-Shara"}, Mentions: 9},
		{Name: "Gaith Dalah", Spellings: []string{"Ghiath Dallah"}, Mentions: 4},
		{Name: "Charles Lister", Mentions: 2},
		{Name: "Maher al-Assad", Mentions: 1},
	}
	tests := []struct {
		prefix string
		n      int
		want   []string
	}{
		{"", 0, []string{"Ahmed al-Shara", "Gaith Dalah", "Charles Lister", "Maher al-Assad"}},
		{"", 2, []string{"Ahmed al-Shara", "Gaith Dalah"}},
		{"char", 5, []string{"Charles Lister", "Ahmed al-Shara"}}, // letters first, then "Chara"
		{"LIST", 5, []string{"Charles Lister"}},                   // any word, any case
		{"ghia", 5, []string{"Gaith Dalah"}},                      // a spelling's prefix
		{"ghyath", 5, []string{"Gaith Dalah"}},                    // by skeleton
		{"gaith dal", 5, []string{"Gaith Dalah"}},                 // several words
		{"ahmad al-sh", 5, []string{"Ahmed al-Shara"}},
		{"zz", 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			if got := personNames(matchPeople(people, tc.prefix, tc.n)); !slices.Equal(got, tc.want) {
				t.Errorf("matchPeople(%q) = %q, want %q", tc.prefix, got, tc.want)
			}
		})
	}
}

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
