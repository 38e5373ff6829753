package corpus_test

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

func TestKnownAcronym(t *testing.T) {
	if got := corpus.KnownAcronym(" IDF "); !slices.Contains(got, "Israeli military") {
		t.Errorf("KnownAcronym(IDF) = %q, want it to name the Israeli military", got)
	}
	if got := corpus.KnownAcronym("XYZQ"); got != nil {
		t.Errorf("KnownAcronym(XYZQ) = %q, want nil", got)
	}
}
