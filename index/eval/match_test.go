package eval_test

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/eval"
)

// TestNormalize covers each step of the real sets' normalisation.
func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Syria\u2019s coast", "syria's coast"},
		{"\u2018the regime\u2019", "'the regime'"},
		{"\u201CWe will not stop\u201D", `"we will not stop"`},
		{"March 6\u20138", "march 6-8"},
		{"the toll \u2014 1,500 \u2014 rose", "the toll - 1,500 - rose"},
		{"10\u00A0percent", "10 percent"},
		{"killed , he said .", "killed, he said."},
		{"who ? why ! then ; so : end", "who? why! then; so: end"},
		{"nbsp\u00A0, before a comma", "nbsp, before a comma"},
		{"  many   spaces\tand\nlines  ", "many spaces and lines"},
		{"UN Human Rights Office", "un human rights office"},
		{"", ""},
	} {
		if got := eval.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestContainsNormalized matches substrings after normalising both sides.
func TestContainsNormalized(t *testing.T) {
	for _, tc := range []struct {
		text, sub string
		want      bool
	}{
		{"Anas Khattab, the new head of Syria\u2019s intelligence services", "Anas Khattab, the new head of Syria's intelligence services", true},
		{"the new head of Syria's  intelligence services", "head of Syria\u2019s intelligence", true},
		{"About 10 percent of Syrians belong to the sect.", "about 10 percent of syrians", true},
		{"he said \u201Cenough\u201D .", `said "enough".`, true},
		{"between 2011\u20132024", "2011-2024", true},
		{"the elite Fourth Division", "elite Fifth Division", false},
		{"killed 1,500", "killed 1500", false}, // digits are not normalised
	} {
		if got := eval.ContainsNormalized(tc.text, tc.sub); got != tc.want {
			t.Errorf("ContainsNormalized(%q, %q) = %v, want %v", tc.text, tc.sub, got, tc.want)
		}
	}
}

// TestCaseMatches accepts an answer by passage, by its text or by a
// context paragraph, and nothing for a case without an answer.
func TestCaseMatches(t *testing.T) {
	answer := corpus.Answer{
		Text:      "\u201CWe found the bodies,\u201D he said .",
		Context:   []string{"A resident of Baniyas, Ali, spoke to reporters.", "He added that the gunfire\u00A0stopped at dawn."},
		Paragraph: 4,
		Article:   corpus.ArticleRef{ID: "03-guardian.txt"},
	}
	for _, tc := range []struct {
		name string
		c    eval.Case
		want bool
	}{
		{"passage", eval.Case{Expected: []string{"x.txt#1", "03-guardian.txt#4"}}, true},
		{"other passage", eval.Case{Expected: []string{"03-guardian.txt#5"}}, false},
		{"text", eval.Case{Substrings: []string{`"we found the bodies," he said.`}}, true},
		{"second alternative", eval.Case{Substrings: []string{"not there", "found the bodies"}}, true},
		{"previous context", eval.Case{Substrings: []string{"a resident of baniyas"}}, true},
		{"next context", eval.Case{Substrings: []string{"the gunfire stopped at dawn"}}, true},
		{"across text and context", eval.Case{Substrings: []string{"he said. a resident"}}, false},
		{"absent", eval.Case{Substrings: []string{"the gunfire subsided"}}, false},
		{"expected file does not matter", eval.Case{File: "99-other.txt", Substrings: []string{"found the bodies"}}, true},
		{"no answer expected", eval.Case{}, false},
	} {
		if got := tc.c.Matches(answer); got != tc.want {
			t.Errorf("%s: Matches = %v, want %v", tc.name, got, tc.want)
		}
	}
}
