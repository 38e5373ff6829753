package rank

import "testing"

// BenchmarkNewSynonyms measures what each engine start pays for the
// synonyms: WordNet's file is stemmed when written, not at start.
func BenchmarkNewSynonyms(b *testing.B) {
	for b.Loop() {
		NewSynonyms().Of("quak")
	}
}
