package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// Layout of an index directory:
//
//	IndexDir/
//	  CURRENT           names the serving generation ("gen-…"); replaced atomically
//	  build.lock        flock'ed by the running build
//	  gen-…/            one complete generation
//	    bleve/          the Bleve (scorch) index
//	    paragraphs.jsonl, paragraphs.idx
//	                    the paragraph store (store.go); the .jsonl may be
//	                    shared (hard-linked) with the generation before
//	    manifest.gob, files.bin, articles/
//	                    the manifest (manifest.go); the shards in articles/
//	                    may be shared (hard-linked) with the generation before
//	    summary.json    what opening and Stale read (summary.go)
//	    readers.lock    flock'ed (shared) by every engine serving it
//	  gen-….tmp/        a generation being built; never served
//
// A build writes gen-X.tmp, fsyncs it, renames it to gen-X and only then
// rewrites CURRENT (temp file, fsync, rename), so a reader always finds a
// complete generation and a killed build leaves the previous one serving.
// Engines poll CURRENT and swap to the generation it names (engine.go); a
// build deletes old generations no engine holds open (lock.go).
const (
	pointerFile  = "CURRENT"
	genPrefix    = "gen-"
	tmpSuffix    = ".tmp"
	bleveDir     = "bleve"
	manifestFile = "manifest.gob"
)

// newGenName returns a generation name, later names sorting after earlier.
func newGenName(dir string) string {
	base := genPrefix + time.Now().UTC().Format("20060102T150405.000000000")
	name := base
	for i := 2; ; i++ {
		_, err1 := os.Stat(filepath.Join(dir, name))
		_, err2 := os.Stat(filepath.Join(dir, name+tmpSuffix))
		if errors.Is(err1, fs.ErrNotExist) && errors.Is(err2, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// openParts opens the paragraph store and the Bleve index of generation
// name in dir, and checks that both hold the paragraphs its manifest m
// lists: an ErrDamaged error when either does not open or check.
func openParts(dir, name string, s summary) (*paragraphStore, *bleveindex.Index, error) {
	genDir := filepath.Join(dir, name)
	// The manifest is read on first use, but must be there.
	for _, part := range []string{manifestFile, filesFile, articlesDir} {
		if _, err := os.Stat(filepath.Join(genDir, part)); err != nil {
			return nil, nil, damaged(dir, name, fmt.Errorf("manifest: %w", err))
		}
	}
	store, err := openStore(genDir)
	if err != nil {
		return nil, nil, damaged(dir, name, err)
	}
	idx, err := bleveindex.Open(filepath.Join(genDir, bleveDir))
	if err != nil {
		_ = store.close()
		return nil, nil, damaged(dir, name, fmt.Errorf("open search index: %w", err))
	}
	if err := checkParts(store, idx, s.Paragraphs); err != nil {
		_ = store.close()
		_ = idx.Close()
		return nil, nil, damaged(dir, name, err)
	}
	return store, idx, nil
}

// checkParts reports a store or index that does not hold the want
// paragraphs the generation's manifest lists: a scorch snapshot that did
// not load is skipped with a log line, which would otherwise leave an
// index that opens and finds nothing.
func checkParts(store *paragraphStore, idx *bleveindex.Index, want int) error {
	if got := store.ix.paragraphs(); got != want {
		return fmt.Errorf("the paragraph store holds %d paragraphs, the manifest lists %d", got, want)
	}
	got, err := idx.DocCount()
	if err != nil {
		return err
	}
	if got != uint64(want) {
		return fmt.Errorf("the search index holds %d paragraphs, the manifest lists %d", got, want)
	}
	return nil
}

func validGenName(name string) bool {
	return strings.HasPrefix(name, genPrefix) && !strings.HasSuffix(name, tmpSuffix) && filepath.Base(name) == name
}

// writeJSONFile writes v as JSON to path and fsyncs it.
func writeJSONFile(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", filepath.Base(path), err)
	}
	return writeFileSync(path, b)
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}

// writePointer atomically points CURRENT at the generation name.
func writePointer(dir, name string) error {
	tmp := filepath.Join(dir, pointerFile+tmpSuffix)
	if err := writeFileSync(tmp, []byte(name+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, pointerFile)); err != nil {
		return fmt.Errorf("swap index pointer: %w", err)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// syncTree fsyncs every file and directory under root; it stops when ctx
// ends. A file of more than one link is one linked from the previous
// generation (a Bleve segment, a shard of article records, the paragraph
// store), whose content was synced when it was written (the store's
// appended records by storeWriter.close): its link is a directory entry,
// which syncing the directory makes durable. At a million paragraphs
// that spares several hundred fsyncs an incremental build.
func syncTree(ctx context.Context, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			if linkCount(info) > 1 {
				return nil
			}
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}

// removeLeftovers deletes generation directories left half-built by a
// build that died, and a stale pointer temp file. The caller holds the
// build lock, so nothing else is writing them.
func removeLeftovers(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read index directory: %w", err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("remove unfinished build %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// removeOldGenerations deletes every generation but the new one and the
// one it replaced, and those an engine, in this process or another, still
// has open (lockReader): they are deleted by a later build once closed.
// The one replaced is kept for processes that read the pointer before it
// changed and have yet to open what it named.
func removeOldGenerations(dir, keep, prev string, log *slog.Logger) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		log.Warn("list old generations", "err", err)
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !validGenName(n) || n == keep || n == prev {
			continue
		}
		removed, err := removeUnread(filepath.Join(dir, n))
		switch {
		case err != nil:
			log.Warn("remove old generation", "generation", n, "err", err)
		case !removed:
			log.Debug("old generation still open; keeping it", "generation", n)
		}
	}
}

// Stale reports whether the index in indexDir is missing or older than the
// corpus in corpusDir (by load.Fingerprint, AnalyzerVersion and the
// index's format). It reads the generation's summary, not its manifest.
func Stale(ctx context.Context, corpusDir, indexDir string) (bool, error) {
	_, m, err := readPointer(indexDir)
	if corpus.ErrorCode(err) == corpus.ENOTFOUND {
		return true, nil
	}
	if err != nil {
		return true, err
	}
	if m.Format != indexFormat || m.AnalyzerVersion != extract.AnalyzerVersion {
		return true, nil
	}
	fp, err := load.Fingerprint(ctx, corpusDir)
	if err != nil {
		return true, fmt.Errorf("fingerprint corpus: %w", err)
	}
	return fp != m.Fingerprint, nil
}
