// Package translit is a Bleve token filter that replaces each token with
// its transliteration skeleton (names.Skeleton), so that "Gaith Dalah",
// "Ghiath Dallah" and "Ghiyath Dalla" index to the same terms. Name
// particles ("al", "el", "bin"…) have an empty skeleton and are dropped.
package translit

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/newsdesk/newsdesk/corpus/names"
)

// Name is the name the filter is registered under in Bleve's registry.
const Name = "newsdesk_skeleton"

// Filter is the skeleton token filter.
type Filter struct{}

// Filter implements analysis.TokenFilter.
func (Filter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		key := names.Skeleton(string(tok.Term))
		if key == "" {
			continue
		}
		tok.Term = []byte(key)
		out = append(out, tok)
	}
	return out
}

func constructor(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
	return Filter{}, nil
}

func init() {
	if err := registry.RegisterTokenFilter(Name, constructor); err != nil {
		panic(err)
	}
}
