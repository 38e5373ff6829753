package text

import (
	"strings"
	"time"
)

// Set is a read-only set of lower-case words.
type Set map[string]bool

// Union returns a new set of the words of all sets.
func Union(sets ...Set) Set {
	out := Set{}
	for _, s := range sets {
		for w := range s {
			out[w] = true
		}
	}
	return out
}

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

// WeekdayNumber reads a lower-case weekday name.
func WeekdayNumber(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == name {
			return d, true
		}
	}
	return 0, false
}

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

// OrgHeads are the head nouns of organisation names: "Syrian *Observatory* for Human Rights", "Interior *Ministry*".
var OrgHeads = NewSet(`observatory network institute council division ministry army forces force front party
		committee commission agency group organization organisation brigade brigades movement union office bank
		university court department association federation centre center foundation fund programme corps guard
		guards authority service services bureau assembly parliament senate congress police watch international
		crescent cross nations coalition alliance administration company corporation inc ltd times news post journal
		press presse broadcasting television tv radio unit units battalion legion militia mission secretariat league board
		church society academy trust initiative directorate command regiment navy airforce cabinet government
		tribunal defence defense protection helmets`)

// OrgNouns are common nouns that describe an organisation: "the group", "the monitor", "the ministry".
var OrgNouns = NewSet(`group organisation organization agency monitor militia faction movement party network
		outlet newspaper broadcaster channel ministry council company firm coalition alliance body watchdog charity
		institute observatory authority committee website platform station daily magazine union court university
		ngo daily`)

// RoleNouns name a position or a relation that describes a person: "governor", "spokesperson", "brother".
var RoleNouns = NewSet(`president leader minister general commander spokesman spokeswoman spokesperson official
		officer chief head director founder chairman chairwoman chair chairperson analyst researcher fellow expert professor envoy
		ambassador governor mayor brother sister son daughter wife husband father mother cousin uncle nephew niece
		colleague lawyer activist journalist reporter correspondent doctor resident witness cleric preacher secretary
		adviser advisor aide deputy ruler dictator strongman king prince emir candidate premier colonel lieutenant
		captain sergeant warlord commentator economist historian scholar author writer editor photographer survivor
		friend citizen businessman executive judge prosecutor negotiator mediator rapporteur coordinator representative
		ceo co-founder cofounder boss owner president-elect`)

// Titles are the titles written before a name: "President", "Sheikh", "Gen".
var Titles = NewSet(`president minister secretary secretary-general sheikh shaikh sheik king queen prince
		princess emir sultan imam ayatollah pope senator governor mayor judge chancellor general colonel lieutenant
		major captain sergeant commander chairman chairwoman chairperson chair chief director ambassador envoy spokesman spokeswoman premier
		archbishop bishop patriarch cardinal rabbi sir dame lord lady mr mrs ms miss dr gen col lt maj capt sgt brig adm
		prof rev sen rep gov cmdr mme mlle field-marshal marshal ceo cfo coo cto founder co-founder`)

// TitleAbbreviations are the titles written with a dot: the Abbreviations
// that are Titles ("Mr.", "Gen.", "Sen."), and "St." (Saint).
var TitleAbbreviations = abbreviatedTitles()

// abbreviatedTitles returns the Abbreviations that are Titles, and "st".
func abbreviatedTitles() Set {
	out := Set{"st": true}
	for w := range Abbreviations {
		if Titles[w] {
			out[w] = true
		}
	}
	return out
}

// Courtesy are the courtesy titles, which say nothing of a role: "Mr.", "Dr.", "Mme".
var Courtesy = NewSet(`mr mrs ms miss dr sir mme mlle m`)

// TitleModifiers are the words that build a title with a head: "Foreign Minister", "Vice President".
var TitleModifiers = NewSet(`vice prime deputy acting interim former foreign defence defense interior finance health
		justice crown supreme grand brigadier rear attorney home economy energy education security army police
		state first chief executive field`)

// Months are the names of the months and their abbreviations, lower-case.
var Months = NewSet(strings.ReplaceAll(MonthNamesPattern+"|"+MonthAbbreviationsPattern, "|", " "))

// RoleNoun reports whether word names a position or a relation that
// describes a person: "governor", "spokesperson", "minister", "brother".
func RoleNoun(word string) bool { return RoleNouns[strings.ToLower(word)] }

// MonthNamesPattern and MonthAbbreviationsPattern are the month names and
// their abbreviations as regular-expression alternations, for date
// grammars: "january|february|…", "jan|feb|…|sept|sep|…".
const (
	MonthNamesPattern         = `january|february|march|april|may|june|july|august|september|october|november|december`
	MonthAbbreviationsPattern = `jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`
)

// MonthNumber reads a lower-case month name or abbreviation, with or
// without a dot: "march", "sept.", "dec".
func MonthNumber(s string) (time.Month, bool) {
	s = strings.TrimSuffix(s, ".")
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || len(s) >= 3 && strings.HasPrefix(name, s) && (len(s) == 3 || s == "sept") {
			return m, true
		}
	}
	return 0, false
}
