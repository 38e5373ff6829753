package main

import (
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
		{"bench", "extra"},
	} {
		if _, stderr, code := (cli{}).run(t, args...); code != exitUsage {
			t.Errorf("%q: exit code %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
		}
	}
}
