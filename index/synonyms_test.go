package index_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

// TestSynonymsStemmedAsIndexed checks that the shipped synonyms are the
// index's stems: a question's words, stemmed as the index stems them,
// find their synonyms, stemmed alike.
func TestSynonymsStemmedAsIndexed(t *testing.T) {
	syn := rank.NewSynonyms()
	for _, tt := range []struct{ word, synonym string }{
		{"quakes", "earthquake"},
		{"France", "French"},
		{"Britain", "UK"},
		{"postponed", "deferred"},
		{"corpses", "cadavers"},
		{"killed", "dead"},
	} {
		if !slices.Contains(syn.Of(bleveindex.Stem(strings.ToLower(tt.word))), bleveindex.Stem(strings.ToLower(tt.synonym))) {
			t.Errorf("synonyms of %q (%q): %q, want %q among them", tt.word, bleveindex.Stem(strings.ToLower(tt.word)), syn.Of(bleveindex.Stem(strings.ToLower(tt.word))), bleveindex.Stem(strings.ToLower(tt.synonym)))
		}
	}
}
