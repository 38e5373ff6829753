package load

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestListFilesLongPaths checks entries whose paths are longer than the
// kernel takes (PATH_MAX) and a FIFO against filepath.WalkDir: a file
// whose path is too long, and a directory whose path is, are skipped as
// unreadable though the listing stats by name in the open directory.
func TestListFilesLongPaths(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, map[string]string{"a.txt": "a", "z.txt": "z"})
	if err := unix.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Directories of 200-character names, nested past PATH_MAX, each
	// with a file; made relative to the one above, as no path reaches.
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("d", 200)
	for i := range 24 {
		if err := unix.Mkdirat(fd, name, 0o755); err != nil {
			t.Fatal(err)
		}
		sub, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY, 0)
		_ = unix.Close(fd)
		if err != nil {
			t.Fatalf("level %d: %v", i, err)
		}
		fd = sub
		f, err := unix.Openat(fd, strings.Repeat("f", 150)+".txt", unix.O_CREAT|unix.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = unix.Write(f, []byte("deep"))
		_ = unix.Close(f)
	}
	_ = unix.Close(fd)

	got := compareListings(t, context.Background(), dir)
	var tooLong, pipe int
	for _, s := range got.Skipped {
		switch {
		case s.Reason == "cannot read: file name too long":
			tooLong++
		case s.Path == "pipe.txt" && s.Reason == "not a regular file":
			pipe++
		}
	}
	if tooLong == 0 || pipe != 1 || len(got.Files) < 3 {
		t.Errorf("%d files, skipped %d too long and %d pipe; want some deep files read, some too long, the pipe skipped", len(got.Files), tooLong, pipe)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
