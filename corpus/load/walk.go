package load

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

// ignored reports whether a file or directory name is left out of the
// corpus without a word: hidden names (".git", ".DS_Store") and names
// starting with "_" (drafts, notes).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// candidate is a candidate article file found by listFiles.
type candidate struct {
	rel     string // slash-separated, relative to the corpus root
	abs     string
	size    int64
	modTime time.Time
}

// listFiles lists the files under dir that are not ignored, sorted by
// path as a depth-first walk visits them (each directory's names in
// lexical order, a directory's files where its name falls), and the
// entries it could not read. The files of a directory are stat-ed in
// parallel, on every core.
func listFiles(ctx context.Context, dir string) ([]candidate, []corpus.Skipped, error) {
	root, err := corpusRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	l := &lister{ctx: ctx, root: root, workers: runtime.GOMAXPROCS(0)}
	if err := l.walk(root, ""); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, fmt.Errorf("read corpus %s: %w", dir, ctxErr)
		}
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	}
	return l.files, l.skipped, nil
}

// lister is one listing of a corpus: what listFiles found so far.
type lister struct {
	ctx     context.Context
	root    string // the corpus directory, symbolic links resolved
	workers int    // how many stat at once

	files   []candidate
	skipped []corpus.Skipped
}

// entry is what the listing makes of one directory entry that is not a
// directory: a candidate file, or why it is skipped.
type entry struct {
	file   candidate
	reason string // "" for a file
}

// parallelStats is the fewest entries of a directory worth stat-ing on
// several goroutines.
const parallelStats = 64

// walk lists the directory abs, rel under the root ("" for the root),
// and those under it. A directory it cannot read is skipped with the
// reason; the root is an error.
func (l *lister) walk(abs, rel string) error {
	if err := l.ctx.Err(); err != nil {
		return err
	}
	f, ents, err := readDir(abs)
	if err != nil {
		if rel == "" {
			return err // the root itself: unreadable means no corpus
		}
		l.skipped = append(l.skipped, corpus.Skipped{Path: rel, Reason: "cannot read: " + errReason(err)})
		return nil
	}
	results, n := l.statEntries(f, abs, rel, ents)
	if err := f.Close(); err != nil {
		return fmt.Errorf("corpus directory %s: %w", abs, err)
	}
	l.files = slices.Grow(l.files, n)
	for i, d := range ents {
		if err := l.ctx.Err(); err != nil {
			return err
		}
		switch {
		case ignored(d.name):
		case d.typ.IsDir():
			if err := l.walk(joinPath(abs, d.name), joinRel(rel, d.name)); err != nil {
				return err
			}
		case results[i].reason != "":
			l.skipped = append(l.skipped, corpus.Skipped{Path: joinRel(rel, d.name), Reason: results[i].reason})
		default:
			l.files = append(l.files, results[i].file)
		}
	}
	return nil
}

// dirent is an entry of a directory as readDir reads it: its name and
// its type bits (fs.ModeDir, fs.ModeSymlink, …; 0 for a regular file),
// as os.ReadDir's fs.DirEntry.Type has them.
type dirent struct {
	name string
	typ  fs.FileMode
}

// sortDirents sorts ents by name, as os.ReadDir does.
func sortDirents(ents []dirent) {
	slices.SortFunc(ents, func(a, b dirent) int { return strings.Compare(a.name, b.name) })
}

// statEntries classifies the entries of the directory f (abs, rel under
// the root) that are neither ignored nor directories, in parallel when
// there are many, and counts them. results[i] is ents[i]'s.
func (l *lister) statEntries(f *os.File, abs, rel string, ents []dirent) ([]entry, int) {
	results := make([]entry, len(ents))
	todo := make([]int, 0, len(ents))
	for i, d := range ents {
		if !ignored(d.name) && !d.typ.IsDir() {
			todo = append(todo, i)
		}
	}
	dir := openDir(f)
	classify := func(i int) {
		results[i] = l.classify(dir, abs, rel, ents[i])
	}
	workers := min(l.workers, len(todo)/parallelStats+1)
	if workers <= 1 {
		for _, i := range todo {
			classify(i)
		}
		return results, len(todo)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(todo) || l.ctx.Err() != nil {
					return
				}
				classify(todo[k])
			}
		})
	}
	wg.Wait()
	return results, len(todo)
}

