package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells words, numbers and punctuation apart.
type Kind byte

// The kinds of token.
const (
	Punct  Kind = iota // one punctuation rune
	Word               // a word: letters, possibly with digits, inner hyphens, apostrophes, dots
	Number             // a number written in digits: "1,300", "3.5"
)

// Token is one token of a text: a word, a number or a punctuation rune,
// with its byte offsets, its case and its sentence.
type Token struct {
	Start, End int    // byte span; for a word, without its possessive suffix
	PossEnd    int    // end of the token including a possessive suffix
	Text       string // the token as written, with its possessive suffix
	Lower      string // a word or number, lower-cased, ’ written ', without a possessive suffix
	Rune       rune   // the rune of a punctuation token
	Kind       Kind
	// Upper marks a word that starts with a capital letter, or with a
	// short lower-case prefix and a hyphen before one ("al-Shara").
	Upper bool
	// Capital marks a word that starts with a capital and reads as part
	// of a name: "Alawite-led" is Upper but no Capital.
	Capital   bool
	Lowercase bool // a word that starts with a lower-case letter
	// JoinedParticle marks a particle joined to a capitalised name:
	// al-Shara, ez-Zor.
	JoinedParticle bool
	Possessive     bool // followed by 's or ’s (or a plural ')
	First          bool // the first word of its sentence
	Sentence       int  // sentence number in the text, from 0
}

// IsWord reports whether t is a word or a number, not punctuation.
func (t Token) IsWord() bool { return t.Kind != Punct }

// Tokenize splits text into tokens and numbers their sentences (see
// Sentences). Words keep inner hyphens and apostrophes ("pro-government",
// "al-Shara", "COVID-19"); numbers keep inner commas and dots ("1,300",
// "1.5") but end at a hyphen ("20-year-old" is "20", "-", "year-old"); a
// number glued to letters ("17th", "10am") is a word; dotted
// abbreviations keep their dots ("U.S.", "a.m."); a possessive 's is left
// out of the word's span and its Lower but kept in PossEnd and Text.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+1), text)
}

// AppendTokens appends the tokens of text to toks, as Tokenize returns
// them.
func AppendTokens(toks []Token, text string) []Token {
	base := len(toks)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !WordRune(r) {
			toks = append(toks, Token{Start: i, End: i + size, PossEnd: i + size, Text: text[i : i+size], Lower: text[i : i+size], Rune: r})
			i += size
			continue
		}
		j := wordEnd(text, i, size)
		t := Token{Start: i, End: j, PossEnd: j, Kind: Word}
		w := text[i:j]
		for _, suf := range [...]string{"'s", "’s"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				t.End, t.Possessive = j-len(suf), true
				break
			}
		}
		if !t.Possessive && strings.HasSuffix(w, "s") && j < len(text) {
			if r2, s2 := utf8.DecodeRuneInString(text[j:]); Apostrophe(r2) {
				next, _ := utf8.DecodeRuneInString(text[j+s2:])
				if j+s2 >= len(text) || !WordRune(next) {
					t.Possessive, t.PossEnd = true, j+s2
				}
			}
		}
		t.Text = text[t.Start:t.PossEnd]
		classifyWord(&t, text[t.Start:t.End])
		toks = append(toks, t)
		i = t.PossEnd
	}
	markSentences(text, toks[base:])
	return toks
}

// wordEnd returns the end of the word that starts at byte i of text with
// a rune of size bytes.
func wordEnd(text string, i, size int) int {
	start, j := i, i+size
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
			j++
			continue
		}
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if WordRune(r2) {
			j += s2
			continue
		}
		if j+s2 < len(text) {
			r3, _ := utf8.DecodeRuneInString(text[j+s2:])
			prev, _ := utf8.DecodeLastRuneInString(text[start:j])
			if Apostrophe(r2) && WordRune(r3) || Hyphen(r2) && WordRune(r3) && !isNumber(text[start:j]) {
				j += s2
				continue
			}
			if (r2 == ',' || r2 == '.') && unicode.IsDigit(prev) && unicode.IsDigit(r3) {
				j += s2
				continue
			}
			// Dotted abbreviations: U.S., U.N., a.m., e.g.
			if r2 == '.' && singleLetterTail(text[start:j]) && (unicode.IsUpper(prev) && unicode.IsUpper(r3) || unicode.IsLower(prev) && unicode.IsLower(r3) && dottedLetter(text[j+s2:])) {
				j += s2
				continue
			}
		}
		break
	}
	// A dotted abbreviation keeps its final dot: "U.S."
	if j < len(text) && text[j] == '.' && strings.Contains(text[start:j], ".") {
		j++
	}
	return j
}

