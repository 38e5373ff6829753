package synth_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/synth"
)

func TestArticlesSizes(t *testing.T) {
	for _, n := range []int{1, 7, 8, 20, 21, 27, 28, 500, 10_000} {
		arts := synth.Articles(42, n)
		total := 0
		for i, a := range arts {
			total += len(a.Paragraphs)
			if n >= 8 && (len(a.Paragraphs) < 8 || len(a.Paragraphs) > 20) {
				t.Errorf("n=%d: article %d has %d paragraphs, want 8–20", n, i, len(a.Paragraphs))
			}
			for j, p := range a.Paragraphs {
				if p.Number != j+1 || p.Text == "" {
					t.Fatalf("n=%d: article %d paragraph %d = %+v", n, i, j, p)
				}
			}
		}
		if total != n {
			t.Errorf("Articles(%d) gave %d paragraphs", n, total)
		}
	}
}

func TestArticlesDeterministic(t *testing.T) {
	a, b := synth.Articles(7, 300), synth.Articles(7, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different corpora")
	}
	if c := synth.Articles(8, 300); reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same corpus")
	}
}

// TestArticlesVariety checks that the corpus has what the benchmark
// needs: several outlets, dated articles, attributions, quotes, figures
// and people spelled more than one way.
func TestArticlesVariety(t *testing.T) {
	arts := synth.Articles(1, 3000)
	sources, ids := map[string]bool{}, map[string]bool{}
	var text strings.Builder
	for _, a := range arts {
		sources[a.Source] = true
		if ids[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		ids[a.ID] = true
		if a.Published.IsZero() || a.Title == "" || a.URL == "" || a.Hash == "" {
			t.Errorf("article %s lacks metadata: %+v", a.ID, a)
		}
		for _, p := range a.Paragraphs {
			text.WriteString(p.Text + "\n")
		}
	}
	if len(sources) < 5 {
		t.Errorf("%d outlets, want at least 5", len(sources))
	}
	all := text.String()
	for _, want := range []string{"according to", " said", "“", "killed", "wounded", "on Sunday", "Ghiath", "Gaith", "Dallah", "Dalah", "at least"} {
		if !strings.Contains(all, want) {
			t.Errorf("corpus never contains %q", want)
		}
	}
}

func TestWriteCorpusHashes(t *testing.T) {
	dir := t.TempDir()
	arts := synth.Articles(3, 60)
	if err := synth.WriteCorpus(dir, arts); err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a.Path)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != a.Hash {
			t.Errorf("%s: hash does not match the file written", a.Path)
		}
		if !strings.HasPrefix(string(b), "---\ntitle: ") || !strings.Contains(string(b), a.Paragraphs[len(a.Paragraphs)-1].Text) {
			t.Errorf("%s: unexpected file:\n%s", a.Path, b)
		}
	}
}

func TestText(t *testing.T) {
	for _, sep := range []string{" ", "\n"} {
		for _, size := range []int{1, 10_000, 200_000} {
			s := synth.Text(3, size, sep)
			if len(s) < size || len(s) > size+2_000 {
				t.Errorf("Text(3, %d, %q) is %d bytes", size, sep, len(s))
			}
			if sep == " " && strings.Contains(s, "\n") {
				t.Errorf("Text(3, %d, %q) holds a line break", size, sep)
			}
			if sep == "\n" && size > 1_000 && strings.Count(s, "\n") < size/1_000 {
				t.Errorf("Text(3, %d, %q) has %d line breaks", size, sep, strings.Count(s, "\n"))
			}
			if s != synth.Text(3, size, sep) {
				t.Errorf("Text(3, %d, %q) is not deterministic", size, sep)
			}
		}
	}
}
