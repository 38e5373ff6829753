package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention extraction.
//
// A paragraph is read as tokens (words and punctuation, with byte offsets).
// A mention is a run of capitalised words, allowing lower-case name
// particles between them ("Hayat Tahrir al-Sham", "Abd al-Rahman") and, in
// the names of organisations, lower-case function words ("Institute for the
// Study of War"). Titles that lead the run ("Mr.", "President", "Foreign
// Minister") are kept out of the name. Capitalised words that only start a
// sentence ("Residents", "Violence") are told from names by how the rest of
// the article writes them: a word also written in lower case, or never
// capitalised away from the start of a sentence, is not a name.

// entTok is one token of a paragraph: a word or a punctuation rune.
type entTok struct {
	s, e    int    // byte span; for a word, without its possessive suffix
	pe      int    // end of the token including a possessive suffix
	lw      string // a word, lower-cased
	r       rune   // the rune of a punctuation token
	word    bool
	upper   bool // a word that starts with a capital (and is not "Alawite-led")
	lower   bool // a word that starts with a lower-case letter
	pcap    bool // a particle joined to a capitalised name: al-Shara, ez-Zor
	poss    bool // followed by 's or ’s (or a plural ')
	initial bool // the first word of its sentence
	sent    int  // sentence number in the text
}

// entTokenize splits text into tokens and marks sentences.
func entTokenize(text string) []entTok {
	toks := make([]entTok, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !entWordRune(r) {
			toks = append(toks, entTok{s: i, e: i + size, pe: i + size, r: r})
			i += size
			continue
		}
		start, j := i, i+size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if entWordRune(r2) {
				j += s2
				continue
			}
			if j+s2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				prev, _ := utf8.DecodeLastRuneInString(text[start:j])
				if (entApostrophe(r2) || entHyphen(r2)) && entWordRune(r3) {
					j += s2
					continue
				}
				if (r2 == ',' || r2 == '.') && unicode.IsDigit(prev) && unicode.IsDigit(r3) {
					j += s2
					continue
				}
				// Dotted abbreviations: U.S., U.N.
				if r2 == '.' && unicode.IsUpper(prev) && unicode.IsUpper(r3) && entSingleLetterTail(text[start:j]) {
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
		t := entTok{s: start, e: j, pe: j, word: true}
		w := text[start:j]
		for _, suf := range [...]string{"'s", "’s"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				t.e, t.poss = j-len(suf), true
				break
			}
		}
		if !t.poss && strings.HasSuffix(w, "s") && j < len(text) {
			if r2, s2 := utf8.DecodeRuneInString(text[j:]); entApostrophe(r2) {
				next, _ := utf8.DecodeRuneInString(text[j+s2:])
				if j+s2 >= len(text) || !entWordRune(next) {
					t.poss, t.pe = true, j+s2
				}
			}
		}
		entClassifyWord(&t, text[t.s:t.e])
		toks = append(toks, t)
		i = t.pe
	}
	entMarkSentences(text, toks)
	return toks
}

func entWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func entApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`'
}

func entHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// entSingleLetterTail reports whether w ends in a single letter after a dot
// or is a single letter: "U", "U.S".
func entSingleLetterTail(w string) bool {
	k := strings.LastIndexByte(w, '.')
	return utf8.RuneCountInString(w[k+1:]) == 1
}

// entClassifyWord sets the case flags of a word token.
func entClassifyWord(t *entTok, w string) {
	t.lw = strings.ToLower(w)
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		t.upper = true
		// "Alawite-dominated", "Britain-based": an adjective, not a name.
		if h := entHyphenIndex(w); h > 0 {
			rest := w[h:]
			_, sz := utf8.DecodeRuneInString(rest)
			if n, _ := utf8.DecodeRuneInString(rest[sz:]); unicode.IsLower(n) && !nmParticle(strings.ToLower(strings.Trim(rest[sz:], "-"))) && !strings.Contains(rest[sz:], "-") {
				t.upper = false
			}
		}
	case unicode.IsLower(r):
		t.lower = true
		if h := entHyphenIndex(w); h > 0 && h <= len(t.lw) {
			prefix := t.lw[:h]
			_, sz := utf8.DecodeRuneInString(w[h:])
			n, _ := utf8.DecodeRuneInString(w[h+sz:])
			if unicode.IsUpper(n) && (nmParticle(prefix) || prefix == "abu" || prefix == "abd" || prefix == "es" || prefix == "ed" || prefix == "et" || prefix == "er" || prefix == "en" || prefix == "ul" || prefix == "il") {
				t.pcap, t.lower = true, false
			}
		}
	}
}

// entHyphenIndex returns the byte index of the first hyphen in w, or -1.
func entHyphenIndex(w string) int {
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

// entMarkSentences numbers the sentences of toks and marks the first word
// of each.
func entMarkSentences(text string, toks []entTok) {
	sent := 0
	first := true
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		t.sent = sent
		if t.word && first {
			t.initial = true
			first = false
		}
		if k+1 < len(toks) && strings.ContainsAny(text[t.pe:toks[k+1].s], "\n\r") {
			sent++
			first = true
			continue
		}
		if entSentenceEnd(text, toks, k) {
			// Closing quotes and brackets right after the stop belong to
			// this sentence.
			for k+1 < len(toks) && !toks[k+1].word && toks[k+1].s == toks[k].pe && entCloser(toks[k+1].r, text, toks[k+1].s) {
				k++
				toks[k].sent = sent
			}
			sent++
			first = true
		}
	}
}

// entCloser reports whether r at byte offset i closes a quote or bracket.
func entCloser(r rune, text string, i int) bool {
	switch r {
	case '”', '’', ')', ']', '»':
		return true
	case '"', '\'':
		return i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n'
	}
	return false
}

// entSentenceEnd reports whether token k ends a sentence.
func entSentenceEnd(text string, toks []entTok, k int) bool {
	t := &toks[k]
	var dotted bool
	switch {
	case !t.word && (t.r == '!' || t.r == '?' || t.r == '…' || t.r == '.'):
	case t.word && strings.HasSuffix(text[t.s:t.pe], "."):
		dotted = true // "U.S." at the end of a sentence
	default:
		return false
	}
	// The next word (past closing quotes) must start a sentence.
	n := k + 1
	for n < len(toks) && !toks[n].word && entCloser(toks[n].r, text, toks[n].s) && toks[n].s == toks[n-1].pe {
		n++
	}
	if n >= len(toks) {
		return true
	}
	if toks[n].s == toks[n-1].pe {
		return false // no space: "3.5", "e.g.x"
	}
	nt := &toks[n]
	if !nt.word {
		switch nt.r {
		case '“', '"', '‘', '(', '[', '—', '–', '-', '•':
		default:
			return false
		}
	} else {
		r, _ := utf8.DecodeRuneInString(text[nt.s:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	if dotted {
		return nt.word && entStopCaps[nt.lw]
	}
	if t.r == '.' && k > 0 && toks[k-1].word && toks[k-1].pe == t.s {
		p := &toks[k-1]
		if entAbbrev[p.lw] || utf8.RuneCountInString(p.lw) == 1 && p.upper {
			return false
		}
	}
	return true
}

// Sentences splits text into sentences, trimmed. It knows abbreviations
// (Mr., Dr., Gen., U.S., initials such as "Charles R. Lister"), keeps
// closing quotes with the sentence they end ("… plots,” Mr. al-Shara
// said."), and needs the next sentence to start with a capital, a digit or
// an opening quote, so that "3.5" or "e.g. the" do not split. A line break
// always ends a sentence.
func Sentences(text string) []string {
	toks := entTokenize(text)
	var out []string
	for a := 0; a < len(toks); {
		b := a
		for b < len(toks) && toks[b].sent == toks[a].sent {
			b++
		}
		if s := strings.TrimSpace(text[toks[a].s:toks[b-1].pe]); s != "" {
			out = append(out, s)
		}
		a = b
	}
	return out
}

// sentenceStarts returns the byte offset at which each sentence of text
// starts, as Sentences splits it.
func sentenceStarts(text string) []int {
	toks := entTokenize(text)
	var out []int
	for k := range toks {
		if k == 0 || toks[k].sent != toks[k-1].sent {
			out = append(out, toks[k].s)
		}
	}
	return out
}

// entSpan is a mention found in a paragraph.
type entSpan struct {
	tt, ts, te int // token indices: title start, name start, name end (exclusive)
	text       string
	title      string
	kind       MentionKind
	sure       bool // kind known from the text itself, not guessed
	// tentative marks a capitalised word that only starts a sentence: it is
	// a mention only if it names someone the article introduced before
	// ("Lister said" after "Charles Lister").
	tentative bool
	name      string
	roles     []string
}

// entStats records how an article writes each word, to tell names from
// capitalised sentence starts.
type entStats struct {
	lower  map[string]bool // written in lower case somewhere
	capMid map[string]bool // capitalised away from the start of a sentence
}

func newEntStats() *entStats {
	return &entStats{lower: map[string]bool{}, capMid: map[string]bool{}}
}

func (st *entStats) add(toks []entTok) {
	for i := range toks {
		t := &toks[i]
		switch {
		case !t.word:
		case t.lower:
			st.lower[t.lw] = true
		case t.upper && !t.initial:
			// A capital after an opening quote or a colon may be a sentence
			// start too; only count plain mid-sentence capitals.
			if i > 0 && !toks[i-1].word && toks[i-1].r != ',' && toks[i-1].r != '(' {
				continue
			}
			st.capMid[t.lw] = true
		}
	}
}

// entParagraphIsTitle reports whether a paragraph has no lower-case words:
// a headline, a byline or a footer ("Independence | Integrity").
func entParagraphIsTitle(toks []entTok) bool {
	words := 0
	for i := range toks {
		t := &toks[i]
		if !t.word {
			continue
		}
		words++
		if t.lower && len(t.lw) > 3 && !entNameConnectors[t.lw] && !entOrgConnectors[t.lw] {
			return false
		}
	}
	return words >= 2
}

// entScan finds the mentions of a paragraph (kinds guessed, names not yet
// resolved).
func entScan(text string, toks []entTok, st *entStats) []entSpan {
	if entParagraphIsTitle(toks) {
		return nil
	}
	var out []entSpan
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !t.word || !(t.upper || t.pcap) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			prev, n := &toks[j-1], &toks[j]
			if prev.poss || n.sent != prev.sent {
				break
			}
			if n.word && (n.upper || n.pcap) {
				j++
				continue
			}
			next := j + 1
			nextCap := next < len(toks) && toks[next].word && (toks[next].upper || toks[next].pcap) && toks[next].sent == n.sent
			if !n.word && n.r == '.' && n.s == prev.pe && prev.word && (entTitleAbbrev[prev.lw] || utf8.RuneCountInString(prev.lw) == 1 && prev.upper) && nextCap {
				j += 2
				continue
			}
			if n.word && entNameConnectors[n.lw] && nextCap {
				j += 2
				continue
			}
			if (n.word && entOrgConnectors[n.lw] || !n.word && n.r == '&') && entHasHead(toks, i, j) {
				k := next
				if k < len(toks) && toks[k].word && toks[k].lw == "the" {
					k++
				}
				if k < len(toks) && toks[k].word && toks[k].upper && !entStopCaps[toks[k].lw] && !entTimeWord(toks, k) && toks[k].sent == n.sent {
					j = k + 1
					continue
				}
			}
			// "Committee to Protect Journalists": "to" and a capitalised
			// verb phrase, not a destination ("the ministry to Gaza").
			if n.word && n.lw == "to" && entHasHead(toks, i, j) && next+1 < len(toks) {
				v, o := &toks[next], &toks[next+1]
				if v.word && v.upper && o.word && o.upper && !entPlaces[v.lw] && !entStopCaps[v.lw] && v.sent == n.sent && o.sent == n.sent {
					j = next + 2
					continue
				}
			}
			break
		}
		out = entProcess(out, text, toks, st, i, j)
		i = j
	}
	return out
}

// entHasHead reports whether the words toks[i:j] contain an organisation
// head or a title that may take "of"/"for": "Institute", "Secretary".
func entHasHead(toks []entTok, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].word && (entOrgHeads[toks[k].lw] || entTitleHeads[toks[k].lw]) {
			return true
		}
	}
	return false
}

// entProcess turns the capitalised run toks[i:j] into a span, if it names
// something.
func entProcess(out []entSpan, text string, toks []entTok, st *entStats, i, j int) []entSpan {
	idx := make([]int, 0, j-i)
	for k := i; k < j; k++ {
		if toks[k].word {
			idx = append(idx, k)
		}
	}
	// Function words, days and months that lead the run.
	for len(idx) > 0 && (entStopCaps[toks[idx[0]].lw] || entTimeWord(toks, idx[0])) {
		idx = idx[1:]
	}
	for len(idx) > 0 && (entTimeWord(toks, idx[len(idx)-1]) || toks[idx[len(idx)-1]].lower) {
		idx = idx[:len(idx)-1]
	}
	if len(idx) == 0 {
		return out
	}
	orgAll := entAnyHead(toks, idx)
	k := entTitleLen(toks, idx)
	if k > 0 && entAnyHead(toks, idx[k:]) {
		k = 0
	}
	name := idx[k:]
	initial := toks[name[0]].initial && k == 0
	if k == 0 && !orgAll {
		// An adjective or a common word that starts the run: "Syrian
		// forces", "Shiite Islam", "Government Forces".
		for len(name) > 1 {
			f := &toks[name[0]]
			if entDemonym(f.lw) || initial && (st.lower[f.lw] || entCommonCaps[f.lw]) {
				name = name[1:]
				initial = false
				continue
			}
			break
		}
	}
	tentative := false
	if len(name) == 1 && k == 0 {
		w := &toks[name[0]]
		acr := nmAcronymLetters(text[w.s:w.e]) != ""
		known := entPlaces[w.lw] || entKnownOrgs[w.lw]
		switch {
		case entDemonym(w.lw) || entNonNames[w.lw] || utf8.RuneCountInString(w.lw) < 2:
			return out
		case acr || known:
		case initial && st.lower[w.lw]:
			return out
		case initial && !st.capMid[w.lw]:
			tentative = true
		case st.lower[w.lw] && !w.pcap:
			return out
		}
	}
	sp := entSpan{tt: idx[0], ts: name[0], te: name[len(name)-1] + 1, tentative: tentative}
	sp.text = text[toks[sp.ts].s:toks[sp.te-1].e]
	if k > 0 {
		end := toks[idx[k-1]].e
		if n := idx[k-1] + 1; n < len(toks) && !toks[n].word && toks[n].r == '.' && toks[n].s == end {
			end = toks[n].pe
		}
		sp.title = text[toks[idx[0]].s:end]
	}
	sp.kind, sp.sure = entKind(text, toks, name, k > 0, sp.tt)
	sp.roles = entRoles(text, toks, sp)
	return append(out, sp)
}

// entTimeWord reports whether a word names a day or a month ("May" only
// next to a number).
func entTimeWord(toks []entTok, k int) bool {
	lw := toks[k].lw
	if lw == "may" {
		near := func(n int) bool {
			return n >= 0 && n < len(toks) && toks[n].word && toks[n].lw != "" && unicode.IsDigit(rune(toks[n].lw[0]))
		}
		return near(k-1) || near(k+1)
	}
	return entWeekdays[lw] || entMonths[lw]
}

func entAnyHead(toks []entTok, idx []int) bool {
	for _, k := range idx {
		if entOrgHeads[toks[k].lw] {
			return true
		}
	}
	return false
}

// entTitleLen returns how many leading words of a run form a title:
// "Mr.", "President", "Syrian Foreign Minister", "Secretary of State".
func entTitleLen(toks []entTok, idx []int) int {
	best := 0
	for n := 0; n < len(idx)-1; n++ {
		lw := toks[idx[n]].lw
		switch {
		case entTitleHeads[lw] || entTitleAbbrev[lw]:
			best = n + 1
			// "Secretary of State": the word after "of" belongs to the title.
			if n+3 < len(idx) && toks[idx[n+1]].lw == "of" {
				best = n + 3
				n += 2
			}
		case entTitleMods[lw] || entDemonym(lw):
		default:
			return best
		}
	}
	return best
}

// entKind classifies a mention; sure is false when the kind is a guess that
// an earlier mention of the same name may correct.
func entKind(text string, toks []entTok, name []int, titled bool, tt int) (MentionKind, bool) {
	first, last := &toks[name[0]], &toks[name[len(name)-1]]
	whole := strings.ToLower(text[first.s:last.e])
	if titled {
		return Person, true
	}
	if entAnyHead(toks, name) || entKnownOrgs[whole] || entKnownOrgPhrases[whole] {
		return Organisation, true
	}
	if len(name) == 1 && nmAcronymLetters(text[first.s:first.e]) != "" {
		if entPlaces[first.lw] || entPlaces[strings.ReplaceAll(first.lw, ".", "")] {
			return Place, true
		}
		return Organisation, true
	}
	if entPlaceSuffix[last.lw] || entPlaces[whole] || first.lw == "mount" {
		return Place, true
	}
	// What the words before say: "the rebel group X", "brother X",
	// "the city of X", "in X".
	p := tt - 1
	if p >= 0 && toks[p].word && toks[p].lw == "of" && p-1 >= 0 && entPlaceNouns[toks[p-1].lw] {
		return Place, true
	}
	if p >= 0 && toks[p].word && toks[p].lower {
		switch {
		case entOrgNouns[toks[p].lw]:
			return Organisation, true
		case entPersonNouns[toks[p].lw]:
			return Person, true
		case entPlaceNouns[toks[p].lw]:
			return Place, true
		}
	}
	if p >= 0 && toks[p].word && entPlacePreps[toks[p].lw] && !last.poss {
		return Place, false
	}
	if len(name) >= 2 {
		return Person, false
	}
	return Organisation, false
}

// entRoles finds how the sentence describes a mention, quoting it:
// appositions before ("the country's interim president, X,") and after
// ("X, the director of …"), a noun before the name ("the rebel group X",
// "Mr. al-Assad's brother X"), and the title.
func entRoles(text string, toks []entTok, sp entSpan) []string {
	var roles []string
	add := func(a, b int) {
		if a < 0 || b <= a {
			return
		}
		r := strings.TrimSpace(strings.Trim(strings.TrimSpace(text[a:b]), ",;:—–-"))
		if r != "" && !entContains(roles, r) {
			roles = append(roles, r)
		}
	}
	sent := toks[sp.ts].sent
	prevWord := func(k int) *entTok {
		if k >= 0 && k < len(toks) && toks[k].word && toks[k].sent == sent {
			return &toks[k]
		}
		return nil
	}
	after := sp.te
	trailingComma := after >= len(toks) || toks[after].sent != sent ||
		!toks[after].word && (toks[after].r == ',' || toks[after].r == '.' || toks[after].r == ';')
	// Apposition before: "the country's interim president, X,".
	comma := sp.tt - 1
	if comma >= 0 && toks[comma].word && toks[comma].lw == "the" {
		comma-- // "Another monitoring group, the Syrian Network…"
	}
	if sp.kind != Place && comma >= 1 && !toks[comma].word && toks[comma].r == ',' && trailingComma {
		if a, ok := entWalkBack(toks, comma-1, sent, 12, false); ok {
			add(toks[a].s, toks[comma-1].pe)
		}
	}
	// A noun before the name: "the rebel group X".
	if p := prevWord(sp.tt - 1); p != nil && p.lower && (entPersonNouns[p.lw] || entOrgNouns[p.lw]) {
		if a, ok := entWalkBack(toks, sp.tt-1, sent, 6, true); ok {
			add(toks[a].s, toks[sp.tt-1].pe)
		}
	}
	if sp.title != "" && !entCourtesy[strings.ToLower(strings.TrimSuffix(sp.title, "."))] {
		add(toks[sp.tt].s, toks[sp.tt].s+len(sp.title))
	}
	// Apposition after: "X, the director of …", "X, who …".
	if sp.kind != Place && after+1 < len(toks) && !toks[after].word && toks[after].r == ',' && !toks[sp.te-1].poss {
		before := prevWord(sp.tt - 1)
		if before == nil || !entPlacePreps[before.lw] && !entTimePreps[before.lw] {
			n := &toks[after+1]
			if n.sent == sent && n.word && (entAppositionStart[n.lw] || n.poss || n.lower && entPersonNouns[n.lw]) {
				end := after + 1
				relative := n.lw == "who" || n.lw == "which" || n.lw == "whose"
				for end < len(toks) && toks[end].sent == sent {
					t := &toks[end]
					if !t.word && strings.ContainsRune(",;:—–()[]“”\"", t.r) || t.word && !relative && entSpeechVerbs[t.lw] {
						break
					}
					end++
				}
				for end > after+1 && !toks[end-1].word && !entCloser(toks[end-1].r, text, toks[end-1].s) {
					end--
				}
				if end-after-1 <= 30 && end > after+1 {
					add(toks[after+1].s, toks[end-1].pe)
				}
			}
		}
	}
	return roles
}

// entWalkBack walks back from token k over a noun phrase within sentence
// sent, at most max words, and returns its first token. It stops after a
// determiner (included) or before punctuation or a function word. With
// needDet, the phrase must end at a determiner or contain a possessive;
// without, a phrase that reaches the start of the sentence or a comma is
// also accepted. Phrases led by a preposition of place or time are not
// appositions ("In Damascus, X said").
func entWalkBack(toks []entTok, k, sent, max int, needDet bool) (int, bool) {
	start, words := -1, 0
	possessive, lowerWord := false, false
	for ; k >= 0 && toks[k].sent == sent && words < max; k-- {
		t := &toks[k]
		if !t.word {
			// "Mr." inside the phrase: the dot of a title abbreviation.
			if t.r == '.' && k > 0 && toks[k-1].word && entTitleAbbrev[toks[k-1].lw] {
				continue
			}
			break
		}
		if entDeterminers[t.lw] {
			if k > 0 && toks[k-1].word && toks[k-1].sent == sent && (entPlacePreps[toks[k-1].lw] || entTimePreps[toks[k-1].lw]) {
				return 0, false
			}
			return k, words > 0 && lowerWord
		}
		if t.lower && (entFunctionWords[t.lw] || entSpeechVerbs[t.lw]) {
			break
		}
		if t.upper && entStopCaps[t.lw] {
			if entPlacePreps[t.lw] || entTimePreps[t.lw] {
				return 0, false
			}
			break
		}
		if t.poss {
			possessive = true
		}
		if t.lower {
			lowerWord = true
		}
		start = k
		words++
	}
	if start < 0 || !lowerWord {
		return 0, false
	}
	// Without a determiner, a title before a name opens the sentence or a
	// clause, or follows a speech verb: "State governor X said", "In Guma,
	// State governor X…", "said police spokesperson X".
	opens := k < 0 || toks[k].sent != sent || !toks[k].word || entSpeechVerbs[toks[k].lw]
	if needDet && !possessive && !opens {
		return 0, false
	}
	if !needDet && k >= 0 && toks[k].sent == sent && toks[k].word {
		// Stopped at a function word, not at a boundary: not an apposition.
		return 0, false
	}
	return start, true
}

// RoleNoun reports whether word names a position or a relation that
// describes a person: "governor", "spokesperson", "minister", "brother".
func RoleNoun(word string) bool { return entPersonNouns[strings.ToLower(word)] }

func entContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// entEntity is a person, organisation or place named in an article.
type entEntity struct {
	name  string
	kind  MentionKind
	count int
	last  int // order of its latest mention
	units []nmUnit
	skels map[string]bool
	acr   string
}

// entRegistry resolves the mentions of one article to full names.
type entRegistry struct {
	ents    []*entEntity
	aliases map[string]*entEntity // acronyms defined in brackets
	clock   int
	units   map[string][]nmUnit // nmUnits by text: names recur
	sims    map[[2]string]float64
}

// resolve sets sp.name (and the kind when it was a guess). A tentative
// span that names no one known is not added; resolve reports whether the
// span stands.
func (rg *entRegistry) resolve(sp *entSpan, toks []entTok, prev *entSpan) bool {
	rg.clock++
	// "the Syrian Network for Human Rights (SNHR)": the acronym is an alias.
	if acr := nmAcronymLetters(sp.text); acr != "" {
		if prev != nil && prev.kind == Organisation && sp.tt >= 2 && !toks[sp.tt-1].word && toks[sp.tt-1].r == '(' && prev.te == sp.tt-1 {
			if e := rg.find(prev.name); e != nil {
				rg.aliases[acr] = e
			}
		}
		if e := rg.aliases[acr]; e != nil {
			rg.use(e, sp)
			return true
		}
		var best *entEntity
		for _, e := range rg.ents {
			if e.kind == Organisation && e.acr == acr && (best == nil || e.last > best.last) {
				best = e
			}
		}
		if best != nil {
			rg.use(best, sp)
			return true
		}
		rg.add(sp)
		return true
	}
	units := rg.unitsOf(sp.text)
	if len(units) == 0 {
		if sp.tentative {
			return false
		}
		rg.add(sp)
		return true
	}
	var best *entEntity
	for _, e := range rg.ents {
		if e.kind == Place || sp.sure && sp.kind == Place {
			if e.name == sp.text && e.kind == sp.kind {
				best = e
				break
			}
			continue
		}
		if sp.sure && e.kind != sp.kind || len(units) > len(e.units) {
			continue
		}
		shared := false
		for _, u := range units {
			if e.skels[u.skel] {
				shared = true
				break
			}
		}
		if !shared {
			continue
		}
		if rg.similarity(sp.text, units, e) < NameThreshold {
			continue
		}
		if best == nil || e.count > best.count {
			best = e
		}
	}
	if best != nil {
		rg.use(best, sp)
		return true
	}
	if sp.tentative {
		return false
	}
	rg.add(sp)
	return true
}

// unitsOf returns nmUnits(text), computing it once per text; the result
// must not be modified.
func (rg *entRegistry) unitsOf(text string) []nmUnit {
	if u, ok := rg.units[text]; ok {
		return u
	}
	if rg.units == nil {
		rg.units = map[string][]nmUnit{}
	}
	u := nmUnits(text)
	rg.units[text] = u
	return u
}

// similarity returns nmMatchUnits(units, e.units) for the mention text
// whose units these are, computing it once per text and entity: a name is
// mentioned again and again.
func (rg *entRegistry) similarity(text string, units []nmUnit, e *entEntity) float64 {
	key := [2]string{text, e.name}
	if s, ok := rg.sims[key]; ok {
		return s
	}
	if rg.sims == nil {
		rg.sims = map[[2]string]float64{}
	}
	s := nmMatchUnits(units, e.units)
	rg.sims[key] = s
	return s
}

func (rg *entRegistry) find(name string) *entEntity {
	for _, e := range rg.ents {
		if e.name == name {
			return e
		}
	}
	return nil
}

func (rg *entRegistry) use(e *entEntity, sp *entSpan) {
	e.count++
	e.last = rg.clock
	sp.name = e.name
	if !sp.sure {
		sp.kind = e.kind
	}
}

func (rg *entRegistry) add(sp *entSpan) {
	e := &entEntity{name: sp.text, kind: sp.kind, count: 1, last: rg.clock, units: rg.unitsOf(sp.text), skels: map[string]bool{}}
	for _, u := range e.units {
		e.skels[u.skel] = true
	}
	if sp.kind == Organisation {
		e.acr = strings.ToUpper(nmInitials(sp.text))
		if len(e.acr) < 2 {
			e.acr = ""
		}
	}
	rg.ents = append(rg.ents, e)
	sp.name = sp.text
}

// entArticleScan tokenizes every paragraph of an article and finds its
// mentions, unresolved.
func entArticleScan(a *Article) ([][]entTok, [][]entSpan) {
	toks := make([][]entTok, len(a.Paragraphs))
	st := newEntStats()
	for i := range a.Paragraphs {
		toks[i] = entTokenize(a.Paragraphs[i].Text)
		st.add(toks[i])
	}
	spans := make([][]entSpan, len(a.Paragraphs))
	for i := range a.Paragraphs {
		spans[i] = entScan(a.Paragraphs[i].Text, toks[i], st)
		// The article's own outlet is an organisation, however its name
		// reads ("told Levant Daily").
		for k := range spans[i] {
			if a.Source != "" && strings.EqualFold(strings.TrimPrefix(spans[i][k].text, "The "), strings.TrimPrefix(a.Source, "The ")) {
				spans[i][k].kind = Organisation
			}
		}
	}
	return toks, spans
}

// entArticleSpans scans every paragraph of an article and resolves its
// mentions; the result has one slice of spans per paragraph.
func entArticleSpans(a *Article) ([][]entTok, [][]entSpan) {
	toks, spans := entArticleScan(a)
	return toks, entResolveSpans(toks, spans)
}

// entResolveSpans resolves the scanned spans of an article's paragraphs
// (entArticleScan) in place, dropping tentative ones that name no one.
func entResolveSpans(toks [][]entTok, spans [][]entSpan) [][]entSpan {
	rg := &entRegistry{aliases: map[string]*entEntity{}}
	for i := range spans {
		found := spans[i]
		kept := found[:0]
		for k := range found {
			var prev *entSpan
			if len(kept) > 0 {
				prev = &kept[len(kept)-1]
			}
			if rg.resolve(&found[k], toks[i][:len(toks[i]):len(toks[i])], prev) {
				kept = append(kept, found[k])
			}
		}
		spans[i] = kept
	}
	return spans
}

// extractMentions fills each paragraph's Mentions: every distinct name as
// written, resolved within the article, with how the paragraph describes it.
func extractMentions(a *Article) {
	_, spans := entArticleSpans(a)
	setMentions(a, spans)
}

// setMentions fills each paragraph's Mentions from its resolved spans.
func setMentions(a *Article, spans [][]entSpan) {
	for i := range a.Paragraphs {
		a.Paragraphs[i].Mentions = entMentions(spans[i])
	}
}

// entMentions turns a paragraph's spans into mentions: one per distinct
// text and name, roles gathered on the first mention of the name.
func entMentions(spans []entSpan) []Mention {
	var out []Mention
	for _, sp := range spans {
		role := strings.Join(sp.roles, "; ")
		dup := false
		for k := range out {
			if out[k].Name != sp.name {
				continue
			}
			if role != "" && !strings.Contains(out[k].Role, role) {
				if out[k].Role != "" {
					out[k].Role += "; "
				}
				out[k].Role += role
			}
			if out[k].Text == sp.text {
				dup = true
			}
			role = ""
		}
		if !dup {
			out = append(out, Mention{Text: sp.text, Name: sp.name, Kind: sp.kind, Role: role})
		}
	}
	return out
}

// Word tables. They are read-only after initialisation.

func entSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// entDemonym reports whether w (lower case) is a nationality, sect or
// language adjective, or its plural: "syrian", "alawites".
func entDemonym(w string) bool {
	return entDemonyms[w] || strings.HasSuffix(w, "s") && entDemonyms[w[:len(w)-1]]
}

var (
	entStopCaps = entSet(`the a an but and or so yet nor on in at for of by with from to as if when while after before
		since until although though however meanwhile also still then now today yesterday tomorrow earlier later last next
		this that these those there here it its he she they we i you his her their our my your most many some several few
		all both each every any no not such other others another among about over under more less much what who whom whose
		which where why how despite during amid following according without within across around near inside outside
		against between through throughout into once just only even instead indeed thus therefore further furthermore
		moreover overall asked speaking separately elsewhere unlike like because whether up down off out nearly almost
		approximately roughly please yes hence again already perhaps maybe one two three four five six seven eight nine ten
		dozens hundreds thousands first second third finally eventually initially subsequently according`)
	entCommonCaps = entSet(`government officials official residents resident witnesses activists police authorities
		security forces troops soldiers fighters protesters demonstrators critics analysts experts diplomats sources
		medics doctors rescuers families people civilians gunmen militants rebels violence clashes fighting attacks
		state local regional national international military army opposition president minister leaders leader`)
	entNonNames = entSet(`islam god christianity judaism ramadan eid christmas easter internet advertisement photo
		video reporting editing writing additional related read share subscribe sign follow ok tv covid`)
	entWeekdays = entSet(`monday tuesday wednesday thursday friday saturday sunday`)
	entMonths   = entSet(`january february march april june july august september october november december jan feb
		mar apr jun jul aug sep sept oct nov dec`)
	entDemonyms = entSet(`syrian iraqi iranian israeli lebanese jordanian egyptian turkish russian ukrainian chinese
		indian pakistani afghan yemeni libyan sudanese tunisian algerian moroccan saudi qatari kuwaiti emirati omani
		bahraini palestinian american british english french german italian spanish european african asian arab
		arabic kurdish kurd persian hebrew western eastern northern southern alawite shiite shia sunni druze muslim
		islamist jihadist jewish ottoman soviet somali ethiopian nigerian greek cypriot armenian japanese korean
		canadian mexican brazilian australian dutch swiss swedish norwegian polish belgian austrian`)
	entPlaces = entSet(`syria iraq iran israel lebanon jordan egypt turkey türkiye russia ukraine china india pakistan
		afghanistan yemen libya sudan tunisia algeria morocco qatar kuwait bahrain oman gaza jerusalem palestine
		america us u.s. usa uk u.k. uae britain england france germany italy spain europe africa asia washington moscow
		london paris beirut damascus baghdad tehran cairo ankara istanbul riyadh doha geneva brussels kyiv kiev beijing
		somalia ethiopia nigeria mali niger chad kenya greece cyprus armenia azerbaijan japan canada mexico brazil
		venezuela colombia myanmar bangladesh indonesia philippines australia kurdistan golan sinai levant
		mediterranean aleppo homs idlib`)
	entKnownOrgs = entSet(`reuters afp ap bbc cnn sana anadolu xinhua tass interfax bloomberg telegram facebook twitter
		youtube instagram whatsapp hezbollah hamas taliban houthis isis isil daesh kremlin pentagon nato hizbollah`)
	entKnownOrgPhrases = map[string]bool{"al jazeera": true, "al arabiya": true, "al-manar": true, "al manar": true, "white helmets": true, "doctors without borders": true, "islamic state": true, "al-qaeda": true, "al qaeda": true}
	entOrgHeads        = entSet(`observatory network institute council division ministry army forces force front party
		committee commission agency group organization organisation brigade brigades movement union office bank
		university court department association federation centre center foundation fund programme corps guard
		guards authority service services bureau assembly parliament senate congress police watch international
		crescent cross nations coalition alliance administration company corporation inc ltd times news post journal
		press presse broadcasting television tv radio unit units battalion legion militia mission secretariat league board
		church society academy trust initiative directorate command regiment navy airforce cabinet government
		tribunal defence defense protection helmets`)
	entPlaceSuffix = entSet(`province provinces governorate governorates city coast region district county valley
		mountains mountain river sea gulf strait island islands peninsula desert heights bay lake square street road
		highway airport camp village town crossing border basin plain plains countryside neighborhood neighbourhood
		quarter port harbour harbor hills hill oasis canal dam airbase prison hospital mosque`)
	entPlaceNouns = entSet(`town city village province region district neighbourhood neighborhood capital country port
		area governorate suburb camp coast island`)
	entOrgNouns = entSet(`group organisation organization agency monitor militia faction movement party network
		outlet newspaper broadcaster channel ministry council company firm coalition alliance body watchdog charity
		institute observatory authority committee website platform station daily magazine union court university
		ngo daily`)
	entPersonNouns = entSet(`president leader minister general commander spokesman spokeswoman spokesperson official
		officer chief head director founder chairman chairwoman analyst researcher fellow expert professor envoy
		ambassador governor mayor brother sister son daughter wife husband father mother cousin uncle nephew niece
		colleague lawyer activist journalist reporter correspondent doctor resident witness cleric preacher secretary
		adviser advisor aide deputy ruler dictator strongman king prince emir candidate premier colonel lieutenant
		captain sergeant warlord commentator economist historian scholar author writer editor photographer survivor
		friend citizen businessman executive judge prosecutor negotiator mediator rapporteur coordinator representative`)
	entPlacePreps    = entSet(`in near across outside inside throughout around towards toward into at`)
	entTimePreps     = entSet(`on after before during since until following amid despite under over`)
	entDeterminers   = entSet(`the a an its his her their this that these those another one`)
	entFunctionWords = entSet(`by of in on at to for with from and or but that which who whom whose as than is was were
		are be been being has have had will would can could should may might must not also it he she they we i you
		when while where if because although though after before since until during into onto upon about against
		between through throughout across over under near without within amid despite towards toward according`)
	entAppositionStart = entSet(`the a an his her its their who which whose one former also now then`)
	entCourtesy        = entSet(`mr mrs ms miss dr sir mme mlle m`)
	entTitleAbbrev     = entSet(`mr mrs ms dr gen col lt maj capt sgt brig adm prof rev sen rep gov cmdr mme mlle st`)
	entAbbrev          = entSet(`mr mrs ms dr gen col lt maj capt sgt cpl pvt brig adm cmdr prof rev sen rep gov pres mme mlle
		st jr sr mt ft hon insp supt no nos vs etc approx est dept fig inc ltd co corp jan feb mar apr jun jul aug sep sept
		oct nov dec`)
	entTitleHeads = entSet(`president minister secretary secretary-general sheikh shaikh sheik king queen prince
		princess emir sultan imam ayatollah pope senator governor mayor judge chancellor general colonel lieutenant
		major captain sergeant commander chairman chief director ambassador envoy spokesman spokeswoman premier
		archbishop bishop patriarch cardinal rabbi sir dame lord lady mr mrs ms miss dr gen col lt maj capt sgt brig adm
		prof rev sen rep gov cmdr mme mlle field-marshal marshal`)
	entTitleMods = entSet(`vice prime deputy acting interim former foreign defence defense interior finance health
		justice crown supreme grand brigadier rear attorney home economy energy education security army police
		state first chief executive field`)
	entNameConnectors = entSet(`al el bin ibn bint abu de da di du dos das del della van von der den la le ter ben`)
	entOrgConnectors  = entSet(`of for the on and de`)
	entSpeechVerbs    = entSet(`said says say told tells added adds noted notes stated states reported reports
		announced announces claimed claims estimated estimates warned warns wrote writes tweeted posted insisted
		insists argued argues explained explains confirmed confirms denied denies acknowledged acknowledges alleged
		alleges asserted asserts declared declares stressed stresses according quoted cited citing rejected
		dismissed recounted recalled accused`)
)
