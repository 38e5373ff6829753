package question

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// A slot of a question is read by what it can be: a place is a name or
// a common noun of places, never a month, a weekday or a topic phrase; a
// source follows a cue ("according to", "reported by", the subject of a
// reporting verb) and ends at its clause.

// word is one word or clause boundary of a question, as typed.
type word struct {
	lower   string // lower-cased, corrected, without a possessive 's; "," for a boundary
	upper   bool   // capitalised as typed (the question's first word only when it is no question word)
	acronym bool   // all capitals: "SOHR", "UN"
	number  bool   // written in digits: "1,300"
	poss    bool   // followed by 's
	hyphen  bool   // joined by a hyphen to the next token: "25-year-old"
}

// boundary reports whether w ends a clause: a comma, a colon, a question mark.
func (w word) boundary() bool { return w.lower == "," }

// readWords splits the cleaned question into words and clause boundaries,
// the words lower-cased and corrected as the rest of the parse reads them.
func readWords(s string) []word {
	var out []word
	toks := text.Tokenize(s)
	for _, t := range toks {
		if t.Kind == text.Punct {
			switch t.Rune {
			case '-', '\'', '"':
				if t.Rune == '-' && len(out) > 0 {
					out[len(out)-1].hyphen = true
				}
				continue
			}
			if len(out) > 0 && !out[len(out)-1].boundary() {
				out = append(out, word{lower: ","})
			}
			continue
		}
		w := word{lower: t.Lower, number: t.Kind == text.Number, poss: t.Possessive}
		w.upper = t.Upper && (len(out) > 0 || !opener(t.Lower))
		w.acronym = len([]rune(t.Text)) >= 2 && strings.IndexFunc(strings.TrimSuffix(t.Text, "'s"), func(r rune) bool { return !unicode.IsUpper(r) }) < 0
		out = append(out, w)
	}
	lowers := make([]string, len(out))
	for i, w := range out {
		lowers[i] = w.lower
	}
	for i, c := range correctWords(lowers) {
		out[i].lower = c
	}
	return out
}

// opener reports whether a lower-case word opening a question is
// capitalised only because it opens it: a question or filler word, a
// reporting verb, a figure word ("How", "Tell", "Death toll").
func opener(w string) bool {
	return filler[w] || text.ReportingVerb(w) || figureWords[w] != nil || w == "list" || w == "total"
}

// cased reports whether the asker capitalises names: some word past the
// first is capitalised and not an acronym ("killed in derna according to
// AP" is typed in lower case).
func cased(ws []word) bool {
	for i, w := range ws {
		if i > 0 && w.upper && !w.acronym {
			return true
		}
	}
	return false
}

// slots are the place, source and count a question names, with the
// span of words each takes.
type slots struct {
	place, source       string
	placeSpan, srcSpan  [2]int
	number              int
	hasPlace, hasSource bool
	// time are the words of phrases of time ("in the first two days",
	// "over the weekend"): neither place nor topic.
	time []string
}

// readSlots reads the source, then the place outside it, then a count
// the question types.
func readSlots(ws []word) slots {
	var s slots
	s.source, s.srcSpan, s.hasSource = sourceOf(ws)
	s.place, s.placeSpan, s.hasPlace = placeOf(ws, cased(ws), s.srcSpan)
	s.number = numberOf(ws)
	s.time = timeWords(ws)
	return s
}

// timePrepositions open a phrase of time: "in the first two days",
// "during the first 48 hours", "within a week".
var timePrepositions = text.NewSet("in during over within for after since throughout")

// timeWords returns the words of the question's phrases of time: a
// preposition's phrase headed by a noun of time (text.TimeNouns), and a
// weekday or month with the time of day or day number next to it
// ("saturday night", "monday oct 31").
func timeWords(ws []word) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if l := ws[i].lower; text.Weekdays[l] || text.Months[l] && (ws[i].upper || i+1 < len(ws) && ws[i+1].number || i > 0 && ws[i-1].number) {
			out = append(out, l)
			if i+1 < len(ws) && (text.TimeNouns[ws[i+1].lower] || ws[i+1].number && len(ws[i+1].lower) <= 2) {
				out = append(out, ws[i+1].lower)
				i++
			}
			continue
		}
		if !timePrepositions[ws[i].lower] {
			continue
		}
		end := i + 1
		for end < len(ws) && !ws[end].boundary() && (!clauseWords[ws[end].lower] || determiners[ws[end].lower]) && end-i <= 5 {
			end++
		}
		if end > i+1 && text.TimeNouns[ws[end-1].lower] {
			for _, w := range ws[i+1 : end] {
				out = append(out, w.lower)
			}
			i = end - 1
		}
	}
	return out
}

// placePrepositions introduce a place; "from", "for", "on" and "into"
// only before a capitalised name ("the footage from Al-Mukhtariyya", "the
// toll for Derna", "the strike on Kfar Haloun").
var (
	placePrepositions = text.NewSet("in near at around inside across throughout within")
	namePrepositions  = text.NewSet("from for on into")
	determiners       = text.NewSet("the a an its his her their this that these those our")
)

