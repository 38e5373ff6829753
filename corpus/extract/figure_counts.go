package extract

import (
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Counts: numbers written in digits or words ("1,300", "twenty-three",
// "dozens"), with their qualifiers ("more than", "at least").

// parsedCount is a number read from the tokens.
type parsedCount struct {
	value int
	start int // first token of the number
	end   int // token after the number
	vague bool
	text  string
}

// parseCount reads the number starting at token i: digits ("1,300",
// "1.5 million", "1,000-1,500"), words ("seven", "twenty-three", "a
// dozen", "two hundred") or vague plurals ("dozens", "tens of thousands").
// A vague plural followed by "of" swallows the "of": "hundreds of people".
func parseCount(txt string, toks []text.Token, i int) (parsedCount, bool) {
	t := &toks[i]
	c := parsedCount{start: i}
	switch {
	case t.Kind == text.Number:
		if !digitCount(toks, i, &c) {
			return c, false
		}
	case t.Kind == text.Word:
		if !wordCount(toks, i, &c) {
			return c, false
		}
	default:
		return c, false
	}
	if c.end <= c.start {
		return c, false
	}
	last := c.end - 1
	if c.vague && toks[last].Lower == "of" {
		last--
	}
	c.text = txt[toks[c.start].Start:toks[last].PossEnd]
	return c, true
}

// digitCount reads the count written in digits at token i into c: "1,300",
// "5 million", a range "1,000-1,500"; false when it is none.
func digitCount(toks []text.Token, i int, c *parsedCount) bool {
	t := &toks[i]
	v, ok := parseDigits(t.Text)
	if !ok {
		return false
	}
	j := i + 1
	if j < len(toks) && toks[j].Kind == text.Word {
		if s, ok := scaleWords[toks[j].Lower]; ok && s >= 1000 {
			v *= float64(s)
			j++
		}
	}
	if v != float64(int(v)) || v < 0 || v > 1e10 {
		return false
	}
	c.value, c.end = int(v), j
	// A change: "rose from 11 to 27" counts 27, read from its own
	// number; "anywhere from 200 to 300" is a range.
	if i > 1 && toks[i-1].Lower == "from" && changeWords[toks[i-2].Lower] && j+1 < len(toks) && toks[j].Lower == "to" && toks[j+1].Kind == text.Number {
		return false
	}
	// A range: "1,000-1,500", "1,000 to 1,500", "between 1,000 and 1,500".
	if j+1 < len(toks) && toks[j+1].Kind == text.Number && (toks[j].Text == "-" || toks[j].Text == "–" || toks[j].Lower == "to" ||
		toks[j].Lower == "and" && i > 0 && toks[i-1].Lower == "between") {
		if _, ok := parseDigits(toks[j+1].Text); ok {
			c.end = j + 2
			if c.end < len(toks) && toks[c.end].Kind == text.Word && scaleWords[toks[c.end].Lower] >= 1000 {
				c.end++
			}
		}
	}
	return true
}

// wordCount reads the count written in words at token i into c:
// "twenty-three", "dozens", "a dozen", "tens of thousands"; false when it
// is none.
func wordCount(toks []text.Token, i int, c *parsedCount) bool {
	t := &toks[i]
	if !numberWord(t.Lower) {
		return false
	}
	j := i
	low := t.Lower
	switch {
	case low == "tens" || low == "hundreds":
		// "tens of thousands" → 20,000, "hundreds of thousands" → 200,000.
		if j+2 < len(toks) && toks[j+1].Lower == "of" && (toks[j+2].Lower == "thousands" || toks[j+2].Lower == "millions") {
			mult := 20
			if low == "hundreds" {
				mult = 200
			}
			c.value, j, c.vague = mult*scaleWords[strings.TrimSuffix(toks[j+2].Lower, "s")], j+3, true
		} else if low == "hundreds" {
			c.value, j, c.vague = 200, j+1, true
		} else {
			return false
		}
	case vagueNumbers[low] > 0:
		c.value, j, c.vague = vagueNumbers[low], j+1, true
	case (low == "a" || low == "an") && j+1 < len(toks):
		switch toks[j+1].Lower {
		case "dozen":
			c.value, j = 12, j+2
		case "hundred", "thousand", "million":
			c.value, j = scaleWords[toks[j+1].Lower], j+2
		default:
			return false
		}
	case (low == "several" || low == "few") && j+1 < len(toks):
		k := j + 1
		mult := 3
		switch toks[k].Lower {
		case "dozen":
			c.value = 36
		case "hundred":
			c.value = mult * 100
		case "thousand":
			c.value = mult * 1000
		default:
			return false
		}
		j, c.vague = k+1, true
	case low == "half" && j+2 < len(toks) && toks[j+1].Lower == "a" && toks[j+2].Lower == "dozen":
		c.value, j = 6, j+3
	default:
		v, n := readCardinal(toks, j)
		if n == 0 {
			return false
		}
		c.value, j = v, j+n
		if j < len(toks) && toks[j].Lower == "dozen" {
			c.value *= 12
			j++
		}
	}
	c.end = j
	if c.vague && j+1 < len(toks) && toks[j].Lower == "of" && toks[j+1].Kind == text.Word && !subsetWord(toks[j+1].Lower) {
		c.end = j + 1
	}
	return true
}

// subsetWord reports words after "of" that make a subset: "of them".
func subsetWord(w string) bool { return w == "them" || w == "whom" || w == "those" || w == "which" }

// numberStart is a cheap first test for numberWord: the first letters
// of number words.
func numberStart(w string) bool {
	switch w[0] {
	case 'a', 'd', 'e', 'f', 'h', 'n', 'o', 's', 't', 'z':
		return true
	}
	return false
}

// numberWord reports whether w can start a number written in words.
func numberWord(w string) bool {
	if _, ok := unitWords[w]; ok {
		return true
	}
	if _, ok := tensWords[w]; ok {
		return true
	}
	if vagueNumbers[w] > 0 {
		return true
	}
	switch w {
	case "a", "an", "tens", "several", "few", "half":
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		_, ok := tensWords[w[:i]]
		return ok
	}
	return false
}

// readCardinal reads a cardinal written in words from token i: "seven",
// "twenty-three", "twenty three", "two hundred and fifty", "three
// thousand". It returns the value and the number of tokens read.
func readCardinal(toks []text.Token, i int) (int, int) {
	total, current, n := 0, 0, 0
	seen := false
	for j := i; j < len(toks) && j < i+8; j++ {
		w := toks[j].Lower
		if toks[j].Kind != text.Word {
			break
		}
		if v, ok := unitWords[w]; ok {
			if seen && current%10 != 0 || seen && current%100 != 0 && v >= 10 {
				break
			}
			current += v
		} else if v, ok := tensWords[w]; ok {
			if seen && current%100 != 0 {
				break
			}
			current += v
		} else if h := strings.IndexByte(w, '-'); h > 0 && tensWords[w[:h]] > 0 && unitWords[w[h+1:]] > 0 && unitWords[w[h+1:]] < 10 {
			if seen && current%100 != 0 {
				break
			}
			current += tensWords[w[:h]] + unitWords[w[h+1:]]
		} else if s, ok := scaleWords[w]; ok && seen {
			if s == 100 {
				current *= 100
			} else {
				total += current * s
				current = 0
			}
		} else if w == "and" && seen && j+1 < len(toks) && (unitWords[toks[j+1].Lower] > 0 || tensWords[toks[j+1].Lower] > 0 ||
			strings.IndexByte(toks[j+1].Lower, '-') > 0 && tensWords[toks[j+1].Lower[:strings.IndexByte(toks[j+1].Lower, '-')]] > 0) &&
			j > i && scaleWords[toks[j-1].Lower] > 0 {
			n = j - i + 1
			continue
		} else {
			break
		}
		seen = true
		n = j - i + 1
	}
	if !seen {
		return 0, 0
	}
	return total + current, n
}

// parseDigits reads a number in digits: "1,300", "125", "1.5", "1.300.000".
func parseDigits(s string) (float64, bool) {
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ",", "")
	} else if strings.Count(s, ".") > 1 {
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
