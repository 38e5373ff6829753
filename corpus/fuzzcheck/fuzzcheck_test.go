package fuzzcheck

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// recorder is a testing.TB that records a fatal failure instead of
// stopping the test.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }

func TestWithin(t *testing.T) {
	tests := []struct {
		name         string
		limit, sleep time.Duration
		fails        bool
	}{
		{"input within the limit passes", time.Hour, 0, false},
		{"input over the limit fails", time.Nanosecond, time.Millisecond, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			ran := false
			within(r, tt.limit, func() {
				ran = true
				time.Sleep(tt.sleep)
			})
			if !ran {
				t.Fatal("f was not run")
			}
			if got := r.failed != ""; got != tt.fails {
				t.Fatalf("failed = %q, want failure %v", r.failed, tt.fails)
			}
			if tt.fails && !strings.Contains(r.failed, "at most "+tt.limit.String()) {
				t.Errorf("failure %q does not name the limit", r.failed)
			}
		})
	}
}
