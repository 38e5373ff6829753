package bot

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Reply is a message the bot sends: as an interaction response, an edit of
// one, a follow-up or a channel message. Every way of sending it sets
// allowed_mentions to nothing.
type Reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	// Ephemeral replies are shown only to the user who asked.
	Ephemeral bool
}

// NoMentions is the allowed_mentions of every message the bot sends: it
// lets no text ping anyone, not even the user replied to.
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// embedColor is newsdesk's accent colour.
const embedColor = 0x2b6cb0

// PlainReply is an ephemeral reply of one line of our own text.
func PlainReply(text string) Reply {
	return Reply{Content: cutRunes(NeutralizeMentions(text), MaxContent), Ephemeral: true}
}

// RenderAnswers renders one page of answers: a line of content saying what
// was understood, then one embed per passage, and buttons for the next page
// and each passage's context. page is the page being shown; its Offset is
// that of res.Answers[0].
func RenderAnswers(res *corpus.Result, page Page) Reply {
	var content strings.Builder
	if page.Offset > 0 {
		fmt.Fprintf(&content, "Passages %d–%d", page.Offset+1, page.Offset+len(answerEmbeds(res.Answers)))
	} else {
		fmt.Fprintf(&content, "%d %s", len(res.Answers), plural(len(res.Answers), "passage", "passages"))
	}
	if q := strings.TrimSpace(res.Query); q != "" {
		fmt.Fprintf(&content, " for “%s”", EscapeMarkdown(cutRunes(q, 200)))
	}
	if res.Subject != "" && res.Intent != corpus.IntentSearch {
		fmt.Fprintf(&content, " · %s: %s", res.Intent, EscapeMarkdown(cutRunes(text.AsTyped(res.Query, res.Subject), 100)))
	}
	writeNotes(&content, res.Notes)
	r := Reply{Content: TrimText(content.String(), MaxContent)}
	r.Embeds = answerEmbeds(res.Answers)
	shown := res.Answers[:len(r.Embeds)]
	r.Components = answerButtons(shown, page, res.More || len(shown) < len(res.Answers))
	return r
}

// writeNotes adds the index's notes about the answers, one a line: the
// same notes the CLI prints.
func writeNotes(b *strings.Builder, notes []string) {
	for _, n := range notes {
		b.WriteString("\n" + EscapeMarkdown(n))
	}
}

// answerEmbeds renders answers as embeds that together stay within
// Discord's per-message limits.
func answerEmbeds(answers []corpus.Answer) []*discordgo.MessageEmbed {
	answers = answers[:min(len(answers), MaxEmbeds)]
	if len(answers) == 0 {
		return nil
	}
	// Leave room for titles and footers; share the rest between passages.
	budget := min(MaxDescription, (MaxEmbedTotal-200)/len(answers)-MaxTitle/2-100)
	var out []*discordgo.MessageEmbed
	total := 0
	for _, a := range answers {
		e := AnswerEmbed(a, budget)
		size := EmbedSize(e)
		if total+size > MaxEmbedTotal {
			break
		}
		total += size
		out = append(out, e)
	}
	return out
}

// AnswerEmbed renders one passage: the headline as the title linked to the
// article, the passage with the matched words in bold, who makes its
// claims, its figures on a short line, any context paragraphs, and the
// footer "outlet · date · ¶N". The description has at most maxDescription
// characters.
func AnswerEmbed(a corpus.Answer, maxDescription int) *discordgo.MessageEmbed {
	maxDescription = min(max(maxDescription, 200), MaxDescription)
	e := &discordgo.MessageEmbed{
		Type:  discordgo.EmbedTypeRich,
		Title: cutTitle(a.Article.Title),
		URL:   safeURL(a.Article.URL),
		Color: embedColor,
	}
	var tail []string
	if len(a.Attribution) > 0 {
		tail = append(tail, "— "+EscapeMarkdown(strings.Join(a.Attribution, "; ")))
	}
	if line := FiguresLine(a.Figures); line != "" {
		tail = append(tail, "*"+EscapeMarkdown(line)+"*")
	}
	tailText := strings.Join(tail, "\n")
	if runeLen(tailText) > maxDescription/3 {
		tailText = ""
	}
	room := maxDescription - runeLen(tailText) - 2
	desc := fitEscaped(a.Text, a.Highlights, room)
	if tailText != "" {
		desc += "\n\n" + tailText
	}
	e.Description = desc
	if len(a.Context) > 0 {
		ctx := TrimText(strings.Join(a.Context, "\n"), MaxFieldValue-50)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Context", Value: fitEscaped(ctx, nil, MaxFieldValue)})
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: cutRunes(Footer(a.Article, a.Paragraph), MaxFooter)}
	return e
}

