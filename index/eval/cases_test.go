package eval_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/eval"
)

// TestDetectFormat tells the two questions formats apart by one line.
func TestDetectFormat(t *testing.T) {
	for _, tc := range []struct {
		line string
		want eval.Format
	}{
		{"who is X\t00-seed.txt\tthe head of||the chief\twho", eval.FormatSubstrings},
		{"who is Y\t-\t-\tneg", eval.FormatSubstrings},
		{"toll\twires.jsonl\t1,500 killed\ttoll", eval.FormatSubstrings},
		{"who is X\ta.md#3|b.md#12\twho: spelling", eval.FormatPassages},
		{"who is X\ta.md#3", eval.FormatPassages},
		{"stock prices\t-", eval.FormatPassages},
		{"stock prices\t-\tno-answer: absent", eval.FormatPassages},
		// Four fields with passages: the passage format with a field too many.
		{"q\ta.md#1\tnote\textra", eval.FormatPassages},
		{"no tab at all", eval.FormatPassages},
	} {
		if got := eval.DetectFormat(tc.line); got != tc.want {
			t.Errorf("DetectFormat(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestParseSubstringCases reads the real sets' format: file or -,
// alternatives separated by ||, a kind.
func TestParseSubstringCases(t *testing.T) {
	input := "# question<TAB>expected file (or -)<TAB>substrings<TAB>kind\n" +
		"who leads Syria's intelligence services\t00-seed.txt\tAnas Khattab, the new head||the intelligence chief \tWho\n" +
		"\n" +
		"who is Walid Dallal\t-\t-\tneg\r\n" +
		"what share are Alawites\t00-seed.txt\tAbout 10 percent||About 10 percent\tfact\n" +
		"casualties of the Kobani floods\t-\t\tneg\n"
	cases, err := eval.ParseCases(strings.NewReader(input))
	if err != nil {
		t.Fatalf("ParseCases: %v", err)
	}
	want := []eval.Case{
		{Question: "who leads Syria's intelligence services", File: "00-seed.txt", Substrings: []string{"Anas Khattab, the new head", "the intelligence chief"}, Kind: "who", Line: 2},
		{Question: "who is Walid Dallal", Kind: "neg", Line: 4},
		{Question: "what share are Alawites", File: "00-seed.txt", Substrings: []string{"About 10 percent"}, Kind: "fact", Line: 5},
		{Question: "casualties of the Kobani floods", Kind: "neg", Line: 6},
	}
	if !slices.EqualFunc(cases, want, evalCaseEqual) {
		t.Errorf("cases = %+v\nwant    %+v", cases, want)
	}
	if cases[0].Answerable() != true || cases[1].Answerable() != false {
		t.Errorf("Answerable = %v, %v; want true, false", cases[0].Answerable(), cases[1].Answerable())
	}
}

// TestParseSubstringCasesErrors names the line of each malformed case.
func TestParseSubstringCasesErrors(t *testing.T) {
	const first = "q1\ta.txt\tsome text\twho\n"
	for _, tc := range []struct {
		name, input string
		line        int
	}{
		{"three fields after four", first + "q2\ta.txt\tsome text\n", 2},
		{"five fields", first + "q2\ta.txt\tx\twho\textra\n", 2},
		{"empty question", first + " \ta.txt\tx\twho\n", 2},
		{"empty file", first + "q2\t\tx\twho\n", 2},
		{"empty kind", first + "q2\ta.txt\tx\t \n", 2},
		{"no substrings", first + "q2\ta.txt\t-\twho\n", 2},
		{"empty substrings", first + "q2\ta.txt\t\twho\n", 2},
		{"empty alternative", first + "q2\ta.txt\tx|| ||y\twho\n", 2},
		{"three bars", first + "q2\ta.txt\tx|||y\twho\n", 2},
		{"substrings without an answer", first + "q2\t-\tsome text\tneg\n", 2},
		{"duplicate question", first + "Q1 \tb.txt\ty\tfact\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eval.ParseCases(strings.NewReader(tc.input))
			if err == nil {
				t.Fatal("no error")
			}
			if code := corpus.ErrorCode(err); code != corpus.EINVALID {
				t.Errorf("code = %s, want %s (%v)", code, corpus.EINVALID, err)
			}
			if !strings.Contains(corpus.ErrorMessage(err), fmt.Sprintf("line %d:", tc.line)) {
				t.Errorf("error %q does not name line %d", corpus.ErrorMessage(err), tc.line)
			}
		})
	}
}

// TestNoteKinds derives a passage case's kind from the labels its file's
// notes use.
func TestNoteKinds(t *testing.T) {
	notes := []struct{ note, kind string }{
		{"who: wire spelling", "who"},
		{"who", "who"},
		{"Who: typo", "who"},
		{"figure", "figure"},
		{"figure for a district", "figure"},
		{"figure: later toll supersedes", "figure"},
		{"say: partial name", "say"},
		{"say by role", "say"},
		{"no answer: wrong country", "no answer"},
		{"no-answer: absent topic", "no-answer"},
		{"topical why: the answer names a region", "topical why"},
		{"figures in a table", ""},         // "figure" only as a whole word
		{"seed spells Gaith Dalah", ""},    // free text: no label
		{"typo, lower case, no comma", ""}, // a comma is no colon
		{"Qasim/Qassem/Kassem", ""},        // one word, but not a label
		{"", ""},
	}
	var b strings.Builder
	for i, n := range notes {
		fmt.Fprintf(&b, "question %d\ta.md#%d\t%s\n", i, i+1, n.note)
	}
	cases, err := eval.ParseCases(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("ParseCases: %v", err)
	}
	for i, c := range cases {
		if c.Kind != notes[i].kind {
			t.Errorf("note %q: kind %q, want %q", notes[i].note, c.Kind, notes[i].kind)
		}
	}
}
