package index

// Reading a paragraph record without reflection.
//
// Decoding the records of a question's candidates with encoding/json
// took a tenth of its time: the records are scanned twice (validated,
// then decoded), every field found by reflection, every date unquoted by
// a second Unmarshal. The records are json.Marshal's output of one
// fixed type (paragraphRecords), so decodeRecord reads that shape
// directly and gives what json.Unmarshal gives. Whatever it does not
// expect (a key of another type, a null, a number with a fraction, a
// repeated key, malformed JSON) it leaves to json.Unmarshal, which then
// decodes the whole record, or reports it damaged, as before; a string
// with escapes or bytes that are not UTF-8 is unquoted by encoding/json.

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
)

// decodeRecord decodes a paragraph record into sp as json.Unmarshal
// would; ok is false when it did not, and sp is then to be decoded by
// json.Unmarshal.
func decodeRecord(rec []byte, sp *storedParagraph) (ok bool) {
	r := recordReader{b: rec}
	r.object(func(key string) bool {
		switch key {
		case "a":
			return r.object(func(k string) bool { return r.articleField(&sp.Article, k) })
		case "p":
			return r.object(func(k string) bool { return r.paragraphField(&sp.Paragraph, k) })
		}
		return false
	})
	r.space()
	return r.ok && r.i == len(r.b)
}

// recordReader reads JSON values from b at i; ok turns false, for good,
// at the first thing it does not read.
type recordReader struct {
	b  []byte
	i  int
	ok bool
}

// space skips white space.
func (r *recordReader) space() {
	for r.i < len(r.b) && (r.b[r.i] == ' ' || r.b[r.i] == '\n' || r.b[r.i] == '\t' || r.b[r.i] == '\r') {
		r.i++
	}
}

