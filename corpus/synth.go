package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Synthesize generates a deterministic news-like corpus of about the given
// number of paragraphs (exactly that many when paragraphs ≥ 8), for
// benchmarks and tests: articles of 8–20 paragraphs from several outlets,
// with people named in varied transliterations, places, attributions
// ("according to …", "… said on Sunday"), casualty figures and quotes.
// The same seed always gives the same articles. The articles are not
// analysed; their IDs and paths are "synth/NNNNN.txt" and their hashes
// are those of the files WriteCorpus writes.
func Synthesize(seed int64, paragraphs int) []Article {
	g := &synthGen{r: rand.New(rand.NewPCG(uint64(seed), 0x6e657773))}
	var out []Article
	for left := paragraphs; left > 0; {
		n := 8 + g.r.IntN(13)
		switch {
		case left <= 20 && left-n < 8:
			n = left
		case left-n < 8:
			n = left - 8 // leaves a last article of exactly 8
		}
		out = append(out, g.article(len(out)+1, n))
		left -= n
	}
	return out
}

// WriteCorpus writes articles as .txt files with YAML front matter under
// dir, at their Path.
func WriteCorpus(dir string, articles []Article) error {
	for _, a := range articles {
		path := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
		if err := os.WriteFile(path, renderSynth(a), 0o644); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}

// renderSynth is the file form of a synthetic article.
func renderSynth(a Article) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(a.Title))
	if a.Source != "" {
		fmt.Fprintf(&b, "source: %s\n", strconv.Quote(a.Source))
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "url: %s\n", a.URL)
	}
	if !a.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", a.Published)
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "author: %s\n", strconv.Quote(a.Author))
	}
	b.WriteString("---\n\n")
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// synthPerson is a person with the spellings outlets use for them.
type synthPerson struct {
	first, last []string
	role        string
}

var (
	synthOutlets = []struct{ name, host string }{
		{"Reuters", "reuters.com"}, {"Associated Press", "apnews.com"}, {"Agence France-Presse", "afp.com"},
		{"Al Jazeera", "aljazeera.com"}, {"BBC News", "bbc.co.uk"}, {"The Guardian", "theguardian.com"},
		{"Middle East Eye", "middleeasteye.net"}, {"The National", "thenationalnews.com"}, {"Enab Baladi", "enabbaladi.net"},
		{"Le Monde", "lemonde.fr"},
	}
	synthPeople = []synthPerson{
		{[]string{"Ghiath", "Gaith", "Ghaith", "Ghiyath"}, []string{"Dallah", "Dalah", "Dalla"}, "a former general in the army's Fourth Division"},
		{[]string{"Mohammed", "Muhammad", "Mohamed", "Mohammad"}, []string{"al-Hassan", "el-Hasan", "Hassan"}, "the governor of the province"},
		{[]string{"Hussein", "Hussain", "Husayn"}, []string{"Qassem", "Kassem", "Qasim"}, "a commander of the local militia"},
		{[]string{"Khaled", "Khalid"}, []string{"Mansour", "Mansur"}, "the interior minister"},
		{[]string{"Youssef", "Yusuf", "Yousef"}, []string{"Haddad"}, "a spokesman for the civil defence"},
		{[]string{"Abdullah", "Abdallah"}, []string{"Nasser", "Nasir"}, "the head of the regional council"},
		{[]string{"Omar", "Umar"}, []string{"Saleh", "Salih"}, "a senior intelligence official"},
		{[]string{"Rami", "Ramy"}, []string{"Abdulrahman", "Abdel Rahman"}, "the director of a monitoring group"},
		{[]string{"Leila", "Layla", "Laila"}, []string{"Khoury", "Khouri"}, "a doctor at the main hospital"},
		{[]string{"Fatima", "Fatma"}, []string{"Zahra", "Zahraa"}, "a resident of the old city"},
		{[]string{"Charles"}, []string{"Lister"}, "a senior fellow at the Middle East Institute"},
		{[]string{"Anna"}, []string{"Kowalski"}, "a researcher at Human Rights Watch"},
		{[]string{"Ahmed", "Ahmad"}, []string{"al-Shara", "al-Sharaa", "el-Sharaa"}, "the interim president"},
		{[]string{"Maher"}, []string{"al-Assad", "Assad"}, "the brother of the former president"},
		{[]string{"Samir", "Sameer"}, []string{"Younes", "Yunus", "Younis"}, "a lawyer representing families of the missing"},
		{[]string{"Tariq", "Tarek", "Tareq"}, []string{"Aziz", "Azeez"}, "the mayor of the town"},
	}
	synthOrgs = []string{
		"the Syrian Observatory for Human Rights", "the United Nations", "the Red Crescent", "the Health Ministry",
		"the Interior Ministry", "Doctors Without Borders", "the World Health Organization", "Amnesty International",
		"the civil defence", "a local council", "the Syrian Network for Human Rights", "the International Committee of the Red Cross",
	}
	synthPlaces = []string{
		"Latakia", "Tartus", "Homs", "Aleppo", "Idlib", "Hama", "Deir ez-Zor", "Daraa", "Raqqa", "Jableh", "Baniyas",
		"Qardaha", "Mosul", "Basra", "Tripoli", "Benghazi", "Khartoum", "Omdurman", "Rafah", "Khan Younis", "Sweida", "Qamishli",
	}
	synthWho   = []string{"people", "civilians", "security personnel", "fighters", "children", "soldiers", "police officers", "aid workers", "residents"}
	synthDays  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	synthQuals = []string{"", "at least", "more than", "nearly", "about", "some", "over", "up to"}
	synthWords = []string{"dozens", "hundreds", "scores", "several", "a dozen"}
	synthEvent = []string{"clashes", "shelling", "an air strike", "a car bomb", "fighting", "a drone attack", "an ambush", "a raid", "flooding", "an earthquake"}
	synthTopic = []string{"ceasefire", "elections", "reconstruction", "the economy", "fuel shortages", "the return of refugees", "sanctions", "a prisoner exchange", "water supplies", "the harvest"}
	synthQuote = []string{
		"We will not allow anyone to drag the country back into war",
		"The people here have nothing left, not even bread",
		"Everyone knows who is responsible for this disorder",
		"We were told to stay indoors and wait, but nobody came",
		"This is the worst violence we have seen in years",
		"Those responsible will be brought to justice, whoever they are",
		"The hospitals are full and we are running out of medicine",
		"There can be no peace without accountability",
		"We are ready to talk, but not under fire",
		"The roads are closed and the families cannot reach the bodies",
	}
)

