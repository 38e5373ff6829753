package bleveindex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
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
	stems map[string]string
}

// Stemmer returns a Stemmer with the index's text analyzer.
func (ix *Index) Stemmer() *Stemmer {
	return &Stemmer{text: ix.idx.Mapping().AnalyzerNamed(textAnalyzer)}
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

// Words returns every word of text in order, lower-cased, accent-folded
// and stemmed with Stem: the terms the text analyzer gives ordinary words,
// stop words kept, without the cost of full word segmentation. A word's
// position is its index plus one.
func (st *Stemmer) Words(text string) []string {
	if !isASCII(text) {
		text = foldAccents(text)
	}
	if st.stems == nil {
		st.stems = make(map[string]string, 512)
	}
	out := make([]string, 0, len(text)/6+1)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, st.stem(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, st.stem(text[start:]))
	}
	return out
}

// stem returns the stem of word, lower-cased.
func (st *Stemmer) stem(word string) string {
	if s, ok := st.stems[word]; ok {
		return s
	}
	s := Stem(strings.ToLower(word))
	st.stems[word] = s
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAccents folds letters to ASCII as the index's tokenizer does (Bleve's
// asciifolding: "Ḥasan" → "Hasan", "Łódź" → "Lodz", "ß" → "ss"), and drops
// the combining marks left.
func foldAccents(s string) string {
	folded := asciifolding.New().Filter([]byte(s))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, string(folded))
}
