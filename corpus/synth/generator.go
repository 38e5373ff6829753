package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

// generator writes articles from one random source.
type generator struct{ r *rand.Rand }

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// name writes a person in one of their spellings.
func (g *generator) name(p person) string { return g.pick(p.first) + " " + g.pick(p.last) }

// count writes a number the way reporters do: "1,300", "dozens", "27".
func (g *generator) count() string {
	switch g.r.IntN(6) {
	case 0:
		return g.pick(countWords)
	case 1:
		return withComma(100 + g.r.IntN(3000))
	default:
		return strconv.Itoa(2 + g.r.IntN(120))
	}
}

func (g *generator) figure() string {
	q := g.pick(qualifiers)
	c := g.count()
	if q == "" || !isDigitStart(c) {
		return c
	}
	return q + " " + c
}

// withComma writes a number below a million with a thousands comma, as
// reporters do: 1300 → "1,300".
func withComma(n int) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *generator) article(n, paragraphs int) corpus.Article {
	out := outlets[g.r.IntN(len(outlets))]
	published := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(730))
	place := g.pick(places)
	cast := []person{people[g.r.IntN(len(people))], people[g.r.IntN(len(people))], people[g.r.IntN(len(people))]}
	// Each article sticks to one spelling per person, as outlets do.
	names := make([]string, len(cast))
	for i, p := range cast {
		names[i] = g.name(p)
	}
	org := g.pick(organisations)
	event := g.pick(events)
	titles := []string{
		fmt.Sprintf("%s killed in %s as %s spread", capitalise(g.figure()), place, event),
		fmt.Sprintf("%s vows to restore order in %s", names[0], place),
		fmt.Sprintf("Death toll rises after %s in %s", event, place),
		fmt.Sprintf("Talks on %s stall as violence flares in %s", g.pick(topics), place),
		fmt.Sprintf("Residents of %s describe days of fear", place),
	}
	a := corpus.Article{
		ID:        fmt.Sprintf("synth/%05d.txt", n),
		Path:      fmt.Sprintf("synth/%05d.txt", n),
		Title:     g.pick(titles),
		Source:    out.name,
		URL:       fmt.Sprintf("https://www.%s/world/%d/%s-%05d", out.host, published.Year(), strings.ToLower(strings.ReplaceAll(place, " ", "-")), n),
		Published: corpus.DateOf(published),
	}
	for i := range paragraphs {
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Number: i + 1, Text: g.paragraph(i, place, names, cast, org, event)})
	}
	sum := sha256.Sum256(render(a))
	a.Hash = hex.EncodeToString(sum[:])
	return a
}

// paragraph writes one paragraph of two or three sentences.
func (g *generator) paragraph(i int, place string, names []string, cast []person, org, event string) string {
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

func (g *generator) lead(place, org, event string) string {
	day := g.pick(weekdays)
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s %s have been killed in %s in and around %s since %s, according to %s.",
			capitalise(g.figure()), g.pick(groups), event, place, day, org)
	case 1:
		return fmt.Sprintf("Violence erupted in %s on %s, leaving %s %s dead and %s wounded, %s said.",
			place, day, g.figure(), g.pick(groups), g.count(), org)
	default:
		return fmt.Sprintf("The toll from %s in %s rose to %s on %s, %s reported, as families searched for relatives.",
			event, place, g.figure(), day, org)
	}
}

func (g *generator) sentence(place string, names []string, cast []person, org, event string) string {
	who := g.r.IntN(len(names))
	name, role := names[who], cast[who].role
	last := name[strings.LastIndexByte(name, ' ')+1:]
	day := g.pick(weekdays)
	other := g.pick(places)
	switch g.r.IntN(14) {
	case 0:
		return fmt.Sprintf("%s said on %s that %s %s had died in %s near %s.", capitalise(org), day, g.figure(), g.pick(groups), event, other)
	case 1:
		return fmt.Sprintf("Among the dead were %s %s, %s said.", g.figure(), g.pick(groups), org)
	case 2:
		return fmt.Sprintf("“%s,” said %s, %s.", g.pick(quotes), name, role)
	case 3:
		return fmt.Sprintf("%s, %s, told reporters on %s that the situation in %s was “%s”.", name, role, day, place, strings.ToLower(g.pick(quotes)[:1])+g.pick(quotes)[1:])
	case 4:
		return fmt.Sprintf("At least %s people were wounded when %s hit a market in %s, according to %s.", g.count(), event, other, org)
	case 5:
		return fmt.Sprintf("%s %s remain missing, and %s said it could not confirm the reports independently.", capitalise(g.figure()), g.pick(groups), org)
	case 6:
		return fmt.Sprintf("It was unclear whether %s had ordered the attack himself, according to analysts who follow the region.", name)
	case 7:
		return fmt.Sprintf("Mr. %s urged all sides to accept the %s and said talks on %s would resume next week.", last, "ceasefire", g.pick(topics))
	case 8:
		return fmt.Sprintf("The fighting in %s is the worst since the government took control of %s last year.", place, other)
	case 9:
		return fmt.Sprintf("Checkpoints were set up along the main roads into %s over the weekend, and shops stayed closed on %s.", place, day)
	case 10:
		return fmt.Sprintf("%s had previously reported that %s %s were killed, but had not updated its figures by %s.", capitalise(org), g.figure(), g.pick(groups), day)
	case 11:
		return fmt.Sprintf("%s, %s, said the authorities were investigating what happened in %s.", name, role, place)
	case 12:
		return fmt.Sprintf("Residents said that gunmen stormed several neighbourhoods of %s late on %s, and that the sound of gunfire lasted for hours.", other, day)
	default:
		return fmt.Sprintf("Aid convoys carrying food and medicine for %s families reached %s on %s, the %s said.", g.count(), place, day, strings.TrimPrefix(g.pick(organisations), "the "))
	}
}