// placeOf finds the first place the question names after a place
// preposition, outside the source's span: a capitalised name ("near
// Jableh", "in Latakia province"), a phrase headed by a common noun of
// places ("in the coastal region"), or, in a question typed in lower
// case, a short bare phrase ("in derna"). The words of the phrase before
// the name stay topic ("in the first ambushes near Jableh").
func placeOf(ws []word, cased bool, skip [2]int) (string, [2]int, bool) {
	for i := 0; i+1 < len(ws); i++ {
		p := ws[i].lower
		if !placePrepositions[p] && !namePrepositions[p] || i >= skip[0] && i < skip[1] && skip[1] > 0 {
			continue
		}
		if p == "for" && i > 0 && ws[i-1].upper {
			continue // "the Military Council for the Liberation of Syria": a name goes on
		}
		start, determined := i+1, false
		for start < len(ws) && determiners[ws[start].lower] {
			start, determined = start+1, true
		}
		end := start
		for end < len(ws) && !endsPlace(ws[end]) {
			end++
		}
		if end == start {
			continue
		}
		if s, e, ok := nameRun(ws, start, end); ok {
			return joinWords(ws[s:e]), [2]int{s, e}, true
		}
		if namePrepositions[p] {
			continue
		}
		if text.PlaceNouns[ws[end-1].lower] && end-start <= 3 {
			return joinWords(ws[start:end]), [2]int{start, end}, true
		}
		if end < len(ws) && (text.Months[ws[end].lower] || text.Weekdays[ws[end].lower]) {
			continue // "in mid november", "in early march": a date, not a place
		}
		if !determined && !cased && end-start <= 3 && bareName(ws[start:end]) {
			return joinWords(ws[start:end]), [2]int{start, end}, true
		}
	}
	return "", [2]int{}, false
}

// endsPlace reports whether w cannot be part of a place phrase: a
// boundary, a function or question word, a verb of the question, a
// figure or group word, a month, weekday or number.
func endsPlace(w word) bool {
	l := w.lower
	if w.boundary() || w.number || filler[l] || lightVerbs[l] || clauseWords[l] || text.Months[l] || text.Weekdays[l] {
		return true
	}
	_, group := groupWords[l]
	return group && !w.upper || figureWords[l] != nil || pastReporting(l)
}

// clauseWords open or join a clause: prepositions, conjunctions,
// auxiliaries and adverbs that end a noun phrase.
var clauseWords = text.NewSet(`in on at near by for of from to into onto over under with without about around across
	inside outside throughout within between among against toward towards since during after before until till
	amid despite following via per and or but nor when while where whom whose which who that than as if because
	did does do had has have is are was were be been being will would could can may might must should shall
	regarding concerning alone only also still already just even again yet ago today yesterday tonight overnight last next`)

// nameRun finds the first capitalised name among ws[start:end]: its
// capitalised words joined by "and" or "of", a possessive ending it
// ("India's heatwave" → India), and a common noun of places after it
// ("Latakia province"). A month, weekday, title, organisation head or
// acronym is no place, and a nationality adjective starts none.
func nameRun(ws []word, start, end int) (int, int, bool) {
	for s := start; s < end; s++ {
		if !ws[s].upper || ws[s].acronym || text.Demonyms[ws[s].lower] || text.Titles[ws[s].lower] {
			continue
		}
		e := s + 1
		for e < end && !ws[e-1].poss {
			if ws[e].upper && !ws[e].acronym {
				e++
				continue
			}
			if text.PlaceNouns[ws[e].lower] {
				e++ // "Latakia province"
			}
			break
		}
		for _, w := range ws[s:e] {
			if text.OrgHeads[w.lower] && !text.PlaceNouns[w.lower] {
				return 0, 0, false // "the General Security Service", "the Military Council"
			}
		}
		return s, e, true
	}
	return 0, 0, false
}

// bareName reports whether a lower-case phrase typed without an article
// can be a place: no state noun ("in hospital"), nationality adjective or
// word of the figure question itself ("in clashes", "in total").
func bareName(ws []word) bool {
	for _, w := range ws {
		if text.StateNouns[w.lower] || text.Demonyms[w.lower] || isFigureFiller(w.lower) || len(w.lower) < 3 || strings.ContainsAny(w.lower, "0123456789") {
			return false
		}
	}
	return true
}

// joinWords joins the words' lower-case forms.
func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.lower
	}
	return strings.Join(parts, " ")
}

// numberOf returns a count the question types ("toll 1225", "the 1,300
// figure", "2000 residents"): a number in digits that is no day or year
// of a date, no part of a hyphenated word ("25-year-old") and no single
// digit ("Statement No. 1"); 0 when none.
func numberOf(ws []word) int {
	for i, w := range ws {
		if !w.number || w.hyphen || i > 0 && ws[i-1].hyphen {
			continue
		}
		n, err := strconv.Atoi(strings.ReplaceAll(w.lower, ",", ""))
		if err != nil || n < 10 {
			continue
		}
		if i > 0 && text.Months[ws[i-1].lower] || i+1 < len(ws) && text.Months[ws[i+1].lower] {
			continue // "March 12", "17 March"
		}
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].lower
		}
		if n >= 1900 && n < 2100 && !strings.Contains(w.lower, ",") && groupWords[next] == "" && figureWords[next] == nil && !countedPeople[next] {
			continue // a year
		}
		return n
	}
	return 0
}
