package bleveindex

import (
	"maps"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/newsdesk/newsdesk/index/bleveindex/words"
)

// Stem returns the stem the text analyzer gives a lower-cased word: the
// analyzer's own stemming step (its porter token filter) applied to it.
// It is newsdesk's one stemming function: the index's terms, the words of
// the passages ranked and the synonym tables all come from that filter.
func Stem(word string) string {
	tok := &analysis.Token{Term: []byte(word), Position: 1, End: len(word), Type: analysis.AlphaNumeric}
	return string(porter.NewPorterStemmer().Filter(analysis.TokenStream{tok})[0].Term)
}

// Stemmer analyses texts as the index does, for ranking. It remembers the
// stems it has computed, since the passages of one answer repeat their
// words; it is not safe for concurrent use: each question has its own.
type Stemmer struct {
	text  analysis.Analyzer
	words *words.Tokenizer
	stems map[string]string
}

// Stemmer returns a Stemmer with the index's text analyzer.
func (ix *Index) Stemmer() *Stemmer {
	return &Stemmer{text: ix.idx.Mapping().AnalyzerNamed(textAnalyzer)}
}

// Clone returns a Stemmer that knows the stems st has computed and
// shares nothing with it: for analysing texts on another goroutine.
func (st *Stemmer) Clone() *Stemmer {
	return &Stemmer{text: st.text, stems: maps.Clone(st.stems)}
}

// Terms returns the terms of text as the index analyses paragraphs
// (folded, possessives and stop words dropped, stemmed).
func (st *Stemmer) Terms(text string) []string {
	toks := st.text.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// Words returns every word of text in order as the text analyzer reads
// it — the index's own tokenizer (folded; "U.S", "1,500" and "al-Shara"
// one word each), possessives dropped, lower-cased, stemmed — but with stop
// words kept, so that a word's position is its index plus one.
func (st *Stemmer) Words(text string) []string {
	if st.words == nil {
		st.words = words.New()
		if st.stems == nil {
			st.stems = make(map[string]string, 512)
		}
	}
	out := make([]string, 0, len(text)/6+1)
	st.words.Terms([]byte(text), func(term []byte) {
		out = append(out, st.stem(term))
	})
	return out
}

// stem returns the stem of a term as the text analyzer makes it: its
// possessive dropped, lower-cased, stemmed.
func (st *Stemmer) stem(term []byte) string {
	if s, ok := st.stems[string(term)]; ok {
		return s
	}
	w := strings.ToLower(string(term))
	for _, suffix := range []string{"'s", "’s", "＇s"} {
		if len(w) > len(suffix) {
			w = strings.TrimSuffix(w, suffix)
		}
	}
	s := Stem(w)
	st.stems[string(term)] = s
	return s
}
