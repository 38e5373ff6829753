package text_test

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus/text"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", 2, 0},
		{"toll", "toll", 1, 0},
		{"tol", "toll", 1, 1},
		{"latset", "latest", 2, 2}, // a swap is two edits
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // max+1 once it exceeds max
		{"", "abc", 5, 3},
		{"abc", "", 1, 2}, // lengths alone exceed max
		{"Dallah", "Dalah", 1, 1},
		{"Shara", "Sharaa", 1, 1},
		{"café", "cafe", 1, 1}, // runes, not bytes
		{"Ğiath", "Giath", 1, 1},
		{"abcdef", "azcdez", 1, 2},
	}
	for _, tt := range tests {
		if got := text.EditDistance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
