package question

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Days named in a question: "on 9 March", "March 9, 2025", "2025-03-09".
var (
	monthPattern = `(` + text.MonthNamesPattern + `|` + text.MonthAbbreviationsPattern + `)\.?`
	dayFirst     = regexp.MustCompile(`(?i)\b(?:on\s+|of\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPattern + `(?:,?\s+(\d{4}))?\b`)
	monthFirst   = regexp.MustCompile(`(?i)\b(?:on\s+)?` + monthPattern + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	isoDate      = regexp.MustCompile(`\b(?:on\s+)?(\d{4})-(\d{2})-(\d{2})\b`)
)

// yearAlone finds a year named on its own: not "since 2011".
var yearAlone = regexp.MustCompile(`(^|\s)((?:in|of|during)\s+)?((?:19|20)\d{2})\b`)

// countedPeople are nouns a number before them counts, beside groupWords:
// "2000 residents" is a count, not a year.
var countedPeople = map[string]bool{
	"residents": true, "inhabitants": true, "villagers": true, "migrants": true, "patients": true,
	"workers": true, "students": true, "prisoners": true, "detainees": true, "families": true,
	"men": true, "households": true, "victims": true, "survivors": true,
}

// extractYear removes a year the question names on its own ("the 2015
// heatwave", "in 2019") and returns it; a year after "since", "from",
// "until", "before" or "after" is a bound, not the year asked about.
func extractYear(lower string) (string, int) {
	for _, m := range yearAlone.FindAllStringSubmatchIndex(lower, -1) {
		before := strings.Fields(lower[:m[0]])
		if n := len(before); n > 0 {
			switch before[n-1] {
			case "since", "from", "until", "till", "before", "after", "by":
				continue // the bound of a period, not the year asked about
			}
		}
		if after := strings.Fields(lower[m[1]:]); len(after) > 0 && (groupWords[after[0]] != "" || figureWords[after[0]] != nil || countedPeople[after[0]]) {
			continue // a count: "the 2000 residents", "2000 killed"
		}
		y, _ := strconv.Atoi(lower[m[6]:m[7]])
		return lower[:m[0]] + " " + lower[m[1]:], y
	}
	return lower, 0
}

// extractDay finds a day named in the question ("on 9 March", "March 9,
// 2025", "2025-03-09") and returns the question without it.
func extractDay(lower string) (string, corpus.Day) {
	if m := isoDate.FindStringSubmatchIndex(lower); m != nil {
		y, _ := strconv.Atoi(lower[m[2]:m[3]])
		mo, _ := strconv.Atoi(lower[m[4]:m[5]])
		d, _ := strconv.Atoi(lower[m[6]:m[7]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], corpus.Day{Year: y, Month: time.Month(mo), Day: d}
		}
	}
	if m := dayFirst.FindStringSubmatchIndex(lower); m != nil {
		d, _ := strconv.Atoi(lower[m[2]:m[3]])
		day := corpus.Day{Month: monthOf(lower[m[4]:m[5]]), Day: d}
		if m[6] >= 0 {
			day.Year, _ = strconv.Atoi(lower[m[6]:m[7]])
		}
		if d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], day
		}
	}
	if m := monthFirst.FindStringSubmatchIndex(lower); m != nil {
		d, _ := strconv.Atoi(lower[m[4]:m[5]])
		day := corpus.Day{Month: monthOf(lower[m[2]:m[3]]), Day: d}
		if m[6] >= 0 {
			day.Year, _ = strconv.Atoi(lower[m[6]:m[7]])
		}
		// "may 5" is a date, but "may" alone is a verb; the pattern needs a day.
		if d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], day
		}
	}
	return lower, corpus.Day{}
}

// monthOf is the month a matched month name or abbreviation names.
func monthOf(name string) time.Month {
	m, _ := text.MonthNumber(name)
	return m
}
