package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/index/bench"
)

// BenchCommand measures newsdesk against a plain Bleve index on
// deterministic synthetic corpora:
//
//	newsdesk bench [--sizes 10000,100000] [--seed N] [--rounds N] [--repeat N] [--dir DIR] [--json] [--out FILE] [--in-process] [--rules] [--files] [--reuse] [--cpuprofile FILE] [--log-level LEVEL]
//
// Each side is measured at each size in a fresh child process, so that the
// peak RSS reported is that side's alone, --repeat times (3 by default),
// the sides alternating; the report gives the medians.
//
// The binary is built with profile-guided optimisation from
// cmd/newsdesk/default.pgo, a CPU profile of newsdesk's side of the
// benchmark; after large changes to the code, refresh it with
//
//	go run ./cmd/newsdesk bench --side newsdesk --size 100000 --cpuprofile cmd/newsdesk/default.pgo
type BenchCommand struct {
	IO *IO
	// MemAvailable reports how much memory the benchmark may use, in
	// bytes, and false when that is unknown; nil reads MemAvailable from
	// /proc/meminfo.
	MemAvailable func() (int64, bool)
}

// benchFlags are the bench command's settings.
type benchFlags struct {
	opts       bench.Options
	logLevel   string
	asJSON     bool
	out        string
	inProcess  bool
	side       string
	size       int
	cpuProfile string
}

// Run runs the bench command.
func (c *BenchCommand) Run(ctx context.Context, args []string) (err error) {
	f, err := c.parse(args)
	if err != nil {
		return err
	}
	// Only once the arguments are known good: the file may be the
	// committed default.pgo.
	if f.cpuProfile != "" {
		stop, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			return err
		}
		defer func() {
			if serr := stop(); err == nil {
				err = serr
			}
		}()
	}
	if f.side != "" {
		res, err := bench.Side(ctx, f.opts, f.side, f.size)
		if err != nil {
			return fmt.Errorf("bench %s at %d paragraphs: %w", f.side, f.size, err)
		}
		return writeJSON(c.IO.Out, res)
	}
	return c.run(ctx, f)
}

// parse reads the command line of the bench command.
func (c *BenchCommand) parse(args []string) (*benchFlags, error) {
	fs, cfg, err := newCommand(c.IO, "bench", "bench [--sizes 10000,100000] [--seed N] [--rounds N] [--repeat N] [--dir DIR] [--json] [--out FILE] [--in-process] [--rules] [--files] [--reuse] [--cpuprofile FILE] [--log-level LEVEL]", flagLogLevel)
	if err != nil {
		return nil, err
	}
	f := &benchFlags{}
	sizes := sizesFlag(bench.DefaultSizes())
	fs.Var(&sizes, "sizes", "comma-separated corpus `sizes` in paragraphs, e.g. 10000,100000 or 10k,100k")
	fs.Int64Var(&f.opts.Seed, "seed", 1, "seed of the synthetic corpus; the same seed gives the same corpus")
	fs.IntVar(&f.opts.Rounds, "rounds", 10, "measured rounds of the question mix, after one warm-up round")
	fs.IntVar(&f.opts.Repeat, "repeat", 3, "measure each side this many times at each size, alternating sides, and report the medians")
	fs.StringVar(&f.opts.Dir, "dir", "", "work `dir`ectory for corpora and indexes (default: a temporary directory, removed afterwards)")
	fs.BoolVar(&f.asJSON, "json", false, "print the report as JSON on stdout (the table goes to stderr)")
	fs.StringVar(&f.out, "out", "", "also write the report as JSON to `file`")
	fs.BoolVar(&f.opts.Rules, "rules", false, "also measure newsdesk ranking by its strategies' rules alone (side \"rules\"), to see what the learned ranking costs")
	fs.BoolVar(&f.opts.Files, "files", false, "the baseline too reads the article files from disk (its build time includes reading them), as newsdesk does; by default it indexes them from memory")
	fs.BoolVar(&f.opts.Reuse, "reuse", false, "with --dir, measure the questions on the indexes an earlier run left in DIR (DIR/SIDE-SIZE/index) instead of building them again; no build is measured")
	fs.BoolVar(&f.inProcess, "in-process", false, "measure every side in this process (peak RSS is then the process's high-water mark)")
	fs.StringVar(&f.side, "side", "", "internal: measure only this side (newsdesk or baseline) at --size and print its result as JSON")
	fs.IntVar(&f.size, "size", 0, "internal: corpus size for --side")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of this process to `file` (with --side or --in-process it covers the measurements; cmd/newsdesk/default.pgo is one)")
	if err := parseNoArgs(fs, args, "bench takes no arguments, got %q: use --sizes"); err != nil {
		return nil, err
	}
	if f.opts.Rounds < 1 {
		return nil, usageErrorf("--rounds %d: use 1 or more", f.opts.Rounds)
	}
	if f.opts.Reuse && f.opts.Dir == "" {
		return nil, usageErrorf("--reuse needs --dir DIR: the directory an earlier run with --dir left its indexes in")
	}
	if f.opts.Repeat < 1 {
		return nil, usageErrorf("--repeat %d: use 1 or more", f.opts.Repeat)
	}
	if f.side != "" {
		if f.side != bench.SideNewsdesk && f.side != bench.SideBaseline && f.side != bench.SideRules {
			return nil, usageErrorf("--side %q: use %s, %s or %s", f.side, bench.SideNewsdesk, bench.SideBaseline, bench.SideRules)
		}
		if f.size < 1 {
			return nil, usageErrorf("--side needs --size N with N above 0")
		}
	}
	f.opts.Sizes = sizes
	largest := slices.Max(sizes)
	if f.side != "" {
		largest = f.size
	}
	if err := c.checkMemory(largest); err != nil {
		return nil, err
	}
	f.opts.Log = c.IO.Logger(cfg.LogLevel)
	f.logLevel = cfg.LogLevel.String()
	return f, nil
}

