package load_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// BenchmarkLoad measures loading a synthetic corpus of 10,000 paragraphs
// from disk.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	arts := synth.Articles(1, 10_000)
	if err := synth.WriteCorpus(dir, arts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := load.Dir(context.Background(), dir)
		if err != nil || len(res.Articles) != len(arts) {
			b.Fatalf("%d articles, %v", len(res.Articles), err)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}

// BenchmarkParseFile measures parsing one fixture file of each format.
func BenchmarkParseFile(b *testing.B) {
	for _, name := range []string{"plain.txt", "notes.md", "page.html", "many.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "load", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := load.ParseFile(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
