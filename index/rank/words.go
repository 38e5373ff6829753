package rank

import (
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// reasonWords introduce a cause or a motive.
var reasonWords = []string{"because", "due to", "blamed", "blame", "caused", "cause", "after", "over", "amid",
	"dispute", "reason", "motive", "accused", "retaliation", "triggered", "sparked", "led to", "result of",
	"so that", "in order to", "in protest", "following", "linked to", "attributed to"}

// givesReason reports whether s states a cause or a motive.
func givesReason(s string) bool {
	low := strings.ToLower(s)
	for _, w := range reasonWords {
		if containsWords(low, w) {
			return true
		}
	}
	return false
}

// containsWords reports whether s holds phrase as whole words, case
// as written.
func containsWords(s, phrase string) bool { return text.IndexWord(s, phrase, 0) >= 0 }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// refersBack reports whether a role is a definite description that may
// point back to an earlier introduction: "the former general".
func refersBack(role string) bool {
	return strings.HasPrefix(role, "the ") || strings.HasPrefix(role, "The ")
}

// commonWords keeps the words of s that are not capitalised: the
// description without the names in it ("the director of the Syria
// program" → "the director of the program").
func commonWords(s string) string {
	var keep []string
	for _, w := range strings.Fields(s) {
		if r := []rune(w); len(r) > 0 && !unicode.IsUpper(r[0]) {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}
