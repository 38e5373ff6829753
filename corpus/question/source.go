package question

import (
	"strings"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Sources: who a figure is reported by. A source follows a cue and ends
// at its clause: "according to SOHR", "reported by LANA", "what toll did
// SOHR give", "people SNHR recorded killed", "per al jazeera" (but "per
// day", "per capita"); a bare "by" or "from" is a source only before an
// organisation after a figure noun ("the toll
// by the observatory"), never an agent ("displaced by the Harasta
// battles") or a breakdown ("death toll by province").

// figureNouns name a figure: "the toll by…", "figures from…".
var figureNouns = text.NewSet(`toll tolls figure figures count counts tally tallies estimate estimates number numbers
	data report reports statistics stats death deaths casualties`)

// orgConnectors join the capitalised words of an organisation's name.
var orgConnectors = text.NewSet("of for and the")

// perUnits follow a "per" that divides ("per capita", "per cent") rather
// than names a source ("per Reuters"); so do nouns of time ("per day").
var perUnits = text.NewSet("cent capita head person people resident residents household households")

// auxiliaries open the clause whose subject reports: "did SOHR give",
// "had SNHR recorded".
var auxiliaries = text.NewSet("did does do had has have")

// sourceOf finds the question's source, its span of words, and whether
// there is one. The strongest cue wins: "according to" or a reporting
// verb and "by", then the subject of a reporting verb, then a bare
// preposition before an organisation.
func sourceOf(ws []word) (string, [2]int, bool) {
	best, bestSpan, bestRank := "", [2]int{}, 0
	take := func(start, end, rank int) {
		name := sourceName(ws[start:end])
		if name != "" && rank > bestRank {
			best, bestSpan, bestRank = name, [2]int{start, end}, rank
		}
	}
	for i, w := range ws {
		switch {
		case w.lower == "according" && i+1 < len(ws) && ws[i+1].lower == "to":
			take(i+2, sourceEnd(ws, i+2), 3)
		case w.lower == "by" && i > 0 && text.ReportingVerb(ws[i-1].lower):
			take(i+1, sourceEnd(ws, i+1), 3) // "reported by", "said by", "recorded by"
		case w.lower == "per" && i+1 < len(ws) && !text.TimeNouns[ws[i+1].lower] && !perUnits[ws[i+1].lower]:
			take(i+1, sourceEnd(ws, i+1), 3) // "per al jazeera": as "according to", typed in chat
		case auxiliaries[w.lower]:
			if s, e, ok := reportingSubject(ws, i+1); ok {
				take(s, e, 2)
			}
		case (w.lower == "by" || w.lower == "from") && (i == 0 || figureNouns[ws[i-1].lower]):
			if e := sourceEnd(ws, i+1); organisation(ws[i+1 : e]) {
				take(i+1, e, 1)
			}
		case text.ReportingVerb(w.lower) && strings.HasSuffix(w.lower, "ed") && i > 1:
			// "people SNHR recorded killed": a name just before a past
			// reporting verb, with no auxiliary.
			s := i
			for s > 1 && (ws[s-1].upper || ws[s-1].acronym) {
				s--
			}
			if s < i && (text.SpeechVerb(w.lower) || counter(ws[s:i])) {
				take(s, i, 2)
			}
		}
	}
	return best, bestSpan, bestRank > 0
}

// reportingSubject reads "SOHR give", "the monitor say", "the
// fact-finding committee say" after an auxiliary at start: the subject
// (at most five words, no clause word but a determiner) of a reporting
// verb.
func reportingSubject(ws []word, start int) (int, int, bool) {
	for v := start + 1; v < len(ws) && v <= start+5; v++ {
		l := ws[v].lower
		if text.ReportingVerb(l) {
			if l == "reported" && v+1 < len(ws) && ws[v+1].lower == "by" {
				return 0, 0, false // "had SNHR reported by": the passive has its own cue
			}
			if !text.SpeechVerb(l) && !counter(ws[start:v]) {
				return 0, 0, false // "how many deaths has India recorded": a place counts
			}
			return start, v, true
		}
		if ws[v].boundary() || clauseWords[l] || ws[v].number {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// counter reports whether the subject of a count verb ("recorded",
// "documented", "identified") is a source rather than a place: an
// organisation by its head noun or acronym ("SNHR", "the monitor"), or
// a capitalised name before a common noun ("the Reuters investigation");
// "has India recorded" is a place.
func counter(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1]
	if text.OrgHeads[head.lower] || text.OrgNouns[head.lower] {
		return true
	}
	for _, w := range ws {
		if w.acronym || w.upper && !head.upper {
			return true
		}
	}
	return false
}

// sourceEnd is the end of a source starting at start: the next clause
// boundary, preposition, auxiliary, question word, date or figure word.
// "of", "for" and "and" go on within a name ("the Syrian Network for
// Human Rights", "the joint fire and police briefing") when a
// capitalised word follows, or in a question typed in lower case after an
// organisation's head noun ("the syrian network for human rights").
func sourceEnd(ws []word, start int) int {
	caps := cased(ws)
	e := start
	for e < len(ws) {
		w := ws[e]
		l := w.lower
		if (l == "of" || l == "for" || l == "and") && e > start && e+1 < len(ws) {
			next := ws[e+1]
			if next.upper || l == "and" && !clauseWords[next.lower] && !endsSource(next) || !caps && text.OrgHeads[ws[e-1].lower] {
				e++
				continue
			}
		}
		if endsSource(w) || clauseWords[l] && !determiners[l] {
			break
		}
		e++
	}
	return e
}

// endsSource reports whether w ends a source: a boundary, a question
// word, a month, weekday or number, a figure or reporting word.
func endsSource(w word) bool {
	l := w.lower
	return w.boundary() || w.number || text.Months[l] || text.Weekdays[l] || figureWords[l] != nil ||
		pastReporting(l) || l == "how" || l == "what" || l == "many" || l == "much"
}

// organisation reports whether a phrase names an organisation: its head
// is an organisation noun ("the observatory", "the interior ministry"),
// or it has an acronym or, only capitalised words ("by SNHR", "by the
// UN", "by Reuters").
func organisation(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1].lower
	if text.OrgHeads[head] || text.OrgNouns[head] {
		return true
	}
	caps := 0
	for _, w := range ws {
		switch {
		case w.acronym:
			return true
		case w.upper && !text.Demonyms[w.lower]:
			caps++
		case !determiners[w.lower]:
			return false
		}
	}
	return caps > 0
}

// sourceName is the source a phrase names, lower-case, without its
// determiners and filler ("the latest UN report" → "un report"); when its
// head is no organisation noun and it has capitalised words, only those
// ("the Reuters investigation" → "reuters").
func sourceName(ws []word) string {
	name := trimFiller(joinWords(ws))
	if name == "" {
		return ""
	}
	head := ws[len(ws)-1].lower
	if text.OrgHeads[head] || text.OrgNouns[head] {
		return name
	}
	// The first capitalised run, "of", "for", "and" or "the" within it:
	// "the Syrian Network for Human Rights investigation".
	s, e := -1, 0
	for i, w := range ws {
		switch {
		case w.upper || w.acronym:
			if s < 0 {
				s = i
			}
			e = i + 1
		case s >= 0 && orgConnectors[w.lower] && i+1 < len(ws):
			continue
		case s >= 0:
			return joinWords(ws[s:e])
		}
	}
	if s >= 0 {
		return joinWords(ws[s:e])
	}
	return name
}

// pastReporting reports whether w is a reporting verb in a past form,
// which cannot be a noun of a name as "report" or "statement" can:
// "reported", "said", "gave".
func pastReporting(w string) bool {
	switch w {
	case "said", "told", "gave", "given", "found", "put", "wrote", "written":
		return true
	}
	return strings.HasSuffix(w, "ed") && text.ReportingVerb(w)
}
