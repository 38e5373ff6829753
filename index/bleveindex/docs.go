package bleveindex

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
	"github.com/newsdesk/newsdesk/index/bleveindex/words"
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

// maxRemembered bounds how many words (and keyword values) the workers of
// a build remember together; past its share of it (at least 10,000), a
// worker's memory is forgotten and starts again. 100,000 words take about
// 15 MiB.
const maxRemembered = 400_000

// termAnalyzer computes the terms of a text as one of the mapping's
// analyzers would, remembering what each word becomes. It is not safe for
// concurrent use: each build worker has its own.
type termAnalyzer struct {
	tokenizer *words.Tokenizer
	filters   []analysis.TokenFilter
	// words maps a word as the tokenizer yields it to the number of its
	// term, -1 when the filters drop it; ids numbers the distinct terms,
	// and terms holds them by number.
	words map[string]int32
	ids   map[string]int32
	terms []term
	limit int // how many words to remember: its share of maxRemembered
	// For counting the terms of one text (its serial): the numbers of
	// its distinct terms in order, and how often each occurs.
	serial uint32
	uniq   []int32
	counts []int
	text   []byte // the text being analysed, in a reused buffer
}

// term is a term, as a string and as the bytes Bleve's token frequencies
// hold, shared by every document that has it. seen is the serial of the
// last text that had it, slot its place in that text's uniq.
type term struct {
	s    string
	b    []byte
	seen uint32
	slot int32
}

// newTermAnalyzer returns a termAnalyzer for the mapping's analyzer name,
// which must be a custom analyzer with the words tokenizer, no character
// filters and token filters that each work on one token at a time.
func newTermAnalyzer(m mapping.IndexMapping, name string, limit int) (*termAnalyzer, error) {
	an, ok := m.AnalyzerNamed(name).(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, fmt.Errorf("analyzer %s: not a custom analyzer", name)
	}
	tok, ok := an.Tokenizer.(*words.Tokenizer)
	if !ok || len(an.CharFilters) > 0 {
		return nil, fmt.Errorf("analyzer %s: not the words tokenizer without character filters", name)
	}
	return &termAnalyzer{tokenizer: tok, filters: an.TokenFilters, words: map[string]int32{}, ids: map[string]int32{}, limit: limit}, nil
}

// termOf returns the number of the term the filters make of one word; -1
// when they drop it.
func (ta *termAnalyzer) termOf(word []byte) int32 {
	if id, ok := ta.words[string(word)]; ok {
		return id
	}
	tok := &analysis.Token{Term: append([]byte(nil), word...), Position: 1, Start: 0, End: len(word), Type: analysis.AlphaNumeric}
	stream := analysis.TokenStream{tok}
	for _, f := range ta.filters {
		stream = f.Filter(stream)
	}
	id := int32(-1)
	if len(stream) == 1 && len(stream[0].Term) > 0 {
		s := string(stream[0].Term)
		var ok bool
		if id, ok = ta.ids[s]; !ok {
			id = int32(len(ta.terms))
			ta.ids[s] = id
			ta.terms = append(ta.terms, term{s: s, b: []byte(s)})
		}
	}
	ta.words[string(word)] = id
	return id
}

// analyse returns the term frequencies of text and its length in terms,
// as a text field analysed with the analyzer would have them.
func (ta *termAnalyzer) analyse(text string) (index.TokenFrequencies, int) {
	if len(ta.words) >= ta.limit {
		clear(ta.words)
		clear(ta.ids)
		ta.terms = ta.terms[:0]
	}
	if ta.serial++; ta.serial == 0 { // wrapped: forget what was seen
		for i := range ta.terms {
			ta.terms[i].seen = 0
		}
		ta.serial = 1
	}
	uniq, counts, n := ta.uniq[:0], ta.counts[:0], 0
	ta.text = append(ta.text[:0], text...)
	ta.tokenizer.Terms(ta.text, func(word []byte) {
		id := ta.termOf(word)
		if id < 0 {
			return
		}
		n++
		t := &ta.terms[id]
		if t.seen == ta.serial {
			counts[t.slot]++
			return
		}
		t.seen, t.slot = ta.serial, int32(len(uniq))
		uniq, counts = append(uniq, id), append(counts, 1)
	})
	ta.uniq, ta.counts = uniq, counts
	freqs := make(index.TokenFrequencies, len(uniq))
	block := make([]index.TokenFreq, len(uniq))
	for i, id := range uniq {
		t := &ta.terms[id]
		block[i].Term = t.b
		block[i].SetFrequency(counts[i])
		freqs[t.s] = &block[i]
	}
	return freqs, n
}

