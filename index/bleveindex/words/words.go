// Package words is a Bleve tokenizer for news text. It folds accented
// letters to ASCII, as Bleve's asciifolding char filter does, and splits
// words by the rules of Unicode word segmentation (UAX #29) that English
// news text needs — "U.S." and "Assad's" stay one word, "1,500" and "3.5"
// one number, "al-Assad" is two words — several times faster than the
// asciifolding char filter and Bleve's unicode tokenizer together, which
// convert every paragraph to runes and back and run a general segmenter.
//
// Text in other scripts is split on non-letters; each Han, Hiragana or
// Katakana character is a word of its own.
package words

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/registry"
)

// Name is the name the tokenizer is registered under in Bleve's registry.
const Name = "newsdesk_words"

// Tokenizer is the folding word tokenizer.
type Tokenizer struct {
	fold *asciifolding.AsciiFoldingFilter
}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{fold: asciifolding.New()} }

// class is what a character is to word segmentation.
type class uint8

const (
	other   class = iota
	letter        // letters
	mark          // combining marks, which extend the character before
	extend        // "_", which joins words (UAX #29 ExtendNumLet)
	digit         // 0–9
	midLet        // joins two letters: ':' (UAX #29 MidLetter)
	midNum        // joins two digits: ',' ';' (MidNum)
	midBoth       // joins two letters or two digits: '.' '\'' (MidNumLet)
	ideo          // a word on its own: Han, Hiragana, Katakana
)

// Tokenize implements analysis.Tokenizer.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	tokens := make([]analysis.Token, 0, len(input)/6+1)
	t.Words(input, func(term []byte, start, end int, typ analysis.TokenType) {
		tokens = append(tokens, analysis.Token{
			Term:     term,
			Start:    start,
			End:      end,
			Position: len(tokens) + 1,
			Type:     typ,
		})
	})
	out := make(analysis.TokenStream, len(tokens))
	for i := range tokens {
		out[i] = &tokens[i]
	}
	return out
}

// Words calls fn with each word of input in order, as Tokenize splits
// them, without building tokens: the folded term (which fn may keep but
// must not modify), its byte span in input and its type.
func (t *Tokenizer) Words(input []byte, fn func(term []byte, start, end int, typ analysis.TokenType)) {
	t.words(input, true, fn)
}

// Terms calls fn with the folded term of each word of input in order, as
// Words does, when the words' places in input are not needed.
func (t *Tokenizer) Terms(input []byte, fn func(term []byte)) {
	t.words(input, false, func(term []byte, _, _ int, _ analysis.TokenType) { fn(term) })
}

// words is Words; without offsets, start and end are offsets in the
// folded text rather than in input.
func (t *Tokenizer) words(input []byte, offsets bool, fn func(term []byte, start, end int, typ analysis.TokenType)) {
	text, spans := input, [][2]int(nil)
	if !isASCII(input) {
		text, spans = t.foldText(input, offsets)
	}
	emit := func(from, to int, typ analysis.TokenType) {
		start, end := from, to
		if spans != nil {
			start, end = spans[from][0], spans[to-1][1]
		}
		fn(text[from:to:to], start, end, typ)
	}
	// classAt returns the class and byte length of the character at i.
	classAt := func(i int) (class, int) {
		if b := text[i]; b < utf8.RuneSelf {
			return asciiClass(b), 1
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			return ideo, size
		case unicode.IsLetter(r):
			return letter, size
		case unicode.IsMark(r):
			return mark, size
		case unicode.IsDigit(r):
			return digit, size
		}
		return other, size
	}
	for i := 0; i < len(text); {
		c, size := classAt(i)
		switch c {
		case ideo:
			j := i + size
			for j < len(text) { // with its combining marks
				if k, n := classAt(j); k == mark {
					j += n
					continue
				}
				break
			}
			emit(i, j, analysis.Ideographic)
			i = j
			continue
		case letter, digit, extend:
		default:
			i += size
			continue
		}
		j, prev, numeric := i+size, c, c == digit
		for j < len(text) {
			k, n := classAt(j)
			if k == mark {
				j += n
				continue
			}
			if k == letter || k == digit || k == extend {
				j, prev, numeric = j+n, k, numeric && k == digit
				continue
			}
			q := j + n
			for q < len(text) { // marks extend the middle character
				if c, m := classAt(q); c == mark {
					q += m
					continue
				}
				break
			}
			if q < len(text) {
				if next, m := classAt(q); joins(prev, k, next) {
					j, prev, numeric = q+m, next, numeric && next == digit
					continue
				}
			}
			break
		}
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		emit(i, j, typ)
		i = j
	}
}

// joins reports whether a middle character mid between prev and next
// keeps them in one word.
func joins(prev, mid, next class) bool {
	switch mid {
	case midLet:
		return prev == letter && next == letter
	case midNum:
		return prev == digit && next == digit
	case midBoth:
		return prev == next && (prev == letter || prev == digit)
	}
	return false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldText folds the non-ASCII characters of input as the asciifolding
// char filter does. With offsets, spans[i] is the byte span in input of
// the character that folded byte i comes from; without, spans is nil.
func (t *Tokenizer) foldText(input []byte, offsets bool) (folded []byte, spans [][2]int) {
	folded = make([]byte, 0, len(input)+8)
	if offsets {
		spans = make([][2]int, 0, len(input)+8)
	}
	for i := 0; i < len(input); {
		if b := input[i]; b < utf8.RuneSelf {
			folded = append(folded, b)
			if offsets {
				spans = append(spans, [2]int{i, i + 1})
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(input[i:])
		var f []byte
		switch r {
		case '\u2018', '\u2019': // curly apostrophes, the commonest
			f = []byte{'\''}
		case '\u201C', '\u201D':
			f = []byte{'"'}
		default:
			f = t.fold.Filter(input[i : i+size])
		}
		folded = append(folded, f...)
		if offsets {
			for range f {
				spans = append(spans, [2]int{i, i + size})
			}
		}
		i += size
	}
	return folded, spans
}

func asciiClass(b byte) class {
	switch {
	case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
		return letter
	case b == '_':
		return extend
	case b >= '0' && b <= '9':
		return digit
	case b == ':':
		return midLet
	case b == ',' || b == ';':
		return midNum
	case b == '.' || b == '\'':
		return midBoth
	}
	return other
}

func constructor(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return New(), nil
}

func init() {
	if err := registry.RegisterTokenizer(Name, constructor); err != nil {
		panic(err)
	}
}
