package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
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

// mentionSpan is a mention found in a paragraph.
type mentionSpan struct {
	tt, ts, te int // token indices: title start, name start, name end (exclusive)
	text       string
	title      string
	kind       corpus.MentionKind
	sure       bool // kind known from the text itself, not guessed
	// tentative marks a capitalised word that only starts a sentence: it is
	// a mention only if it names someone the article introduced before
	// ("Lister said" after "Charles Lister").
	tentative bool
	name      string
	roles     []string
}

// stats records how an article writes each word, to tell names from
// capitalised sentence starts.
type stats struct {
	lowered map[string]bool // written in lower case somewhere
	capMid  map[string]bool // capitalised away from the start of a sentence
}

func newStats() *stats {
	return &stats{lowered: map[string]bool{}, capMid: map[string]bool{}}
}

func (st *stats) add(toks []text.Token) {
	for i := range toks {
		t := &toks[i]
		switch {
		case !t.IsWord():
		case t.Lowercase:
			st.lowered[t.Lower] = true
		case t.Capital && !t.First:
			// A capital after an opening quote or a colon may be a sentence
			// start too; only count plain mid-sentence capitals.
			if i > 0 && !toks[i-1].IsWord() && toks[i-1].Rune != ',' && toks[i-1].Rune != '(' {
				continue
			}
			st.capMid[t.Lower] = true
		}
	}
}

// paragraphIsTitle reports whether a paragraph has no lower-case words:
// a headline, a byline or a footer ("Independence | Integrity").
func paragraphIsTitle(toks []text.Token) bool {
	words := 0
	for i := range toks {
		t := &toks[i]
		if !t.IsWord() {
			continue
		}
		words++
		if t.Lowercase && len(t.Lower) > 3 && !nameConnectors[t.Lower] && !orgConnectors[t.Lower] {
			return false
		}
	}
	return words >= 2
}

// scanMentions finds the mentions of a paragraph (kinds guessed, names not yet
// resolved).
func scanMentions(txt string, toks []text.Token, st *stats) []mentionSpan {
	if paragraphIsTitle(toks) {
		return nil
	}
	var out []mentionSpan
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !t.IsWord() || !(t.Capital || t.JoinedParticle) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			prev, n := &toks[j-1], &toks[j]
			if prev.Possessive || n.Sentence != prev.Sentence {
				break
			}
			if n.IsWord() && (n.Capital || n.JoinedParticle || n.Upper && text.HyphenatedNamePart(n.Lower)) {
				// A hyphenated word within a name: "Park Hee-young".
				j++
				continue
			}
			next := j + 1
			nextCap := next < len(toks) && toks[next].IsWord() && (toks[next].Capital || toks[next].JoinedParticle) && toks[next].Sentence == n.Sentence
			if !n.IsWord() && n.Rune == '.' && n.Start == prev.PossEnd && prev.IsWord() && (text.TitleAbbreviations[prev.Lower] || utf8.RuneCountInString(prev.Lower) == 1 && prev.Capital) && nextCap {
				j += 2
				continue
			}
			if n.IsWord() && nameConnectors[n.Lower] && nextCap {
				j += 2
				continue
			}
			joins := n.IsWord() && n.Lower != "and" && orgConnectors[n.Lower] && hasHead(toks, i, j) ||
				(n.IsWord() && n.Lower == "and" || !n.IsWord() && n.Rune == '&') && hasOrgHead(toks, i, j)
			if joins {
				k := next
				if k < len(toks) && toks[k].IsWord() && toks[k].Lower == "the" {
					k++
				}
				if k < len(toks) && toks[k].IsWord() && toks[k].Capital && !text.SentenceOpeners[toks[k].Lower] && !timeWord(toks, k) && toks[k].Sentence == n.Sentence {
					j = k + 1
					continue
				}
			}
			// "Committee to Protect Journalists": "to" and a capitalised
			// verb phrase, not a destination ("the ministry to Gaza").
			if n.IsWord() && n.Lower == "to" && hasHead(toks, i, j) && next+1 < len(toks) {
				v, o := &toks[next], &toks[next+1]
				if v.IsWord() && v.Capital && o.IsWord() && o.Capital && !knownPlace(v.Lower) && !text.SentenceOpeners[v.Lower] && v.Sentence == n.Sentence && o.Sentence == n.Sentence {
					j = next + 2
					continue
				}
			}
			break
		}
		out = processRun(out, txt, toks, st, i, j)
		i = j
	}
	return out
}

