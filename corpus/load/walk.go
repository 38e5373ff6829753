package load

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
// path, and the entries it could not read.
func listFiles(ctx context.Context, dir string) ([]candidate, []corpus.Skipped, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, corpus.Errorf(corpus.EINVALID, "corpus directory %s does not exist; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	case err != nil:
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	case !info.IsDir():
		return nil, nil, corpus.Errorf(corpus.EINVALID, "corpus %s is not a directory; pass --corpus DIR or set NEWSDESK_CORPUS", dir)
	}
	// WalkDir does not descend into a root that is a symbolic link.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus directory: %w", err)
	}
	var files []candidate
	var skipped []corpus.Skipped
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
			skipped = append(skipped, corpus.Skipped{Path: rel, Reason: "cannot read: " + errReason(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		abs := p
		if d.Type()&fs.ModeSymlink != 0 {
			target, reason := linkTarget(root, p)
			if reason != "" {
				skipped = append(skipped, corpus.Skipped{Path: rel, Reason: reason})
				return nil
			}
			abs = target // read what was checked, not the link again
		}
		info, err := os.Stat(abs)
		switch {
		case err != nil:
			skipped = append(skipped, corpus.Skipped{Path: rel, Reason: "cannot read: " + errReason(err)})
		case info.IsDir():
			skipped = append(skipped, corpus.Skipped{Path: rel, Reason: "symbolic link to a directory; not followed"})
		case !info.Mode().IsRegular():
			skipped = append(skipped, corpus.Skipped{Path: rel, Reason: "not a regular file"})
		default:
			files = append(files, candidate{rel: rel, abs: abs, size: info.Size(), modTime: info.ModTime()})
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
