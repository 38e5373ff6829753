package text

import (
	"strings"
	"unicode/utf8"
)

// HasWord reports whether s contains word as a whole word, ignoring case:
// the runes either side of it are no word runes (WordRune), so "al-Shara"
// and "Syria’s" contain "shara" and "syria", "Sharaa" does not.
func HasWord(s, word string) bool {
	if word == "" {
		return false
	}
	low, word := strings.ToLower(s), strings.ToLower(word)
	for i := 0; i <= len(low)-len(word); {
		j := strings.Index(low[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(low[:start])
		after, _ := utf8.DecodeRuneInString(low[end:])
		if (start == 0 || !WordRune(before)) && (end == len(low) || !WordRune(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(low[start:])
		i = start + size
	}
	return false
}
