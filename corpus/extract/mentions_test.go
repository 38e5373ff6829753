package extract

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// testArticle builds an article from paragraphs and analyses it.
func testArticle(paras ...string) *corpus.Article {
	a := &corpus.Article{ID: "test"}
	for i, p := range paras {
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Number: i + 1, Text: p})
	}
	Analyze(a)
	return a
}

// seedArticle reads the bundled seed article's paragraphs (front matter
// skipped) without the loader.
func seedArticle(t testing.TB) *corpus.Article {
	t.Helper()
	b, err := os.ReadFile("../articles/000_325ffa9ff300ae2d.md")
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	txt := string(b)
	if strings.HasPrefix(txt, "---") {
		if end := strings.Index(txt[3:], "\n---"); end >= 0 {
			txt = txt[3+end+4:]
		}
	}
	var paras []string
	for _, p := range strings.Split(txt, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return testArticle(paras...)
}

// findMention returns the first mention named name in the article.
func findMention(a *corpus.Article, name string) (corpus.Mention, int, bool) {
	for _, p := range a.Paragraphs {
		for _, m := range p.Mentions {
			if m.Name == name {
				return m, p.Number, true
			}
		}
	}
	return corpus.Mention{}, 0, false
}

func allMentions(a *corpus.Article) []corpus.Mention {
	var out []corpus.Mention
	for _, p := range a.Paragraphs {
		out = append(out, p.Mentions...)
	}
	return out
}

// wantMention is a mention a case of TestExtractMentions expects.
type wantMention struct {
	text, name string
	kind       corpus.MentionKind
	role       string // a part of the role, "" for any
}

// extractMentionTests are the cases of TestExtractMentions.
var extractMentionTests = []struct {
	name  string
	paras []string
	want  []wantMention
	not   []string // texts that must not be mentions
}{
	{
		name: "hyphenated given names",
		paras: []string{
			"Yongsan-gu District Chief Park Hee-young and Fire Chief Choi Seong-beom were questioned.",
			"Prime Minister Han Duck-soo said an Iran-backed group and an Assad-era colonel were not involved.",
		},
		want: []wantMention{
			{"Park Hee-young", "Park Hee-young", corpus.MentionPerson, ""},
			{"Choi Seong-beom", "Choi Seong-beom", corpus.MentionPerson, ""},
			{"Han Duck-soo", "Han Duck-soo", corpus.MentionPerson, "Prime Minister"},
		},
		not: []string{"Park Hee", "Han Duck-soo said", "Iran-backed", "Assad-era"},
	},
	{
		name: "titles and apposition",
		paras: []string{
			"Syrian Foreign Minister Asaad al-Shaibani told Reuters on Tuesday that talks with Turkey would resume.",
			"Mr. al-Shaibani, who met his Turkish counterpart in Ankara, said the border would stay open.",
		},
		want: []wantMention{
			{"Asaad al-Shaibani", "Asaad al-Shaibani", corpus.MentionPerson, "Foreign Minister"},
			{"al-Shaibani", "Asaad al-Shaibani", corpus.MentionPerson, "who met his Turkish counterpart in Ankara"},
			{"Reuters", "Reuters", corpus.MentionOrganisation, ""},
			{"Turkey", "Turkey", corpus.MentionPlace, ""},
			{"Ankara", "Ankara", corpus.MentionPlace, ""},
		},
		not: []string{"Tuesday", "Turkish", "Syrian Foreign Minister Asaad al-Shaibani"},
	},
	{
		name: "organisation with function words and acronym",
		paras: []string{
			"The toll rose to 52, according to the Syrian Network for Human Rights (SNHR), a monitoring group based abroad.",
			"SNHR said separately that nine of the dead were women.",
		},
		want: []wantMention{
			{"Syrian Network for Human Rights", "Syrian Network for Human Rights", corpus.MentionOrganisation, ""},
			{"SNHR", "Syrian Network for Human Rights", corpus.MentionOrganisation, ""},
		},
	},
	{
		name: "a country any reader knows, not only the region's",
		paras: []string{
			"The vessel, the Dali, was bound for Colombo, Sri Lanka, and sails under the flag of Singapore.",
		},
		want: []wantMention{{"Sri Lanka", "Sri Lanka", corpus.MentionPlace, ""}, {"Singapore", "Singapore", corpus.MentionPlace, ""}},
	},
	{
		name: "sentence-initial common words are not names",
		paras: []string{
			"Residents said the violence began on Friday. Officials declined to comment.",
			"Violence spread to the villages near Hama in March, and residents fled.",
			"Government forces said they had restored order. Those who stayed described fear.",
		},
		want: []wantMention{{"Hama", "Hama", corpus.MentionPlace, ""}},
		not:  []string{"Residents", "Officials", "Violence", "Government", "Those", "Friday", "March"},
	},
	{
		name: "surname resolves to the person introduced earlier",
		paras: []string{
			"Rami Abdel Rahman, the head of the Syrian Observatory for Human Rights, said the toll was rising.",
			"Abdulrahman told AFP that at least 40 fighters had been killed.",
			"In Jableh, a doctor said the hospital was full.",
		},
		want: []wantMention{
			{"Rami Abdel Rahman", "Rami Abdel Rahman", corpus.MentionPerson, "the head of the Syrian Observatory for Human Rights"},
			{"Abdulrahman", "Rami Abdel Rahman", corpus.MentionPerson, ""},
			{"AFP", "AFP", corpus.MentionOrganisation, ""},
			{"Jableh", "Jableh", corpus.MentionPlace, ""},
		},
	},
	{
		name: "brothers stay distinct",
		paras: []string{
			"President Bashar al-Assad fled to Moscow in December.",
			"His brother Maher al-Assad commanded the army's Fourth Division.",
			"Mr. al-Assad has not spoken in public since.",
		},
		want: []wantMention{
			{"Bashar al-Assad", "Bashar al-Assad", corpus.MentionPerson, "President"},
			{"Maher al-Assad", "Maher al-Assad", corpus.MentionPerson, "brother"},
			{"al-Assad", "Bashar al-Assad", corpus.MentionPerson, ""},
			{"Fourth Division", "Fourth Division", corpus.MentionOrganisation, ""},
			{"Moscow", "Moscow", corpus.MentionPlace, ""},
		},
	},
	{
		name: "descriptions before the name",
		paras: []string{
			"The attack was claimed by the militant group Ansar al-Haqq, which emerged last year.",
			"The group's founder, Abu Omar al-Halabi, was killed in 2019, and the country's prime minister, Nadia Karimi, condemned the attack.",
		},
		want: []wantMention{
			{"Ansar al-Haqq", "Ansar al-Haqq", corpus.MentionOrganisation, "the militant group"},
			{"Abu Omar al-Halabi", "Abu Omar al-Halabi", corpus.MentionPerson, "The group's founder"},
			{"Nadia Karimi", "Nadia Karimi", corpus.MentionPerson, "the country's prime minister"},
		},
	},
	{
		name: "a title without a determiner, opening the sentence or after said",
		paras: []string{
			"State governor Terungwa Iorliam imposed a curfew on Sunday.",
			"Gunmen killed 12 people, said police spokesperson Aondona Tyokase.",
			"Dr Nasrullah Wardak, director of the provincial hospital, said 600 people had been treated.",
		},
		want: []wantMention{
			{"Terungwa Iorliam", "Terungwa Iorliam", corpus.MentionPerson, "State governor"},
			{"Aondona Tyokase", "Aondona Tyokase", corpus.MentionPerson, "police spokesperson"},
			{"Nasrullah Wardak", "Nasrullah Wardak", corpus.MentionPerson, "director of the provincial hospital"},
		},
	},
	{
		name: "roles of a company and of what a post is to",
		paras: []string{
			"France's ambassador to Morocco, Christophe Lecourtier, observed that the countryside had suffered most.",
			"Founder and CEO George Kurtz said the company was sorry.",
			"\"Our analysis shows the extent,\" said Jonatan Hatzor, co-founder and CEO of Parametrix.",
		},
		want: []wantMention{
			{"Christophe Lecourtier", "Christophe Lecourtier", corpus.MentionPerson, "France's ambassador to Morocco"},
			{"George Kurtz", "George Kurtz", corpus.MentionPerson, "CEO"},
			{"Jonatan Hatzor", "Jonatan Hatzor", corpus.MentionPerson, "co-founder and CEO of Parametrix"},
			{"Parametrix", "Parametrix", corpus.MentionOrganisation, ""},
		},
	},
	{
		name: "places by suffix and preposition",
		paras: []string{
			"Shelling hit targets in Deir ez-Zor and the countryside of Idlib Governorate overnight, while fighting spread across Daraa.",
		},
		want: []wantMention{
			{"Deir ez-Zor", "Deir ez-Zor", corpus.MentionPlace, ""},
			{"Idlib Governorate", "Idlib Governorate", corpus.MentionPlace, ""},
			{"Daraa", "Daraa", corpus.MentionPlace, ""},
		},
	},
	{
		name: "hyphenated names keep every part",
		paras: []string{
			"Two clips shot in the small Alawite village of Al-Mukhtariyya showed bodies on the ground.",
			"The rebel group Hayat Tahrir al-Sham swept to power in December.",
			"The violence was aimed at Alawite villages, Thameen Al-Kheetan, the UN Human Rights Spokesperson, said.",
			"Witnesses described a pit in the al-Qusour neighborhood of Banias.",
		},
		want: []wantMention{
			{"Al-Mukhtariyya", "Al-Mukhtariyya", corpus.MentionPlace, ""},
			{"Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", corpus.MentionOrganisation, ""},
			{"Thameen Al-Kheetan", "Thameen Al-Kheetan", corpus.MentionPerson, "the UN Human Rights Spokesperson"},
		},
	},
	{
		name: "an apposition after a bracketed acronym",
		paras: []string{
			"The Syrian Network for Human Rights (SNHR), a monitor regarded as independent and credible, documented executions.",
			"The National Commission on Civil Liberties (NCCL), an advocacy group, said 22 people were killed.",
		},
		want: []wantMention{
			{"Syrian Network for Human Rights", "Syrian Network for Human Rights", corpus.MentionOrganisation, "a monitor regarded as independent and credible"},
			{"National Commission on Civil Liberties", "National Commission on Civil Liberties", corpus.MentionOrganisation, "an advocacy group"},
		},
	},
	{
		name: "a short name is the person named in full after it",
		paras: []string{
			"As tensions mount, Makhlouf alleges that officers used civilians.",
			"Rami Makhlouf, a cousin of the deposed leader, attacked the officers.",
			"Floods swept through Derna after two dams burst.",
			"The valley of Wadi Derna runs through the city.",
			"Rescuers in Derna said 6,000 people were missing.",
		},
		want: []wantMention{
			{"Makhlouf", "Rami Makhlouf", corpus.MentionPerson, ""},
		},
	},
	{
		name: "a dateline glued to the title",
		paras: []string{
			"Watan-Brigadier General Ghyath Dallah is back in the public eye.",
			"AFP-General Suhail al-Hassan commanded special forces.",
		},
		want: []wantMention{
			{"Ghyath Dallah", "Ghyath Dallah", corpus.MentionPerson, ""},
			{"Suhail al-Hassan", "Suhail al-Hassan", corpus.MentionPerson, ""},
		},
	},
	{
		name: "a company's or a committee's name before the title is the role's",
		paras: []string{
			"Delta Air Lines CEO Ed Bastian put a price on the meltdown on Wednesday.",
			"Committee Chair Mark Green said in a statement that he had hoped to hear more.",
		},
		want: []wantMention{
			{"Ed Bastian", "Ed Bastian", corpus.MentionPerson, "Delta Air Lines CEO"},
			{"Mark Green", "Mark Green", corpus.MentionPerson, "Committee Chair"},
		},
	},
	{
		name:  "footer and headline lines carry no mentions",
		paras: []string{"Independence | Integrity | Excellence | Openness", "Share This Story On Facebook"},
		not:   []string{"Independence", "Integrity", "Share", "Facebook"},
	},
}

func TestExtractMentions(t *testing.T) {
	for _, tt := range extractMentionTests {
		t.Run(tt.name, func(t *testing.T) {
			a := testArticle(tt.paras...)
			ms := allMentions(a)
			for _, w := range tt.want {
				i := slices.IndexFunc(ms, func(m corpus.Mention) bool { return m.Text == w.text })
				if i < 0 {
					t.Errorf("no mention %q; got %+v", w.text, ms)
					continue
				}
				m := ms[i]
				if m.Name != w.name || m.Kind != w.kind {
					t.Errorf("mention %q: name %q kind %s, wantMention %q %s", w.text, m.Name, m.Kind, w.name, w.kind)
				}
				if w.role != "" && !strings.Contains(m.Role, w.role) {
					t.Errorf("mention %q: role %q, wantMention it to contain %q", w.text, m.Role, w.role)
				}
			}
			for _, n := range tt.not {
				if slices.ContainsFunc(ms, func(m corpus.Mention) bool { return m.Text == n }) {
					t.Errorf("%q taken for a mention; got %+v", n, ms)
				}
			}
			// Text and role are always quoted from the paragraph.
			for _, p := range a.Paragraphs {
				for _, m := range p.Mentions {
					if !strings.Contains(p.Text, m.Text) {
						t.Errorf("mention text %q not in paragraph %d", m.Text, p.Number)
					}
					for _, r := range strings.Split(m.Role, "; ") {
						if !strings.Contains(p.Text, r) {
							t.Errorf("role %q of %q not in paragraph %d", r, m.Text, p.Number)
						}
					}
				}
			}
		})
	}
}

func TestExtractMentionsSeed(t *testing.T) {
	a := seedArticle(t)
	roles := []struct{ name, role string }{
		{"Gaith Dalah", "former general"},
		{"Charles Lister", "director of the Syria and counterterrorism programs at the Middle East Institute"},
		{"Anas Khattab", "new head of Syria’s intelligence services"},
		{"Ahmed al-Shara", "interim president"},
		{"Maher al-Assad", "brother"},
	}
	for _, r := range roles {
		m, _, ok := findMention(a, r.name)
		if !ok {
			t.Errorf("no mention named %q", r.name)
			continue
		}
		if m.Kind != corpus.MentionPerson || !strings.Contains(m.Role, r.role) {
			t.Errorf("%q: kind %s role %q, want person with role containing %q", r.name, m.Kind, m.Role, r.role)
		}
	}
	for _, p := range a.Paragraphs {
		for _, m := range p.Mentions {
			switch {
			case m.Text == "al-Shara" && m.Name != "Ahmed al-Shara":
				t.Errorf("¶%d: al-Shara resolved to %q", p.Number, m.Name)
			case m.Text == "al-Assad" && m.Name != "Bashar al-Assad":
				t.Errorf("¶%d: Mr. al-Assad resolved to %q", p.Number, m.Name)
			case m.Text == "Maher al-Assad" && m.Name != "Maher al-Assad":
				t.Errorf("¶%d: Maher al-Assad resolved to %q", p.Number, m.Name)
			}
		}
	}
	orgs := []string{"Syrian Observatory for Human Rights", "Institute for the Study of War", "Middle East Institute",
		"Syrian Network for Human Rights", "Fourth Division", "Military Council for the Liberation of Syria", "Hayat Tahrir al-Sham"}
	for _, o := range orgs {
		if m, _, ok := findMention(a, o); !ok || m.Kind != corpus.MentionOrganisation {
			t.Errorf("organisation %q: found=%v kind=%s", o, ok, m.Kind)
		}
	}
	for _, n := range []string{"Residents", "Demonstrators", "Violence", "Those", "Officials", "Thursday", "December", "Alawites", "Syrians", "Independence"} {
		if _, _, ok := findMention(a, n); ok {
			t.Errorf("%q taken for a mention", n)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Mr. al-Shara said “we will win,” according to the Syrian Observatory for Human Rights (SOHR).")
	f.Add("Anas Khattab, the new head of Syria’s intelligence services, said in a statement on Friday.")
	f.Add("“”\"\"'' , , . U.S. A. B. al- -al Al-")
	f.Add("In a statement, X said. He said. They said, said said according to")
	f.Fuzz(func(t *testing.T, txt string) {
		a := &corpus.Article{Paragraphs: []corpus.Paragraph{{Number: 1, Text: txt}, {Number: 2, Text: txt}}}
		fuzzcheck.Within(t, func() { Analyze(a) })
		for _, p := range a.Paragraphs {
			for _, m := range p.Mentions {
				if m.Text == "" || !strings.Contains(p.Text, m.Text) {
					t.Fatalf("mention %q not in %q", m.Text, p.Text)
				}
			}
			for _, q := range p.Quotes {
				if !strings.Contains(p.Text, q.Text) {
					t.Fatalf("quote %q not in %q", q.Text, p.Text)
				}
			}
		}
		for _, s := range text.Sentences(txt) {
			if !strings.Contains(txt, s) {
				t.Fatalf("sentence %q not in %q", s, txt)
			}
		}
	})
}

func BenchmarkExtractMentions(b *testing.B) {
	a := seedArticle(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		addMentions(a)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(a.Paragraphs))/1000, "µs/paragraph")
}
