package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestSynonyms(t *testing.T) {
	syn, err := synonyms("testdata", 1)
	if err != nil {
		t.Fatal(err)
	}
	// corpse and cadaver share their first sense; body has it second;
	// stiff's is not attested.
	if want := []string{"cadaver"}; !slices.Equal(syn["corpse"], want) {
		t.Errorf("corpse: %q, want %q", syn["corpse"], want)
	}
	if len(syn["body"]) != 0 || len(syn["stiff"]) != 0 {
		t.Errorf("synonyms %v: only first, attested senses of single words count", syn)
	}
	// A phrase takes the single words of its first sense, and is no
	// synonym of them; a verb and its object's preposition is no phrase.
	if want := []string{"execute"}; !slices.Equal(syn["put_to_death"], want) || slices.Contains(syn["execute"], "put_to_death") {
		t.Errorf("put_to_death %q, execute %q: want execute, and execute without the phrase", syn["put_to_death"], syn["execute"])
	}
	if len(syn["escape_from"]) != 0 {
		t.Errorf("escape_from %q: a verb and a preposition is no phrase", syn["escape_from"])
	}
	if !slices.Contains(syn["uk"], "britain") {
		t.Errorf("uk %q: a word's one sense counts untagged", syn["uk"])
	}
	// A pertainym joins only the word it names: French, not Gallic.
	if !slices.Contains(syn["french"], "france") || !slices.Contains(syn["france"], "french") || slices.Contains(syn["france"], "gallic") {
		t.Errorf("french %q, france %q: want each other only", syn["french"], syn["france"])
	}
	two, err := synonyms("testdata", 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(two["corpse"], "body") {
		t.Errorf("two senses: corpse %q, want body, whose second sense is corpse's first", two["corpse"])
	}
	var out bytes.Buffer
	stem := func(w string) string { return strings.TrimSuffix(w, "s") }
	syn["cadavers"] = []string{"corpse"} // a plural: one line with its singular
	if err := write(&out, syn, stem); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Princeton University") || !strings.Contains(out.String(), "\ncadaver corpse\ncorpse cadaver\n") {
		t.Errorf("written:\n%s", out.String())
	}
}
