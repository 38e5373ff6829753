package eval_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/eval"
)

// answers returns a result whose answers are paragraphs 1, 2, … of
// article a.txt with the given texts.
func answers(notes []string, texts ...string) *corpus.Result {
	res := &corpus.Result{Intent: corpus.IntentSearch, Notes: notes, Answers: []corpus.Answer{}}
	for i, text := range texts {
		res.Answers = append(res.Answers, corpus.Answer{Text: text, Paragraph: i + 1, Article: corpus.ArticleRef{ID: "a.txt"}})
	}
	return res
}

// TestScoreMisses gives each way of failing its miss kind and rank.
func TestScoreMisses(t *testing.T) {
	top := []string{"the mayor of Derna", "the toll rose to 3,958", "the storm hit Bayda", "a fourth answer"}
	for _, tc := range []struct {
		name       string
		c          eval.Case
		res        *corpus.Result
		hit        bool
		kind       eval.MissKind
		rank, nGot int
	}{
		{"substring first", eval.Case{Substrings: []string{"Mayor of Derna"}}, answers(nil, top...), true, "", 1, 3},
		{"passage first", eval.Case{Expected: []string{"a.txt#1"}}, answers(nil, top...), true, "", 1, 3},
		{"ranked 2", eval.Case{Substrings: []string{"toll rose to 3,958"}}, answers(nil, top...), false, eval.MissFirst, 2, 3},
		{"ranked 3", eval.Case{Expected: []string{"a.txt#3"}}, answers(nil, top...), false, eval.MissFirst, 3, 3},
		{"fourth does not count", eval.Case{Substrings: []string{"a fourth answer"}}, answers(nil, top...), false, eval.MissTop3, 0, 3},
		{"not in the list", eval.Case{Substrings: []string{"11,300"}}, answers(nil, top...), false, eval.MissTop3, 0, 3},
		{"refused", eval.Case{Substrings: []string{"11,300"}}, answers([]string{"I found no passage about X."}), false, eval.MissNoAnswer, 0, 0},
		{"rightly refused", eval.Case{}, answers(nil), true, "", 0, 0},
		{"answered without an answer", eval.Case{Kind: "neg"}, answers(nil, top[:1]...), false, eval.MissAnswered, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.Question, tc.c.Line = "q", 7
			rep := eval.Score([]eval.Case{tc.c}, []*corpus.Result{tc.res})
			if hit := len(rep.Misses) == 0; hit != tc.hit {
				t.Fatalf("hit = %v, want %v (misses %+v)", hit, tc.hit, rep.Misses)
			}
			if tc.hit {
				return
			}
			m := rep.Misses[0]
			if m.Kind != tc.kind || m.Rank != tc.rank || len(m.Got) != tc.nGot || m.Line != 7 {
				t.Errorf("miss %s at rank %d with %d answers on line %d; want %s at rank %d with %d on line 7",
					m.Kind, m.Rank, len(m.Got), m.Line, tc.kind, tc.rank, tc.nGot)
			}
			if !slices.Equal(m.Notes, tc.res.Notes) {
				t.Errorf("notes %q, want the engine's %q", m.Notes, tc.res.Notes)
			}
		})
	}
}

// TestScoreKinds tallies every case overall and in its kind.
func TestScoreKinds(t *testing.T) {
	right := answers(nil, "the answer", "other")
	second := answers(nil, "other", "the answer")
	wrong := answers(nil, "other")
	none := answers(nil)
	cases := []eval.Case{
		{Question: "1", Kind: "who", Substrings: []string{"the answer"}},
		{Question: "2", Kind: "who", Substrings: []string{"the answer"}},
		{Question: "3", Kind: "toll", Substrings: []string{"the answer"}},
		{Question: "4", Kind: "toll", Substrings: []string{"the answer"}},
		{Question: "5", Kind: "neg"},
		{Question: "6", Kind: "neg"},
		{Question: "7", Substrings: []string{"the answer"}}, // no kind: only in the overall tally
	}
	results := []*corpus.Result{right, second, wrong, none, none, wrong, right}
	rep := eval.Score(cases, results)
	overall := eval.Tally{Cases: 7, Answerable: 5, NoAnswer: 2, HitsAt1: 2, HitsAt3: 3, NoAnswerHits: 1,
		PrecisionAt1: 0.4, PrecisionAt3: 0.6, NoAnswerAccuracy: 0.5}
	if rep.Tally != overall {
		t.Errorf("overall %+v\nwant    %+v", rep.Tally, overall)
	}
	want := []eval.KindTally{
		{Kind: "neg", Tally: eval.Tally{Cases: 2, NoAnswer: 2, NoAnswerHits: 1, NoAnswerAccuracy: 0.5}},
		{Kind: "toll", Tally: eval.Tally{Cases: 2, Answerable: 2}},
		{Kind: "who", Tally: eval.Tally{Cases: 2, Answerable: 2, HitsAt1: 1, HitsAt3: 2, PrecisionAt1: 0.5, PrecisionAt3: 1}},
	}
	if !slices.Equal(rep.Kinds, want) {
		t.Errorf("kinds %+v\nwant  %+v", rep.Kinds, want)
	}
	if len(rep.Misses) != 4 {
		t.Errorf("%d misses, want 4 (ranked 2, not in the list, refused, answered)", len(rep.Misses))
	}
}

// TestReportWrite prints the scores per kind and says what happened to
// each miss.
func TestReportWrite(t *testing.T) {
	top := []string{"A road bridge over the Marren river collapsed during the morning rush hour on Monday, sending three cars and a bus into the water.", "the toll rose to 3,958", "the storm hit Bayda"}
	cases := []eval.Case{
		{Line: 2, Question: "bridge", Kind: "fact", File: "a.txt", Substrings: []string{"3,958"}},
		{Line: 3, Question: "storm", Kind: "fact", Substrings: []string{"11,300"}},
		{Line: 4, Question: "toll", Kind: "toll", Substrings: []string{"11,300"}},
		{Line: 5, Question: "unknown", Kind: "neg"},
		{Line: 6, Question: "old", Expected: []string{"b.md#2"}},
	}
	results := []*corpus.Result{answers(nil, top...), answers(nil, top...), answers([]string{"I found no passage about the toll."}), answers(nil, top...), answers(nil)}
	var b strings.Builder
	if err := eval.Score(cases, results).Write(&b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	out := b.String()
	for _, want := range []string{
		"precision@1         0.000  (0/4)", "no-answer accuracy  0.000  (0/1)",
		"fact  ", "0/2 0.000        1/2 0.500", "neg   ", "0/1 0.000",
		"line 2: bridge  [fact; ranked 2, intent search]", `expected: "3,958" in a.txt`, "2. a.txt#2 (expected)",
		"line 3: storm  [fact; not in the top 3", "expected: \"11,300\"\n", "1. a.txt#1 \"A road bridge over the Marren river collapsed during the morning rush hour on Monday, send…\"",
		"line 4: toll  [toll; refused", "got:      no answer", "engine:   I found no passage about the toll.",
		"line 5: unknown  [neg; answered, no answer expected", "expected: no answer",
		"line 6: old  [refused", "expected: b.md#2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if err := eval.Score(cases, results).Write(failingWriter{}); err == nil {
		t.Error("Write to a failing writer: no error")
	}
}
