package index

import (
	"context"
	"fmt"
	"testing"

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
