package extract

import (
	"sort"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Attribution: who makes a paragraph's claims.
//
// Each sentence is searched for the cues of reported speech — "according
// to X", "X said", "said X", "X told Y", "X, the head of Y, said", "in a
// statement, X", "X was quoted as saying", "X reported/announced/
// estimated…" — and the speaker is resolved: a name to the full name the
// article introduced, "the observatory" to the organisation named earlier
// whose name has that head noun, "the former general" to the person the
// article described so, "he"/"she" to the last person named, and generic
// speakers ("residents", "a war monitor") are kept as written.

// attributionContext is what the article has said before the sentence at hand.
type attributionContext struct {
	known      knownNames // people and organisations named so far, in order
	prevPerson string     // last person named in the previous paragraph
	prevQuote  string     // speaker of the previous paragraph's last quote
	prevFocus  string     // the previous paragraph's focus (see paragraphFocus)
}

// speakerHit is a speaker found at token pos.
type speakerHit struct {
	speaker string
	pos     int
}

// spanIndex maps tokens to the mentions that end or start there. The
// spans of a paragraph are in text order and do not overlap, so that
// those ending by a token are a prefix of them.
type spanIndex struct {
	spans   []mentionSpan
	endAt   map[int]int // index of the last token of a name → span
	startAt map[int]int // index of the first token (title included) → span
	orgs    []int       // the spans naming organisations, in order
}

func newSpanIndex(spans []mentionSpan) spanIndex {
	as := spanIndex{spans: spans, endAt: make(map[int]int, len(spans)), startAt: make(map[int]int, len(spans))}
	for i, sp := range spans {
		as.endAt[sp.te-1] = i
		as.startAt[sp.tt] = i
		as.startAt[sp.ts] = i
		if sp.kind == corpus.MentionOrganisation {
			as.orgs = append(as.orgs, i)
		}
	}
	return as
}

// endingBy returns how many spans end at or before token upto: those
// spans[:n].
func (as spanIndex) endingBy(upto int) int {
	return sort.Search(len(as.spans), func(i int) bool { return as.spans[i].te > upto })
}

// speakerEndingAt returns the person or organisation whose name ends at
// token k.
func (as spanIndex) speakerEndingAt(k int) (string, bool) {
	if i, ok := as.endAt[k]; ok && as.spans[i].kind != corpus.MentionPlace {
		return as.spans[i].name, true
	}
	return "", false
}

func (as spanIndex) speakerStartingAt(k int) (string, bool) {
	if i, ok := as.startAt[k]; ok && as.spans[i].kind != corpus.MentionPlace {
		return as.spans[i].name, true
	}
	return "", false
}

// addAttribution fills each paragraph's Attribution and Quotes.
func addAttribution(a *corpus.Article) {
	toks, spans := articleScan(a)
	if !hasMentions(a) {
		spans = resolveSpans(toks, spans)
	}
	attributeScanned(a, toks, spans)
}

// attributeScanned fills each paragraph's Attribution and Quotes from the
// article's scanned spans (articleScan), unresolved when the mention
// extractor has filled the article's mentions, resolved otherwise.
func attributeScanned(a *corpus.Article, toks [][]text.Token, spans [][]mentionSpan) {
	if hasMentions(a) {
		// Names as the mention extractor resolved them: each span takes
		// the name of the paragraph's mention with its text.
		for i := range spans {
			byText := make(map[string]int, len(a.Paragraphs[i].Mentions))
			for k, m := range a.Paragraphs[i].Mentions {
				if _, ok := byText[m.Text]; !ok {
					byText[m.Text] = k
				}
			}
			kept := spans[i][:0]
			for _, sp := range spans[i] {
				sp.name = sp.text
				k, found := byText[sp.text]
				if found {
					m := a.Paragraphs[i].Mentions[k]
					sp.name, sp.kind = m.Name, m.Kind
				}
				if found || !sp.tentative {
					kept = append(kept, sp)
				}
			}
			spans[i] = kept
		}
	}
	var ctx attributionContext
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		hits := attributeParagraph(p.Text, toks[i], spans[i], &ctx)
		var attr nameList
		affiliated := affiliations(toks[i], spans[i])
		for _, h := range hits {
			attr.add(h.speaker)
			if org := affiliated[h.speaker]; org != "" {
				attr.add(org) // "Al Jazeera's Resul Serdar"
			}
		}
		p.Quotes = findQuotes(p.Text, toks[i], hits, &ctx)
		if len(p.Quotes) > 0 {
			if s := p.Quotes[len(p.Quotes)-1].Speaker; s != "" {
				ctx.prevQuote = s
				attr.add(s)
			}
		}
		p.Attribution = attr.list
		// What this paragraph adds to the context of the next.
		ctx.prevPerson = ""
		for _, sp := range spans[i] {
			if sp.kind == corpus.MentionPerson {
				ctx.prevPerson = sp.name
			}
		}
		for _, m := range p.Mentions {
			if m.Kind != corpus.MentionPlace {
				ctx.known.add(m)
			}
		}
		if len(p.Mentions) == 0 {
			for _, sp := range spans[i] {
				if sp.kind != corpus.MentionPlace {
					ctx.known.add(spanMention(sp))
				}
			}
		}
	}
}

