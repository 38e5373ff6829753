package corpus_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"2025-03-10", "2025-03-10", false},
		{" 2025-03-10 ", "2025-03-10", false},
		{"2025-03-10T23:30:00+02:00", "2025-03-10", false},
		{"2025-03-10 08:00:00", "2025-03-10", false},
		{"March 10, 2025", "2025-03-10", false},
		{"10 March 2025", "2025-03-10", false},
		{"", "", false},
		{"unknown", "", true},
		{"10/03/2025", "", true},
	}
	for _, tt := range tests {
		got, err := corpus.ParseDate(tt.in)
		if (err != nil) != tt.err || got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDateJSON(t *testing.T) {
	for _, d := range []corpus.Date{{}, corpus.DateOf(time.Date(2025, 3, 10, 17, 4, 0, 0, time.FixedZone("EET", 7200)))} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back corpus.Date
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(d.Time) {
			t.Errorf("round trip of %s: %s → %v, %v", d, b, back, err)
		}
	}
	if b, _ := json.Marshal(corpus.Date{}); string(b) != `""` {
		t.Errorf("zero date marshals to %s, want \"\"", b)
	}
	var d corpus.Date
	if err := json.Unmarshal([]byte(`"yesterday"`), &d); err == nil {
		t.Error("an unreadable date unmarshals without an error")
	}
}

func TestFigureSummary(t *testing.T) {
	reported := corpus.DateOf(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		f    corpus.Figure
		want string
	}{
		{corpus.Figure{Count: 1000, Qualifier: "nearly", Who: "civilians", What: corpus.KindKilled, Source: "Syrian Observatory for Human Rights", Reported: reported},
			"≈1,000 civilians killed — Syrian Observatory for Human Rights, reported Mon 10 Mar 2025"},
		{corpus.Figure{Count: 1300, Qualifier: "more than", What: corpus.KindKilled}, ">1,300 killed"},
		{corpus.Figure{Count: 7, Qualifier: "at least", What: corpus.KindWounded, Where: "Jableh"}, "≥7 wounded in Jableh"},
		{corpus.Figure{Count: 12, What: corpus.KindMissing, Reported: reported}, "12 missing — reported Mon 10 Mar 2025"},
		{corpus.Figure{Count: 150, Qualifier: "up to", What: corpus.KindDisplaced}, "≤150 displaced"},
	}
	for _, tt := range tests {
		if got := tt.f.Summary(); got != tt.want {
			t.Errorf("Summary() = %q, want %q", got, tt.want)
		}
	}
}

func TestError(t *testing.T) {
	userErr := corpus.Errorf(corpus.ENOTFOUND, "No passage mentions %s.", "Tartus")
	wrapped := fmt.Errorf("ask: %w", userErr)
	tests := []struct {
		err           error
		code, message string
	}{
		{nil, "", ""},
		{userErr, corpus.ENOTFOUND, "No passage mentions Tartus."},
		{wrapped, corpus.ENOTFOUND, "No passage mentions Tartus."},
		{errors.New("open /secret/path: permission denied"), corpus.EINTERNAL, "Internal error."},
	}
	for _, tt := range tests {
		if got := corpus.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
		if got := corpus.ErrorMessage(tt.err); got != tt.message {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tt.err, got, tt.message)
		}
	}
}
