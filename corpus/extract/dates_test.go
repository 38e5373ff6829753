package extract

import (
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

// TestResolveDate resolves date expressions against a publication date,
// preferring the past.
func TestResolveDate(t *testing.T) {
	monday := day(2025, 3, 10)   // Monday
	thursday := day(2025, 3, 13) // Thursday
	sunday := day(2025, 3, 9)    // Sunday
	tests := []struct {
		expr      string
		published corpus.Date
		want      string // "" when it must not resolve
	}{
		{"on Sunday", monday, "2025-03-09"},
		{"Sunday", monday, "2025-03-09"},
		{"Monday", monday, "2025-03-10"}, // the publication day, not a week ago
		{"on Monday", monday, "2025-03-10"},
		{"Thursday", monday, "2025-03-06"},
		{"Saturday afternoon", monday, "2025-03-08"},
		{"late on Thursday", monday, "2025-03-06"},
		{"early Friday", monday, "2025-03-07"},
		{"Friday night", monday, "2025-03-07"},
		{"last Sunday", sunday, "2025-03-02"}, // never the publication day
		{"last Sunday", monday, "2025-03-09"},
		{"yesterday", monday, "2025-03-09"},
		{"today", monday, "2025-03-10"},
		{"last night", monday, "2025-03-09"},
		{"this morning", monday, "2025-03-10"},
		{"last week", monday, "2025-03-03"},
		{"earlier this week", monday, "2025-03-10"}, // the week's Monday
		{"earlier this week", thursday, "2025-03-10"},
		{"over the weekend", monday, "2025-03-08"}, // the weekend's Saturday
		{"over the weekend", sunday, "2025-03-08"},
		{"two days ago", monday, "2025-03-08"},
		{"on 17 March", monday, "2024-03-17"}, // the past: last year's
		{"17th of March", monday, "2024-03-17"},
		{"March 17", monday, "2024-03-17"},
		{"March 9", monday, "2025-03-09"},
		{"on 10 March", monday, "2025-03-10"},
		{"11 March", monday, "2025-03-11"}, // a day's leeway for time zones
		{"17 March 2025", monday, "2025-03-17"},
		{"March 17, 2025", monday, "2025-03-17"},
		{"this month", monday, "2025-03-01"},
		{"earlier this month", monday, "2025-03-01"},
		{"last month", monday, "2025-02-01"},
		{"in December", monday, "2024-12-01"},
		{"in April 2017", monday, "2017-04-01"},
		{"between December and February", monday, "2024-12-01"}, // a period of months
		{"between January and February", monday, "2025-01-01"},
		{"early March 2024", monday, "2024-03-01"},
		{"since 2011", monday, "2011-01-01"},
		{"2025-03-09", monday, "2025-03-09"},
		{"2025-02-30", monday, ""},
		{"this Thursday", monday, "2025-03-06"},
		{"in March", monday, "2025-03-01"},
		{"by Sept", monday, "2024-09-01"},
		{"mid-March 2024", monday, "2024-03-01"},
		{"since March 2024", monday, "2024-03-01"},
		{"this year", monday, "2025-01-01"},
		{"in 2011", monday, "2011-01-01"},
		{"two weeks ago", monday, "2025-02-24"},
		{"eleven days ago", monday, "2025-02-27"},
		{"three months ago", day(2025, 3, 31), "2024-12-01"},
		{"a month ago", day(2025, 3, 31), "2025-02-01"},
		{"two years ago", monday, "2023-01-01"},
		{"29 February", monday, "2024-02-29"}, // the last leap year's
		{"29 February", day(2024, 2, 29), "2024-02-29"},
		{"30 February 2024", monday, ""},
		{"17th of March 2024", monday, "2024-03-17"},
		{"Dec. 31", monday, "2024-12-31"},
		// Unknown publication date: only dates that name their year.
		{"17 March 2025", corpus.Date{}, "2025-03-17"},
		{"2025-03-09", corpus.Date{}, "2025-03-09"},
		{"Sunday", corpus.Date{}, ""},
		{"March 17", corpus.Date{}, ""},
		{"in April 2017", corpus.Date{}, ""},
		{"this week", corpus.Date{}, ""},
		{"yesterday", corpus.Date{}, ""},
		{"", monday, ""},
		{"banana", monday, ""},
	}
	for _, tt := range tests {
		got, ok := ResolveDate(tt.expr, tt.published)
		if tt.want == "" {
			if ok {
				t.Errorf("ResolveDate(%q, %s) = %s, want none", tt.expr, tt.published, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("ResolveDate(%q, %s) = %s %v, want %s", tt.expr, tt.published, got, ok, tt.want)
		}
	}
}

// TestFindDates finds the date expressions of sentences, and not the verbs
// "march" and "may".
func TestFindDates(t *testing.T) {
	monday := day(2025, 3, 10)
	tests := []struct {
		sentence string
		want     []string // text=date
	}{
		{"The observatory said on Sunday that 1,300 people had been killed.", []string{"on Sunday=2025-03-09"}},
		{"Gunmen stormed the town late on Thursday; the shooting stopped on Saturday afternoon.",
			[]string{"late on Thursday=2025-03-06", "on Saturday afternoon=2025-03-08"}},
		{"Talks began on 17 March 2025 and ended March 18, 2025.", []string{"on 17 March 2025=2025-03-17", "March 18, 2025=2025-03-18"}},
		{"Protesters may march to the square; the statement of 2025-03-01 stands.", []string{"2025-03-01=2025-03-01"}},
		{"Fighting resumed yesterday, after a lull last week.", []string{"yesterday=2025-03-09", "last week=2025-03-03"}},
		{"He has led the group since 2011 and was re-elected in May.", []string{"since 2011=2011-01-01", "in May=2024-05-01"}},
		{"Nothing here has a date.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FindDates(tt.sentence, monday) {
			if tt.sentence[m.Start:m.End] != m.Text {
				t.Errorf("%q: offsets %d:%d do not give %q", tt.sentence, m.Start, m.End, m.Text)
			}
			got = append(got, m.Text+"="+m.Date.String())
		}
		if len(got) != len(tt.want) {
			t.Errorf("FindDates(%q) = %q, want %q", tt.sentence, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("FindDates(%q) = %q, want %q", tt.sentence, got, tt.want)
				break
			}
		}
	}
}

// TestDatePrecision reports how precise each resolved expression is.
func TestDatePrecision(t *testing.T) {
	monday := day(2025, 3, 10)
	for expr, want := range map[string]string{
		"on Sunday": PrecisionDay, "last week": PrecisionWeek, "earlier this week": PrecisionWeek,
		"this month": PrecisionMonth, "in December": PrecisionMonth, "since 2011": PrecisionYear, "17 March": PrecisionDay,
	} {
		ms := FindDates("It happened "+expr+".", monday)
		if len(ms) != 1 || ms[0].Precision != want {
			t.Errorf("%q: %+v, want precision %s", expr, ms, want)
		}
	}
}

// TestDateResolverCache resolves the same expression once per article,
// whatever its spelling.
func TestDateResolverCache(t *testing.T) {
	r := newDateResolver(day(2025, 3, 10))
	a := r.resolve("on Sunday")
	b := r.resolve("Sunday")
	c := r.resolve("  on  SUNDAY ")
	if len(r.cache) != 1 || a != b || b != c || a.date.String() != "2025-03-09" {
		t.Errorf("cache %v; resolved %v %v %v", r.cache, a, b, c)
	}
}

// BenchmarkResolveDate measures resolution, fresh and cached.
func BenchmarkResolveDate(b *testing.B) {
	pub := corpus.Date{Time: time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)}
	exprs := []string{"on Sunday", "yesterday", "17 March", "last week", "Saturday afternoon"}
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			r := newDateResolver(pub)
			for _, e := range exprs {
				r.resolve(e)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		r := newDateResolver(pub)
		for b.Loop() {
			for _, e := range exprs {
				r.resolve(e)
			}
		}
	})
}
