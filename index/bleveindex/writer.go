package bleveindex

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// WriterOptions tune a Writer.
type WriterOptions struct {
	// BatchSize is how many documents go into one batch (one segment).
	BatchSize int
	// Writers is how many batches are applied at once.
	Writers int
	// MergeTier is scorch's MaxSegmentsPerTier while writing: higher
	// defers merging to the merge when the Writer closes; 0 for scorch's
	// default.
	MergeTier int
}

// Writer writes the documents of an index being built, in batches. It is
// not safe for concurrent use.
//
// It writes to an online scorch index in batches. Full batches
// are applied by a few goroutines at once: scorch analyses each batch on
// its analysis workers and builds its segment in the calling goroutine, so
// concurrent batches keep every core busy.
type Writer struct {
	path    string
	idx     bleve.Index
	b       *bleve.Batch
	size    int
	full    chan *bleve.Batch
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	failed  chan struct{}
	// single merges the index down to one segment on close (a fresh
	// build); otherwise only what scorch's tiered plan asks for, so that an
	// incremental build does not rewrite the whole index.
	single bool
}

// scorchConfig is the runtime config of an index being written.
func scorchConfig(mergeTier int) map[string]interface{} {
	c := map[string]interface{}{
		// Keep no rollback points: generations are immutable once built.
		"numSnapshotsToKeep": 1,
	}
	if mergeTier > 0 {
		c["scorchMergePlanOptions"] = map[string]interface{}{
			"MaxSegmentsPerTier":   mergeTier,
			"MaxSegmentSize":       5000000,
			"TierGrowth":           10.0,
			"SegmentsPerMergeTask": 10,
			"FloorSegmentSize":     2000,
			"ReclaimDeletesWeight": 2.0,
		}
	}
	return c
}

// Create creates an index at path for a fresh build; closing it merges
// the index down to one segment.
func Create(path string, o WriterOptions) (*Writer, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, scorchConfig(o.MergeTier))
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	w := startBatchWriter(path, idx, o.BatchSize, o.Writers)
	w.single = true
	return w, nil
}

// OpenWriter opens the index at path (a copy of a previous build) to
// update it; closing it merges only what scorch's tiered plan asks for,
// so that an incremental build does not rewrite the whole index.
func OpenWriter(path string, o WriterOptions) (*Writer, error) {
	idx, err := bleve.OpenUsing(path, scorchConfig(o.MergeTier))
	if err != nil {
		return nil, fmt.Errorf("open index copy: %w", err)
	}
	return startBatchWriter(path, idx, o.BatchSize, o.Writers), nil
}

func startBatchWriter(path string, idx bleve.Index, batch, writers int) *Writer {
	w := &Writer{path: path, idx: idx, b: idx.NewBatch(), size: batch, full: make(chan *bleve.Batch), failed: make(chan struct{})}
	for range max(writers, 1) {
		w.wg.Go(func() {
			for b := range w.full {
				if err := idx.Batch(b); err != nil {
					w.fail(fmt.Errorf("index batch: %w", err))
				}
			}
		})
	}
	return w
}

func (w *Writer) fail(err error) {
	w.errOnce.Do(func() { w.err = err; close(w.failed) })
}

// Index adds a document.
func (w *Writer) Index(d Document) error {
	if err := w.b.IndexAdvanced(d.doc); err != nil {
		return err
	}
	return w.flushIfFull()
}

// Delete removes the document with ID id.
func (w *Writer) Delete(id string) error {
	w.b.Delete(id)
	return w.flushIfFull()
}

func (w *Writer) flushIfFull() error {
	if w.b.Size() < w.size {
		return nil
	}
	return w.flush()
}

// flush hands the current batch to a writer goroutine.
func (w *Writer) flush() error {
	if w.b.Size() == 0 {
		return nil
	}
	select {
	case w.full <- w.b:
	case <-w.failed:
		return w.err
	}
	w.b = w.idx.NewBatch()
	return nil
}

// wait stops the writer goroutines after the batches handed over.
func (w *Writer) wait() error {
	close(w.full)
	w.wg.Wait()
	select {
	case <-w.failed:
		return w.err
	default:
		return nil
	}
}

// Close writes the last batch, merges the index's segments and closes it.
func (w *Writer) Close(ctx context.Context) error {
	err := w.flush()
	if werr := w.wait(); err == nil {
		err = werr
	}
	if err != nil {
		_ = w.idx.Close()
		return err
	}
	// Merge: queries on fewer segments are faster, and a generation is
	// never written again once built.
	plan := mergeplan.DefaultMergePlanOptions
	if w.single {
		plan = mergeplan.SingleSegmentMergePlanOptions
	}
	adv, err := w.idx.Advanced()
	if err != nil {
		_ = w.idx.Close()
		return fmt.Errorf("merge segments: %w", err)
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		if err := s.ForceMerge(ctx, &plan); err != nil {
			_ = w.idx.Close()
			return fmt.Errorf("merge segments: %w", err)
		}
	}
	// ForceMerge stops early, without an error, when ctx ends.
	if err := ctx.Err(); err != nil {
		_ = w.idx.Close()
		return fmt.Errorf("merge segments: %w", err)
	}
	// A write waits for the persister to record the current snapshot, which
	// includes the merged segment; closing before that would leave the
	// unmerged segments as the index's root.
	if err := w.idx.SetInternal([]byte("newsdesk_built"), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
		_ = w.idx.Close()
		return fmt.Errorf("record build: %w", err)
	}
	if err := w.idx.Close(); err != nil {
		return err
	}
	// Opening an index for writing deletes segment files its root no
	// longer references, should any remain.
	idx, err := bleve.OpenUsing(w.path, nil)
	if err != nil {
		return fmt.Errorf("reopen index: %w", err)
	}
	return idx.Close()
}

// Abort closes the index after a failed build.
func (w *Writer) Abort() error {
	_ = w.wait()
	return w.idx.Close()
}

// Copy copies the index directory src to dst. Scorch segment files are
// immutable once written, so they are hard-linked (copied when linking
// fails); everything else (root.bolt, metadata) is copied.
func Copy(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".zap") {
			if err := os.Link(path, target); err == nil {
				return nil
			}
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
