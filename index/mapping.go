package index

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

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/translit"
	"github.com/newsdesk/newsdesk/index/words"
)

// Analyzer names.
const (
	// textAnalyzer is English: folding and words (the words tokenizer),
	// possessives, stop words, stemming.
	textAnalyzer = "newsdesk_text"
	// nameAnalyzer reduces every word to its transliteration skeleton.
	nameAnalyzer = "newsdesk_names"
)

// Field names of a paragraph document.
const (
	fieldText      = "text"      // the paragraph, English-analysed
	fieldTitle     = "title"     // the article's headline, English-analysed, on its first paragraph
	fieldNames     = "names"     // names mentioned, as skeletons
	fieldSpeakers  = "speakers"  // who the paragraph attributes claims to, as skeletons
	fieldArticle   = "article"   // article ID, keyword
	fieldSource    = "source"    // outlet, lower-cased keyword
	fieldPublished = "published" // publication day, dayTerm
	fieldReported  = "reported"  // latest day a figure in it was reported, dayTerm
	fieldNumber    = "number"    // paragraph number, numberTerm
	fieldWhat      = "what"      // kinds of figures reported (killed, wounded…), keyword
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
	doc.AddFieldMappingsAt(fieldText, text(textAnalyzer, false))
	doc.AddFieldMappingsAt(fieldTitle, text(textAnalyzer, false))
	doc.AddFieldMappingsAt(fieldNames, text(nameAnalyzer, false))
	doc.AddFieldMappingsAt(fieldSpeakers, text(nameAnalyzer, false))
	doc.AddFieldMappingsAt(fieldArticle, keywordField())
	doc.AddFieldMappingsAt(fieldSource, keywordField())
	doc.AddFieldMappingsAt(fieldWhat, keywordField())
	doc.AddFieldMappingsAt(fieldPublished, sortable())
	doc.AddFieldMappingsAt(fieldReported, sortable())
	doc.AddFieldMappingsAt(fieldNumber, sortable())

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

// storedParagraph is the record the paragraph store keeps of a paragraph:
// everything needed to show a passage without reading the corpus again.
type storedParagraph struct {
	Article   corpus.ArticleRef `json:"a"`
	Paragraph corpus.Paragraph  `json:"p"`
}

// docID is the Bleve document ID of paragraph n of an article.
func docID(articleID string, n int) string { return articleID + "#p" + strconv.Itoa(n) }

// splitDocID is the inverse of docID; ok is false for an ID docID does
// not make.
func splitDocID(id string) (articleID string, n int, ok bool) {
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
