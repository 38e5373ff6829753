package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// fuzzExts are the file types FuzzParseFile feeds, chosen by its first
// argument.
var fuzzExts = []string{".txt", ".md", ".html", ".json", ".jsonl", ".htm"}

// FuzzParseFile feeds arbitrary bytes to every format: ParseFile must
// never panic, and whatever it returns must be well formed.
func FuzzParseFile(f *testing.F) {
	entries, err := os.ReadDir(filepath.Join("testdata", "load"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join("testdata", "load", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		ext := filepath.Ext(e.Name())
		for i, x := range fuzzExts {
			if x == ext {
				f.Add(uint8(i), data)
			}
		}
	}
	seed, err := os.ReadFile(filepath.Join("..", "articles", "000_325ffa9ff300ae2d.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(1), seed)
	f.Add(uint8(0), []byte("---\ntitle: &a [*a, *a]\n---\nx\n"))
	f.Add(uint8(1), []byte("# *a* [b](c) ![d](e)\n\n- **f** _g_\n\n> h\n"))
	f.Add(uint8(4), []byte("{\"body\":\"a\"}\n{\n[]\n{\"paragraphs\":[\"b\",1]}\n"))
	f.Add(uint8(2), []byte("<html><body><p>a<br>b</p><ul><li>c</li></ul><h2>d</h2></body></html>"))

	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := "dir/file" + fuzzExts[int(kind)%len(fuzzExts)]
		var arts []corpus.Article
		var skipped []corpus.Skipped
		var err error
		fuzzcheck.Within(t, func() { arts, skipped, err = load.File(name, data) })
		if err != nil {
			if len(arts) != 0 {
				t.Fatalf("articles returned with error %v", err)
			}
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(arts) == 0 {
			t.Fatal("no articles and no error")
		}
		for _, s := range skipped {
			if s.Path != name || s.Reason == "" {
				t.Fatalf("bad skipped record %+v", s)
			}
		}
		for _, a := range arts {
			if a.ID == "" || a.Path != name || len(a.Hash) != 64 || a.Title == "" {
				t.Fatalf("bad article header: id %q path %q hash %q title %q", a.ID, a.Path, a.Hash, a.Title)
			}
			for _, s := range []string{a.Title, a.Source, a.Author, a.URL} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in metadata %q", s)
				}
			}
			if len(a.Paragraphs) == 0 {
				t.Fatal("article without paragraphs")
			}
			for i, p := range a.Paragraphs {
				if p.Number != i+1 {
					t.Fatalf("paragraph %d numbered %d", i+1, p.Number)
				}
				if p.Text == "" || !utf8.ValidString(p.Text) || strings.ContainsAny(p.Text, "\n\r\t") {
					t.Fatalf("paragraph %d not clean: %q", p.Number, p.Text)
				}
				if len(p.Text) > load.MaxParagraphBytes {
					t.Fatalf("paragraph %d is %d bytes, over the %d a paragraph may be", p.Number, len(p.Text), load.MaxParagraphBytes)
				}
				if again := load.CleanParagraph(p.Text); again != p.Text {
					t.Fatalf("paragraph %d is not a fixed point of CleanParagraph:\n%q\n%q", p.Number, p.Text, again)
				}
				if load.IsBoilerplate(p.Text) {
					t.Fatalf("boilerplate kept as paragraph %d: %q", p.Number, p.Text)
				}
			}
		}
	})
}
