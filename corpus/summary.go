package corpus

import (
	"strconv"
	"strings"
)

// Symbol returns a short sign for a figure's qualifier: ">" for "more
// than", "≥" for "at least", "≈" for "nearly", "about", "some"…, "<" for
// "fewer than", "≤" for "up to", and "" when the figure is exact.
func (f Figure) Symbol() string {
	switch strings.ToLower(f.Qualifier) {
	case "":
		return ""
	case "more than", "over", "above", "upwards of", "in excess of", "more that than":
		return ">"
	case "at least", "no fewer than", "no less than", "a minimum of":
		return "≥"
	case "fewer than", "less than", "under", "below":
		return "<"
	case "up to", "as many as", "at most", "a maximum of":
		return "≤"
	default:
		return "≈"
	}
}

// Phrase says what a figure counts, without its source and date:
// "≈1,000 civilians killed in Latakia".
func (f Figure) Phrase() string {
	var b strings.Builder
	b.WriteString(f.Symbol())
	b.WriteString(figureNumber(f))
	if f.Who != "" {
		b.WriteString(" " + f.Who)
	}
	if f.What != "" {
		b.WriteString(" " + f.What)
	}
	if f.Where != "" {
		b.WriteString(" in " + f.Where)
	}
	return b.String()
}

// Summary describes a figure on one short line, for example
// "≈1,000 civilians killed — Syrian Observatory for Human Rights, reported Mon 10 Mar 2025".
func (f Figure) Summary() string {
	var tail []string
	if f.Source != "" {
		tail = append(tail, f.Source)
	}
	if !f.Reported.IsZero() {
		tail = append(tail, "reported "+f.Reported.Format("Mon 2 Jan 2006"))
	}
	if len(tail) == 0 {
		return f.Phrase()
	}
	return f.Phrase() + " — " + strings.Join(tail, ", ")
}

// figureNumber is the count as written when it is a number ("1,300"), else
// the words ("dozens").
func figureNumber(f Figure) string {
	text := f.CountText
	if q := f.Qualifier; q != "" && len(text) > len(q) && strings.EqualFold(text[:len(q)], q) {
		text = strings.TrimSpace(text[len(q):])
	}
	if text == "" {
		return groupThousands(f.Count)
	}
	return text
}

// groupThousands writes n with commas: 1300 → "1,300".
func groupThousands(n int) string {
	s := []byte{}
	digits := []byte(strconv.Itoa(max(n, -n)))
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			s = append(s, ',')
		}
		s = append(s, d)
	}
	if n < 0 {
		return "-" + string(s)
	}
	return string(s)
}
