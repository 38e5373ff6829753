package extract

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus/synth"
)

// BenchmarkAnalyze measures extraction (names, attribution, figures) over
// a synthetic corpus, as a build runs it: one article at a time.
func BenchmarkAnalyze(b *testing.B) {
	arts := synth.Articles(1, 5_000)
	b.ReportAllocs()
	for b.Loop() {
		for i := range arts {
			Analyze(&arts[i])
		}
	}
	b.ReportMetric(float64(5_000*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}
