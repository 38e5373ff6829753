package rank

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

func TestUnknownName(t *testing.T) {
	df := fakeStats{
		"ghiath": 3, "khattab": 2, "ana": 2, // fakeStem("Anas")
		"latakia": 5, "observatory": 4, "toll": 9, "killed": 9,
		"name:" + names.Skeleton("Dallah"): 2, "fuzzy:dalah": 1,
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
		{corpus.Question{Text: "what did the observatory say", Intent: corpus.IntentSaid, Subject: "the observatory"}, ""},
		{corpus.Question{Text: "death toll in sabratha", Intent: corpus.IntentFigure, Place: "sabratha"}, "sabratha"},
		{corpus.Question{Text: "death toll in Latakia", Intent: corpus.IntentFigure, Place: "latakia"}, ""},
		{corpus.Question{Text: "clashes near Tobruk yesterday", Intent: corpus.IntentSearch}, "Tobruk"},
		{corpus.Question{Text: "Latest toll", Intent: corpus.IntentFigure}, ""}, // a capital that starts the question
		{corpus.Question{Text: "what did Dr. Khattab say", Intent: corpus.IntentSaid, Subject: "dr. khattab"}, ""},
	}
	for _, tt := range tests {
		r := &Ranker{Question: tt.q, Stems: fakeStems{}}
		if got := r.UnknownName(df); got != tt.want {
			t.Errorf("UnknownName(%q) = %q, want %q", tt.q.Text, got, tt.want)
		}
	}
}
