package main

import (
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// currentGeneration returns the directory of the generation indexDir serves.
func currentGeneration(t *testing.T, indexDir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(indexDir, "CURRENT"))
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(indexDir, strings.TrimSpace(string(b)))
}

// TestDamagedIndex checks what a user sees of a damaged index: `ask` fails
// saying the index is damaged and to run `newsdesk index`, Bleve's own
// lines are log records (for --log-level debug) rather than raw lines,
// and `index` rebuilds it with one warning, after which `ask` answers.
func TestDamagedIndex(t *testing.T) {
	tests := []struct {
		name   string
		damage func(gen string) error
	}{
		{"truncated segment", func(gen string) error {
			zaps, err := filepath.Glob(filepath.Join(gen, "bleve", "store", "*.zap"))
			if err != nil || len(zaps) == 0 {
				return fs.ErrNotExist
			}
			return os.Truncate(zaps[0], 1000)
		}},
		{"emptied root.bolt", func(gen string) error {
			return os.Truncate(filepath.Join(gen, "bleve", "store", "root.bolt"), 0)
		}},
		{"missing index_meta.json", func(gen string) error {
			return os.Remove(filepath.Join(gen, "bleve", "index_meta.json"))
		}},
	}
	t.Cleanup(func() {
		log.SetOutput(os.Stderr)
		log.SetFlags(log.LstdFlags)
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _, indexDir := indexedCLI(t)
			if err := tc.damage(currentGeneration(t, indexDir)); err != nil {
				t.Fatal(err)
			}

			_, stderr, code := c.run(t, "ask", "--log-level", "debug", "who is Ilse Varnholt")
			want := "newsdesk: the index in " + indexDir + " is damaged: run `newsdesk index` to rebuild it"
			if code != exitFailure || lastLine(stderr) != want {
				t.Errorf("ask over the damaged index: exit %d, last line %q; want %d, %q", code, lastLine(stderr), exitFailure, want)
			}
			if tc.name == "truncated segment" && !strings.Contains(stderr, "level=DEBUG msg=\"unable to load snapshot") {
				t.Errorf("Bleve's line about the segment is not a debug record:\n%s", stderr)
			}

			_, stderr, code = c.run(t, "index")
			if code != exitOK {
				t.Fatalf("index over the damaged index: exit %d\n%s", code, stderr)
			}
			var warnings []string
			for line := range strings.Lines(stderr) {
				if strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") {
					warnings = append(warnings, line)
				}
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], "damaged") || !strings.Contains(warnings[0], "afresh") {
				t.Errorf("index over the damaged index warned %q; want one line saying it builds afresh", warnings)
			}
			if stdout, stderr, code := c.run(t, "ask", "who is Ilse Varnholt"); code != exitOK || !strings.Contains(stdout, "Varnholt") {
				t.Errorf("ask after the rebuild: exit %d\n%s\n%s", code, stdout, stderr)
			}
		})
	}
}

// TestAskFromOutOfDateIndex checks that when the corpus changed and the
// index cannot be rebuilt, `ask` answers from the index as it is, with a
// warning that it is out of date, rather than fail.
func TestAskFromOutOfDateIndex(t *testing.T) {
	tests := []struct {
		name string
		// hold keeps the index from being rebuilt while ask runs and
		// returns what undoes it.
		hold func(t *testing.T, corpusDir, indexDir string) (undo func())
	}{
		{"another process holds the build lock", func(t *testing.T, _, indexDir string) func() {
			f, err := os.OpenFile(filepath.Join(indexDir, "build.lock"), os.O_RDWR|os.O_CREATE, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
				t.Fatal(err)
			}
			return func() { _ = f.Close() }
		}},
		{"the index directory is not writable", readOnly},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, corpusDir, indexDir := indexedCLI(t)
			late := "---\ntitle: Ferry aground\n---\n\nA ferry ran aground off the cape.\n"
			if err := os.WriteFile(filepath.Join(corpusDir, "ferry.md"), []byte(late), 0o644); err != nil {
				t.Fatal(err)
			}
			undo := tc.hold(t, corpusDir, indexDir)
			stdout, stderr, code := c.run(t, "ask", "who is Ilse Varnholt")
			undo()
			if code != exitOK || !strings.Contains(stdout, "Varnholt") {
				t.Fatalf("ask: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, "level=WARN") || !strings.Contains(stderr, "out of date") {
				t.Errorf("no warning that the index is out of date:\n%s", stderr)
			}
		})
	}
}

// readOnly makes the index in indexDir, and everything under it, one this
// process cannot write, until undone. It takes write permission away; as
// root, whom permissions do not stop, it also hands the index to nobody,
// lets nobody read the corpus in corpusDir, and runs as nobody until
// undone.
func readOnly(t *testing.T, corpusDir, indexDir string) (undo func()) {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(indexDir, func(path string, d fs.DirEntry, err error) error {
		paths = append(paths, path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]fs.FileMode{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		modes[p] = fi.Mode().Perm()
		if err := os.Chmod(p, fi.Mode().Perm()&^0o222); err != nil {
			t.Fatal(err)
		}
	}
	restoreModes := func() {
		for _, p := range paths {
			_ = os.Chmod(p, modes[p])
		}
	}
	if os.Geteuid() != 0 {
		return restoreModes
	}
	const nobody = 65534
	// nobody must reach the corpus and the index: open the temporary
	// directories above them to all, and give it the index.
	for _, p := range paths {
		if err := os.Lchown(p, nobody, nobody); err != nil {
			t.Fatal(err)
		}
	}
	var opened []string
	for _, dir := range []string{corpusDir, filepath.Dir(indexDir)} {
		for d := dir; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
			opened = append(opened, d)
		}
	}
	if err := syscall.Seteuid(nobody); err != nil {
		t.Skipf("cannot run as nobody to make the index read-only: %v", err)
	}
	return func() {
		if err := syscall.Seteuid(0); err != nil {
			panic(err) // the rest of the tests would run as nobody
		}
		for _, p := range paths {
			_ = os.Lchown(p, 0, 0)
		}
		for _, d := range opened {
			_ = os.Chmod(d, 0o700)
		}
		restoreModes()
	}
}

// indexedCLI returns a cli over a test corpus it has indexed, and the
// corpus and index directories.
func indexedCLI(t *testing.T) (c cli, corpusDir, indexDir string) {
	t.Helper()
	corpusDir, indexDir = testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	c = cli{env: map[string]string{"NEWSDESK_CORPUS": corpusDir, "NEWSDESK_INDEX": indexDir}}
	if _, stderr, code := c.run(t, "index"); code != exitOK {
		t.Fatalf("index: exit %d\n%s", code, stderr)
	}
	return c, corpusDir, indexDir
}
