package load

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCleanFastPath checks that the paragraphs CleanParagraph returns
// without a copy are exactly those the full cleaning leaves as they are.
func TestCleanFastPath(t *testing.T) {
	// slowClean is CleanParagraph without the fast path: the zero-width
	// space it appends is dropped.
	slowClean := func(s string) string { return CleanParagraph(s + "\u200b") }
	cases := []string{
		"Plain text, as most paragraphs are.", "streets , in", "two  spaces", " lead", "trail ", "tab\there",
		"x (y) [z] {w}", "bracket ]", "brace }", "done .", "ok ?", "U.S. 1,500", "a\x00b", "",
		"“Quoted,” he said.", "quote ”", "so …", "café", "cafe\u0301", "a\u00a0b", "a\u00adb", "\xff", "a\x7fb",
	}
	pieces := []string{"a", "b", "1", " ", ",", ".", ";", ":", "!", "?", ")", "]", "}", "(", "\t", "-", "'", "\"",
		"é", "e\u0301", "“", "”", "‘", "’", "…", "»", "«", "\u00a0", "\u2009", "\u00ad", "\u200b", "\ufeff", "\xff", "\u0085", "\x7f", "中"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	fast := 0
	for _, s := range cases {
		if !isClean(s) {
			continue
		}
		fast++
		if got := slowClean(s); got != s {
			t.Fatalf("isClean(%q) = true, but cleaning gives %q", s, got)
		}
	}
	if fast < 1000 {
		t.Errorf("only %d strings took the fast path", fast)
	}
}

// TestCountWords checks countWords against strings.Fields, which splits
// at the same spaces.
func TestCountWords(t *testing.T) {
	pieces := []string{"a", "bc", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u0085", "é", "中", "\xff", "-"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s, limit := b.String(), 1+r.IntN(8)
		if got, want := countWords(s, limit), min(len(strings.Fields(s)), limit); got != want {
			t.Fatalf("countWords(%q, %d) = %d, want %d", s, limit, got, want)
		}
	}
}
