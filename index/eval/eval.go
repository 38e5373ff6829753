// Package eval measures how well the engine answers: an evaluation set
// of questions with the passages or texts that answer them, asked of an
// Engine and scored at 1 and at 3, overall, per kind of question and per
// set.
package eval

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// limit is how many answers Evaluate asks for: precision is measured at
// 1 and at 3.
const limit = 3

// MissKind says how an evaluation case failed.
type MissKind string

// Miss kinds.
const (
	// MissFirst: an expected answer is among the top 3 but not first.
	MissFirst MissKind = "not_first"
	// MissTop3: answers came, but none of the top 3 is expected.
	MissTop3 MissKind = "not_in_top3"
	// MissNoAnswer: the question has an answer but the engine refused it.
	MissNoAnswer MissKind = "no_answer"
	// MissAnswered: the corpus has no answer but the engine gave some.
	MissAnswered MissKind = "answered"
)

// Answer is one answer the engine gave during an evaluation.
type Answer struct {
	Passage string  `json:"passage"` // "articleID#N"
	Text    string  `json:"text"`
	Score   float64 `json:"score"`
}

// Miss is a case the engine did not get right at 1.
type Miss struct {
	Line       int      `json:"line"`
	Question   string   `json:"question"`
	Expected   []string `json:"expected"` // passages; empty with Substrings or for no answer
	Substrings []string `json:"substrings,omitempty"`
	File       string   `json:"file,omitempty"`
	Note       string   `json:"note,omitempty"`
	// QuestionKind is the case's kind of question (Case.Kind).
	QuestionKind string   `json:"question_kind,omitempty"`
	Kind         MissKind `json:"kind"`
	// Intent is how the engine understood the question, and Notes what it
	// remarked about its answers (for a refusal, often why).
	Intent corpus.Intent `json:"intent"`
	Notes  []string      `json:"notes,omitempty"`
	// Rank is the 1-based rank of the first expected answer among the
	// answers, 0 when none of them is expected.
	Rank int `json:"rank"`
	// Got are the answers given, best first.
	Got []Answer `json:"got"`
}

// Tally counts the hits of a group of cases.
type Tally struct {
	Cases      int `json:"cases"`
	Answerable int `json:"answerable"`
	NoAnswer   int `json:"no_answer"`
	// HitsAt1 and HitsAt3 count the answerable cases whose first answer,
	// or one of whose first three answers, is an expected one.
	HitsAt1 int `json:"hits_at_1"`
	HitsAt3 int `json:"hits_at_3"`
	// NoAnswerHits counts the no-answer cases that got no answer.
	NoAnswerHits int `json:"no_answer_hits"`
	// PrecisionAt1 is HitsAt1/Answerable, PrecisionAt3 HitsAt3/Answerable
	// and NoAnswerAccuracy NoAnswerHits/NoAnswer; each is 0 when its
	// denominator is.
	PrecisionAt1     float64 `json:"precision_at_1"`
	PrecisionAt3     float64 `json:"precision_at_3"`
	NoAnswerAccuracy float64 `json:"no_answer_accuracy"`
}

// count adds one case: answerable or not, and the rank of its first
// expected answer (0 for none) or whether it got no answer.
func (t *Tally) count(answerable bool, rank int, answered bool) {
	t.Cases++
	switch {
	case !answerable:
		t.NoAnswer++
		if !answered {
			t.NoAnswerHits++
		}
	default:
		t.Answerable++
		if rank == 1 {
			t.HitsAt1++
		}
		if rank >= 1 {
			t.HitsAt3++
		}
	}
}

// add adds the counts of o to t.
func (t *Tally) add(o Tally) {
	t.Cases += o.Cases
	t.Answerable += o.Answerable
	t.NoAnswer += o.NoAnswer
	t.HitsAt1 += o.HitsAt1
	t.HitsAt3 += o.HitsAt3
	t.NoAnswerHits += o.NoAnswerHits
}

