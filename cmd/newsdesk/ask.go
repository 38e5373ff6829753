package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
	"github.com/newsdesk/newsdesk/index"
)

// AskCommand answers one question from the command line:
//
//	newsdesk ask [--corpus DIR] [--index DIR] [--limit N] [--timeout D] [--json] [--log-level LEVEL] QUESTION…
//
// It builds the index first when it is missing or the corpus changed.
type AskCommand struct {
	IO *IO
}

// Run runs the ask command.
func (c *AskCommand) Run(ctx context.Context, args []string) error {
	fs, cfg, err := newCommand(c.IO, "ask", "ask [--corpus DIR] [--index DIR] [--limit N] [--timeout D] [--json] [--log-level LEVEL] QUESTION…", flagCorpus|flagIndex|flagLogLevel|flagAskTimeout|flagQuietLog)
	if err != nil {
		return err
	}
	limit := fs.Int("limit", index.DefaultLimit, fmt.Sprintf("number of passages to show, 1 to %d", index.MaxLimit))
	asJSON := fs.Bool("json", false, "print the result as JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(rest, " "))
	if !strings.ContainsFunc(question, text.WordRune) {
		fs.Usage()
		return usageErrorf(`no question given: try newsdesk ask "who is Ghiath Dallah"`)
	}
	if *limit < 1 || *limit > index.MaxLimit {
		return usageErrorf("--limit %d is out of range: use a number from 1 to %d", *limit, index.MaxLimit)
	}
	a := answerFresh(ctx, c.IO, cfg, question, index.AskOptions{Limit: *limit})
	defer a.close()
	if a.err != nil {
		return a.err
	}
	res := a.res
	res = normalizeResult(res, question)

	st := textStyle{width: c.IO.TerminalWidth(), ansi: c.IO.ColorEnabled(), corpusDir: cfg.CorpusDir, limit: *limit}
	return c.IO.WriteData(*asJSON, res, func(w io.Writer) error { return writeResult(w, res, st) })
}

// normalizeResult makes sure every list of the JSON output is [] rather
// than null, so consumers can rely on the shape.
func normalizeResult(res *corpus.Result, question string) *corpus.Result {
	if res == nil {
		res = &corpus.Result{Query: question}
	}
	if res.Answers == nil {
		res.Answers = []corpus.Answer{}
	}
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Attribution == nil {
			a.Attribution = []string{}
		}
		if a.Context == nil {
			a.Context = []string{}
		}
		if a.Figures == nil {
			a.Figures = []corpus.Figure{}
		}
	}
	return res
}
