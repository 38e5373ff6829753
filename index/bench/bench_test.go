package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// Environment of a bench helper process (see spawnBenchSide).
const (
	benchSideEnv = "NEWSDESK_TEST_BENCH_SIDE"
	benchSizeEnv = "NEWSDESK_TEST_BENCH_SIZE"
	benchDirEnv  = "NEWSDESK_TEST_BENCH_DIR"
	benchOutEnv  = "NEWSDESK_TEST_BENCH_OUT"
	// benchSizesEnv lists the sizes TestBenchSideBySide measures, e.g.
	// "10000,100000" for the full benchmark; small by default.
	benchSizesEnv = "NEWSDESK_BENCH_SIZES"
)

// TestHelperBenchSide is not a test: spawnBenchSide runs the test binary
// again to measure one side in its own process, and this does it.
func TestHelperBenchSide(t *testing.T) {
	side := os.Getenv(benchSideEnv)
	if side == "" {
		t.Skip("helper process for TestBenchSideBySide")
	}
	size, err := strconv.Atoi(os.Getenv(benchSizeEnv))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Side(context.Background(), Options{Seed: 1, Dir: os.Getenv(benchDirEnv)}, side, size)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(os.Getenv(benchOutEnv), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// spawnBenchSide measures one side in a child process, as `newsdesk bench`
// does by re-executing itself.
func spawnBenchSide(dir string) func(ctx context.Context, side string, size int) (Result, error) {
	return func(ctx context.Context, side string, size int) (Result, error) {
		out := filepath.Join(dir, fmt.Sprintf("%s-%d.json", side, size))
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperBenchSide$")
		cmd.Env = append(os.Environ(), benchSideEnv+"="+side, benchSizeEnv+"="+strconv.Itoa(size), benchDirEnv+"="+dir, benchOutEnv+"="+out)
		if b, err := cmd.CombinedOutput(); err != nil {
			return Result{}, fmt.Errorf("%w: %s", err, b)
		}
		var res Result
		b, err := os.ReadFile(out)
		if err != nil {
			return res, err
		}
		return res, json.Unmarshal(b, &res)
	}
}

// TestBenchSideBySide runs the side-by-side benchmark with each side in its
// own process. It checks that every figure is measured; the figures
// themselves are printed, not asserted. Set NEWSDESK_BENCH_SIZES=10000,100000
// (with -v -timeout 30m) for the full benchmark of issue 2.
func TestBenchSideBySide(t *testing.T) {
	sizes := []int{400}
	if s := os.Getenv(benchSizesEnv); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				t.Fatalf("%s: %v", benchSizesEnv, err)
			}
			sizes = append(sizes, n)
		}
	}
	dir := t.TempDir()
	var table strings.Builder
	rep, err := Run(context.Background(), Options{Sizes: sizes, Seed: 1, Spawn: spawnBenchSide(dir)}, &table)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", table.String())
	if len(rep.Results) != 2*len(sizes) {
		t.Fatalf("%d results, want %d", len(rep.Results), 2*len(sizes))
	}
	for _, r := range rep.Results {
		if r.Build <= 0 || r.ParagraphsPerSec <= 0 || r.AskP50 <= 0 || r.AskP99 < r.AskP50 || r.PeakRSS <= 0 || r.IndexBytes <= 0 {
			t.Errorf("unmeasured figure in %+v", r)
		}
		if r.Answered == 0 {
			t.Errorf("%s answered none of the questions", r.Side)
		}
	}
	for _, col := range []string{"paragraphs/s", "ask p99", "peak RSS", "index size", SideBaseline, SideNewsdesk} {
		if !strings.Contains(table.String(), col) {
			t.Errorf("table lacks %q", col)
		}
	}
}

// BenchmarkBaselineBuild10k builds the plain Bleve baseline of the same
// paragraphs, for comparison with BenchmarkBuild10k.
func BenchmarkBaselineBuild10k(b *testing.B) {
	articles := synth.Articles(1, 10_000)
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "idx")
		b.StartTimer()
		if err := bleveindex.BuildBaseline(dir, articles); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}

// BenchmarkAsk asks the benchmark's question mix of a warm 10,000
// paragraph index; one op is one question.
func BenchmarkAsk(b *testing.B) {
	dir := b.TempDir()
	ctx := context.Background()
	if _, err := index.BuildFrom(ctx, index.BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: synth.Articles(1, 10_000)}); err != nil {
		b.Fatal(err)
	}
	e, err := index.Open(ctx, dir, discard())
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	qs := Questions()
	i := 0
	for b.Loop() {
		if _, err := e.Ask(ctx, qs[i%len(qs)], index.AskOptions{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestSummariseRuns checks how repeated runs of one side are combined.
func TestSummariseRuns(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	runs := []Result{
		{Side: SideNewsdesk, Paragraphs: 1000, Build: ms(400), BuildCPU: ms(700), AskP50: ms(3), AskP99: ms(9), Answered: 30, PeakRSS: 100, IndexBytes: 7},
		{Side: SideNewsdesk, Paragraphs: 1000, Build: ms(200), BuildCPU: ms(300), AskP50: ms(2), AskP99: ms(5), Answered: 29, PeakRSS: 300, IndexBytes: 7},
		{Side: SideNewsdesk, Paragraphs: 1000, Build: ms(250), BuildCPU: ms(500), AskP50: ms(4), AskP99: ms(20), Answered: 30, PeakRSS: 200, IndexBytes: 7},
	}
	got := summarise(runs)
	want := Result{Side: SideNewsdesk, Paragraphs: 1000, Build: ms(250), ParagraphsPerSec: 4000, BuildCPU: ms(500), AskP50: ms(3), AskP99: ms(9),
		Answered: 29, PeakRSS: 300, IndexBytes: 7, Runs: 3, BuildMin: ms(200), BuildMax: ms(400)}
	if got != want {
		t.Errorf("summarise:\n got  %+v\n want %+v", got, want)
	}
	// An even number of runs: the mean of the middle two.
	if got := summarise(runs[:2]); got.Build != ms(300) || got.AskP99 != ms(7) {
		t.Errorf("summarise of two runs: build %v, p99 %v; want 300ms and 7ms", got.Build, got.AskP99)
	}
	one := runs[0]
	one.Runs = 1
	if got := summarise(runs[:1]); got != one {
		t.Errorf("summarise of one run: %+v, want it unchanged but for Runs 1", got)
	}
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestSideReuse checks that --reuse measures the questions on the index
// an earlier run left, without building it again, and builds it when
// there is none.
func TestSideReuse(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Seed: 1, Dir: dir, Rounds: 1, Reuse: true}
	for _, side := range []string{SideNewsdesk, SideBaseline} {
		first, err := Side(context.Background(), opts, side, 300)
		if err != nil {
			t.Fatal(err)
		}
		if first.Build == 0 || first.Note != "" {
			t.Errorf("%s: no index to reuse, yet build %v, note %q", side, first.Build, first.Note)
		}
		again, err := Side(context.Background(), opts, side, 300)
		if err != nil {
			t.Fatal(err)
		}
		if again.Build != 0 || !strings.Contains(again.Note, "reused") || again.Answered != first.Answered {
			t.Errorf("%s: reused run: build %v, note %q, answered %d of %d", side, again.Build, again.Note, again.Answered, first.Answered)
		}
	}
}
