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
	// stiff's is not attested; a phrase is no word.
	if want := []string{"cadaver"}; !slices.Equal(syn["corpse"], want) {
		t.Errorf("corpse: %q, want %q", syn["corpse"], want)
	}
	if len(syn["body"]) != 0 || len(syn["stiff"]) != 0 || len(syn["put_to_death"]) != 0 {
		t.Errorf("synonyms %v: only first, attested senses of single words count", syn)
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
