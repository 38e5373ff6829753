package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// attributionTests are the cases of TestAttribution.
var attributionTests = []struct {
	name  string
	paras []string // the last paragraph is checked
	want  []string
}{
	{"told outlet", []string{"Syrian Foreign Minister Asaad al-Shaibani told Reuters on Tuesday that talks would resume."},
		[]string{"Asaad al-Shaibani"}},
	{"short reference with title", []string{
		"Syrian Foreign Minister Asaad al-Shaibani visited Ankara on Tuesday.",
		"Mr. al-Shaibani said the border would stay open."}, []string{"Asaad al-Shaibani"}},
	{"statement by a named group", []string{"At least 14 people were killed in the shelling, the civil defence group known as the White Helmets said in a statement."},
		[]string{"White Helmets"}},
	{"state news agency", []string{"State news agency SANA reported that government forces had retaken the village of Kafr Nabl."},
		[]string{"SANA"}},
	{"acronym in a statement", []string{"The UN said in a statement that more than 2,000 families had been displaced."},
		[]string{"UN"}},
	{"relative clause apposition", []string{"Rami Abdulrahman, who heads the Syrian Observatory for Human Rights, said the toll was likely to rise."},
		[]string{"Rami Abdulrahman"}},
	{"surname told agency", []string{
		"Rami Abdulrahman, who heads the Syrian Observatory for Human Rights, spoke by phone.",
		"Abdulrahman told AFP the toll had risen to 37."}, []string{"Rami Abdulrahman"}},
	{"spokesman for a ministry", []string{"A spokesman for the Interior Ministry, who asked not to be named, said the attackers had been arrested."},
		[]string{"Interior Ministry"}},
	{"inverted said", []string{"“The situation is catastrophic,” said Dr. Leila Haddad, a surgeon at the main hospital in Latakia."},
		[]string{"Leila Haddad"}},
	{"quoted as saying", []string{"Hezbollah's leader Naim Qassem was quoted by the group's television as saying that the fighters would not withdraw."},
		[]string{"Naim Qassem"}},
	{"acronym and description in apposition", []string{"The Service for Assistance and Supervision of Artisanal and Small-Scale Mining (SAEMAPE), the state agency that regulates small-scale mining, said the site had been illegal."},
		[]string{"SAEMAPE"}},
	{"the official described before", []string{"State governor Terungwa Iorliam visited the village on Sunday. \"Whoever planned this will be punished,\" the governor said."},
		[]string{"Terungwa Iorliam"}},
	{"subject with a determiner, two verbs", []string{"The Red Cross condemned the attack and said 12 volunteers had been hurt."},
		[]string{"Red Cross"}},
	{"acronym, relative clause, two verbs", []string{"The Miyetti Allah Cattle Breeders Association of Nigeria (MACBAN), which represents herders, condemned the killings and said its members had also been attacked."},
		[]string{"Miyetti Allah Cattle Breeders Association of Nigeria"}},
	{"generic residents", []string{"Residents told the BBC that the electricity had been cut for three days."},
		[]string{"Residents"}},
	{"counted witnesses", []string{"Two witnesses said they saw masked gunmen enter the building."},
		[]string{"Two witnesses"}},
	{"the ministry resolves to the latest ministry", []string{
		"The Interior Ministry said it had deployed extra police.",
		"The Health Ministry in Gaza said 12 people had been killed.",
		"The ministry later said the death toll had risen to 41."}, []string{"Health Ministry"}},
	{"pronoun resolves to the previous paragraph's person", []string{
		"Defence Minister Murhaf Abu Qasra visited the front on Sunday.",
		"He said the army would investigate any abuses."}, []string{"Murhaf Abu Qasra"}},
	{"according to an organisation", []string{"According to the United Nations, about 6,000 people have fled Sweida province since Sunday."},
		[]string{"United Nations"}},
	{"said on Telegram", []string{"Kurdish-led forces said on Telegram that they had repelled an attack."},
		[]string{"Kurdish-led forces"}},
	{"possessive phrase", []string{"Israel's military said it had struck weapons depots near Damascus."},
		[]string{"Israel's military"}},
	{"president told reporters", []string{"Asked about the killings, President Ahmed al-Sharaa told reporters that those responsible would be held to account."},
		[]string{"Ahmed al-Sharaa"}},
	{"named leader in apposition denied", []string{"In a post on X, the group's leader, Abu Mohammed al-Jolani, denied any role in the attack."},
		[]string{"Abu Mohammed al-Jolani"}},
	{"citing survivors", []string{"Amnesty International accused security forces of summary executions, citing testimony from 12 survivors."},
		[]string{"Amnesty International", "12 survivors"}},
	{"the Kremlin", []string{"The Kremlin said Moscow was in contact with all sides."},
		[]string{"Kremlin"}},
	{"according to two activists", []string{"Fighting continued overnight, according to two local activists and a doctor in the town."},
		[]string{"two local activists"}},
	{"one woman told a channel", []string{"“There is no water, no bread, nothing,” one woman told Al Jazeera by phone from Jableh."},
		[]string{"one woman"}},
	{"two sources in one sentence", []string{"Lebanon's health ministry said three people died in the strike, while the Israeli military said it had targeted a commander."},
		[]string{"Lebanon's health ministry", "the Israeli military"}},
	{"apposition of a generic speaker", []string{"Officials at the hospital, speaking on condition of anonymity, said most of the wounded were children."},
		[]string{"Officials at the hospital"}},
	{"acronym in brackets", []string{"The death toll has risen to 52, the Syrian Network for Human Rights (SNHR) said on Monday."},
		[]string{"Syrian Network for Human Rights"}},
	{"acronym alone later", []string{
		"The Syrian Network for Human Rights (SNHR) published its monthly report.",
		"SNHR said separately that at least nine of the dead were women."}, []string{"Syrian Network for Human Rights"}},
	{"a war monitor", []string{"Dozens were killed, a war monitor said."}, []string{"a war monitor"}},
	{"the observatory with a relative clause", []string{
		"The Syrian Observatory for Human Rights counted 18 deaths on Friday.",
		"The observatory, which relies on a network of sources on the ground, said 18 fighters had been killed."},
		[]string{"Syrian Observatory for Human Rights"}},
	{"the monitor", []string{
		"The Britain-based Syrian Observatory for Human Rights tracks the war.",
		"The monitor estimated that 300 people had been detained."}, []string{"Syrian Observatory for Human Rights"}},
	{"the former general", []string{
		"The statement was signed by the former general, Gaith Dalah, who once led a brigade.",
		"The former general said the council would fight on."}, []string{"Gaith Dalah"}},
	{"in a statement, X", []string{"In a statement on Saturday, the Kurdish-led Syrian Democratic Forces accused Turkey of shelling villages."},
		[]string{"Syrian Democratic Forces"}},
	{"passive reported by", []string{"The deaths were reported by the Syrian Civil Defence on Monday."},
		[]string{"Syrian Civil Defence"}},
	{"figures from a ministry", []string{
		"The Health Ministry opened a new hotline.",
		"According to figures from the ministry, 1,200 people were treated."}, []string{"Health Ministry"}},
	{"no attribution in plain narration", []string{"The attack claimed 20 lives and destroyed three houses in the old market."}, nil},
	{"statement is not a speaker", []string{"The statement announced the formation of a new council in the north."}, nil},
}

