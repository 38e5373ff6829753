package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// stemmedWord is one word of a text as the text analyzer would index it.
type stemmedWord struct {
	term string
	pos  int
}

// stemmer splits texts into lower-cased, accent-folded, Porter-stemmed
// words: the terms the text analyzer gives ordinary words, without the
// cost of full word segmentation. Ranking reads every candidate passage
// with it. It remembers the stems it has computed, since the passages of
// one answer repeat their words; it is not safe for concurrent use.
type stemmer struct {
	stems map[string]string
}

// quickStems returns the words of text with their positions.
func (st *stemmer) quickStems(text string) []stemmedWord {
	if !isASCII(text) {
		text = foldAccents(text)
	}
	if st.stems == nil {
		st.stems = make(map[string]string, 512)
	}
	out := make([]stemmedWord, 0, len(text)/6+1)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, stemmedWord{term: st.stem(text[start:i]), pos: len(out) + 1})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, stemmedWord{term: st.stem(text[start:]), pos: len(out) + 1})
	}
	return out
}

// stem returns the lower-cased Porter stem of word.
func (st *stemmer) stem(word string) string {
	if s, ok := st.stems[word]; ok {
		return s
	}
	s := string(porterstemmer.StemWithoutLowerCasing([]rune(strings.ToLower(word))))
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
