package extract

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// TestQuoteSpeakerResolution resolves the speaker of the last paragraph's
// quotes: a name inside the quotation is its addressee; a pronoun is the
// last speaker or the subject before it; an unnamed speaker keeps its role
// noun; a named speaker carries the role the article gives them.
func TestQuoteSpeakerResolution(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []corpus.Quote
	}{
		{"addressee in the quote, writer the previous paragraph's subject", []string{
			"Rami Makhlouf, a cousin of Bashar Assad, has launched a fierce attack on Brigadier General Ghiyath Dalla, whom he blames for the unrest.",
			"“What have you done to our people, Ghiyath Dalla?” he wrote, asking why civilians had been dragged in."},
			[]corpus.Quote{{Text: "What have you done to our people, Ghiyath Dalla?", Speaker: "Rami Makhlouf", Role: "a cousin of Bashar Assad"}}},
		{"addressee in the quote, writer the subject, not a name used as a modifier", []string{
			"Rami Makhlouf, a cousin of the deposed leader, attacked Ghiyath Dalla.",
			"On Sunday, in a post that was his first statement since the Assad regime fell, Makhlouf took aim at officers, Dalla above all.",
			"“What have you done to our people, Ghiyath Dalla?” he wrote."},
			[]corpus.Quote{{Text: "What have you done to our people, Ghiyath Dalla?", Speaker: "Rami Makhlouf", Role: "a cousin of the deposed leader"}}},
		{"the surname in the lede before the full name", []string{
			"As tensions mount, Makhlouf alleges that Ghiyath Dalla used civilians.",
			"Rami Makhlouf, a cousin of the deposed leader, attacked Ghiyath Dalla.",
			"On Sunday, in a post, Makhlouf took aim at officers, Dalla above all.",
			"“What have you done to our people, Ghiyath Dalla?” he wrote."},
			[]corpus.Quote{{Text: "What have you done to our people, Ghiyath Dalla?", Speaker: "Rami Makhlouf", Role: "a cousin of the deposed leader"}}},
		{"addressee in the quote, speaker named before in the sentence", []string{
			"Governor Khaled Mansour visited the camp on Monday.",
			"Mansour turned to the crowd: “Ahmed Saleh, you will have your house back,” he said."},
			[]corpus.Quote{{Text: "Ahmed Saleh, you will have your house back", Speaker: "Khaled Mansour", Role: "Governor"}}},
		{"he added: the paragraph's last speaker", []string{
			"Charles Lister, a senior fellow at the Middle East Institute, said the attacks were planned. “This was coordinated,” he added."},
			[]corpus.Quote{{Text: "This was coordinated", Speaker: "Charles Lister", Role: "a senior fellow at the Middle East Institute"}}},
		{"she said: the previous paragraph's speaker", []string{
			"Dr. Leila Haddad, a surgeon at the hospital, said the wards were full.",
			"“We are turning people away, Mr. Salem,” she said."},
			[]corpus.Quote{{Text: "We are turning people away, Mr. Salem", Speaker: "Leila Haddad", Role: "a surgeon at the hospital"}}},
		{"a resident of a town the article does not know as a place", []string{
			"“The water came up to the first floor in ten minutes,” a resident of Paiporta told The Associated Press."},
			[]corpus.Quote{{Text: "The water came up to the first floor in ten minutes", Speaker: "a resident of Paiporta", Role: "resident of Paiporta"}}},
		{"an unnamed speaker after the verb, described", []string{
			"“Nobody came. For three days it was only us,” said a woman in her 60s who had spent the morning shovelling mud."},
			[]corpus.Quote{{Text: "Nobody came. For three days it was only us", Speaker: "a woman", Role: "woman"}}},
		{"a named speaker after the verb, an age and a role before the name", []string{
			"“We know that there is a very urgent need,” said Arnaud Fraisse, founder of Saviors Without Borders.",
			"“It's a disaster,” said 28-year-old villager Salah Ancheu. “The aid remains inadequate.”"},
			[]corpus.Quote{{Text: "It's a disaster", Speaker: "Salah Ancheu", Role: "28-year-old villager"}, {Text: "The aid remains inadequate.", Speaker: "Salah Ancheu", Role: "28-year-old villager"}}},
		{"an eyewitness quoted by a report", []string{
			"The report quotes an eyewitness who described seeing “hundreds of corpses” in a pit beside the cemetery."},
			[]corpus.Quote{{Text: "hundreds of corpses", Speaker: "an eyewitness", Role: "eyewitness"}}},
		{"a resident told a channel", []string{
			"“The shooting did not stop for two days,” a resident told Al Jazeera."},
			[]corpus.Quote{{Text: "The shooting did not stop for two days", Speaker: "a resident", Role: "resident"}}},
		{"a security source", []string{
			"A Syrian security source told the network that the “various armed ambushes” had been planned for weeks, and said: “They knew the roads.”"},
			[]corpus.Quote{{Text: "various armed ambushes", Speaker: "A Syrian security source", Role: "Syrian security source"},
				{Text: "They knew the roads.", Speaker: "A Syrian security source", Role: "Syrian security source"}}},
		{"a police spokesman", []string{
			"“Nobody has been arrested yet,” a police spokesman said on Tuesday."},
			[]corpus.Quote{{Text: "Nobody has been arrested yet", Speaker: "a police spokesman", Role: "police spokesman"}}},
		{"a description, then the name between commas", []string{
			"“Our forces have repelled every attempt to advance,” a spokesman for the SDF, Farhad Shami, told AFP."},
			[]corpus.Quote{{Text: "Our forces have repelled every attempt to advance", Speaker: "Farhad Shami", Role: "a spokesman for the SDF"}}},
		{"an institution's spokesperson keeps the role", []string{
			"“The violence was aimed mainly at Alawite villages,” Thameen Al-Kheetan, the UN Human Rights Spokesperson, said on Tuesday."},
			[]corpus.Quote{{Text: "The violence was aimed mainly at Alawite villages", Speaker: "Thameen Al-Kheetan", Role: "the UN Human Rights Spokesperson"}}},
	} {
		a := testArticle(tt.paras...)
		got := a.Paragraphs[len(a.Paragraphs)-1].Quotes
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: quotes %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestPronounAttribution resolves reported speech with a pronoun speaker.
func TestPronounAttribution(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string // the last paragraph is checked
		want  []string
	}{
		{"subject of the previous paragraph, not the person it names last", []string{
			"Rami Makhlouf took aim at officers of the Fourth Division, above all Ghiyath Dalla.",
			"He wrote that the officers had used civilians for their own ends."}, []string{"Rami Makhlouf"}},
		{"the paragraph's last speaker", []string{
			"Anas Khattab said the attackers had been identified. He added that arrests would follow."}, []string{"Anas Khattab"}},
		{"said to show is no speech", []string{
			"Numerous videos said to show killings in Alawite areas circulated online."}, nil},
		{"reported to be is no speech", []string{
			"A man reported to be a local commander was detained."}, nil},
		{"stand accused is no speech", []string{
			"At the same time, a number of former regime officers stand accused of feeding the unrest."}, nil},
		{"remain accused is no speech", []string{
			"Two commanders remain accused of ordering the killings, the court heard."}, nil},
		{"subject of the previous sentence", []string{
			"Defence Minister Murhaf Abu Qasra met the commander Ali Hamdan on Sunday. He said the army would investigate any abuses."},
			[]string{"Murhaf Abu Qasra"}},
	} {
		a := testArticle(tt.paras...)
		if got := a.Paragraphs[len(a.Paragraphs)-1].Attribution; !slices.Equal(got, tt.want) {
			t.Errorf("%s: attribution %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestUnnamedRole reads the role noun of a speaker the article does not
// name.
func TestUnnamedRole(t *testing.T) {
	for _, tt := range []struct{ speaker, want string }{
		{"an eyewitness", "eyewitness"},
		{"A police spokesman", "police spokesman"},
		{"two local activists", "local activists"},
		{"a security source", "security source"},
		{"Charles Lister", ""},
		{"the storm", ""},
	} {
		if got := unnamedRole(tt.speaker); got != tt.want {
			t.Errorf("unnamedRole(%q) = %q, want %q", tt.speaker, got, tt.want)
		}
	}
}

// TestGenericSpeakerNotACue keeps a bare description as written when the
// only "fuller name" around it is the cue itself: "According to the
// committee" names no committee; "Sudan's health ministry" does.
func TestGenericSpeakerNotACue(t *testing.T) {
	for _, tt := range []struct {
		paras []string
		want  string
	}{
		{[]string{"According to the committee, the bloodshed began on March 6."}, "the committee"},
		{[]string{"According to the ministry, 40 people were killed."}, "the ministry"},
		{[]string{"Sudan's health ministry opened a hotline.", "According to the ministry, 40 people were killed."}, "Sudan's health ministry"},
		{[]string{"The Interior Ministry deployed police.", "According to the ministry, 40 people were arrested."}, "Interior Ministry"},
	} {
		a := testArticle(tt.paras...)
		got := a.Paragraphs[len(a.Paragraphs)-1].Attribution
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: attribution %q, want %q", tt.paras, got, tt.want)
		}
	}
}

// TestIndefiniteSpeakerNamedAfter names a source the lede describes and
// the next paragraph introduces.
func TestIndefiniteSpeakerNamedAfter(t *testing.T) {
	for _, tt := range []struct {
		paras      []string
		wantSource string
	}{
		{[]string{
			"About 125 civilians were put to death by security forces, a Syrian war monitor reported on Friday.",
			"The Syrian Network for Human Rights (SNHR), a monitor regarded as independent and credible, documented field executions."},
			"Syrian Network for Human Rights"},
		{[]string{
			"At least 40 people were killed in the raids, according to a rights group.",
			"The attacks were the worst this year.",
			"The Kurdistan Human Rights Network, a rights group based in France, said the dead included children."},
			"Kurdistan Human Rights Network"},
		// A description no organisation answers to stays as written.
		{[]string{
			"At least 40 people were killed, a war monitor said.",
			"The Health Ministry, the main source of figures, gave no count."},
			"a war monitor"},
	} {
		a := testArticle(tt.paras...)
		figs := a.Paragraphs[0].Figures
		if len(figs) != 1 || figs[0].Source != tt.wantSource {
			t.Errorf("%q: figures %+v, want source %q", tt.paras[0], figs, tt.wantSource)
		}
		if got := a.Paragraphs[0].Attribution; len(got) != 1 || got[0] != tt.wantSource {
			t.Errorf("%q: attribution %q, want %q", tt.paras[0], got, tt.wantSource)
		}
	}
}

// TestShortPlaceNotRetargeted keeps a name met after a preposition of place
// apart from a person whose name ends with it: "in Derna" is no "Wadi
// Derna".
func TestShortPlaceNotRetargeted(t *testing.T) {
	a := testArticle(
		"Floods swept through Derna after two dams burst.",
		"The valley of Wadi Derna runs through the city.",
		"Rescuers in Derna said 6,000 people were missing.",
		"The UN said at least 30,000 of them were displaced in Derna alone.")
	if figs := a.Paragraphs[3].Figures; len(figs) != 1 || figs[0].Where != "Derna" {
		t.Errorf("figures %+v, want 30,000 displaced in Derna", figs)
	}
	for _, p := range a.Paragraphs {
		for _, m := range p.Mentions {
			if m.Text == "Derna" && m.Name != "Derna" {
				t.Errorf("¶%d: %q resolved to %q", p.Number, m.Text, m.Name)
			}
		}
	}
}
