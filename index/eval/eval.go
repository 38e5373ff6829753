// Package eval measures how well the engine answers: an evaluation set
// of questions with the passages that answer them, asked of an Engine and
// scored at 1 and at 3.
package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// limit is how many answers Evaluate asks for: precision is measured at
// 1 and at 3.
const limit = 3

// Case is one question of an evaluation set with the passages that
// answer it.
type Case struct {
	Question string `json:"question"`
	// Expected are the acceptable passages as "articleID#N" (N the 1-based
	// paragraph number); empty means the corpus has no answer and the
	// engine must return none.
	Expected []string `json:"expected,omitempty"`
	Note     string   `json:"note,omitempty"`
	// Line is the case's line in the questions file, for messages.
	Line int `json:"line"`
}

// PassageID returns the "articleID#N" name of paragraph n of an article,
// as used in Case.Expected.
func PassageID(articleID string, n int) string {
	return articleID + "#" + strconv.Itoa(n)
}

// SplitPassageID splits "articleID#N" into the article ID and the
// paragraph number. The article ID may itself contain '#'; the number is
// what follows the last one and must be positive.
func SplitPassageID(s string) (articleID string, n int, err error) {
	i := strings.LastIndexByte(s, '#')
	if i <= 0 || i == len(s)-1 {
		return "", 0, fmt.Errorf("passage %q: want articleID#N", s)
	}
	n, err = strconv.Atoi(s[i+1:])
	if err != nil || n < 1 {
		return "", 0, fmt.Errorf("passage %q: paragraph number %q is not a positive integer", s, s[i+1:])
	}
	return s[:i], n, nil
}

// ParseCases reads an evaluation set: one case per line as
// "question<TAB>expected<TAB>note", where expected is "-" for a question
// the corpus cannot answer, or acceptable passages "articleID#N" separated
// by '|'. The note is optional. Blank lines and lines starting with '#'
// are ignored. Errors are EINVALID *corpus.Error values naming the line.
func ParseCases(r io.Reader) ([]Case, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var cases []Case
	seen := map[string]int{} // normalised question → line
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		c, err := parseLine(text, line)
		if err != nil {
			return nil, err
		}
		key := strings.ToLower(strings.Join(strings.Fields(c.Question), " "))
		if first, ok := seen[key]; ok {
			return nil, corpus.Errorf(corpus.EINVALID, "line %d: question %q repeats line %d", line, c.Question, first)
		}
		seen[key] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read eval questions: %w", err)
	}
	if len(cases) == 0 {
		return nil, corpus.Errorf(corpus.EINVALID, "no questions found (want lines of question<TAB>expected<TAB>note)")
	}
	return cases, nil
}

// parseLine parses one non-comment line of an evaluation set.
func parseLine(text string, line int) (Case, error) {
	if !utf8.ValidString(text) {
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: not valid UTF-8", line)
	}
	fields := strings.Split(text, "\t")
	switch {
	case len(fields) < 2:
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: want question<TAB>expected[<TAB>note], found no tab", line)
	case len(fields) > 3:
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: want at most 3 tab-separated fields, found %d", line, len(fields))
	}
	c := Case{Question: strings.TrimSpace(fields[0]), Line: line}
	if len(fields) == 3 {
		c.Note = strings.TrimSpace(fields[2])
	}
	if c.Question == "" {
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty question", line)
	}
	expected := strings.TrimSpace(fields[1])
	switch expected {
	case "":
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty expected field (write - for a question with no answer)", line)
	case "-":
		return c, nil
	}
	for p := range strings.SplitSeq(expected, "|") {
		p = strings.TrimSpace(p)
		if p == "" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty passage in %q", line, expected)
		}
		if p == "-" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: - (no answer) mixed with passages in %q", line, expected)
		}
		id, n, err := SplitPassageID(p)
		if err != nil {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: %v", line, err)
		}
		p = PassageID(id, n) // canonical form: "a.md#07" → "a.md#7"
		if !slices.Contains(c.Expected, p) {
			c.Expected = append(c.Expected, p)
		}
	}
	return c, nil
}

// MissKind says how an evaluation case failed.
type MissKind string