// hasMentions reports whether the mention extractor has filled the
// article's mentions.
func hasMentions(a *corpus.Article) bool {
	for _, p := range a.Paragraphs {
		if len(p.Mentions) > 0 {
			return true
		}
	}
	return false
}

// spanMention is the mention a span makes.
func spanMention(sp mentionSpan) corpus.Mention {
	return corpus.Mention{Text: sp.text, Name: sp.name, Kind: sp.kind, Role: strings.Join(sp.roles, "; ")}
}

// attributeParagraph finds the speakers of a paragraph's sentences.
func attributeParagraph(txt string, toks []text.Token, spans []mentionSpan, ctx *attributionContext) []speakerHit {
	as := newSpanIndex(spans)
	var hits []speakerHit
	// Mentions of the paragraph so far count as known for definite
	// references within it: span i is occurrence i.
	var local knownNames
	for i, sp := range spans {
		if sp.kind != corpus.MentionPlace {
			local.addAt(spanMention(sp), i)
		}
	}
	r := speechReader{text: txt, toks: toks, as: as, ctx: ctx, local: &local, quoted: quotedTokens(txt, toks), hits: &hits}
	for a := 0; a < len(toks); {
		b := a
		for b < len(toks) && toks[b].Sentence == toks[a].Sentence {
			b++
		}
		r.sentence(a, b, &hits)
		a = b
	}
	ctx.prevFocus = paragraphFocus(toks, hits, spans, r.quoted)
	return hits
}

// speechReader reads the attribution cues of one paragraph.
type speechReader struct {
	text  string
	toks  []text.Token
	as    spanIndex
	ctx   *attributionContext
	local *knownNames // the paragraph's mentions, occurrence i being span i
	// quoted marks the tokens inside quotation marks: a name there is an
	// addressee, not a speaker.
	quoted []bool
	hits   *[]speakerHit // the paragraph's speakers so far
	// subjects are the subjects of the sentences (sentenceSubjects), once
	// a pronoun needs them.
	subjects []string
}

