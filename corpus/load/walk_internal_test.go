package load

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// listFilesWalkDir is listFiles as it was before it stat-ed in
// parallel: one filepath.WalkDir, an os.Stat per file. The listing must
// stay what it was, entry for entry, so the tests compare the two.
func listFilesWalkDir(ctx context.Context, dir string) ([]candidate, []corpus.Skipped, error) {
	root, err := corpusRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []candidate
	var skipped []corpus.Skipped
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if p == root {
			return err
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
			abs = target
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

// listing is a listing in comparable form.
type listing struct {
	Files   []string // "rel abs size mtime"
	Skipped []corpus.Skipped
	Err     string
}

func listingOf(files []candidate, skipped []corpus.Skipped, err error) listing {
	l := listing{Skipped: skipped}
	for _, f := range files {
		l.Files = append(l.Files, fmt.Sprintf("%s %s %d %d", f.rel, f.abs, f.size, f.modTime.UnixNano()))
	}
	if err != nil {
		l.Err = err.Error()
	}
	return l
}

// compareListings lists dir both ways and fails unless the listings, and
// the fingerprints made of them, are the same. It returns the listing.
func compareListings(t *testing.T, ctx context.Context, dir string) listing {
	t.Helper()
	files, skipped, err := listFiles(ctx, dir)
	got := listingOf(files, skipped, err)
	wantFiles, wantSkipped, wantErr := listFilesWalkDir(ctx, dir)
	want := listingOf(wantFiles, wantSkipped, wantErr)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listing of %s:\n got  %+v\n want %+v (filepath.WalkDir)", dir, got, want)
	}
	if fingerprintOf(files, skipped) != fingerprintOf(wantFiles, wantSkipped) {
		t.Errorf("fingerprint of %s differs from filepath.WalkDir's listing's", dir)
	}
	return got
}

// tree writes files (path: content; "->target" makes a symbolic link,
// "/" at the end of the path an empty directory) under dir.
func tree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(name, "/"):
			err = os.MkdirAll(p, 0o755)
		case strings.HasPrefix(content, "->"):
			err = os.Symlink(filepath.FromSlash(strings.TrimPrefix(content, "->")), p)
		default:
			err = os.WriteFile(p, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestListFilesAsWalkDir checks that the parallel listing is the one
// filepath.WalkDir with an os.Stat per file made: the same files in the
// same order (a depth-first walk's, not a sort of the paths: "a/b.txt"
// before "a-b.txt"), the same entries skipped with the same reasons, the
// same symbolic link rules, the same errors.
func TestListFilesAsWalkDir(t *testing.T) {
	// More entries than one read of the directory returns (64 KiB).
	many := map[string]string{}
	for i := range 1500 {
		many[fmt.Sprintf("big/%04d-%s.md", i, strings.Repeat("n", 40))] = strings.Repeat("x", i%300)
		if i%97 == 0 {
			many[fmt.Sprintf("big/%04d-link.md", i)] = fmt.Sprintf("->%04d-%s.md", i, strings.Repeat("n", 40))
			many[fmt.Sprintf("big/%04d-dangling.md", i)] = "->missing.md"
			many[fmt.Sprintf("big/%04d-dir/a.txt", i)] = "nested among many"
			many[fmt.Sprintf("big/.%04d.md", i)] = "hidden among many"
		}
	}
	cases := []struct {
		name  string
		files map[string]string
		want  []string // the files' paths, in order
		skip  map[string]string
	}{
		{name: "empty", files: map[string]string{}},
		{
			name: "order",
			files: map[string]string{
				"a.txt": "1", "a/b.txt": "22", "a-b.txt": "333", "a0.txt": "4", "B.txt": "5",
				"z/y/x.txt": "6", "z/y.txt": "7", "empty/": "", "a/c/d/e/f.txt": "8",
			},
			want: []string{"B.txt", "a/b.txt", "a/c/d/e/f.txt", "a-b.txt", "a.txt", "a0.txt", "z/y/x.txt", "z/y.txt"},
		},
		{
			name: "ignored names",
			files: map[string]string{
				"good.txt": "g", ".hidden.txt": "h", "_draft.md": "d", ".git/config": "c",
				"_notes/n.txt": "n", "sub/.DS_Store": "x", "sub/_x/y.txt": "y", "sub/ok.md": "o",
			},
			want: []string{"good.txt", "sub/ok.md"},
		},
		{
			name: "symbolic links",
			files: map[string]string{
				"good.txt": "good", ".git/notes.txt": "hidden", "_drafts/d.txt": "draft", "target/inside.txt": "in",
				"alias.txt": "->good.txt", "sub/deep.txt": "->../good.txt", "chain.txt": "->alias.txt",
				"hidden.txt": "->.git/notes.txt", "draft.txt": "->_drafts/d.txt",
				"dangling.txt": "->nowhere.txt", "linkdir": "->target", "root": "->.",
				"out.txt": "->../../../../../../../../etc/hostname", "abs-out": "->/etc",
				"sub/up-and-out.txt": "->../../outside.txt", "loop1": "->loop2", "loop2": "->loop1",
			},
			want: []string{"alias.txt", "chain.txt", "good.txt", "sub/deep.txt", "target/inside.txt"},
			skip: map[string]string{
				"abs-out": "symbolic link to outside the corpus directory; not followed",
				"root":    "symbolic link to a directory; not followed",
				"linkdir": "symbolic link to a directory; not followed",
			},
		},
		{name: "many files", files: many},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			tree(t, dir, c.files)
			got := compareListings(t, context.Background(), dir)
			if c.want != nil {
				var paths []string
				for _, f := range got.Files {
					paths = append(paths, strings.Fields(f)[0])
				}
				if !reflect.DeepEqual(paths, c.want) {
					t.Errorf("files %q, want %q", paths, c.want)
				}
			}
			reasons := map[string]string{}
			for _, s := range got.Skipped {
				reasons[s.Path] = s.Reason
			}
			for p, want := range c.skip {
				if reasons[p] != want {
					t.Errorf("%s: skipped with %q, want %q", p, reasons[p], want)
				}
			}
		})
	}
}

