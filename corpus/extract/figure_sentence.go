package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Figures in a sentence: a count, the group it counts and what happened
// to them ("killed", "displaced"), read from one sentence.

// foundFigure is a figure found in a sentence, before its source and date
// are resolved.
type foundFigure struct {
	corpus.Figure
	num  int  // token index of the number in the sentence
	toll bool // given as a toll: "the death toll rose to 1,500"
}

var (
	beForms   = text.NewSet("were was are is been be being")
	quantMods = text.NewSet("other more additional further another some")
	// ofHeads take an "of" complement in the counted group: "members of
	// the security forces".
	ofHeads = text.NewSet("members member supporters relatives families employees staff units elements residents " +
		"fighters officers personnel students citizens")
	// nounKinds are casualty words that may directly follow a number:
	// "40 wounded", "1,383 deaths", "23 dead".
	nounKinds = text.NewSet("killed dead deaths fatalities casualties wounded injured injuries missing displaced " +
		"executions arrests arrested detained bodies corpses executed slain hurt survivors rescued")
	// predicates are the casualty verbs and adjectives that end a
	// counted group's predicate: "… have died", "… were killed".
	predicates = text.NewSet("killed dead died die slain perished drowned electrocuted suffocated murdered massacred slaughtered executed wounded " +
		"injured hurt hospitalised hospitalized missing disappeared abducted kidnapped displaced fled evacuated homeless uprooted " +
		"arrested detained captured jailed imprisoned dying rescued")
	// cueSkip are words between a source and its reporting verb: "the
	// observatory has also said", "the ministry on Sunday said".
	cueSkip = text.Union(text.Weekdays, text.NewSet("has had have also later previously earlier separately again on late "+
		"early then first initially now last night morning afternoon evening yesterday today would will could may had "+
		"subsequently since further"))
	// subjectStops end a source read backwards from its verb.
	subjectStops = text.NewSet("that and but while as because after when amid with although though where so if " +
		"than whereas before until since whom said says told reported")
	// nameJoin are lower-case words inside a capitalised name: "Syrian
	// Observatory for Human Rights".
	nameJoin = text.NewSet("for of the and on de du la al el bin ibn")
)

// findFigures finds the figures of one sentence. prevKind is the kind of
// the figure before it in the paragraph, inherited by a part of a count
// ("of whom 973 were civilians").
func findFigures(txt string, toks []text.Token, prevKind string) []foundFigure {
	var out []foundFigure
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != text.Number && (t.Kind != text.Word || !numberStart(t.Lower) || !numberWord(t.Lower)) {
			continue
		}
		c, ok := parseCount(txt, toks, i)
		if !ok {
			continue
		}
		if notACount(toks, c) {
			i = c.end - 1
			continue
		}
		f, ok := readFigure(txt, toks, c, prevKind)
		if !ok {
			if t.Kind == text.Number {
				i = c.end - 1
			}
			continue
		}
		out = append(out, f)
		prevKind = f.What
		i = c.end - 1
	}
	return out
}

// notACount reports numbers that count no people: years, percentages,
// durations, ages, dates, times, money, labels ("Resolution 2254").
func notACount(toks []text.Token, c parsedCount) bool {
	first := &toks[c.start]
	if c.end < len(toks) {
		n := &toks[c.end]
		if unitsAfter[n.Lower] || n.Text == "%" {
			return true
		}
		if (n.Text == "-" || n.Text == "‐" || n.Text == "–") && c.end+1 < len(toks) && toks[c.end+1].Kind == text.Word {
			w := toks[c.end+1].Lower
			for _, u := range []string{"year", "month", "week", "day", "hour", "minute", "mile", "kilomet", "storey", "story", "member", "point", "page"} {
				if strings.HasPrefix(w, u) {
					return true
				}
			}
		}
		if n.Text == ":" || n.Text == "/" {
			return true
		}
		if n.Kind == text.Word && n.Upper && text.Months[strings.TrimSuffix(n.Lower, ".")] {
			return true
		}
		if first.Lower == "one" && (n.Lower == "of" || n.Lower == "another") {
			return true
		}
	}
	if c.start > 0 {
		p := &toks[c.start-1]
		if labelWords[p.Lower] || p.Text == "#" || p.Text == "/" {
			return true
		}
		if p.Kind == text.Word && p.Upper && text.Months[strings.TrimSuffix(p.Lower, ".")] {
			return true
		}
		if first.Kind == text.Word && (first.Lower == "one" || first.Lower == "a" || first.Lower == "an") {
			switch p.Lower {
			case "the", "this", "that", "any", "each", "every", "no", "which", "only", "last":
				return true
			}
		}
		if p.Text == "." && c.start > 1 && toks[c.start-2].Kind == text.Number {
			return true
		}
	}
	if first.Kind == text.Number && len(first.Text) == 4 && !strings.ContainsAny(first.Text, ",.") {
		if y, _ := strconv.Atoi(first.Text); y >= 1800 && y <= 2100 {
			if c.end >= len(toks) || c.end > c.start+1 || !peopleNouns[toks[c.end].Lower] {
				return true
			}
		}
	}
	return false
}

