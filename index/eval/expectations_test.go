package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/index/eval"
)

// leftOut are the expected substrings of the sets that no paragraph can
// hold by the loader's design, each with the reason: the text is what the
// loader reads as no paragraph.
var leftOut = map[string]string{
	"David Weston, Vice President, Enterprise and OS Security":      "a byline, read as the article's author",
	"Hamid ben Henna lost his eight-year-old son in the earthquake": "a photo's caption, left out with the figure (captions are mostly credits)",
	"At least 90 people have died in the village":                   "a photo's caption, left out with the figure (captions are mostly credits)",
}

// TestSubstringSetsAnswerable checks every real-reporting set against its
// corpus as newsdesk reads it, by the scoring's own rule (Case.Matches):
// every expected substring is in some paragraph, and for each answerable
// question one is in a paragraph of the file it names. A loader that
// drops or mangles the text that answers (page furniture kept, a
// paragraph lost, a field misread) fails here, not as a silent miss in
// the scores; so does a set whose expectation no passage could meet, but
// for the substrings leftOut lists, which must still be in no paragraph.
func TestSubstringSetsAnswerable(t *testing.T) {
	dirs, err := filepath.Glob("../../corpus/testdata/eval-real-*")
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, "../../../shared/eval-real")
	for _, dir := range dirs {
		f, err := os.Open(filepath.Join(dir, "questions.tsv"))
		if os.IsNotExist(err) {
			continue // the shared dev set is not in every checkout
		}
		if err != nil {
			t.Fatal(err)
		}
		cases, err := eval.ParseCases(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, err := load.Dir(context.Background(), filepath.Join(dir, "articles"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range res.Skipped {
				t.Errorf("skipped %s: %s", s.Path, s.Reason)
			}
			for _, c := range cases {
				checkExpectations(t, c, res.Articles)
			}
		})
	}
}

// checkExpectations checks one case's substrings against the corpus.
func checkExpectations(t *testing.T, c eval.Case, articles []corpus.Article) {
	t.Helper()
	var kept []string
	for _, alt := range c.Substrings {
		one := eval.Case{Substrings: []string{alt}}
		found := slices.ContainsFunc(articles, func(a corpus.Article) bool { return matchesParagraph(one, a) })
		why, out := leftOut[alt]
		switch {
		case out && found:
			t.Errorf("line %d %q: a paragraph now has %q; take it off leftOut (%s)", c.Line, c.Question, alt, why)
		case !out && !found:
			t.Errorf("line %d %q: no paragraph of the corpus has %q", c.Line, c.Question, alt)
		case !out:
			kept = append(kept, alt)
		}
	}
	if len(kept) > 0 && !answeredIn(eval.Case{Substrings: kept, File: c.File}, articles) {
		t.Errorf("line %d %q: no paragraph of %s has any of %q", c.Line, c.Question, c.File, kept)
	}
}

// answeredIn reports whether a paragraph of the case's file matches it.
func answeredIn(c eval.Case, articles []corpus.Article) bool {
	return slices.ContainsFunc(articles, func(a corpus.Article) bool {
		return (a.ID == c.File || strings.HasPrefix(a.ID, c.File+"#")) && matchesParagraph(c, a)
	})
}

// matchesParagraph reports whether a paragraph of a matches c, by the
// scoring's rule.
func matchesParagraph(c eval.Case, a corpus.Article) bool {
	return slices.ContainsFunc(a.Paragraphs, func(p corpus.Paragraph) bool {
		return c.Matches(corpus.Answer{Article: corpus.ArticleRef{ID: a.ID}, Paragraph: p.Number, Text: p.Text})
	})
}