// sentence appends the speakers of toks[a:b].
func (r *speechReader) sentence(a, b int, hits *[]speakerHit) {
	toks := r.toks
	add := func(s string, pos int) {
		if s = strings.TrimSpace(s); s != "" {
			*hits = append(*hits, speakerHit{speaker: s, pos: pos})
		}
	}
	before := len(*hits)
	first := a
	for first < b && !toks[first].IsWord() {
		first++
	}
	// "In a statement, X …"
	if first+3 < b && toks[first].Lower == "in" {
		k := first + 1
		for k < b && k < first+5 && toks[k].IsWord() && !statementNouns[toks[k].Lower] {
			k++
		}
		if k < b && toks[k].IsWord() && statementNouns[toks[k].Lower] {
			k++
			for k < b && toks[k].IsWord() && k < first+9 {
				k++ // "on Telegram", "published on Sunday", "on X"
			}
			if k < b && !toks[k].IsWord() && toks[k].Rune == ',' {
				if s, ok := r.npAfter(k+1, b, false); ok {
					// The main verb's subject is the better reading when
					// there is one ("…, the group's leader, X, denied").
					defer func() {
						if len(*hits) == before {
							*hits = append(*hits, speakerHit{speaker: s, pos: k})
						}
					}()
				}
			}
		}
	}
	for k := a; k < b; k++ {
		t := &toks[k]
		if !t.IsWord() || !t.Lowercase && !(t.Capital && t.Lower == "according") {
			continue
		}
		switch {
		case t.Lower == "according" && k+1 < b && toks[k+1].Lower == "to":
			if s, ok := r.npAfter(k+2, b, true); ok {
				add(s, k)
			}
		case t.Lower == "citing":
			if s, ok := r.npAfter(k+1, b, true); ok {
				add(s, k)
			}
		case t.Lower == "quotes" || t.Lower == "quoting":
			// "the report quotes an eyewitness who…"
			if s, ok := r.npAfter(k+1, b, true); ok {
				add(s, k)
			}
		case t.Lower == "quoted":
			// "X was quoted as saying"; "state media quoted X as saying".
			if k-1 >= a && beAux[toks[k-1].Lower] {
				if s, ok := r.subject(k-1, a, false); ok {
					add(s, k)
				}
			} else if s, ok := r.npAfter(k+1, b, false); ok {
				add(s, k)
			}
		case (t.Lower == "issued" || t.Lower == "released" || t.Lower == "published") && k+2 < b && statementNouns[toks[k+2].Lower] && toks[k+1].IsWord() && determinerWords[toks[k+1].Lower]:
			if s, ok := r.subject(k, a, true); ok {
				add(s, k)
			}
		case text.SpeechVerbs[t.Lower] && !notVerbs[t.Lower]:
			if reportedly(toks, k) {
				continue // "videos said to show killings"
			}
			if k-1 >= a && (beAux[toks[k-1].Lower] || standAux[toks[k-1].Lower]) {
				// Passive: "were reported by the observatory".
				if k+1 < b && toks[k+1].Lower == "by" {
					if s, ok := r.npAfter(k+2, b, true); ok {
						add(s, k)
					}
				}
				continue
			}
			strict := !looseVerbs[t.Lower]
			// Inversion: "…,” said Charles Lister"; "…, said a spokesman".
			// Never after "told": its object is the listener ("X, the
			// mayor, told Reuters").
			if k-1 >= a && !toks[k-1].IsWord() && !toldVerbs[t.Lower] && (toks[k-1].Rune == ',' || text.Closer(toks[k-1].Rune, r.text, toks[k-1].Start)) && r.inverted(k+1, b) {
				if s, ok := r.npAfter(k+1, b, false); ok {
					add(s, k)
					continue
				}
			}
			if s, ok := r.subject(k, a, strict); ok {
				add(s, k)
			}
		}
	}
}

