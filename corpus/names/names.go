package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/strutil/metrics"
	"golang.org/x/text/unicode/norm"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Names across Latin spellings.
//
// Arabic (and Persian, Kurdish…) names reach English text in many
// spellings: غياث دلة is "Ghiath Dallah", "Gaith Dalah", "Ghiyath Dalla".
// Two mechanisms bring them together:
//
//   - Skeleton, a per-word consonant key that is deliberately lenient
//     (recall): it is what the search index stores for name tokens, so that
//     every spelling of a word lands on the same term.
//   - Similarity and Match, whole-name scores that are strict
//     (precision): they compare the words on a phonetic form that keeps the
//     vowels, so that spellings that only share a skeleton by accident
//     ("Hassan" and "Hussein", "Mahmoud" and "Mohammed") stay apart, and
//     names that differ by a consonant ("Dallas", "Dalal" against "Dallah")
//     never pass.

// Threshold is the score from which Similarity and Match take
// two names for the same name; Same uses it.
const Threshold = 0.9

// Skeleton returns the transliteration key of one word of a name: its
// consonants, lower-cased, with diacritics, apostrophes (ʿ ’ ') and vowels
// removed, and with the letters that transliterations of one sound disagree
// on folded into one class:
//
//	g gh kh k q c(hard) ck → k      t th d dh → t     sh ch sch tch → x
//	j dj zh → j                     f ph → f          p → b       x → ks
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

// Unit is one word of a normalised name.
type Unit struct {
	raw   string // folded, particles stripped, "abd" prefixes joined
	Skel  string
	phon  string
	vowel byte
}

// titles are titles and honorifics dropped from names before comparing.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"gen": true, "general": true, "col": true, "colonel": true, "lt": true, "lieutenant": true,
	"maj": true, "major": true, "capt": true, "captain": true, "sgt": true, "sergeant": true,
	"brig": true, "brigadier": true, "adm": true, "admiral": true, "cmdr": true, "commander": true,
	"president": true, "vice": true, "prime": true, "minister": true, "sheikh": true, "shaikh": true,
	"sheik": true, "sen": true, "senator": true, "rep": true, "gov": true, "governor": true,
	"king": true, "queen": true, "prince": true, "princess": true, "emir": true, "sir": true,
	"lord": true, "lady": true, "imam": true, "ayatollah": true, "rev": true, "reverend": true,
	"judge": true, "justice": true, "mayor": true, "chancellor": true, "sultan": true, "crown": true,
	"former": true, "late": true, "st": true, "saint": true, "hon": true, "mme": true, "mlle": true,
}

// functionWords are lower-case words of organisation names that carry no
// identity: "Institute for the Study of War".
var functionWords = map[string]bool{
	"the": true, "of": true, "for": true, "and": true, "on": true, "in": true, "de": true, "du": true,
	"des": true, "la": true, "le": true, "der": true, "van": true, "von": true, "da": true, "di": true,
}

// Units normalises a name into comparable words: titles, particles,
// function words and initials are dropped, "Abd"-forms joined to the next
// word.
func Units(name string) []Unit {
	var stack [128]byte
	words := strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' || r == '/' || r == '&'
	})
	raws := make([]string, 0, len(words))
	for _, w := range words {
		f := foldWord(stack[:0], w)
		var b strings.Builder
		parts := strings.Split(string(f), "-")
		for i, p := range parts {
			var next []byte
			if i+1 < len(parts) {
				next = []byte(parts[i+1])
			}
			if p == "" || text.Particle(p) || assimilated([]byte(p), next) || functionWords[p] {
				continue
			}
			b.WriteString(p)
		}
		if b.Len() > 0 {
			raws = append(raws, b.String())
		}
	}
	// Titles lead a name: drop them while a name word follows.
	for len(raws) > 1 && titles[raws[0]] {
		raws = raws[1:]
	}
	// Initials ("Charles R. Lister") carry little; drop them from longer names.
	if len(raws) > 2 {
		kept := raws[:0:0]
		for _, r := range raws {
			if utf8.RuneCountInString(r) > 1 {
				kept = append(kept, r)
			}
		}
		if len(kept) >= 2 {
			raws = kept
		}
	}
	units := make([]Unit, 0, len(raws))
	for i := 0; i < len(raws); i++ {
		r := raws[i]
		switch r {
		case "abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil":
			if i+1 < len(raws) {
				r = "abd" + raws[i+1]
				i++
			}
		}
		units = append(units, makeUnit(r))
	}
	return units
}

