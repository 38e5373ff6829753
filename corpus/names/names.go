// Package names compares person and organisation names across their
// Latin spellings: a per-word transliteration key (Skeleton) for the
// search index, strict whole-name scores (Similarity, Match, Same) and
// the acronyms news reports use.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/strutil/metrics"

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
	if innerLetterDropped(a.raw, b.raw) || innerLetterDropped(b.raw, a.raw) {
		// One letter left out inside the word, as a hurried typist does:
		// "Kurz" for "Kurtz" (but "Kurt" is not "Kurtz").
		return max(0.9, 0.85*jw)
	}
	return 0.85 * jw
}

// innerLetterDropped reports whether short is long without one letter
// that is neither its first nor its last, short having four letters or
// more.
func innerLetterDropped(short, long string) bool {
	if len(short) < 4 || len(long) != len(short)+1 || short[0] != long[0] || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	for i := 1; i < len(long)-1; i++ {
		if short[:i] == long[:i] && short[i:] == long[i+1:] {
			return true
		}
	}
	return false
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
