package load

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CleanParagraph normalises the text of one paragraph without changing its
// wording: Unicode NFC; invisible characters (soft hyphens, zero-width
// spaces, stray byte-order marks) and control characters removed; every run
// of whitespace, line breaks included, collapsed to one space; and stray
// spaces before punctuation repaired ("streets , in" → "streets, in",
// "al-Sham ." → "al-Sham."). Curly quotes and apostrophes are kept.
func CleanParagraph(s string) string {
	if isClean(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return repairPunctSpacing(b.String())
}

// invisible reports the characters cleaning drops: soft hyphen, zero-width
// space, word joiner, byte-order mark.
func invisible(r rune) bool {
	return r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isClean reports whether CleanParagraph would return s unchanged: valid
// UTF-8 in NFC, with single ASCII spaces between words, none at either
// end or before closing punctuation, and no control or invisible
// characters. Most paragraphs are, and need no copy.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			if c == ' ' {
				next, _ := utf8.DecodeRuneInString(s[i+1:])
				if next == ' ' || strings.ContainsRune(closingPunct, next) {
					return false
				}
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || invisible(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return ascii || norm.NFC.IsNormalString(s)
}

// closingPunct are the characters that never follow a space in running
// English text: sentence punctuation and closing quotes and brackets.
// Straight quotes are left alone, since they open as often as they close.
const closingPunct = ",.;:!?…)]}”’»"

// repairPunctSpacing removes the spaces before a run of closing punctuation
// when the run ends a word: it is followed by a space, the end of the text
// or more punctuation. "streets , in" → "streets, in"; ".5" and "’n’" are
// left alone because a letter or digit follows them.
func repairPunctSpacing(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !strings.ContainsRune(closingPunct, r) {
				break
			}
			k += size
		}
		if k > j && i > 0 && endsWord(s, k) {
			i = j // drop the spaces; the punctuation is copied next
			continue
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// endsWord reports whether position k of s is the end of the text, a
// space, or a character that is not a letter or digit.
func endsWord(s string, k int) bool {
	if k >= len(s) {
		return true
	}
	r, size := utf8.DecodeRuneInString(s[k:])
	if r == '"' || r == '\'' {
		// A straight quote closes when a word does not follow it:
		// `Friday ,"` but not `said ,"Yes`.
		return endsWord(s, k+size) && (k+size >= len(s) || s[k+size] != '"' && s[k+size] != '\'')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '“' && r != '‘' && r != '(' && r != '['
}
