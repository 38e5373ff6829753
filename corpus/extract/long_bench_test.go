package extract

import (
	"fmt"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// longSizes are the paragraph lengths the long-paragraph benchmarks read:
// the cost per byte at 1 MB should be about that at 100 kB, every stage
// linear in the length of a paragraph.
var longSizes = []struct {
	name string
	size int
}{{"100kB", 100_000}, {"1MB", 1_000_000}}

// longArticle is an article of one paragraph of about size bytes of news
// text (synth.Text), analysed as far as the stages before the one measured
// need: with mentions, attribution and figures filled in when ready is set.
func longArticle(size int, ready bool) corpus.Article {
	a := corpus.Article{
		ID: "long", Title: "Wire copy", Published: corpus.DateOf(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)),
		Paragraphs: []corpus.Paragraph{{Number: 1, Text: synth.Text(1, size, " ")}},
	}
	if ready {
		Analyze(&a)
	}
	return a
}

// BenchmarkLongParagraph measures each extraction stage on one paragraph
// of 100 kB and of 1 MB: the two sub-benchmarks' MB/s should be about the
// same, each stage taking time linear in a paragraph's length.
func BenchmarkLongParagraph(b *testing.B) {
	stages := []struct {
		name  string
		ready bool // the stage reads what Analyze fills in
		run   func(a *corpus.Article)
	}{
		{"scan", false, func(a *corpus.Article) { articleScan(a) }},
		{"mentions", false, addMentions},
		{"attribution", true, addAttribution},
		{"dates", false, func(a *corpus.Article) { FindDates(a.Paragraphs[0].Text, a.Published) }},
		{"figures", true, addFigures},
		{"speakers", true, func(a *corpus.Article) {
			resolveGenericSpeakers(a)
			resolveIndefiniteSpeakers(a)
			addSpeakerRoles(a)
		}},
		{"institutions", true, addInstitutions},
		{"analyze", false, Analyze},
	}
	for _, st := range stages {
		for _, sz := range longSizes {
			b.Run(fmt.Sprintf("stage=%s/size=%s", st.name, sz.name), func(b *testing.B) {
				a := longArticle(sz.size, st.ready)
				b.SetBytes(int64(len(a.Paragraphs[0].Text)))
				for b.Loop() {
					st.run(&a)
				}
			})
		}
	}
}
