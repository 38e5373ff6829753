package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// day builds a Date for tests.
func day(y int, m time.Month, d int) corpus.Date {
	return corpus.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// figuresOf extracts the figures of a one-paragraph article published on
// Monday 2025-03-10.
func figuresOf(txt string) []corpus.Figure {
	a := corpus.Article{Published: day(2025, 3, 10), Paragraphs: []corpus.Paragraph{{Number: 1, Text: txt}}}
	addFigures(&a)
	return a.Paragraphs[0].Figures
}

// wantFigure is what a test expects of a figure; "" and 0 fields are not
// checked, except Count.
type wantFigure struct {
	count     int
	qualifier string
	who       string
	what      string
	where     string
	source    string
	reported  string
}

func checkFigure(t *testing.T, txt string, got corpus.Figure, w wantFigure) {
	t.Helper()
	if got.Count != w.count || got.Qualifier != w.qualifier || got.Who != w.who || got.What != w.what ||
		(w.where != "" && got.Where != w.where) || (w.source != "" && got.Source != w.source) ||
		(w.reported != "" && got.Reported.String() != w.reported) {
		t.Errorf("%q:\n got  %d %q who=%q what=%q where=%q source=%q reported=%s\n want %d %q who=%q what=%q where=%q source=%q reported=%s",
			txt, got.Count, got.Qualifier, got.Who, got.What, got.Where, got.Source, got.Reported,
			w.count, w.qualifier, w.who, w.what, w.where, w.source, w.reported)
	}
}

// figureTest is a sentence and the figures it reports.
type figureTest struct {
	text string
	want []wantFigure
}

// TestFigureSentences reads casualty figures written in many ways.
// figureSentenceTests are the cases of TestFigureSentences.
var figureSentenceTests = []figureTest{
	{"Over 1,300 people have died in days of fighting, according to a monitoring group.",
		[]wantFigure{{count: 1300, qualifier: "over", who: "people", what: "killed", source: "a monitoring group", reported: "2025-03-10"}}},
	{"The agency said on Sunday that more than 1,300 people had been killed.",
		[]wantFigure{{count: 1300, qualifier: "more than", who: "people", what: "killed", source: "the agency", reported: "2025-03-09"}}},
	// A description that names itself is its own source, not the source
	// before it; "the monitor" is the source before.
	{"Aid workers said 40 people were killed. The United Nations refugee agency said more than 21,000 people had fled.",
		[]wantFigure{{count: 40, who: "people", what: "killed", source: "Aid workers", reported: "2025-03-10"},
			{count: 21000, qualifier: "more than", who: "people", what: "displaced", source: "the United Nations refugee agency", reported: "2025-03-10"}}},
	{"Aid workers said 40 people were killed. The Britain-based monitor said 12 more had died.",
		[]wantFigure{{count: 40, who: "people", what: "killed", source: "Aid workers", reported: "2025-03-10"},
			{count: 12, who: "", what: "killed", source: "Aid workers", reported: "2025-03-10"}}},
	{"Officials said more that than 900 people had been killed.", // a stray word in "more than"
		[]wantFigure{{count: 900, qualifier: "more than", who: "people", what: "killed", source: "Officials"}}},
	{"Among the dead were nearly 400 civilians, most of them shot at close range, the monitor said on Saturday.",
		[]wantFigure{{count: 400, qualifier: "nearly", who: "civilians", what: "killed", source: "the monitor", reported: "2025-03-08"}}},
	{"Militias had killed some 80 villagers, a rights group reported.",
		[]wantFigure{{count: 80, qualifier: "some", who: "villagers", what: "killed", source: "a rights group"}}},
	{"A car bomb exploded in Idlib, killing at least 12 people.",
		[]wantFigure{{count: 12, qualifier: "at least", who: "people", what: "killed", where: "Idlib"}}},
	{"The death toll rose to 1,500 on Saturday, according to the Health Ministry.",
		[]wantFigure{{count: 1500, what: "killed", source: "Health Ministry", reported: "2025-03-08"}}},
	{"The death toll in the war has risen to 38,584, the ministry said.",
		[]wantFigure{{count: 38584, what: "killed", source: "the ministry", reported: "2025-03-10"}}},
	{"The toll from the earthquake climbed to 2,300 on Monday, officials said.",
		[]wantFigure{{count: 2300, what: "killed", source: "officials"}}},
	{"The number of people killed in the town since the siege began rose to at least 134, the group said.",
		[]wantFigure{{count: 134, qualifier: "at least", what: "killed", source: "the group"}}},
	{"There have been 27 associated deaths, the agency said.",
		[]wantFigure{{count: 27, what: "killed", source: "the agency"}}},
	{"At least 17 people have drowned in the district, officials said.",
		[]wantFigure{{count: 17, qualifier: "at least", who: "people", what: "killed", source: "officials"}}},
	{"According to SOHR, the breakdown of civilian deaths stands at 658 in Latakia.",
		[]wantFigure{{count: 658, what: "killed", where: "Latakia", source: "SOHR", reported: "2025-03-10"}}},
	{"Deaths reached 1,684 in the Al Haouz region, the ministry said.",
		[]wantFigure{{count: 1684, what: "killed", where: "Al Haouz", source: "the ministry"}}},
	{"The toll has climbed to 745 civilians.",
		[]wantFigure{{count: 745, who: "civilians", what: "killed", reported: "2025-03-10"}}},
	{"Some 210 women were among those killed.",
		[]wantFigure{{count: 210, qualifier: "some", who: "women", what: "killed"}}},
	{"The blast left 23 dead and at least 40 wounded.",
		[]wantFigure{{count: 23, what: "killed"}, {count: 40, qualifier: "at least", what: "wounded"}}},
	{"Dozens were arrested in Homs over the weekend.",
		[]wantFigure{{count: 24, what: "arrested", where: "Homs"}}},
	{"Thousands have fled the city of Aleppo since the offensive began.",
		[]wantFigure{{count: 2000, what: "displaced"}}},
	{"Three children were among the dead, hospital staff said late on Thursday.",
		[]wantFigure{{count: 3, who: "children", what: "killed", source: "hospital staff", reported: "2025-03-06"}}},
	{"The attackers killed 5 and wounded 14 near the border.",
		[]wantFigure{{count: 5, what: "killed", where: "the border"}, {count: 14, what: "wounded", where: "the border"}}},
	{"The ministry gave a death toll of 1,383, of whom 973 were civilians.",
		[]wantFigure{{count: 1383, what: "killed", source: "the ministry"}, {count: 973, who: "civilians", what: "killed", source: "the ministry"}}},
	{"Seven members of the security forces died in the ambush, the interior ministry said yesterday.",
		[]wantFigure{{count: 7, who: "members of the security forces", what: "killed", source: "the interior ministry", reported: "2025-03-09"}}},
	{"Twenty-three fighters were reported killed.",
		[]wantFigure{{count: 23, who: "fighters", what: "killed"}}},
	{"At least 50 people, including 12 children, were killed across the coastal region.",
		[]wantFigure{{count: 50, qualifier: "at least", who: "people", what: "killed", where: "the coastal region"},
			{count: 12, who: "children", what: "killed"}}},
	{"Gunmen summarily killed 52 men in the village, Amnesty International said Saturday afternoon.",
		[]wantFigure{{count: 52, who: "men", what: "executed", where: "the village", source: "Amnesty International", reported: "2025-03-08"}}},
	{"An estimated 1.5 million people have been displaced by the war.",
		[]wantFigure{{count: 1500000, qualifier: "an estimated", who: "people", what: "displaced"}}},
	{"Hundreds of demonstrators were taken into custody.",
		[]wantFigure{{count: 200, who: "demonstrators", what: "arrested"}}},
	{"The UN says 200 people remain missing after the floods.",
		[]wantFigure{{count: 200, who: "people", what: "missing", source: "UN"}}},
	{"Police detained 25 protesters and arrested 5 journalists.",
		[]wantFigure{{count: 25, who: "protesters", what: "arrested"}, {count: 5, who: "journalists", what: "arrested"}}},
	{"Between 1,000 and 1,200 Alawite civilians lost their lives, activists estimated.",
		[]wantFigure{{count: 1000, who: "Alawite civilians", what: "killed", source: "activists"}}},
	{"Officials put the death toll at 2,000.",
		[]wantFigure{{count: 2000, what: "killed", source: "Officials"}}},
	{"As of Friday, scores of soldiers had been wounded.",
		[]wantFigure{{count: 40, who: "soldiers", what: "wounded", reported: "2025-03-07"}}},
	{"“We buried 40 bodies today,” said Omar Haddad, a local doctor.",
		[]wantFigure{{count: 40, what: "killed", source: "Omar Haddad"}}},
	{"Two police officers were hurt, and a dozen were arrested in Tartus Province.",
		[]wantFigure{{count: 2, who: "police officers", what: "wounded"}, {count: 12, what: "arrested", where: "Tartus Province"}}},
	{"Tens of thousands of people have been displaced across Latakia and Tartus Provinces.",
		[]wantFigure{{count: 20000, who: "people", what: "displaced", where: "Latakia and Tartus Provinces"}}},
	{"The airstrike killed 3 soldiers and 2 civilians were killed in a separate attack.",
		[]wantFigure{{count: 3, who: "soldiers", what: "killed"}, {count: 2, who: "civilians", what: "killed"}}},
	{"By Sunday, the number of people killed had risen to 800.",
		[]wantFigure{{count: 800, what: "killed", reported: "2025-03-09"}}},
	{"Nearly 60 detainees were executed, the network documented.",
		[]wantFigure{{count: 60, qualifier: "nearly", who: "detainees", what: "executed", source: "the network"}}},
	{"The ministry on Friday said 17 people had been killed, while Syria’s state news agency SANA reported 20 deaths.",
		[]wantFigure{{count: 17, who: "people", what: "killed", source: "the ministry", reported: "2025-03-07"},
			{count: 20, what: "killed", source: "SANA", reported: "2025-03-10"}}},
	{"Between 2011 and 2020, 230 journalists were killed.",
		[]wantFigure{{count: 230, who: "journalists", what: "killed"}}},
	{"At least 1,200 homes were destroyed and 4,500 people left homeless, the UN said.",
		[]wantFigure{{count: 4500, who: "people", what: "displaced", source: "UN"}}},
	{"The number of displaced has reached 60,000, OCHA said Wednesday.",
		[]wantFigure{{count: 60000, what: "displaced", source: "OCHA", reported: "2025-03-05"}}},
	{"Fighting killed 8 and injured dozens more.",
		[]wantFigure{{count: 8, what: "killed"}, {count: 24, what: "wounded"}}},
	{"It said the violence had claimed the lives of 34 people in the town.",
		[]wantFigure{{count: 34, who: "people", what: "killed", where: "the town"}}},
	// A part of a group named before.
	{"Two of the refugees, a man and a child, had died of their wounds, the health office said.",
		[]wantFigure{{count: 2, who: "refugees", what: "killed", source: "the health office"}}},
	// People rescued.
	{"Seventeen survivors have been rescued, including a 15-year-old boy.",
		[]wantFigure{{count: 17, what: "rescued"}}},
	{"Rescuers, most of them fellow miners, pulled nine people out alive, according to the Red Cross.",
		[]wantFigure{{count: 9, who: "people", what: "rescued", source: "Red Cross"}}},
	{"The coast guard rescued 85 migrants on Sunday.",
		[]wantFigure{{count: 85, who: "migrants", what: "rescued"}}},
	{"At least 30 people were rescued from the flooded village.",
		[]wantFigure{{count: 30, qualifier: "at least", who: "people", what: "rescued"}}},
	// A change counts its new figure.
	{"The death toll climbed from 11 to 27 on Sunday, the ministry said.",
		[]wantFigure{{count: 27, what: "killed", source: "the ministry", reported: "2025-03-09"}}},
	{"Deaths rose from 11 to 27.",
		[]wantFigure{{count: 27, what: "killed"}}},
	{"The number of dead has risen from 11 to 27.",
		[]wantFigure{{count: 27, what: "killed"}}},
	// A toll given against another.
	{"The UN puts the toll higher, at 35.",
		[]wantFigure{{count: 35, what: "killed", source: "UN"}}},
	// A figure of the past is dated when it happened, not when it was
	// published.
	{"In 2013, a chemical attack in Ghouta killed more than 1,400 people.",
		[]wantFigure{{count: 1400, qualifier: "more than", who: "people", what: "killed", reported: "2013-01-01"}}},
	{"A similar attack in April 2017 killed 89 people.",
		[]wantFigure{{count: 89, who: "people", what: "killed", reported: "2017-04-01"}}},
	{"Fighting around the dam between October and December killed more than 500 people.",
		[]wantFigure{{count: 500, qualifier: "more than", who: "people", what: "killed", reported: "2024-10-01"}}},
	{"The 2010 earthquake killed more than 200,000 people.",
		[]wantFigure{{count: 200000, qualifier: "more than", who: "people", what: "killed", reported: "2010-01-01"}}},
	{"Last year, floods killed 300 people.",
		[]wantFigure{{count: 300, who: "people", what: "killed", reported: "2024-01-01"}}},
	{"Since 2011, more than 500,000 people have been killed.",
		[]wantFigure{{count: 500000, qualifier: "more than", who: "people", what: "killed", reported: "2025-03-10"}}},
	// Figures of now, whatever old dates their sentence names.
	{"The war, which began in April 2023, has killed at least 20,000 people.",
		[]wantFigure{{count: 20000, qualifier: "at least", who: "people", what: "killed", reported: "2025-03-10"}}},
	{"The strike killed 12 people, the deadliest attack since the 2019 bombing.",
		[]wantFigure{{count: 12, who: "people", what: "killed", reported: "2025-03-10"}}},
	{"In March, 1200 people were killed.",
		[]wantFigure{{count: 1200, who: "people", what: "killed", reported: "2025-03-10"}}},
	{"This year, floods killed 30 people.",
		[]wantFigure{{count: 30, who: "people", what: "killed", reported: "2025-03-10"}}},
	// A range is no change.
	{"Anywhere from 200 to 300 people were killed.",
		[]wantFigure{{count: 200, who: "people", what: "killed"}}},
	// Reports in the past, with a regular event beside them.
	{"Floods killed 40 people, and more rain is forecast every day this week.",
		[]wantFigure{{count: 40, who: "people", what: "killed"}}},
	{"At least 27 people were killed, the worst toll since 2019.",
		[]wantFigure{{count: 27, qualifier: "at least", who: "people", what: "killed", reported: "2025-03-10"}}},
	{"At least 12 people were killed on Sunday, and every day more bodies are found.",
		[]wantFigure{{count: 12, qualifier: "at least", who: "people", what: "killed"}}},
}

func TestFigureSentences(t *testing.T) { checkFigureTable(t, figureSentenceTests) }

// checkFigureTable checks the figures of each sentence of a table.
func checkFigureTable(t *testing.T, tests []figureTest) {
	t.Helper()
	for _, tt := range tests {
		got := figuresOf(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q: %d figures, want %d: %+v", tt.text, len(got), len(tt.want), got)
			continue
		}
		for i := range got {
			checkFigure(t, tt.text, got[i], tt.want[i])
		}
	}
}

// TestFigureNotCounts checks that numbers counting no casualties are left
// alone: years, percentages, durations, ages, dates, money, things,
// ordinals, and counts of people with no casualty.
func TestFigureNotCounts(t *testing.T) {
	for _, txt := range []string{
		"The observatory has monitored the conflict since 2011.",
		"About 10 percent of the population belong to the sect.",
		"The country has deep divisions after more than 13 years of civil war.",
		"The family governed with an iron fist for more than five decades.",
		"A 45-year-old man described the shooting.",
		"The statement was issued on 17 March, and the talks resumed on March 18.",
		"The government pledged $500 million to rebuild 12 villages.",
		"Forces attacked with 12 drones, 30 tanks and artillery.",
		"The Fourth Division was headed by his brother.",
		"More than 2,000 people attended the funeral.",
		"In 2024, 300 delegates met in Geneva.",
		"No one was killed in the raid.",
		"One resident emerged from his home to see bodies every few yards.",
		"The 3 soldiers who were not killed returned to base.",
		"UN Resolution 2254 calls for elections within 18 months.",
		"Voting ended at 10:30 and 5,000 ballots were counted.",
		"Between 2011 and 2020 the city changed hands twice, killed or not.",
		"Some 300 people gathered outside the court on Tuesday.",
		"He was one of 12 candidates.",
		// What happens regularly is no report of an event.
		"Road accidents kill scores of people every year in the country.",
		"About 300 migrants die each month crossing the sea.",
		"Around 1,200 people are killed on the roads annually.",
		"Two survivors described the collapse.",
		"",
		"1,300",
	} {
		if got := figuresOf(txt); len(got) != 0 {
			t.Errorf("%q: want no figures, got %+v", txt, got)
		}
	}
}

// TestFigureSourceResolution resolves short references to the source
// against the rest of the article, with and without the attribution that
// addAttribution fills in.
func TestFigureSourceResolution(t *testing.T) {
	a := corpus.Article{Published: day(2025, 3, 10), Paragraphs: []corpus.Paragraph{
		{Number: 1, Text: "Most of those killed were farmers, according to the London-based Kurdish Monitor for Civil Liberties, which has tracked the war since 2012."},
		{Number: 2, Text: "The monitor said on Friday that 310 people had been killed. It later said 45 more had died in hospital."},
		{Number: 3, Text: "At least 90 people were wounded."},
		{Number: 4, Text: "At least 15 civilians were executed.", Attribution: []string{"Human Rights Watch"}},
		{Number: 5, Text: "Mr. Haddad said 6 guards were detained.", Mentions: []corpus.Mention{{Text: "Haddad", Name: "Samir Haddad", Kind: corpus.MentionPerson}}},
		{Number: 6, Text: "The league said 25 people were injured."},
		{Number: 7, Text: "The Syrian Network for Human Rights (SNHR), a monitoring group, said 40 people were killed.",
			Attribution: []string{"Syrian Network for Human Rights"}},
		{Number: 8, Text: "At least 150 people have died in the city, the head of the Red Crescent in Benghazi said on Monday."},
	}}
	addFigures(&a)
	want := []struct {
		para           int
		count          int
		source, report string
	}{
		{2, 310, "Kurdish Monitor for Civil Liberties", "2025-03-07"},
		{2, 45, "Kurdish Monitor for Civil Liberties", "2025-03-10"},
		{3, 90, "", "2025-03-10"},
		{4, 15, "Human Rights Watch", "2025-03-10"},
		{5, 6, "Samir Haddad", "2025-03-10"},
		{6, 25, "the league", "2025-03-10"},
		{7, 40, "Syrian Network for Human Rights", "2025-03-10"}, // not "a monitoring group"
		{8, 150, "Red Crescent", "2025-03-10"},                   // not Benghazi, where it is
	}
	var got []corpus.Figure
	var paras []int
	for _, p := range a.Paragraphs {
		for _, f := range p.Figures {
			got = append(got, f)
			paras = append(paras, p.Number)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d figures, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if paras[i] != w.para || got[i].Count != w.count || got[i].Source != w.source || got[i].Reported.String() != w.report {
			t.Errorf("figure %d: paragraph %d %d %q %s, want paragraph %d %d %q %s", i, paras[i], got[i].Count, got[i].Source,
				got[i].Reported, w.para, w.count, w.source, w.report)
		}
	}
}

// loadSeed reads the bundled seed article through ParseFile and analyses it.
func loadSeed(tb testing.TB) corpus.Article {
	tb.Helper()
	const name = "../articles/000_325ffa9ff300ae2d.md"
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	arts, err := load.ParseFile(name, data)
	if err != nil || len(arts) != 1 {
		tb.Fatalf("ParseFile(seed): %d articles, %v", len(arts), err)
	}
	a := arts[0]
	Analyze(&a)
	return a
}

// TestFiguresSeed checks the figures of the bundled article: two tolls of
// more than 1,300 from two sources, the observatory's civilians on Monday,
// and the other network's earlier figure.
func TestFiguresSeed(t *testing.T) {
	a := loadSeed(t)
	if a.Published.String() != "2025-03-10" {
		t.Fatalf("seed published %s", a.Published)
	}
	var got []corpus.Figure
	for _, p := range a.Paragraphs {
		got = append(got, p.Figures...)
	}
	want := []wantFigure{
		{count: 1300, qualifier: "over", who: "people", what: "killed", source: "a war monitor", reported: "2025-03-10"},
		{count: 1300, qualifier: "more than", who: "people", what: "killed", source: "Syrian Observatory for Human Rights", reported: "2025-03-09"},
		{count: 1000, qualifier: "nearly", who: "civilians", what: "killed", source: "Syrian Observatory for Human Rights", reported: "2025-03-10"},
		// "which had previously reported": before the report of Monday,
		// the latest day the article names before it.
		{count: 125, qualifier: "some", who: "civilians", what: "killed", source: "Syrian Network for Human Rights", reported: "2025-03-09"},
	}
	if len(got) != len(want) {
		t.Fatalf("seed: %d figures, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		checkFigure(t, "seed", got[i], want[i])
	}
}

// FuzzFigures checks that extraction never panics and keeps its fields
// sane on arbitrary text.
func FuzzFigures(f *testing.F) {
	for _, s := range []string{
		"Over 1,300 people have died, according to a war monitor.",
		"The observatory said on Sunday that more that than 1,300 people had been killed.",
		"Among the dead were nearly 1,000 civilians, the observatory said on Monday.",
		"killed 5 and wounded 14", "of whom 973 were civilians", "tens of thousands of", "a dozen", "half a",
		"1,000-", "between 1 and", "“…,” said", "according to", ", which reported", "Mr. . . 1.5.5 million",
		"twenty-three hundred and", "the death toll rose to", "on 31 February 2025", "al-", "\xff\xfe 12 \u00a0 killed",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, txt string) {
		a := corpus.Article{Published: day(2025, 3, 10), Paragraphs: []corpus.Paragraph{{Number: 1, Text: txt}}}
		fuzzcheck.Within(t, func() { addFigures(&a) })
		for _, fig := range a.Paragraphs[0].Figures {
			if fig.Count < 0 || fig.What == "" || text.CasualtyKind(fig.What) != fig.What {
				t.Errorf("bad figure %+v from %q", fig, txt)
			}
			if fig.Reported.After(a.Published.Time) {
				t.Errorf("figure reported after publication: %+v from %q", fig, txt)
			}
		}
		for _, s := range text.Sentences(txt) {
			if !strings.Contains(txt, s) {
				t.Errorf("sentence %q not in %q", s, txt)
			}
		}
		FindDates(txt, a.Published)
	})
}

// BenchmarkExtractFigures measures figure extraction on the seed article,
// reporting the time per paragraph; the date cache is per article, so
// every iteration resolves its dates afresh.
func BenchmarkExtractFigures(b *testing.B) {
	a := loadSeed(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		addFigures(&a)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(a.Paragraphs)), "ns/paragraph")
}

// TestCasualtyKindsAreFigureKinds checks that the lexicon's casualty words
// map to the figure kinds of the corpus.
func TestCasualtyKindsAreFigureKinds(t *testing.T) {
	kinds := map[string]bool{corpus.KindKilled: true, corpus.KindWounded: true, corpus.KindMissing: true, corpus.KindDisplaced: true,
		corpus.KindArrested: true, corpus.KindExecuted: true, corpus.KindRescued: true}
	for _, m := range []map[string]string{text.CasualtyKinds, text.CasualtyPhrases} {
		for w, k := range m {
			if !kinds[k] {
				t.Errorf("%q maps to %q, no figure kind", w, k)
			}
		}
	}
}
