package corpus

import (
	"math/rand/v2"
	"testing"
)

// TestCleanASCIIFastPath checks that the paragraphs CleanParagraph returns
// without a copy are exactly those the full cleaning leaves as they are.
func TestCleanASCIIFastPath(t *testing.T) {
	// slowClean is CleanParagraph without the fast path: the zero-width
	// space it appends is dropped.
	slowClean := func(s string) string { return CleanParagraph(s + "\u200b") }
	cases := []string{
		"Plain text, as most paragraphs are.", "streets , in", "two  spaces", " lead", "trail ", "tab\there",
		"x (y) [z] {w}", "bracket ]", "brace }", "done .", "ok ?", "U.S. 1,500", "a\x00b", "",
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab1 ,.;:!?)]}(\t-'\""
	for range 50000 {
		b := make([]byte, 1+r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	fast := 0
	for _, s := range cases {
		if !isCleanASCII(s) {
			continue
		}
		fast++
		if got := slowClean(s); got != s {
			t.Fatalf("isCleanASCII(%q) = true, but cleaning gives %q", s, got)
		}
	}
	if fast < 1000 {
		t.Errorf("only %d strings took the fast path", fast)
	}
}