// subject finds the speaker before the verb at token k of a sentence
// starting at token a.
func (r *speechReader) subject(k, a int, strict bool) (string, bool) {
	toks := r.toks
	j := k - 1
	for j >= a && toks[j].IsWord() && speechAdverbs[toks[j].Lower] {
		j--
	}
	if j < a {
		return "", false
	}
	if r.ofPrivatePerson(j, a) {
		return r.subjectPhrase(j, a, strict) // "a resident of Paiporta told AP"
	}
	if s, ok := r.as.speakerEndingAt(j); ok {
		return s, true
	}
	t := &toks[j]
	if !t.IsWord() && !(text.Closer(t.Rune, r.text, t.Start) && t.Rune != ')') {
		switch t.Rune {
		case ')':
			// "the Syrian Network for Human Rights (SNHR) said"
			if j-1 >= a {
				if s, ok := r.as.speakerEndingAt(j - 1); ok {
					return s, true
				}
			}
		case ',':
			// "a spokesman for the SDF, Farhad Shami, told AFP": the
			// person named between the commas.
			if s, ok := r.personBetweenCommas(j, a); ok {
				return s, true
			}
			// "X, the head of Y, said": the name before the apposition;
			// "Officials at the hospital, speaking on condition…, said".
			for c := j - 1; c > a && c >= j-40; c-- {
				if toks[c].IsWord() || toks[c].Rune != ',' {
					continue
				}
				if s, ok := r.as.speakerEndingAt(c - 1); ok {
					return s, true
				}
				if !toks[c-1].IsWord() && toks[c-1].Rune == ')' && c-2 >= a {
					// "the Service for … Mining (SAEMAPE), the state agency, said"
					if s, ok := r.as.speakerEndingAt(c - 2); ok {
						return s, true
					}
				}
				if _, ok := r.as.speakerEndingAt(j - 1); !ok && toks[c-1].IsWord() && !functionWords[toks[c-1].Lower] {
					return r.subjectPhrase(c-1, a, strict)
				}
				break
			}
			// "the group's leader, X, denied": the name in the apposition.
			if s, ok := r.as.speakerEndingAt(j - 1); ok {
				return s, true
			}
		}
		return "", false
	}
	switch {
	case !t.IsWord():
		// A closing quote: the phrase holds a quoted name.
	case t.Lower == "which" || t.Lower == "who":
		// "…, the Syrian Network for Human Rights, which had reported"
		if j-1 >= a && !toks[j-1].IsWord() && toks[j-1].Rune == ',' {
			if s, ok := r.as.speakerEndingAt(j - 2); ok {
				return s, true
			}
		}
		if s, ok := r.as.speakerEndingAt(j - 1); ok {
			return s, true
		}
		return "", false
	case t.Lower == "he" || t.Lower == "she":
		return r.pronoun(j, a)
	case t.Lower == "they" || t.Lower == "it":
		return r.groupPronoun(j, t.Lower)
	case t.Lower == "and":
		// "Mr. al-Shara urged …, and said": the sentence's subject.
		f := a
		for f < j && (!toks[f].IsWord() || determinerWords[toks[f].Lower]) {
			f++ // "The Red Cross condemned the attack and said"
		}
		if s, ok := r.as.speakerStartingAt(f); ok {
			return s, true
		}
		return "", false
	}
	if t.IsWord() && (functionWords[t.Lower] || determinerWords[t.Lower]) {
		return "", false
	}
	return r.subjectPhrase(j, a, strict)
}

// ofPrivatePerson reports whether the name ending at token j follows a
// private person's noun and a preposition ("a resident of Paiporta"): the
// speaker is the person, not the name.
func (r *speechReader) ofPrivatePerson(j, a int) bool {
	i, ok := r.as.endAt[j]
	if !ok {
		return false
	}
	s := r.as.spans[i].tt
	return s-2 >= a && r.toks[s-1].IsWord() && prepStops[r.toks[s-1].Lower] && r.toks[s-2].IsWord() && privatePersons[r.toks[s-2].Lower]
}

// subjectPhrase reads the noun phrase ending at token j as a speaker:
// "the observatory", "Residents in a town in Tartus".
func (r *speechReader) subjectPhrase(j, a int, strict bool) (string, bool) {
	toks := r.toks
	start := j
	words := 0
	for c := j; c >= a; c-- {
		if i, ok := r.as.endAt[c]; ok && r.as.spans[i].tt >= a {
			// A name counts as one word.
			c = r.as.spans[i].tt
			start = c
			words++
			continue
		}
		tc := &toks[c]
		if !tc.IsWord() {
			if text.Closer(tc.Rune, r.text, tc.Start) || tc.Rune == '“' || tc.Rune == '"' {
				continue // a quoted name inside the phrase
			}
			if tc.Rune == '.' && c > 0 && toks[c-1].IsWord() && text.TitleAbbreviations[toks[c-1].Lower] {
				continue
			}
			break
		}
		if clauseWords[tc.Lower] || text.SpeechVerbs[tc.Lower] && c != j {
			break
		}
		start = c
		words++
		if words > 9 {
			return "", false
		}
	}
	return r.phrase(start, j+1, strict)
}

// inverted reports whether the words after a speech verb at k-1 name its
// speaker ("…,” said Charles Lister, a fellow…") rather than start what
// was said ("…, said 18 fighters had been killed").
func (r *speechReader) inverted(k, b int) bool {
	toks := r.toks
	for c := k; c < b && c < k+10; c++ {
		t := &toks[c]
		if !t.IsWord() {
			if t.Rune == '.' && c > k && text.TitleAbbreviations[toks[c-1].Lower] {
				continue
			}
			return c > k
		}
		if t.Lower == "who" || t.Lower == "whose" {
			return c > k // "said a woman in her 60s who had spent…": a relative clause on the speaker
		}
		if beAux[t.Lower] || finiteAux[t.Lower] || t.Lower == "that" {
			return false
		}
	}
	return true
}

