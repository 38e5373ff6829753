package rank

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

func TestUnknownName(t *testing.T) {
	df := fakeStats{
		"ghiath": 3, "khattab": 2, "ana": 2, // fakeStem("Anas")
		"latakia": 5, "observatory": 4, "toll": 9, "killed": 9,
		"name:" + names.Skeleton("Dallah"): 2, "fuzzy:dalah": 1,
		"george": 2, "near:kurz": 1, "near:musk": 1,
		"name:" + names.Skeleton("Ghiath"): 3,
	}
	tests := []struct {
		q    corpus.Question
		want string
	}{
		{corpus.Question{Text: "who is Ghiath Dallah", Intent: corpus.IntentWho, Subject: "ghiath dallah"}, ""},
		{corpus.Question{Text: "who is Ghiath Dalah", Intent: corpus.IntentWho, Subject: "ghiath dalah"}, ""}, // a letter away
		{corpus.Question{Text: "who is Anas Khattab", Intent: corpus.IntentWho, Subject: "anas khattab"}, ""},
		{corpus.Question{Text: "who is Ghassan Tarabulsi", Intent: corpus.IntentWho, Subject: "ghassan tarabulsi"}, "Ghassan Tarabulsi"},
		{corpus.Question{Text: "who is anas tarabulsi", Intent: corpus.IntentWho, Subject: "anas tarabulsi"}, "anas tarabulsi"}, // one word unknown
		{corpus.Question{Text: "who is george kurz", Intent: corpus.IntentWho, Subject: "george kurz"}, ""},                     // a letter away, beside a known word
		{corpus.Question{Text: "who is musk", Intent: corpus.IntentWho, Subject: "musk"}, "musk"},                               // alone, a letter from "must" is another word
		{corpus.Question{Text: "who is elon musk", Intent: corpus.IntentWho, Subject: "elon musk"}, "elon musk"},                // and beside an unknown one
		{corpus.Question{Text: "what did the observatory say", Intent: corpus.IntentSaid, Subject: "the observatory"}, ""},
		{corpus.Question{Text: "what did the telecom company say", Intent: corpus.IntentSaid, Subject: "the telecom company"}, ""}, // a description
		{corpus.Question{Text: "what did the Telecom Authority say", Intent: corpus.IntentSaid, Subject: "the telecom authority"}, "the Telecom Authority"},
		{corpus.Question{Text: "death toll in sabratha", Intent: corpus.IntentFigure, Place: "sabratha"}, "sabratha"},
		{corpus.Question{Text: "death toll in Latakia", Intent: corpus.IntentFigure, Place: "latakia"}, ""},
		{corpus.Question{Text: "clashes near Tobruk yesterday", Intent: corpus.IntentSearch}, "Tobruk"},
		{corpus.Question{Text: "Latest toll", Intent: corpus.IntentFigure}, ""}, // a capital that starts the question
		{corpus.Question{Text: "what did Dr. Khattab say", Intent: corpus.IntentSaid, Subject: "dr. khattab"}, ""},
		{corpus.Question{Text: "what did the Valley Courier report", Intent: corpus.IntentSearch}, ""}, // an outlet's name
		{corpus.Question{Text: "floods in Harbourside", Intent: corpus.IntentSearch}, ""},              // a headline's word
		// A skeleton of two letters ("tl", Dallah's) alone is no name:
		// "utiel" is not in the corpus; beside another word of the name
		// known in some spelling, it is ("ghiyat dala").
		{corpus.Question{Text: "how many people died in utiel", Intent: corpus.IntentFigure, Place: "utiel"}, "utiel"},
		{corpus.Question{Text: "whos ghiyat dala", Intent: corpus.IntentWho, Subject: "ghiyat dala"}, ""},
	}
	df["title:harbourside"] = 1
	for _, tt := range tests {
		r := &Ranker{Question: tt.q, Stems: fakeStems{}, Outlets: []string{"valley courier", "harbour post"}}
		if got := r.UnknownName(df); got != tt.want {
			t.Errorf("UnknownName(%q) = %q, want %q", tt.q.Text, got, tt.want)
		}
	}
}

// TestAbsentWordsWeighLittle checks that an ordinary word no passage uses
// (a paraphrase) weighs a share of the others' mean, not the most of all,
// while a name or a counted noun the corpus lacks keeps a high weight.
func TestAbsentWordsWeighLittle(t *testing.T) {
	df := fakeStats{"gunfire": 3, "resident": 40}
	tests := []struct {
		question string
		words    []string
		count    bool
		absent   string
		low      bool
	}{
		{"what did a resident see when the gunfire stopped", []string{"resident", "gunfire", "stopped"}, false, "stopped", true},
		{"how many prisoners escaped after the gunfire", []string{"prisoners", "escaped", "gunfire"}, true, "prisoner", false},
		{"gunfire in Sabratha", []string{"gunfire", "sabratha"}, false, "sabratha", false},
	}
	for _, tt := range tests {
		r := &Ranker{Question: corpus.Question{Text: tt.question, Count: tt.count}, Stems: fakeStems{}}
		concepts := r.ConceptsOf(tt.words, df)
		var known, absent float64
		n := 0
		for _, c := range concepts {
			if c.Stems[0] == tt.absent {
				absent = c.Weight
				continue
			}
			if _, has := df[c.Stems[0]]; has {
				known += c.Weight
				n++
			}
		}
		mean := known / float64(n)
		if got := absent < mean; got != tt.low {
			t.Errorf("%q: weight of %q %.2f against the known words' mean %.2f; want it lower: %v", tt.question, tt.absent, absent, mean, tt.low)
		}
	}
}

