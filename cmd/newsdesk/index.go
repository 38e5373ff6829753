package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsdesk/newsdesk/index"
)

// IndexCommand builds or refreshes the index of the corpus:
//
//	newsdesk index [--corpus DIR] [--index DIR] [--full] [--json]
type IndexCommand struct {
	Stdout io.Writer
	Stderr io.Writer
	Env    Env
}

// Run runs the index command.
func (c *IndexCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("index", "index [--corpus DIR] [--index DIR] [--full] [--json]", c.Stderr)
	cfg, err := loadConfig(c.Env, fs, flagCorpus|flagIndex|flagLogLevel)
	if err != nil {
		return err
	}
	full := fs.Bool("full", false, "analyse every article again, even unchanged ones")
	asJSON := fs.Bool("json", false, "print the build report as JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageErrorf("index takes no arguments, got %q: use --corpus DIR to choose the corpus", rest[0])
	}
	log := newLogger(c.Stderr, cfg.LogLevel)
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return err
	}

	fmt.Fprintf(c.Stderr, "Indexing %s into %s\n", cfg.CorpusDir, cfg.IndexDir)
	p := newProgress(c.Stderr, "indexing")
	rep, err := index.Build(ctx, index.BuildOptions{
		CorpusDir: cfg.CorpusDir,
		IndexDir:  cfg.IndexDir,
		Progress:  p.update,
		Log:       log,
		Full:      *full,
		TuneGC:    true, // this process only builds
	})
	p.finish()
	if err != nil {
		return buildError(err, cfg)
	}
	if *asJSON {
		return writeJSON(c.Stdout, rep)
	}
	writeBuildSummary(c.Stdout, rep, cfg.IndexDir)
	return nil
}

// writeBuildSummary prints what a build did, with every skipped file and why.
func writeBuildSummary(w io.Writer, rep index.BuildReport, indexDir string) {
	fmt.Fprintf(w, "Indexed %s, %s in %s (%d analysed, %d reused, %d removed).\n",
		plural(rep.Articles, "article"), plural(rep.Paragraphs, "paragraph"),
		rep.Duration.Round(time.Millisecond), rep.Analysed, rep.Reused, rep.Removed)
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "Skipped %s:\n", plural(len(rep.Skipped), "file"))
		for _, s := range rep.Skipped {
			fmt.Fprintf(w, "  %s: %s\n", s.Path, s.Reason)
		}
	}
	if rep.Generation != "" {
		fmt.Fprintf(w, "Index: %s (generation %s)\n", indexDir, rep.Generation)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// openEngine makes sure the index is fresh, then opens it.
func openEngine(ctx context.Context, cfg *Config, stderr io.Writer, log *slog.Logger) (*index.Engine, error) {
	if err := ensureIndex(ctx, cfg, stderr, log); err != nil {
		return nil, err
	}
	e, err := index.Open(ctx, cfg.IndexDir, log)
	if err != nil {
		return nil, fmt.Errorf("open the index in %s: %w", cfg.IndexDir, err)
	}
	return e, nil
}

// ensureIndex builds the index when it is missing or older than the
// corpus, reporting progress and a one-line summary on stderr.
func ensureIndex(ctx context.Context, cfg *Config, stderr io.Writer, log *slog.Logger) error {
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return err
	}
	stale, err := index.Stale(ctx, cfg.CorpusDir, cfg.IndexDir)
	if err != nil {
		return fmt.Errorf("check the index in %s: %w (run `newsdesk index --full` to rebuild it)", cfg.IndexDir, err)
	}
	if !stale {
		return nil
	}
	fmt.Fprintf(stderr, "Indexing %s into %s (the corpus changed or has not been indexed yet)\n", cfg.CorpusDir, cfg.IndexDir)
	p := newProgress(stderr, "indexing")
	rep, err := index.Build(ctx, index.BuildOptions{
		CorpusDir: cfg.CorpusDir,
		IndexDir:  cfg.IndexDir,
		Progress:  p.update,
		Log:       log,
		TuneGC:    true, // nothing else runs yet: ask and serve build before they start
	})
	p.finish()
	if errors.Is(err, index.ErrBuildRunning) {
		// Another process is building; the index it replaces still serves.
		log.Warn("another process is indexing the corpus; answering from the current index meanwhile", "index", cfg.IndexDir)
		return nil
	}
	if err != nil {
		return buildError(err, cfg)
	}
	fmt.Fprintf(stderr, "Indexed %s, %s in %s", plural(rep.Articles, "article"), plural(rep.Paragraphs, "paragraph"), rep.Duration.Round(time.Millisecond))
	if n := len(rep.Skipped); n > 0 {
		fmt.Fprintf(stderr, "; skipped %s (run `newsdesk index` to see why)", plural(n, "file"))
	}
	fmt.Fprintln(stderr)
	return nil
}

// checkCorpusDir fails with advice when the corpus directory is missing.
func checkCorpusDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("corpus directory %s does not exist: pass --corpus DIR or set %s", dir, envCorpus)
	case err != nil:
		return fmt.Errorf("corpus directory %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("corpus %s is not a directory: pass --corpus DIR or set %s", dir, envCorpus)
	}
	return nil
}

// buildError adds advice to a failed build.
func buildError(err error, cfg *Config) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("indexing interrupted; the previous index, if any, still serves: %w", err)
	}
	return fmt.Errorf("index %s into %s: %w (check that both directories are readable and writable)", cfg.CorpusDir, cfg.IndexDir, err)
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// progress shows a build's progress: a bar when w is a terminal, else a
// plain line every few seconds and at the end. It is safe for concurrent use.
type progress struct {
	w     io.Writer
	label string
	tty   bool

	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	last  time.Time
	done  int
	total int
}

// progressInterval is how often plain progress lines are written.
const progressInterval = 2 * time.Second

func newProgress(w io.Writer, label string) *progress {
	_, tty := terminalWidth(w)
	return &progress{w: w, label: label, tty: tty}
}

// update records that done of total articles are indexed.
func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = done, total
	if p.tty {
		if p.bar == nil {
			p.bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(p.w),
				progressbar.OptionSetDescription(p.label),
				progressbar.OptionShowCount(),
				progressbar.OptionSetWidth(30),
				progressbar.OptionThrottle(100*time.Millisecond),
				progressbar.OptionClearOnFinish(),
			)
		}
		if p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
		return
	}
	now := time.Now()
	if done == total || p.last.IsZero() || now.Sub(p.last) >= progressInterval {
		p.last = now
		fmt.Fprintf(p.w, "%s: %d/%d articles (%d%%)\n", p.label, done, total, percent(done, total))
	}
}

// finish ends the bar, if any.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

func percent(done, total int) int {
	if total <= 0 {
		return 100
	}
	return done * 100 / total
}

// terminalWidth reports whether w is a terminal and, if so, its width;
// 80 otherwise.
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 80, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		return 80, true
	}
	return width, true
}
