package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Write prints a readable summary of r: the scores overall and per kind
// of question, then each miss with what happened — refused (with the
// engine's notes), ranked N, not in the top 3, or answered when no answer
// was expected — and the top answers, shortened.
func (r Report) Write(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("eval: %d questions (%d answerable, %d without answer)\n", r.Cases, r.Answerable, r.NoAnswer)
	ew.printf("  precision@1         %s\n", score(r.PrecisionAt1, r.HitsAt1, r.Answerable))
	ew.printf("  precision@3         %s\n", score(r.PrecisionAt3, r.HitsAt3, r.Answerable))
	ew.printf("  no-answer accuracy  %s\n", score(r.NoAnswerAccuracy, r.NoAnswerHits, r.NoAnswer))
	if len(r.Kinds) > 0 {
		width := len("kind")
		for _, k := range r.Kinds {
			width = max(width, len(k.Kind))
		}
		ew.printf("\n  %-*s  %-16s %-16s %s\n", width, "kind", "P@1", "P@3", "no answer")
		for _, k := range r.Kinds {
			ew.printf("  %-*s  %-16s %-16s %s\n", width, k.Kind, fraction(k.HitsAt1, k.Answerable),
				fraction(k.HitsAt3, k.Answerable), fraction(k.NoAnswerHits, k.NoAnswer))
		}
	}
	if len(r.Misses) == 0 {
		ew.printf("no misses\n")
		return ew.err
	}
	ew.printf("\n%d misses:\n", len(r.Misses))
	for _, m := range r.Misses {
		writeMiss(ew, m)
	}
	return ew.err
}

// writeMiss prints one miss.
func writeMiss(ew *errWriter, m Miss) {
	kind := ""
	if m.QuestionKind != "" {
		kind = m.QuestionKind + "; "
	}
	ew.printf("\nline %d: %s  [%s%s, intent %s]\n", m.Line, m.Question, kind, what(m), orDash(string(m.Intent)))
	if m.Note != "" {
		ew.printf("  note:     %s\n", m.Note)
	}
	switch {
	case len(m.Substrings) > 0:
		in := ""
		if m.File != "" {
			in = " in " + m.File
		}
		ew.printf("  expected: %s%s\n", quoteAll(m.Substrings), in)
	case len(m.Expected) > 0:
		ew.printf("  expected: %s\n", strings.Join(m.Expected, " | "))
	default:
		ew.printf("  expected: no answer\n")
	}
	if len(m.Got) == 0 {
		ew.printf("  got:      no answer\n")
	}
	for _, n := range m.Notes {
		ew.printf("  engine:   %s\n", n)
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

// what says in a few words what happened to a missed case; the engine's
// notes, which say why it refused, follow on their own lines.
func what(m Miss) string {
	switch m.Kind {
	case MissNoAnswer:
		return "refused"
	case MissFirst:
		return fmt.Sprintf("ranked %d", m.Rank)
	case MissTop3:
		return "not in the top 3"
	case MissAnswered:
		return "answered, no answer expected"
	}
	return string(m.Kind)
}

// quoteAll quotes each of ss and joins them with " || ".
func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", snippet(s, 90))
	}
	return strings.Join(q, " || ")
}

// score formats a ratio with its counts, or "n/a" without cases.
func score(v float64, n, d int) string {
	if d == 0 {
		return "n/a (no cases)"
	}
	return fmt.Sprintf("%.3f  (%d/%d)", v, n, d)
}

// fraction formats n/d with its ratio, or "-" without cases.
func fraction(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %.3f", n, d, ratio(n, d))
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
