package text_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/text"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		text  string
		lower string
		kind  text.Kind
		flags string // C capital, U upper, l lower-case, P joined particle, s possessive, F first of sentence
		sent  int
	}
	tests := []struct {
		in   string
		want []tok
	}{
		{"Syria’s coast", []tok{{"Syria’s", "syria", text.Word, "CUsF", 0}, {"coast", "coast", text.Word, "l", 0}}},
		{"the soldiers' homes", []tok{{"the", "the", text.Word, "lF", 0}, {"soldiers'", "soldiers", text.Word, "ls", 0}, {"homes", "homes", text.Word, "l", 0}}},
		{"al-Shara met U.S. envoys", []tok{{"al-Shara", "al-shara", text.Word, "UPF", 0}, {"met", "met", text.Word, "l", 0},
			{"U.S.", "u.s.", text.Word, "CU", 0}, {"envoys", "envoys", text.Word, "l", 0}}},
		{"1,300 died; 1.5 million fled.", []tok{{"1,300", "1,300", text.Number, "F", 0}, {"died", "died", text.Word, "l", 0},
			{";", ";", text.Punct, "", 0}, {"1.5", "1.5", text.Number, "", 0}, {"million", "million", text.Word, "l", 0},
			{"fled", "fled", text.Word, "l", 0}, {".", ".", text.Punct, "", 0}}},
		{"a 20-year-old on the 17th", []tok{{"a", "a", text.Word, "lF", 0}, {"20", "20", text.Number, "", 0}, {"-", "-", text.Punct, "", 0},
			{"year-old", "year-old", text.Word, "l", 0}, {"on", "on", text.Word, "l", 0}, {"the", "the", text.Word, "l", 0}, {"17th", "17th", text.Word, "", 0}}},
		{"at 5 a.m. Alawite-led COVID-19", []tok{{"at", "at", text.Word, "lF", 0}, {"5", "5", text.Number, "", 0}, {"a.m.", "a.m.", text.Word, "l", 0},
			{"Alawite-led", "alawite-led", text.Word, "U", 0}, {"COVID-19", "covid-19", text.Word, "CU", 0}}},
		{"He left. She stayed", []tok{{"He", "he", text.Word, "CUF", 0}, {"left", "left", text.Word, "l", 0}, {".", ".", text.Punct, "", 0},
			{"She", "she", text.Word, "CUF", 1}, {"stayed", "stayed", text.Word, "l", 1}}},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in)
		var got []tok
		for _, k := range toks {
			if tt.in[k.Start:k.PossEnd] != k.Text {
				t.Errorf("%q: token %q spans %q", tt.in, k.Text, tt.in[k.Start:k.PossEnd])
			}
			var f strings.Builder
			for _, fl := range []struct {
				on bool
				c  byte
			}{{k.Capital, 'C'}, {k.Upper, 'U'}, {k.Lowercase, 'l'}, {k.JoinedParticle, 'P'}, {k.Possessive, 's'}, {k.First, 'F'}} {
				if fl.on {
					f.WriteByte(fl.c)
				}
			}
			got = append(got, tok{k.Text, k.Lower, k.Kind, f.String(), k.Sentence})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q)\n got %v\nwant %v", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Mr. al-Shara met Gen. Smith in Damascus. They spoke for an hour.",
			[]string{"Mr. al-Shara met Gen. Smith in Damascus.", "They spoke for an hour."}},
		{"The rate rose to 3.5 percent. “We are afraid,” she said. Charles R. Lister wrote on X.",
			[]string{"The rate rose to 3.5 percent.", "“We are afraid,” she said.", "Charles R. Lister wrote on X."}},
		{"He flew to the U.S. The next day he left.", []string{"He flew to the U.S.", "The next day he left."}},
		{"Officials from the U.S. Treasury arrived.", []string{"Officials from the U.S. Treasury arrived."}},
		{"What now? Nobody knows! “Leave,” he said.\nNew line", []string{"What now?", "Nobody knows!", "“Leave,” he said.", "New line"}},
		{"“It is over.” The crowd cheered.", []string{"“It is over.”", "The crowd cheered."}},
		{"The U.S. Embassy said 1.5 million had fled. Dr. Karim disagreed!", []string{"The U.S. Embassy said 1.5 million had fled.", "Dr. Karim disagreed!"}},
		{"Charles R. Lister wrote it. 40 died.", []string{"Charles R. Lister wrote it.", "40 died."}},
		// Abbreviations that seldom end a sentence keep the names after
		// them in it: attribution and figures read one sentence here.
		{"Acme Inc. Chief executive Jane Doe said 12 workers died.", []string{"Acme Inc. Chief executive Jane Doe said 12 workers died."}},
		{"Police arrived at 5 a.m. Sunday. Residents said 3 died.", []string{"Police arrived at 5 a.m. Sunday.", "Residents said 3 died."}},
		{"They left at 5 p.m. The next day they came back.", []string{"They left at 5 p.m.", "The next day they came back."}},
		{"The talks resumed on Sept. 12 in Geneva.", []string{"The talks resumed on Sept. 12 in Geneva."}},
		{"He said e.g. the north was hit.", []string{"He said e.g. the north was hit."}},
		{"No stop here", []string{"No stop here"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := text.Sentences(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
		starts := text.SentenceStarts(tt.text)
		if len(starts) != len(tt.want) {
			t.Errorf("SentenceStarts(%q) = %v, want %d sentences", tt.text, starts, len(tt.want))
			continue
		}
		for i, s := range starts {
			if !strings.HasPrefix(tt.text[s:], tt.want[i]) {
				t.Errorf("SentenceStarts(%q)[%d] = %d, not at %q", tt.text, i, s, tt.want[i])
			}
		}
	}
}

func TestAbbreviated(t *testing.T) {
	for w, want := range map[string]bool{
		"Mr": true, "gen": true, "Inc": true, "Sept": true, "U.S": true, "U.S.": true, "a.m.": true,
		"R": true, // an initial: "Charles R. Lister"
		"r": false, "said": false, "Syria": false,
	} {
		toks := text.Tokenize(w)
		if got := text.Abbreviated(toks[0]); got != want {
			t.Errorf("Abbreviated(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestTitleAbbreviations checks that the titles written with a dot are
// the abbreviations that are titles: one list, not a second one.
func TestTitleAbbreviations(t *testing.T) {
	for _, w := range strings.Fields("mr mrs ms dr gen col lt maj capt sgt brig adm prof rev sen rep gov cmdr mme mlle st") {
		if !text.TitleAbbreviations[w] {
			t.Errorf("%q is not a title abbreviation", w)
		}
	}
	if n := len(text.TitleAbbreviations); n != 21 {
		t.Errorf("%d title abbreviations, want the 21 above", n)
	}
	for w := range text.TitleAbbreviations {
		if !text.Abbreviations[w] {
			t.Errorf("title abbreviation %q is not among the abbreviations", w)
		}
	}
}

func TestLexicon(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"speech verb said", text.SpeechVerbs["said"], true},
		{"speech verb killed", text.SpeechVerbs["killed"], false},
		{"count verb documented", text.CountVerbs["documented"], true},
		{"month may", text.Months["may"], true},
		{"month sept", text.Months["sept"], true},
		{"weekday sunday", text.Weekdays["sunday"], true},
		{"title sheikh", text.Titles["sheikh"], true},
		{"title abbreviation gen", text.TitleAbbreviations["gen"], true},
		{"organisation head observatory", text.OrgHeads["observatory"], true},
		{"organisation noun monitor", text.OrgNouns["monitor"], true},
		{"role noun Governor", text.RoleNoun("Governor"), true},
		{"role noun village", text.RoleNoun("village"), false},
		{"particle al", text.Particle("al"), true},
		{"particle abu", text.Particle("abu"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestCasualtyKind(t *testing.T) {
	for word, want := range map[string]string{
		"killed": "killed", "deaths": "killed", "death toll": "killed", "the latest death toll": "killed",
		"fatalities": "killed", "casualties": "killed", "Civilian deaths": "killed", "executed": "executed",
		"summary executions": "executed", "wounded": "wounded", "injured": "wounded", "missing": "missing",
		"displaced": "displaced", "fled": "displaced", "arrested": "arrested", "taken into custody": "arrested",
		"rescued": "rescued", "survivors": "rescued", "pulled out alive": "rescued",
		"weather": "", "": "", "people": "",
	} {
		if got := text.CasualtyKind(word); got != want {
			t.Errorf("CasualtyKind(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestWordRune(t *testing.T) {
	for r, want := range map[rune]bool{'a': true, 'Z': true, '7': true, 'é': true, 'ش': true, '\u0301': true, '-': false, '’': false, ' ': false} {
		if got := text.WordRune(r); got != want {
			t.Errorf("WordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

// FuzzTokenize checks that tokens lie inside the text, in order, and that
// sentences are made of the text.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Mr. al-Shara said “we will win,” U.S. 1,300.", "a.m. p.m", "’s 's '", "\xff\xfe", "1,000-1,500 – 17th."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var toks []text.Token
		var sentences []string
		fuzzcheck.Within(t, func() {
			toks, sentences = text.Tokenize(s), text.Sentences(s)
		})
		prev := 0
		for _, k := range toks {
			if k.Start < prev || k.End < k.Start || k.PossEnd < k.End || k.PossEnd > len(s) {
				t.Fatalf("bad token %+v in %q", k, s)
			}
			prev = k.PossEnd
		}
		for _, sent := range sentences {
			if !strings.Contains(s, sent) {
				t.Fatalf("sentence %q not in %q", sent, s)
			}
		}
	})
}

func TestHasWord(t *testing.T) {
	tests := []struct {
		s, word string
		want    bool
	}{
		{"Syrian Observatory for Human Rights", "observatory", true},
		{"Ahmed al-Shara", "Shara", true},
		{"Ahmed al-Sharaa", "shara", false},
		{"Syria’s health ministry", "syria", true},
		{"the ministry's spokesman", "ministry", true},
		{"ministries", "ministry", false},
		{"Ministry of Health", "health", true},
		{"Łódź police", "łódź", true},
		{"anything", "", false},
	}
	for _, tt := range tests {
		if got := text.HasWord(tt.s, tt.word); got != tt.want {
			t.Errorf("HasWord(%q, %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
	}
}

func TestLastSentenceEnd(t *testing.T) {
	tests := []struct{ s, want string }{
		{"Mr. al-Shara spoke. “We will win,” he said. The crowd", "Mr. al-Shara spoke. “We will win,” he said."},
		{"Acme Inc. Chief executive Jane Doe said the plant", ""},
		{"One line\nand the next", "One line"},
		{"No end here", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tt.s[:text.LastSentenceEnd(tt.s)]; got != tt.want {
			t.Errorf("LastSentenceEnd(%q) cuts to %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestAsTyped(t *testing.T) {
	tests := []struct{ s, part, want string }{
		{"who is Ghassan Tarabulsi", "ghassan tarabulsi", "Ghassan Tarabulsi"},
		{"death toll in TARTUS", "tartus", "TARTUS"},
		{"who is Ghassan", "ghiath", "ghiath"},
		{"İstanbul toll", "i̇stanbul", "i̇stanbul"}, // lower-casing changes the length: keep part
		{"anything", "", ""},
	}
	for _, tt := range tests {
		if got := text.AsTyped(tt.s, tt.part); got != tt.want {
			t.Errorf("AsTyped(%q, %q) = %q, want %q", tt.s, tt.part, got, tt.want)
		}
	}
}

func TestWeekdayNumber(t *testing.T) {
	for w := range text.Weekdays {
		d, ok := text.WeekdayNumber(w)
		if !ok || strings.ToLower(d.String()) != w {
			t.Errorf("WeekdayNumber(%q) = %v, %v", w, d, ok)
		}
	}
	if _, ok := text.WeekdayNumber("someday"); ok {
		t.Error("someday is a weekday")
	}
}

func TestHighlightSpans(t *testing.T) {
	tests := []struct {
		s          string
		highlights []string
		want       []string
	}{
		{"the former general, Gaith Dalah, established", []string{"gaith", "dalah"}, []string{"Gaith Dalah"}},
		{"Dalah. Then Dalah's men", []string{"Dalah"}, []string{"Dalah"}},
		{"al-Shara said; Shara left", []string{"al-Shara", "shara"}, []string{"al-Shara", "Shara"}},
		{"(Gaith) and Gaithers", []string{"gaith"}, []string{"Gaith"}},
		{"1,300 dead", []string{"1,300"}, []string{"1,300"}},
		{"nothing here", nil, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range text.HighlightSpans(tt.s, tt.highlights) {
			got = append(got, tt.s[sp.From:sp.To])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("HighlightSpans(%q, %q) = %q, want %q", tt.s, tt.highlights, got, tt.want)
		}
	}
}

func TestHyphenatedNamePart(t *testing.T) {
	for w, want := range map[string]bool{
		"hee-young": true, "seong-beom": true, "duck-soo": true, "suk-yeol": true,
		"alawite-led": false, "britain-based": false, "iran-backed": false, "assad-era": false,
		"damascus-style": false, "us-made": false, "hee": false, "hee-": false,
	} {
		if got := text.HyphenatedNamePart(w); got != want {
			t.Errorf("HyphenatedNamePart(%q) = %v, want %v", w, got, want)
		}
	}
}