// companyTitles are titles of a company's officers, which are no part of
// a name after them: "CEO of Parametrix" is a role and a company, where
// "Secretary of State" is one title.
var companyTitles = text.NewSet("ceo cfo coo cto founder co-founder")

// hasHead reports whether the words toks[i:j] contain an organisation
// head or a title that may take "of"/"for": "Institute", "Secretary".
func hasHead(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].IsWord() && (text.OrgHeads[toks[k].Lower] || text.Titles[toks[k].Lower] && !companyTitles[toks[k].Lower]) {
			return true
		}
	}
	return false
}

// hasOrgHead reports whether the words toks[i:j] contain an organisation
// head, which may take "and": "the Ministry of Interior and Safety", not
// "Chief Park and Fire Chief Choi".
func hasOrgHead(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].IsWord() && text.OrgHeads[toks[k].Lower] {
			return true
		}
	}
	return false
}

// processRun turns the capitalised run toks[i:j] into a span, if it names
// something.
func processRun(out []mentionSpan, txt string, toks []text.Token, st *stats, i, j int) []mentionSpan {
	idx := make([]int, 0, j-i)
	for k := i; k < j; k++ {
		if toks[k].IsWord() {
			idx = append(idx, k)
		}
	}
	// Function words, days and months that lead the run.
	for len(idx) > 0 && (text.SentenceOpeners[toks[idx[0]].Lower] || timeWord(toks, idx[0])) {
		idx = idx[1:]
	}
	for len(idx) > 0 && (timeWord(toks, idx[len(idx)-1]) || toks[idx[len(idx)-1]].Lowercase) {
		idx = idx[:len(idx)-1]
	}
	if len(idx) == 0 {
		return out
	}
	orgAll := anyHead(toks, idx)
	k := titleLen(toks, idx)
	if k > 0 && anyHead(toks, idx[k:]) {
		k = 0
	}
	name := idx[k:]
	initial := toks[name[0]].First && k == 0
	if k == 0 && !orgAll {
		// An adjective or a common word that starts the run: "Syrian
		// forces", "Shiite Islam", "Government Forces".
		for len(name) > 1 {
			f := &toks[name[0]]
			if demonym(f.Lower) || initial && (st.lowered[f.Lower] || commonCaps[f.Lower]) {
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
		acr := names.AcronymLetters(txt[w.Start:w.End]) != ""
		known := knownPlace(w.Lower) || knownOrgs[w.Lower]
		switch {
		case demonym(w.Lower) || nonNames[w.Lower] || utf8.RuneCountInString(w.Lower) < 2:
			return out
		case acr || known:
		case initial && st.lowered[w.Lower]:
			return out
		case initial && !st.capMid[w.Lower]:
			tentative = true
		case st.lowered[w.Lower] && !w.JoinedParticle:
			return out
		}
	}
	sp := mentionSpan{tt: idx[0], ts: name[0], te: name[len(name)-1] + 1, tentative: tentative}
	sp.text = txt[toks[sp.ts].Start:toks[sp.te-1].End]
	if k > 0 {
		end := toks[idx[k-1]].End
		if n := idx[k-1] + 1; n < len(toks) && !toks[n].IsWord() && toks[n].Rune == '.' && toks[n].Start == end {
			end = toks[n].PossEnd
		}
		sp.title = txt[toks[idx[0]].Start:end]
	}
	sp.kind, sp.sure = mentionKind(txt, toks, name, k > 0, sp.tt)
	sp.roles = rolesOf(txt, toks, sp)
	return append(out, sp)
}

// timeWord reports whether a word names a day or a month ("May" only
// next to a number).
func timeWord(toks []text.Token, k int) bool {
	lw := toks[k].Lower
	if lw == "may" {
		near := func(n int) bool {
			return n >= 0 && n < len(toks) && toks[n].IsWord() && toks[n].Lower != "" && unicode.IsDigit(rune(toks[n].Lower[0]))
		}
		return near(k-1) || near(k+1)
	}
	// "May" stays a name ("Theresa May") and a modal verb.
	return text.Weekdays[lw] || text.Months[lw] && lw != "may"
}

func anyHead(toks []text.Token, idx []int) bool {
	for _, k := range idx {
		if text.OrgHeads[toks[k].Lower] {
			return true
		}
	}
	return false
}

// titleLen returns how many leading words of a run form a title:
// "Mr.", "President", "Syrian Foreign Minister", "Secretary of State".
func titleLen(toks []text.Token, idx []int) int {
	best := 0
	for n := 0; n < len(idx)-1; n++ {
		lw := toks[idx[n]].Lower
		switch {
		case text.Titles[lw] || text.TitleAbbreviations[lw] || n == 0 && text.Titles[gluedTitle(lw)]:
			best = n + 1
			// "Secretary of State": the word after "of" belongs to the title.
			if n+3 < len(idx) && toks[idx[n+1]].Lower == "of" {
				best = n + 3
				n += 2
			}
		case text.TitleModifiers[lw] || demonym(lw) || n == 0 && text.TitleModifiers[gluedTitle(lw)]:
		case titleWithin(toks, idx, n+1, 3):
			// What a title is of: "Yongsan Fire Chief", "District Chief",
			// "Delta Air Lines CEO".
		default:
			return best
		}
	}
	return best
}

// titleWithin reports whether one of the up to max words from idx[from]
// is a title with a word after it.
func titleWithin(toks []text.Token, idx []int, from, max int) bool {
	for n := from; n < from+max && n < len(idx)-1; n++ {
		if text.Titles[toks[idx[n]].Lower] {
			return true
		}
	}
	return false
}

// gluedTitle returns the word after the last hyphen of lw, for a title
// glued to the word before it as a dateline is to the first word of the
// story ("Watan-Brigadier General Ghyath Dallah"); "" when lw has none.
func gluedTitle(lw string) string {
	if i := strings.LastIndexByte(lw, '-'); i > 0 {
		return lw[i+1:]
	}
	return ""
}

// knownPlace reports whether a lower-cased name is a place every reader
// knows: a country or territory (regionNames, from Unicode CLDR) or one
// of knownPlaces' cities, regions and short forms ("us", "uk", "gaza").
//
//go:generate go run ./internal/regiongen -out regions.go
func knownPlace(name string) bool {
	return knownPlaces[name] || regionNames[name] || regionPhrases[name]
}

// mentionKind classifies a mention; sure is false when the kind is a guess that
// an earlier mention of the same name may correct.
func mentionKind(txt string, toks []text.Token, name []int, titled bool, tt int) (corpus.MentionKind, bool) {
	first, last := &toks[name[0]], &toks[name[len(name)-1]]
	whole := strings.ToLower(txt[first.Start:last.End])
	if titled {
		return corpus.MentionPerson, true
	}
	if anyHead(toks, name) || knownOrgs[whole] || knownOrgPhrases[whole] {
		return corpus.MentionOrganisation, true
	}
	if len(name) == 1 && names.AcronymLetters(txt[first.Start:first.End]) != "" {
		if knownPlace(first.Lower) || knownPlace(strings.ReplaceAll(first.Lower, ".", "")) {
			return corpus.MentionPlace, true
		}
		return corpus.MentionOrganisation, true
	}
	if placeSuffix[last.Lower] || knownPlace(whole) || first.Lower == "mount" {
		return corpus.MentionPlace, true
	}
	// What the words before say: "the rebel group X", "brother X",
	// "the city of X", "in X".
	p := tt - 1
	if p >= 0 && toks[p].IsWord() && toks[p].Lower == "of" && p-1 >= 0 && placeNouns[toks[p-1].Lower] {
		return corpus.MentionPlace, true
	}
	if p >= 0 && toks[p].IsWord() && toks[p].Lowercase {
		switch {
		case text.OrgNouns[toks[p].Lower]:
			return corpus.MentionOrganisation, true
		case text.RoleNouns[toks[p].Lower]:
			return corpus.MentionPerson, true
		case placeNouns[toks[p].Lower]:
			return corpus.MentionPlace, true
		}
	}
	if p >= 0 && toks[p].IsWord() && placePrepositions[toks[p].Lower] && !last.Possessive {
		return corpus.MentionPlace, false
	}
	if len(name) >= 2 {
		return corpus.MentionPerson, false
	}
	return corpus.MentionOrganisation, false
}

// rolesOf finds how the sentence describes a mention, quoting it:
// appositions before ("the country's interim president, X,") and after
// ("X, the director of …"), a noun before the name ("the rebel group X",
// "Mr. al-Assad's brother X"), and the title.
func rolesOf(txt string, toks []text.Token, sp mentionSpan) []string {
	var roles []string
	add := func(a, b int) {
		if a < 0 || b <= a {
			return
		}
		r := strings.TrimSpace(strings.Trim(strings.TrimSpace(txt[a:b]), ",;:—–-"))
		if r != "" && !containsString(roles, r) {
			roles = append(roles, r)
		}
	}
	sent := toks[sp.ts].Sentence
	prevWord := func(k int) *text.Token {
		if k >= 0 && k < len(toks) && toks[k].IsWord() && toks[k].Sentence == sent {
			return &toks[k]
		}
		return nil
	}
	after := sp.te
	trailingComma := after >= len(toks) || toks[after].Sentence != sent ||
		!toks[after].IsWord() && (toks[after].Rune == ',' || toks[after].Rune == '.' || toks[after].Rune == ';')
	// Apposition before: "the country's interim president, X,".
	comma := sp.tt - 1
	if comma >= 0 && toks[comma].IsWord() && toks[comma].Lower == "the" {
		comma-- // "Another monitoring group, the Syrian Network…"
	}
	if sp.kind != corpus.MentionPlace && comma >= 1 && !toks[comma].IsWord() && toks[comma].Rune == ',' && trailingComma {
		if a, ok := walkBack(toks, comma-1, sent, 12, false); ok {
			add(toks[a].Start, toks[comma-1].PossEnd)
		} else if a, ok := roleForName(toks, comma-1, sent); ok {
			add(toks[a].Start, toks[comma-1].PossEnd)
		}
	}
	// A noun before the name: "the rebel group X", "villager X".
	if p := prevWord(sp.tt - 1); p != nil && p.Lowercase && (text.RoleNouns[p.Lower] || text.OrgNouns[p.Lower] || privatePersons[p.Lower]) {
		if a, ok := walkBack(toks, sp.tt-1, sent, 6, true); ok {
			if a >= 2 && !toks[a-1].IsWord() && toks[a-1].Rune == '-' && toks[a-2].Kind == text.Number {
				a -= 2 // "28-year-old villager X"
			}
			add(toks[a].Start, toks[sp.tt-1].PossEnd)
		}
	}
	if sp.title != "" && !text.Courtesy[strings.ToLower(strings.TrimSuffix(sp.title, "."))] {
		add(toks[sp.tt].Start, toks[sp.tt].Start+len(sp.title))
	}
	// Apposition after: "X, the director of …", "X, who …", "X (XYZ), a
	// monitor regarded as independent".
	if after+3 < len(toks) && !toks[after].IsWord() && toks[after].Rune == '(' && toks[after+1].IsWord() &&
		!toks[after+2].IsWord() && toks[after+2].Rune == ')' {
		after += 3
	}
	if sp.kind != corpus.MentionPlace && after+1 < len(toks) && !toks[after].IsWord() && toks[after].Rune == ',' && !toks[sp.te-1].Possessive {
		before := prevWord(sp.tt - 1)
		if before == nil || !placePrepositions[before.Lower] && !timePreps[before.Lower] {
			n := &toks[after+1]
			if n.Sentence == sent && n.IsWord() && (appositionStart[n.Lower] || n.Possessive || n.Lowercase && text.RoleNouns[n.Lower]) {
				end := after + 1
				relative := n.Lower == "who" || n.Lower == "which" || n.Lower == "whose"
				for end < len(toks) && toks[end].Sentence == sent {
					t := &toks[end]
					if !t.IsWord() && strings.ContainsRune(",;:—–()[]“”\"", t.Rune) || t.IsWord() && !relative && text.SpeechVerbs[t.Lower] {
						break
					}
					end++
				}
				for end > after+1 && !toks[end-1].IsWord() && !text.Closer(toks[end-1].Rune, txt, toks[end-1].Start) {
					end--
				}
				if end-after-1 <= 30 && end > after+1 {
					add(toks[after+1].Start, toks[end-1].PossEnd)
				}
			}
		}
	}
	return roles
}

// walkBack walks back from token k over a noun phrase within sentence
// sent, at most max words, and returns its first token. It stops after a
// determiner (included) or before punctuation or a function word. With
// needDet, the phrase must end at a determiner or contain a possessive;
// without, a phrase that reaches the start of the sentence or a comma is
// also accepted. Phrases led by a preposition of place or time are not
// appositions ("In Damascus, X said").
func walkBack(toks []text.Token, k, sent, max int, needDet bool) (int, bool) {
	start, words := -1, 0
	possessive, lowerWord := false, false
	for ; k >= 0 && toks[k].Sentence == sent && words < max; k-- {
		t := &toks[k]
		if !t.IsWord() {
			// "Mr." inside the phrase: the dot of a title abbreviation.
			if t.Rune == '.' && k > 0 && toks[k-1].IsWord() && text.TitleAbbreviations[toks[k-1].Lower] {
				continue
			}
			break
		}
		if determinerWords[t.Lower] {
			if k > 0 && toks[k-1].IsWord() && toks[k-1].Sentence == sent && (placePrepositions[toks[k-1].Lower] || timePreps[toks[k-1].Lower]) {
				return 0, false
			}
			return k, words > 0 && lowerWord
		}
		if t.Lowercase && (t.Lower == "of" || t.Lower == "to" || t.Lower == "for") && k > 0 && toks[k-1].IsWord() && toks[k-1].Sentence == sent && text.RoleNouns[toks[k-1].Lower] {
			start = k // what a role is of: "France's ambassador to Morocco, X"
			words++
			continue
		}
		if t.Lowercase && (functionWords[t.Lower] || text.SpeechVerbs[t.Lower]) {
			break
		}
		if t.Capital && text.SentenceOpeners[t.Lower] {
			if placePrepositions[t.Lower] || timePreps[t.Lower] {
				return 0, false
			}
			break
		}
		if t.Possessive {
			possessive = true
		}
		if t.Lowercase {
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
	opens := k < 0 || toks[k].Sentence != sent || !toks[k].IsWord() || text.SpeechVerbs[toks[k].Lower]
	if needDet && !possessive && !opens {
		return 0, false
	}
	if !needDet && k >= 0 && toks[k].Sentence == sent && toks[k].IsWord() {
		// Stopped at a function word, not at a boundary: not an apposition.
		return 0, false
	}
	return start, true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// articleScan tokenizes every paragraph of an article and finds its
// mentions, unresolved.
func articleScan(a *corpus.Article) ([][]text.Token, [][]mentionSpan) {
	toks := make([][]text.Token, len(a.Paragraphs))
	st := newStats()
	for i := range a.Paragraphs {
		toks[i] = text.Tokenize(a.Paragraphs[i].Text)
		st.add(toks[i])
	}
	spans := make([][]mentionSpan, len(a.Paragraphs))
	for i := range a.Paragraphs {
		spans[i] = scanMentions(a.Paragraphs[i].Text, toks[i], st)
		// The article's own outlet is an organisation, however its name
		// reads ("told Levant Daily").
		for k := range spans[i] {
			if a.Source != "" && strings.EqualFold(strings.TrimPrefix(spans[i][k].text, "The "), strings.TrimPrefix(a.Source, "The ")) {
				spans[i][k].kind = corpus.MentionOrganisation
			}
		}
	}
	return toks, spans
}

// articleSpans scans every paragraph of an article and resolves its
// mentions; the result has one slice of spans per paragraph.
func articleSpans(a *corpus.Article) ([][]text.Token, [][]mentionSpan) {
	toks, spans := articleScan(a)
	return toks, resolveSpans(toks, spans)
}

// resolveSpans resolves the scanned spans of an article's paragraphs
// (articleScan) in place, dropping tentative ones that name no one.
func resolveSpans(toks [][]text.Token, spans [][]mentionSpan) [][]mentionSpan {
	rg := &registry{aliases: map[string]*namedEntity{}}
	for i := range spans {
		found := spans[i]
		kept := found[:0]
		for k := range found {
			var prev *mentionSpan
			if len(kept) > 0 {
				prev = &kept[len(kept)-1]
			}
			if rg.resolve(&found[k], toks[i][:len(toks[i]):len(toks[i])], prev) {
				kept = append(kept, found[k])
			}
		}
		spans[i] = kept
	}
	rg.retargetShortNames(toks, spans)
	return spans
}

// addMentions fills each paragraph's Mentions: every distinct name as
// written, resolved within the article, with how the paragraph describes it.
func addMentions(a *corpus.Article) {
	_, spans := articleSpans(a)
	setMentions(a, spans)
}

// setMentions fills each paragraph's Mentions from its resolved spans.
func setMentions(a *corpus.Article, spans [][]mentionSpan) {
	for i := range a.Paragraphs {
		a.Paragraphs[i].Mentions = mentionsOf(spans[i])
	}
}

// mentionsOf turns a paragraph's spans into mentions: one per distinct
// text and name, roles gathered on the first mention of the name.
func mentionsOf(spans []mentionSpan) []corpus.Mention {
	var out []corpus.Mention
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
			out = append(out, corpus.Mention{Text: sp.text, Name: sp.name, Kind: sp.kind, Role: role})
		}
	}
	return out
}

// Word tables. They are read-only after initialisation.

// demonym reports whether w (lower case) is a nationality, sect or
// language adjective, or its plural: "syrian", "alawites".
func demonym(w string) bool {
	return text.Demonyms[w] || strings.HasSuffix(w, "s") && text.Demonyms[w[:len(w)-1]]
}

var (
	commonCaps = text.NewSet(`government officials official residents resident witnesses activists police authorities
		security forces troops soldiers fighters protesters demonstrators critics analysts experts diplomats sources
		medics doctors rescuers families people civilians gunmen militants rebels violence clashes fighting attacks
		state local regional national international military army opposition president minister leaders leader`)
	nonNames = text.NewSet(`islam god christianity judaism ramadan eid christmas easter internet advertisement photo
		video reporting editing writing additional related read share subscribe sign follow ok tv covid`)
	knownPlaces = text.NewSet(`türkiye gaza jerusalem palestine america us u.s. usa uk u.k. uae britain england europe africa asia
		washington moscow london paris beirut damascus baghdad tehran cairo ankara istanbul riyadh doha
		geneva brussels kyiv kiev beijing kurdistan golan sinai levant mediterranean aleppo homs idlib`)
	knownOrgs = text.NewSet(`reuters afp ap bbc cnn sana anadolu xinhua tass interfax bloomberg telegram facebook twitter
		youtube instagram whatsapp hezbollah hamas taliban houthis isis isil daesh kremlin pentagon nato hizbollah`)
	knownOrgPhrases = map[string]bool{"al jazeera": true, "al arabiya": true, "al-manar": true, "al manar": true, "white helmets": true, "doctors without borders": true, "islamic state": true, "al-qaeda": true, "al qaeda": true}
	placeSuffix     = text.NewSet(`province provinces governorate governorates city coast region district county valley
		mountains mountain river sea gulf strait island islands peninsula desert heights bay lake square street road
		highway airport camp village town crossing border basin plain plains countryside neighborhood neighbourhood
		quarter port harbour harbor hills hill oasis canal dam airbase prison hospital mosque`)
	placeNouns = text.NewSet(`town city village province region district neighbourhood neighborhood capital country port
		area governorate suburb camp coast island`)
	placePrepositions = text.NewSet(`in near across outside inside throughout through around towards toward into at`)
	timePreps         = text.NewSet(`on after before during since until following amid despite under over`)
	determinerWords   = text.NewSet(`the a an its his her their this that these those another one`)
	functionWords     = text.NewSet(`by of in on at to for with from and or but that which who whom whose as than is was were
		are be been being has have had will would can could should may might must not also it he she they we i you
		when while where if because although though after before since until during into onto upon about against
		between through throughout across over under near without within amid despite towards toward according`)
	appositionStart = text.NewSet(`the a an his her its their who which whose one former also now then`)
	nameConnectors  = text.NewSet(`al el bin ibn bint abu de da di du dos das del della van von der den la le ter ben`)
	orgConnectors   = text.NewSet(`of for the on and de`)
)
