package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// BenchmarkBuild10k builds a fresh index of 10,000 synthetic paragraphs
// (extraction included; files not read).
func BenchmarkBuild10k(b *testing.B) {
	articles := synth.Articles(1, 10_000)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		fresh := make([]corpus.Article, len(articles))
		for i, a := range articles {
			a.Paragraphs = append([]corpus.Paragraph(nil), a.Paragraphs...)
			fresh[i] = a
		}
		dir := b.TempDir()
		b.StartTimer()
		if _, err := buildFrom(ctx, BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: fresh}, buildTuning{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}

// BenchmarkBuildTuning10k compares indexing strategies on 10,000
// paragraphs: batches with 1–3 concurrent
// writers, several batch sizes, deferred merging (tier) and GOGC (gc:
// 0 is the default 400, -1 Go's default).
func BenchmarkBuildTuning10k(b *testing.B) {
	articles := synth.Articles(1, 10_000)
	ctx := context.Background()
	for _, tune := range []buildTuning{
		{writers: 1},
		{},
		{writers: 3, batchSize: 1000},
		{batchSize: 4000},
		{mergeTier: -1},
		{gcPercent: -1},
	} {
		name := fmt.Sprintf("batch=%d/writers=%d/tier=%d/gc=%d", tune.batch(), tune.writerCount(), tune.tier(), tune.gcPercent)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := buildFrom(ctx, BuildOptions{IndexDir: b.TempDir(), Log: discard()}, load.Result{Articles: articles}, tune); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
		})
	}
}

// BenchmarkIncrementalBuild10k rebuilds an index of 10,000 synthetic
// paragraphs whose corpus did not change: every article is carried over,
// its stored paragraphs checked and copied.
func BenchmarkIncrementalBuild10k(b *testing.B) {
	articles := synth.Articles(1, 10_000)
	ctx := context.Background()
	dir := b.TempDir()
	opts := BuildOptions{IndexDir: dir, Log: discard()}
	if _, err := buildFrom(ctx, opts, load.Result{Articles: articles}, buildTuning{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := buildFrom(ctx, opts, load.Result{Articles: articles}, buildTuning{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Analysed != 0 {
			b.Fatalf("analysed %d articles again", rep.Analysed)
		}
	}
}

// BenchmarkOpen10k measures what a CLI question pays before it searches:
// the staleness check's read of the summary and opening the generation
// (its summary, paragraph store index and Bleve index), on 10,000
// paragraphs built from memory.
func BenchmarkOpen10k(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	if _, err := buildFrom(ctx, BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: synth.Articles(1, 10_000)}, buildTuning{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := readPointer(dir); err != nil {
			b.Fatal(err)
		}
		e, err := Open(ctx, dir, discard())
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIncrementalOneFile20k measures `newsdesk index` after one
// article file changed, in a corpus of 20,000 synthetic paragraphs
// written as files: listing the corpus, reading the one file, analysing
// its article, and a new generation whose unchanged parts are shared.
func BenchmarkIncrementalOneFile20k(b *testing.B) {
	corpusDir, indexDir := b.TempDir(), b.TempDir()
	articles := synth.Articles(1, 20_000)
	if err := synth.WriteCorpus(corpusDir, articles); err != nil {
		b.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, a := range articles {
		if err := os.Chtimes(filepath.Join(corpusDir, a.Path), old, old); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	opts := BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir, Log: discard()}
	if _, err := Build(ctx, opts); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(corpusDir, articles[len(articles)/2].Path)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err == nil {
			_, err = fmt.Fprintf(f, "\nThe civil defence said %d more people were wounded.\n", i+1)
			err = errors.Join(err, f.Close())
		}
		if err == nil {
			// A distinct stamp, and not one within the racy window.
			stamp := old.Add(time.Duration(i+1) * time.Second)
			err = os.Chtimes(path, stamp, stamp)
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Build(ctx, opts)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Analysed != 1 {
			b.Fatalf("analysed %d articles, want 1", rep.Analysed)
		}
	}
}
