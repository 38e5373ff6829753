package extract

// Calendar arithmetic for the date expressions dateFinder finds: no
// general date parser is needed for a grammar this small, and none costs
// its start-up time on every run.

import (
	"regexp"
	"strconv"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// The expressions calendar reads, normalised (normaliseDate).
var (
	calWeekdayRe   = regexp.MustCompile(`^` + weekdayPattern + `$`)
	calMonthRe     = regexp.MustCompile(`^(?:` + monthLeadPattern + `)?(` + monthPattern + `)$`)
	calYearRe      = regexp.MustCompile(`^(\d{4})$`)
	calAgoRe       = regexp.MustCompile(`^(` + numWordPattern + `) (day|week|month|year)s? ago$`)
	calMonthYearRe = regexp.MustCompile(`^(?:` + monthLeadPattern + `)?(` + monthPattern + `),? (\d{4})$`)
	calDayRe       = regexp.MustCompile(`^(?:(\d{1,2}) (?:of )?(` + monthPattern + `)|(` + monthPattern + `) (\d{1,2}))(?:,? (\d{4}))?$`)
)

// calendar resolves a normalised expression against the publication date,
// preferring the past: a weekday is the most recent such day on or
// before publication, a month alone ("in December", "by Sept") the most recent
// such month, a day and month without a year the most recent such day
// (a day after publication allowed; 29 February the last leap year's), "two weeks ago" publication − 14
// days (a week's precision), "three months ago" and "two years ago" their
// month and year. "March 2024" is that month, "2011" that year. Without a
// publication date only a day, month and year written out resolve. The
// date is truncated to the start of its period; precision overrides the
// expression's when not "".
func (r *dateResolver) calendar(key, precision string) resolvedDate {
	pub := r.published
	res := func(t time.Time, p string) resolvedDate {
		if precision != "" {
			p = precision
		}
		switch p {
		case PrecisionMonth:
			t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		case PrecisionYear:
			t = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return resolvedDate{date: corpus.DateOf(t), precision: p, ok: true}
	}
	if m := calYearRe.FindStringSubmatch(key); m != nil {
		y, _ := strconv.Atoi(m[1])
		return res(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
	}
	if m := calMonthYearRe.FindStringSubmatch(key); m != nil && !pub.IsZero() {
		mo, ok := text.MonthNumber(m[1])
		y, _ := strconv.Atoi(m[2])
		if !ok {
			return resolvedDate{}
		}
		return res(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	}
	if m := calDayRe.FindStringSubmatch(key); m != nil && (m[5] != "" || !pub.IsZero()) {
		dayText, monthText := m[1], m[2]
		if dayText == "" {
			dayText, monthText = m[4], m[3]
		}
		mo, ok := text.MonthNumber(monthText)
		d, _ := strconv.Atoi(dayText)
		if !ok {
			return resolvedDate{}
		}
		y := pub.Year()
		if m[5] != "" {
			y, _ = strconv.Atoi(m[5])
		}
		if m[5] != "" {
			t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
			if t.Day() != d {
				return resolvedDate{}
			}
			return res(t, PrecisionDay)
		}
		// The most recent such day, with a day's leeway for the time zone
		// of publication: 29 February is the last leap year's.
		for back := range 8 {
			t := time.Date(y-back, mo, d, 0, 0, 0, 0, time.UTC)
			if t.Day() == d && !t.After(pub.AddDate(0, 0, 1)) {
				return res(t, PrecisionDay)
			}
		}
		return resolvedDate{}
	}
	if pub.IsZero() {
		return resolvedDate{}
	}
	if calWeekdayRe.MatchString(key) {
		want, _ := text.WeekdayNumber(key)
		back := (int(pub.Weekday()) - int(want) + 7) % 7
		return res(pub.AddDate(0, 0, -back), PrecisionDay)
	}
	if m := calMonthRe.FindStringSubmatch(key); m != nil {
		mo, _ := text.MonthNumber(m[1])
		t := time.Date(pub.Year(), mo, 1, 0, 0, 0, 0, time.UTC)
		if t.After(pub.Time) {
			t = t.AddDate(-1, 0, 0)
		}
		return res(t, PrecisionMonth)
	}
	switch key {
	case "this week":
		return res(pub.Time, PrecisionWeek)
	case "this month":
		return res(pub.Time, PrecisionMonth)
	case "this year":
		return res(pub.Time, PrecisionYear)
	}
	if m := calAgoRe.FindStringSubmatch(key); m != nil {
		n, ok := numWords[m[1]]
		if !ok {
			n, _ = strconv.Atoi(m[1])
		}
		switch m[2] {
		case "day":
			return res(pub.AddDate(0, 0, -n), PrecisionDay)
		case "week":
			return res(pub.AddDate(0, 0, -7*n), PrecisionWeek)
		case "month":
			return res(time.Date(pub.Year(), pub.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
		default:
			return res(pub.AddDate(-n, 0, 0), PrecisionYear)
		}
	}
	return resolvedDate{}
}
