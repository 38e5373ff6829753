package main

import (
	"encoding/json"
	"os"
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
		for _, args := range [][]string{{"eval"}, {"eval", "--min-p1", "2", good}, {"eval", "--min-p1", "-0.1", good, good}} {
			if _, stderr, code := (cli{}).run(t, args...); code != exitUsage {
				t.Errorf("%q: exit code %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
			}
		}
	})
}

// TestEvalSubstringFormat reads the real sets' format and reports the
// scores per kind, in text and in JSON.
func TestEvalSubstringFormat(t *testing.T) {
	corpusDir := testCorpus(t, false)
	questions := writeFile(t, filepath.Join(t.TempDir(), "questions.tsv"), "# question<TAB>file<TAB>substrings<TAB>kind\n"+
		"who is Ilse Varnholt\tharbour.md\tthe director of the civil defence agency||Ilse Varnholt, the director\twho\n"+
		"how many people were killed in Port Maren\tharbour.md\tAt least 14 people were killed\ttoll\n"+
		"who is Bartholomew Quince\t-\t-\tneg\n")
	stdout, stderr, code := cli{}.run(t, "eval", "--corpus", corpusDir, questions)
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	for _, w := range []string{"eval: 3 questions (2 answerable, 1 without answer)", "kind", "who ", "toll ", "neg ", "1/1 1.000"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("report lacks %q:\n%s", w, stdout)
		}
	}
	stdout, stderr, code = cli{}.run(t, "eval", "--json", "--corpus", corpusDir, questions)
	if code != exitOK {
		t.Fatalf("--json: exit code %d; stderr:\n%s", code, stderr)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout)
	}
	if rep.Cases != 3 || rep.NoAnswerAccuracy != 1 || len(rep.Kinds) != 3 || rep.Kinds[0].Kind != "neg" {
		t.Errorf("report %+v: want 3 cases, no-answer accuracy 1, kinds neg, toll, who", rep)
	}
}

// TestEvalSeveralSets measures each questions file on the articles next
// to it and prints one row per set.
func TestEvalSeveralSets(t *testing.T) {
	sets := t.TempDir()
	var files []string
	for _, set := range []struct{ name, article, questions string }{
		{"harbour", "Ilse Varnholt, the director of the civil defence agency, said the sea wall had been due for repair.\n",
			"who is Ilse Varnholt\tharbour.md\tthe director of the civil defence agency\twho\n"},
		{"bridge", "The Kessel river bridge reopened to traffic on Tuesday after a repair programme.\n",
			"when did the Kessel river bridge reopen\tbridge.md#1\tfact: passage format\nwho is Ilse Varnholt\t-\tno-answer: other set\n"},
	} {
		dir := filepath.Join(sets, set.name)
		if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "articles", set.name+".md"), "---\ntitle: "+set.name+"\npublished: 2023-10-02\n---\n\n"+set.article)
		files = append(files, writeFile(t, filepath.Join(dir, "questions.tsv"), set.questions))
	}
	stdout, stderr, code := cli{}.run(t, append([]string{"eval", "--min-p1", "1"}, files...)...)
	if code != exitOK {
		t.Fatalf("exit code %d; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, w := range []string{"set", "questions", "harbour", "bridge", "total", "2/2 1.000", "1/1 1.000"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("table lacks %q:\n%s", w, stdout)
		}
	}
	stdout, stderr, code = cli{}.run(t, append([]string{"eval", "--json", "--index", filepath.Join(t.TempDir(), "index")}, files...)...)
	if code != exitOK {
		t.Fatalf("--json: exit code %d; stderr:\n%s", code, stderr)
	}
	var rep eval.SetsReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout)
	}
	if len(rep.Sets) != 2 || rep.Sets[0].Name != "harbour" || rep.Total.Cases != 3 || rep.Total.PrecisionAt1 != 1 {
		t.Errorf("report %+v: want the sets harbour and bridge, 3 questions, precision@1 1", rep)
	}
	// With --corpus every set is asked of that corpus: bridge's article is
	// not in harbour's, so bridge's question fails the floor.
	_, stderr, code = cli{}.run(t, append([]string{"eval", "--min-p1", "1", "--corpus", filepath.Join(sets, "harbour", "articles")}, files...)...)
	if code != exitFailure || !strings.Contains(lastLine(stderr), "set bridge") {
		t.Errorf("--corpus: exit code %d, last line %q; want %d naming set bridge", code, lastLine(stderr), exitFailure)
	}
}
