package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Date precisions reported by DateMention.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// DateMention is a date expression found in a sentence.
type DateMention struct {
	// Text is the expression as written, with a leading "on" when there is
	// one: "on Sunday", "late on Thursday", "17 March 2025", "last week".
	Text string `json:"text"`
	// Start and End are the byte offsets of Text in the sentence.
	Start int `json:"start"`
	End   int `json:"end"`
	// Date is the day the expression names, resolved against the article's
	// publication date; for a week, month or year it is the first day of
	// that period ("last week" is publication − 7 days). Zero when it cannot be resolved (a relative expression in
	// an article whose publication date is unknown).
	Date corpus.Date `json:"date"`
	// Precision is PrecisionDay, PrecisionWeek, PrecisionMonth or
	// PrecisionYear.
	Precision string `json:"precision"`
}

// Date expressions are found with one cheap regular expression; what it
// finds is resolved by calendar arithmetic (calendar.go).
const (
	weekdayPattern   = `(?:mon|tues|wednes|thurs|fri|satur|sun)day`
	monthFullPattern = `(?:` + text.MonthNamesPattern + `)`
	monthPattern     = `(?:` + text.MonthNamesPattern + `|` + text.MonthAbbreviationsPattern + `)\.?`
	dayNumPattern    = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	numWordPattern   = `(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`
	// monthLeadPattern is what may come before a month alone: "in March".
	monthLeadPattern = `(?:in|since|until|by|during|early|late|mid-|last|this)\s*`
	// yearNumPattern is a year: "1200 people" is no year.
	yearNumPattern = `(?:19|20)\d{2}`
)

var (
	dateFinder = regexp.MustCompile(`(?i)(?:\bon\s+)?\b(?:` +
		`\d{4}-\d{2}-\d{2}` +
		`|` + dayNumPattern + `\s+(?:of\s+)?` + monthPattern + `(?:,?\s+` + yearNumPattern + `)?` +
		`|` + monthPattern + `\s+` + dayNumPattern + `(?:,\s*` + yearNumPattern + `|\s+` + yearNumPattern + `)?` +
		`|` + monthFullPattern + `\s+` + yearNumPattern +
		`|(?:(?:late|early)\s+(?:on\s+)?)?(?:(?:last|this|past)\s+)?` + weekdayPattern + `(?:\s+(?:morning|afternoon|evening|night))?` +
		`|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)` +
		`|(?:earlier\s+)?this\s+(?:week|month|year)` +
		`|last\s+(?:week|month|year|weekend)|(?:over|at|during)\s+the\s+weekend|this\s+weekend` +
		`|` + numWordPattern + `\s+(?:days?|weeks?|months?|years?)\s+ago` +
		`|between\s+` + monthFullPattern + `\s+and\s+` + monthFullPattern +
		`|` + monthLeadPattern + monthFullPattern + `(?:,?\s+` + yearNumPattern + `)?` +
		`|(?:in|since|until|by|during)\s+(?:1[89]|20)\d{2}` +
		`)\b`)
	// monthWordRe finds the month name of a match, which must be capitalised
	// in the text: "march" and "may" are also verbs.
	monthWordRe = regexp.MustCompile(`(?i)\b` + monthPattern)
	yearRe      = regexp.MustCompile(`\b(?:1[89]|20)\d{2}\b`)
	isoRe       = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	weekdayRe   = regexp.MustCompile(`^(?:(last|this|past)\s+)?(` + weekdayPattern + `)$`)
	monthOnlyRe = regexp.MustCompile(`^` + monthLeadPattern + `(` + monthFullPattern + `)$`)
	yearOnlyRe  = regexp.MustCompile(`^(?:in|since|until|by|during)\s+(\d{4})$`)
)

// resolvedDate is a cached resolution.
type resolvedDate struct {
	date      corpus.Date
	precision string
	ok        bool
}

// dateResolver resolves date expressions against one publication date and
// caches what it resolved: one article's sentences repeat the same few
// expressions ("on Sunday").
type dateResolver struct {
	published corpus.Date
	cache     map[string]resolvedDate
}

func newDateResolver(published corpus.Date) *dateResolver {
	return &dateResolver{published: published}
}

