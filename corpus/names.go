package corpus

import "strings"

// STUB — owned by the names helper; replaced by the real implementation.

// Skeleton returns the transliteration key of one word of a name.
func Skeleton(word string) string { return strings.ToLower(word) }

// NameSimilarity scores how likely two names are the same name written in
// different Latin spellings, from 0 (different) to 1 (same).
func NameSimilarity(a, b string) float64 {
	if strings.EqualFold(a, b) {
		return 1
	}
	return 0
}

// SameName reports whether two names are spellings of the same name.
func SameName(a, b string) bool { return NameSimilarity(a, b) >= 0.9 }

func extractMentions(a *Article) {}
