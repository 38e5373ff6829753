package eval

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/newsdesk/newsdesk/index"
)

// Set is one evaluation set: its questions and the articles they ask
// about.
type Set struct {
	Name        string `json:"name"`
	ArticlesDir string `json:"articles_dir"`
	Cases       []Case `json:"-"`
}

// Opener returns the engine that sets[i] is measured on, built on
// sets[i].ArticlesDir. A leave-one-set-out run fits its ranker on the
// other sets here. EvaluateSets closes the engine when the set is done.
type Opener func(ctx context.Context, sets []Set, i int) (*index.Engine, error)

// SetScore is one row of a SetsReport.
type SetScore struct {
	Name string `json:"name"`
	Tally
}

// SetsReport is the outcome of evaluating several sets: one row per set,
// ranked in the order given, and their total.
type SetsReport struct {
	Sets  []SetScore `json:"sets"`
	Total Tally      `json:"total"`
}

// EvaluateSets measures each set on the engine open returns for it and
// reports each set's scores in one table.
func EvaluateSets(ctx context.Context, sets []Set, open Opener) (SetsReport, error) {
	rep := SetsReport{Sets: []SetScore{}}
	for i, s := range sets {
		e, err := open(ctx, sets, i)
		if err != nil {
			return SetsReport{}, fmt.Errorf("set %s: %w", s.Name, err)
		}
		r, err := Evaluate(ctx, e, s.Cases)
		if cerr := e.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close the engine: %w", cerr))
		}
		if err != nil {
			return SetsReport{}, fmt.Errorf("set %s: %w", s.Name, err)
		}
		rep.Sets = append(rep.Sets, SetScore{Name: s.Name, Tally: r.Tally})
		rep.Total.add(r.Tally)
	}
	rep.Total.finish()
	return rep, nil
}

// Write prints r as a table: one line per set and the total.
func (r SetsReport) Write(w io.Writer) error {
	ew := &errWriter{w: w}
	width := len("total")
	for _, s := range r.Sets {
		width = max(width, len(s.Name))
	}
	row := func(name string, t Tally) {
		ew.printf("%-*s  %9d  %-16s %-16s %s\n", width, name, t.Cases, fraction(t.HitsAt1, t.Answerable),
			fraction(t.HitsAt3, t.Answerable), fraction(t.NoAnswerHits, t.NoAnswer))
	}
	ew.printf("%-*s  %9s  %-16s %-16s %s\n", width, "set", "questions", "P@1", "P@3", "no answer")
	for _, s := range r.Sets {
		row(s.Name, s.Tally)
	}
	row("total", r.Total)
	return ew.err
}