// ResolveDate resolves a date expression ("on Sunday", "Saturday afternoon",
// "late on Thursday", "yesterday", "last week", "earlier this week",
// "17 March", "March 17", "17 March 2025", "this month", "2025-03-09")
// against an article's publication date, preferring the past: a weekday is
// the most recent such day on or before the publication date, and a day
// and month without a year is the most recent such day (one day of leeway
// after publication is allowed for time zones). A week, month or year
// resolves to its first day. When published is zero only expressions that
// name their year resolve. ok is false when expr is not a date expression
// it understands.
func ResolveDate(expr string, published corpus.Date) (corpus.Date, bool) {
	r := newDateResolver(published)
	res := r.resolve(expr)
	return res.date, res.ok
}

// FindDates returns the date expressions of a sentence in order, each
// resolved against the publication date as ResolveDate does.
func FindDates(sentence string, published corpus.Date) []DateMention {
	return newDateResolver(published).find(sentence)
}

// find returns the date expressions of a sentence, resolved.
func (r *dateResolver) find(sentence string) []DateMention {
	spans := dateSpans(sentence)
	if len(spans) == 0 {
		return nil
	}
	out := make([]DateMention, 0, len(spans))
	for _, sp := range spans {
		txt := sentence[sp[0]:sp[1]]
		res := r.resolve(txt)
		out = append(out, DateMention{Text: txt, Start: sp[0], End: sp[1], Date: res.date, Precision: res.precision})
	}
	return out
}

// dateSpans finds the byte spans of the date expressions of a sentence
// without resolving them.
func dateSpans(sentence string) [][2]int {
	return dateSpansTokens(sentence, text.Tokenize(sentence), 0)
}

// dateTriggers are the words every date expression contains; the date
// regular expression runs only on a few words around them, which keeps
// detection cheap on long paragraphs.
var dateTriggers = text.Union(text.Weekdays, text.Months,
	text.NewSet("yesterday today tonight night morning afternoon evening week weekend month year ago days weeks months years"))

// dateSpansTokens finds the date expressions of text[toks[0].start:…], whose
// tokens are toks; base is the byte offset the returned spans are relative
// to.
func dateSpansTokens(txt string, toks []text.Token, base int) [][2]int {
	var spans [][2]int
	lo, hi := -1, -1 // the current window, in tokens
	add := func(s, e int) {
		if n := len(spans); n > 0 && s < spans[n-1][1]+base {
			return
		}
		spans = append(spans, [2]int{s - base, e - base})
	}
	flush := func() {
		if lo < 0 {
			return
		}
		from, to := toks[lo].Start, toks[hi].PossEnd
		for _, m := range dateFinder.FindAllStringIndex(txt[from:to], -1) {
			s, e := from+m[0], from+m[1]
			// A match must start and end on token boundaries.
			if !onBoundary(toks[lo:hi+1], s, e) {
				continue
			}
			if loc := monthWordRe.FindStringIndex(txt[s:e]); loc != nil && !isoRe.MatchString(txt[s:e]) {
				if c := txt[s+loc[0]]; c < 'A' || c > 'Z' {
					continue // "march", "may": verbs, not months
				}
			}
			add(s, e)
		}
		lo, hi = -1, -1
	}
	for k := range toks {
		t := &toks[k]
		trigger := t.Kind == text.Word && dateTriggers[strings.TrimSuffix(t.Lower, ".")] ||
			t.Kind == text.Number && len(t.Text) == 4 && (t.Text[0] == '1' || t.Text[0] == '2')
		if !trigger {
			continue
		}
		if t.Kind == text.Word && text.Weekdays[t.Lower] && (k < 2 || !dateTriggers[toks[k-2].Lower]) {
			// Weekdays, the most common, are read from the tokens: "on
			// Sunday", "late on Thursday", "last Friday", "Saturday
			// afternoon".
			flush()
			b, e := weekdaySpan(toks, k)
			add(toks[b].Start, toks[e].PossEnd)
			continue
		}
		from, to := max(0, k-3), min(len(toks)-1, k+4)
		if lo >= 0 && from > hi {
			flush()
		}
		if lo < 0 {
			lo = from
		}
		hi = max(hi, to)
	}
	flush()
	return spans
}

