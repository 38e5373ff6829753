package index_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// openTestEngine builds a real on-disk index of index/testdata/articles in
// a temporary directory and opens it.
func openTestEngine(t *testing.T) *index.Engine {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := index.Build(ctx, index.BuildOptions{CorpusDir: "testdata/articles", IndexDir: dir, Log: log}); err != nil {
		t.Fatalf("Build: %v", err)
	}
	e, err := index.Open(ctx, dir, log)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func ask(t *testing.T, e *index.Engine, question string) *corpus.Result {
	t.Helper()
	res, err := e.Ask(context.Background(), question, index.AskOptions{Limit: 5})
	if err != nil {
		t.Fatalf("Ask(%q): %v", question, err)
	}
	if testing.Verbose() {
		b, _ := json.MarshalIndent(res, "", "  ")
		t.Logf("%s", b)
	}
	return res
}

func TestAskWhoAcrossSpellings(t *testing.T) {
	e := openTestEngine(t)
	for _, q := range []string{"who is Ghiath Dallah", "Ghaith Dalla?", "who is Ghiyath Dalla", "whos ghiyat dala", "who is Ghyath Dallah"} {
		t.Run(q, func(t *testing.T) {
			res := ask(t, e, q)
			if res.Intent != corpus.IntentWho {
				t.Fatalf("intent = %s, want who", res.Intent)
			}
			if len(res.Answers) == 0 {
				t.Fatalf("no answers; notes %q", res.Notes)
			}
			first := res.Answers[0]
			if !strings.Contains(first.Text, "Gaith Dalah") {
				t.Errorf("first answer does not name Gaith Dalah: %q", first.Text)
			}
			if len(first.Context) != 1 || !strings.Contains(first.Context[0], "former general") {
				t.Errorf("context = %q, want the paragraph introducing the former general", first.Context)
			}
			if !slices.Contains(first.Highlights, "Dalah") {
				t.Errorf("highlights = %q, want Dalah", first.Highlights)
			}
		})
	}
}

func TestAskNoAnswer(t *testing.T) {
	e := openTestEngine(t)
	for _, q := range []string{"who is Ghassan Tarabulsi", "who is Dallas Morgan", "earthquake in Japan", "stock market prices", "what did Angela Merkel say",
		"what is the death toll from the earthquake in Kassala", // Kassala has deaths, from cholera
		"clashes in Deir Hafer",                                 // a short name word whose skeleton matches too much
		"how many patients escaped in Kassala",                  // what is counted is never said
		"what did the zanzibar governor say",                    // a position of a place no article names
	} {
		t.Run(q, func(t *testing.T) {
			res := ask(t, e, q)
			if len(res.Answers) != 0 {
				t.Errorf("got %d answers, first %q; want none", len(res.Answers), res.Answers[0].Text)
			}
			if len(res.Notes) == 0 {
				t.Errorf("no note explaining the empty answer")
			}
			b, _ := json.Marshal(res)
			if !strings.Contains(string(b), `"answers":[]`) {
				t.Errorf("answers not [] in JSON: %s", b)
			}
		})
	}
}

func TestAskLatestDeathToll(t *testing.T) {
	e := openTestEngine(t)
	res := ask(t, e, "latest death toll")
	if res.Intent != corpus.IntentFigure {
		t.Fatalf("intent = %s", res.Intent)
	}
	if len(res.Answers) == 0 {
		t.Fatal("no answers")
	}
	var sawObservatory bool
	for _, a := range res.Answers {
		for _, f := range a.Figures {
			if strings.Contains(f.Source, "Observatory") && f.Count == 1300 && !f.Reported.IsZero() {
				sawObservatory = true
			}
		}
	}
	if !sawObservatory {
		t.Errorf("no answer carries the observatory's 1,300 figure with its date")
	}
	// The observatory's report leads: a named source's figures before the
	// same day's "according to a war monitor".
	if !strings.HasPrefix(res.Answers[0].Text, "The observatory said on Sunday") {
		t.Errorf("first answer %q, want the observatory's paragraph", res.Answers[0].Text)
	}
	// Newest first: no answer is newer than the first (the flood figures
	// of November 2024 are older than March 2025).
	for _, a := range res.Answers[1:] {
		if a.Article.Published.After(res.Answers[0].Article.Published.Time) {
			t.Errorf("answer of %s is newer than the first, of %s", a.Article.Published, res.Answers[0].Article.Published)
		}
	}
}

func TestAskFigureWithPlaceAndSource(t *testing.T) {
	e := openTestEngine(t)
	res := ask(t, e, "how many people were displaced in Wadi Safa")
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "4,000") {
		t.Fatalf("answers %+v, want the Red Crescent's 4,000 displaced", res.Answers)
	}
	res = ask(t, e, "how many died in the floods according to the health ministry")
	if len(res.Answers) == 0 {
		t.Fatal("no answers")
	}
	for _, a := range res.Answers {
		for _, f := range a.Figures {
			if !strings.Contains(strings.ToLower(f.Source), "ministry") {
				t.Errorf("figure from %q, want only the ministry's", f.Source)
			}
		}
	}
}

