package rank

import (
	"strings"
	"testing"
)

func TestDefaultModel(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatalf("the shipped model does not parse: %v (run newsdesk train)", err)
	}
	if len(m.Weights) != NumFeatures || m.Trained == "" {
		t.Errorf("shipped model: %d weights, trained %q", len(m.Weights), m.Trained)
	}
}

func TestParseModelRejects(t *testing.T) {
	good, err := (&Model{Features: FeatureNames[:], Weights: make([]float64, NumFeatures)}).MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseModel(good); err != nil {
		t.Fatalf("ParseModel of a good model: %v", err)
	}
	for name, data := range map[string]string{
		"not json":        "{",
		"too few weights": `{"features":["accepted"],"weights":[1]}`,
		"renamed feature": strings.Replace(string(good), `"accepted"`, `"acceptedx"`, 1),
	} {
		if _, err := ParseModel([]byte(data)); err == nil {
			t.Errorf("%s: ParseModel succeeded", name)
		}
	}
}

func TestAnswers(t *testing.T) {
	m := &Model{Weights: make([]float64, NumFeatures), Refusal: make([]float64, NumFeatures), RefusalBias: -1}
	m.Refusal[FeatureCoverage] = 2
	var accepted, strong, weak Features
	accepted[FeatureAccepted] = 1
	strong[FeatureCoverage] = 0.9
	weak[FeatureCoverage] = 0.2
	tests := []struct {
		name string
		pool []Features
		want bool
	}{
		{"empty pool", nil, false},
		{"a strategy accepted one", []Features{weak, accepted}, true},
		{"best likely answers", []Features{strong, weak}, true},
		{"best likely does not", []Features{weak}, false},
	}
	for _, tt := range tests {
		if got := m.Answers(tt.pool); got != tt.want {
			t.Errorf("%s: Answers = %v, want %v", tt.name, got, tt.want)
		}
	}
	m.Refusal = nil
	if m.Answers([]Features{strong}) {
		t.Error("without a refusal model, a question no strategy answers is answered")
	}
}
