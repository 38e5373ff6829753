package extract

import (
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Sources: who reported a figure ("the observatory said", "according
// to the ministry"), resolved to a full name.

// sourceCue is an attribution in a sentence: "according to X", "X said",
// "said X", "X, which had reported".
type sourceCue struct {
	verb       int // token of the reporting verb, or of "according"
	start, end int // tokens of the source
	after      bool
}

// findCues finds the attributions of a sentence.
func findCues(toks []text.Token) []sourceCue {
	var out []sourceCue
	for k := 0; k < len(toks); k++ {
		low := toks[k].Lower
		if (low == "according" && k+1 < len(toks) && toks[k+1].Lower == "to") || low == "citing" {
			s := k + 1
			if low == "according" {
				s = k + 2
			}
			e := sourceEnd(toks, s)
			if e > s {
				out = append(out, sourceCue{verb: k, start: s, end: e, after: true})
			}
			continue
		}
		if !text.SpeechVerbs[low] && !text.CountVerbs[low] && !tollVerbs[low] || toks[k].Kind != text.Word {
			continue
		}
		if k > 0 && (beForms[toks[k-1].Lower] || toks[k-1].Lower == "an") {
			continue // "were reported killed", "an estimated 1,000"
		}
		if tollVerbs[low] {
			// "put the toll at", "gave a death toll of": a source only
			// before a toll.
			ok := false
			for m := k + 1; m < len(toks) && m <= k+4; m++ {
				if tollNouns[toks[m].Lower] || toks[m].Lower == "number" || toks[m].Lower == "figure" || toks[m].Lower == "figures" {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if takesLives(toks, k) || reportedly(toks, k) {
			continue // "the floods have claimed 4,000 lives"
		}
		if cue, ok := subjectCue(toks, k); ok {
			out = append(out, cue)
		}
	}
	return out
}

// sourceEnd returns the end of a source written after "according to" or an
// inverted "said": up to a comma, a clause or a date.
func sourceEnd(toks []text.Token, s int) int {
	e := s
	for e < len(toks) && e < s+14 {
		w := &toks[e]
		if w.Kind == text.Punct && w.Text != "-" && w.Text != "." && w.Text != "&" {
			break
		}
		if w.Text == "." && (e == s || !text.Abbreviated(toks[e-1])) {
			break
		}
		if e > s && (w.Lower == "which" || w.Lower == "who" || w.Lower == "that" || w.Lower == "on" || w.Lower == "in" ||
			w.Lower == "late" || w.Lower == "yesterday" || w.Lower == "as" || w.Lower == "and" && startsCount(toks, e+1)) {
			break
		}
		if w.Kind == text.Number {
			break
		}
		e++
		if sPossessive(*w) && e > s+1 {
			// "the observatory's figures": the source is the owner.
			break
		}
	}
	return e
}

// startsCount reports whether a count starts at token i: digits, a
// number word, or "a"/"an" before "dozen", "hundred", "thousand".
func startsCount(toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := &toks[i]
	switch {
	case t.Kind == text.Number:
		return true
	case t.Kind != text.Word:
		return false
	case t.Lower == "a" || t.Lower == "an" || t.Lower == "few" || t.Lower == "several" || t.Lower == "half":
		if i+1 < len(toks) {
			switch toks[i+1].Lower {
			case "dozen", "hundred", "thousand", "million", "a", "few":
				return true
			}
		}
		return false
	}
	return numberWord(t.Lower)
}

// subjectCue reads the source of a reporting verb at token k: the
// subject before it ("the observatory said"), past an appositive
// ("Anas Khattab, the head of …, said"), the antecedent of "which"
// ("the Syrian Network …, which had reported"), or the subject after an
// inverted verb ("…, said the observatory").
func subjectCue(toks []text.Token, k int) (sourceCue, bool) {
	p := k - 1
	for p >= 0 && toks[p].Kind == text.Word && cueSkip[toks[p].Lower] {
		p--
	}
	if p >= 0 && toks[p].Text == "," {
		// "X, the head of Y, said": the appositive, then the name.
		c2 := p - 1
		for c2 >= 0 && toks[c2].Text != "," && p-c2 < 14 {
			c2--
		}
		if c2 >= 0 && toks[c2].Text == "," {
			b, e := subjectBack(toks, c2-1)
			if e > b && hasCapital(toks[b:e]) {
				return sourceCue{verb: k, start: b, end: e}, true
			}
			if c2+1 < p {
				return sourceCue{verb: k, start: c2 + 1, end: p}, true
			}
		}
	}
	if p >= 1 && toks[p].Text == ")" {
		// "the Kenya National Commission on Human Rights (KNCHR) says": the
		// name before the bracketed acronym.
		open := p - 1
		for open >= 0 && toks[open].Text != "(" && p-open < 8 {
			open--
		}
		if open >= 1 && toks[open].Text == "(" {
			if b, e := subjectBack(toks, open-1); e > b && hasCapital(toks[b:e]) {
				return sourceCue{verb: k, start: b, end: e}, true
			}
		}
		return sourceCue{}, false
	}
	b, e := subjectBack(toks, p)
	if e > b {
		if e-b == 1 && (toks[b].Lower == "which" || toks[b].Lower == "who") && b >= 2 && toks[b-1].Text == "," {
			// "the Syrian Network for Human Rights, which had reported"
			b2, e2 := subjectBack(toks, b-2)
			if e2 > b2 {
				return sourceCue{verb: k, start: b2, end: e2}, true
			}
		}
		if contentWord(toks[b:e]) {
			return sourceCue{verb: k, start: b, end: e}, true
		}
	}
	// Inverted: "…,” said Rami Abdulrahman, the head of the observatory.
	if k > 0 && toks[k-1].Kind == text.Punct && k+1 < len(toks) {
		s := k + 1
		if e := sourceEnd(toks, s); e > s && contentWord(toks[s:e]) {
			return sourceCue{verb: k, start: s, end: e, after: true}, true
		}
	}
	return sourceCue{}, false
}

// subjectBack reads a subject backwards from token p (inclusive) to a
// comma, a clause word or a number; it returns the token range.
func subjectBack(toks []text.Token, p int) (int, int) {
	e := p + 1
	b := p
	for b >= 0 && p-b < 10 {
		w := &toks[b]
		if w.Kind == text.Number || w.Kind == text.Punct && w.Text != "-" && w.Text != "." && w.Text != "&" || subjectStops[w.Lower] && w.Kind == text.Word {
			break
		}
		if w.Text == "." && (b == 0 || !text.Abbreviated(toks[b-1])) {
			break
		}
		b--
	}
	return b + 1, e
}

func hasCapital(toks []text.Token) bool {
	for i := range toks {
		if toks[i].Upper && !titleWord(toks[i].Lower) && i > 0 {
			return true
		}
		if toks[i].Upper && i == 0 && toks[i].Lower != "the" && toks[i].Lower != "a" && toks[i].Lower != "an" {
			return true
		}
	}
	return false
}

// contentWord reports whether a subject has a word other than a
// determiner: "the" alone is no source.
func contentWord(toks []text.Token) bool {
	for i := range toks {
		if toks[i].Kind == text.Word && (!phraseStops[toks[i].Lower] || pronouns[toks[i].Lower]) {
			return true
		}
	}
	return false
}

func (fa *figureReader) resolveSource(raw string, pi int) string {
	para := &fa.a.Paragraphs[pi]
	toks := text.Tokenize(raw)
	for len(toks) > 0 && toks[len(toks)-1].Kind == text.Punct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	if len(toks) == 1 && pronouns[toks[0].Lower] {
		if len(para.Attribution) > 0 {
			return para.Attribution[0]
		}
		return fa.lastSource
	}
	raw = raw[:toks[len(toks)-1].PossEnd-toks[0].Start]
	if name, ok := nameOf(raw, toks); ok {
		for _, at := range para.Attribution {
			if strings.EqualFold(at, name) || text.HasWord(at, name) {
				return at
			}
		}
		if full := fa.mentionNamed(name, pi); full != "" {
			return full
		}
		return name
	}
	head := toks[len(toks)-1].Lower
	for _, at := range para.Attribution {
		if text.HasWord(at, head) {
			return at
		}
	}
	if phraseStops[head] {
		return strings.TrimSpace(raw)
	}
	if name := fa.mentionWithHead(head, pi); name != "" {
		return name
	}
	if name := fa.nameWith(head, pi); name != "" {
		return name
	}
	// "the monitor", "this group": the source named before; "The United
	// Nations refugee agency" names its own.
	if (toks[0].Lower == "the" || toks[0].Lower == "this") && genericHeads[head] && fa.lastSource != "" && !namesItself(toks) {
		return fa.lastSource
	}
	if toks[0].Lower == "the" && toks[0].Upper {
		return "the" + raw[3:]
	}
	return raw
}

// nameOf returns the capitalised name a source is ("the Britain-based
// Syrian Observatory for Human Rights" → "Syrian Observatory for Human
// Rights", "Mr. al-Shara" → "al-Shara"), when the source is one: "Syrian
// officials" is no name.
func nameOf(raw string, toks []text.Token) (string, bool) {
	if p := trailingPlace(toks); p > 0 {
		// Where the source is: "the head of the Red Crescent in
		// Benghazi" is the Red Crescent's head, not Benghazi.
		toks = toks[:p]
		raw = raw[:toks[p-1].PossEnd-toks[0].Start]
	}
	i := 0
	for i < len(toks) && (toks[i].Lower == "the" || toks[i].Lower == "a" || toks[i].Lower == "an" || toks[i].Lower == "another" ||
		titleWord(toks[i].Lower) || toks[i].Text == "." || adjectiveHyphen(toks[i].Lower)) {
		i++
	}
	if i >= len(toks) {
		return "", false
	}
	e := i
	for toks[i].Upper && e < len(toks) {
		w := &toks[e]
		if w.Kind == text.Word && (w.Upper || nameJoin[w.Lower] && e+1 < len(toks) && toks[e+1].Upper) {
			e++
			continue
		}
		if w.Kind == text.Punct && (w.Text == "&" || w.Text == "." && text.Abbreviated(toks[e-1])) && e+1 < len(toks) {
			e++
			continue
		}
		break
	}
	if e < len(toks) {
		// A name closing the source: "the state news agency SANA"; but
		// "Syrian officials" is no name.
		e, b := len(toks), len(toks)
		for b > i && toks[b-1].Kind == text.Word && (toks[b-1].Upper || b-1 > i && nameJoin[toks[b-1].Lower] && b < e && toks[b-2].Upper) {
			b--
		}
		if b < e && b > i && !toks[b-1].Upper && (e-b >= 2 || looksName(&toks[b])) {
			return raw[toks[b].Start-toks[0].Start : toks[e-1].PossEnd-toks[0].Start], true
		}
		return "", false
	}
	if e == i+1 && !looksName(&toks[i]) {
		return "", false
	}
	name := raw[toks[i].Start-toks[0].Start : toks[e-1].PossEnd-toks[0].Start]
	return strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"), true
}

// trailingPlace returns the index of a locative preposition ("in", "at",
// "near") that only capitalised words follow to the end of toks: the
// source's place, not its name ("the Red Crescent in Benghazi"). 0 for
// none.
func trailingPlace(toks []text.Token) int {
	for p := len(toks) - 2; p > 0; p-- {
		switch t := toks[p]; {
		case t.Lower == "in" || t.Lower == "at" || t.Lower == "near":
			return p
		case t.Kind != text.Word || !t.Upper:
			return 0
		}
	}
	return 0
}

// looksName reports whether a single capitalised word can be a source's
// name rather than a capitalised common word ("Officials").
func looksName(t *text.Token) bool { return !peopleNouns[t.Lower] && !phraseStops[t.Lower] }

// adjectiveHyphen reports descriptive compounds dropped before a name:
// "Britain-based", "UK-based", "Iran-backed", "state-run".
func adjectiveHyphen(w string) bool {
	for _, suf := range []string{"-based", "-backed", "-led", "-run", "-funded", "-affiliated", "-aligned", "-owned"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mentionNamed returns the full name of the article mention written name
// ("al-Shara" → "Ahmed al-Shara"), looking back from paragraph pi first.
func (fa *figureReader) mentionNamed(name string, pi int) string {
	back := fa.lookup("named back", name, func(q int) string {
		for _, m := range fa.a.Paragraphs[q].Mentions {
			if m.Name != "" && (strings.EqualFold(m.Text, name) || strings.EqualFold(m.Name, name) || text.HasWord(m.Name, name)) {
				return m.Name
			}
		}
		return ""
	})
	if n := back.atOrBefore(pi); n != "" {
		return n
	}
	forward := fa.lookup("named forward", name, func(q int) string {
		for _, m := range fa.a.Paragraphs[q].Mentions {
			if m.Name != "" && (strings.EqualFold(m.Text, name) || strings.EqualFold(m.Name, name)) {
				return m.Name
			}
		}
		return ""
	})
	return forward.after(pi)
}

// mentionWithHead returns the name of several words, of a person or an
// organisation, that the nearest paragraph up to pi mentions with the
// word head ("observatory"), or "".
func (fa *figureReader) mentionWithHead(head string, pi int) string {
	return fa.lookup("head", head, func(q int) string {
		for _, m := range fa.a.Paragraphs[q].Mentions {
			if m.Kind != corpus.MentionPlace && m.Name != "" && text.HasWord(m.Name, head) && strings.Contains(m.Name, " ") {
				return m.Name
			}
		}
		return ""
	}).atOrBefore(pi)
}

// nameWith returns the longest capitalised name of the article containing
// the word head ("observatory" → "Syrian Observatory for Human Rights"),
// looking in paragraph pi and back first, then forward.
func (fa *figureReader) nameWith(head string, pi int) string {
	if len(head) < 3 {
		return ""
	}
	if fa.names == nil {
		fa.names = make([][]string, len(fa.a.Paragraphs))
		for q, p := range fa.a.Paragraphs {
			fa.names[q] = nameRuns(p.Text)
		}
	}
	near := fa.lookup("name with", head, func(q int) string {
		best := ""
		for _, n := range fa.names[q] {
			if len(n) > len(best) && text.HasWord(n, head) {
				best = n
			}
		}
		return best
	})
	if n := near.atOrBefore(pi); n != "" {
		return n
	}
	return near.after(pi)
}

// lookup returns what each paragraph gives for key, by give, read once
// per article and question (what): a source resolved from every
// paragraph of a long article costs no rescan of the others.
func (fa *figureReader) lookup(what, key string, give func(q int) string) nearest {
	k := [2]string{what, key}
	if n, ok := fa.lookups[k]; ok {
		return n
	}
	found := make([]string, len(fa.a.Paragraphs))
	for q := range fa.a.Paragraphs {
		found[q] = give(q)
	}
	n := newNearest(found)
	if fa.lookups == nil {
		fa.lookups = map[[2]string]nearest{}
	}
	fa.lookups[k] = n
	return n
}

// nameRuns returns the capitalised names of two words or more in a text:
// "Syrian Observatory for Human Rights", "Middle East Institute".
func nameRuns(txt string) []string {
	toks := text.Tokenize(txt)
	names := []string{}
	for i := 0; i < len(toks); {
		if toks[i].Kind != text.Word || !toks[i].Upper || adjectiveHyphen(toks[i].Lower) {
			i++
			continue
		}
		e, caps := i, 0
		for e < len(toks) {
			w := &toks[e]
			if w.Kind == text.Word && w.Upper && !adjectiveHyphen(w.Lower) {
				caps++
				e++
				if sPossessive(*w) {
					break
				}
				continue
			}
			if w.Kind == text.Word && nameJoin[w.Lower] && e+1 < len(toks) && toks[e+1].Upper && e > i {
				e++
				continue
			}
			break
		}
		start := i
		if toks[start].Lower == "the" && start+1 < e {
			start++
			caps--
		}
		if caps >= 2 {
			names = append(names, txt[toks[start].Start:toks[e-1].PossEnd])
		}
		i = max(e, i+1)
	}
	return names
}

// namesItself reports whether a description has a capitalised word of a
// name after its determiner: "The United Nations refugee agency", not
// "the Britain-based monitor".
func namesItself(toks []text.Token) bool {
	for _, t := range toks[1:] {
		if t.Upper && !adjectiveHyphen(t.Lower) && !titleWord(t.Lower) {
			return true
		}
	}
	return false
}