func TestAskSaid(t *testing.T) {
	e := openTestEngine(t)
	res := ask(t, e, "what did Charles Lister say")
	if res.Intent != corpus.IntentSaid || len(res.Answers) == 0 {
		t.Fatalf("intent %s, %d answers", res.Intent, len(res.Answers))
	}
	if !strings.Contains(res.Answers[0].Text, "first time that pro-Assad loyalist activity") {
		t.Errorf("first answer %q is not Lister's quote", res.Answers[0].Text)
	}
	res = ask(t, e, "what did the observatory say")
	if len(res.Answers) == 0 {
		t.Fatal("no answers for the observatory")
	}
	for _, a := range res.Answers {
		if !slices.ContainsFunc(a.Attribution, func(s string) bool { return strings.Contains(s, "Observatory") }) {
			t.Errorf("answer attributed to %q, not the observatory: %q", a.Attribution, a.Text)
		}
	}
	res = ask(t, e, "what did Mohammed Kassem say")
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "We warned the ministry") {
		t.Errorf("answers %+v, want the mayor's quote", res.Answers)
	}
	// A topic in other words than the speaker's passages use (the text
	// says "coordination and prior planning"): the speaker's passages
	// answer, not a refusal.
	res = ask(t, e, "what did Charles Lister say about how well prepared the fighters were")
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "first time that pro-Assad loyalist activity") || len(res.Notes) > 0 {
		t.Errorf("paraphrased topic: answers %+v, notes %q; want Lister's quote, as an answer", res.Answers, res.Notes)
	}
}

func TestAskSearch(t *testing.T) {
	e := openTestEngine(t)
	tests := []struct{ q, want string }{
		{"clashes in Tartus", "Tartus"},
		{"clashes in Tartous", "Tartus"},
		{"who runs Syria's intelligence service", "Anas Khattab"},
		{"checkpoints on the main roads", "checkpoints"},
		{"why were flood warnings ignored", "inquiry"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := ask(t, e, tt.q)
			if len(res.Answers) == 0 {
				t.Fatalf("no answers")
			}
			if !strings.Contains(res.Answers[0].Text, tt.want) {
				t.Errorf("first answer %q lacks %q", res.Answers[0].Text, tt.want)
			}
		})
	}
}

func TestAskQuerySyntaxIsPlainText(t *testing.T) {
	e := openTestEngine(t)
	for _, q := range []string{`field:x`, `*`, `?`, `/.*/`, `+clashes -Tartus ~2 ^3`, `"unbalanced`, `text:Tartus OR title:*`, strings.Repeat("clashes ", 500)} {
		if _, err := e.Ask(context.Background(), q, index.AskOptions{}); err != nil {
			t.Errorf("Ask(%.40q): %v", q, err)
		}
	}
	if _, err := e.Ask(context.Background(), "   ", index.AskOptions{}); corpus.ErrorCode(err) != corpus.EINVALID {
		t.Errorf("empty question: err = %v, want EINVALID", err)
	}
}

