package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsdesk/newsdesk/index/words"
)

// Building documents for Bleve.
//
// Bleve's usual path maps each document by reflection and then analyses
// every field with its analyzer: a token object per word, each filter over
// the whole stream, the Porter stemmer converting every word to runes and
// back. A build does the same words over and over, so newsdesk analyses
// its fields itself, with the same analyzers, word by word: the mapping's
// token filters all work on one token at a time (possessives, lower case,
// stop words, stems, skeletons), so the terms of a word depend on the word
// alone and are computed once per word and remembered. The documents it
// builds are exactly the ones Bleve's mapping would build
// (TestDocumentsMatchMapping), so searches, which analyse questions with
// the mapping's analyzers, find the same terms.

// maxRemembered bounds how many words a termAnalyzer remembers; past it,
// it forgets them all and starts again.
const maxRemembered = 200_000

// termAnalyzer computes the terms of a text as one of the mapping's
// analyzers would, remembering what each word becomes. It is not safe for
// concurrent use: each build worker has its own.
type termAnalyzer struct {
	tokenizer *words.Tokenizer
	filters   []analysis.TokenFilter
	// terms maps a word as the tokenizer yields it to its term, empty when
	// the filters drop it.
	terms map[string]term
	buf   []term
}

// term is a term, as a string and as the bytes Bleve's token frequencies
// hold, shared by every document that has it.
type term struct {
	s string
	b []byte
}

// newTermAnalyzer returns a termAnalyzer for the mapping's analyzer name,
// which must be a custom analyzer with the words tokenizer, no character
// filters and token filters that each work on one token at a time.
func newTermAnalyzer(m mapping.IndexMapping, name string) (*termAnalyzer, error) {
	an, ok := m.AnalyzerNamed(name).(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, fmt.Errorf("analyzer %s: not a custom analyzer", name)
	}
	tok, ok := an.Tokenizer.(*words.Tokenizer)
	if !ok || len(an.CharFilters) > 0 {
		return nil, fmt.Errorf("analyzer %s: not the words tokenizer without character filters", name)
	}
	return &termAnalyzer{tokenizer: tok, filters: an.TokenFilters, terms: map[string]term{}}, nil
}

// term returns what the filters make of one word; empty when they drop it.
func (ta *termAnalyzer) term(word []byte) term {
	if t, ok := ta.terms[string(word)]; ok {
		return t
	}
	tok := &analysis.Token{Term: append([]byte(nil), word...), Position: 1, Start: 0, End: len(word), Type: analysis.AlphaNumeric}
	stream := analysis.TokenStream{tok}
	for _, f := range ta.filters {
		stream = f.Filter(stream)
	}
	var t term
	if len(stream) == 1 && len(stream[0].Term) > 0 {
		t = term{s: string(stream[0].Term), b: append([]byte(nil), stream[0].Term...)}
	}
	if len(ta.terms) >= maxRemembered {
		clear(ta.terms)
	}
	ta.terms[string(word)] = t
	return t
}

// analyse returns the term frequencies of text and its length in terms,
// as a text field analysed with the analyzer would have them.
func (ta *termAnalyzer) analyse(text string) (index.TokenFrequencies, int) {
	terms := ta.buf[:0]
	ta.tokenizer.Words([]byte(text), func(word []byte, _, _ int, _ analysis.TokenType) {
		if t := ta.term(word); t.s != "" {
			terms = append(terms, t)
		}
	})
	ta.buf = terms
	return countTerms(terms), len(terms)
}

// countTerms returns the frequencies of terms, allocating their records
// together.
func countTerms(terms []term) index.TokenFrequencies {
	freqs := make(index.TokenFrequencies, len(terms))
	block := make([]index.TokenFreq, 0, len(terms))
	for _, t := range terms {
		if tf, ok := freqs[t.s]; ok {
			tf.SetFrequency(tf.Frequency() + 1)
			continue
		}
		block = append(block, index.TokenFreq{Term: t.b})
		tf := &block[len(block)-1]
		tf.SetFrequency(1)
		freqs[t.s] = tf
	}
	return freqs
}

// docBuilder turns paragraph documents into Bleve documents. It is not safe
// for concurrent use.
type docBuilder struct {
	text, names *termAnalyzer
	// title caches the analysis of the last title: consecutive paragraphs
	// share their article's.
	title struct {
		text   string
		freqs  index.TokenFrequencies
		length int
	}
}

func newDocBuilder(m mapping.IndexMapping) (*docBuilder, error) {
	text, err := newTermAnalyzer(m, textAnalyzer)
	if err != nil {
		return nil, err
	}
	names, err := newTermAnalyzer(m, nameAnalyzer)
	if err != nil {
		return nil, err
	}
	return &docBuilder{text: text, names: names}, nil
}

// build returns the Bleve document of d, analysed.
func (b *docBuilder) build(d paragraphDoc) *document.Document {
	doc := document.NewDocument(d.id)
	addText := func(name, value string, ta *termAnalyzer) {
		freqs, n := ta.analyse(value)
		doc.AddField(&analysedField{name: name, value: value, freqs: freqs, length: n})
	}
	addText(fieldText, d.Text, b.text)
	if b.title.freqs == nil || b.title.text != d.Title {
		b.title.freqs, b.title.length = b.text.analyse(d.Title)
		b.title.text = d.Title
	}
	// Bleve reads a field's frequencies without changing them (a field
	// repeated within one document would be merged into the first, but the
	// title is not repeated), so paragraphs can share their title's.
	doc.AddField(&analysedField{name: fieldTitle, value: d.Title, freqs: b.title.freqs, length: b.title.length})
	addText(fieldNames, d.Names, b.names)
	addText(fieldSpeakers, d.Speakers, b.names)
	addKeyword := func(name, value string, pos []uint64, docValues bool) {
		f := &analysedField{name: name, value: value, pos: pos, freqs: countTerms([]term{{s: value, b: []byte(value)}}), length: 1}
		if docValues {
			f.opts |= index.DocValues
		}
		doc.AddField(f)
	}
	addKeyword(fieldArticle, d.Article, nil, false)
	addKeyword(fieldSource, d.Source, nil, false)
	addKeyword(fieldPublished, d.Published, nil, true)
	addKeyword(fieldReported, d.Reported, nil, true)
	addKeyword(fieldNumber, d.Number, nil, true)
	for i, w := range d.What {
		addKeyword(fieldWhat, w, []uint64{uint64(i)}, false)
	}
	return doc
}

// analysedField is a field analysed when it was built: indexed, neither
// stored nor with term vectors.
type analysedField struct {
	name   string
	value  string
	pos    []uint64
	opts   index.FieldIndexingOptions // besides index.IndexField
	freqs  index.TokenFrequencies
	length int
}

var _ document.Field = (*analysedField)(nil)

func (f *analysedField) Name() string             { return f.name }
func (f *analysedField) ArrayPositions() []uint64 { return f.pos }
func (f *analysedField) Options() index.FieldIndexingOptions {
	return index.IndexField | f.opts
}
func (f *analysedField) Analyze()                  {}
func (f *analysedField) Value() []byte             { return []byte(f.value) }
func (f *analysedField) NumPlainTextBytes() uint64 { return uint64(len(f.value)) }
func (f *analysedField) EncodedFieldType() byte    { return 't' }
func (f *analysedField) AnalyzedLength() int       { return f.length }
func (f *analysedField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return f.freqs
}

// Size estimates the field's memory, as Bleve sizes batches by it.
func (f *analysedField) Size() int {
	return 64 + len(f.name) + len(f.value) + 8*len(f.pos) + f.freqs.Size()
}