// TestListFilesRootAndErrors checks the listing of a corpus directory
// that is a symbolic link, is missing, is a file, and of a listing
// cancelled before it starts, against filepath.WalkDir's.
func TestListFilesRootAndErrors(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "corpus")
	tree(t, base, map[string]string{"corpus/a.txt": "a", "corpus/sub/b.txt": "b", "file.txt": "f", "link": "->corpus"})

	if got := compareListings(t, context.Background(), filepath.Join(base, "link")); len(got.Files) != 2 || got.Err != "" {
		t.Errorf("corpus through a link: %+v, want its two files", got)
	}
	for _, p := range []string{filepath.Join(base, "missing"), filepath.Join(base, "file.txt")} {
		if got := compareListings(t, context.Background(), p); got.Err == "" {
			t.Errorf("%s: no error", p)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := compareListings(t, ctx, dir); !strings.Contains(got.Err, context.Canceled.Error()) {
		t.Errorf("cancelled: %+v, want the cancellation", got)
	}
}

// TestListFilesUnreadable checks files and directories the listing may
// not read, and a corpus root it may not read, against filepath.WalkDir.
func TestListFilesUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced (TestListFilesLongPaths covers unreadable entries)")
	}
	dir := t.TempDir()
	tree(t, dir, map[string]string{"a.txt": "a", "locked.txt": "l", "lockeddir/x.txt": "x", "noexec/y.txt": "y", "z.txt": "z"})
	for name, mode := range map[string]fs.FileMode{"locked.txt": 0, "lockeddir": 0, "noexec": 0o644} {
		p := filepath.Join(dir, name)
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(p, 0o755) })
	}
	got := compareListings(t, context.Background(), dir)
	reasons := map[string]string{}
	for _, s := range got.Skipped {
		reasons[s.Path] = s.Reason
	}
	if reasons["lockeddir"] != "cannot read: permission denied" || reasons["noexec/y.txt"] != "cannot read: permission denied" {
		t.Errorf("skipped %+v, want lockeddir and noexec/y.txt unreadable", got.Skipped)
	}

	if err := os.Chmod(dir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	if got := compareListings(t, context.Background(), dir); got.Err == "" {
		t.Errorf("unreadable root: %+v, want an error", got)
	}
}

// TestJoinPathAsJoin checks joinPath and relOf against filepath.Join and
// filepath.Rel for clean directories, the file system's root among them.
func TestJoinPathAsJoin(t *testing.T) {
	for _, c := range []struct{ root, dirRel, name string }{
		{"/", "", "a.txt"}, {"/", "sub", "b.md"}, {"/srv/corpus", "", "c.txt"}, {"/srv/corpus", "x/y", "d.json"},
	} {
		dir := filepath.Join(c.root, filepath.FromSlash(c.dirRel))
		abs := joinPath(dir, c.name)
		if want := filepath.Join(dir, c.name); abs != want {
			t.Errorf("joinPath(%q, %q) = %q, want %q", dir, c.name, abs, want)
		}
		wantRel, err := filepath.Rel(c.root, abs)
		if err != nil {
			t.Fatal(err)
		}
		l := &lister{root: c.root}
		if got := l.relOf(abs, c.dirRel, c.name); got != filepath.ToSlash(wantRel) {
			t.Errorf("relOf(%q) under %q = %q, want %q", abs, c.root, got, wantRel)
		}
	}
}
