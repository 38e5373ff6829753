package text_test

import (
	"fmt"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// BenchmarkLongParagraph measures tokenizing and sentence splitting one
// paragraph of 100 kB and of 1 MB: the two sizes' MB/s should be about
// the same, each taking time linear in a paragraph's length.
func BenchmarkLongParagraph(b *testing.B) {
	stages := []struct {
		name string
		run  func(string)
	}{
		{"tokenize", func(s string) { text.Tokenize(s) }},
		{"sentences", func(s string) { text.Sentences(s) }},
		{"sentence-starts", func(s string) { text.SentenceStarts(s) }},
	}
	for _, st := range stages {
		for _, size := range []struct {
			name  string
			bytes int
		}{{"100kB", 100_000}, {"1MB", 1_000_000}} {
			s := synth.Text(1, size.bytes, " ")
			b.Run(fmt.Sprintf("stage=%s/size=%s", st.name, size.name), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					st.run(s)
				}
			})
		}
	}
}
