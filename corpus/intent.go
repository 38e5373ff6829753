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
	// besides its subject, place, source and typed count: for a said
	// question, every content word after the speech verb and its object
	// ("what did X tell his forces about ethics" → forces, ethics; "what
	// did a protester in Athens tell AFP" → athens, afp); for a figure
	// question, the words that are no figure, group, place or source
	// word ("security personnel killed in the first ambushes near Jableh"
	// → first, ambushes). Search questions have none (their Terms are
	// all topic).
	Topic []string `json:"topic,omitempty"`
	// Kinds are the kinds of figures a figure question asks for (killed,
	// wounded…); empty on other intents. "how many N" asks for casualty
	// kinds only when N is a casualty noun ("bodies") or the main
	// clause says N were killed, wounded…: "how many witnesses did
	// Amnesty interview about the killings" has none.
	Kinds []string `json:"kinds,omitempty"`
	// Who is the group a figure question counts ("civilians"), if named.
	Who string `json:"who,omitempty"`
	// Place is the place the question names, lower-case, on every intent
	// but who: a capitalised name after in, near, at, around, inside,
	// across, throughout, within, or from/for ("near Jableh" → "jableh";
	// "in Latakia province" → "latakia province"; "in India's heatwave"
	// → "india"); a phrase headed by a common noun of places ("in the
	// coastal region"); or, when the question is typed in lower case, a
	// short bare phrase ("in derna"). Never a month, weekday, state
	// ("in hospital") or topic phrase ("in the first ambushes", "in the
	// observatory's Monday count"). Words before the name in its phrase
	// stay topic.
	Place string `json:"place,omitempty"`
	// Source is who a figure must be reported by, lower-case, on figure
	// and search questions: what follows "according to" or a reporting
	// verb and "by" ("reported by LANA"), the subject of a reporting
	// verb ("what toll did SOHR give", "did the monitor say",
	// "people SNHR recorded killed"), or an organisation after a figure
	// noun and "by", "from" or "per" ("the toll from the interior
	// ministry"). It ends at its clause: a comma, a preposition, a
	// question word, a date ("according to AP on Wednesday" → "ap").
	// "displaced by the Harasta battles" and "death toll by province"
	// have none. Without an organisation noun as its head, only its
	// capitalised words are kept ("the Reuters investigation" →
	// "reuters").
	Source string `json:"source,omitempty"`
	// Latest asks for the most recent figures first.
	Latest bool `json:"latest,omitempty"`
	// Earliest asks for the first report instead ("the first death toll",
	// "the initial count"): the oldest figures first. Latest is then unset.
	Earliest bool `json:"earliest,omitempty"`
	// On is a day the question names ("on 9 March"); its Year is 0 when
	// the question gave none.
	On Day `json:"on,omitzero"`
	// Cause is set when the question asks for a cause: "why…", "what
	// caused…", "what led to…".
	Cause bool `json:"cause,omitempty"`
	// Count is set when the question asks "how many".
	Count bool `json:"count,omitempty"`
	// Counted is the noun a "how many" question counts, lower-case, the
	// head of the phrase after "how many": "witnesses", "bodies",
	// "civilians", "homes", "dead"; "" when the question names none
	// ("how many were arrested") or asks no "how many".
	Counted string `json:"counted,omitempty"`
	// Number is a count the question types, so that ranking can match
	// it to a figure's count: "toll 1225" → 1225, "the 1,300 figure" →
	// 1300, "the 2000 residents" → 2000. It is a number in digits of
	// two digits or more that is no year (1900–2099 without a comma and
	// no count noun after it), no day of a date ("March 12") and no part
	// of a hyphenated word ("25-year-old"); 0 when none. The number stays
	// in Terms but leaves Topic. Set on every intent but who.
	Number int `json:"number,omitempty"`
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
