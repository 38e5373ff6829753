package question

import (
	"github.com/newsdesk/newsdesk/corpus/text"
)

// vocabulary are words whose misspellings are corrected before the
// question is read ("latset death tol" → "latest death toll").
var vocabulary = []string{
	"latest", "death", "toll", "killed", "casualties", "fatalities", "wounded", "injured", "displaced",
	"arrested", "executed", "missing", "civilians", "people", "according", "statement", "observatory",
	"deaths", "died", "dead", "rescued", "survivors",
}

// wordTypos are question words typed short or scrambled in chat.
var wordTypos = map[string]string{"hw": "how", "hwo": "how", "wat": "what", "wht": "what", "waht": "what", "whta": "what"}

// correctWords fixes misspellings of the few words that decide what a
// question asks ("latset" → "latest", "tol" → "toll").
func correctWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		if q, ok := wordTypos[w]; ok {
			out[i] = q // "hw many"
			continue
		}
		if len(w) < 3 || filler[w] || figureWords[w] != nil {
			continue
		}
		for _, v := range vocabulary {
			if inflects(w, v) {
				continue // "rescue" in "rescue workers" is no "rescued" misspelt
			}
			// Short words are corrected only by a missing letter ("tol" → "toll"),
			// so that real words one letter away ("head", "dad") stay as typed.
			if len(w) <= 4 && len(v) == len(w)+1 && text.EditDistance(w, v, 1) == 1 ||
				len(w) > 4 && abs(len(v)-len(w)) <= 1 && text.EditDistance(w, v, 1) == 1 {
				out[i] = v
				break
			}
			if len(w) >= 6 && abs(len(v)-len(w)) <= 1 && transposed(w, v) {
				out[i] = v
				break
			}
		}
	}
	return out
}

// inflects reports whether v is w with an inflection's ending, or w is v
// with one: "rescue" and "rescued", "death" and "deaths", "die" and
// "died" are other forms of one word, not misspellings of each other.
func inflects(w, v string) bool {
	for _, ending := range []string{"s", "d", "ed", "es"} {
		if v == w+ending || w == v+ending {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// transposed reports whether a and b differ by one swap of adjacent letters.
func transposed(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}
