package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index/eval"
)

func TestEvalReportsAndEnforcesFloor(t *testing.T) {
	corpusDir := testCorpus(t, false)
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.tsv"), "# my questions\n"+
		"who is Ilse Varnholt\tharbour.md#3\tthe agency director\n"+
		"who is Bartholomew Quince\t-\tnobody in the corpus\n")
	wrong := writeFile(t, filepath.Join(dir, "wrong.tsv"),
		"who is Ilse Varnholt\ttransport/bridge.txt#1\tdeliberately wrong\n")
	broken := writeFile(t, filepath.Join(dir, "broken.tsv"), "who is Ilse Varnholt\n")

	t.Run("report", func(t *testing.T) {
		stdout, stderr, code := cli{}.run(t, "eval", "--corpus", corpusDir, "--min-p1", "1", good)
		if code != exitOK {
			t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
		}
		for _, w := range []string{"precision@1", "precision@3", "no-answer accuracy", "(1/1)"} {
			if !strings.Contains(stdout, w) {
				t.Errorf("report lacks %q:\n%s", w, stdout)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		stdout, stderr, code := cli{}.run(t, "eval", "--json", "--corpus", corpusDir, "--index", filepath.Join(t.TempDir(), "index"), good)
		if code != exitOK {
			t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
		}
		var rep eval.Report
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("not a JSON report: %v\n%s", err, stdout)
		}
		if rep.Cases != 2 || rep.PrecisionAt1 != 1 || rep.NoAnswerAccuracy != 1 {
			t.Errorf("report %+v: want 2 cases, precision@1 1 and no-answer accuracy 1", rep)
		}
	})
	t.Run("below the floor", func(t *testing.T) {
		stdout, stderr, code := cli{}.run(t, "eval", "--corpus", corpusDir, "--min-p1", "0.5", wrong)
		if code != exitFailure {
			t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitFailure, stderr)
		}
		if !strings.Contains(stdout, "line 1: who is Ilse Varnholt") {
			t.Errorf("the miss is not reported:\n%s", stdout)
		}
		if msg := lastLine(stderr); !strings.Contains(msg, "--min-p1") {
			t.Errorf("message %q does not explain the failure", msg)
		}
	})
	t.Run("broken file", func(t *testing.T) {
		_, stderr, code := cli{}.run(t, "eval", "--corpus", corpusDir, broken)
		if code != exitFailure {
			t.Fatalf("exit code %d, want %d", code, exitFailure)
		}
		if msg := lastLine(stderr); !strings.Contains(msg, "broken.tsv") || !strings.Contains(msg, "line 1") {
			t.Errorf("message %q should name the file and the line", msg)
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{"eval"}, {"eval", good, good}, {"eval", "--min-p1", "2", good}} {
			if _, stderr, code := (cli{}).run(t, args...); code != exitUsage {
				t.Errorf("%q: exit code %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
			}
		}
	})
}
