package load_test

import (
	"fmt"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// BenchmarkParseLongFile measures parsing a text file of 100 kB and of
// 1 MB that is one long paragraph ("one-paragraph", split at sentences)
// or wire copy whose paragraphs are separated by single line breaks
// ("single-newlines", split at its lines), as plain text and as markdown:
// the MB/s of the two sizes should be about the same, loading taking time
// linear in the length of a paragraph.
func BenchmarkParseLongFile(b *testing.B) {
	for _, layout := range []struct{ name, sep string }{{"one-paragraph", " "}, {"single-newlines", "\n"}} {
		for _, ext := range []string{".txt", ".md"} {
			for _, size := range []struct {
				name  string
				bytes int
			}{{"100kB", 100_000}, {"1MB", 1_000_000}} {
				data := []byte("Wire copy\n\n" + synth.Text(1, size.bytes, layout.sep) + "\n")
				b.Run(fmt.Sprintf("layout=%s/ext=%s/size=%s", layout.name, ext, size.name), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						if _, err := load.ParseFile("wire"+ext, data); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
