package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/eval"
	"github.com/newsdesk/newsdesk/index/rank"
)

// EvalCommand measures answer quality on files of questions with what
// answers them:
//
//	newsdesk eval [--corpus DIR] [--index DIR] [--model FILE] [--json] [--min-p1 F] [--log-level LEVEL] QUESTIONS.tsv...
//
// With one file it builds a fresh index of the corpus in a temporary
// directory (or in --index), asks every question and prints precision@1,
// precision@3, the no-answer accuracy, overall and per kind of question,
// and every miss. Each set is measured on its own index — of --corpus
// when given, else of the articles directory next to the questions file
// (for one file, when there is one) — and with several files it prints
// one line of scores per set. The file
// formats are eval.ParseCases's.
type EvalCommand struct {
	IO *IO
}

// Run runs the eval command.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	flags, cfg, err := newCommand(c.IO, "eval", "eval [--corpus DIR] [--index DIR] [--model FILE] [--json] [--min-p1 F] [--log-level LEVEL] QUESTIONS.tsv...", flagCorpus|flagLogLevel|flagQuietLog)
	if err != nil {
		return err
	}
	indexDir := flags.String("index", "", "build the index in this `dir`ectory instead of a temporary one (one subdirectory per set with several sets)")
	asJSON := flags.Bool("json", false, "print the report as JSON")
	minP1 := flags.Float64("min-p1", 0, "fail (exit 1) when precision@1 (of any set) is below this `fraction`, e.g. 0.9")
	modelFile := flags.String("model", "", "rank with the model in this `file` (written by newsdesk train), or with the strategies' rules alone when \"rules\"; the shipped model when empty")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		flags.Usage()
		return usageErrorf("eval takes questions files, got none: e.g. newsdesk eval --corpus corpus/testdata/eval/articles corpus/testdata/eval/questions.tsv")
	}
	if *minP1 < 0 || *minP1 > 1 {
		return usageErrorf("--min-p1 %g: use a fraction from 0 to 1", *minP1)
	}
	sets, err := readSets(flags, cfg, rest)
	if err != nil {
		return err
	}
	model, err := readModel(*modelFile)
	if err != nil {
		return err
	}
	root, cleanup, err := indexRoot(*indexDir, "newsdesk-eval-")
	if err != nil {
		return err
	}
	defer cleanup()
	run := evalRun{io: c.IO, log: c.IO.Logger(cfg.LogLevel), root: root, asJSON: *asJSON, minP1: *minP1, model: model, modelSet: *modelFile != ""}
	if len(sets) == 1 {
		return run.one(ctx, sets[0], rest[0])
	}
	return run.several(ctx, sets)
}

