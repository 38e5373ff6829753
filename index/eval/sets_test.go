package eval_test

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/eval"
)

// TestEvaluateSets measures two sets, each on a real on-disk index of its
// own articles, and prints one row per set and the total.
func TestEvaluateSets(t *testing.T) {
	root := t.TempDir()
	bridge, port := filepath.Join(root, "bridge"), filepath.Join(root, "port")
	for _, dir := range []string{bridge, port} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeEvalArticle(t, bridge, "bridge.md", "Bridge collapse traps commuters in river town", "Valley Courier", "2024-05-06",
		"A road bridge over the Marren river collapsed during the morning rush hour on Monday, sending three cars and a bus into the water.",
		"Rescue divers pulled 11 people from the river, and at least four people died, the regional fire service said.",
	)
	writeEvalArticle(t, port, "port.md", "Dockers walk out at Harwick port over night shifts", "Coastal Times", "2024-05-07",
		"Dockworkers at Harwick port stopped work on Tuesday in protest against new night shifts, leaving container ships waiting offshore.",
		"Union organiser Petra Lindqvist said the cranes had been operated by exhausted crews for months.",
	)
	parse := func(text string) []eval.Case {
		cases, err := eval.ParseCases(strings.NewReader(text))
		if err != nil {
			t.Fatalf("ParseCases: %v", err)
		}
		return cases
	}
	sets := []eval.Set{
		{Name: "bridge", ArticlesDir: bridge, Cases: parse("bridge collapse on the Marren river\tbridge.md\tthe Marren river collapsed\tfact\n" +
			"volcanic eruption in Iceland\t-\t-\tneg\n")},
		{Name: "port", ArticlesDir: port, Cases: parse("why did Harwick dockworkers stop work\tport.md#1\tstrike\n" +
			"what did Petra Lindqvist say about the cranes\tport.md#9\tsaid: deliberately wrong\n")},
	}
	var opened []int
	open := func(ctx context.Context, all []eval.Set, i int) (*index.Engine, error) {
		opened = append(opened, i)
		if len(all) != len(sets) {
			t.Errorf("the opener sees %d sets, want %d", len(all), len(sets))
		}
		return buildEngine(t, all[i].ArticlesDir)
	}
	rep, err := eval.EvaluateSets(context.Background(), sets, open)
	if err != nil {
		t.Fatalf("EvaluateSets: %v", err)
	}
	if len(opened) != 2 || opened[0] != 0 || opened[1] != 1 {
		t.Errorf("opened sets %v, want [0 1]", opened)
	}
	if len(rep.Sets) != 2 || rep.Sets[0].Name != "bridge" || rep.Sets[1].Name != "port" {
		t.Fatalf("rows %+v, want bridge then port", rep.Sets)
	}
	if b := rep.Sets[0]; b.HitsAt1 != 1 || b.Answerable != 1 || b.NoAnswerHits != 1 || b.NoAnswer != 1 {
		t.Errorf("bridge %+v: want 1/1 at 1 and 1/1 without answer", b.Tally)
	}
	p := rep.Sets[1]
	if p.Answerable != 2 || p.NoAnswer != 0 || p.HitsAt3 > 1 {
		t.Errorf("port %+v: want 2 answerable, at most 1 hit (port.md#9 does not exist)", p.Tally)
	}
	tot := rep.Total
	if tot.Cases != 4 || tot.Answerable != 3 || tot.NoAnswer != 1 || tot.HitsAt1 != 1+p.HitsAt1 || tot.PrecisionAt3 != float64(1+p.HitsAt3)/3 {
		t.Errorf("total %+v: want the sum of the rows, 4 cases, 3 answerable, 1 without answer", tot)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	for _, want := range []string{"set", "P@1", "no answer", "bridge          2  1/1 1.000", "port            2  ", "total           4  ", "1/1 1.000"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}

	boom := errors.New("no index")
	failing := func(context.Context, []eval.Set, int) (*index.Engine, error) { return nil, boom }
	if _, err := eval.EvaluateSets(context.Background(), sets, failing); !errors.Is(err, boom) || !strings.Contains(err.Error(), "bridge") {
		t.Errorf("EvaluateSets with a failing opener: err = %v, want it to wrap %v and name the set", err, boom)
	}
}

// buildEngine builds an index of corpusDir in a temporary directory and
// opens it, leaving the closing to the caller.
func buildEngine(t *testing.T, corpusDir string) (*index.Engine, error) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	log := slog.New(slog.DiscardHandler)
	if _, err := index.Build(ctx, index.BuildOptions{CorpusDir: corpusDir, IndexDir: dir, Log: log}); err != nil {
		return nil, err
	}
	return index.Open(ctx, dir, log)
}
