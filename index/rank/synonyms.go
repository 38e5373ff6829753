package rank

import (
	"slices"
	"strings"
)

// synonymGroups are words that news reports and questions use for one
// another; each word of a group matches the others. Words, not stems: they
// are stemmed as the text analyzer stems them.
var synonymGroups = []string{
	"delivery deliveries shipment shipments supplies convoy convoys consignment",
	"delayed delay held stalled postponed blocked halted suspended hampered obstructed stuck",
	"shortage shortages scarcity lack shortfall scarce",
	"fuel diesel petrol gasoline",
	"fire blaze flames inferno",
	"firefighters firefighter firemen",
	"hillside slope mountainside hill",
	"landslide landslip mudslide",
	"quake earthquake tremor",
	"airlifted airlift helicopter flown",
	"hospital hospitals clinic",
	"gunmen attackers assailants militants",
	"herders herdsmen pastoralists",
	"village villages hamlet settlement",
	"missing unaccounted",
	"rescued rescue saved",
	"search searching hunt",
	"rain rains rainfall downpour downpours monsoon",
	"flood floods flooding inundated",
	"talks negotiations negotiate dialogue",
	"damaged destroyed wrecked ruined",
	"kidnapped abducted",
	"freed released",
	"weapons arms munitions",
	"missile missiles rocket rockets",
	"airstrike airstrikes bombing bombardment shelling",
	"port harbour harbor dock docks",
	"ship ships vessel vessels tanker tankers",
	"army military troops soldiers",
	"electricity power blackout outage",
	"food wheat flour grain",
	"price prices cost costs",
	"wounded injured hurt",
	"dangerous danger risk risky deadly harmful threat",
	"overnight night nights nighttime",
	"reduce reduced cut lower lowered fewer curb",
	"quickly fast rapidly rapid swiftly",
	"houses homes buildings dwellings",
	"doctors medics physicians",
	"children minors",
	"heatwave heat",
}

// Synonyms map a stem to the stems that count as a match for it.
type Synonyms map[string][]string

// NewSynonyms returns newsdesk's synonyms, the words of its synonym groups
// stemmed with stem (the index's stemming).
func NewSynonyms(stem func(word string) string) Synonyms {
	return withSynonymGroups(baseSynonyms, synonymGroups, stem)
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

// baseSynonyms are the synonyms that are not symmetric: "caus" matches
// "behind" ("who is behind the attack"), not the other way round.
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
