package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/index/bench"
)

func TestBenchInProcessReportsBothSides(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bench.json")
	stdout, stderr, code := cli{}.run(t, "bench", "--in-process", "--sizes", "120", "--rounds", "1", "--repeat", "2", "--dir", t.TempDir(), "--out", out, "--log-level", "warn")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	for _, w := range []string{"paragraphs/s", "ask p99", "peak RSS", bench.SideNewsdesk, bench.SideBaseline, "medians of 2 runs"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("table lacks %q:\n%s", w, stdout)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep bench.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("--out is not a JSON report: %v", err)
	}
	sides := map[string]bool{}
	for _, r := range rep.Results {
		sides[r.Side] = true
		if r.Paragraphs != 120 || r.ParagraphsPerSec <= 0 || r.IndexBytes <= 0 {
			t.Errorf("result %+v: want 120 paragraphs, a build rate and an index size", r)
		}
		if r.Runs != 2 || r.BuildMin > r.Build || r.Build > r.BuildMax {
			t.Errorf("result %+v: want the median of 2 runs, between the fastest and the slowest", r)
		}
	}
	if !sides[bench.SideNewsdesk] || !sides[bench.SideBaseline] {
		t.Errorf("sides measured: %v, want both", sides)
	}
}

func TestBenchOneSidePrintsJSON(t *testing.T) {
	stdout, stderr, code := cli{}.run(t, "bench", "--side", bench.SideBaseline, "--size", "80", "--rounds", "1", "--log-level", "warn")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	var res bench.Result
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("stdout is not a JSON result: %v\n%s", err, stdout)
	}
	if res.Side != bench.SideBaseline || res.Paragraphs != 80 {
		t.Errorf("result %+v, want the baseline at 80 paragraphs", res)
	}
}

// TestBenchBaselineFromFiles: with --files the baseline reads the article
// files it writes, and answers from them as from memory.
func TestBenchBaselineFromFiles(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := cli{}.run(t, "bench", "--side", bench.SideBaseline, "--size", "80", "--rounds", "1", "--files", "--dir", dir, "--log-level", "warn")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	var res bench.Result
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("stdout is not a JSON result: %v\n%s", err, stdout)
	}
	if res.Side != bench.SideBaseline || res.Paragraphs != 80 || res.Answered == 0 {
		t.Errorf("result %+v, want the baseline at 80 paragraphs answering", res)
	}
	files, err := filepath.Glob(filepath.Join(dir, "baseline-80", "corpus", "*", "*"))
	if err != nil || len(files) == 0 {
		t.Errorf("no article files under the baseline's corpus: %v", err)
	}
}

// TestBenchUsageErrorKeepsProfile checks that a usage error leaves the
// --cpuprofile file alone: it may be the committed default.pgo.
func TestBenchUsageErrorKeepsProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "default.pgo")
	if err := os.WriteFile(path, []byte("profile"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := (cli{}).run(t, "bench", "--side", "newsdesk", "--cpuprofile", path); code != exitUsage {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "profile" {
		t.Errorf("profile file now %q (err %v), want it untouched", b, err)
	}
}

func TestBenchUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--sizes", "ten"},
		{"bench", "--sizes", "0"},
		{"bench", "--rounds", "0"},
		{"bench", "--repeat", "0"},
		{"bench", "--side", "elasticsearch", "--size", "10"},
		{"bench", "--side", "newsdesk"},
		{"bench", "--reuse"},
		{"bench", "extra"},
	} {
		if _, stderr, code := (cli{}).run(t, args...); code != exitUsage {
			t.Errorf("%q: exit code %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
		}
	}
}

// TestBenchRefusesSizesThatCannotFit checks that bench refuses, before it
// writes anything, a size whose benchmark needs more memory than is
// available, and sizes that make no sense.
func TestBenchRefusesSizesThatCannotFit(t *testing.T) {
	const gib = 1 << 30
	tests := []struct {
		name      string
		available int64
		args      []string
		want      string
	}{
		{"too large for 4 GiB", 4 * gib, []string{"--sizes", "10k,5000000"}, "a benchmark of 5000000 paragraphs needs about 12.2 GiB of memory and 4.0 GiB is available: use sizes of at most 1554841 paragraphs"},
		{"one side too large", 4 * gib, []string{"--side", bench.SideNewsdesk, "--size", "2000000"}, "a benchmark of 2000000 paragraphs needs about"},
		{"under the base", 100 << 20, []string{"--sizes", "10"}, "use sizes of at most 0 paragraphs"},
		{"beyond any machine", 1 << 50, []string{"--sizes", "200000000"}, `size "200000000": want a whole number of paragraphs from 1 to 100000000`},
		{"twice", 64 * gib, []string{"--sizes", "10k,10000"}, "size 10000 given twice"},
		{"thousands separator", 64 * gib, []string{"--sizes", "1,000"}, `size "000"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, out := t.TempDir(), filepath.Join(t.TempDir(), "bench.json")
			var stdout, stderr strings.Builder
			c := &BenchCommand{IO: &IO{Out: &stdout, ErrOut: &stderr, Env: envOf(nil)}, MemAvailable: func() (int64, bool) { return tt.available, true }}
			err := c.Run(context.Background(), append(tt.args, "--in-process", "--dir", dir, "--out", out))
			if ExitCode(err) != exitUsage || !strings.Contains(Message(err), tt.want) {
				t.Fatalf("error %v (exit %d), want a usage error saying %q", err, ExitCode(err), tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 || stdout.Len() > 0 {
				t.Errorf("bench ran before refusing: %d entries in --dir, stdout %q", len(entries), stdout.String())
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("bench wrote --out before refusing")
			}
		})
	}
	// A size that fits is not refused; an unknown amount refuses nothing.
	fits := &BenchCommand{MemAvailable: func() (int64, bool) { return 4 * gib, true }}
	unknown := &BenchCommand{MemAvailable: func() (int64, bool) { return 0, false }}
	if err := fits.checkMemory(1_000_000); err != nil {
		t.Errorf("1,000,000 paragraphs in 4 GiB: %v", err)
	}
	if err := unknown.checkMemory(100_000_000); err != nil {
		t.Errorf("unknown memory: %v", err)
	}
}