// Footer is "outlet · date · ¶N", leaving out what is unknown.
func Footer(a corpus.ArticleRef, paragraph int) string {
	var parts []string
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.String())
	}
	if paragraph > 0 {
		parts = append(parts, "¶"+strconv.Itoa(paragraph))
	}
	return strings.Join(parts, " · ")
}

// FiguresLine describes figures on one short line:
// "≈1,000 civilians killed · reported 2025-03-10; 30 people wounded".
func FiguresLine(figs []corpus.Figure) string {
	parts := make([]string, 0, len(figs))
	for _, f := range figs {
		s := f.Phrase()
		if !f.Reported.IsZero() {
			s += " · reported " + f.Reported.String()
		}
		parts = append(parts, s)
	}
	return cutRunes(strings.Join(parts, "; "), 300)
}

// answerButtons are "More" (when there is a next page) and one "Context"
// button per passage, on one row.
func answerButtons(answers []corpus.Answer, page Page, more bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if more {
		next := page
		next.Offset += len(answers)
		row = append(row, discordgo.Button{Label: "More", Style: discordgo.PrimaryButton, CustomID: next.CustomID()})
	}
	seen := map[string]bool{}
	labels := map[string]int{}
	for _, a := range answers {
		if len(row) == 5 {
			break
		}
		id, ok := ContextRef{ArticleID: a.Article.ID, Paragraph: a.Paragraph}.CustomID()
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		label := "Context ¶" + strconv.Itoa(a.Paragraph)
		if a.Article.Source != "" {
			label = cutRunes(label+" · "+a.Article.Source, MaxButtonLabel-5)
		}
		labels[label]++
		if n := labels[label]; n > 1 {
			label += " (" + strconv.Itoa(n) + ")"
		}
		row = append(row, discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: id})
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// RenderContext renders a passage with its neighbouring paragraphs, as
// returned by Engine.Passage with the given radius: the passage itself in
// bold between the paragraphs before and after it.
func RenderContext(a *corpus.Answer, radius int) Reply {
	before := min(radius, a.Paragraph-1, len(a.Context))
	n := len(a.Context) + 1
	budget := (MaxDescription - 100) / n
	var parts []string
	for i, c := range a.Context[:before] {
		parts = append(parts, fmt.Sprintf("¶%d %s", a.Paragraph-before+i, fitEscaped(c, nil, budget)))
	}
	parts = append(parts, fmt.Sprintf("**¶%d** ▸ %s", a.Paragraph, fitEscaped(a.Text, a.Highlights, budget)))
	for i, c := range a.Context[before:] {
		parts = append(parts, fmt.Sprintf("¶%d %s", a.Paragraph+1+i, fitEscaped(c, nil, budget)))
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       cutTitle(a.Article.Title),
		URL:         safeURL(a.Article.URL),
		Color:       embedColor,
		Description: strings.Join(parts, "\n\n"),
		Footer:      &discordgo.MessageEmbedFooter{Text: cutRunes(Footer(a.Article, a.Paragraph), MaxFooter)},
	}
	if len(a.Attribution) > 0 {
		e.Description += "\n\n— " + EscapeMarkdown(strings.Join(a.Attribution, "; "))
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
}

// RenderToll renders casualty figures: a short timeline of the figures by
// date when there are several dates, then the passages of this page.
func RenderToll(res *corpus.Result, page Page, pageSize int) Reply {
	var content strings.Builder
	content.WriteString("Latest casualty figures")
	if page.Query != "" {
		content.WriteString(" for " + EscapeMarkdown(cutRunes(page.Query, 100)))
	}
	type entry struct {
		date corpus.Date
		line string
	}
	var timeline []entry
	dates := map[string]bool{}
	for _, a := range res.Answers {
		for _, f := range a.Figures {
			d := f.Reported
			if d.IsZero() {
				d = a.Article.Published
			}
			dates[d.String()] = true
			line := f.Phrase()
			src := f.Source
			if src == "" {
				src = a.Article.Source
			}
			if src != "" {
				line += " (" + src + ")"
			}
			timeline = append(timeline, entry{d, line})
		}
	}
	if len(dates) > 1 {
		slices.SortStableFunc(timeline, func(a, b entry) int { return a.date.Compare(b.date.Time) })
		content.WriteString(":")
		for _, e := range timeline {
			day := e.date.String()
			if day == "" {
				day = "undated"
			}
			content.WriteString("\n• " + day + " — " + EscapeMarkdown(e.line))
		}
	}
	writeNotes(&content, res.Notes)
	all := res.Answers
	from := min(page.Offset, len(all))
	to := min(from+pageSize, len(all))
	pageRes := &corpus.Result{Answers: all[from:to]}
	r := Reply{Content: TrimText(content.String(), MaxContent)}
	r.Embeds = answerEmbeds(pageRes.Answers)
	shown := pageRes.Answers[:len(r.Embeds)]
	r.Components = answerButtons(shown, page, from+len(shown) < len(all))
	return r
}

// RenderSources describes what the index holds.
func RenderSources(st corpus.Stats) Reply {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: "What the corpus holds", Color: embedColor}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s, %d %s", st.Articles, plural(st.Articles, "article", "articles"), st.Paragraphs, plural(st.Paragraphs, "paragraph", "paragraphs"))
	if !st.From.IsZero() {
		fmt.Fprintf(&b, "\nPublished %s to %s", st.From, st.To)
	}
	if !st.BuiltAt.IsZero() {
		fmt.Fprintf(&b, "\nLast indexed <t:%d:R> (%s)", st.BuiltAt.Unix(), st.BuiltAt.UTC().Format(time.RFC1123))
	}
	if n := len(st.Skipped); n > 0 {
		fmt.Fprintf(&b, "\n%d %s could not be read", n, plural(n, "file", "files"))
	}
	e.Description = b.String()
	for i, s := range st.Sources {
		if i == MaxFields-1 && len(st.Sources) > MaxFields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Others", Value: fmt.Sprintf("%d more outlets", len(st.Sources)-i), Inline: true})
			break
		}
		name := s.Source
		if name == "" {
			name = "(unknown outlet)"
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:   cutRunes(EscapeMarkdown(name), MaxFieldName),
			Value:  fmt.Sprintf("%d %s", s.Articles, plural(s.Articles, "article", "articles")),
			Inline: true,
		})
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
}