// keywordFreqs returns the term frequencies of keyword values: each value
// is one term.
func keywordFreqs(values ...string) index.TokenFrequencies {
	freqs := make(index.TokenFrequencies, len(values))
	block := make([]index.TokenFreq, 0, len(values))
	for _, v := range values {
		if tf, ok := freqs[v]; ok {
			tf.SetFrequency(tf.Frequency() + 1)
			continue
		}
		block = append(block, index.TokenFreq{Term: []byte(v)})
		tf := &block[len(block)-1]
		tf.SetFrequency(1)
		freqs[v] = tf
	}
	return freqs
}

// docBuilder turns paragraph documents into Bleve documents. It is not safe
// for concurrent use.
type docBuilder struct {
	text, names *termAnalyzer
	// The fields paragraphs share with their article (headline, article
	// ID, outlet, publication day) are analysed once for all its
	// paragraphs, which are built one after the other.
	title, article, source, published lastField
	// keywords holds the analyses of the paragraph numbers and report days
	// seen, which recur from paragraph to paragraph.
	keywords map[string]index.TokenFrequencies
	limit    int // how many keyword values to remember
}

// keyword returns the term frequencies of a keyword value, shared with
// the paragraphs that have the same value.
func (b *docBuilder) keyword(value string) index.TokenFrequencies {
	if f, ok := b.keywords[value]; ok {
		return f
	}
	if len(b.keywords) >= b.limit {
		clear(b.keywords)
	}
	f := keywordFreqs(value)
	b.keywords[value] = f
	return f
}

// lastField remembers the analysis of the last value of a field.
type lastField struct {
	value  string
	freqs  index.TokenFrequencies
	length int
}

// get returns the analysis of value, calling analyse for a new value.
func (l *lastField) get(value string, analyse func(string) (index.TokenFrequencies, int)) (index.TokenFrequencies, int) {
	if l.freqs == nil || l.value != value {
		l.value = value
		l.freqs, l.length = analyse(value)
	}
	return l.freqs, l.length
}

// newDocBuilder returns a docBuilder for one of workers build workers.
func newDocBuilder(m mapping.IndexMapping, workers int) (*docBuilder, error) {
	// Each worker's analyzers share its part of the memory for words.
	limit := max(maxRemembered/(3*max(workers, 1)), 10_000)
	text, err := newTermAnalyzer(m, textAnalyzer, limit)
	if err != nil {
		return nil, err
	}
	names, err := newTermAnalyzer(m, nameAnalyzer, limit)
	if err != nil {
		return nil, err
	}
	return &docBuilder{text: text, names: names, keywords: map[string]index.TokenFrequencies{}, limit: limit}, nil
}

// keywordAnalysis is the analysis of a keyword value.
func keywordAnalysis(value string) (index.TokenFrequencies, int) { return keywordFreqs(value), 1 }

