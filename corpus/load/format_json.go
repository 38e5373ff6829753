package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// jsonRecord is one article of a .json or .jsonl file.
type jsonRecord struct {
	raw  []byte // the record's bytes, for its hash
	n    int    // 1-based record number
	line int    // line number in a .jsonl file, else 0
}

// parseJSON reads a .json file (one object or an array of
// objects) or a .jsonl file (one object per line; blank lines ignored).
// Records that cannot be read are returned as skipped, with a reason that
// starts with "line N:" (.jsonl) or "record N:" (.json arrays).
func parseJSON(name string, data []byte, lines bool) ([]corpus.Article, []corpus.Skipped, error) {
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%w: %d bytes (limit %d MiB)", ErrTooLarge, len(data), MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, nil, ErrBinary
	}
	var records []jsonRecord
	var skipped []corpus.Skipped
	single := false
	if lines {
		records = jsonlRecords([]byte(decodeText(data)))
	} else {
		var err error
		records, single, err = jsonRecords(data)
		if err != nil {
			return nil, nil, err
		}
	}
	var out []corpus.Article
	for _, rec := range records {
		id := name
		if !single {
			id = name + "#" + strconv.Itoa(rec.n)
		}
		a, err := parseJSONRecord(name, id, rec.raw)
		if err != nil {
			where := "record " + strconv.Itoa(rec.n)
			if rec.line > 0 {
				where = "line " + strconv.Itoa(rec.line)
			}
			if single {
				return nil, nil, err
			}
			skipped = append(skipped, corpus.Skipped{Path: name, Reason: where + ": " + err.Error()})
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		if len(skipped) > 0 {
			return nil, skipped, fmt.Errorf("%w: none of its %d records could be read", ErrNoText, len(skipped))
		}
		return nil, nil, fmt.Errorf("%w: no records", ErrEmpty)
	}
	return out, skipped, nil
}

// jsonlRecords splits a decoded JSON Lines file into its non-blank lines.
func jsonlRecords(data []byte) []jsonRecord {
	var recs []jsonRecord
	line := 0
	for raw := range bytes.SplitSeq(data, []byte("\n")) {
		line++
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		recs = append(recs, jsonRecord{raw: raw, n: len(recs) + 1, line: line})
	}
	return recs
}

// jsonRecords reads the records of a .json file: one object (single), or
// each element of an array.
func jsonRecords(data []byte) (recs []jsonRecord, single bool, err error) {
	text := []byte(decodeText(data))
	trimmed := bytes.TrimSpace(text)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		if !json.Valid(trimmed) {
			return nil, false, fmt.Errorf("%w: %w", ErrBadJSON, jsonSyntaxError(trimmed))
		}
		return []jsonRecord{{raw: data, n: 1}}, true, nil
	case len(trimmed) > 0 && trimmed[0] == '[':
		var elems []json.RawMessage
		if err := json.Unmarshal(trimmed, &elems); err != nil {
			return nil, false, fmt.Errorf("%w: %w", ErrBadJSON, err)
		}
		for i, e := range elems {
			recs = append(recs, jsonRecord{raw: e, n: i + 1})
		}
		return recs, false, nil
	default:
		return nil, false, fmt.Errorf("%w: want an object or an array of objects", ErrBadRecord)
	}
}

// jsonSyntaxError returns the decoder's description of invalid JSON.
func jsonSyntaxError(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return errors.New("invalid JSON")
}