// Miss kinds.
const (
	// MissFirst: an expected passage is among the top 3 but not first.
	MissFirst MissKind = "not_first"
	// MissTop3: answers came, but none of the top 3 is expected.
	MissTop3 MissKind = "not_in_top3"
	// MissNoAnswer: the question has an answer but the engine gave none.
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
	Line     int      `json:"line"`
	Question string   `json:"question"`
	Expected []string `json:"expected"` // empty: no answer expected
	Note     string   `json:"note,omitempty"`
	Kind     MissKind `json:"kind"`
	// Intent is how the engine understood the question.
	Intent corpus.Intent `json:"intent"`
	// Rank is the 1-based rank of the first expected passage among the
	// answers, 0 when none of them is expected.
	Rank int `json:"rank"`
	// Got are the answers given, best first.
	Got []Answer `json:"got"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Cases      int `json:"cases"`
	Answerable int `json:"answerable"`
	NoAnswer   int `json:"no_answer"`
	// HitsAt1 and HitsAt3 count the answerable cases whose first answer,
	// or one of whose first three answers, is an expected passage.
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
	Misses           []Miss  `json:"misses"`
}

// Evaluate asks e every case's question for its top 3 answers and scores
// them against the expected passages. Every case that is not right at 1 —
// a wrong first answer, an answerable question left unanswered, or an
// answer to a question the corpus cannot answer — is listed in Misses.
func Evaluate(ctx context.Context, e *index.Engine, cases []Case) (Report, error) {
	rep := Report{Misses: []Miss{}}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return Report{}, fmt.Errorf("evaluate: %w", err)
		}
		res, err := e.Ask(ctx, c.Question, index.AskOptions{Limit: limit})
		if err != nil {
			return Report{}, fmt.Errorf("evaluate line %d %q: %w", c.Line, c.Question, err)
		}
		rep.add(c, res)
	}
	rep.PrecisionAt1 = ratio(rep.HitsAt1, rep.Answerable)
	rep.PrecisionAt3 = ratio(rep.HitsAt3, rep.Answerable)
	rep.NoAnswerAccuracy = ratio(rep.NoAnswerHits, rep.NoAnswer)
	return rep, nil
}

// add scores one case's result.
func (r *Report) add(c Case, res *corpus.Result) {
	r.Cases++
	answers := res.Answers
	if len(answers) > limit {
		answers = answers[:limit]
	}
	got := make([]Answer, len(answers))
	rank := 0
	for i, a := range answers {
		got[i] = Answer{Passage: PassageID(a.Article.ID, a.Paragraph), Text: a.Text, Score: a.Score}
		if rank == 0 && slices.Contains(c.Expected, got[i].Passage) {
			rank = i + 1
		}
	}
	miss := Miss{Line: c.Line, Question: c.Question, Expected: c.Expected, Note: c.Note, Intent: res.Intent, Rank: rank, Got: got}
	if len(c.Expected) == 0 {
		r.NoAnswer++
		if len(got) == 0 {
			r.NoAnswerHits++
			return
		}
		miss.Kind = MissAnswered
		r.Misses = append(r.Misses, miss)
		return
	}
	r.Answerable++
	switch {
	case rank == 1:
		r.HitsAt1++
		r.HitsAt3++
		return
	case rank > 1:
		r.HitsAt3++
		miss.Kind = MissFirst
	case len(got) == 0:
		miss.Kind = MissNoAnswer
	default:
		miss.Kind = MissTop3
	}
	r.Misses = append(r.Misses, miss)
}

// ratio returns n/d, or 0 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Write prints a readable summary of r and each miss with what the engine
// answered first.
func (r Report) Write(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("eval: %d questions (%d answerable, %d without answer)\n", r.Cases, r.Answerable, r.NoAnswer)
	ew.printf("  precision@1         %s\n", score(r.PrecisionAt1, r.HitsAt1, r.Answerable))
	ew.printf("  precision@3         %s\n", score(r.PrecisionAt3, r.HitsAt3, r.Answerable))
	ew.printf("  no-answer accuracy  %s\n", score(r.NoAnswerAccuracy, r.NoAnswerHits, r.NoAnswer))
	if len(r.Misses) == 0 {
		ew.printf("no misses\n")
		return ew.err
	}
	ew.printf("\n%d misses:\n", len(r.Misses))
	for _, m := range r.Misses {
		ew.printf("\nline %d: %s  [%s, intent %s]\n", m.Line, m.Question, m.Kind, orDash(string(m.Intent)))
		if m.Note != "" {
			ew.printf("  note:     %s\n", m.Note)
		}
		if len(m.Expected) == 0 {
			ew.printf("  expected: no answer\n")
		} else {
			ew.printf("  expected: %s\n", strings.Join(m.Expected, " | "))
		}
		if len(m.Got) == 0 {
			ew.printf("  got:      no answer\n")
			continue
		}
		for i, g := range m.Got {
			label := "  got:     "
			if i > 0 {
				label = "           "
			}
			mark := ""
			if i+1 == m.Rank {
				mark = " (expected)"
			}
			ew.printf("%s %d. %s%s %q\n", label, i+1, g.Passage, mark, snippet(g.Text, 90))
		}
	}
	return ew.err
}

// score formats a ratio with its counts, or "n/a" without cases.
func score(v float64, n, d int) string {
	if d == 0 {
		return "n/a (no cases)"
	}
	return fmt.Sprintf("%.3f  (%d/%d)", v, n, d)
}

// orDash returns s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// snippet returns the first n runes of s on one line, with an ellipsis
// when cut.
func snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

// errWriter remembers the first write error so that a run of prints can
// be checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) printf(format string, args ...any) {
	if ew.err != nil {
		return
	}
	if _, err := fmt.Fprintf(ew.w, format, args...); err != nil {
		ew.err = fmt.Errorf("write eval report: %w", err)
	}
}
