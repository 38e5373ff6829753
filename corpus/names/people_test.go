package names_test

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

func personNames(ps []corpus.Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func TestMergePeople(t *testing.T) {
	perArticle := map[string][]corpus.Person{
		"a": {{Name: "Gaith Dalah", Spellings: []string{"Gaith Dalah", "Dalah"}, Mentions: 2}, {Name: "Ines Varga", Spellings: []string{"Ines Varga"}, Mentions: 1}},
		"b": {{Name: "Ghiath Dallah", Spellings: []string{"Ghiath Dallah"}, Mentions: 3}},
		"c": {{Name: "Ines Varga", Spellings: []string{"Varga"}, Mentions: 4}},
	}
	got := names.MergePeople(perArticle)
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

func TestSuggest(t *testing.T) {
	people := []corpus.Person{
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
			if got := personNames(names.Suggest(people, tc.prefix, tc.n)); !slices.Equal(got, tc.want) {
				t.Errorf("Suggest(%q) = %q, want %q", tc.prefix, got, tc.want)
			}
		})
	}
}