func makeUnit(raw string) Unit {
	u := Unit{raw: raw, Skel: Skeleton(raw)}
	u.phon, u.vowel = phonetic(raw)
	return u
}

// jaroWinkler is the Jaro-Winkler similarity of two strings, byte-wise:
// the definition of github.com/adrg/strutil/metrics.JaroWinkler (match
// window of half the longer length, common prefix of up to 4, scaling
// 0.1), without its allocations, for the ASCII comparison forms names are
// reduced to. TestJaroWinklerAgreesWithStrutil checks the two agree.
func jaroWinkler(a, b string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > 64 || len(b) > 64 {
		m := metrics.JaroWinkler{CaseSensitive: true}
		return m.Compare(a, b)
	}
	window := max(len(a), len(b)) / 2
	var usedB [64]bool
	var matchA [64]byte
	m := 0
	for i := 0; i < len(a); i++ {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !usedB[j] && a[i] == b[j] {
				usedB[j] = true
				matchA[m] = a[i]
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	// strutil counts transpositions position by position over the matched
	// runes of each side, each side matched greedily against the other.
	var matchB [64]byte
	mb := 0
	var usedA [64]bool
	for j := 0; j < len(b); j++ {
		lo, hi := max(0, j-window), min(len(a), j+window+1)
		for i := lo; i < hi; i++ {
			if !usedA[i] && b[j] == a[i] {
				usedA[i] = true
				matchB[mb] = b[j]
				mb++
				break
			}
		}
	}
	t := 0
	for k := 0; k < min(m, mb); k++ {
		if matchA[k] != matchB[k] {
			t++
		}
	}
	jaro := (float64(m)/float64(len(a)) + float64(mb)/float64(len(b)) + float64(m-t/2)/float64(m)) / 3
	prefix := 0
	for prefix < 4 && prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + 0.1*float64(prefix)*(1-jaro)
}

// wordSimilarity scores two name words: at least 0.9 when they share a skeleton
// and their first vowels agree, below 0.85 otherwise.
func wordSimilarity(a, b Unit) float64 {
	if a.raw == b.raw {
		return 1
	}
	jw := jaroWinkler(a.phon, b.phon)
	if a.Skel != "" && a.Skel == b.Skel {
		if !vowelsAgree(a.vowel, b.vowel) {
			return 0.5 + 0.3*jw
		}
		if len(a.Skel) <= 1 {
			// One consonant says little: lean on the whole word.
			return 0.8 + 0.2*jw
		}
		return 0.9 + 0.1*jw
	}
	if len(a.raw) >= 6 && nearLetterTypo(a.raw, b.raw) {
		// A long word with one letter swapped for one that sounds alike:
		// "Iorlian" for "Iorliam" (but "Dallas" is not "Dallah").
		return max(0.92, 0.85*jw)
	}
	return 0.85 * jw
}

// nearLetters are pairs of letters that sound alike.
var nearLetters = map[[2]byte]bool{
	{'m', 'n'}: true, {'c', 'k'}: true, {'s', 'z'}: true, {'i', 'y'}: true, {'v', 'w'}: true,
	{'b', 'p'}: true, {'d', 't'}: true, {'g', 'k'}: true, {'q', 'k'}: true, {'f', 'v'}: true,
}

// nearLetterTypo reports whether a and b differ in one letter only, not
// the first, and the two letters sound alike.
func nearLetterTypo(a, b string) bool {
	if len(a) != len(b) || a[0] != b[0] {
		return false
	}
	diff := -1
	for i := range len(a) {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	x, y := min(a[diff], b[diff]), max(a[diff], b[diff])
	return nearLetters[[2]byte{x, y}]
}

// pair is an aligned pair of name words.
type pair struct {
	sim          float64
	covA, covB   int // words covered on each side (2 when two words are joined)
	firstA, endA int // word range on side A
	firstB, endB int
}

// align finds the monotone alignment of the words of a and b that
// maximises the summed similarity; a word of one side may also match two
// adjacent words of the other written apart ("Nasr Allah", "Nasrallah").
// Pairs below minSim are not aligned.
func align(a, b []Unit) []pair {
	const minSim = 0.5
	n, m := len(a), len(b)
	type cell struct {
		score float64
		prevI int
		prevJ int
		pair  *pair
	}
	// Two adjacent words written apart that may be one word of the other
	// name: only worth trying when the other side has fewer words.
	joins := func(u []Unit, other int) []Unit {
		if len(u) < 2 || other >= len(u) {
			return make([]Unit, max(len(u)-1, 0))
		}
		out := make([]Unit, len(u)-1)
		for k := range out {
			out[k] = makeUnit(u[k].raw + u[k+1].raw)
		}
		return out
	}
	joinA, joinB := joins(a, m), joins(b, n)
	dp := make([]cell, (n+1)*(m+1))
	at := func(i, j int) *cell { return &dp[i*(m+1)+j] }
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			c := at(i, j)
			c.score = -1
			if i == 0 && j == 0 {
				c.score = 0
				continue
			}
			try := func(pi, pj int, add float64, p *pair) {
				if pi < 0 || pj < 0 {
					return
				}
				s := at(pi, pj).score + add
				if s > c.score {
					c.score, c.prevI, c.prevJ, c.pair = s, pi, pj, p
				}
			}
			try(i-1, j, 0, nil)
			try(i, j-1, 0, nil)
			if i >= 1 && j >= 1 {
				if s := wordSimilarity(a[i-1], b[j-1]); s >= minSim {
					try(i-1, j-1, s, &pair{sim: s, covA: 1, covB: 1, firstA: i - 1, endA: i, firstB: j - 1, endB: j})
				}
			}
			if i >= 2 && j >= 1 && joinA[i-2].raw != "" {
				if s := wordSimilarity(joinA[i-2], b[j-1]); s >= Threshold {
					try(i-2, j-1, 2*s, &pair{sim: s, covA: 2, covB: 1, firstA: i - 2, endA: i, firstB: j - 1, endB: j})
				}
			}
			if i >= 1 && j >= 2 && joinB[j-2].raw != "" {
				if s := wordSimilarity(a[i-1], joinB[j-2]); s >= Threshold {
					try(i-1, j-2, 2*s, &pair{sim: s, covA: 1, covB: 2, firstA: i - 1, endA: i, firstB: j - 2, endB: j})
				}
			}
		}
	}
	var pairs []pair
	for i, j := n, m; i > 0 || j > 0; {
		c := at(i, j)
		if c.pair != nil {
			pairs = append(pairs, *c.pair)
		}
		i, j = c.prevI, c.prevJ
	}
	for l, r := 0, len(pairs)-1; l < r; l, r = l+1, r-1 {
		pairs[l], pairs[r] = pairs[r], pairs[l]
	}
	return pairs
}

// pairScore combines aligned pairs, weighing the weakest: one wrong word
// makes a wrong name.
func pairScore(pairs []pair) float64 {
	if len(pairs) == 0 {
		return 0
	}
	lo, sum := 1.0, 0.0
	for _, p := range pairs {
		lo = min(lo, p.sim)
		sum += p.sim
	}
	return 0.6*lo + 0.4*sum/float64(len(pairs))
}

// Similarity scores how likely two names are the same name written in
// different Latin spellings, from 0 (different) to 1 (same); from
// Threshold (0.9) on they are taken for the same name (Same).
//
// Both names are normalised (case, diacritics, apostrophes, hyphens, the
// particles al-/el-/bin/ibn, titles such as Mr., Dr., Gen., President, and
// function words of organisation names) and compared word by word in
// order. Two words match when they share a Skeleton and their first vowels
// agree, scored by Jaro-Winkler on a vowel-normalised form; words with
// different skeletons score below 0.85, so "Dallas" or "Dalal" never pass
// for "Dallah". A word may also match two words written apart
// ("Abdulrahman", "Abdel Rahman"). Words present in only one of the names
// lower the score: "Shara" against "Ahmed al-Shara" is below the threshold
// (use Match for partial names); a middle name more is not.
//
// Decisions: Hassan/Hasan and Hussein/Husayn/Hussain are different names
// (their first vowels differ); Jamal and Gamal are different (g is read as
// the k-class, as in Gaith); a single capitalised acronym matches the
// initials of the other name ("SNHR", "Syrian Network for Human Rights").
func Similarity(a, b string) float64 {
	if s, ok := acronymScore(a, b); ok {
		return s
	}
	if s, ok := acronymScore(b, a); ok {
		return s
	}
	ua, ub := Units(a), Units(b)
	if len(ua) == 0 || len(ub) == 0 {
		return 0
	}
	pairs := align(ua, ub)
	if len(pairs) == 0 {
		return 0
	}
	covA, covB := 0, 0
	for _, p := range pairs {
		covA += p.covA
		covB += p.covB
	}
	cov := float64(covA+covB) / float64(len(ua)+len(ub))
	score := pairScore(pairs) * (0.55 + 0.45*cov)
	// A middle name more is common; a different family name is not.
	if last := pairs[len(pairs)-1]; last.endA != len(ua) || last.endB != len(ub) {
		score *= 0.9
	}
	return clamp(score)
}

// Same reports whether two names are spellings of the same name:
// Similarity(a, b) >= Threshold.
func Same(a, b string) bool { return Similarity(a, b) >= Threshold }

// Match scores how well query, a name as a user or a later reference
// writes it, possibly partial ("Dallah", "al-Shara", "Mr. Lister"),
// matches the full name name ("Gaith Dalah", "Ahmed al-Shara"), from 0 to
// 1; from Threshold on it matches. Unlike Similarity it is not
// symmetric: every word of the query must be found in the name, in order,
// but the name may have more words. A query naming only a first name scores
// a little lower than one naming the family name. An all-capitals query of
// two to six letters matches the initials of the name ("SOHR").
func Match(query, name string) float64 {
	if s, ok := acronymScore(query, name); ok {
		return s
	}
	uq, un := Units(query), Units(name)
	if len(uq) == 0 || len(un) == 0 {
		return 0
	}
	return MatchUnits(uq, un)
}

// MatchUnits is Match on normalised names.
func MatchUnits(uq, un []Unit) float64 {
	pairs := align(uq, un)
	if len(pairs) == 0 {
		return 0
	}
	covQ, coversLast := 0, false
	for _, p := range pairs {
		covQ += p.covA
		if p.endB == len(un) {
			coversLast = true
		}
	}
	score := pairScore(pairs) * float64(covQ) / float64(len(uq))
	if !coversLast && len(un) > 1 {
		score *= 0.92
	}
	return clamp(score)
}

// acronymScore scores an acronym against a name's initials; ok is false
// when acronym is not one (2 to 6 capitals, optionally dotted: U.N.).
func acronymScore(acronym, name string) (float64, bool) {
	acr := AcronymLetters(acronym)
	if acr == "" {
		return 0, false
	}
	if AcronymLetters(name) != "" {
		if AcronymLetters(name) == acr {
			return 1, true
		}
		return 0, true
	}
	if strings.EqualFold(Initials(name), acr) {
		return 0.95, true
	}
	return 0, true
}

// AcronymLetters returns the letters of s when s is an acronym: 2 to 6
// upper-case letters, possibly dotted ("SNHR", "U.N."), else "".
func AcronymLetters(s string) string {
	s = strings.TrimSpace(s)
	var b [8]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if n == len(b) {
				return ""
			}
			b[n] = c
			n++
		case c == '.':
		default:
			return ""
		}
	}
	if n < 2 || n > 6 {
		return ""
	}
	return string(b[:n])
}

// Initials returns the initials of a name's significant words, upper-case:
// "Syrian Network for Human Rights" → "SNHR", "Hayat Tahrir al-Sham" → "HTS".
func Initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		parts := strings.Split(w, "-")
		for i, p := range parts {
			lp := strings.ToLower(p)
			if functionWords[lp] || text.Particle(lp) && i < len(parts)-1 || text.Particle(lp) && len(parts) == 1 {
				continue
			}
			if lp == "the" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(p)
			if unicode.IsUpper(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func clamp(x float64) float64 { return max(0, min(1, x)) }