// helpText describes every command with an example.
func helpText() string {
	return `I answer questions from the team's news articles by quoting the passages themselves, with who said it, the outlet, the date and a link. I never write answers of my own.

**/ask** question — any question in plain words.
  e.g. ` + "`/ask who is the head of the observatory`" + `, ` + "`/ask latest death toll in Latakia`" + `
**/who** name — a person, found across spellings (suggestions as you type).
**/toll** [place] — the latest casualty figures per source, with their dates.
**/search** query [source] [from] [to] — plain search, dates as 2025-03-10.
**/sources** — what the corpus holds and when it was last indexed.
**/reindex** — admins: rebuild the index from the corpus folder.
**/ingest** file — admins: add an article file (` + fileTypeList() + `) and index it.

You can also mention me ("@newsdesk who is …") or send me a direct message.
"More" shows further passages; "Context" shows the paragraphs around one.`
}

// RenderHelp is the /help reply.
func RenderHelp() Reply {
	return Reply{Embeds: []*discordgo.MessageEmbed{{
		Type: discordgo.EmbedTypeRich, Title: "newsdesk", Color: embedColor, Description: helpText(),
	}}, Ephemeral: true}
}

// EmbedSize counts the characters of e that count towards Discord's 6,000
// per message.
func EmbedSize(e *discordgo.MessageEmbed) int {
	n := runeLen(e.Title) + runeLen(e.Description)
	if e.Footer != nil {
		n += runeLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	return n
}

// cutTitle escapes a headline and trims it to an embed title.
func cutTitle(title string) string {
	title = strings.TrimSpace(title)
	if title == "" {
		return ""
	}
	return fitEscaped(title, nil, MaxTitle)
}

// safeURL returns u when it is an absolute http(s) URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || len(u) > 2000 {
		return ""
	}
	return p.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
