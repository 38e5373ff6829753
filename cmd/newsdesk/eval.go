package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/eval"
)

// EvalCommand measures answer quality on a file of questions with their
// expected passages:
//
//	newsdesk eval [--corpus DIR] [--index DIR] [--json] [--min-p1 F] QUESTIONS.tsv
//
// It builds a fresh index of the corpus in a temporary directory (or in
// --index), asks every question and prints precision@1, precision@3, the
// no-answer accuracy and every miss. The file format is eval.ParseCases's.
type EvalCommand struct {
	IO *IO
}

// Run runs the eval command.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	fs, cfg, err := newCommand(c.IO, "eval", "eval [--corpus DIR] [--index DIR] [--json] [--min-p1 F] QUESTIONS.tsv", flagCorpus|flagLogLevel)
	if err != nil {
		return err
	}
	indexDir := fs.String("index", "", "build the index in this `dir`ectory instead of a temporary one")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	minP1 := fs.Float64("min-p1", 0, "fail (exit 1) when precision@1 is below this `fraction`, e.g. 0.9")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fs.Usage()
		return usageErrorf("eval takes one questions file, got %d arguments: e.g. newsdesk eval --corpus corpus/testdata/eval/articles corpus/testdata/eval/questions.tsv", len(rest))
	}
	if *minP1 < 0 || *minP1 > 1 {
		return usageErrorf("--min-p1 %g: use a fraction from 0 to 1", *minP1)
	}
	cases, err := readEvalCases(rest[0])
	if err != nil {
		return err
	}
	log := c.IO.Logger(cfg.LogLevel)
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return err
	}

	dir := *indexDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-eval-")
		if err != nil {
			return fmt.Errorf("create a temporary index directory: %w (pass --index DIR)", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	rep, err := buildIndex(ctx, c.IO, "Indexing "+cfg.CorpusDir, index.BuildOptions{CorpusDir: cfg.CorpusDir, IndexDir: dir, Log: log})
	if err != nil {
		return err
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(c.IO.ErrOut, "skipped %s: %s\n", s.Path, s.Reason)
	}
	e, err := openIndex(ctx, dir, log)
	if err != nil {
		return err
	}
	defer e.Close()

	fmt.Fprintf(c.IO.ErrOut, "Asking %s\n", plural(len(cases), "question"))
	report, err := eval.Evaluate(ctx, e, cases)
	if err != nil {
		return fmt.Errorf("evaluate %s: %w", rest[0], err)
	}
	if err := c.IO.WriteData(*asJSON, report, report.Write); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	if report.PrecisionAt1 < *minP1 {
		return fmt.Errorf("precision@1 %.3f is below --min-p1 %.3f: see the misses above", report.PrecisionAt1, *minP1)
	}
	return nil
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
