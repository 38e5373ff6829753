package extract

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Figures of an article: each paragraph read sentence by sentence, its
// figures dated and attributed.

// sPossessive reports whether t is written with a possessive 's:
// "Syria's", not "soldiers'".
func sPossessive(t text.Token) bool { return t.Possessive && strings.HasSuffix(t.Text, "s") }

// sentenceBounds returns the index of the first token of each sentence
// of toks (see text.Sentences).
func sentenceBounds(toks []text.Token) []int {
	bounds := []int{0}
	for k := 1; k < len(toks); k++ {
		if toks[k].Sentence != toks[k-1].Sentence {
			bounds = append(bounds, k)
		}
	}
	return bounds
}

// figureReader holds what extraction learns about one article while it reads
// it paragraph by paragraph.
type figureReader struct {
	a     *corpus.Article
	dates *dateResolver
	// names are the capitalised names of each paragraph (nameRuns), read
	// when a short reference ("the observatory") first needs them.
	names [][]string
	// lookups are what each paragraph gives for a source being resolved
	// (see lookup), by question and key.
	lookups map[[2]string]nearest
	// paraDates are the dates of each paragraph, found when a recalled
	// figure first needs those of paragraphs before it (datesRead).
	paraDates  [][]DateMention
	datesRead  []bool
	lastSource string
	toks       []text.Token   // the tokens of the paragraph being read, reused
	tokens     [][]text.Token // the tokens of every paragraph, when given
}

// addFigures fills in the figures of each paragraph of a: counts of
// people killed, wounded, missing, displaced, arrested or executed, with
// the group counted, the place, the source that reported the figure
// (resolved to a full name) and the day it was reported (resolved against
// the publication date; the publication date when the sentence gives
// none). It runs after addMentions and addAttribution, whose
// results it uses to resolve sources.
func addFigures(a *corpus.Article) { addFiguresTokens(a, nil) }

// addFiguresTokens is addFigures on the paragraphs' tokens as the mention
// scan read them (one slice per paragraph), or on tokens of its own when
// toks is nil.
func addFiguresTokens(a *corpus.Article, toks [][]text.Token) {
	fa := &figureReader{a: a, dates: newDateResolver(a.Published), tokens: toks}
	for pi := range a.Paragraphs {
		a.Paragraphs[pi].Figures = fa.paragraph(pi)
	}
}

// paragraph extracts the figures of paragraph pi.
func (fa *figureReader) paragraph(pi int) []corpus.Figure {
	p := &fa.a.Paragraphs[pi]
	txt := p.Text
	var toks []text.Token
	if fa.tokens != nil {
		toks = fa.tokens[pi]
	} else {
		toks = text.AppendTokens(fa.toks[:0], txt)
		fa.toks = toks
	}
	if len(toks) == 0 {
		return nil
	}
	bounds := sentenceBounds(toks)
	var out []corpus.Figure
	prevKind, prevSource := "", ""
	for si, b := range bounds {
		e := len(toks)
		if si+1 < len(bounds) {
			e = bounds[si+1]
		}
		st := toks[b:e]
		found := findFigures(txt, st, prevKind)
		if len(found) == 0 || isHabitual(st) {
			continue
		}
		cues := findCues(st)
		sources := make([]string, len(cues))
		for ci, c := range cues {
			src := txt[st[c.start].Start:st[c.end-1].PossEnd]
			if name := appositionName(txt, st[c.start].Start, src, p.Attribution); name != "" {
				// "The Syrian Network for Human Rights (SNHR), a monitoring
				// group, said": the name, not its description.
				src = name
			}
			sources[ci] = fa.resolveSource(src, pi)
			if sources[ci] != "" {
				fa.lastSource = sources[ci]
			}
		}
		dates, past := fa.sentenceDates(txt, st, found[0].num)
		for _, f := range found {
			ci := nearestCue(cues, f.num)
			verb := -1
			if ci >= 0 {
				verb = cues[ci].verb
			}
			if ci >= 0 {
				f.Source = sources[ci]
				f.Reported = cueDate(st, cues[ci], dates)
			}
			if f.Source == "" {
				if len(p.Attribution) > 0 {
					f.Source = p.Attribution[0]
				} else {
					f.Source = prevSource
				}
			}
			if f.Reported.IsZero() {
				f.Reported = asOfDate(st, f, dates)
			}
			if f.Reported.IsZero() {
				// "In 2013, an attack killed 1,400 people": a figure of
				// then, not of the day of publication.
				f.Reported = fa.a.Published
				switch {
				case !past.IsZero():
					f.Reported = past
				case recalled(st, verb, f.num):
					f.Reported = fa.before(f.Reported, pi, st[len(st)-1].End)
				}
			}
			f.Where = placeOf(txt, st, f.num, p.Mentions)
			out = append(out, f.Figure)
			prevKind, prevSource = f.What, f.Source
		}
	}
	return out
}