// build returns the Bleve document of d, analysed.
//
// Bleve reads a field's frequencies without changing them, so paragraphs
// can share their article's. (Fields repeated within one document are the
// exception: the segment builder merges the frequencies of the later ones
// into the first's. The only repeated field, the kinds of figures, is
// therefore given as one field holding all its values, which is what that
// merge makes of them.)
func (b *docBuilder) build(d paragraphDoc) *document.Document {
	// The fields are allocated together, and the document's list of them
	// (to which Bleve adds its _id field) at its final size.
	const fieldCount = 10
	fields := make([]analysedField, 0, fieldCount)
	doc := document.NewDocument(d.id)
	doc.Fields = make([]document.Field, 0, fieldCount+1)
	add := func(name Field, value string, freqs index.TokenFrequencies, length int, opts index.FieldIndexingOptions) {
		fields = append(fields, analysedField{name: string(name), value: value, freqs: freqs, length: length, opts: opts})
		doc.AddField(&fields[len(fields)-1])
	}
	freqs, n := b.text.analyse(d.Text)
	add(FieldText, d.Text, freqs, n, 0)
	freqs, n = b.title.get(d.Title, b.text.analyse)
	add(FieldTitle, d.Title, freqs, n, 0)
	freqs, n = b.names.analyse(d.Names)
	add(FieldNames, d.Names, freqs, n, 0)
	freqs, n = b.names.analyse(d.Speakers)
	add(FieldSpeakers, d.Speakers, freqs, n, 0)
	freqs, n = b.article.get(d.Article, keywordAnalysis)
	add(FieldArticle, d.Article, freqs, n, 0)
	freqs, n = b.source.get(d.Source, keywordAnalysis)
	add(FieldSource, d.Source, freqs, n, 0)
	freqs, n = b.published.get(d.Published, keywordAnalysis)
	add(FieldPublished, d.Published, freqs, n, index.DocValues)
	add(FieldReported, d.Reported, b.keyword(d.Reported), 1, index.DocValues)
	add(FieldNumber, d.Number, b.keyword(d.Number), 1, index.DocValues)
	if len(d.What) > 0 {
		add(FieldWhat, strings.Join(d.What, " "), keywordFreqs(d.What...), len(d.What), 0)
	}
	return doc
}

// analysedField is a field analysed when it was built: indexed, neither
// stored nor with term vectors.
type analysedField struct {
	name   string
	value  string
	opts   index.FieldIndexingOptions // besides index.IndexField
	freqs  index.TokenFrequencies
	length int
}

var _ document.Field = (*analysedField)(nil)

func (f *analysedField) Name() string             { return f.name }
func (f *analysedField) ArrayPositions() []uint64 { return nil }
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

// Size estimates the field's memory, as Bleve sizes batches by it,
// without walking its terms.
func (f *analysedField) Size() int {
	return 64 + len(f.name) + len(f.value) + 96*len(f.freqs)
}

// Document is the document of one paragraph, analysed, for a Writer.
type Document struct{ doc *document.Document }

// ID is the document's ID (DocID).
func (d Document) ID() string { return d.doc.ID() }

// Builder turns analysed articles into documents, analysing their fields
// as the mapping's analyzers would. It is not safe for concurrent use:
// each build worker has its own.
type Builder struct{ db *docBuilder }

// NewBuilder returns a Builder for one of workers build workers, which
// share the memory for words between them.
func NewBuilder(workers int) (*Builder, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	db, err := newDocBuilder(m, workers)
	if err != nil {
		return nil, err
	}
	return &Builder{db: db}, nil
}

// Documents returns the documents of an analysed article's paragraphs,
// in order.
func (b *Builder) Documents(a *corpus.Article) []Document {
	docs := make([]Document, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		docs = append(docs, Document{doc: b.db.build(newParagraphDoc(a, p))})
	}
	return docs
}

// newParagraphDoc is the document of paragraph p of the analysed article a.
// The headline is indexed with the first paragraph only: a search for
// articles by headline finds them there, and an article's other paragraphs
// need not each repeat it (which cost a tenth of the build and a fifth of
// a question's time).
func newParagraphDoc(a *corpus.Article, p corpus.Paragraph) paragraphDoc {
	var names, speakers, what []string
	var reported time.Time
	for _, mn := range p.Mentions {
		names = text.AppendDistinct(names, mn.Text, mn.Name)
	}
	speakers = text.AppendDistinct(speakers, p.Attribution...)
	for _, q := range p.Quotes {
		speakers = text.AppendDistinct(speakers, q.Speaker)
	}
	for _, f := range p.Figures {
		what = text.AppendDistinct(what, f.What)
		if f.Reported.After(reported) {
			reported = f.Reported.Time
		}
	}
	title := ""
	if p.Number == 1 {
		title = a.Title
	}
	return paragraphDoc{
		Text:      p.Text,
		Title:     title,
		Names:     strings.Join(names, " ; "),
		Speakers:  strings.Join(speakers, " ; "),
		Article:   a.ID,
		Source:    strings.ToLower(strings.TrimSpace(a.Source)),
		Published: dayTerm(a.Published.Time),
		Reported:  dayTerm(reported),
		Number:    numberTerm(p.Number),
		What:      what,
		id:        DocID(a.ID, p.Number),
	}
}