// npAfter reads the speaker named from token k on: "Charles Lister, the
// director…", "the Britain-based Syrian Observatory…", "a war monitor",
// "figures from the ministry". With lenient, a generic phrase of any noun
// is accepted.
func (r *speechReader) npAfter(k, b int, lenient bool) (string, bool) {
	toks := r.toks
	end := k
	for end < b {
		t := &toks[end]
		if !t.IsWord() {
			if t.Rune == '“' || t.Rune == '"' || text.Closer(t.Rune, r.text, t.Start) && end > k {
				end++
				continue
			}
			if t.Rune == '.' && end > k && toks[end-1].IsWord() && text.TitleAbbreviations[toks[end-1].Lower] {
				end++
				continue
			}
			if t.Rune == '(' || t.Rune == ')' {
				end++
				continue
			}
			if t.Rune == '-' && end > k && end+1 < b && toks[end+1].IsWord() {
				end++ // "28-year-old villager Salah Ancheu": an age before the name
				continue
			}
			break
		}
		if end > k && (clauseWords[t.Lower] || afterStops[t.Lower] || text.SpeechVerbs[t.Lower]) {
			break
		}
		end++
		if end-k > 14 {
			break
		}
	}
	if end == k {
		return "", false
	}
	// A name within the phrase: the first person or organisation.
	for c := k; c < end; c++ {
		if s, ok := r.as.speakerStartingAt(c); ok {
			return s, true
		}
	}
	// Only the leading noun phrase is the speaker: "residents in the town".
	last := k
	for c := k; c < end; c++ {
		if !toks[c].IsWord() {
			continue
		}
		if c > k && prepStops[toks[c].Lower] {
			break
		}
		last = c
	}
	if !toks[k].IsWord() {
		return "", false
	}
	// "figures from the ministry", "testimony from 12 survivors": the
	// source is after the preposition.
	if notSpeakers[toks[last].Lower] && last+2 < end && (toks[last+1].Lower == "from" || toks[last+1].Lower == "by" || toks[last+1].Lower == "of") {
		return r.npAfter(last+2, b, lenient)
	}
	return r.phrase(k, last+1, !lenient)
}

// phrase resolves the generic noun phrase toks[a:b]: a definite reference
// to a known name, or the phrase as written.
func (r *speechReader) phrase(a, b int, strict bool) (string, bool) {
	toks := r.toks
	for a < b && !toks[a].IsWord() {
		a++
	}
	for b > a && !toks[b-1].IsWord() {
		b--
	}
	if a >= b {
		return "", false
	}
	// The head noun ends the leading chunk: "the governor of Homs".
	headAt := b - 1
	for c := a + 1; c < b; c++ {
		if toks[c].IsWord() && prepStops[toks[c].Lower] {
			headAt = c - 1
			break
		}
	}
	head := toks[headAt].Lower
	// A name inside the phrase: "a group calling itself the “Military
	// Council…”", "a spokesman for the Interior Ministry"; but a private
	// person speaks for no one named after them: "a resident of
	// Paiporta" is the resident, not the town.
	last := b - 1
	if privatePersons[head] {
		last = headAt
	}
	for c := last; c >= a; c-- {
		if s, ok := r.as.speakerEndingAt(c); ok {
			return s, true
		}
	}
	if notSpeakers[head] || knownPlace(head) || head == "" {
		return "", false
	}
	firstWord := toks[a].Lower
	speakerish := false
	for c := a; c < b; c++ {
		if speakerNouns[toks[c].Lower] || text.RoleNouns[toks[c].Lower] || text.OrgNouns[toks[c].Lower] || text.OrgHeads[toks[c].Lower] {
			speakerish = true
		}
	}
	if strict && !speakerish {
		return "", false
	}
	if firstWord == "the" || firstWord == "this" || firstWord == "that" {
		if s := definiteSpeaker(toks[a:b], &r.ctx.known, r.local, r.as.endingBy(a)); s != "" {
			return s, true
		}
	}
	return r.text[toks[a].Start:toks[b-1].End], true
}

