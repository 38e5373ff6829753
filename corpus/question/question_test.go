package question_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/question"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		intent  corpus.Intent
		subject string
		kinds   []string
		who     string
		place   string
		source  string
		on      corpus.Day
		topic   []string // checked when not nil
		year    int
	}{
		{in: "who is Ghiath Dallah", intent: corpus.IntentWho, subject: "ghiath dallah"},
		{in: "whos ghiyat dala", intent: corpus.IntentWho, subject: "ghiyat dala"},
		{in: "Who's Ahmed al-Shara?", intent: corpus.IntentWho, subject: "ahmed al-shara"},
		{in: "tell me about the Syrian Observatory", intent: corpus.IntentWho, subject: "the syrian observatory"},
		{in: "Gaith Dalah?", intent: corpus.IntentWho, subject: "Gaith Dalah"},
		{in: "who runs Syria's intelligence service", intent: corpus.IntentSearch},
		{in: "What is Hayat Tahrir al-Sham?", intent: corpus.IntentWho, subject: "hayat tahrir al-sham"},
		{in: "what is the Syrian Observatory for Human Rights", intent: corpus.IntentWho, subject: "syrian observatory for human rights"},
		{in: "what is the death toll", intent: corpus.IntentFigure, kinds: []string{"killed"}},
		{in: "what is the reason for the violence", intent: corpus.IntentSearch},
		{in: "who is the head of the intelligence services", intent: corpus.IntentSearch},
		{in: "latest death toll", intent: corpus.IntentFigure, kinds: []string{"killed"}},
		{in: "why did the ministry add the teenager to the toll", intent: corpus.IntentSearch, source: "ministry"},
		{in: "how did the UN explain cutting its death toll", intent: corpus.IntentSearch, source: "un"},
		{in: "how high did the mayor think the death toll could go", intent: corpus.IntentFigure, kinds: []string{"killed"}},
		{in: "latset death tol", intent: corpus.IntentFigure, kinds: []string{"killed"}},
		{in: "how many civilians were killed", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "civilians"},
		{in: "how many people died in Latakia", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "people", place: "latakia"},
		{in: "casualties according to SNHR", intent: corpus.IntentFigure, kinds: []string{"killed", "wounded"}, source: "snhr"},
		{in: "how many were wounded in Jableh on 7 March", intent: corpus.IntentFigure, kinds: []string{"wounded"}, place: "jableh", on: corpus.Day{Month: time.March, Day: 7}},
		{in: "what did Charles Lister say", intent: corpus.IntentSaid, subject: "charles lister"},
		{in: "What does the observatory say about the killings?", intent: corpus.IntentSaid, subject: "the observatory"},
		{in: "clashes in Tartus", intent: corpus.IntentSearch, place: "tartus"},
		{in: "how many survivors were pulled out of the mine", intent: corpus.IntentFigure, kinds: []string{"rescued"}},
		{in: "how many people were rescued", intent: corpus.IntentFigure, kinds: []string{"rescued"}, who: "people"},
		{in: "how many people died in India's 2015 heatwave", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "people", place: "india", topic: []string{"heatwave"}, year: 2015},
		{in: "how many people have died since 2011", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "people"},
		{in: "how many people died in 2015 since 2011", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "people", year: 2015},
		{in: "how many people have died since 2011 in 2015", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "people", year: 2015},
		{in: "how many of the 2000 residents were rescued", intent: corpus.IntentFigure, kinds: []string{"rescued"}, topic: []string{"residents"}},
		{in: "how many died in India's", intent: corpus.IntentFigure, kinds: []string{"killed"}, place: "india"},
		{in: "how many people are still missing after the quake", intent: corpus.IntentFigure, kinds: []string{"missing"}, who: "people", topic: []string{"quake"}},
		{in: "executions in Suwayda", intent: corpus.IntentSearch, place: "suwayda"},
		{in: "how long did firefighters fight the blaze", intent: corpus.IntentSearch},
		{in: "how many executions in Suwayda", intent: corpus.IntentFigure, kinds: []string{"executed", "killed"}, place: "suwayda"},
		{in: "hw many wounded in sweida", intent: corpus.IntentFigure, kinds: []string{"wounded"}, place: "sweida"},
		{in: "how many people took refuge in the camp", intent: corpus.IntentFigure, kinds: []string{"displaced"}, who: "people", place: "camp", topic: []string{}},
		{in: "how many cholera cases in Hodeidah", intent: corpus.IntentSearch, place: "hodeidah"},
		{in: "how many were arrested", intent: corpus.IntentFigure, kinds: []string{"arrested"}},
		{in: "how many civilians in total", intent: corpus.IntentFigure, kinds: []string{"killed"}, who: "civilians"},
		{in: "what did Reuters report on 9 March 2025", intent: corpus.IntentSaid, subject: "reuters", on: corpus.Day{Year: 2025, Month: time.March, Day: 9}},
		{in: "field:x * ? /regex/ +a -b ~c ^d \"unbalanced", intent: corpus.IntentSearch},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Intent != tt.intent {
				t.Fatalf("intent = %q, want %q (%+v)", q.Intent, tt.intent, q)
			}
			if tt.subject != "" && q.Subject != tt.subject {
				t.Errorf("subject = %q, want %q", q.Subject, tt.subject)
			}
			if tt.kinds != nil && !slices.Equal(q.Kinds, tt.kinds) {
				t.Errorf("kinds = %q, want %q", q.Kinds, tt.kinds)
			}
			if q.Who != tt.who && tt.intent == corpus.IntentFigure {
				t.Errorf("who = %q, want %q", q.Who, tt.who)
			}
			if q.Place != tt.place {
				t.Errorf("place = %q, want %q", q.Place, tt.place)
			}
			if q.Source != tt.source {
				t.Errorf("source = %q, want %q", q.Source, tt.source)
			}
			if q.On != tt.on {
				t.Errorf("on = %+v, want %+v", q.On, tt.on)
			}
			if q.Year != tt.year {
				t.Errorf("year = %d, want %d", q.Year, tt.year)
			}
			if tt.topic != nil && !slices.Equal(q.Topic, tt.topic) && len(q.Topic)+len(tt.topic) > 0 {
				t.Errorf("topic = %q, want %q", q.Topic, tt.topic)
			}
		})
	}
}

