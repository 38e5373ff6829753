package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/index/bench"
)

// BenchCommand measures newsdesk against a plain Bleve index on
// deterministic synthetic corpora:
//
//	newsdesk bench [--sizes 10000,100000] [--seed N] [--rounds N] [--repeat N] [--dir DIR] [--json] [--out FILE] [--in-process] [--cpuprofile FILE]
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
	Stdout io.Writer
	Stderr io.Writer
	Env    Env
}

// Run runs the bench command.
func (c *BenchCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet("bench", "bench [--sizes 10000,100000] [--seed N] [--rounds N] [--repeat N] [--dir DIR] [--json] [--out FILE] [--in-process] [--cpuprofile FILE]", c.Stderr)
	cfg, err := loadConfig(c.Env, fs, flagLogLevel)
	if err != nil {
		return err
	}
	sizes := sizesFlag(bench.DefaultSizes())
	fs.Var(&sizes, "sizes", "comma-separated corpus `sizes` in paragraphs, e.g. 10000,100000 or 10k,100k")
	seed := fs.Int64("seed", 1, "seed of the synthetic corpus; the same seed gives the same corpus")
	rounds := fs.Int("rounds", 10, "measured rounds of the question mix, after one warm-up round")
	repeat := fs.Int("repeat", 3, "measure each side this many times at each size, alternating sides, and report the medians")
	dir := fs.String("dir", "", "work `dir`ectory for corpora and indexes (default: a temporary directory, removed afterwards)")
	asJSON := fs.Bool("json", false, "print the report as JSON on stdout (the table goes to stderr)")
	out := fs.String("out", "", "also write the report as JSON to `file`")
	inProcess := fs.Bool("in-process", false, "measure every side in this process (peak RSS is then the process's high-water mark)")
	side := fs.String("side", "", "internal: measure only this side (newsdesk or baseline) at --size and print its result as JSON")
	size := fs.Int("size", 0, "internal: corpus size for --side")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of this process to `file` (with --side or --in-process it covers the measurements; cmd/newsdesk/default.pgo is one)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageErrorf("bench takes no arguments, got %q: use --sizes", rest[0])
	}
	if *rounds < 1 {
		return usageErrorf("--rounds %d: use 1 or more", *rounds)
	}
	if *repeat < 1 {
		return usageErrorf("--repeat %d: use 1 or more", *repeat)
	}
	if *side != "" {
		if *side != bench.SideNewsdesk && *side != bench.SideBaseline {
			return usageErrorf("--side %q: use %s or %s", *side, bench.SideNewsdesk, bench.SideBaseline)
		}
		if *size < 1 {
			return usageErrorf("--side needs --size N with N above 0")
		}
	}
	// Only once the arguments are known good: the file may be the
	// committed default.pgo.
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer func() {
			if serr := stop(); err == nil {
				err = serr
			}
		}()
	}
	opts := bench.Options{
		Sizes:  sizes,
		Seed:   *seed,
		Dir:    *dir,
		Rounds: *rounds,
		Repeat: *repeat,
		Log:    newLogger(c.Stderr, cfg.LogLevel),
	}

	if *side != "" {
		res, err := bench.Side(ctx, opts, *side, *size)
		if err != nil {
			return fmt.Errorf("bench %s at %d paragraphs: %w", *side, *size, err)
		}
		return writeJSON(c.Stdout, res)
	}

	if !*inProcess {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("find this program to run the benchmark sides in child processes: %w (try --in-process)", err)
		}
		opts.Spawn = c.spawn(exe, *seed, *rounds, *dir, cfg.LogLevel.String())
	}
	table := c.Stdout
	if *asJSON {
		table = c.Stderr
	}
	rep, err := bench.Run(ctx, opts, table)
	if err != nil {
		return fmt.Errorf("benchmark: %w", err)
	}
	if *out != "" {
		var b bytes.Buffer
		if err := writeJSON(&b, rep); err != nil {
			return err
		}
		if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write the report: %w", err)
		}
	}
	if *asJSON {
		return writeJSON(c.Stdout, rep)
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
func (c *BenchCommand) spawn(exe string, seed int64, rounds int, dir, logLevel string) func(context.Context, string, int) (bench.Result, error) {
	return func(ctx context.Context, side string, size int) (bench.Result, error) {
		args := []string{"bench", "--side", side, "--size", strconv.Itoa(size),
			"--seed", strconv.FormatInt(seed, 10), "--rounds", strconv.Itoa(rounds), "--log-level", logLevel}
		if dir != "" {
			args = append(args, "--dir", dir)
		}
		cmd := exec.CommandContext(ctx, exe, args...)
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = c.Stderr
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
			return fmt.Errorf("size %q: want a whole number of paragraphs such as 10000 or 10k", item)
		}
		out = append(out, n*mult)
	}
	if len(out) == 0 {
		return fmt.Errorf("no sizes given")
	}
	*s = out
	return nil
}
