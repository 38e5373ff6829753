package eval

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/rank"
)

// Groups asks e every case's question for its whole pool and labels each
// candidate with Case.Matches: the data rank.Fit fits a model to. A case
// refused before ranking, or whose pool is empty, is a group without
// candidates, so that scoring still counts it.
func Groups(ctx context.Context, e *index.Engine, cases []Case) ([]rank.Group, error) {
	groups := make([]rank.Group, len(cases))
	for i, c := range cases {
		entries, _, err := e.Pool(ctx, c.Question)
		if err != nil {
			return nil, fmt.Errorf("pool of line %d %q: %w", c.Line, c.Question, err)
		}
		g := rank.Group{Answerable: c.Answerable()}
		for _, en := range entries {
			g.Features = append(g.Features, en.Features)
			g.Relevant = append(g.Relevant, c.Matches(en.Answer))
		}
		groups[i] = g
	}
	return groups, nil
}

// ScoreGroups scores a model on labelled groups as Evaluate scores an
// engine: the first three of each pool by the model, none when the best
// scores below its threshold.
func ScoreGroups(m *rank.Model, groups []rank.Group) Tally {
	var t Tally
	for _, g := range groups {
		hit, answered := 0, false
		if len(g.Features) > 0 {
			order := m.Order(g.Features)
			ranked := make([]rank.Features, len(order))
			for i, j := range order {
				ranked[i] = g.Features[j]
			}
			answered = m.Answers(ranked)
			if answered {
				if i := slices.IndexFunc(order[:min(limit, len(order))], func(i int) bool { return g.Relevant[i] }); i >= 0 {
					hit = i + 1
				}
			}
		}
		t.count(g.Answerable, hit, answered)
	}
	t.finish()
	return t
}

// LeaveOneOut fits a model on every set of groups but one and scores it on
// that one, for each set in turn: how the weights do on wording they were
// not fitted to.
func LeaveOneOut(names []string, groups [][]rank.Group, opts rank.FitOptions) SetsReport {
	rep := SetsReport{Sets: []SetScore{}}
	for i := range groups {
		var train []rank.Group
		for j, g := range groups {
			if j != i {
				train = append(train, g...)
			}
		}
		t := ScoreGroups(rank.Fit(train, opts), groups[i])
		rep.Sets = append(rep.Sets, SetScore{Name: names[i], Tally: t})
		rep.Total.add(t)
	}
	rep.Total.finish()
	return rep
}

// ScoreSets scores one model on each set of groups.
func ScoreSets(m *rank.Model, names []string, groups [][]rank.Group) SetsReport {
	rep := SetsReport{Sets: []SetScore{}}
	for i := range groups {
		t := ScoreGroups(m, groups[i])
		rep.Sets = append(rep.Sets, SetScore{Name: names[i], Tally: t})
		rep.Total.add(t)
	}
	rep.Total.finish()
	return rep
}
