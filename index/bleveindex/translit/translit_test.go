package translit_test

import (
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdesk/newsdesk/index/bleveindex/translit"
)

const analyzerName = "names"

// namesMapping maps documents with one "names" field analysed by the
// skeleton filter, the way newsdesk's index does.
func namesMapping(t *testing.T) mapping.IndexMapping {
	t.Helper()
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, translit.Name},
	}); err != nil {
		t.Fatal(err)
	}
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzerName
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("names", f)
	im.DefaultMapping = doc
	return im
}

// TestFilterFindsOtherSpellings indexes names on disk and searches them
// with other transliterations through a match query on the names field.
func TestFilterFindsOtherSpellings(t *testing.T) {
	idx, err := bleve.New(filepath.Join(t.TempDir(), "idx"), namesMapping(t))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	docs := map[string]string{
		"general":   "Gaith Dalah",
		"president": "Ahmed al-Shara",
		"analyst":   "Charles Lister",
		"lawyer":    "Yusuf Haddad",
	}
	for id, names := range docs {
		if err := idx.Index(id, map[string]string{"names": names}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		query string
		want  string // "" for no hit
	}{
		{"Ghiath Dallah", "general"},
		{"Ghaith Dalla", "general"},
		{"GHIYATH DALLAH", "general"},
		{"Ahmad al-Sharaa", "president"},
		{"Youssef Hadad", "lawyer"},
		{"Charles Lister", "analyst"},
		{"Angela Merkel", ""},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			q := bleve.NewMatchQuery(tc.query)
			q.SetField("names")
			q.SetOperator(query.MatchQueryOperatorAnd)
			res, err := idx.Search(bleve.NewSearchRequest(q))
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.want == "" && res.Total != 0:
				t.Errorf("got %d hits (first %s), want none", res.Total, res.Hits[0].ID)
			case tc.want != "" && (res.Total == 0 || res.Hits[0].ID != tc.want):
				t.Errorf("hits %v, want %s first", res.Hits, tc.want)
			}
		})
	}
}

// TestFilterDropsParticles checks the filter on a token stream: words with
// an empty skeleton, like the particle "al", are removed and positions kept.
func TestFilterDropsParticles(t *testing.T) {
	cache := bleve.NewIndexMapping()
	if err := cache.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, translit.Name},
	}); err != nil {
		t.Fatal(err)
	}
	a := cache.AnalyzerNamed(analyzerName)
	if a == nil {
		t.Fatal("analyzer not found")
	}
	toks := a.Analyze([]byte("Bashar al Assad"))
	var terms []string
	for _, tok := range toks {
		terms = append(terms, string(tok.Term))
	}
	if len(toks) != 2 {
		t.Fatalf("terms = %q, want 2 (the particle dropped)", terms)
	}
	if toks[0].Position != 1 || toks[1].Position != 3 {
		t.Errorf("positions = %d, %d; want 1, 3", toks[0].Position, toks[1].Position)
	}
	if got := (translit.Filter{}).Filter(analysis.TokenStream{}); len(got) != 0 {
		t.Errorf("empty stream gave %d tokens", len(got))
	}
}