type synthGen struct{ r *rand.Rand }

func (g *synthGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// name writes a person in one of their spellings.
func (g *synthGen) name(p synthPerson) string { return g.pick(p.first) + " " + g.pick(p.last) }

// count writes a number the way reporters do: "1,300", "dozens", "27".
func (g *synthGen) count() string {
	switch g.r.IntN(6) {
	case 0:
		return g.pick(synthWords)
	case 1:
		return groupThousands(100 + g.r.IntN(3000))
	default:
		return strconv.Itoa(2 + g.r.IntN(120))
	}
}

func (g *synthGen) figure() string {
	q := g.pick(synthQuals)
	c := g.count()
	if q == "" || !isDigitStart(c) {
		return c
	}
	return q + " " + c
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *synthGen) article(n, paragraphs int) Article {
	out := synthOutlets[g.r.IntN(len(synthOutlets))]
	published := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(730))
	place := g.pick(synthPlaces)
	cast := []synthPerson{synthPeople[g.r.IntN(len(synthPeople))], synthPeople[g.r.IntN(len(synthPeople))], synthPeople[g.r.IntN(len(synthPeople))]}
	// Each article sticks to one spelling per person, as outlets do.
	names := make([]string, len(cast))
	for i, p := range cast {
		names[i] = g.name(p)
	}
	org := g.pick(synthOrgs)
	event := g.pick(synthEvent)
	titles := []string{
		fmt.Sprintf("%s killed in %s as %s spread", capitalise(g.figure()), place, event),
		fmt.Sprintf("%s vows to restore order in %s", names[0], place),
		fmt.Sprintf("Death toll rises after %s in %s", event, place),
		fmt.Sprintf("Talks on %s stall as violence flares in %s", g.pick(synthTopic), place),
		fmt.Sprintf("Residents of %s describe days of fear", place),
	}
	a := Article{
		ID:        fmt.Sprintf("synth/%05d.txt", n),
		Path:      fmt.Sprintf("synth/%05d.txt", n),
		Title:     g.pick(titles),
		Source:    out.name,
		URL:       fmt.Sprintf("https://www.%s/world/%d/%s-%05d", out.host, published.Year(), strings.ToLower(strings.ReplaceAll(place, " ", "-")), n),
		Published: DateOf(published),
	}
	for i := range paragraphs {
		a.Paragraphs = append(a.Paragraphs, Paragraph{Number: i + 1, Text: g.paragraph(i, place, names, cast, org, event)})
	}
	sum := sha256.Sum256(renderSynth(a))
	a.Hash = hex.EncodeToString(sum[:])
	return a
}

