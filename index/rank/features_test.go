package rank

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

func TestFeatureNamesMatchVector(t *testing.T) {
	seen := map[string]bool{}
	for i, name := range FeatureNames {
		if name == "" || seen[name] {
			t.Errorf("feature %d is named %q: every feature needs a name of its own", i, name)
		}
		seen[name] = true
	}
}

func TestDescribes(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"Gaith Dalah, a former general in the Assad regime, leads it.", "Gaith Dalah", true},
		{"Rami Makhlouf, who is a cousin of Assad, wrote on Facebook.", "Rami Makhlouf", true},
		{"Suheil al-Hassan is a Syrian army officer.", "Suheil al-Hassan", true},
		{"The officer known as Suheil al-Hassan led the unit.", "Suheil al-Hassan", true},
		{"“What have you done, Ghiyath Dalla?” he wrote.", "Ghiyath Dalla", false},
		{"Forces loyal to Ghiyath Dalla clashed with the army.", "Ghiyath Dalla", false},
		{"Ghiyath Dalla said nothing. Ghiyath Dalla, a general, left.", "Ghiyath Dalla", true}, // the second mention
		{"anything", "", false},
	}
	for _, tt := range tests {
		if got := describes(tt.text, tt.name); got != tt.want {
			t.Errorf("describes(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestAnswerTypeOf(t *testing.T) {
	tests := []struct {
		q    string
		want AnswerType
	}{
		{"where did the first attacks take place", AnswerPlace},
		{"who carried out the revenge killings", AnswerAgent},
		{"whos the larisa stationmaster", AnswerPerson},
		{"who is the interior minister", AnswerPerson},
		{"when did the fighting begin", AnswerDate},
		{"what day was the curfew lifted", AnswerDate},
		{"how many witnesses did Amnesty interview", AnswerNumber},
		{"how long was the committee given", AnswerDuration},
		{"how deep was the quake", AnswerLength},
		{"How far from Marrakesh was the epicentre", AnswerLength},
		{"how old was the stationmaster", AnswerAge},
		{"what time did it hit", AnswerTime},
		{"at what time was the update pulled", AnswerTime},
		{"how big is the rebuilding budget", AnswerNumber},
		{"what share of Syrians are Alawites", AnswerShare},
		{"what percentage of windows pcs went down", AnswerShare},
		{"what did the observatory say", AnswerAny},
		{"latest death toll", AnswerAny},
	}
	for _, tt := range tests {
		if got := AnswerTypeOf(tt.q); got != tt.want {
			t.Errorf("AnswerTypeOf(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestHasAnswerType(t *testing.T) {
	jableh := corpus.Paragraph{Text: "The ambush took place near Jableh.", Mentions: []corpus.Mention{{Text: "Jableh", Name: "Jableh", Kind: corpus.MentionPlace}}}
	tests := []struct {
		name     string
		t        AnswerType
		question string
		p        corpus.Paragraph
		want     bool
	}{
		{"a place the question lacks", AnswerPlace, "where was the ambush", jableh, true},
		{"only the place the question names", AnswerPlace, "where near Jableh was the ambush", jableh, false},
		{"no place at all", AnswerPlace, "where was it", corpus.Paragraph{Text: "It happened."}, false},
		{"a number", AnswerNumber, "how many died", corpus.Paragraph{Text: "At least 16 died."}, true},
		{"no number", AnswerNumber, "how many died", corpus.Paragraph{Text: "Many died."}, false},
		{"a weekday", AnswerDate, "when did it start", corpus.Paragraph{Text: "It started on Thursday."}, true},
		{"a year", AnswerDate, "when did it start", corpus.Paragraph{Text: "It started in 2011."}, true},
		{"a clock time for when", AnswerDate, "when was it pulled", corpus.Paragraph{Text: "It was reverted at 05:27 UTC."}, true},
		{"an hour", AnswerTime, "what time did it hit", corpus.Paragraph{Text: "It struck at 11:11pm (22:11 GMT)."}, true},
		{"an hour in words", AnswerTime, "what time did it hit", corpus.Paragraph{Text: "It struck around 11 p.m. local time."}, true},
		{"a day is no hour", AnswerTime, "what time did it hit", corpus.Paragraph{Text: "It struck late on Friday, killing 6.85 percent."}, false},
		{"a depth", AnswerLength, "how deep was it", corpus.Paragraph{Text: "It was 18km (11 miles) below the surface."}, true},
		{"a depth in two words", AnswerLength, "how deep was it", corpus.Paragraph{Text: "Depth: 19.0 km."}, true},
		{"a count is no depth", AnswerLength, "how deep was it", corpus.Paragraph{Text: "It killed 2,946 people."}, false},
		{"a deadline", AnswerDuration, "how long was it given", corpus.Paragraph{Text: "It must finish within 30 days."}, true},
		{"a percentage", AnswerShare, "what share are Alawites", corpus.Paragraph{Text: "About 10 percent of Syrians belong to the sect."}, true},
		{"a fraction", AnswerShare, "what share went down", corpus.Paragraph{Text: "Less than one in a hundred, a third of them, went down."}, true},
		{"a percentage in words", AnswerShare, "what share went down", corpus.Paragraph{Text: "It was less than one percent of all Windows machines."}, true},
		{"a count is no share", AnswerShare, "what share went down", corpus.Paragraph{Text: "8.5 million devices went down."}, false},
		{"an age", AnswerAge, "how old was he", corpus.Paragraph{Text: "The 45-year-old was found."}, true},
		{"a person", AnswerAgent, "who leads it", corpus.Paragraph{Text: "Dalah leads it.", Mentions: []corpus.Mention{{Text: "Dalah", Kind: corpus.MentionPerson}}}, true},
		{"a body for a person", AnswerPerson, "who is the interior minister", corpus.Paragraph{Text: "The interior minister apologised, Yonhap reported.", Mentions: []corpus.Mention{{Text: "Yonhap", Kind: corpus.MentionOrganisation}}}, false},
		{"the person", AnswerPerson, "who is the interior minister", corpus.Paragraph{Text: "Interior Minister Lee Sang-min apologised.", Mentions: []corpus.Mention{{Text: "Lee Sang-min", Kind: corpus.MentionPerson}}}, true},
	}
	for _, tt := range tests {
		if got := hasAnswerType(tt.t, tt.question, tt.p); got != tt.want {
			t.Errorf("%s: hasAnswerType = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFeatures(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}, Question: corpus.Question{
		Text: "how many civilians did SOHR say were killed in April on Wednesday", Intent: corpus.IntentFigure, Count: true,
		Kinds: []string{corpus.KindKilled}, Who: "civilians", Source: "sohr", Latest: true, Terms: []string{"civilians", "sohr", "killed", "april", "wednesday"},
	}}
	r.Concepts = r.ConceptsOf(r.Question.Terms, fakeStats{"civilian": 10, "sohr": 5, "killed": 20, "april": 30, "wednesday": 30})
	answer := candidate("The Syrian Observatory for Human Rights (SOHR) said 745 civilians were killed.", "Toll rises")
	answer.Article.Published = day("2025-04-02")
	answer.Paragraph.Figures = []corpus.Figure{{Count: 745, Who: "civilians", What: corpus.KindKilled, Source: "Syrian Observatory for Human Rights", Reported: day("2025-04-02")}}
	answer.Strategy, answer.StrategyScore = 1, 2
	other := candidate("Residents fled the villages in March.", "Flight")
	other.Paragraph.Number = 4
	other.Article.Published = day("2025-03-08")
	other.Plain, other.PlainScore = 1, 3
	ps := r.PoolStats([]*Candidate{answer, other})
	fa, fo := r.Features(answer, ps), r.Features(other, ps)

	for _, k := range []int{FeatureAccepted, FeatureAcceptedFigure, FeatureStrategyRank, FeatureStrategyScore, FeatureFigureKind,
		FeatureFigureGroup, FeatureFigureSource, FeatureFigureAsked, FeatureMonth, FeatureWeekday, FeatureRecent, FeatureDigits, FeatureLead, FeatureAnswerType} {
		if fa[k] != 1 {
			t.Errorf("answer: %s = %v, want 1", FeatureNames[k], fa[k])
		}
		if k != FeatureLead && fo[k] != 0 {
			t.Errorf("other: %s = %v, want 0", FeatureNames[k], fo[k])
		}
	}
	if fo[FeaturePlainRank] != 1 || fo[FeaturePlainScore] != 1 || fa[FeaturePlainRank] != 0 {
		t.Errorf("plain rank/score: answer %v/%v, other %v/%v; want 0/0 and 1/1", fa[FeaturePlainRank], fa[FeaturePlainScore], fo[FeaturePlainRank], fo[FeaturePlainScore])
	}
	if fo[FeaturePosition] != 0.25 {
		t.Errorf("other: position = %v, want 1/4", fo[FeaturePosition])
	}
	if fa[FeatureCoverage] <= fo[FeatureCoverage] || fa[FeatureSentence] <= fo[FeatureSentence] {
		t.Errorf("coverage %v/%v, sentence %v/%v: the answer should cover more", fa[FeatureCoverage], fo[FeatureCoverage], fa[FeatureSentence], fo[FeatureSentence])
	}
	pool := []Features{fa, fo}
	SetGaps(pool)
	if pool[0][FeatureCoverageGap] != 0 || pool[1][FeatureCoverageGap] >= 0 {
		t.Errorf("coverage gaps %v, %v: want 0 for the best, below 0 for the other", pool[0][FeatureCoverageGap], pool[1][FeatureCoverageGap])
	}
}

func TestNameFeatures(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}, Question: corpus.Question{Text: "who is Gaith Dalah", Intent: corpus.IntentWho, Subject: "gaith dalah"}}
	describing := candidate("Gaith Dalah, a former general, leads the council.", "")
	describing.Paragraph.Mentions = []corpus.Mention{{Text: "Gaith Dalah", Name: "Gaith Dalah", Kind: corpus.MentionPerson, Role: "a former general"}}
	addressed := candidate("“What have you done, Gaith Dalah?” he wrote.", "")
	addressed.Paragraph.Mentions = []corpus.Mention{{Text: "Gaith Dalah", Name: "Gaith Dalah", Kind: corpus.MentionPerson}}
	fd, fa := r.Features(describing, PoolStats{}), r.Features(addressed, PoolStats{})
	if fd[FeatureName] < NameThreshold || fd[FeatureDefines] != 1 || fd[FeatureAddressee] != 0 {
		t.Errorf("describing: name %v, defines %v, addressee %v; want ≥%v, 1, 0", fd[FeatureName], fd[FeatureDefines], fd[FeatureAddressee], NameThreshold)
	}
	if fa[FeatureDefines] != 0 || fa[FeatureAddressee] != 1 {
		t.Errorf("addressed: defines %v, addressee %v; want 0, 1", fa[FeatureDefines], fa[FeatureAddressee])
	}
}

func TestSearchedConceptsKeepsNamesCapitalised(t *testing.T) {
	r := &Ranker{Question: corpus.Question{Text: "what did Reuters report"}}
	if !r.Capitalised("Reuters") || r.Capitalised("report") {
		t.Error("Capitalised: want Reuters only")
	}
}

// TestFromOutlet: a source the question asks for may be the outlet that
// published the article, whoever the article cites.
func TestFromOutlet(t *testing.T) {
	tests := []struct {
		asked, outlet string
		want          bool
	}{
		{"al jazeera", "Al Jazeera (as republished by Times of News Austria)", true},
		{"reuters", "Reuters (as republished by The Financial Express)", true},
		{"yonhap", "Yonhap News Agency", true},
		{"ap", "The Associated Press (as republished by the Arkansas Democrat-Gazette)", true},
		{"associated press", "The Associated Press", true},
		{"reuters", "Al Jazeera", false},
		{"health ministry", "Korea JoongAng Daily", false},
		{"ap", "", false},
		{"", "Reuters", false},
	}
	for _, tt := range tests {
		r := &Ranker{Question: corpus.Question{Source: tt.asked}}
		c := candidate("Officials said 151 people were killed.", "Toll rises")
		c.Article.Source = tt.outlet
		if got := r.FromOutlet(c); got != tt.want {
			t.Errorf("FromOutlet(%q, outlet %q) = %v, want %v", tt.asked, tt.outlet, got, tt.want)
		}
	}
}
