package text

import (
	"strings"
	"unicode/utf8"
)

// HasWord reports whether s contains word as a whole word, ignoring case:
// the runes either side of it are no word runes (WordRune), so "al-Shara"
// and "Syria’s" contain "shara" and "syria", "Sharaa" does not.
func HasWord(s, word string) bool {
	return IndexWord(strings.ToLower(s), strings.ToLower(word), 0) >= 0
}

// IndexWord returns the byte index of the first occurrence of word in s,
// at or after from, that stands as a whole word (no word rune joined to
// either end), or -1. Unlike HasWord it compares case as written.
func IndexWord(s, word string, from int) int {
	if word == "" {
		return -1
	}
	for i := max(from, 0); i <= len(s)-len(word); {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return -1
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !WordRune(before)) && (end == len(s) || !WordRune(after)) {
			return start
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		i = start + size
	}
	return -1
}

// Fields splits s into its runs of word runes (WordRune), dropping all
// else: "al-Shara's men" → "al", "Shara", "s", "men". It is the split for
// comparing words one by one; Tokenize reads text as a reader does.
func Fields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !WordRune(r) })
}

// AsTyped returns part as it is written in s, when s contains it in any
// case ("ghassan tarabulsi" in "who is Ghassan Tarabulsi" → "Ghassan
// Tarabulsi"); otherwise part itself.
func AsTyped(s, part string) string {
	low := strings.ToLower(s)
	i := strings.Index(low, strings.ToLower(part))
	if i < 0 || part == "" || len(low) != len(s) || i+len(part) > len(s) {
		return part
	}
	return s[i : i+len(part)]
}
