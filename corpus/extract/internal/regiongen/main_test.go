package main

import (
	"slices"
	"testing"
)

// TestNames lists countries and territories by their English names, a
// name in brackets as a name of its own, and no pseudo-region.
func TestNames(t *testing.T) {
	got := names()
	for _, want := range []string{"sri lanka", "singapore", "united states", "myanmar", "burma", "hong kong", "morocco"} {
		if !slices.Contains(got, want) {
			t.Errorf("names lack %q", want)
		}
	}
	for _, bad := range []string{"eurozone", "unknown region", "myanmar (burma)", "hong kong sar china"} {
		if slices.Contains(got, bad) {
			t.Errorf("names hold %q", bad)
		}
	}
}
