package rank

import (
	_ "embed"
	"slices"
	"strings"
)

// wordNet holds the synonyms taken from WordNet, a word and its synonyms a
// line, written by internal/wordnetgen: the words that share a word's most
// frequent sense in their own most frequent sense. It replaced a list of
// groups written by hand from the eval sets' misses, which gained nothing
// on sets it was not written from (README, "Ranking").
//
//go:generate go run ./internal/wordnetgen -dict /tmp/wn/usr/share/wordnet -out wordnet.txt
//go:embed wordnet.txt
var wordNet string

// Synonyms map a stem to the stems that count as a match for it.
type Synonyms map[string][]string

// NewSynonyms returns newsdesk's synonyms, stemmed with stem (the index's
// stemming): WordNet's, and the base synonyms, which WordNet does not have.
func NewSynonyms(stem func(word string) string) Synonyms {
	syn := make(Synonyms, len(baseSynonyms))
	for k, v := range baseSynonyms {
		syn[k] = slices.Clone(v)
	}
	addWordNet(syn, wordNet, stem)
	return syn
}

// addWordNet adds to syn the synonyms of a WordNet file's lines, stemmed.
func addWordNet(syn Synonyms, lines string, stem func(string) string) {
	for line := range strings.Lines(lines) {
		words := strings.Fields(line)
		if len(words) < 2 || strings.HasPrefix(words[0], "#") {
			continue
		}
		key := stem(words[0])
		for _, w := range words[1:] {
			if st := stem(w); st != key && !slices.Contains(syn[key], st) {
				syn[key] = append(syn[key], st)
			}
		}
	}
}

// withSynonymGroups adds the stems of each group's words to base, each
// stem matching the others of its group.
func withSynonymGroups(base map[string][]string, groups []string, stem func(string) string) Synonyms {
	out := make(map[string][]string, len(base))
	for k, v := range base {
		out[k] = slices.Clone(v)
	}
	for _, g := range groups {
		var stems []string
		for _, w := range strings.Fields(g) {
			if st := stem(w); !slices.Contains(stems, st) {
				stems = append(stems, st)
			}
		}
		for _, a := range stems {
			for _, b := range stems {
				if a != b && !slices.Contains(out[a], b) {
					out[a] = append(out[a], b)
				}
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
	"run":        {"head", "lead", "led", "chief", "director", "leader"},
	"lead":       {"led", "head", "chief", "director", "leader", "run"},
	"leader":     {"head", "chief", "director", "lead"},
	"head":       {"chief", "director", "leader", "lead"},
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
