// Package corpus holds newsdesk's domain types, with the standard library
// only: articles, their paragraphs and what is extracted from them
// (mentions, attributions, quotes, figures, dates); questions and their
// intent; results, answers and people; and the error type with a code and
// a message for users. The stages live below it: text, names, load,
// extract, question and synth; index/ and bot/ build on them.
package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Article is one news article, split into paragraphs.
type Article struct {
	// ID is stable across runs: the file's path relative to the corpus root
	// (slash-separated), with "#N" appended for the Nth record of a JSON Lines
	// file, or the record's own "id" when it has one.
	ID string `json:"id"`
	// Path is the file the article came from, relative to the corpus root.
	Path      string `json:"path"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"` // the outlet, e.g. "Reuters"
	URL       string `json:"url,omitempty"`
	Author    string `json:"author,omitempty"`
	Published Date   `json:"published"`
	// Hash is a content hash of the article's raw bytes; an article whose
	// hash is unchanged need not be analysed again.
	Hash       string      `json:"hash"`
	Paragraphs []Paragraph `json:"paragraphs"`
	// Warnings are non-fatal problems met while reading the article, such as
	// an unparseable front matter value that was left empty.
	Warnings []string `json:"warnings,omitempty"`
}

// Paragraph is one paragraph of an article with what was extracted from it.
type Paragraph struct {
	// Number is the 1-based position of the paragraph in its article.
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Mentions are the people and organisations named in the paragraph.
	Mentions []Mention `json:"mentions,omitempty"`
	// Attribution lists who makes the paragraph's claims, resolved to full
	// names ("the observatory" → "Syrian Observatory for Human Rights").
	Attribution []string `json:"attribution,omitempty"`
	// Quotes are the quoted passages of the paragraph with their speakers.
	Quotes []Quote `json:"quotes,omitempty"`
	// Figures are the casualty and other counts reported in the paragraph.
	Figures []Figure `json:"figures,omitempty"`
}

// MentionKind says what a mention names.
type MentionKind string

// Mention kinds.
const (
	MentionPerson       MentionKind = "person"
	MentionOrganisation MentionKind = "organisation"
	MentionPlace        MentionKind = "place"
)

// Mention is a name as it appears in a paragraph.
type Mention struct {
	// Text is the name as written, without titles: "Gaith Dalah", "al-Shara".
	Text string `json:"text"`
	// Name is the full name the mention refers to, resolved within the
	// article: "Mr. al-Shara" → "Ahmed al-Shara".
	Name string      `json:"name"`
	Kind MentionKind `json:"kind"`
	// Role is how the paragraph describes the entity, when it does:
	// "a former general in the Assad regime's elite Fourth Division",
	// "the director of the Syria program at the Middle East Institute".
	Role string `json:"role,omitempty"`
}

// Quote is a passage in quotation marks and who said it.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	// Role is what the speaker is, as the article says: the role of the
	// named speaker ("the UN Human Rights Spokesperson") or the
	// description of an unnamed one ("eyewitness", "security source").
	Role string `json:"role,omitempty"`
}

// Figure is a count reported in a paragraph, such as a death toll.
type Figure struct {
	// Count is the number as an integer: its lower bound for ranges and
	// a conventional value for words ("dozens" → 24, "hundreds" → 200).
	Count int `json:"count"`
	// CountText is the number as written: "1,300", "nearly 1,000", "dozens".
	CountText string `json:"count_text"`
	// Qualifier is "more than", "nearly", "at least", "about", "some"… or "".
	Qualifier string `json:"qualifier,omitempty"`
	// Who is counted: "people", "civilians", "security personnel"…
	Who string `json:"who,omitempty"`
	// What happened to them, normalised: "killed", "wounded", "missing",
	// "displaced", "arrested", "executed".
	What string `json:"what,omitempty"`
	// Where, when the paragraph says: "Latakia", "Tartus Province".
	Where string `json:"where,omitempty"`
	// Source is who reported the figure, resolved to a full name.
	Source string `json:"source,omitempty"`
	// Reported is the day the figure was reported, resolved against the
	// article's publication date; zero when unknown.
	Reported Date `json:"reported"`
}

// Figure kinds: the normalised What of a Figure.
const (
	KindKilled    = "killed"
	KindWounded   = "wounded"
	KindMissing   = "missing"
	KindDisplaced = "displaced"
	KindArrested  = "arrested"
	KindExecuted  = "executed"
	KindRescued   = "rescued"
)

// Date is a calendar day. The zero Date means unknown.
type Date struct{ time.Time }

// DateOf returns the Date of t's calendar day.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// String formats d as 2006-01-02, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalJSON writes d as "2006-01-02", or "" when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte(`""`), nil
	}
	b := make([]byte, 0, len(`"2006-01-02"`))
	b = append(b, '"')
	b = d.AppendFormat(b, time.DateOnly)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a date written by MarshalJSON.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// ParseDate reads a date ("2025-03-10") or an RFC 3339 time; "" is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z0700", "2006/01/02", "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("unrecognised date %q (want 2006-01-02 or an RFC 3339 time)", s)
}