func TestSearchFiltersAndPaging(t *testing.T) {
	e := openTestEngine(t)
	ctx := context.Background()
	res, err := e.Search(ctx, index.SearchOptions{Query: "ministry", Source: "levant daily", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) != 1 || res.Answers[0].Article.Source != "Levant Daily" || !res.More {
		t.Fatalf("page 1 = %+v more=%v", res.Answers, res.More)
	}
	page2, err := e.Search(ctx, index.SearchOptions{Query: "ministry", Source: "levant daily", Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(page2.Answers) != 1 || page2.Answers[0].Text == res.Answers[0].Text {
		t.Errorf("page 2 = %+v", page2.Answers)
	}
	none, err := e.Search(ctx, index.SearchOptions{Query: "ministry", Source: "capital wire"})
	if err != nil {
		t.Fatal(err)
	}
	if len(none.Answers) != 0 {
		t.Errorf("source filter leaked: %+v", none.Answers)
	}
	from, _ := corpus.ParseDate("2025-01-01")
	dated, err := e.Search(ctx, index.SearchOptions{Query: "killed", From: from})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range dated.Answers {
		if a.Article.Published.Before(from.Time) {
			t.Errorf("date filter leaked %s", a.Article.Published)
		}
	}
}

func TestPassageContext(t *testing.T) {
	e := openTestEngine(t)
	a, err := e.Passage(context.Background(), "flood.md", 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "At least 37 people") || len(a.Context) != 2 {
		t.Errorf("passage %q context %q", a.Text, a.Context)
	}
	if _, err := e.Passage(context.Background(), "flood.md", 99, 1); corpus.ErrorCode(err) != corpus.ENOTFOUND {
		t.Errorf("missing passage: err = %v, want ENOTFOUND", err)
	}
}

func TestAskFigureAbsentPlace(t *testing.T) {
	e := openTestEngine(t)
	for _, q := range []string{"death toll in Sudan", "how many people died in Aleppo"} {
		if res := ask(t, e, q); len(res.Answers) != 0 {
			t.Errorf("%q: got %q, want no answer: no article mentions the place", q, res.Answers[0].Text)
		}
	}
	res := ask(t, e, "what is the overall death toll in the conflict")
	if len(res.Answers) == 0 || !slices.ContainsFunc(res.Answers[0].Figures, func(f corpus.Figure) bool { return f.Count == 1640 }) {
		t.Errorf("answers %+v, want the toll that has risen to 1,640", res.Answers)
	}
}

// TestAskFirstAnswer checks the passage that answers first.
func TestAskFirstAnswer(t *testing.T) {
	e := openTestEngine(t)
	tests := []struct{ q, want, why string }{
		{"who is Maher al-Assad", "Maher al-Assad", "different people stay different: not Bashar al-Assad"},
		{"what does the UNHCR say", "Tens of thousands of residents", "a speaker named in apposition: the UN refugee agency, UNHCR"},
		{"what did SNHR say", "Syrian Network for Human Rights", "an acronym of an organisation the corpus names"},
		{"what is HTS", "Hayat Tahrir al-Sham", "an acronym in a who question"},
		{"who leads HTS", "Hayat Tahrir al-Sham", "an acronym in a search"},
		{"what did the Marren governor say", "We will not leave anyone behind", "a speaker described by his position and the province"},
		{"aid convoys deferred", "Relief convoys carrying tents", "a question in other words: WordNet has defer for postpone"},
		{"how many people died in Kasala", "14 people had died", "a figure in an article whose lede spells the place otherwise"},
		{"clean water shortage in Kassala", "running short of clean water", "a name the passage's article gives, not the passage"},
		{"why did the cholera outbreak spread", "Officials blamed the outbreak", "a why question: the passage that gives a cause"},
		{"what did the head of the hospital in Kessa say", "Dr Amina Sule", "a position in other words (director for head), in an apposition without a determiner"},
		{"what did the National Weather Service say", "More rain is expected", "a speaker cited by acronym after its full name"},
		{"what is NWS", "the National Weather Service (NWS) said", "the passage that spells an acronym out"},
		{"what did the IDF say", "The Israeli military said", "a well-known acronym the text never writes"},
		{"what did Umar say", "Omar Haddad", "a short name in lower-case keeps its spelling tolerance"},
		{"what did MMD say", "Marren Meteorological Department (MMD)", "an acronym is not a misspelt \"Md\""},
		{"how many people died in Kassala's 2019 outbreak", "In 2019, a cholera outbreak", "a figure of the year the question names, not the latest"},
		{"how many people died in Kassala", "14 people had died", "the latest figure, not one of 2019"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := ask(t, e, tt.q)
			if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, tt.want) {
				t.Errorf("answers %+v, want first a passage with %q (%s)", res.Answers, tt.want, tt.why)
			}
		})
	}
}

// TestUnknownNamesAreRefused checks that a question about a name no
// article mentions in any spelling gets no answer and a note saying so,
// while a spelling a letter away from the corpus's is still answered.
func TestUnknownNamesAreRefused(t *testing.T) {
	e := openTestEngine(t)
	for _, q := range []string{"who is Ghassan Tarabulsi", "what did Emmanuel Macron say about the coast", "death toll in Sabratha"} {
		res := ask(t, e, q)
		if len(res.Answers) != 0 {
			t.Errorf("%q answered: %q", q, res.Answers[0].Text)
		}
		if len(res.Notes) == 0 || !strings.HasPrefix(res.Notes[0], "I found no article that mentions ") {
			t.Errorf("%q: notes %q, want that no article mentions the name", q, res.Notes)
		}
	}
	// An outlet the text never names is not an unknown name.
	for _, q := range []string{"who is Gaith Dalah", "who is Ghaith Dalah", "who is Gaith Dallah", "what did Valley Courier report", "latest from Harbour Post"} {
		if res := ask(t, e, q); len(res.Answers) == 0 {
			t.Errorf("%q: no answer; notes %q", q, res.Notes)
		}
	}
}