// indexRoot returns dir, or when it is "" a new temporary directory
// (named after prefix) that cleanup removes.
func indexRoot(dir, prefix string) (root string, cleanup func(), err error) {
	if dir != "" {
		return dir, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, fmt.Errorf("create a temporary index directory: %w (pass --index DIR)", err)
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

// readSets reads the questions files of paths as sets, each with its
// articles: --corpus when given, else the articles directory next to its
// questions (for one file, when there is one).
func readSets(flags *flag.FlagSet, cfg *Config, paths []string) ([]eval.Set, error) {
	sets := make([]eval.Set, len(paths))
	for i, path := range paths {
		cases, err := readEvalCases(path)
		if err != nil {
			return nil, err
		}
		sets[i] = eval.Set{Name: setName(path), ArticlesDir: cfg.CorpusDir, Cases: cases}
		if sibling := filepath.Join(filepath.Dir(path), "articles"); !flagGiven(flags, "corpus") && (len(paths) > 1 || isDir(sibling)) {
			sets[i].ArticlesDir = sibling
		}
		if err := checkCorpusDir(sets[i].ArticlesDir); err != nil {
			return nil, err
		}
	}
	return sets, nil
}

// evalRun is one run of the eval command.
type evalRun struct {
	io     *IO
	log    *slog.Logger
	root   string // the index directory, or the parent of one per set
	asJSON bool
	minP1  float64
	// model replaces the shipped ranking model when modelSet.
	model    *rank.Model
	modelSet bool
}

// one measures a single set and prints its full report.
func (r evalRun) one(ctx context.Context, set eval.Set, path string) error {
	e, err := r.open(ctx, set, r.root)
	if err != nil {
		return err
	}
	defer e.Close()
	fmt.Fprintf(r.io.ErrOut, "Asking %s\n", plural(len(set.Cases), "question"))
	report, err := eval.Evaluate(ctx, e, set.Cases)
	if err != nil {
		return fmt.Errorf("evaluate %s: %w", path, err)
	}
	if err := r.io.WriteData(r.asJSON, report, report.Write); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	if report.PrecisionAt1 < r.minP1 {
		return fmt.Errorf("precision@1 %.3f is below --min-p1 %.3f: see the misses above", report.PrecisionAt1, r.minP1)
	}
	return nil
}

// several measures each set on its own index and prints one table.
func (r evalRun) several(ctx context.Context, sets []eval.Set) error {
	open := func(ctx context.Context, sets []eval.Set, i int) (*index.Engine, error) {
		fmt.Fprintf(r.io.ErrOut, "Set %s: asking %s\n", sets[i].Name, plural(len(sets[i].Cases), "question"))
		return r.open(ctx, sets[i], filepath.Join(r.root, strconv.Itoa(i+1)))
	}
	report, err := eval.EvaluateSets(ctx, sets, open)
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	if err := r.io.WriteData(r.asJSON, report, report.Write); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	for _, s := range report.Sets {
		if s.PrecisionAt1 < r.minP1 {
			return fmt.Errorf("set %s: precision@1 %.3f is below --min-p1 %.3f (run eval on its questions alone to see the misses)", s.Name, s.PrecisionAt1, r.minP1)
		}
	}
	return nil
}

// open builds an index of the set's articles in dir and opens it.
func (r evalRun) open(ctx context.Context, set eval.Set, dir string) (*index.Engine, error) {
	rep, err := buildIndex(ctx, r.io, "Indexing "+set.ArticlesDir, index.BuildOptions{CorpusDir: set.ArticlesDir, IndexDir: dir, Log: r.log})
	if err != nil {
		return nil, err
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(r.io.ErrOut, "skipped %s: %s\n", s.Path, s.Reason)
	}
	e, err := openIndex(ctx, dir, r.log)
	if err == nil && r.modelSet {
		e.SetModel(r.model)
	}
	return e, err
}

// readModel reads the ranking model of the --model flag: nil for
// "rules" or "" (the caller then keeps the shipped one).
func readModel(path string) (*rank.Model, error) {
	if path == "" || path == "rules" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the model: %w", err)
	}
	return rank.ParseModel(data)
}

// setName names the set of a questions file after its directory.
func setName(path string) string {
	if dir := filepath.Base(filepath.Dir(path)); dir != "." && dir != string(filepath.Separator) {
		return dir
	}
	return path
}

// flagGiven reports whether the flag name was set on the command line.
func flagGiven(flags *flag.FlagSet, name string) bool {
	given := false
	flags.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// readEvalCases reads and parses the questions file at path.
func readEvalCases(path string) ([]eval.Case, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("questions file %s does not exist", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open the questions file: %w", err)
	}
	defer f.Close()
	cases, err := eval.ParseCases(f)
	if err != nil {
		if corpus.ErrorCode(err) == corpus.EINVALID {
			// Keep the file name: Message shows only a *corpus.Error's text.
			return nil, fmt.Errorf("%s: %s", path, corpus.ErrorMessage(err))
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s holds no questions: write one per line as question<TAB>articleID#N (or - for no answer)", path)
	}
	return cases, nil
}

// isDir reports whether path is a directory.
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
