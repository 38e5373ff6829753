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
