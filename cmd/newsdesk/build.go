package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/newsdesk/newsdesk/index"
)

// buildIndex builds the index of opts.CorpusDir in opts.IndexDir, the one
// way every command builds: headline on stderr, then the build's progress
// there. A failed build's error carries advice and wraps the build's own.
func buildIndex(ctx context.Context, s *IO, headline string, opts index.BuildOptions) (index.BuildReport, error) {
	fmt.Fprintln(s.ErrOut, headline)
	p := s.Progress("indexing")
	opts.Progress = p.Update
	opts.Log = p.Logger(opts.Log)
	opts.TuneGC = true // nothing else runs yet: commands build before they start
	rep, err := index.Build(ctx, opts)
	p.Finish()
	if err != nil {
		return rep, buildError(err, opts.CorpusDir, opts.IndexDir)
	}
	return rep, nil
}

// openEngine makes sure the index is fresh, then opens it. An index that
// is out of date and cannot be rebuilt now serves with a warning.
func openEngine(ctx context.Context, s *IO, cfg *Config, log *slog.Logger) (*index.Engine, error) {
	notRebuilt, err := ensureIndex(ctx, s, cfg, log)
	if err != nil {
		return nil, err
	}
	return openChecked(ctx, cfg, log, notRebuilt)
}

// openChecked opens the index once ensureIndex or rebuildIndex has
// checked it: notRebuilt, if not nil, is why an index found out of date
// could not be rebuilt, and it serves with a warning.
func openChecked(ctx context.Context, cfg *Config, log *slog.Logger, notRebuilt error) (*index.Engine, error) {
	e, err := openIndex(ctx, cfg.IndexDir, log)
	switch {
	case err != nil && notRebuilt != nil:
		// No index to fall back on: why it could not be built says more.
		return nil, notRebuilt
	case err != nil:
		return nil, err
	case errors.Is(notRebuilt, index.ErrBuildRunning):
		log.Warn("the index is out of date: another process is indexing the corpus; answering from the current index meanwhile", "index", cfg.IndexDir)
	case notRebuilt != nil:
		log.Warn("the index is out of date: the corpus changed and the index cannot be rebuilt now; answering from it as it is", "index", cfg.IndexDir, "err", notRebuilt)
	}
	return e, nil
}

// openIndex opens the index in dir.
func openIndex(ctx context.Context, dir string, log *slog.Logger) (*index.Engine, error) {
	e, err := index.Open(ctx, dir, log)
	if err != nil {
		return nil, fmt.Errorf("open the index in %s: %w", dir, err)
	}
	return e, nil
}

// ensureIndex builds the index when it is missing or older than the
// corpus, reporting progress and a one-line summary on stderr. When it
// cannot be rebuilt now, because another process is building it or its
// directory is not writable, it returns why as notRebuilt: the index
// there, if any, is to serve as it is.
func ensureIndex(ctx context.Context, s *IO, cfg *Config, log *slog.Logger) (notRebuilt, err error) {
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return nil, err
	}
	stale, err := staleIndex(ctx, cfg)
	if err != nil || !stale {
		return nil, err
	}
	return rebuildIndex(ctx, s, cfg, log)
}

// staleIndex reports whether the index of cfg is missing or older than
// its corpus.
func staleIndex(ctx context.Context, cfg *Config) (bool, error) {
	stale, err := index.Stale(ctx, cfg.CorpusDir, cfg.IndexDir)
	if err != nil {
		return true, fmt.Errorf("check the index in %s: %w", cfg.IndexDir, err)
	}
	return stale, nil
}

// rebuildIndex builds the index found missing or out of date, as
// ensureIndex does.
func rebuildIndex(ctx context.Context, s *IO, cfg *Config, log *slog.Logger) (notRebuilt, err error) {
	headline := fmt.Sprintf("Indexing %s into %s (the corpus changed or has not been indexed yet)", cfg.CorpusDir, cfg.IndexDir)
	rep, err := buildIndex(ctx, s, headline, index.BuildOptions{CorpusDir: cfg.CorpusDir, IndexDir: cfg.IndexDir, Log: log})
	switch {
	case errors.Is(err, index.ErrBuildRunning), errors.Is(err, index.ErrNotWritable):
		return err, nil
	case err != nil:
		return nil, err
	}
	fmt.Fprintf(s.ErrOut, "Indexed %s, %s in %s", plural(rep.Articles, "article"), plural(rep.Paragraphs, "paragraph"), rep.Duration.Round(time.Millisecond))
	if n := len(rep.Skipped); n > 0 {
		fmt.Fprintf(s.ErrOut, "; skipped %s (run `newsdesk index` to see why)", plural(n, "file"))
	}
	fmt.Fprintln(s.ErrOut)
	return nil, nil
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

// buildError adds advice to a failed build of corpusDir into indexDir.
func buildError(err error, corpusDir, indexDir string) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("indexing interrupted; the previous index, if any, still serves: %w", err)
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, index.ErrNotWritable) {
		return fmt.Errorf("index %s into %s: %w (check that both directories are readable and writable)", corpusDir, indexDir, err)
	}
	return fmt.Errorf("index %s into %s: %w", corpusDir, indexDir, err)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