// byte reads the byte c, after white space.
func (r *recordReader) byte(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// object reads an object, each value by field (which reads the value of
// its key and reports whether it could). A key given twice is not read:
// json.Unmarshal would decode its second value over the first.
func (r *recordReader) object(field func(key string) bool) bool {
	r.ok = r.byte('{')
	if !r.ok || r.byte('}') {
		return r.ok
	}
	var buf [16]string
	seen := buf[:0]
	for {
		key, ok := r.key()
		for _, k := range seen {
			ok = ok && k != key
		}
		seen = append(seen, key)
		if r.ok = ok && r.byte(':') && field(key); !r.ok {
			return false
		}
		if r.byte('}') {
			return true
		}
		if r.ok = r.byte(','); !r.ok {
			return false
		}
	}
}

// array reads an array, each element by elem.
func (r *recordReader) array(elem func() bool) bool {
	if r.ok = r.byte('['); !r.ok || r.byte(']') {
		return r.ok
	}
	for {
		if r.ok = elem(); !r.ok {
			return false
		}
		if r.byte(']') {
			return true
		}
		if r.ok = r.byte(','); !r.ok {
			return false
		}
	}
}

// string reads a string. One with escapes or with bytes that are not
// UTF-8 is unquoted by encoding/json, as json.Unmarshal would.
func (r *recordReader) string() (string, bool) {
	if !r.byte('"') {
		return "", false
	}
	start, plain := r.i, true
	for ; r.i < len(r.b) && r.b[r.i] != '"'; r.i++ {
		switch c := r.b[r.i]; {
		case c == '\\':
			plain = false
			r.i++
		case c < ' ':
			return "", false
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	if r.i >= len(r.b) {
		return "", false
	}
	r.i++
	raw := r.b[start : r.i-1]
	if plain || utf8.Valid(raw) && !containsByte(raw, '\\') {
		return string(raw), true
	}
	var s string
	err := json.Unmarshal(r.b[start-1:r.i], &s)
	return s, err == nil
}

// key reads an object's key, one of the records' keys, as written (json.Unmarshal
// would also match another case, or skip an unknown key).
func (r *recordReader) key() (string, bool) {
	if !r.byte('"') {
		return "", false
	}
	start := r.i
	for r.i < len(r.b) && r.b[r.i] != '"' && r.b[r.i] != '\\' {
		r.i++
	}
	if r.i >= len(r.b) || r.b[r.i] != '"' {
		return "", false
	}
	r.i++
	for _, k := range [...]string{"a", "p", "id", "title", "source", "url", "published", "path", "paragraphs",
		"number", "text", "mentions", "attribution", "quotes", "figures", "name", "kind", "role", "speaker",
		"count", "count_text", "qualifier", "who", "what", "where", "reported"} {
		if string(r.b[start:r.i-1]) == k {
			return k, true
		}
	}
	return "", false
}

// containsByte reports whether b holds c.
func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// str reads a string into s.
func (r *recordReader) str(s *string) bool {
	v, ok := r.string()
	*s = v
	return ok
}

// int reads an integer without fraction or exponent into n.
func (r *recordReader) int(n *int) bool {
	r.space()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	digits := r.i
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	if r.i == digits || r.b[digits] == '0' && r.i > digits+1 {
		return false // no digits, or a leading zero: not JSON
	}
	if r.i < len(r.b) && (r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E') {
		return false
	}
	v, err := strconv.Atoi(string(r.b[start:r.i]))
	*n = v
	return err == nil
}

// date reads a date as corpus.Date's UnmarshalJSON does.
func (r *recordReader) date(d *corpus.Date) bool {
	s, ok := r.string()
	if !ok {
		return false
	}
	parsed, err := corpus.ParseDate(s)
	*d = parsed
	return err == nil
}

// strings reads an array of strings into ss (empty, not nil, for []).
func (r *recordReader) strings(ss *[]string) bool {
	out := []string{}
	ok := r.array(func() bool {
		s, ok := r.string()
		out = append(out, s)
		return ok
	})
	*ss = out
	return ok
}

// articleField reads the value of key, a field of an article's reference.
func (r *recordReader) articleField(a *corpus.ArticleRef, key string) bool {
	switch key {
	case "id":
		return r.str(&a.ID)
	case "title":
		return r.str(&a.Title)
	case "source":
		return r.str(&a.Source)
	case "url":
		return r.str(&a.URL)
	case "published":
		return r.date(&a.Published)
	case "path":
		return r.str(&a.Path)
	case "paragraphs":
		return r.int(&a.Paragraphs)
	}
	return false
}

// paragraphField reads the value of key, a field of a paragraph.
func (r *recordReader) paragraphField(p *corpus.Paragraph, key string) bool {
	switch key {
	case "number":
		return r.int(&p.Number)
	case "text":
		return r.str(&p.Text)
	case "attribution":
		return r.strings(&p.Attribution)
	case "mentions":
		p.Mentions = []corpus.Mention{}
		return r.array(func() bool {
			p.Mentions = append(p.Mentions, corpus.Mention{})
			m := &p.Mentions[len(p.Mentions)-1]
			return r.object(func(k string) bool { return r.mentionField(m, k) })
		})
	case "quotes":
		p.Quotes = []corpus.Quote{}
		return r.array(func() bool {
			p.Quotes = append(p.Quotes, corpus.Quote{})
			q := &p.Quotes[len(p.Quotes)-1]
			return r.object(func(k string) bool { return r.quoteField(q, k) })
		})
	case "figures":
		p.Figures = []corpus.Figure{}
		return r.array(func() bool {
			p.Figures = append(p.Figures, corpus.Figure{})
			f := &p.Figures[len(p.Figures)-1]
			return r.object(func(k string) bool { return r.figureField(f, k) })
		})
	}
	return false
}

// mentionField reads the value of key, a field of a mention.
func (r *recordReader) mentionField(m *corpus.Mention, key string) bool {
	switch key {
	case "text":
		return r.str(&m.Text)
	case "name":
		return r.str(&m.Name)
	case "kind":
		s, ok := r.string()
		m.Kind = corpus.MentionKind(s)
		return ok
	case "role":
		return r.str(&m.Role)
	}
	return false
}

// quoteField reads the value of key, a field of a quote.
func (r *recordReader) quoteField(q *corpus.Quote, key string) bool {
	switch key {
	case "text":
		return r.str(&q.Text)
	case "speaker":
		return r.str(&q.Speaker)
	case "role":
		return r.str(&q.Role)
	}
	return false
}

// figureField reads the value of key, a field of a figure.
func (r *recordReader) figureField(f *corpus.Figure, key string) bool {
	switch key {
	case "count":
		return r.int(&f.Count)
	case "count_text":
		return r.str(&f.CountText)
	case "qualifier":
		return r.str(&f.Qualifier)
	case "who":
		return r.str(&f.Who)
	case "what":
		return r.str(&f.What)
	case "where":
		return r.str(&f.Where)
	case "source":
		return r.str(&f.Source)
	case "reported":
		return r.date(&f.Reported)
	}
	return false
}
