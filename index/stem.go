package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stemmedWord is one word of a text as the text analyzer would index it.
type stemmedWord struct {
	term string
	pos  int
}

// quickStems splits text into lower-cased, accent-folded, Porter-stemmed
// words with their positions: the terms the text analyzer gives ordinary
// words, without the cost of full Unicode word segmentation. Ranking reads
// every candidate passage with it.
func quickStems(text string) []stemmedWord {
	if !isASCII(text) {
		text = foldAccents(text)
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]stemmedWord, 0, len(words))
	for i, w := range words {
		stem := porterstemmer.StemWithoutLowerCasing([]rune(strings.ToLower(w)))
		out = append(out, stemmedWord{term: string(stem), pos: i + 1})
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAccents removes diacritics: "Ḥasan" → "Hasan".
func foldAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return folded
}