// appositionName returns the name of names that the source phrase src, at
// byte start of text, describes in apposition: "X, a monitoring group,
// said", "X (XYZ), a monitoring group, said"; "" when src is no
// indefinite description right after one of them.
func appositionName(txt string, start int, src string, names []string) string {
	low := strings.ToLower(src)
	if !strings.HasPrefix(low, "a ") && !strings.HasPrefix(low, "an ") {
		return ""
	}
	before, ok := strings.CutSuffix(strings.TrimRight(txt[:start], " "), ",")
	if !ok {
		return ""
	}
	if strings.HasSuffix(before, ")") {
		if open := strings.LastIndex(before, "("); open > 0 {
			before = strings.TrimRight(before[:open], " ")
		}
	}
	for _, n := range names {
		if n != src && strings.HasSuffix(before, n) {
			return n
		}
	}
	return ""
}

// isHabitual reports a sentence about what happens regularly, its
// casualty verb in the present, whose numbers are no report of an event:
// "road accidents kill scores of people every year", "about 300 migrants
// die each month". A report in the past stays one ("floods killed 40, and
// more rain is forecast every day this week").
func isHabitual(st []text.Token) bool {
	habitual, present := false, false
	for k, t := range st {
		switch t.Lower {
		case "annually", "yearly":
			habitual = true
		case "every", "each", "per":
			for _, n := range st[k+1 : min(k+3, len(st))] {
				if habitPeriods[n.Lower] {
					habitual = true
				}
			}
		case "kill", "kills", "die", "dies", "injure", "injures", "wound", "wounds":
			present = true
		case "are", "is":
			if k+1 < len(st) && text.CasualtyKinds[st[k+1].Lower] != "" {
				present = true // "are killed"
			}
		}
	}
	return habitual && present
}

// habitPeriods are the periods of habitual statements: "every year", "each
// two weeks", "per day".
var habitPeriods = text.NewSet("year years month months week weeks day days night nights summer winter")

// sentenceDate is a date expression of a sentence, by tokens.
type sentenceDate struct {
	first, last int // tokens, inclusive
	date        corpus.Date
}

