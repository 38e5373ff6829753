// Package load reads news articles from disk into corpus.Articles: it
// walks a corpus directory (Dir), recognises the accepted file types (the
// one list: Extensions, Accepts), parses each format (plain text and
// markdown with front matter, HTML through readability, JSON and JSON
// Lines), cleans paragraphs and drops site boilerplate, and fingerprints
// the directory so that an unchanged corpus need not be read again. It
// does not analyse the articles.
package load

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/newsdesk/newsdesk/corpus"
)

// MaxFileSize is the largest article file Dir reads; larger files are
// skipped.
const MaxFileSize = 10 << 20

// Reasons a file is not read as an article. ParseFile's errors wrap one of
// them, and Skipped.Reason is the error's text.
var (
	ErrUnknownFormat = errors.New("unknown file type")
	ErrTooLarge      = errors.New("file too large")
	ErrBinary        = errors.New("binary file, not text")
	ErrEmpty         = errors.New("empty file")
	ErrNoText        = errors.New("no paragraphs")
	ErrFrontMatter   = errors.New("broken front matter")
	ErrBadJSON       = errors.New("invalid JSON")
	ErrBadRecord     = errors.New("bad record")
)

// Result is what Dir found under a corpus directory.
type Result struct {
	// Articles are sorted by ID; their paragraphs are cleaned and numbered
	// but not analysed (see extract.Analyze).
	Articles []corpus.Article
	// Skipped lists the files and records that were not read, by path.
	Skipped []corpus.Skipped
	// Stamps are the stamps of the files read, by path: what a later
	// Since compares.
	Stamps map[string]Stamp
	// Kept are the files Since did not read, its keep having said they
	// are unchanged, with their stamps.
	Kept map[string]Stamp
	// Fingerprint is the directory's Fingerprint, taken from the listing
	// before any file was read.
	Fingerprint string
}

// Stamp is a file's size and modification time. A file whose stamp is
// the one a previous load recorded is taken as unchanged without being
// read, as git's index does.
type Stamp struct {
	Size    int64 `json:"size"`
	ModTime int64 `json:"mtime_ns"`
}

// Dir walks dir recursively and reads every article file in it (each type
// Extensions lists; see ParseFile). Names starting with "." or "_" are
// ignored. A bad file — unreadable, binary, empty, too large,
// of an unknown type, with broken front matter or no text — is skipped
// with a reason and never stops the walk; so is an article whose ID
// another file already has. The error is non-nil only when dir itself
// cannot be read or ctx ends. Files are read concurrently; the result is
// the same on every run.
func Dir(ctx context.Context, dir string) (Result, error) { return Since(ctx, dir, nil) }

// Since is Dir, except that it does not read a file for which keep, given
// its path and stamp, reports true: an unchanged file whose articles the
// caller has. Such files are listed in Result.Kept. A nil keep reads
// every file.
func Since(ctx context.Context, dir string, keep func(rel string, s Stamp) bool) (Result, error) {
	all, skipped, err := listFiles(ctx, dir)
	if err != nil {
		return Result{}, err
	}
	res := Result{Stamps: map[string]Stamp{}, Kept: map[string]Stamp{}, Fingerprint: fingerprintOf(all, skipped)}
	if keep == nil {
		res.Stamps = make(map[string]Stamp, len(all))
	} else {
		// Most files are unchanged when a caller keeps any.
		res.Kept = make(map[string]Stamp, len(all))
	}
	files := all[:0:0]
	for _, f := range all {
		st := Stamp{Size: f.size, ModTime: f.modTime.UnixNano()}
		if keep != nil && keep(f.rel, st) {
			res.Kept[f.rel] = st
			continue
		}
		res.Stamps[f.rel] = st
		files = append(files, f)
	}
	type result struct {
		articles []corpus.Article
		skipped  []corpus.Skipped
	}
	results := make([]result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range jobs {
				arts, sk := readCandidate(files[i])
				results[i] = result{arts, sk}
			}
		})
	}
send:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break send
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("load corpus %s: %w", dir, err)
	}

	for _, r := range results {
		res.Articles = append(res.Articles, r.articles...)
		skipped = append(skipped, r.skipped...)
	}
	slices.SortStableFunc(res.Articles, func(a, b corpus.Article) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Path, b.Path))
	})
	kept := res.Articles[:0]
	for i, a := range res.Articles {
		if i > 0 && a.ID == kept[len(kept)-1].ID {
			skipped = append(skipped, corpus.Skipped{Path: a.Path, Reason: fmt.Sprintf("duplicate article id %q (also in %s)", a.ID, kept[len(kept)-1].Path)})
			continue
		}
		kept = append(kept, a)
	}
	res.Articles = kept
	slices.SortStableFunc(skipped, func(a, b corpus.Skipped) int { return strings.Compare(a.Path, b.Path) })
	res.Skipped = skipped
	return res, nil
}

// readCandidate reads and parses one candidate file.
func readCandidate(f candidate) ([]corpus.Article, []corpus.Skipped) {
	skip := func(reason string) []corpus.Skipped { return []corpus.Skipped{{Path: f.rel, Reason: reason}} }
	if formatOf(f.rel) == "" {
		return nil, skip(unknownFormat(f.rel).Error())
	}
	if f.size > MaxFileSize {
		return nil, skip(fmt.Sprintf("%v: %.1f MiB (limit %d MiB)", ErrTooLarge, float64(f.size)/(1<<20), MaxFileSize>>20))
	}
	data, err := os.ReadFile(f.abs)
	if err != nil {
		return nil, skip("cannot read: " + errReason(err))
	}
	arts, skipped, err := File(f.rel, data)
	if err != nil {
		skipped = append(skipped, corpus.Skipped{Path: f.rel, Reason: err.Error()})
	}
	return arts, skipped
}
