package extract

import (
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Speaker resolution beyond the cue: a name inside a quotation is the
// quotation's addressee, never its speaker ("“What have you done to our
// people, Ghiyath Dalla?” he wrote" is Makhlouf's); a pronoun speaker
// ("he said", "she wrote", "he added") is the person named before it in
// its sentence, else the paragraph's last speaker, else the subject of an
// earlier sentence, else the previous paragraph's focus (its last speaker,
// or its subject when it has none).

// quotedTokens marks the tokens of a paragraph inside quotation marks.
func quotedTokens(txt string, toks []text.Token) []bool {
	in := make([]bool, len(toks))
	open := false
	for k := range toks {
		t := &toks[k]
		if !t.IsWord() {
			switch {
			case t.Rune == '“' || t.Rune == '"' && !open && opensQuote(txt, t.Start):
				open = true
				continue
			case t.Rune == '”' || t.Rune == '"' && open:
				open = false
				continue
			}
		}
		in[k] = open
	}
	return in
}

// unquotedPerson reports whether span sp names a person outside any
// quotation.
func (r *speechReader) unquotedPerson(sp mentionSpan) bool {
	return sp.kind == corpus.MentionPerson && !r.quoted[sp.ts]
}

// pronounSpeaker resolves "he"/"she" at token j of the sentence starting
// at token a, once no one described in the sentence is the speaker.
func (r *speechReader) pronounSpeaker(j, a int) (string, bool) {
	// The last person named in the sentence before j: the spans are in
	// order, those ending by j a prefix of them.
	for i := r.as.endingBy(j) - 1; i >= 0 && r.as.spans[i].ts >= a; i-- {
		if r.unquotedPerson(r.as.spans[i]) {
			return r.as.spans[i].name, true
		}
	}
	if n := len(*r.hits); n > 0 {
		return (*r.hits)[n-1].speaker, true
	}
	if s := r.subjectBefore(a); s != "" {
		return s, true
	}
	if r.ctx.prevFocus != "" {
		return r.ctx.prevFocus, true
	}
	if r.ctx.prevPerson != "" {
		return r.ctx.prevPerson, true
	}
	return "", false
}

// subjectBefore returns the subject of the nearest sentence before token a
// that names a person outside quotation marks (see subjectOf).
func (r *speechReader) subjectBefore(a int) string {
	if a == 0 {
		return ""
	}
	if r.subjects == nil {
		r.subjects = sentenceSubjects(r.toks, r.as.spans, r.quoted)
	}
	return r.subjects[r.toks[a-1].Sentence-r.toks[0].Sentence]
}

// sentenceSubjects returns, for each sentence of a paragraph (numbered
// from its first), the subject (see subjectOf) of the nearest sentence up
// to it that names a person outside quotation marks, or "".
func sentenceSubjects(toks []text.Token, spans []mentionSpan, quoted []bool) []string {
	first := toks[0].Sentence
	out := make([]string, toks[len(toks)-1].Sentence-first+1)
	for i := 0; i < len(spans); {
		// The spans of one sentence: they are in order.
		s := toks[spans[i].ts].Sentence
		j := i + 1
		for j < len(spans) && toks[spans[j].ts].Sentence == s {
			j++
		}
		out[s-first] = subjectOf(toks, spans[i:j], quoted)
		i = j
	}
	for s := 1; s < len(out); s++ {
		if out[s] == "" {
			out[s] = out[s-1]
		}
	}
	return out
}

// subjectOf returns the person the spans of a sentence or paragraph name
// as its subject: the first person named outside quotation marks in a
// subject's place — not after a determiner or a preposition, not a
// possessive ("the Assad regime", "with Dalla", "Assad's cousin") — else
// the first person named outside quotation marks.
func subjectOf(toks []text.Token, spans []mentionSpan, quoted []bool) string {
	first := ""
	for _, sp := range spans {
		if sp.kind != corpus.MentionPerson || sp.ts >= len(quoted) || quoted[sp.ts] {
			continue
		}
		if first == "" {
			first = sp.name
		}
		before := sp.tt - 1
		if toks[sp.te-1].Possessive || before >= 0 && toks[before].IsWord() &&
			(functionWords[toks[before].Lower] || determinerWords[toks[before].Lower]) {
			continue
		}
		return sp.name
	}
	return first
}

// paragraphFocus is whom a paragraph is about, for a pronoun in the next
// one: its last speaker, else its subject (see subjectOf).
func paragraphFocus(toks []text.Token, hits []speakerHit, spans []mentionSpan, quoted []bool) string {
	if n := len(hits); n > 0 {
		return hits[n-1].speaker
	}
	return subjectOf(toks, spans, quoted)
}

// addSpeakerRoles gives each quote the role its speaker holds in the
// article, so that a question for the institution finds its spokesperson:
// the role of the speaker's mention ("Thameen Al-Kheetan" → "the UN Human
// Rights Spokesperson"), or for a speaker the article does not name the
// description itself ("A Syrian security source" → "Syrian security
// source").
func addSpeakerRoles(a *corpus.Article) {
	roles := map[string]string{}
	for _, p := range a.Paragraphs {
		for _, m := range p.Mentions {
			if m.Role != "" && m.Kind == corpus.MentionPerson && roles[m.Name] == "" {
				roles[m.Name] = m.Role
			}
		}
	}
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		for j := range p.Quotes {
			q := &p.Quotes[j]
			if q.Speaker == "" {
				continue
			}
			if role, ok := roles[q.Speaker]; ok {
				q.Role = role
			} else {
				q.Role = unnamedRole(q.Speaker)
			}
		}
	}
}

