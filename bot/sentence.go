package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the bot's only sentence splitter, used by TrimText through
// lastSentenceEnd alone. It is to be replaced by the project's one
// splitter (corpus/text): lastSentenceEnd's body becomes one call to it,
// and the rest of this file goes.

// lastSentenceEnd returns the byte offset just after the last sentence end in
// s: a '.', '!' or '?' (with any closing quotes or brackets) followed by a
// space, or a line break; 0 when there is none.
func lastSentenceEnd(s string) int {
	best := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			best = i
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '"' || r == '\'' || r == ')' || r == '”' || r == '’' || r == ']' {
				j += size
				continue
			}
			break
		}
		if j < len(s) && (s[j] == ' ' || s[j] == '\n') && !abbreviation(s[:i]) {
			best = j
		}
	}
	return best
}

// abbreviation reports whether the word before a dot is a common
// abbreviation or an initial, after which a sentence does not end.
func abbreviation(before string) bool {
	i := strings.LastIndexAny(before, " \n(")
	w := before[i+1:]
	if runeLen(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true // an initial: "J. Smith"
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "prof", "st", "sen", "rep", "gov", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.n", "e.g", "i.e":
		return true
	}
	return false
}