// pronoun resolves "he"/"she" at token j: a person described in the same
// sentence ("one resident … he said"), else as pronounSpeaker says.
func (r *speechReader) pronoun(j, a int) (string, bool) {
	toks := r.toks
	quoted := false // words inside quotation marks are the quote, not its speaker
	for c := a; c+1 < j; c++ {
		if !toks[c].IsWord() {
			switch toks[c].Rune {
			case '“':
				quoted = true
			case '”':
				quoted = false
			case '"':
				quoted = !quoted
			}
			continue
		}
		if !quoted && (toks[c].Lower == "one" || toks[c].Lower == "a" || toks[c].Lower == "an") {
			n := c + 1
			if n+1 < j && toks[n].IsWord() && toks[n].Lowercase && !speakerNouns[toks[n].Lower] && !text.RoleNouns[toks[n].Lower] {
				n++ // one adjective
			}
			if n < j && toks[n].IsWord() && (speakerNouns[toks[n].Lower] || text.RoleNouns[toks[n].Lower]) && !strings.HasSuffix(toks[n].Lower, "s") {
				return r.text[toks[c].Start:toks[n].End], true
			}
		}
	}
	return r.pronounSpeaker(j, a)
}

// groupPronoun resolves "they"/"it" to the last organisation named in the
// paragraph before token j.
func (r *speechReader) groupPronoun(j int, w string) (string, bool) {
	orgs := r.as.orgs
	n := sort.Search(len(orgs), func(i int) bool { return r.as.spans[orgs[i]].te > j })
	if n > 0 {
		return r.as.spans[orgs[n-1]].name, true
	}
	return "", false
}

func distinctSpeakers(hits []speakerHit) []string {
	var out nameList
	for _, h := range hits {
		out.add(h.speaker)
	}
	return out.list
}

var (
	// looseVerbs take any subject; other speech verbs need one that can
	// speak ("The attack claimed 20 lives" is no attribution).
	toldVerbs  = text.NewSet(`told tells tell telling informed briefed`)
	looseVerbs = text.NewSet(`said says say told tells according added adds wrote writes tweeted posted`)
	// notVerbs are in text.SpeechVerbs for role phrases but handled apart.
	notVerbs       = text.NewSet(`according quoted cited citing`)
	beAux          = text.NewSet(`was were is are been be being`)
	standAux       = text.NewSet(`stand stands stood standing remain remains remained`) // "officers stand accused"
	finiteAux      = text.NewSet(`had has have will would could can may might did does do should must`)
	speechAdverbs  = text.NewSet(`also later previously earlier has have had would will then separately further again repeatedly reportedly has also had not never once initially subsequently`)
	statementNouns = text.NewSet(`statement statements interview post posts video message speech remarks comments briefing report tweet address letter`)
	clauseWords    = text.NewSet(`that and but while as which who whom when because if although though where after before since so than what whether yet said says told`)
	afterStops     = text.NewSet(`on in at during since after before last this that which who whom when while because on.`)
	prepStops      = text.NewSet(`in on at near during since after before from with of for about`)
	// privatePersons are the speakers described as people who speak for
	// themselves, not for a body named after them ("a resident of
	// Paiporta", "a worker at the plant").
	privatePersons = text.NewSet(`resident residents witness witnesses eyewitness eyewitnesses survivor survivors local locals
		man woman men women father mother relative relatives neighbour neighbours neighbor neighbors villager villagers
		farmer farmers shopkeeper driver student students teacher worker workers`)
	notSpeakers  = text.NewSet(`statement statements report reports study survey document documents video footage letter article data figures figure estimates estimate tally count toll testimony testimonies accounts account this that it which who there here what`)
	speakerNouns = text.NewSet(`official officials resident residents witness witnesses eyewitness eyewitnesses activist activists source sources monitor monitors
		group groups ministry spokesman spokeswoman spokesperson police army military government authorities agency media
		television tv outlet newspaper observatory network council committee office doctor doctors medic medics rescuer
		rescuers volunteer volunteers analyst analysts expert experts diplomat diplomats people families survivors locals
		man woman men women father mother relative relatives neighbour neighbours neighbor neighbors worker workers nurse
		nurses teacher student students farmer farmers shopkeeper driver journalist journalists reporter reporters
		correspondent officer officers soldier soldiers fighter fighters commander commanders leader leaders
		statement-issuers administration state regime rebels militants protesters demonstrators organisers organizers
		organisation organization charity charities presidency palace embassy ministry spokesperson prosecutor
		prosecutors court investigators investigator inspector inspectors hospital hospitals`)
)
