package text

import "strings"

// Set is a read-only set of lower-case words.
type Set map[string]bool

// NewSet returns the set of the space-separated words of words.
func NewSet(words string) Set {
	s := Set{}
	for _, w := range strings.Fields(words) {
		s[w] = true
	}
	return s
}

// Particle reports whether a folded, lower-case word is an Arabic name
// particle: "al", "el", "bin", "ibn", and the assimilated articles "ash",
// "ad", "ez"…
func Particle(w string) bool {
	switch w {
	case "al", "el", "ul", "bin", "ibn", "bint",
		"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ez":
		return true
	}
	return false
}

// Weekdays are the names of the days of the week, lower-case.
var Weekdays = NewSet("monday tuesday wednesday thursday friday saturday sunday")

// SpeechVerbs are the verbs that report speech, in their forms, and the
// words that attribute a claim like them ("according", "citing").
var SpeechVerbs = NewSet(`said says say told tells added adds noted notes stated states reported reports
		announced announces claimed claims estimated estimates warned warns wrote writes tweeted posted insisted
		insists argued argues explained explains confirmed confirms denied denies acknowledged acknowledges alleged
		alleges asserted asserts declared declares stressed stresses according quoted cited citing rejected
		dismissed recounted recalled accused`)

// CountVerbs report a tally rather than speech: "the network documented
// 125 deaths".
var CountVerbs = NewSet("counted documented documents recorded tallied")
