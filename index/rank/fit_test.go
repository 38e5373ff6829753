package rank

import "testing"

// group makes a labelled question: each candidate's coverage and name
// features, and which answer.
func group(answerable bool, cands ...[3]float64) Group {
	g := Group{Answerable: answerable}
	for _, c := range cands {
		var f Features
		f[FeatureCoverage], f[FeaturePlainRank] = c[0], c[1]
		g.Features = append(g.Features, f)
		g.Relevant = append(g.Relevant, c[2] == 1)
	}
	return g
}

func TestFit(t *testing.T) {
	// The answer covers the question best; the plain search's first is a
	// decoy as often as not.
	var groups []Group
	for range 20 {
		groups = append(groups,
			group(true, [3]float64{0.9, 0.5, 1}, [3]float64{0.4, 1, 0}, [3]float64{0.3, 0.3, 0}),
			group(true, [3]float64{0.8, 1, 1}, [3]float64{0.5, 0.5, 0}),
			group(false, [3]float64{0.2, 1, 0}, [3]float64{0.1, 0.5, 0}),
		)
	}
	m := Fit(groups, FitOptions{})
	if m.Weights[FeatureCoverage] <= m.Weights[FeaturePlainRank] {
		t.Errorf("weights: coverage %.2f, plain rank %.2f; want coverage to weigh more", m.Weights[FeatureCoverage], m.Weights[FeaturePlainRank])
	}
	for i, g := range groups[:3] {
		order := m.Order(g.Features)
		if g.Answerable && !g.Relevant[order[0]] {
			t.Errorf("group %d: first is %d, not the answer", i, order[0])
		}
		ranked := make([]Features, len(order))
		for j, k := range order {
			ranked[j] = g.Features[k]
		}
		if got := m.Answers(ranked); got != g.Answerable {
			t.Errorf("group %d: Answers = %v, want %v", i, got, g.Answerable)
		}
	}
}

func TestFitWithoutPairs(t *testing.T) {
	m := Fit([]Group{group(false, [3]float64{0.5, 1, 0})}, FitOptions{})
	for i, w := range m.Weights {
		if w != 0 {
			t.Errorf("weight %s = %v with nothing to learn from", FeatureNames[i], w)
		}
	}
}