// TestCountedFigures checks that a count typed in the question picks the
// figure with that count, however old, and nothing when none has it.
func TestCountedFigures(t *testing.T) {
	old := &Candidate{ID: "old", Article: corpus.ArticleRef{ID: "a"}, Paragraph: corpus.Paragraph{Number: 1, Figures: []corpus.Figure{{Count: 1225, What: corpus.KindKilled, Source: "SOHR", Reported: day("2025-03-11")}}}}
	newer := &Candidate{ID: "new", Article: corpus.ArticleRef{ID: "b"}, Paragraph: corpus.Paragraph{Number: 1, Figures: []corpus.Figure{{Count: 1500, What: corpus.KindKilled, Source: "SOHR", Reported: day("2025-04-01")}}}}
	both := &Candidate{ID: "both", Article: corpus.ArticleRef{ID: "c"}, Paragraph: corpus.Paragraph{Number: 1, Figures: []corpus.Figure{
		{Count: 1037, What: corpus.KindKilled, Reported: day("2023-09-09")}, {Count: 672, What: corpus.KindWounded, Reported: day("2023-09-09")}}}}
	tests := []struct {
		number int
		kinds  []string
		want   []string
	}{
		{1225, []string{corpus.KindKilled}, []string{"old"}},
		{1225, nil, []string{"old"}},
		{1225, []string{corpus.KindWounded}, nil},
		{1037, []string{corpus.KindWounded}, []string{"both"}}, // the injured of the 1,037 count
		{672, []string{corpus.KindWounded}, []string{"both"}},
		{999, []string{corpus.KindKilled}, nil},
		{0, []string{corpus.KindKilled}, nil},
	}
	for _, tt := range tests {
		r := &Ranker{Question: corpus.Question{Number: tt.number, Kinds: tt.kinds}, Stems: fakeStems{}}
		kept, _ := r.ChooseFigures(r.CountedFigures([]*Candidate{newer, old, both}))
		var got []string
		for _, c := range kept {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Number %d, kinds %q: picked %q, want %q", tt.number, tt.kinds, got, tt.want)
		}
	}
}

func TestUnknownDescription(t *testing.T) {
	df := fakeStats{"delta": 4, "latakia": 5, "uk": 2}
	r := &Ranker{Stems: fakeStems{}, Synonyms: &Synonyms{base: map[string][]string{"britain": {"uk"}}}}
	for _, tt := range []struct {
		subject string
		want    bool
	}{
		{"the apple ceo", true},            // no article has Apple
		{"the delta ceo", false},           //
		{"the governor of latakia", false}, // filler words aside
		{"the britain ambassador", false},  // a synonym the corpus has
		{"the apple company", false},       // no position: not a description this judges
	} {
		if got := r.UnknownDescription(df, tt.subject); got != tt.want {
			t.Errorf("UnknownDescription(%q) = %v, want %v", tt.subject, got, tt.want)
		}
	}
}

// TestNeverSaid refuses a count whose every word of what it counts is
// one the corpus never uses, and not one where news may have said it in
// other words: the counted noun ("cops" for police), the source, or a
// topic of which one word is in the corpus.
func TestNeverSaid(t *testing.T) {
	present := func(w string) Concept { return Concept{Word: w, Stems: []string{w}, Docs: 3, InText: []bool{true}} }
	absent := func(w string) Concept { return Concept{Word: w, Stems: []string{w}, InText: []bool{false}} }
	for _, tt := range []struct {
		q        corpus.Question
		concepts []Concept
		want     string
	}{
		{corpus.Question{Intent: corpus.IntentFigure, Topic: []string{"earthquake"}, Place: "kassala"},
			[]Concept{present("death"), present("toll"), absent("earthquake"), present("kassala")}, "earthquake"},
		{corpus.Question{Intent: corpus.IntentSearch, Count: true, Counted: "patients", Place: "kassala", Terms: []string{"patients", "escaped", "kassala"}},
			[]Concept{present("patients"), absent("escaped"), present("kassala")}, "escaped"},
		{corpus.Question{Intent: corpus.IntentSearch, Count: true, Counted: "cops", Terms: []string{"cops", "itaewon", "night"}},
			[]Concept{absent("cops"), present("itaewon"), present("night")}, ""},
		{corpus.Question{Intent: corpus.IntentSearch, Count: true, Counted: "flights", Source: "ajc", Terms: []string{"flights", "delta", "cancel", "ajc"}},
			[]Concept{present("flights"), present("delta"), present("cancel"), absent("ajc")}, ""},
		{corpus.Question{Intent: corpus.IntentFigure, Topic: []string{"attribute", "forces"}},
			[]Concept{absent("attribute"), present("forces")}, ""},
		{corpus.Question{Intent: corpus.IntentSearch, Terms: []string{"earthquake"}},
			[]Concept{absent("earthquake")}, ""}, // no count asked for
	} {
		r := &Ranker{Question: tt.q, Stems: fakeStems{}, Concepts: tt.concepts}
		if got := r.NeverSaid(); got != tt.want {
			t.Errorf("%+v: NeverSaid = %q, want %q", tt.q, got, tt.want)
		}
	}
}
