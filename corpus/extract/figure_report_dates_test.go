package extract

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// TestFigureReportDates dates figures by their report, not their events:
// period starts, sources speaking now of old events, recalled figures.
// The article is published on Monday 2025-03-10 unless said otherwise.
func TestFigureReportDates(t *testing.T) {
	for _, tt := range []struct {
		published corpus.Date
		paras     []string
		want      []string // each figure's reported day, in order
	}{
		// A period's start dates the start, not the report.
		{day(2025, 7, 22), []string{"The committee said on Tuesday that since the fighting began on March 6, 1,426 people had been killed."},
			[]string{"2025-07-22"}},
		{day(2025, 7, 22), []string{"SNHR has recorded at least 240 deaths since the fighting began on March 6."},
			[]string{"2025-07-22"}},
		{day(2025, 7, 22), []string{"The unrest, which erupted on March 6, has killed 1,500 people, the monitor said."},
			[]string{"2025-07-22"}},
		// An event's start long before is the time of the event, not of
		// the report: it dates the figure as of then.
		{day(2025, 7, 22), []string{"According to the committee, the bloodshed began on March 6, when gunmen attacked the security forces and killed 238 of them."},
			[]string{"2025-03-06"}},
		// "from" a place is no period; an old event recalled "at the time"
		// keeps its own date.
		{day(2024, 11, 18), []string{"The civil defence said its teams had pulled 14 bodies from the mud by Sunday afternoon."},
			[]string{"2024-11-17"}},
		{day(2025, 8, 14), []string{"In 2022, an earthquake in Paktika killed more than 1,000 people, the deadliest in two decades at the time."},
			[]string{"2022-01-01"}},
		// A trailing relative clause still dates an old event.
		{day(2025, 10, 6), []string{"More than 4,000 people were killed in Lebanon, according to the Health Ministry, most of them in the war that began in September 2024."},
			[]string{"2024-09-01"}},
		// A date in a relative clause describes its noun, not the figure.
		{day(2025, 7, 22), []string{"The violence that erupted in western Syria in March cost 1,426 lives, according to a fact-finding mission."},
			[]string{"2025-07-22"}},
		{day(2025, 7, 22), []string{"The offensive, which was launched in April, has left 900 people dead, the agency said."},
			[]string{"2025-07-22"}},
		{day(2025, 7, 22), []string{"The militia that attacked the villages in March killed 80 civilians, the report found."},
			[]string{"2025-07-22"}},
		// An old event keeps its own date, with a source or without.
		{day(2025, 7, 22), []string{"In March, gunmen killed 238 security personnel."},
			[]string{"2025-03-01"}},
		{day(2025, 7, 18), []string{"Fighting around the dam between December and February killed more than 500 people, according to the Syrian Observatory for Human Rights."},
			[]string{"2024-12-01"}},
		{day(2025, 7, 22), []string{"The ministry said that in March, 1,200 people were killed."},
			[]string{"2025-03-01"}},
		// A recalled figure is dated before the report: the latest day the
		// article named before it, else the day before.
		{day(2025, 7, 22), []string{
			"The bloodshed began on March 6.",
			"At the time, the Syrian Observatory for Human Rights said that over 1,600 people had died."},
			[]string{"2025-03-06"}},
		{day(2025, 3, 10), []string{
			"The observatory said on Sunday that 1,300 people had been killed.",
			"Another group, which had previously reported that forces had killed some 125 civilians, had not updated its count."},
			[]string{"2025-03-09", "2025-03-09"}},
		{day(2025, 3, 10), []string{"Back then, the ministry put the toll at 300."},
			[]string{"2025-03-09"}},
		{day(2025, 3, 10), []string{"Earlier, the health ministry said 45 people were wounded."},
			[]string{"2025-03-09"}},
		{day(2025, 3, 10), []string{"The agency had initially put the death toll at 500, but later raised it."},
			[]string{"2025-03-09"}},
		{day(2025, 3, 10), []string{"Officials first reported 12 dead in the blast."},
			[]string{"2025-03-09"}},
		// Not recalls: "at the time of writing", "earlier flare-ups", "the
		// first ambushes", a dated statement.
		{day(2025, 3, 10), []string{"At the time of writing, 90 people had been killed, the monitor said."},
			[]string{"2025-03-10"}},
		{day(2025, 3, 10), []string{"The fighting was worse than in earlier flare-ups, and 100 people died, a leader said."},
			[]string{"2025-03-10"}},
		{day(2025, 3, 10), []string{"The first ambushes left at least 15 security personnel dead, officials said."},
			[]string{"2025-03-10"}},
		{day(2025, 3, 10), []string{"Earlier, the ministry said on Saturday that 45 people were wounded."},
			[]string{"2025-03-08"}},
	} {
		a := corpus.Article{Published: tt.published}
		for i, p := range tt.paras {
			a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Number: i + 1, Text: p})
		}
		addFigures(&a)
		var got []string
		for _, p := range a.Paragraphs {
			for _, f := range p.Figures {
				got = append(got, f.Reported.String())
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: reported %v, want %v", tt.paras, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: reported %v, want %v", tt.paras, got, tt.want)
				break
			}
		}
	}
}

// TestRecalled tells a recalled report from the same words used
// otherwise: a recalled figure of an article published on Monday
// 2025-03-10 that names no other day is dated the day before.
func TestRecalled(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Back then, the monitor counted 300 dead.", true},
		{"At the time, the observatory said 1,600 had died.", true},
		{"At that point the toll stood at 200.", true},
		{"At first, officials said 12 were hurt.", true},
		{"The ministry earlier said 40 were killed.", true},
		{"The ministry said earlier that 40 were killed.", true},
		{"The group had previously reported 125 deaths.", true},
		{"Police initially put the toll at 20.", true},
		{"Officials first reported 12 dead.", true},
		{"Originally, 30 people were reported missing.", true},
		{"Health authorities had earlier estimated the death toll at 5,500.", true},
		{"In its earlier report, however, OCHA had said that at least 11,300 people died.", true},
		{"A previous estimate put the toll at 700.", true},
		{"An initial count found 20 people dead.", true},
		{"The ministry's report said 40 were killed, earlier than expected.", false},
		{"At the time of writing, 90 had been killed.", false},
		{"The clashes, worse than earlier flare-ups, killed 15.", false},
		{"The first ambushes killed 15.", false},
		{"The first reported deaths came on Friday, when 7 died.", false},
		// The adverb reports another figure than the one extracted.
		{"The UN said that at least 3,958 people have died rather than the figure previously reported by another agency, CNN reported.", false},
	} {
		figs := figuresOf(tt.text)
		if len(figs) == 0 {
			t.Errorf("%q: no figure", tt.text)
			continue
		}
		if got := figs[0].Reported.String() == "2025-03-09"; got != tt.want {
			t.Errorf("%q: reported %s, recalled = %v, want %v", tt.text, figs[0].Reported, got, tt.want)
		}
	}
}