// WordRune reports whether r is part of a word: a letter, a digit or a
// combining mark.
func WordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Apostrophe reports whether r is written for an apostrophe.
func Apostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`'
}

// Hyphen reports whether r is a hyphen.
func Hyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// dottedLetter reports whether s starts with one letter and a dot: the
// "m." of "a.m.".
func dottedLetter(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && n < len(s) && s[n] == '.'
}

// isNumber reports whether w is written in digits, with commas and dots.
func isNumber(w string) bool { return w != "" && strings.Trim(w, "0123456789,.") == "" }

// singleLetterTail reports whether w ends in a single letter after a dot
// or is a single letter: "U", "U.S".
func singleLetterTail(w string) bool {
	k := strings.LastIndexByte(w, '.')
	return utf8.RuneCountInString(w[k+1:]) == 1
}

// classifyWord sets the kind, lower-cased form and case flags of a word
// token.
func classifyWord(t *Token, w string) {
	t.Lower = strings.ToLower(w)
	if strings.Contains(t.Lower, "’") {
		t.Lower = strings.ReplaceAll(t.Lower, "’", "'")
	}
	if isNumber(w) {
		t.Kind = Number
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		t.Upper, t.Capital = true, true
		// "Alawite-dominated", "Britain-based": an adjective, not a name.
		if h := hyphenIndex(w); h > 0 {
			rest := w[h:]
			_, sz := utf8.DecodeRuneInString(rest)
			if n, _ := utf8.DecodeRuneInString(rest[sz:]); unicode.IsLower(n) && !Particle(strings.ToLower(strings.Trim(rest[sz:], "-"))) && !strings.Contains(rest[sz:], "-") {
				t.Capital = false
			}
		}
	case unicode.IsLower(r):
		t.Lowercase = true
		// "al-Shara", "el-Sisi": a particle before a capitalised name.
		if h := strings.IndexByte(w, '-'); h > 0 && h <= 3 && h+1 < len(w) {
			r2, _ := utf8.DecodeRuneInString(w[h+1:])
			t.Upper = unicode.IsUpper(r2)
		}
		if h := hyphenIndex(w); h > 0 && h <= len(t.Lower) {
			prefix := t.Lower[:h]
			_, sz := utf8.DecodeRuneInString(w[h:])
			n, _ := utf8.DecodeRuneInString(w[h+sz:])
			if unicode.IsUpper(n) && (Particle(prefix) || nameJoiners[prefix]) {
				t.JoinedParticle, t.Lowercase = true, false
			}
		}
	}
}

// HyphenatedNamePart reports whether a capitalised word with a
// lower-case part after its hyphen (lower-cased here) may be part of a
// name after another name word ("Park Hee-young", "Choi Seong-beom")
// rather than an adjective ("Alawite-led", "Britain-based",
// "Damascus-style", "Assad-era"): its last part is no participle and no
// word that makes compound adjectives.
func HyphenatedNamePart(lower string) bool {
	h := strings.LastIndexByte(lower, '-')
	if h <= 0 || h == len(lower)-1 {
		return false
	}
	tail := lower[h+1:]
	return !strings.HasSuffix(tail, "ed") && !strings.HasSuffix(tail, "ing") && !adjectiveTails[tail]
}

// adjectiveTails make compound adjectives of a name: "Assad-era",
// "Iran-backed" is a participle.
var adjectiveTails = NewSet("led run era style born made like wide free old long scale level term time year years bound friendly only")

// nameJoiners are, besides the particles, the lower-case words joined by
// a hyphen to a capitalised name: "abu-Bakr", "ed-Din".
var nameJoiners = Set{"abu": true, "abd": true, "es": true, "ed": true, "et": true, "er": true, "en": true, "ul": true, "il": true}

// hyphenIndex returns the byte index of the first hyphen in w, or -1.
func hyphenIndex(w string) int {
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '-':
			return i
		case w[i] == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91):
			return i
		}
	}
	return -1
}
