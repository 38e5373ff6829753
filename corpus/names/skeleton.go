package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Skeleton returns the transliteration key of one word of a name: its
// consonants, lower-cased, with diacritics, apostrophes (ʿ ’ ') and vowels
// removed, and with the letters that transliterations of one sound disagree
// on folded into one class:
//
//	g gh kh k q c(hard) ck → k      t th d dh → t     sh ch sch tch → x
//	j dj zh → j                     f ph → f          p → b       x → ks
//	c(soft) → s, and a final z of a word of four letters or more → s
//
// A final h after a vowel is dropped (Dallah, Dalla and Dalah are all "tl"),
// y and w count as vowels except at the start of a word (Ghiyath = Ghiath),
// v is read as w, and a letter written twice in a row counts once (Dalal,
// with a vowel between its l's, stays "tll"). The prefixes Abdul-, Abdel-,
// Abdal- are read as Abd: "Abdulrahman" and "Abd-al-Rahman" are both
// "btrhmn".
//
// Name particles ("al", "el", "bin", "ibn", "bint", and the assimilated
// articles "ash", "ad", "ez"…) have the empty skeleton, so that a token
// filter can drop them; inside a hyphenated token they are stripped: the
// skeleton of "al-Sharaa" is that of "Sharaa", "xr". A trailing possessive
// ('s) is ignored. "Abu" and "Abd" are parts of names, not particles.
// Letters outside the Latin alphabet are kept as they are.
//
// Different names may share a skeleton (Hassan and Hussein are both "hsn");
// Similarity tells them apart.
func Skeleton(word string) string {
	var stack [64]byte
	f := foldWord(stack[:0], word)
	if len(f) == 0 {
		return ""
	}
	out := make([]byte, 0, len(f))
	for start := 0; start < len(f); {
		end := start
		for end < len(f) && f[end] != '-' {
			end++
		}
		part := f[start:end]
		next := end + 1
		var following []byte
		if next < len(f) {
			e := next
			for e < len(f) && f[e] != '-' {
				e++
			}
			following = f[next:e]
		}
		start = next
		if len(part) == 0 || text.Particle(string(part)) || assimilated(part, following) {
			continue
		}
		out = appendSkeleton(out, part)
	}
	if len(out) == 0 {
		return ""
	}
	return string(out)
}

// foldWord appends word to dst lower-cased, without diacritics,
// apostrophes or a trailing possessive, keeping letters, digits and
// hyphens. Letters outside ASCII that have no decomposition are kept.
func foldWord(dst []byte, word string) []byte {
	word = trimPossessive(word)
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		word = norm.NFD.String(word)
	}
	for _, r := range word {
		switch {
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			dst = append(dst, byte(r))
		case r == '-' || r == '‐' || r == '‑':
			if len(dst) > 0 && dst[len(dst)-1] != '-' {
				dst = append(dst, '-')
			}
		case r < utf8.RuneSelf:
			// apostrophes and other ASCII punctuation: dropped
		case unicode.Is(unicode.Mn, r):
			// combining diacritics: dropped
		default:
			if s, ok := specialLetters[r]; ok {
				dst = append(dst, s...)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
	}
	for len(dst) > 0 && dst[len(dst)-1] == '-' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// specialLetters are letters without a Unicode decomposition that Latin
// transliterations still use, and the modifier letters for ʿayn and hamza.
var specialLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "d", 'ħ': "h", 'Ħ': "h",
	'ʿ': "", 'ʾ': "", 'ʼ': "", 'ʻ': "", '’': "", '‘': "", '´': "", '`': "", '′': "",
}

// trimPossessive removes a trailing 's or ’s.
func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// assimilated reports whether part is the Arabic article assimilated to
// the next part of a hyphenated name: "ash-Shara", "ad-Din", "ez-Zor".
func assimilated(part, next []byte) bool {
	if len(part) < 2 || len(part) > 3 || len(next) == 0 {
		return false
	}
	switch part[0] {
	case 'a', 'e', 'u', 'i':
	default:
		return false
	}
	cons := part[1:]
	return len(next) >= len(cons) && string(next[:len(cons)]) == string(cons)
}

// abdPrefixes are spellings of "Abd al-" written as one word.
var abdPrefixes = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abdil"}

// appendSkeleton appends the consonant skeleton of one folded word part.
func appendSkeleton(out []byte, w []byte) []byte {
	for _, p := range abdPrefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			out = append(out, 'b', 't')
			w = w[len(p):]
			break
		}
	}
	n := len(w)
	var last byte
	for i := 0; i < n; {
		c := w[i]
		var next, next2 byte
		if i+1 < n {
			next = w[i+1]
		}
		if i+2 < n {
			next2 = w[i+2]
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			last = 0
			i++
			continue
		case 'y', 'w', 'v':
			if i == 0 && vowel(next) {
				cls := c
				if c == 'v' {
					cls = 'w'
				}
				out = append(out, cls)
				last = cls
				i++
				continue
			}
			last = 0
			i++
			continue
		case 'h':
			if i == n-1 && i > 0 && vowelish(w[i-1]) {
				i++
				continue
			}
		case 'x':
			if last != 'k' {
				out = append(out, 'k')
			}
			last = 's'
			out = append(out, 's')
			i++
			continue
		}
		cls, adv := class(c, next, next2)
		if cls == 'z' && i+adv == n && n >= 4 {
			// Spellings of one name disagree on a final s or z (Sánchez,
			// Sanches; Lopez, Lopes); inside a word z is its own sound
			// (Zaid is not Said).
			cls = 's'
		}
		if c >= utf8.RuneSelf {
			// Part of a letter outside ASCII: copied as is.
			out = append(out, c)
			last = 0
			i++
			continue
		}
		if cls != last {
			out = append(out, cls)
		}
		last = cls
		i += adv
	}
	return out
}