// paragraph writes one paragraph of two or three sentences.
func (g *synthGen) paragraph(i int, place string, names []string, cast []synthPerson, org, event string) string {
	if i == 0 {
		return g.lead(place, org, event)
	}
	k := 2 + g.r.IntN(2)
	s := make([]string, 0, k)
	for range k {
		s = append(s, g.sentence(place, names, cast, org, event))
	}
	return strings.Join(s, " ")
}

func (g *synthGen) lead(place, org, event string) string {
	day := g.pick(synthDays)
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s %s have been killed in %s in and around %s since %s, according to %s.",
			capitalise(g.figure()), g.pick(synthWho), event, place, day, org)
	case 1:
		return fmt.Sprintf("Violence erupted in %s on %s, leaving %s %s dead and %s wounded, %s said.",
			place, day, g.figure(), g.pick(synthWho), g.count(), org)
	default:
		return fmt.Sprintf("The toll from %s in %s rose to %s on %s, %s reported, as families searched for relatives.",
			event, place, g.figure(), day, org)
	}
}

func (g *synthGen) sentence(place string, names []string, cast []synthPerson, org, event string) string {
	who := g.r.IntN(len(names))
	name, role := names[who], cast[who].role
	last := name[strings.LastIndexByte(name, ' ')+1:]
	day := g.pick(synthDays)
	other := g.pick(synthPlaces)
	switch g.r.IntN(14) {
	case 0:
		return fmt.Sprintf("%s said on %s that %s %s had died in %s near %s.", capitalise(org), day, g.figure(), g.pick(synthWho), event, other)
	case 1:
		return fmt.Sprintf("Among the dead were %s %s, %s said.", g.figure(), g.pick(synthWho), org)
	case 2:
		return fmt.Sprintf("“%s,” said %s, %s.", g.pick(synthQuote), name, role)
	case 3:
		return fmt.Sprintf("%s, %s, told reporters on %s that the situation in %s was “%s”.", name, role, day, place, strings.ToLower(g.pick(synthQuote)[:1])+g.pick(synthQuote)[1:])
	case 4:
		return fmt.Sprintf("At least %s people were wounded when %s hit a market in %s, according to %s.", g.count(), event, other, org)
	case 5:
		return fmt.Sprintf("%s %s remain missing, and %s said it could not confirm the reports independently.", capitalise(g.figure()), g.pick(synthWho), org)
	case 6:
		return fmt.Sprintf("It was unclear whether %s had ordered the attack himself, according to analysts who follow the region.", name)
	case 7:
		return fmt.Sprintf("Mr. %s urged all sides to accept the %s and said talks on %s would resume next week.", last, "ceasefire", g.pick(synthTopic))
	case 8:
		return fmt.Sprintf("The fighting in %s is the worst since the government took control of %s last year.", place, other)
	case 9:
		return fmt.Sprintf("Checkpoints were set up along the main roads into %s over the weekend, and shops stayed closed on %s.", place, day)
	case 10:
		return fmt.Sprintf("%s had previously reported that %s %s were killed, but had not updated its figures by %s.", capitalise(org), g.figure(), g.pick(synthWho), day)
	case 11:
		return fmt.Sprintf("%s, %s, said the authorities were investigating what happened in %s.", name, role, place)
	case 12:
		return fmt.Sprintf("Residents said that gunmen stormed several neighbourhoods of %s late on %s, and that the sound of gunfire lasted for hours.", other, day)
	default:
		return fmt.Sprintf("Aid convoys carrying food and medicine for %s families reached %s on %s, the %s said.", g.count(), place, day, strings.TrimPrefix(g.pick(synthOrgs), "the "))
	}
}
