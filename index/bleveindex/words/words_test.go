package words_test

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/index/bleveindex/words"
)

func terms(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}

// reference tokenizes as the asciifolding char filter and Bleve's unicode
// tokenizer do together.
func reference(text string) []string {
	return terms(unicode.NewUnicodeTokenizer().Tokenize(asciifolding.New().Filter([]byte(text))))
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // terms joined by "|"
	}{
		{"Gaith Dalah, a former commander", "Gaith|Dalah|a|former|commander"},
		{"the U.S. said 1,500 people (3.5%) fled", "the|U.S|said|1,500|people|3.5|fled"},
		{"Assad's forces and Assad’s allies", "Assad's|forces|and|Assad's|allies"},
		{"al-Assad, el-Hasan", "al|Assad|el|Hasan"},
		{"Élysée Palace in Besançon", "Elysee|Palace|in|Besancon"},
		{"F-16 jets, 2025-03-09, 10:30", "F|16|jets|2025|03|09|10|30"},
		{"“Quoted,” she said — and left…", "Quoted|she|said|and|left"},
		{"Straße Œuvre", "Strasse|OEuvre"},
		{"دمشق Damascus", "دمشق|Damascus"},
		{"東京 Tokyo", "東|京|Tokyo"},
		{"'quoted' 's", "quoted|s"},
		{"", ""},
	}
	tok := words.New()
	for _, tt := range tests {
		got := strings.Join(terms(tok.Tokenize([]byte(tt.text))), "|")
		if got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSameAsUnicodeTokenizer checks that every paragraph of the bundled and
// test articles tokenizes exactly as asciifolding and Bleve's unicode
// tokenizer tokenize it.
func TestSameAsUnicodeTokenizer(t *testing.T) {
	var texts []string
	for _, dir := range []string{"../../../corpus/articles", "../../../corpus/testdata"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if bytes.IndexByte(b, 0) >= 0 {
				return nil // binary test file
			}
			texts = append(texts, strings.Split(string(b), "\n")...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range synth.Articles(1, 2000) {
		for _, p := range a.Paragraphs {
			texts = append(texts, p.Text)
		}
	}
	tok := words.New()
	diff := 0
	for _, text := range texts {
		got := strings.Join(terms(tok.Tokenize([]byte(text))), "|")
		want := strings.Join(reference(text), "|")
		if got != want {
			diff++
			if diff <= 10 {
				t.Errorf("%q:\n got %q\nwant %q", text, got, want)
			}
		}
	}
	if len(texts) < 3000 {
		t.Errorf("only %d texts compared", len(texts))
	}
}

// TestSameAsUnicodeTokenizerRandom compares the two on random strings of
// the characters where word segmentation has rules: letters, digits,
// apostrophes, dots, commas, colons, underscores, accents, other scripts.
func TestSameAsUnicodeTokenizerRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "1", "2", " ", ".", ",", "'", "’", ":", ";", "_", "-", "é", "(", ")", "\"", "x", "9", "?",
		"د", "ب", "東", "京", "Ж", "ß", "\u0301"}
	tok := words.New()
	for range 50000 {
		var b strings.Builder
		for range 1 + r.IntN(10) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		got := strings.Join(terms(tok.Tokenize([]byte(s))), "|")
		if want := strings.Join(reference(s), "|"); got != want {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. 1,500 Assad's", "Élysée", "東京", "a.b.c", "1..2", "’’", "\xff\xfe"} {
		f.Add(s)
	}
	tok := words.New()
	f.Fuzz(func(t *testing.T, s string) {
		var ts analysis.TokenStream
		fuzzcheck.Within(t, func() { ts = tok.Tokenize([]byte(s)) })
		for i, tk := range ts {
			if len(tk.Term) == 0 || tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End || tk.Position != i+1 {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	var texts [][]byte
	for _, a := range synth.Articles(1, 1000) {
		for _, p := range a.Paragraphs {
			texts = append(texts, []byte(p.Text))
		}
	}
	b.Run("words", func(b *testing.B) {
		tok := words.New()
		for b.Loop() {
			for _, t := range texts {
				tok.Tokenize(t)
			}
		}
	})
	b.Run("asciifolding+unicode", func(b *testing.B) {
		fold, tok := asciifolding.New(), unicode.NewUnicodeTokenizer()
		for b.Loop() {
			for _, t := range texts {
				tok.Tokenize(fold.Filter(t))
			}
		}
	})
}
