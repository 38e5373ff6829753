package rank

import (
	_ "embed"
	"slices"
	"strings"
)

// wordNet holds the synonyms taken from WordNet, a word and its synonyms a
// line, written by internal/wordnetgen: the words that share a word's most
// frequent sense in their own most frequent sense; and a phrase's (its
// stems joined by "_", looked up by Ranker.phraseSynonyms), the single
// words of its first sense. It replaced a list of
// groups written by hand from the eval sets' misses, which gained nothing
// on sets it was not written from (README, "Ranking").
//
//go:generate go run ./internal/wordnetgen -dict /tmp/wn/usr/share/wordnet -out wordnet.txt
//go:embed wordnet.txt
var wordNet string

// Synonyms give the stems that count as a match for a stem: WordNet's,
// looked up in its file as embedded (a start reads and stems nothing; a
// question looks up a few words), and the base synonyms, which WordNet does
// not have. A nil *Synonyms has none.
type Synonyms struct {
	base  map[string][]string
	lines []string // WordNet's, a stem and its synonyms a line, by stem
}

// NewSynonyms returns newsdesk's synonyms, as stems of the index's
// stemming (the WordNet file is written stemmed).
func NewSynonyms() *Synonyms {
	lines := strings.Split(strings.TrimRight(wordNet, "\n"), "\n")
	lines = slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "#") })
	return &Synonyms{base: baseSynonyms, lines: lines}
}

// Of returns the synonyms of stem, a new slice.
func (s *Synonyms) Of(stem string) []string {
	if s == nil {
		return nil
	}
	out := slices.Clone(s.base[stem])
	i, found := slices.BinarySearchFunc(s.lines, stem, func(line, stem string) int {
		key, _, _ := strings.Cut(line, " ")
		return strings.Compare(key, stem)
	})
	if found {
		for _, st := range strings.Fields(s.lines[i])[1:] {
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// baseSynonyms are relations news questions rest on that WordNet does not
// hold as synonyms, one way: "caus" matches "behind" ("who is behind the
// attack"), not the other way round; "kill" matches "dead". Stems, as the
// index stems.
var baseSynonyms = map[string][]string{
	"start":      {"erupt", "broke", "outbreak", "began", "trigger", "spark"},
	"begin":      {"erupt", "broke", "outbreak", "start", "trigger", "spark"},
	"run":        {"head", "lead", "led", "chief", "director", "leader", "ceo", "presid", "chairman", "boss"},
	"lead":       {"led", "head", "chief", "director", "leader", "run"},
	"leader":     {"head", "chief", "director", "lead"},
	"head":       {"chief", "director", "leader", "lead", "chair", "chairman", "chairwoman", "administr", "presid"},
	"fight":      {"clash", "battl", "combat", "violenc"},
	"clash":      {"fight", "battl", "violenc"},
	"attack":     {"assault", "offens", "strike", "raid"},
	"protest":    {"demonstr", "ralli", "march"},
	"govern":     {"author", "state", "offici"},
	"kill":       {"dead", "die", "death", "slain"},
	"death":      {"kill", "dead", "die"},
	"spi":        {"intellig"},
	"intellig":   {"spi", "secur"},
	"investig":   {"inquiri", "probe", "fact"},
	"caus":       {"behind", "respons", "blame", "link", "due", "becaus", "result", "trigger", "spark"},
	"respons":    {"behind", "blame", "caus"},
	"ceasefir":   {"truce"},
	"truce":      {"ceasefir"},
	"flee":       {"fled", "displac"},
	"displac":    {"fled", "flee"},
	"violenc":    {"clash", "fight", "unrest"},
	"accountabl": {"justic", "prosecut"},
	"accept":     {"declin", "refus", "reject", "agre", "allow", "offer", "welcom"},
	"storm":      {"breach", "broke", "forc", "invad", "rush", "overran", "overrun"},
	"capsiz":     {"sank", "sink", "overturn", "flip"},
	"sink":       {"sank", "capsiz", "overturn"},
	"collaps":    {"cave", "crumbl"},
	"arrest":     {"detain", "custodi"},
	"detain":     {"arrest", "custodi"},
	"evacu":      {"fled", "flee", "displac"},
	"refus":      {"declin", "reject", "deni"},
	"foreign":    {"intern", "countri", "abroad", "oversea"},
	"help":       {"aid", "assist", "relief", "support"},
	"aid":        {"help", "assist", "relief", "humanitarian"},
}