// readFigure reads the counted group and the casualty kind around a
// count; ok is false when the number counts no casualties.
func readFigure(txt string, toks []text.Token, c parsedCount, prevKind string) (foundFigure, bool) {
	q, qs := readQualifier(toks, c.start)
	f := foundFigure{num: c.start}
	f.Count, f.CountText, f.Qualifier = c.value, c.text, q
	who, after, nounKind, thing := whoCounted(txt, toks, c.end)
	if k, frameWho, decided := frameKind(toks, qs, c.end, after); decided {
		f.Who = who
		if frameWho != "" || thing {
			f.Who = frameWho
		}
		f.What = k
		return f, k != ""
	}
	if thing {
		return f, false
	}
	f.Who = who
	switch {
	case nounKind != "":
		f.What = nounKind
	default:
		if k, ok := objectOf(toks, qs, after); ok {
			f.What = k
			break
		}
		if k := amongGroup(toks, qs); k != "" {
			f.What = k
			break
		}
		if k := tollOf(toks, qs); k != "" {
			f.What, f.toll = k, true
			break
		}
		if sub, subWho, end := readSubset(txt, toks, qs, c.end); sub {
			if subWho != "" {
				f.Who = subWho
			}
			if f.What = readPredicate(txt, toks, end); f.What == "" {
				f.What = prevKind
			}
			break
		}
		f.What = readPredicate(txt, toks, after)
	}
	if f.What == "" && qs > 0 && foundVerbs[toks[qs-1].Lower] &&
		slices.ContainsFunc(toks[c.end:min(c.end+5, len(toks))], func(t text.Token) bool { return t.Lower == "alive" }) {
		f.What = corpus.KindRescued // "pulled nine people out alive"
	}
	if f.What == corpus.KindRescued && !slices.ContainsFunc(toks, func(t text.Token) bool { return rescueWords[t.Lower] }) {
		return f, false // "two survivors described the collapse": no rescue counted
	}
	return f, f.What != ""
}

// foundVerbs take a count of people found alive: "pulled nine people out
// alive", "found two children alive".
var foundVerbs = text.NewSet("pulled found brought dug freed")

// rescueWords say that people were saved: a count of survivors is a
// count of people rescued only with one of them.
var rescueWords = text.NewSet("rescued rescue rescues rescuing pulled freed saved recovered found evacuated alive")

