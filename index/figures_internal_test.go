package index

import "testing"

func TestSameRoot(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"libyan", "libya", true}, {"lebanese", "lebanon", true}, {"iraqi", "iraq", true},
		{"palestinian", "palestine", true}, {"afghan", "afghanistan", true}, {"health", "health", true},
		{"interior", "international", false}, {"syria", "sudan", false}, {"iran", "iraq", false},
	} {
		if got := sameRoot(tt.a, tt.b); got != tt.want {
			t.Errorf("sameRoot(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAsksWhy(t *testing.T) {
	for q, want := range map[string]bool{
		"why did the fighting start":         true,
		"What caused the cholera outbreak":   true,
		"what led to the clashes in Tripoli": true,
		"what is behind the attacks":         true,
		"what did the observatory say":       false,
		"how many people died":               false,
		"whyte house statement":              false,
	} {
		if got := asksWhy(q); got != want {
			t.Errorf("asksWhy(%q) = %v, want %v", q, got, want)
		}
	}
}
