package corpus

import "time"

// Intent is what kind of question was asked.
type Intent string

// Intents.
const (
	IntentWho    Intent = "who"    // who is X
	IntentFigure Intent = "figure" // death tolls and other counts
	IntentSaid   Intent = "said"   // what did X say
	IntentSearch Intent = "search" // anything else
)

// Question is a question in plain words as newsdesk understood it. Nothing
// in it is query syntax: every field is plain text.
type Question struct {
	// Text is the cleaned question.
	Text   string `json:"text"`
	Intent Intent `json:"intent"`
	// Subject is the person or organisation asked about (who, said), as typed.
	Subject string `json:"subject,omitempty"`
	// Terms are the question's content words, lower-cased, in order, without
	// question words and filler.
	Terms []string `json:"terms,omitempty"`
	// Topic are the content words a said or figure question is about
	// besides its subject, place and source ("what did X say about the
	// attacks" → attacks; "cholera deaths in Yemen" → cholera).
	Topic []string `json:"topic,omitempty"`
	// Kinds are the kinds of figures asked about (killed, wounded…).
	Kinds []string `json:"kinds,omitempty"`
	// Who is the group a figure question counts ("civilians"), if named.
	Who string `json:"who,omitempty"`
	// Place is the place a figure question is about, if named.
	Place string `json:"place,omitempty"`
	// Source is who a figure must be reported by ("according to SNHR").
	Source string `json:"source,omitempty"`
	// Latest asks for the most recent figures first.
	Latest bool `json:"latest,omitempty"`
	// On is a day the question names ("on 9 March"); its Year is 0 when
	// the question gave none.
	On Day `json:"on,omitzero"`
	// Cause is set when the question asks for a cause: "why…", "what
	// caused…", "what led to…".
	Cause bool `json:"cause,omitempty"`
	// Count is set when the question asks "how many".
	Count bool `json:"count,omitempty"`
	// Year is a year a figure question names on its own ("the 2015
	// heatwave", "in 2019"), 0 when none; "since 2011" names none. Other
	// questions keep the year among their Terms.
	Year int `json:"year,omitempty"`
}

// Day is a calendar day whose year may be unknown (0).
type Day struct {
	Year  int        `json:"year,omitempty"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// IsZero reports whether no day was named.
func (d Day) IsZero() bool { return d.Month == 0 }

// In returns the day in year when d has no year of its own.
func (d Day) In(year int) Date {
	if d.Year != 0 {
		year = d.Year
	}
	return Date{time.Date(year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)}
}