// unnamedRole returns the role noun phrase of a speaker the article does
// not name — "an eyewitness" → "eyewitness", "A police spokesman" →
// "police spokesman", "two local activists" → "local activists" — or ""
// when the speaker is a name.
func unnamedRole(speaker string) string {
	words := strings.Fields(speaker)
	if len(words) < 2 {
		return ""
	}
	first := strings.ToLower(words[0])
	if !determinerWords[first] && !numberWord(first) && first != "one" && first != "two" && first != "several" && first != "some" {
		return ""
	}
	for _, w := range words[1:] {
		if w = strings.ToLower(strings.Trim(w, ".,")); speakerNouns[w] || text.RoleNouns[w] {
			return strings.Join(words[1:], " ")
		}
	}
	return ""
}

// resolveIndefiniteSpeakers names a speaker the article introduces by
// description first and by name just after, as a lede does: "…, a Syrian
// war monitor reported on Friday." followed by "The Syrian Network for
// Human Rights (SNHR), a monitor regarded as independent…". A speaker
// written as an indefinite description whose head noun is a generic one
// ("monitor", "group", "agency") becomes the organisation of the same or
// one of the next two paragraphs whose role has that noun. Attributions,
// quote speakers and figure sources are all renamed.
func resolveIndefiniteSpeakers(a *corpus.Article) {
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		rename := func(s string) string {
			if n := introducedAfter(a, i, s); n != "" {
				return n
			}
			return s
		}
		for j := range p.Attribution {
			p.Attribution[j] = rename(p.Attribution[j])
		}
		p.Attribution = distinct(p.Attribution)
		for j := range p.Quotes {
			p.Quotes[j].Speaker = rename(p.Quotes[j].Speaker)
		}
		for j := range p.Figures {
			p.Figures[j].Source = rename(p.Figures[j].Source)
		}
	}
}

// introducedAfter returns the organisation that paragraphs pi to pi+2 of a
// introduce with a role sharing the head noun of the indefinite
// description s ("a Syrian war monitor"), or "".
func introducedAfter(a *corpus.Article, pi int, s string) string {
	words := strings.Fields(strings.ToLower(s))
	if len(words) < 2 || words[0] != "a" && words[0] != "an" {
		return ""
	}
	head := words[len(words)-1]
	if !genericHeads[head] {
		return ""
	}
	for k := pi; k < len(a.Paragraphs) && k <= pi+2; k++ {
		for _, m := range a.Paragraphs[k].Mentions {
			if m.Kind == corpus.MentionOrganisation && m.Role != "" && text.HasWord(strings.ToLower(m.Role), head) {
				return m.Name
			}
		}
	}
	return ""
}

// reportedly reports a speech verb at token k that says what is said of
// its subject, not who says it: "videos said to show killings", "a man
// reported to be a commander".
func reportedly(toks []text.Token, k int) bool {
	return k+2 < len(toks) && toks[k+1].Lower == "to" && toks[k+2].IsWord() && !toks[k+2].Upper &&
		(toks[k].Lower == "said" || toks[k].Lower == "reported" || toks[k].Lower == "claimed" || toks[k].Lower == "alleged")
}

// personBetweenCommas returns the person whose name stands alone between a
// comma and the comma at token j, after a description of them: "a
// spokesman for the SDF, Farhad Shami, told AFP".
func (r *speechReader) personBetweenCommas(j, a int) (string, bool) {
	i, ok := r.as.endAt[j-1]
	if !ok {
		return "", false
	}
	sp := r.as.spans[i]
	before := sp.tt - 1
	if sp.kind != corpus.MentionPerson || before <= a || r.toks[before].IsWord() || r.toks[before].Rune != ',' || r.quoted[sp.ts] {
		return "", false
	}
	return sp.name, true
}