// weekdaySpan returns the tokens (inclusive) of the weekday expression
// around the weekday at token k.
func weekdaySpan(toks []text.Token, k int) (int, int) {
	b, e := k, k
	if e+1 < len(toks) {
		switch toks[e+1].Lower {
		case "morning", "afternoon", "evening", "night":
			e++
		}
	}
	if b > 0 {
		switch toks[b-1].Lower {
		case "last", "this", "past", "late", "early":
			b--
		}
	}
	if b > 0 && toks[b-1].Lower == "on" {
		b--
		if b > 0 && (toks[b-1].Lower == "late" || toks[b-1].Lower == "early") {
			b--
		}
	}
	return b, e
}

// onBoundary reports whether bytes s and e fall on token boundaries.
func onBoundary(toks []text.Token, s, e int) bool {
	okS, okE := false, false
	for i := range toks {
		if toks[i].Start == s {
			okS = true
		}
		if toks[i].PossEnd == e {
			okE = true
		}
	}
	return okS && okE
}

// normaliseDate lower-cases a date expression, collapses its spaces and drops
// what does not change the day: a leading "on", "late"/"early", a time of
// day, ordinal suffixes and the "of" in "17 of March".
func normaliseDate(expr string) string {
	words := strings.Fields(strings.ToLower(strings.TrimSpace(expr)))
	for len(words) > 0 && (words[0] == "on" || words[0] == "late" || words[0] == "early" || words[0] == "the") {
		if words[0] == "early" || words[0] == "late" {
			// "late March" names a month; "late on Thursday" a day; "late
			// March 2024" the month of that year.
			if len(words) > 1 && words[1] != "on" && !(len(words) == 3 && yearRe.MatchString(words[2])) {
				if !text.Weekdays[words[1]] {
					break
				}
			}
		}
		words = words[1:]
	}
	if n := len(words); n > 1 {
		switch words[n-1] {
		case "morning", "afternoon", "evening", "night":
			if text.Weekdays[words[n-2]] {
				words = words[:n-1]
			}
		}
	}
	for i, w := range words {
		w = strings.TrimSuffix(w, ",")
		if len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
			for _, suf := range []string{"st", "nd", "rd", "th"} {
				if strings.HasSuffix(w, suf) {
					if _, err := strconv.Atoi(w[:len(w)-2]); err == nil {
						w = w[:len(w)-2]
					}
				}
			}
		}
		words[i] = w
	}
	if len(words) == 3 && words[1] == "of" && words[0] != "" && words[0][0] >= '0' && words[0][0] <= '9' {
		words = []string{words[0], words[2]}
	}
	return strings.Join(words, " ")
}

// resolve resolves one expression, from the cache when it can.
func (r *dateResolver) resolve(expr string) resolvedDate {
	key := normaliseDate(expr)
	if res, ok := r.cache[key]; ok {
		return res
	}
	res := r.resolveKey(key)
	if r.cache == nil {
		r.cache = make(map[string]resolvedDate)
	}
	r.cache[key] = res
	return res
}

// resolveKey resolves a normalised expression: the commonest by fast,
// the rest by slow. A past preference rules both: a weekday is the most
// recent such day (the publication day itself when it is one), a day and
// month without a year the most recent such day (with a day's leeway for
// time zones), a month alone the most recent such month.
func (r *dateResolver) resolveKey(key string) resolvedDate {
	if res, ok := r.fast(key); ok {
		return res
	}
	return r.slow(key)
}

// The commonest expressions, resolved first.
var (
	betweenMonthsRe = regexp.MustCompile(`^between (` + monthFullPattern + `) and (` + monthFullPattern + `)$`)
	numWords        = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
)