// sentenceDates finds and resolves the date expressions of a sentence. past
// is the day the sentence places its events on when that is four weeks or
// more before publication ("In 2013, an attack killed…", "Last year,
// floods killed…", "The 2010 earthquake killed…"), zero otherwise. A
// running total ("has killed"), a sentence counting since a day ("the
// deadliest since 2019") and a comparison ("more than in 2013") are
// figures of now, and have no past.
func (fa *figureReader) sentenceDates(txt string, st []text.Token, num int) (out []sentenceDate, past corpus.Date) {
	base := st[0].Start
	current := slices.ContainsFunc(st, func(t text.Token) bool {
		return t.Lower == "has" || t.Lower == "have" || t.Lower == "since"
	})
	if pub := fa.a.Published; !pub.IsZero() && !current {
		// "The 2010 earthquake killed…": a year before the noun that opens
		// the sentence, and no count of people ("the 2000 residents").
		for k := 1; k < min(3, len(st)); k++ {
			t := st[k]
			if t.Kind == text.Number && len(t.Text) == 4 && (st[k-1].Lower == "the" || st[k-1].Lower == "a") &&
				k+1 < len(st) && st[k+1].Kind == text.Word && !st[k+1].Upper && text.CasualtyKinds[st[k+1].Lower] == "" && !isPeople(&st[k+1]) {
				if y, err := strconv.Atoi(t.Text); err == nil && y >= 1900 && y < pub.Year() {
					past = corpus.Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
				}
			}
		}
	}
	spans := dateSpansTokens(txt, st, base)
	if len(spans) == 0 {
		return nil, past
	}
	out = make([]sentenceDate, 0, len(spans))
	for _, sp := range spans {
		first, last := -1, -1
		for k := range st {
			if st[k].Start >= base+sp[0] && first < 0 {
				first = k
			}
			if st[k].PossEnd <= base+sp[1] {
				last = k
			}
		}
		if first < 0 || last < first {
			continue
		}
		// "since 10 May" starts a period; it is not when a figure was reported.
		if first > 0 && (st[first-1].Lower == "since" || st[first-1].Lower == "from") ||
			st[first].Lower == "since" || st[first].Lower == "from" || st[first].Lower == "until" {
			continue
		}
		res := fa.dates.resolve(txt[base+sp[0] : base+sp[1]])
		if !res.ok {
			continue
		}
		compared := first > 0 && st[first-1].Lower == "than" || first > 1 && st[first-1].Lower == "in" && st[first-2].Lower == "than"
		old := res.date.Before(fa.a.Published.AddDate(0, 0, -28))
		if res.precision == PrecisionYear {
			old = res.date.Year() < fa.a.Published.Year() // "this year" is now
		}
		if !fa.a.Published.IsZero() && !current && !compared && old && !(first < num && inRelativeClause(st, first)) {
			past = earlier(past, res.date)
		}
		// "the fighting began on March 6" dates the start, never the report.
		if res.precision == PrecisionYear || periodStart(st, first) {
			continue
		}
		out = append(out, sentenceDate{first: first, last: last, date: res.date})
	}
	return out, past
}

// earlier returns the earlier of two dates, ignoring zero ones.
func earlier(a, b corpus.Date) corpus.Date {
	if a.IsZero() || !b.IsZero() && b.Before(a.Time) {
		return b
	}
	return a
}

// nearestCue returns the cue nearest the number at token num, or -1.
func nearestCue(cues []sourceCue, num int) int {
	best, bestDist := -1, 1<<30
	for i, c := range cues {
		d := c.verb - num
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// cueDate returns the date attached to a reporting verb: "said on
// Sunday", "said in a statement on Friday", "on Monday said", "On Sunday,
// the observatory said", "according to figures released on Sunday".
func cueDate(st []text.Token, c sourceCue, dates []sentenceDate) corpus.Date {
	for _, d := range dates {
		// After the verb, before any "that" or number.
		if d.first > c.verb && d.first <= c.verb+7 {
			clear := true
			for m := c.verb + 1; m < d.first; m++ {
				if st[m].Lower == "that" || st[m].Kind == text.Number || st[m].Kind == text.Punct && st[m].Text != "," {
					clear = false
				}
			}
			if clear {
				return d.date
			}
		}
		// Between the source and the verb: "the observatory on Sunday said".
		if !c.after && d.first >= c.end && d.last < c.verb {
			return d.date
		}
		// Opening the sentence: "On Sunday, the observatory said".
		if !c.after && d.first == 0 && d.last+2 == c.start && st[d.last+1].Text == "," {
			return d.date
		}
	}
	return corpus.Date{}
}

// asOfDate returns the date a figure holds at when the sentence says
// ("as of Sunday", "by Monday") or, for a toll, the day it rose ("the
// toll rose on Sunday to 1,500").
func asOfDate(st []text.Token, f foundFigure, dates []sentenceDate) corpus.Date {
	for _, d := range dates {
		if d.first > 0 {
			prev := st[d.first-1].Lower
			if prev == "by" || prev == "of" && d.first > 1 && st[d.first-2].Lower == "as" {
				return d.date
			}
		}
		if f.toll && d.first >= f.num-6 && d.first <= f.num+5 {
			return d.date
		}
	}
	return corpus.Date{}
}

// resolveSource resolves the source as written in paragraph pi to a full
// name: "the observatory" → "Syrian Observatory for Human Rights" (from
// the paragraph's attribution, the article's mentions, or a capitalised
// name in the article containing "Observatory"), "Mr. al-Shara" → the
// mention's full name, "it" → the source before. A source it cannot
// resolve is kept as written ("a war monitor").