func TestClean(t *testing.T) {
	long := strings.Repeat("word ", 200)
	got := question.Clean(long, 50)
	if len(got) > 50 || strings.HasSuffix(got, " ") || !strings.HasSuffix(got, "word") {
		t.Errorf("Clean cut %q", got)
	}
	if got := question.Clean("<@123456> who is\x00 <@&42>  X\u200b", 100); got != "who is X" {
		t.Errorf("Clean = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"who is Ghiath Dallah", "latest death toll", "what did X say about y", "how many in 31 march 2025", "\xff\xfe", "who is"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var q corpus.Question
		fuzzcheck.Within(t, func() { q = question.Parse(s) })
		if len(q.Text) > question.MaxLen {
			t.Fatalf("question not capped: %d bytes", len(q.Text))
		}
		switch q.Intent {
		case corpus.IntentWho, corpus.IntentSaid:
			if q.Subject == "" {
				t.Fatalf("%s question without subject: %q", q.Intent, s)
			}
		}
	})
}

// TestHowLongTerms drops the word that asks for a measure from the words
// a passage must have.
func TestHowLongTerms(t *testing.T) {
	q := question.Parse("how long did firefighters fight the blaze")
	if slices.Contains(q.Terms, "long") || !slices.Contains(q.Terms, "blaze") {
		t.Errorf("terms = %q, want the blaze and not \"long\"", q.Terms)
	}
}

func TestCauseAndCount(t *testing.T) {
	tests := []struct {
		q            string
		cause, count bool
	}{
		{"why did the fighting start", true, false},
		{"What caused the cholera outbreak?", true, false},
		{"what led to the clashes in Tripoli", true, false},
		{"what is behind the attacks", true, false},
		{"what's behind the attacks", true, false},
		{"what did the observatory say", false, false},
		{"how many people died", false, true},
		{"How many witnesses did Amnesty interview", false, true},
		{"how much aid arrived", false, false},
		{"whyte house statement", false, false},
	}
	for _, tt := range tests {
		q := question.Parse(tt.q)
		if q.Cause != tt.cause || q.Count != tt.count {
			t.Errorf("Parse(%q): Cause %v, Count %v; want %v, %v", tt.q, q.Cause, q.Count, tt.cause, tt.count)
		}
	}
}

// TestWeakWords keeps the nouns that ask for news in general ("update",
// "news", "number") as words of the question beside other words, and
// drops them when they stand alone.
func TestWeakWords(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"when was the bad update pulled", []string{"bad", "update", "pulled"}},
		{"which uk news channel went off air", []string{"uk", "news", "channel", "went", "off", "air"}},
		{"what number can families call", []string{"number", "families", "call"}},
		{"any news?", nil},
		{"latest update", nil},
		{"what's the situation", nil},
	}
	for _, tt := range tests {
		if got := question.Parse(tt.question).Terms; !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q).Terms = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestWhoWithClause reads a who question whose subject holds a clause of
// time or cause, a verb or a stranded preposition as a search: the words
// describe someone by what happened, and name no one to look up.
func TestWhoWithClause(t *testing.T) {
	tests := []struct {
		question string
		intent   corpus.Intent
	}{
		{"who was acting governor when lahaina burned", corpus.IntentSearch},
		{"who was police chief during the crush", corpus.IntentSearch},
		{"who was in charge before the fire", corpus.IntentSearch},
		{"who was mazón having lunch with on 29 october", corpus.IntentSearch},
		{"who was the minister talking to", corpus.IntentSearch},
		{"who is Herman Andaya", corpus.IntentWho},
		{"who is hawaii's governor", corpus.IntentWho},
		{"who is John Manning", corpus.IntentWho},
		{"who is Sterling", corpus.IntentWho},
	}
	for _, tt := range tests {
		if got := question.Parse(tt.question).Intent; got != tt.intent {
			t.Errorf("Parse(%q).Intent = %s, want %s", tt.question, got, tt.intent)
		}
	}
}

// TestEarliest reads "first", "initial" and "earliest" in a figure
// question as asking for the first report, which then is not also the
// latest, and keeps them out of its topic; elsewhere they ask for no
// report's date.
func TestEarliest(t *testing.T) {
	tests := []struct {
		question         string
		earliest, latest bool
	}{
		{"what was the first death toll", true, false},
		{"how many dead in the initial count", true, false},
		{"the earliest casualty figures for tartus", true, false},
		{"how many were killed in early march", false, true},
		{"latest death toll", false, true},
		{"how many people died", false, true},
		{"who was the first police officer on the scene", false, false},
	}
	for _, tt := range tests {
		q := question.Parse(tt.question)
		if q.Earliest != tt.earliest || q.Latest != tt.latest {
			t.Errorf("Parse(%q): earliest %v, latest %v; want %v, %v", tt.question, q.Earliest, q.Latest, tt.earliest, tt.latest)
		}
		if slices.ContainsFunc(q.Topic, func(w string) bool { return w == "first" || w == "initial" || w == "count" }) {
			t.Errorf("Parse(%q).Topic = %q: asks for the first count, not about it", tt.question, q.Topic)
		}
	}
}