// Memory one side of the benchmark needs, estimated from what it holds: the
// synthetic articles, the index being built or the baseline's batches, then
// the open index. Measured peaks (VmHWM, one side per process): newsdesk 308
// MiB at 10,000 paragraphs, 850 MiB at 100,000 and 947 MiB at 200,000; the
// baseline 472 MiB at 100,000 and 680 MiB at 200,000, the steeper, about
// 2.1 KiB a paragraph. The estimate rounds both up.
const (
	benchMemoryBase         = 300 << 20
	benchMemoryPerParagraph = 2560
)

// benchMemory estimates the peak memory of a bench side at size paragraphs.
func benchMemory(size int) int64 {
	return benchMemoryBase + benchMemoryPerParagraph*int64(size)
}

// checkMemory refuses, before anything runs, a corpus size whose
// benchmark would not fit in the memory available.
func (c *BenchCommand) checkMemory(size int) error {
	available := c.MemAvailable
	if available == nil {
		available = memAvailable
	}
	free, ok := available()
	if !ok {
		return nil
	}
	need := benchMemory(size)
	if need <= free {
		return nil
	}
	most := max(0, (free-benchMemoryBase)/benchMemoryPerParagraph)
	return usageErrorf("a benchmark of %d paragraphs needs about %s of memory and %s is available: use sizes of at most %d paragraphs",
		size, gib(need), gib(free), most)
}

// memAvailable reads MemAvailable from /proc/meminfo: the memory that can
// be used without swapping. It reports false where that file is missing.
func memAvailable() (int64, bool) {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, false
			}
			return kb << 10, true
		}
	}
	return 0, false
}

func gib(n int64) string { return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30)) }

// run measures both sides at every size and reports: the table on stdout,
// or on stderr when the report goes to stdout as JSON.
func (c *BenchCommand) run(ctx context.Context, f *benchFlags) error {
	opts := f.opts
	if !f.inProcess {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("find this program to run the benchmark sides in child processes: %w (try --in-process)", err)
		}
		opts.Spawn = c.spawn(exe, opts, f.logLevel)
	}
	table := c.IO.Out
	if f.asJSON {
		table = c.IO.ErrOut
	}
	rep, err := bench.Run(ctx, opts, table)
	if err != nil {
		return fmt.Errorf("benchmark: %w", err)
	}
	if f.out != "" {
		var b bytes.Buffer
		if err := writeJSON(&b, rep); err != nil {
			return err
		}
		if err := os.WriteFile(f.out, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write the report: %w", err)
		}
	}
	if f.asJSON {
		return writeJSON(c.IO.Out, rep)
	}
	return nil
}

// startCPUProfile profiles this process's CPU into path until stop is
// called.
func startCPUProfile(path string) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("create the CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("start the CPU profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("write the CPU profile: %w", err)
		}
		return nil
	}, nil
}

// spawn returns an bench.Options.Spawn that measures one side in a
// child process running `exe bench --side … --size …`.
func (c *BenchCommand) spawn(exe string, opts bench.Options, logLevel string) func(context.Context, string, int) (bench.Result, error) {
	return func(ctx context.Context, side string, size int) (bench.Result, error) {
		args := []string{"bench", "--side", side, "--size", strconv.Itoa(size),
			"--seed", strconv.FormatInt(opts.Seed, 10), "--rounds", strconv.Itoa(opts.Rounds), "--log-level", logLevel}
		if opts.Dir != "" {
			args = append(args, "--dir", opts.Dir)
		}
		if opts.Files {
			args = append(args, "--files")
		}
		if opts.Reuse {
			args = append(args, "--reuse")
		}
		cmd := exec.CommandContext(ctx, exe, args...)
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = c.IO.ErrOut
		if err := cmd.Run(); err != nil {
			return bench.Result{}, fmt.Errorf("child process %s: %w", strings.Join(args, " "), err)
		}
		var res bench.Result
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			return bench.Result{}, fmt.Errorf("read the result of %s: %w", strings.Join(args, " "), err)
		}
		return res, nil
	}
}

// sizesFlag is a comma-separated list of positive sizes; "10k" is 10000.
type sizesFlag []int

func (s *sizesFlag) String() string {
	parts := make([]string, len(*s))
	for i, n := range *s {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

func (s *sizesFlag) Set(v string) error {
	var out []int
	for _, item := range splitList(v) {
		mult := 1
		if rest, ok := strings.CutSuffix(strings.ToLower(item), "k"); ok {
			item, mult = rest, 1000
		}
		n, err := strconv.Atoi(item)
		if err != nil || n < 1 || n > 100_000_000/mult {
			return fmt.Errorf("size %q: want a whole number of paragraphs from 1 to 100000000, such as 10000 or 10k", item)
		}
		if slices.Contains(out, n*mult) {
			return fmt.Errorf("size %d given twice", n*mult)
		}
		out = append(out, n*mult)
	}
	if len(out) == 0 {
		return fmt.Errorf("no sizes given")
	}
	*s = out
	return nil
}
