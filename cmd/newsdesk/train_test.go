package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index/rank"
)

// TestTrainWritesAModelEvalReads fits a model to two small sets, checks
// the report and the file, and measures a set with that model.
func TestTrainWritesAModelEvalReads(t *testing.T) {
	dir := t.TempDir()
	var sets []string
	for _, name := range []string{"one", "two"} {
		setDir := filepath.Join(dir, name)
		if err := os.MkdirAll(setDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(testCorpus(t, false), filepath.Join(setDir, "articles")); err != nil {
			t.Fatal(err)
		}
		sets = append(sets, writeFile(t, filepath.Join(setDir, "questions.tsv"),
			"who is Ilse Varnholt\tharbour.md#3\tthe agency director\n"+
				"who is Bartholomew Quince\t-\tnobody in the corpus\n"))
	}
	out := filepath.Join(dir, "model.json")
	stdout, stderr, code := cli{}.run(t, append([]string{"train", "--out", out, "--without", "month"}, sets...)...)
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	for _, w := range []string{"Leave one set out", "Fitted to every set", "one ", "two "} {
		if !strings.Contains(stdout, w) {
			t.Errorf("report lacks %q:\n%s", w, stdout)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rank.ParseModel(data)
	if err != nil {
		t.Fatalf("the written model does not parse: %v", err)
	}
	if m.Weights[rank.FeatureMonth] != 0 {
		t.Errorf("--without month: the month weighs %v", m.Weights[rank.FeatureMonth])
	}
	if stdout, stderr, code := (cli{}).run(t, "eval", "--model", out, sets[0]); code != exitOK || !strings.Contains(stdout, "precision@1") {
		t.Errorf("eval --model: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, _, code := (cli{}).run(t, "train", "--without", "nosuchfeature", sets[0], sets[1]); code != exitUsage {
		t.Errorf("train --without an unknown feature: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := (cli{}).run(t, "train", sets[0]); code != exitUsage {
		t.Errorf("train with one set: exit %d, want %d", code, exitUsage)
	}
}
