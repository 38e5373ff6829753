package rank

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// modelJSON is the model newsdesk ships, written by `newsdesk train`.
//
//go:embed model.json
var modelJSON []byte

// Model weighs a candidate's features into one score, and decides from
// its best candidate whether a question no strategy answers has an
// answer. Both are fitted to labelled questions by Fit.
type Model struct {
	// Features name the weights, in vector order (FeatureNames).
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	// Refusal weighs the features of the best candidate of a question no
	// strategy answers, with RefusalBias, into the log-odds that it
	// answers; below 0 the question is refused (Answers). Without it,
	// such a question is refused.
	Refusal     []float64 `json:"refusal,omitempty"`
	RefusalBias float64   `json:"refusal_bias,omitempty"`

	// Trained says on what the weights were fitted, for people.
	Trained string `json:"trained,omitempty"`
}

// DefaultModel returns the model newsdesk ships.
func DefaultModel() (*Model, error) { return ParseModel(modelJSON) }

// ZeroModel returns a model that weighs every feature 0: it orders a pool
// as found. `newsdesk train` collects pools with it, so that a model
// fitted to other features does not stand in the way of fitting anew.
func ZeroModel() *Model {
	return &Model{Features: FeatureNames[:], Weights: make([]float64, NumFeatures)}
}

// ParseModel reads a model file. Its features must be this build's, in
// the same order: a model fitted to other features would weigh the wrong
// numbers.
func ParseModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read ranking model: %w", err)
	}
	if len(m.Features) != NumFeatures || len(m.Weights) != NumFeatures || len(m.Refusal) != 0 && len(m.Refusal) != NumFeatures {
		return nil, fmt.Errorf("ranking model has %d features and %d weights, this build has %d features: run `newsdesk train`", len(m.Features), len(m.Weights), NumFeatures)
	}
	for i, name := range m.Features {
		if name != FeatureNames[i] {
			return nil, fmt.Errorf("ranking model's feature %d is %q, this build's is %q: run `newsdesk train`", i, name, FeatureNames[i])
		}
	}
	return &m, nil
}

// Score weighs f.
func (m *Model) Score(f Features) float64 {
	s := 0.0
	for i, w := range m.Weights {
		s += w * f[i]
	}
	return s
}

// Answers reports whether a question whose pool has these features,
// best first by the model, gets an answer: when the strategy of its
// intent accepted a passage, or when the refusal model's odds that the
// best answers are even or better. A strategy's rules refuse too often to decide alone (a
// paraphrase, a speaker named by role) and too seldom to be ignored (a
// place, a kind of figure that no passage has).
func (m *Model) Answers(best []Features) bool {
	if len(best) == 0 {
		return false
	}
	for _, f := range best {
		if f[FeatureAccepted] > 0 {
			return true
		}
	}
	return len(m.Refusal) == NumFeatures && m.refusalOdds(best[0]) >= 0
}

// refusalOdds are the log-odds that a question no strategy answers is
// answered by its best candidate, of features f.
func (m *Model) refusalOdds(f Features) float64 {
	s := m.RefusalBias
	for i, w := range m.Refusal {
		s += w * f[i]
	}
	return s
}

// Order returns the indexes of a pool's features, best score first; ties
// keep their order.
func (m *Model) Order(features []Features) []int {
	order := make([]int, len(features))
	scores := make([]float64, len(features))
	for i, f := range features {
		order[i], scores[i] = i, m.Score(f)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(scores[b], scores[a]) })
	return order
}

// MarshalIndent writes the model as its file holds it.
func (m *Model) MarshalIndent() ([]byte, error) {
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write ranking model: %w", err)
	}
	return append(out, '\n'), nil
}
