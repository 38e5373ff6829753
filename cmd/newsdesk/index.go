package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsdesk/newsdesk/index"
)

// IndexCommand builds or refreshes the index of the corpus:
//
//	newsdesk index [--corpus DIR] [--index DIR] [--full] [--json] [--log-level LEVEL]
type IndexCommand struct {
	IO *IO
}

// Run runs the index command.
func (c *IndexCommand) Run(ctx context.Context, args []string) error {
	fs, cfg, err := newCommand(c.IO, "index", "index [--corpus DIR] [--index DIR] [--full] [--json] [--log-level LEVEL]", flagCorpus|flagIndex|flagLogLevel|flagQuietLog)
	if err != nil {
		return err
	}
	full := fs.Bool("full", false, "analyse every article again, even unchanged ones")
	asJSON := fs.Bool("json", false, "print the build report as JSON")
	if err := parseNoArgs(fs, args, "index takes no arguments, got %q: use --corpus DIR to choose the corpus"); err != nil {
		return err
	}
	log := c.IO.Logger(cfg.LogLevel)
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return err
	}

	headline := fmt.Sprintf("Indexing %s into %s", cfg.CorpusDir, cfg.IndexDir)
	rep, err := buildIndex(ctx, c.IO, headline, index.BuildOptions{
		CorpusDir: cfg.CorpusDir,
		IndexDir:  cfg.IndexDir,
		Log:       log,
		Full:      *full,
	})
	if err != nil {
		return err
	}
	return c.IO.WriteData(*asJSON, newBuildReportJSON(rep), func(w io.Writer) error {
		writeBuildSummary(w, rep, cfg.IndexDir)
		return nil
	})
}

// buildReportJSON is a build report as `index --json` prints it: the
// duration in seconds, the unit in the name, rather than bare nanoseconds.
type buildReportJSON struct {
	index.BuildReport
	// Duration, always nil, hides the report's own "duration".
	Duration        *struct{} `json:"duration,omitempty"`
	DurationSeconds float64   `json:"duration_seconds"`
}

func newBuildReportJSON(rep index.BuildReport) buildReportJSON {
	return buildReportJSON{BuildReport: rep, DurationSeconds: rep.Duration.Seconds()}
}

// maxSkippedListed is how many skipped files the text summary names;
// --json lists them all.
const maxSkippedListed = 20

// writeBuildSummary prints what a build did, with the first skipped files
// and why, and how many were skipped for each reason when there are more.
func writeBuildSummary(w io.Writer, rep index.BuildReport, indexDir string) {
	fmt.Fprintf(w, "Indexed %s, %s in %s (%d analysed, %d reused, %d removed).\n",
		plural(rep.Articles, "article"), plural(rep.Paragraphs, "paragraph"),
		rep.Duration.Round(time.Millisecond), rep.Analysed, rep.Reused, rep.Removed)
	if len(rep.Skipped) > 0 {
		writeSkipped(w, rep.Skipped)
	}
	if rep.Generation != "" {
		fmt.Fprintf(w, "Index: %s (generation %s)\n", indexDir, rep.Generation)
	}
}
