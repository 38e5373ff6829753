// Package fuzzcheck is what the project's fuzz targets share: the time
// one input may take. A fuzz target reads input from outside (files,
// questions, Discord interactions, settings), and an input that is slow
// to process holds up everything after it, so taking too long is a
// failure even when the result is right.
package fuzzcheck

import (
	"testing"
	"time"
)

// PerInput is the longest one fuzz input may take to process.
const PerInput = time.Second

// Within runs f, the processing of one fuzz input, and fails t when it
// takes longer than PerInput.
func Within(t testing.TB, f func()) {
	t.Helper()
	within(t, PerInput, f)
}

func within(t testing.TB, limit time.Duration, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if d := time.Since(start); d > limit {
		t.Fatalf("one input took %v; a fuzz input may take at most %v", d.Round(time.Millisecond), limit)
	}
}