// fast resolves the commonest normalised expressions (a weekday,
// "yesterday", "last week", "last month", "last year", "between December
// and February") against the publication date. ok is false for anything
// else.
func (r *dateResolver) fast(key string) (resolvedDate, bool) {
	pub := r.published
	if pub.IsZero() {
		return resolvedDate{}, false
	}
	day := func(d time.Time) (resolvedDate, bool) {
		return resolvedDate{date: corpus.DateOf(d), precision: PrecisionDay, ok: true}, true
	}
	if want, ok := text.WeekdayNumber(key); ok {
		back := (int(pub.Weekday()) - int(want) + 7) % 7
		return day(pub.AddDate(0, 0, -back))
	}
	switch key {
	case "yesterday":
		return day(pub.AddDate(0, 0, -1))
	case "last week":
		return resolvedDate{date: corpus.DateOf(pub.AddDate(0, 0, -7)), precision: PrecisionWeek, ok: true}, true
	case "last month":
		return resolvedDate{date: corpus.Date{Time: time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC)}, precision: PrecisionMonth, ok: true}, true
	case "last year":
		return resolvedDate{date: corpus.Date{Time: time.Date(pub.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)}, precision: PrecisionYear, ok: true}, true
	}
	if m := betweenMonthsRe.FindStringSubmatch(key); m != nil {
		// "between December and February": the period that ended most
		// recently, dated by its first month.
		from, okFrom := text.MonthNumber(m[1])
		to, okTo := text.MonthNumber(m[2])
		if !okFrom || !okTo {
			return resolvedDate{}, false
		}
		end := time.Date(pub.Year(), to, 1, 0, 0, 0, 0, time.UTC)
		if end.After(pub.Time) {
			end = end.AddDate(-1, 0, 0)
		}
		start := time.Date(end.Year(), from, 1, 0, 0, 0, 0, time.UTC)
		if start.After(end) {
			start = start.AddDate(-1, 0, 0)
		}
		return resolvedDate{date: corpus.DateOf(start), precision: PrecisionMonth, ok: true}, true
	}
	return resolvedDate{}, false
}

// slow resolves what fast does not: ISO dates, relative expressions
// ("last Sunday", "earlier this week", "over the weekend", "tonight"),
// and by calendar the rest (a month, a year, "17 March 2025", "two weeks
// ago").
func (r *dateResolver) slow(key string) resolvedDate {
	if key == "" {
		return resolvedDate{}
	}
	if m := isoRe.FindStringSubmatch(key); m != nil {
		t, err := time.Parse(time.DateOnly, key)
		if err != nil {
			return resolvedDate{}
		}
		return resolvedDate{date: corpus.DateOf(t), precision: PrecisionDay, ok: true}
	}
	pub := r.published
	if pub.IsZero() {
		// Without a publication date only a date that names its year can
		// be resolved.
		if !yearRe.MatchString(key) {
			return resolvedDate{}
		}
		if m := yearOnlyRe.FindStringSubmatch(key); m != nil {
			y, _ := strconv.Atoi(m[1])
			return resolvedDate{date: corpus.Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}, precision: PrecisionYear, ok: true}
		}
		return r.calendar(key, "")
	}
	day := func(d time.Time) resolvedDate {
		return resolvedDate{date: corpus.DateOf(d), precision: PrecisionDay, ok: true}
	}
	if m := weekdayRe.FindStringSubmatch(key); m != nil {
		want, _ := text.WeekdayNumber(m[2])
		back := (int(pub.Weekday()) - int(want) + 7) % 7
		if m[1] == "last" || m[1] == "past" {
			// "last Sunday" is never the publication day itself.
			if back == 0 {
				back = 7
			}
			return day(pub.AddDate(0, 0, -back))
		}
		if back == 0 {
			// "Monday" in an article of a Monday is that day.
			return day(pub.Time)
		}
		return r.calendar(m[2], PrecisionDay)
	}
	switch key {
	case "today", "tonight", "this morning", "this afternoon", "this evening":
		return day(pub.Time)
	case "last night":
		return day(pub.AddDate(0, 0, -1))
	case "earlier this week":
		monday := (int(pub.Weekday()) + 6) % 7
		return resolvedDate{date: corpus.DateOf(pub.AddDate(0, 0, -monday)), precision: PrecisionWeek, ok: true}
	case "over the weekend", "at the weekend", "during the weekend", "this weekend", "last weekend", "weekend":
		back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
		return resolvedDate{date: corpus.DateOf(pub.AddDate(0, 0, -back)), precision: PrecisionWeek, ok: true}
	case "earlier this month":
		return resolvedDate{date: corpus.Date{Time: time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)}, precision: PrecisionMonth, ok: true}
	}
	if m := monthOnlyRe.FindStringSubmatch(key); m != nil {
		res := r.calendar(m[1], PrecisionMonth)
		if strings.HasPrefix(key, "this") && res.ok && res.date.Year() != pub.Year() {
			res.date = corpus.Date{Time: time.Date(pub.Year(), res.date.Month(), 1, 0, 0, 0, 0, time.UTC)}
		}
		return res
	}
	if m := yearOnlyRe.FindStringSubmatch(key); m != nil {
		return r.calendar(m[1], PrecisionYear)
	}
	return r.calendar(key, "")
}