// class returns the skeleton class of the consonant c (followed by next
// and next2) and how many letters it spans: "gh" is k over two letters.
func class(c, next, next2 byte) (cls byte, adv int) {
	cls, adv = c, 1
	switch c {
	case 'g', 'k':
		cls = 'k'
		if next == 'h' {
			adv = 2
		}
	case 'q':
		cls = 'k'
	case 'c':
		switch {
		case next == 'h':
			cls, adv = 'x', 2
		case next == 'k':
			cls, adv = 'k', 2
		case next == 'e' || next == 'i' || next == 'y':
			cls = 's'
		default:
			cls = 'k'
		}
	case 's':
		switch {
		case next == 'h':
			cls, adv = 'x', 2
		case next == 'c' && next2 == 'h':
			cls, adv = 'x', 3
		}
	case 't':
		switch {
		case next == 'h':
			adv = 2
		case (next == 'c' || next == 's') && next2 == 'h':
			cls, adv = 'x', 3
		}
	case 'd':
		cls = 't'
		switch next {
		case 'h':
			adv = 2
		case 'j':
			cls, adv = 'j', 2
		}
	case 'z':
		if next == 'h' {
			cls, adv = 'j', 2
		}
	case 'p':
		cls = 'b'
		if next == 'h' {
			cls, adv = 'f', 2
		}
	}
	return cls, adv
}

func vowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func vowelish(c byte) bool { return vowel(c) || c == 'y' || c == 'w' }

// phonetic returns the comparison form of one folded word part: the
// consonant classes of Skeleton with the vowels kept but normalised
// (o→u, e→i, y and w inside a word → i and u, runs collapsed), and the
// class of its first vowel: 'A', 'I', 'U', or 'E' for the ambiguous e, ai,
// ay, ei, ey. Hassan is "hasan"/A, Hussein "husin"/U.
func phonetic(w string) (string, byte) {
	b := []byte(w)
	for _, p := range abdPrefixes {
		if strings.HasPrefix(w, p) {
			b = append([]byte("abd"), b[len(p):]...)
			break
		}
	}
	var first byte
	out := make([]byte, 0, len(b))
	n := len(b)
	for i := 0; i < n; {
		c := b[i]
		var next byte
		if i+1 < n {
			next = b[i+1]
		}
		if first == 0 {
			switch {
			case (c == 'a' || c == 'e') && (next == 'i' || next == 'y'):
				first = 'E'
			case c == 'a':
				first = 'A'
			case c == 'e':
				first = 'E'
			case c == 'i':
				first = 'I'
			case c == 'o' || c == 'u':
				first = 'U'
			case c == 'y' && i > 0:
				first = 'I'
			case (c == 'w' || c == 'v') && i > 0 && !vowel(next):
				first = 'U'
			}
		}
		var emit byte
		switch c {
		case 'a':
			emit = 'a'
		case 'e', 'i':
			emit = 'i'
		case 'o', 'u':
			emit = 'u'
		case 'y':
			emit = 'i'
			if i == 0 && vowel(next) {
				emit = 'y'
			}
		case 'w', 'v':
			emit = 'u'
			if i == 0 && vowel(next) {
				emit = 'w'
			}
		default:
			// Consonants: the skeleton's classes.
			if c == 'h' && i == n-1 && i > 0 && vowelish(b[i-1]) {
				i++
				continue
			}
			var next2 byte
			if i+2 < n {
				next2 = b[i+2]
			}
			if c == 'x' {
				out = append(out, 'k', 's')
				i++
				continue
			}
			cls, adv := class(c, next, next2)
			if len(out) == 0 || out[len(out)-1] != cls {
				out = append(out, cls)
			}
			i += adv
			continue
		}
		if len(out) == 0 || out[len(out)-1] != emit {
			out = append(out, emit)
		}
		i++
	}
	return string(out), first
}

// vowelsAgree reports whether two first-vowel classes can be spellings of
// one vowel.
func vowelsAgree(a, b byte) bool {
	if a == 0 || b == 0 || a == b {
		return true
	}
	return a == 'E' && (b == 'A' || b == 'I') || b == 'E' && (a == 'A' || a == 'I')
}