// finish computes the ratios from the counts.
func (t *Tally) finish() {
	t.PrecisionAt1 = ratio(t.HitsAt1, t.Answerable)
	t.PrecisionAt3 = ratio(t.HitsAt3, t.Answerable)
	t.NoAnswerAccuracy = ratio(t.NoAnswerHits, t.NoAnswer)
}

// KindTally is the tally of one kind of question.
type KindTally struct {
	Kind string `json:"kind"`
	Tally
}

// Report is the outcome of an evaluation: the tally of all cases, one per
// kind of question (sorted by kind; cases without a kind are only in the
// overall tally) and every miss.
type Report struct {
	Tally
	Kinds  []KindTally `json:"kinds,omitempty"`
	Misses []Miss      `json:"misses"`
}

// Evaluate asks e every case's question for its top 3 answers and scores
// them against what the case expects (Case.Matches). Every case that is
// not right at 1 — a wrong first answer, an answerable question refused,
// or an answer to a question the corpus cannot answer — is listed in
// Misses.
func Evaluate(ctx context.Context, e *index.Engine, cases []Case) (Report, error) {
	results := make([]*corpus.Result, len(cases))
	for i, c := range cases {
		if err := ctx.Err(); err != nil {
			return Report{}, fmt.Errorf("evaluate: %w", err)
		}
		res, err := e.Ask(ctx, c.Question, index.AskOptions{Limit: limit})
		if err != nil {
			return Report{}, fmt.Errorf("evaluate line %d %q: %w", c.Line, c.Question, err)
		}
		results[i] = res
	}
	return Score(cases, results), nil
}

// Score scores each case against the engine's result for its question,
// results[i] for cases[i]; only the first 3 answers count.
func Score(cases []Case, results []*corpus.Result) Report {
	rep := Report{Misses: []Miss{}}
	kinds := map[string]*Tally{}
	for i, c := range cases {
		m, hit := scoreCase(c, results[i])
		if !hit {
			rep.Misses = append(rep.Misses, m)
		}
		answered := len(m.Got) > 0
		rep.count(c.Answerable(), m.Rank, answered)
		if c.Kind != "" {
			if kinds[c.Kind] == nil {
				kinds[c.Kind] = &Tally{}
			}
			kinds[c.Kind].count(c.Answerable(), m.Rank, answered)
		}
	}
	rep.finish()
	for k, t := range kinds {
		t.finish()
		rep.Kinds = append(rep.Kinds, KindTally{Kind: k, Tally: *t})
	}
	slices.SortFunc(rep.Kinds, func(a, b KindTally) int { return cmp.Compare(a.Kind, b.Kind) })
	return rep
}

// scoreCase returns how case c fared with result res: the miss it would be,
// and whether it is a hit (right at 1, or rightly unanswered).
func scoreCase(c Case, res *corpus.Result) (Miss, bool) {
	answers := res.Answers
	if len(answers) > limit {
		answers = answers[:limit]
	}
	m := Miss{Line: c.Line, Question: c.Question, Expected: c.Expected, Substrings: c.Substrings, File: c.File, Note: c.Note,
		QuestionKind: c.Kind, Intent: res.Intent, Notes: res.Notes, Got: make([]Answer, len(answers))}
	for i, a := range answers {
		m.Got[i] = Answer{Passage: PassageID(a.Article.ID, a.Paragraph), Text: a.Text, Score: a.Score}
		if m.Rank == 0 && c.Answerable() && c.Matches(a) {
			m.Rank = i + 1
		}
	}
	switch {
	case !c.Answerable() && len(answers) == 0, m.Rank == 1:
		return m, true
	case !c.Answerable():
		m.Kind = MissAnswered
	case m.Rank > 1:
		m.Kind = MissFirst
	case len(answers) == 0:
		m.Kind = MissNoAnswer
	default:
		m.Kind = MissTop3
	}
	return m, false
}

// ratio returns n/d, or 0 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
