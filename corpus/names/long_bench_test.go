package names_test

import (
	"fmt"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// BenchmarkLongParagraph measures listing the people and organisations of
// an analysed article of one paragraph of 100 kB and of 1 MB, as a build
// does for each article: the two sizes' MB/s should be about the same.
func BenchmarkLongParagraph(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"100kB", 100_000}, {"1MB", 1_000_000}} {
		a := corpus.Article{ID: "long", Title: "Wire copy", Paragraphs: []corpus.Paragraph{{Number: 1, Text: synth.Text(1, size.bytes, " ")}}}
		extract.Analyze(&a)
		b.Run(fmt.Sprintf("size=%s", size.name), func(b *testing.B) {
			b.SetBytes(int64(len(a.Paragraphs[0].Text)))
			for b.Loop() {
				names.ArticlePeople(&a)
				names.ArticleOrganisations(&a)
			}
		})
	}
}
