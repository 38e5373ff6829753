package bleveindex

import (
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query is a search query, made by the constructors below. The zero Query
// is not valid.
type Query struct{ q query.Query }

// Boost multiplies the score the query gives a match by b, and returns it.
func (q Query) Boost(b float64) Query {
	if bq, ok := q.q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
	return q
}

// All matches every document.
func All() Query { return Query{bleve.NewMatchAllQuery()} }

// Term matches the documents whose field holds term exactly (a stem in
// the text fields, a skeleton in the name fields, a keyword value).
func Term(field Field, term string) Query {
	t := bleve.NewTermQuery(term)
	t.SetField(string(field))
	return Query{t}
}

// Fuzzy matches the documents whose field holds a term Fuzziness(term)
// edits or fewer from term.
func Fuzzy(field Field, term string) Query {
	f := bleve.NewFuzzyQuery(term)
	f.SetField(string(field))
	f.SetFuzziness(Fuzziness(term))
	return Query{f}
}

// Match matches the documents whose field has any term of text, analysed
// as the field is.
func Match(field Field, text string) Query { return Query{matchQuery(field, text)} }

// MatchEvery matches the documents whose field has every term of text,
// analysed as the field is.
func MatchEvery(field Field, text string) Query {
	m := matchQuery(field, text)
	m.SetOperator(query.MatchQueryOperatorAnd)
	return Query{m}
}

func matchQuery(field Field, text string) *query.MatchQuery {
	m := bleve.NewMatchQuery(text)
	m.SetField(string(field))
	return m
}

// DayRange matches the documents whose day field (FieldPublished,
// FieldReported) falls from one day to another, both included; a zero
// day leaves that end open.
func DayRange(field Field, from, to time.Time) Query {
	return termRange(field, dayTerm(from), dayTerm(to))
}

// ParagraphRange matches paragraphs from number first to last, included.
func ParagraphRange(first, last int) Query {
	return termRange(FieldNumber, numberTerm(first), numberTerm(last))
}

func termRange(field Field, from, to string) Query {
	inclusive := true
	q := bleve.NewTermRangeInclusiveQuery(from, to, &inclusive, &inclusive)
	q.SetField(string(field))
	return Query{q}
}

// DocIDs matches the documents with the given IDs.
func DocIDs(ids ...string) Query { return Query{bleve.NewDocIDQuery(ids)} }

// Or matches the documents that match any of qs, scored by the sum of
// their scores scaled by the share of qs that match.
func Or(qs ...Query) Query { return Query{bleve.NewDisjunctionQuery(unwrap(qs)...)} }

// And matches the documents that match every one of qs.
func And(qs ...Query) Query { return Query{bleve.NewConjunctionQuery(unwrap(qs)...)} }

func unwrap(qs []Query) []query.Query {
	out := make([]query.Query, len(qs))
	for i, q := range qs {
		out[i] = q.q
	}
	return out
}

// Name finds paragraphs naming someone, across spellings: the names field
// holds transliteration skeletons; the text field catches names the
// extractor missed.
func Name(name string) Query {
	// In the text, every word of the name: "Health Ministry" must not
	// fetch every passage about health.
	return Or(Match(FieldNames, name).Boost(3), MatchEvery(FieldText, name))
}

// Outlet matches the paragraphs of the outlets whose name starts with
// name, in lower case with or without "the": "reuters" is "Reuters (as
// republished by …)", "associated press" "The Associated Press".
func Outlet(name string) Query {
	name = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "the ")
	var qs []Query
	for _, p := range []string{name, "the " + name} {
		q := bleve.NewPrefixQuery(p)
		q.SetField(string(FieldSource))
		qs = append(qs, Query{q})
	}
	return Or(qs...)
}

// Place finds paragraphs naming a place, across spellings: the names
// field holds transliteration skeletons, so "Tartous" finds "Tartus".
func Place(place string) Query {
	return Or(Match(FieldText, place), Match(FieldTitle, place), Match(FieldNames, place))
}

// PlaceLede finds the paragraphs of the articles about a place: those
// that name it in the headline or in the first two paragraphs (the
// dateline and the lede), not those that mention it in passing.
func PlaceLede(place string) Query {
	// The lede may spell the place otherwise ("Hodeidah" for "Hudaydah"):
	// the names field matches it by skeleton.
	lede := And(Or(MatchEvery(FieldText, place), MatchEvery(FieldNames, place)), ParagraphRange(1, 2))
	return Or(lede, MatchEvery(FieldTitle, place))
}
