package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxFileSize is the largest article file Load reads; larger files are
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

// Article file formats, by extension.
const (
	formatText  = "text"
	formatMD    = "markdown"
	formatHTML  = "html"
	formatJSON  = "json"
	formatJSONL = "jsonl"
)

// fileTypes is the one list of accepted article file types: extension →
// format. Load reads these, and /ingest accepts exactly these.
var fileTypes = []struct{ ext, format string }{
	{".txt", formatText}, {".text", formatText},
	{".md", formatMD}, {".markdown", formatMD},
	{".html", formatHTML}, {".htm", formatHTML}, {".xhtml", formatHTML},
	{".json", formatJSON},
	{".jsonl", formatJSONL}, {".ndjson", formatJSONL},
}

// Extensions returns the accepted article file extensions, with their dot,
// in the order they are documented.
func Extensions() []string {
	exts := make([]string, len(fileTypes))
	for i, t := range fileTypes {
		exts[i] = t.ext
	}
	return exts
}

// Accepts reports whether a file name has an accepted article extension
// (compared without regard to case).
func Accepts(name string) bool { return formatOf(name) != "" }

// formatOf returns the format of a file name by its extension, or "".
func formatOf(name string) string {
	ext := strings.ToLower(path.Ext(name))
	for _, t := range fileTypes {
		if t.ext == ext {
			return t.format
		}
	}
	return ""
}

func unknownFormat(name string) error {
	want := "want " + strings.Join(Extensions(), ", ")
	if ext := path.Ext(name); ext != "" {
		return fmt.Errorf("%w %q (%s)", ErrUnknownFormat, ext, want)
	}
	return fmt.Errorf("%w: no extension (%s)", ErrUnknownFormat, want)
}

// ignored reports whether a file or directory name is left out of the
// corpus without a word: hidden names (".git", ".DS_Store") and names
// starting with "_" (drafts, notes).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// Skipped is a file that could not be read as an article, and why.
// For a bad record of a .jsonl or .json file that loads otherwise, Path is
// the file and Reason starts with "line N:" or "record N:".
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// LoadResult is what Load found under a corpus directory.
type LoadResult struct {
	// Articles are sorted by ID; their paragraphs are cleaned and numbered
	// but not analysed (see Analyze).
	Articles []Article
	// Skipped lists the files and records that were not read, by path.
	Skipped []Skipped
}

// Load walks dir recursively and reads every article file in it (.txt,
// .md, .html, .htm, .json, .jsonl; see ParseFile). Names starting with "."
// or "_" are ignored. A bad file — unreadable, binary, empty, too large,
// of an unknown type, with broken front matter or no text — is skipped
// with a reason and never stops the walk; so is an article whose ID
// another file already has. The error is non-nil only when dir itself
// cannot be read or ctx ends. Files are read concurrently; the result is
// the same on every run.
func Load(ctx context.Context, dir string) (LoadResult, error) {
	files, skipped, err := walkCorpus(ctx, dir)
	if err != nil {
		return LoadResult{}, err
	}
	type result struct {
		articles []Article
		skipped  []Skipped
	}
	results := make([]result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range jobs {
				arts, sk := loadFile(files[i])
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
		return LoadResult{}, fmt.Errorf("load corpus %s: %w", dir, err)
	}

	var res LoadResult
	for _, r := range results {
		res.Articles = append(res.Articles, r.articles...)
		skipped = append(skipped, r.skipped...)
	}
	slices.SortStableFunc(res.Articles, func(a, b Article) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Path, b.Path))
	})
	kept := res.Articles[:0]
	for i, a := range res.Articles {
		if i > 0 && a.ID == kept[len(kept)-1].ID {
			skipped = append(skipped, Skipped{Path: a.Path, Reason: fmt.Sprintf("duplicate article id %q (also in %s)", a.ID, kept[len(kept)-1].Path)})
			continue
		}
		kept = append(kept, a)
	}
	res.Articles = kept
	slices.SortStableFunc(skipped, func(a, b Skipped) int { return strings.Compare(a.Path, b.Path) })
	res.Skipped = skipped
	return res, nil
}

// corpusFile is a candidate article file found by walkCorpus.
type corpusFile struct {
	rel     string // slash-separated, relative to the corpus root
	abs     string
	size    int64
	modTime time.Time
}