// parseJSONRecord reads one article object: title, source, url,
// published, author and id, and the text as body (paragraphs separated by
// blank lines) or paragraphs (an array of strings). Each field may go by
// the other names exports use (jsonNames): "headline", "text",
// "content", "articleBody", "date", "datePublished", "link"….
func parseJSONRecord(name, id string, raw []byte) (corpus.Article, error) {
	text := []byte(decodeText(raw))
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(text, &fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return corpus.Article{}, fmt.Errorf("%w: not a JSON object", ErrBadRecord)
		}
		return corpus.Article{}, fmt.Errorf("%w: %w", ErrBadJSON, err)
	}
	if fields == nil {
		return corpus.Article{}, fmt.Errorf("%w: not a JSON object", ErrBadRecord)
	}
	a := corpus.Article{ID: id, Path: name, Hash: hashBytes(raw)}
	var m meta
	for _, f := range []struct {
		key string
		dst *string
	}{{"title", &m.title}, {"source", &m.source}, {"url", &m.url}, {"published", &m.published}, {"author", &m.author}} {
		raw, key := field(fields, f.key)
		v, ok := jsonText(raw)
		if !ok && f.key == "author" {
			v, ok = jsonStrings(raw)
		}
		if !ok {
			a.Warnings = append(a.Warnings, fmt.Sprintf("field %s is not a string; left empty", key))
			continue
		}
		*f.dst = v
	}
	if raw, ok := fields["id"]; ok {
		v, ok := jsonText(raw)
		if v = strings.TrimSpace(v); ok && v != "" {
			a.ID = v
		} else if !ok {
			a.Warnings = append(a.Warnings, "field id is not a string or number; using "+id)
		}
	}
	m.apply(&a)

	var items []textItem
	switch {
	case fields["paragraphs"] != nil && string(fields["paragraphs"]) != "null":
		var ps []json.RawMessage
		if err := json.Unmarshal(fields["paragraphs"], &ps); err != nil {
			return corpus.Article{}, fmt.Errorf("%w: paragraphs is not an array of strings", ErrBadRecord)
		}
		for i, p := range ps {
			s, ok := jsonString(p)
			if !ok {
				return corpus.Article{}, fmt.Errorf("%w: paragraph %d is not a string", ErrBadRecord, i+1)
			}
			items = append(items, plainItems(s)...)
		}
	case hasField(fields, "body"):
		raw, key := field(fields, "body")
		body, ok := jsonString(raw)
		if !ok {
			return corpus.Article{}, fmt.Errorf("%w: %s is not a string", ErrBadRecord, key)
		}
		items = plainItems(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n"))
	default:
		return corpus.Article{}, fmt.Errorf("%w: no body or paragraphs (nor %s)", ErrBadRecord, strings.Join(jsonNames("body")[1:], ", "))
	}
	if a.Title == "" {
		a.Title, items = titleFromItems(items)
	}
	a.Author, items = bylineFromItems(a.Author, items)
	return finishArticle(a, name, items)
}

// jsonNames are the names a field of an article object goes by in the
// exports of news sites, archives and scrapers (schema.org's NewsArticle
// among them), the name newsdesk documents first.
func jsonNames(key string) []string {
	switch key {
	case "title":
		return []string{"title", "headline", "name"}
	case "source":
		return []string{"source", "outlet", "publisher", "site_name", "siteName"}
	case "url":
		return []string{"url", "link", "canonical_url"}
	case "published":
		return []string{"published", "date", "published_at", "publishedAt", "datePublished", "pubDate", "publication_date"}
	case "author":
		return []string{"author", "authors", "byline"}
	case "body":
		return []string{"body", "text", "content", "articleBody", "article_body", "article"}
	}
	return []string{key}
}

// field returns the value of the first of key's names (jsonNames) that
// the object has, and that name; nil and key for none.
func field(fields map[string]json.RawMessage, key string) (json.RawMessage, string) {
	for _, name := range jsonNames(key) {
		if v, ok := fields[name]; ok {
			return v, name
		}
	}
	return nil, key
}

// hasField reports whether the object has a field by one of key's names.
func hasField(fields map[string]json.RawMessage, key string) bool {
	v, _ := field(fields, key)
	return v != nil
}

// jsonString reads a JSON string; a missing or null value is "". ok is
// false for any other kind of value.
func jsonString(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonStrings reads an array of strings joined with ", " (several authors).
func jsonStrings(raw json.RawMessage) (string, bool) {
	var ss []string
	if err := json.Unmarshal(raw, &ss); err != nil {
		return "", false
	}
	return strings.Join(ss, ", "), true
}

// jsonText reads a JSON string, or a number as written (an id, a year).
func jsonText(raw json.RawMessage) (string, bool) {
	if s, ok := jsonString(raw); ok {
		return s, true
	}
	raw = bytes.TrimSpace(raw)
	switch raw[0] {
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", false
		}
		return n.String(), true
	}
	return "", false
}
