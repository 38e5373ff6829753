package extract

import (
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// The day a figure was reported is the report's — the dated statement or
// the article's publication — not the day of the events it counts:
//
//   - a date that starts a period ("since the fighting began on March 6",
//     "the violence, which erupted on 6 March") dates the start, never the
//     report;
//   - a date in a relative clause describes its noun, not the figure:
//     "the violence that erupted in western Syria in March cost 1,426
//     lives" is a figure of the report, where "fighting between December
//     and February killed 500" is one of then;
//   - a figure recalled ("back then", "at the time", "earlier",
//     "previously", "initially", "first reported") was reported before the
//     report that recalls it: it takes the latest day the article named
//     before that report, else the day before.

// periodStart reports whether the date whose first token is first starts
// a period: a verb of beginning governs it ("began on", "erupted in",
// "broke out on"), or "since" opens its clause ("since the fighting began
// on March 6").
func periodStart(st []text.Token, first int) bool {
	k := first - 1
	if k >= 0 && (st[k].Lower == "on" || st[k].Lower == "in" || st[k].Lower == "at") {
		k--
	}
	if k >= 0 && (startVerbs[st[k].Lower] || st[k].Lower == "out" && k > 0 && st[k-1].Lower == "broke") {
		return true
	}
	for ; k >= 0 && k >= first-12; k-- {
		t := &st[k]
		if t.Kind == text.Punct || t.Kind == text.Number || t.Lower == "that" || t.Lower == "and" || t.Lower == "but" || t.Lower == "to" {
			return false
		}
		if t.Lower == "since" {
			return true
		}
	}
	return false
}

// inRelativeClause reports whether the date whose first token is first
// stands in a relative clause: "that erupted in western Syria in March",
// ", which began in April 2023,". A "that" opening a reported clause ("said
// that in March …") is none.
func inRelativeClause(st []text.Token, first int) bool {
	for k := first - 1; k >= 0 && k >= first-8; k-- {
		t := &st[k]
		if t.Kind == text.Punct && t.Text != "," || t.Kind == text.Number {
			return false
		}
		if (t.Lower == "that" || t.Lower == "which") && k+1 < first {
			n := st[k+1].Lower
			return startVerbs[n] || strings.HasSuffix(n, "ed") || beForms[n] || n == "has" || n == "had"
		}
	}
	return false
}

// reportNouns name a report of figures: "in its earlier report", "a
// previous estimate".
var reportNouns = text.NewSet("report reports estimate estimates toll tolls tally count figure figures statement assessment update bulletin")

// startVerbs begin a period: "the fighting began on Thursday".
var startVerbs = text.NewSet("began begun begin begins started start starts erupted erupt erupts flared broke commenced")

// recalled reports whether a figure — its number at token num, the verb
// that reports it at token verb (-1 for none) — is recalled from a report
// before the one at hand: the sentence opens with "Earlier", "Initially",
// "Previously", "Originally", or says "back then", "at the time" (not "at
// the time of"), "at that point", "at first"; or "earlier", "previously",
// "initially", "originally", "first" stands next to the reporting verb
// ("had earlier estimated", "initially put the toll at", "said earlier",
// "first reported"), or before the number when no verb reports it; or the
// sentence speaks of an earlier report ("in its earlier report", "a
// previous estimate", "the initial toll").
func recalled(st []text.Token, verb, num int) bool {
	for k := range st {
		t := &st[k]
		next, prev := "", ""
		if k+1 < len(st) {
			next = st[k+1].Lower
		}
		if k > 0 {
			prev = st[k-1].Lower
		}
		switch t.Lower {
		case "then":
			if prev == "back" {
				return true
			}
		case "time", "point":
			if k >= 2 && st[k-2].Lower == "at" && (prev == "the" || prev == "that") && next != "of" {
				return true
			}
		case "first":
			if prev == "at" || nextToVerb(st, k, verb, num) && reportVerb(next) && !determinerWords[prev] {
				return true
			}
		case "earlier", "previously", "initially", "originally":
			if k == 0 || nextToVerb(st, k, verb, num) && (beForms[prev] || finiteAux[prev] || reportVerb(prev) || reportVerb(next)) {
				return true
			}
			if t.Lower == "earlier" && k < num && reportNouns[next] {
				return true
			}
		case "previous", "initial", "original", "prior":
			if k < num && reportNouns[next] {
				return true
			}
		}
	}
	return false
}

// nextToVerb reports whether the adverb at token k modifies the verb at
// token verb (within two tokens of it), or, when no verb reports the
// figure, stands before its number at token num.
func nextToVerb(st []text.Token, k, verb, num int) bool {
	if verb < 0 {
		return k < num
	}
	return k >= verb-2 && k <= verb+2
}

// reportVerb reports a verb that reports a figure: "said", "reported",
// "documented", "put" (the toll at).
func reportVerb(w string) bool {
	return text.SpeechVerbs[w] && !notVerbs[w] || text.CountVerbs[w] || tollVerbs[w]
}

// before returns the day a recalled figure was reported, given the day of
// the report that recalls it: the latest day the article names before it,
// in the paragraphs up to pi and paragraph pi's text up to byte upto, else
// the day before it.
func (fa *figureReader) before(report corpus.Date, pi, upto int) corpus.Date {
	if report.IsZero() {
		return report
	}
	if fa.paraDates == nil {
		fa.paraDates = make([][]DateMention, len(fa.a.Paragraphs))
		fa.datesRead = make([]bool, len(fa.a.Paragraphs))
	}
	var best corpus.Date
	for i := 0; i <= pi; i++ {
		if !fa.datesRead[i] {
			fa.paraDates[i], fa.datesRead[i] = fa.dates.find(fa.a.Paragraphs[i].Text), true
		}
		for _, d := range fa.paraDates[i] {
			if i == pi && d.End > upto {
				break // paragraph pi counts up to byte upto
			}
			if day := d.Date; day.Before(report.Time) && (best.IsZero() || day.After(best.Time)) {
				best = day
			}
		}
	}
	if best.IsZero() {
		return corpus.Date{Time: report.AddDate(0, 0, -1)}
	}
	return best
}
