package bleveindex

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// analysedFields describes the fields of a document as the segment
// builder reads them, one line per field name, sorted. A name repeated
// within the document is one field to it: the term frequencies of the
// later ones are merged into the first's and their lengths added.
func analysedFields(doc *document.Document) []string {
	type merged struct {
		opts   string
		typ    byte
		length int
		freqs  map[string]int
	}
	byName := map[string]*merged{}
	var out []string
	for _, f := range doc.Fields {
		f.Analyze()
		m := byName[f.Name()]
		if m == nil {
			m = &merged{opts: f.Options().String(), typ: f.EncodedFieldType(), freqs: map[string]int{}}
			byName[f.Name()] = m
		}
		m.length += f.AnalyzedLength()
		for t, tf := range f.AnalyzedTokenFrequencies() {
			if t != string(tf.Term) || len(tf.Locations) > 0 {
				out = append(out, fmt.Sprintf("%s: term %q keyed %q with %d locations", f.Name(), tf.Term, t, len(tf.Locations)))
			}
			m.freqs[t] += tf.Frequency()
		}
	}
	for name, m := range byName {
		var terms []string
		for t, n := range m.freqs {
			terms = append(terms, fmt.Sprintf("%s×%d", t, n))
		}
		slices.Sort(terms)
		out = append(out, fmt.Sprintf("%s opts=%s type=%c len=%d [%s]", name, m.opts, m.typ, m.length, strings.Join(terms, " ")))
	}
	slices.Sort(out)
	return out
}

// mapped is the document Bleve's mapping makes of d.
func mapped(t *testing.T, m mapping.IndexMapping, d paragraphDoc) *document.Document {
	t.Helper()
	doc := document.NewDocument(d.id)
	if err := m.MapDocument(doc, d); err != nil {
		t.Fatalf("map %s: %v", d.id, err)
	}
	return doc
}

// TestDocumentsMatchMapping checks that the documents a build makes are
// the ones Bleve's mapping makes of the same paragraphs: same fields,
// options, terms, frequencies and lengths. Searches analyse questions with
// the mapping, so any difference would lose matches.
func TestDocumentsMatchMapping(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	db, err := newDocBuilder(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	check := func(d paragraphDoc) {
		t.Helper()
		want := analysedFields(mapped(t, m, d))
		// Twice: the second time every word comes from the builder's memory.
		for range 2 {
			if got := analysedFields(db.build(d)); !slices.Equal(got, want) {
				t.Fatalf("document %s:\n got  %q\n want %q", d.id, got, want)
			}
		}
	}

	// Every paragraph of the test corpora, analysed as a build does.
	dirs, err := filepath.Glob(filepath.Join("..", "..", "corpus", "testdata", "*", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, filepath.Join("..", "testdata", "articles"), filepath.Join("..", "..", "corpus", "articles"))
	n := 0
	for _, dir := range dirs {
		res, err := load.Dir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Articles {
			a := &res.Articles[i]
			extract.Analyze(a)
			for _, d := range (&Builder{db: db}).Documents(a) {
				doc := d.doc
				d, ok := paragraphDocOf(a, doc.ID())
				if !ok {
					t.Fatalf("no paragraph for %s", doc.ID())
				}
				want := analysedFields(mapped(t, m, d))
				if got := analysedFields(doc); !slices.Equal(got, want) {
					t.Fatalf("document %s:\n got  %q\n want %q", d.id, got, want)
				}
				n++
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d paragraphs checked", n)
	}

	// Random text of the characters analysis treats specially.
	pieces := []string{"a", "Z", "é", "İ", "Σ", "ς", "ß", "ﬁ", "Ⱥ", "1", "0", ".", ",", "'", "’", "s", "S", "'s", "’S", "＇s",
		" ", "  ", "-", "_", ":", "the", "The", "THE", "and", "running", "Assad's", "U.S.", "3.5", "1,500", "al-",
		"Ḥasan", "Ghiath", "Dallah", "el", "bin", "中", "文", "\u0301", "\t", "\n", "#", "…", "\u00a0", "\ufffd"}
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() string {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := range 20_000 {
		check(paragraphDoc{
			id: fmt.Sprintf("r#p%d", i), Text: random(), Title: random(), Names: random(), Speakers: random(),
			Article: "r", Source: strings.ToLower(random()), Published: "2025-03-10", Number: numberTerm(i),
			What: []string{"killed", "wounded"}[:rng.IntN(3)],
		})
	}
	// Forgetting words and remembering them again.
	db.text.limit, db.names.limit = 40, 10
	for i := range 2_000 {
		check(paragraphDoc{id: fmt.Sprintf("f#p%d", i), Text: random(), Title: random(), Names: random(), Article: "f", Number: numberTerm(i)})
	}
	// Empty and missing values.
	check(paragraphDoc{id: "e#p1", Article: "e", Number: numberTerm(1)})
}

// paragraphDocOf rebuilds the paragraphDoc of a document ID of an analysed
// article, as paragraphDocs fills it.
func paragraphDocOf(a *corpus.Article, id string) (paragraphDoc, bool) {
	for _, p := range a.Paragraphs {
		if DocID(a.ID, p.Number) == id {
			return newParagraphDoc(a, p), true
		}
	}
	return paragraphDoc{}, false
}