// walkCorpus lists the files under dir that are not ignored, sorted by
// path, and the entries it could not read.
func walkCorpus(ctx context.Context, dir string) ([]corpusFile, []Skipped, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, Errorf(EINVALID, "corpus directory %s does not exist; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	case err != nil:
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	case !info.IsDir():
		return nil, nil, Errorf(EINVALID, "corpus %s is not a directory; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	}
	// WalkDir does not descend into a root that is a symbolic link.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	}
	var files []corpusFile
	var skipped []Skipped
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if p == root {
			return err // the root itself: unreadable means no corpus
		}
		relOS, relErr := filepath.Rel(root, p)
		if relErr != nil {
			return fmt.Errorf("corpus path %s: %w", p, relErr)
		}
		rel := filepath.ToSlash(relOS)
		if d != nil && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil {
			skipped = append(skipped, Skipped{Path: rel, Reason: "cannot read: " + errReason(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(p) // follows a symbolic link
		switch {
		case err != nil:
			skipped = append(skipped, Skipped{Path: rel, Reason: "cannot read: " + errReason(err)})
		case info.IsDir():
			skipped = append(skipped, Skipped{Path: rel, Reason: "symbolic link to a directory; not followed"})
		case !info.Mode().IsRegular():
			skipped = append(skipped, Skipped{Path: rel, Reason: "not a regular file"})
		default:
			files = append(files, corpusFile{rel: rel, abs: p, size: info.Size(), modTime: info.ModTime()})
		}
		return nil
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, fmt.Errorf("read corpus %s: %w", dir, ctxErr)
		}
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	}
	return files, skipped, nil
}

// errReason is the cause of a file system error without its path.
func errReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loadFile reads and parses one candidate file.
func loadFile(f corpusFile) ([]Article, []Skipped) {
	skip := func(reason string) []Skipped { return []Skipped{{Path: f.rel, Reason: reason}} }
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
	arts, skipped, err := ParseFileDetailed(f.rel, data)
	if err != nil {
		skipped = append(skipped, Skipped{Path: f.rel, Reason: err.Error()})
	}
	return arts, skipped
}

// ParseFile reads the articles of one file; name is its path relative to
// the corpus root and decides the format by its extension:
//   - .txt and .md: one article, with optional YAML front matter (title,
//     source, url, published, author) between "---" lines; paragraphs
//     are separated by blank lines; markdown is reduced to plain text;
//   - .html and .htm: one article, its main content found by readability;
//   - .json: one object, or an array of objects, each an article;
//   - .jsonl: one object per line.
//
// The error wraps one of the Err… reasons when the file as a whole is
// unusable. Records of a .json array or a .jsonl file that cannot be read
// are left out without an error as long as one record loads; use
// ParseFileDetailed to learn which.
func ParseFile(name string, data []byte) ([]Article, error) {
	arts, _, err := ParseFileDetailed(name, data)
	if err != nil {
		return nil, err
	}
	return arts, nil
}

// ParseFileDetailed is ParseFile that also returns the records of a .json
// array or .jsonl file it left out, each with the file's name as Path and
// a reason starting "line N:" (.jsonl) or "record N:" (.json). When no
// record loads, it returns those skipped records and an error.
func ParseFileDetailed(name string, data []byte) ([]Article, []Skipped, error) {
	name = filepath.ToSlash(name)
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%w: %d bytes (limit %d MiB)", ErrTooLarge, len(data), MaxFileSize>>20)
	}
	var a Article
	var err error
	switch formatOf(name) {
	case formatText:
		a, err = parseTextArticle(name, data, false)
	case formatMD:
		a, err = parseTextArticle(name, data, true)
	case formatHTML:
		a, err = parseHTMLArticle(name, data)
	case formatJSON:
		return parseJSONArticles(name, data, false)
	case formatJSONL:
		return parseJSONArticles(name, data, true)
	default:
		return nil, nil, unknownFormat(name)
	}
	if err != nil {
		return nil, nil, err
	}
	return []Article{a}, nil, nil
}

// Fingerprint returns a cheap digest of the files under dir (paths, sizes,
// modification times): it changes whenever an article file is added,
// removed or edited. Ignored names (see Load) do not count.
func Fingerprint(ctx context.Context, dir string) (string, error) {
	files, skipped, err := walkCorpus(ctx, dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00%s\n", f.rel, f.size, strconv.FormatInt(f.modTime.UnixNano(), 10))
	}
	for _, s := range skipped {
		fmt.Fprintf(h, "%s\x00skipped\x00%s\n", s.Path, s.Reason)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// hashBytes is the hex SHA-256 of b.
func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
