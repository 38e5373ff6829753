package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexSummaryShortensSkippedList checks that a corpus of 2,000 empty
// files gives a short summary — the first files, how many more, a count by
// reason — while --json keeps every one, and the duration in seconds.
func TestIndexSummaryShortensSkippedList(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	for i := range 2000 {
		if err := os.WriteFile(filepath.Join(corpusDir, fmt.Sprintf("empty%04d.md", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"a.docx", "b.docx", "c.pdf"} {
		if err := os.WriteFile(filepath.Join(corpusDir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := cli{}.run(t, "index", "--corpus", corpusDir, "--index", indexDir)
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"Skipped 2003 files:\n  a.docx: unknown file type",
		"  empty0016.md: empty file\n  … and 1983 more (`newsdesk index --json` lists them all)\n",
		"Skipped by reason:\n  2000  empty file\n     3  unknown file type\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if n := strings.Count(stdout, "\n"); n > 30 {
		t.Errorf("summary of %d lines:\n%s", n, stdout)
	}

	stdout, stderr, code = cli{}.run(t, "index", "--corpus", corpusDir, "--index", indexDir, "--json")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout)
	}
	if skipped, _ := rep["skipped"].([]any); len(skipped) != 2003 {
		t.Errorf("--json lists %d skipped files, want all 2003", len(skipped))
	}
	if secs, ok := rep["duration_seconds"].(float64); !ok || secs <= 0 || secs > 600 {
		t.Errorf("duration_seconds = %v, want the build's duration in seconds", rep["duration_seconds"])
	}
	if _, ok := rep["duration"]; ok {
		t.Errorf("--json still has a duration in bare nanoseconds: %v", rep["duration"])
	}
}
