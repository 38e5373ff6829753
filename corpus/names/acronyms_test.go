package names_test

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/names"
)

func TestKnownAcronym(t *testing.T) {
	if got := names.KnownAcronym(" IDF "); !slices.Contains(got, "Israeli military") {
		t.Errorf("KnownAcronym(IDF) = %q, want it to name the Israeli military", got)
	}
	if got := names.KnownAcronym("XYZQ"); got != nil {
		t.Errorf("KnownAcronym(XYZQ) = %q, want nil", got)
	}
}