// classify makes an entry of the directory entry d of dir (dirAbs, rel
// under the root): a regular file, or a symbolic link to one that
// linkTarget allows, is a candidate; anything else is skipped.
func (l *lister) classify(dir statDir, dirAbs, dirRel string, d dirent) entry {
	abs := joinPath(dirAbs, d.name)
	var st fileStat
	var err error
	target := abs
	if d.typ&fs.ModeSymlink != 0 {
		var reason string
		if target, reason = linkTarget(l.root, abs); reason != "" {
			return entry{reason: reason}
		}
		st, err = statPath(target) // read what was checked, not the link again
	} else {
		st, err = dir.stat(d.name, abs)
	}
	switch {
	case err != nil:
		return entry{reason: "cannot read: " + errReason(err)}
	case st.isDir:
		return entry{reason: "symbolic link to a directory; not followed"}
	case !st.regular:
		return entry{reason: "not a regular file"}
	}
	return entry{file: candidate{rel: l.relOf(abs, dirRel, d.name), abs: target, size: st.size, modTime: st.modTime}}
}

// relOf is the slash-separated path under the root of the entry name of
// the directory dirRel, whose path is abs: a substring of abs where the
// separator is a slash, so as not to allocate another string per file.
func (l *lister) relOf(abs, dirRel, name string) string {
	prefix := len(l.root) + 1
	if strings.HasSuffix(l.root, string(filepath.Separator)) {
		prefix = len(l.root)
	}
	if filepath.Separator == '/' && len(abs) > prefix && abs[:prefix-1] == l.root[:prefix-1] {
		return abs[prefix:]
	}
	return joinRel(dirRel, name)
}

// fileStat is what the listing needs of a file's status.
type fileStat struct {
	size    int64
	modTime time.Time
	isDir   bool
	regular bool
}

// statPath stats path, following symbolic links, as os.Stat does.
func statPath(path string) (fileStat, error) {
	info, err := os.Stat(path)
	if err != nil {
		return fileStat{}, err
	}
	return fileStat{size: info.Size(), modTime: info.ModTime(), isDir: info.IsDir(), regular: info.Mode().IsRegular()}, nil
}

// joinPath is filepath.Join(dir, name) for a clean dir and the name of
// an entry of it, without Join's cleaning.
func joinPath(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// joinRel is the slash-separated path of name in the directory rel
// under the root ("" for the root).
func joinRel(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

// linkTarget resolves the symbolic link at p, under the resolved corpus
// root. A link is followed only to a target inside root that Dir would
// itself read (no hidden or "_" name on the way), so that a link cannot
// bring a file from elsewhere on the machine (/etc/passwd) or one the
// corpus keeps out (.git/config) into the index. It returns the target, or
// why the link is skipped.
func linkTarget(root, p string) (target, reason string) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", "cannot read: " + errReason(err)
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", "symbolic link to outside the corpus directory; not followed"
	}
	if rel == "." {
		return target, "" // the root itself: a directory, not followed
	}
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if ignored(name) {
			return "", "symbolic link to a hidden or ignored file; not followed"
		}
	}
	return target, ""
}

// errReason is the cause of a file system error without its path.
func errReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// corpusRoot checks that dir is a directory and returns it with symbolic
// links resolved: a walk does not descend into a root that is a link.
func corpusRoot(dir string) (string, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", corpus.Errorf(corpus.EINVALID, "corpus directory %s does not exist; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	case err != nil:
		return "", fmt.Errorf("read corpus directory: %w", err)
	case !info.IsDir():
		return "", corpus.Errorf(corpus.EINVALID, "corpus %s is not a directory; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("read corpus directory: %w", err)
	}
	return root, nil
}
