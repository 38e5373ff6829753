package bleveindex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsdesk/newsdesk/index/bleveindex/translit"
	"github.com/newsdesk/newsdesk/index/bleveindex/words"
)

// Analyzer names.
const (
	// textAnalyzer is English: folding and words (the words tokenizer),
	// possessives, stop words, stemming.
	textAnalyzer = "newsdesk_text"
	// nameAnalyzer reduces every word to its transliteration skeleton.
	nameAnalyzer = "newsdesk_names"
)

// Field is a field of a paragraph document.
type Field string

// The fields of a paragraph document.
const (
	FieldText      Field = "text"      // the paragraph, English-analysed
	FieldTitle     Field = "title"     // the article's headline, English-analysed, on its first paragraph
	FieldNames     Field = "names"     // names mentioned, as skeletons
	FieldSpeakers  Field = "speakers"  // who the paragraph attributes claims to, as skeletons
	FieldArticle   Field = "article"   // article ID, keyword
	FieldSource    Field = "source"    // outlet, lower-cased keyword
	FieldPublished Field = "published" // publication day, dayTerm
	FieldReported  Field = "reported"  // latest day a figure in it was reported, dayTerm
	FieldNumber    Field = "number"    // paragraph number, numberTerm
	FieldWhat      Field = "what"      // kinds of figures reported (killed, wounded…), keyword
)

// docType is the Bleve type of paragraph documents.
const docType = "paragraph"

// paragraphDoc is what Bleve indexes for one paragraph.
type paragraphDoc struct {
	Text      string   `json:"text"`
	Title     string   `json:"title"`
	Names     string   `json:"names"`
	Speakers  string   `json:"speakers"`
	Article   string   `json:"article"`
	Source    string   `json:"source"`
	Published string   `json:"published,omitempty"`
	Reported  string   `json:"reported,omitempty"`
	Number    string   `json:"number"`
	What      []string `json:"what"`
	id        string   // the document ID
}

// Days and paragraph numbers are indexed as keywords that sort as they
// compare ("2025-03-09", "000012"): one term each, where Bleve's date and
// numeric fields index sixteen prefix terms per value. Range filters are
// term ranges, and sorts read them as strings.

// dayTerm is the term of a day: "2025-03-09"; "" for the zero time, which
// is not indexed.
func dayTerm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// numberTerm is the term of a paragraph number.
func numberTerm(n int) string { return fmt.Sprintf("%06d", n) }

// BleveType implements bleve's Classifier.
func (paragraphDoc) BleveType() string { return docType }

// newMapping builds the index mapping: explicit fields only, nothing in
// _all, BM25 scoring.
func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = textAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	if err := im.AddCustomAnalyzer(textAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     words.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(nameAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     words.Name,
		"token_filters": []string{lowercase.Name, translit.Name},
	}); err != nil {
		return nil, err
	}

	text := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	sortable := func() *mapping.FieldMapping {
		f := keywordField()
		f.DocValues = true // sorting
		return f
	}

	doc := bleve.NewDocumentStaticMapping()
	// No field keeps term vectors: questions match word by word and
	// proximity is scored from the stored text, so positions would only
	// cost build time and space.
	doc.AddFieldMappingsAt(string(FieldText), text(textAnalyzer, false))
	doc.AddFieldMappingsAt(string(FieldTitle), text(textAnalyzer, false))
	doc.AddFieldMappingsAt(string(FieldNames), text(nameAnalyzer, false))
	doc.AddFieldMappingsAt(string(FieldSpeakers), text(nameAnalyzer, false))
	doc.AddFieldMappingsAt(string(FieldArticle), keywordField())
	doc.AddFieldMappingsAt(string(FieldSource), keywordField())
	doc.AddFieldMappingsAt(string(FieldWhat), keywordField())
	doc.AddFieldMappingsAt(string(FieldPublished), sortable())
	doc.AddFieldMappingsAt(string(FieldReported), sortable())
	doc.AddFieldMappingsAt(string(FieldNumber), sortable())

	// No _all composite field at all: every field is excluded from it, and
	// an empty composite still costs time on every document.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.AddDocumentMapping(docType, doc)
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()
	if err := im.Validate(); err != nil {
		return nil, err
	}
	return im, nil
}

// DocID is the document ID of paragraph n of an article.
func DocID(articleID string, n int) string { return articleID + "#p" + strconv.Itoa(n) }

// SplitDocID is the inverse of DocID; ok is false for an ID DocID does
// not make.
func SplitDocID(id string) (articleID string, n int, ok bool) {
	i := strings.LastIndex(id, "#p")
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+2:])
	if err != nil || n < 1 {
		return "", 0, false
	}
	return id[:i], n, true
}