func TestAttribution(t *testing.T) {
	for _, tt := range attributionTests {
		t.Run(tt.name, func(t *testing.T) {
			a := testArticle(tt.paras...)
			got := a.Paragraphs[len(a.Paragraphs)-1].Attribution
			if !slices.Equal(got, tt.want) {
				t.Errorf("attribution = %q, want %q\nmentions: %+v", got, tt.want, a.Paragraphs[len(a.Paragraphs)-1].Mentions)
			}
		})
	}
}

func TestAttributionSeed(t *testing.T) {
	a := seedArticle(t)
	tests := []struct {
		contains string // identifies the paragraph
		want     []string
	}{
		{"according to a war monitor", []string{"a war monitor"}},
		{"according to Charles Lister", []string{"Charles Lister"}},
		{"The observatory said on Sunday", []string{"Syrian Observatory for Human Rights", "Syrian Network for Human Rights"}},
		{"Anas Khattab, the new head", []string{"Anas Khattab"}},
		{"Everyone knows who is responsible", []string{"Ahmed al-Shara"}},
		{"Mr. al-Shara urged", []string{"Ahmed al-Shara"}},
		{"according to the Institute for the Study of War", []string{"Institute for the Study of War"}},
		{"Most of the civilians killed", []string{"Syrian Observatory for Human Rights"}},
		{"checkpoints along the main roads", []string{"Syrian Observatory for Human Rights"}},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(a.Paragraphs, func(p corpus.Paragraph) bool { return strings.Contains(p.Text, tt.contains) })
		if i < 0 {
			t.Fatalf("no paragraph with %q", tt.contains)
		}
		if got := a.Paragraphs[i].Attribution; !slices.Equal(got, tt.want) {
			t.Errorf("¶%d (%q): attribution %q, want %q", i+1, tt.contains, got, tt.want)
		}
	}
	i := slices.IndexFunc(a.Paragraphs, func(p corpus.Paragraph) bool { return strings.HasPrefix(p.Text, "Residents in a town in Tartus said") })
	if i < 0 || len(a.Paragraphs[i].Attribution) == 0 || !strings.Contains(strings.ToLower(a.Paragraphs[i].Attribution[0]), "residents") {
		t.Errorf("residents paragraph: attribution %q", a.Paragraphs[max(i, 0)].Attribution)
	}
	// Quotes with their speakers; quoted names and scare quotes are no quotes.
	var quotes []corpus.Quote
	for _, p := range a.Paragraphs {
		quotes = append(quotes, p.Quotes...)
	}
	wantQuotes := []corpus.Quote{
		{Text: "first time that pro-Assad loyalist activity demonstrated clear coordination and prior planning", Speaker: "Charles Lister",
			Role: "the director of the Syria and counterterrorism programs at the Middle East Institute"},
		{Text: "Everyone knows who is responsible for this disorder and plots", Speaker: "Ahmed al-Shara", Role: "the country’s interim president"},
	}
	if !slices.Equal(quotes, wantQuotes) {
		t.Errorf("quotes = %+v, want %+v", quotes, wantQuotes)
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		paras []string
		want  []corpus.Quote
	}{
		{[]string{"Leila Haddad, a surgeon, said: “We have no more blood for transfusions.”"},
			[]corpus.Quote{{Text: "We have no more blood for transfusions.", Speaker: "Leila Haddad", Role: "a surgeon"}}},
		{[]string{"\"We will rebuild every house,\" the governor of Homs said on Monday."},
			[]corpus.Quote{{Text: "We will rebuild every house", Speaker: "the governor of Homs", Role: "governor of Homs"}}},
		{[]string{"Governor Khaled Mansour visited the camp.", "“Nobody will be left behind,” he said. “Not one family.”"},
			[]corpus.Quote{{Text: "Nobody will be left behind", Speaker: "Khaled Mansour", Role: "Governor"}, {Text: "Not one family.", Speaker: "Khaled Mansour", Role: "Governor"}}},
		{[]string{"A group calling itself the “Coastal Shield Brigade” claimed the attack."}, nil},
	}
	for _, tt := range tests {
		a := testArticle(tt.paras...)
		got := a.Paragraphs[len(a.Paragraphs)-1].Quotes
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: quotes %+v, want %+v", tt.paras[len(tt.paras)-1], got, tt.want)
		}
	}
}

func BenchmarkAttribution(b *testing.B) {
	a := seedArticle(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		addAttribution(a)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(a.Paragraphs))/1000, "µs/paragraph")
}