// readQualifier reads the qualifier before token i ("more than", "nearly");
// it returns the normal form and the index of its first token (i when
// there is none). A stray word inside "more … than" is forgiven: "more
// that than 1,300".
func readQualifier(toks []text.Token, i int) (string, int) {
	for _, q := range qualifierPhrases {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		match := true
		for k, w := range q.words {
			if toks[i-n+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			return q.norm, i - n
		}
	}
	if i >= 3 && toks[i-1].Lower == "than" && toks[i-2].Kind == text.Word && len(toks[i-2].Lower) <= 5 {
		switch toks[i-3].Lower {
		case "more":
			return "more than", i - 3
		case "fewer", "less":
			return "fewer than", i - 3
		}
	}
	return "", i
}

// isPeople reports whether a word names people: "civilians",
// "gunmen", "Alawites".
func isPeople(t *text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if peopleNouns[t.Lower] {
		return true
	}
	if thingNouns[t.Lower] || orgWord(t.Lower) || phraseStops[t.Lower] {
		return false
	}
	if t.Upper {
		// "Alawites", "Kurds", "Palestinians": a capitalised plural.
		return len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") && !sPossessive(*t) &&
			!text.Weekdays[t.Lower] && !text.Months[t.Lower]
	}
	for _, suf := range personSuffixes {
		if strings.HasSuffix(t.Lower, suf) && len(t.Lower) > len(suf)+2 {
			return true
		}
	}
	return false
}

// whoCounted reads the counted group after a number: "people", "Alawite
// civilians", "members of the security forces". It returns the group
// ("" when the number stands alone: "killing 12"), the token after it, the
// casualty kind when a casualty word follows the number directly ("40
// wounded", "1,383 deaths"), and thing when the number counts things
// ("12 drones").
func whoCounted(txt string, toks []text.Token, j int) (who string, end int, kind string, thing bool) {
	if j >= len(toks) {
		return "", j, "", false
	}
	// "two of the refugees had died": the group after "of the".
	if j+2 < len(toks) && toks[j].Lower == "of" && (toks[j+1].Lower == "the" || toks[j+1].Lower == "those") && isPeople(&toks[j+2]) {
		j += 2
	}
	t := &toks[j]
	if t.Kind == text.Word && nounKinds[t.Lower] {
		return "", j + 1, text.CasualtyKinds[t.Lower], false
	}
	// "27 associated deaths", "12 confirmed fatalities", "3 new injuries".
	if t.Kind == text.Word && countAdjectives[t.Lower] && j+1 < len(toks) && toks[j+1].Kind == text.Word && nounKinds[toks[j+1].Lower] {
		return "", j + 2, text.CasualtyKinds[toks[j+1].Lower], false
	}
	head := -1
	for k := j; k < len(toks) && k < j+4; k++ {
		w := &toks[k]
		if w.Kind != text.Word {
			break
		}
		if isPeople(w) {
			head = k
			continue
		}
		if head >= 0 || phraseStops[w.Lower] || text.CasualtyKinds[w.Lower] != "" {
			break
		}
		if thingNouns[w.Lower] {
			return "", j, "", true
		}
	}
	if head < 0 {
		if t.Lower == "more" || t.Lower == "others" || t.Lower == "other" {
			return "", j + 1, "", false // "45 more had died"
		}
		if t.Kind == text.Word && !phraseStops[t.Lower] && text.CasualtyKinds[t.Lower] == "" && !text.Weekdays[t.Lower] &&
			!aux[t.Lower] && !text.Months[t.Lower] {
			return "", j, "", true // "13 villages", "five decades"
		}
		return "", j, "", false
	}
	start := j
	for start < head && quantMods[toks[start].Lower] {
		start++
	}
	end = head + 1
	if ofHeads[toks[head].Lower] && end+1 < len(toks) && toks[end].Lower == "of" {
		k := end + 1
		if toks[k].Lower == "the" || toks[k].Lower == "a" {
			k++
		}
		last := -1
		for ; k < len(toks) && k < end+6; k++ {
			w := &toks[k]
			if w.Kind != text.Word || phraseStops[w.Lower] || text.CasualtyKinds[w.Lower] != "" || aux[w.Lower] {
				break
			}
			last = k
		}
		if last >= 0 {
			end = last + 1
		}
	}
	if start == head && (toks[head].Lower == "others" || toks[head].Lower == "victims") && end == head+1 {
		return "", end, "", false
	}
	return txt[toks[start].Start:toks[end-1].PossEnd], end, "", false
}

// objectOf reads a count that is the object of a casualty verb or noun:
// "killing at least 12 people", "had killed some 125 civilians", "left 23
// dead", "forced 3,000 to flee", "the deaths of 50 people". qs is the first
// token of the count with its qualifier; after is the token after the
// counted group.
func objectOf(toks []text.Token, qs, after int) (string, bool) {
	p := qs - 1
	if p < 0 {
		return "", false
	}
	w := toks[p].Lower
	switch {
	case w == "left":
		if after < len(toks) {
			if k := text.CasualtyKinds[toks[after].Lower]; k != "" && predicates[toks[after].Lower] {
				return k, true
			}
		}
	case w == "of" && p > 0 && ofNouns[toks[p-1].Lower]:
		if toks[p-1].Lower == "lives" || toks[p-1].Lower == "bodies" {
			return corpus.KindKilled, true
		}
		if p > 1 && toks[p-2].Lower == "summary" {
			return corpus.KindExecuted, true
		}
		return text.CasualtyKinds[toks[p-1].Lower], true
	case transitive[w] && w != "claimed":
		if p > 0 && toks[p-1].Lower == "summarily" {
			return corpus.KindExecuted, true
		}
		return text.CasualtyKinds[w], true
	}
	return "", false
}

// amongGroup reads "among the dead were 1,000 civilians", "those killed
// included 12 children".
func amongGroup(toks []text.Token, qs int) string {
	p := qs - 1
	if p < 0 {
		return ""
	}
	included := false
	switch toks[p].Lower {
	case "were", "was", "are", "is":
		p--
	case "included", "include", "includes":
		included = true
		p--
	}
	if p < 0 {
		return ""
	}
	k := text.CasualtyKinds[toks[p].Lower]
	if k == "" {
		return ""
	}
	q := p - 1
	if q >= 0 && (toks[q].Lower == "the" || toks[q].Lower == "those") {
		if included {
			return k
		}
		q--
	}
	if q >= 0 && toks[q].Lower == "among" {
		return k
	}
	return ""
}

// tollOf reads a count given as a toll: "the death toll rose to 1,500",
// "the toll has climbed to 745", "a death toll of 1,383", "the number of
// people killed has risen to 200", "put the toll at 1,000".
func tollOf(toks []text.Token, qs int) string {
	for p, steps := qs-1, 0; p >= 0 && steps < 9; p, steps = p-1, steps+1 {
		t := &toks[p]
		if t.Kind != text.Word {
			switch {
			case t.Kind == text.Number && p > 0 && toks[p-1].Lower == "from" && p+1 < len(toks) && toks[p+1].Lower == "to":
				p-- // "the toll rose from 11 to": the old figure, and "from"
				continue
			case t.Text == "," && p > 0 && comparatives[toks[p-1].Lower]:
				continue // "puts the toll higher, at"
			}
			return ""
		}
		if tollNouns[t.Lower] {
			if p > 0 {
				switch k := text.CasualtyKinds[toks[p-1].Lower]; k {
				case "", corpus.KindKilled:
				default:
					return k // "arrest tally", "injury toll"
				}
			}
			if t.Lower == "count" && steps == 0 {
				return ""
			}
			return corpus.KindKilled
		}
		if k := text.CasualtyKinds[t.Lower]; k != "" && steps > 0 {
			for q := p - 1; q >= 0 && q >= p-4; q-- {
				switch toks[q].Lower {
				case "number", "total", "tally", "toll", "count":
					return k
				}
			}
			if p == 0 || toks[p-1].Lower == "the" || toks[p-1].Lower == "those" || toks[p-1].Text == "," {
				// "The dead numbered 40", "Deaths rose to 27".
				switch toks[p+1].Lower {
				case "numbered", "number", "totalled", "totaled", "stood", "reached", "rose", "climbed", "now",
					"have", "has", "increased", "jumped", "grew", "soared", "mounted":
					return k
				}
			}
			return ""
		}
		if !links[t.Lower] {
			return tollBefore(toks, p)
		}
	}
	return ""
}

// tollBefore reads a toll whose noun stands before a phrase ending at
// token p: "the death toll in the war has risen to", "the toll from the
// earthquake climbed to", "the number of people killed in El Fasher since
// the offensive began rose to".
func tollBefore(toks []text.Token, p int) string {
	for q := p - 1; q >= 0 && q >= p-12; q-- {
		if toks[q].Kind != text.Word && toks[q].Kind != text.Number {
			return ""
		}
		if tollNouns[toks[q].Lower] && q+1 <= p && tollPrepositions[toks[q+1].Lower] {
			if q > 0 {
				if k := text.CasualtyKinds[toks[q-1].Lower]; k != "" && k != corpus.KindKilled {
					return k
				}
			}
			return corpus.KindKilled
		}
		if k := text.CasualtyKinds[toks[q].Lower]; k != "" {
			for r := q - 1; r >= 0 && r >= q-4 && toks[r].Kind == text.Word; r-- {
				switch toks[r].Lower {
				case "number", "total", "tally", "count":
					return k
				}
			}
		}
	}
	return ""
}

// countAdjectives may stand between a count and a casualty noun.
var countAdjectives = text.NewSet("associated confirmed suspected reported recorded documented additional new further related total civilian")

// tollPrepositions open the phrase that may follow a toll noun.
var tollPrepositions = text.NewSet("in from of on since among across for after")

// readSubset reads a count that is part of one given before: "of whom 973
// were civilians", "including three children", "among them 12 women",
// "973 of them civilians". It returns the counted group and the token
// after it.
func readSubset(txt string, toks []text.Token, qs, cend int) (bool, string, int) {
	p := qs - 1
	if p >= 0 && beForms[toks[p].Lower] {
		p--
	}
	if p >= 0 && toks[p].Text == "," {
		p--
	}
	before := false
	for _, seq := range subsetBefore {
		n := len(seq)
		if p-n+1 < 0 {
			continue
		}
		match := true
		for k, w := range seq {
			if toks[p-n+1+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			before = true
			break
		}
	}
	j := cend
	after := j+1 < len(toks) && toks[j].Lower == "of" && subsetWord(toks[j+1].Lower)
	if after {
		j += 2
	}
	if !before && !after {
		return false, "", cend
	}
	if j < len(toks) && beForms[toks[j].Lower] {
		if who, end, _, thing := whoCounted(txt, toks, j+1); who != "" && !thing {
			return true, who, end
		}
	}
	who, end, _, _ := whoCounted(txt, toks, j)
	return true, who, end
}

// readPredicate reads the casualty predicate after a counted group: "have
// died", "had been killed", "were among the dead", "lost their lives",
// "remain missing", ", including three children, were killed". It returns
// the kind, or "" when the words after the group say nothing of
// casualties.
func readPredicate(txt string, toks []text.Token, j int) string {
	k := skipAside(toks, j)
	// A count joined on: "3 soldiers and 2 civilians were killed".
	for k+1 < len(toks) && (toks[k].Lower == "and" || toks[k].Text == ",") && startsCount(toks, k+1) {
		c, ok := parseCount(txt, toks, k+1)
		if !ok {
			break
		}
		_, end, kind, thing := whoCounted(txt, toks, c.end)
		if thing || kind != "" {
			break
		}
		k = end
	}
	// A place: "1,000 people in Latakia were killed".
	if k < len(toks) && (placeIntroducers[toks[k].Lower] || toks[k].Lower == "from") {
		m := k + 1
		for m < len(toks) && m < k+6 && toks[m].Kind == text.Word && !beForms[toks[m].Lower] && text.CasualtyKinds[toks[m].Lower] == "" &&
			toks[m].Lower != "have" && toks[m].Lower != "has" && toks[m].Lower != "had" {
			m++
		}
		if m < len(toks) && (beForms[toks[m].Lower] || toks[m].Lower == "have" || toks[m].Lower == "has" || toks[m].Lower == "had" || predicates[toks[m].Lower]) {
			k = m
		}
	}
	for steps := 0; k < len(toks) && steps < 9; k, steps = k+1, steps+1 {
		t := &toks[k]
		if t.Kind != text.Word {
			return ""
		}
		low := t.Lower
		if low == "not" || low == "never" || low == "no" || strings.HasSuffix(low, "n't") {
			return ""
		}
		if kind := phraseAt(toks, k); kind != "" {
			return kind
		}
		if kind, ok := deathPredicate(toks, k); ok {
			return kind // "were put to death", "were sentenced to death"
		}
		if displacePredicate(toks, k) {
			return corpus.KindDisplaced // "have been driven from their homes"
		}
		if low == "among" {
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if kind := text.CasualtyKinds[toks[m].Lower]; kind != "" {
					return kind
				}
				if toks[m].Lower != "the" && toks[m].Lower != "those" {
					break
				}
			}
			return ""
		}
		if predicates[low] {
			return text.CasualtyKinds[low]
		}
		if !aux[low] {
			return ""
		}
	}
	return ""
}

// skipAside skips a parenthetical after a counted group when a predicate
// follows it: "12 people, including three children, were killed".
func skipAside(toks []text.Token, j int) int {
	if j >= len(toks) {
		return j
	}
	open := toks[j].Text
	var closer string
	switch open {
	case ",":
		closer = ","
	case "(":
		closer = ")"
	case "—", "–":
		closer = open
	default:
		return j
	}
	for m := j + 1; m < len(toks) && m < j+16; m++ {
		if toks[m].Text == closer {
			if m+1 < len(toks) && (aux[toks[m+1].Lower] || predicates[toks[m+1].Lower]) {
				return m + 1
			}
			return j
		}
		if toks[m].Text == ";" || toks[m].Sentence != toks[j].Sentence {
			return j
		}
	}
	return j
}

// phraseAt reads a multi-word casualty phrase at token k: "lost their
// lives", "taken into custody", "shot dead".
func phraseAt(toks []text.Token, k int) string {
	if k+1 >= len(toks) {
		return ""
	}
	key := toks[k].Lower
	for n := 1; n < 4 && k+n < len(toks); n++ {
		key += " " + toks[k+n].Lower
		if kind, ok := text.CasualtyPhrases[key]; ok {
			return kind
		}
	}
	return ""
}
