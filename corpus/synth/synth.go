// Package synth generates a deterministic synthetic news corpus for
// benchmarks and tests.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// Articles generates a deterministic news-like corpus of about the given
// number of paragraphs (exactly that many when paragraphs ≥ 8), for
// benchmarks and tests: articles of 8–20 paragraphs from several outlets,
// with people named in varied transliterations, places, attributions
// ("according to …", "… said on Sunday"), casualty figures and quotes.
// The same seed always gives the same articles. The articles are not
// analysed; their IDs and paths are "synth/NNNNN.txt" and their hashes
// are those of the files WriteCorpus writes.
func Articles(seed int64, paragraphs int) []corpus.Article {
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 0x6e657773))}
	var out []corpus.Article
	for left := paragraphs; left > 0; {
		n := 8 + g.r.IntN(13)
		switch {
		case left <= 20 && left-n < 8:
			n = left
		case left-n < 8:
			n = left - 8 // leaves a last article of exactly 8
		}
		out = append(out, g.article(len(out)+1, n))
		left -= n
	}
	return out
}

// WriteCorpus writes articles as .txt files with YAML front matter under
// dir, at their Path.
func WriteCorpus(dir string, articles []corpus.Article) error {
	for _, a := range articles {
		path := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
		if err := os.WriteFile(path, render(a), 0o644); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}

// render is the file form of a synthetic article.
func render(a corpus.Article) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(a.Title))
	if a.Source != "" {
		fmt.Fprintf(&b, "source: %s\n", strconv.Quote(a.Source))
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "url: %s\n", a.URL)
	}
	if !a.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", a.Published)
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "author: %s\n", strconv.Quote(a.Author))
	}
	b.WriteString("---\n\n")
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// Text runs the paragraphs of synthetic articles (Articles with this
// seed) together with sep until the text is at least size bytes long: with
// sep " " one long paragraph, with "\n" wire copy whose paragraphs are
// separated by single line breaks. Benchmarks use it to show how a stage's
// cost grows with a paragraph's length.
func Text(seed int64, size int, sep string) string {
	var b strings.Builder
	b.Grow(size + 1024)
	for n := 64; b.Len() < size; n *= 2 {
		b.Reset()
		for _, a := range Articles(seed, n) {
			for _, p := range a.Paragraphs {
				if b.Len() >= size {
					return b.String()
				}
				if b.Len() > 0 {
					b.WriteString(sep)
				}
				b.WriteString(p.Text)
			}
		}
	}
	return b.String()
}
