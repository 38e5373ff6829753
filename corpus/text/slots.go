package text

import "strings"

// Word lists for reading the slots of a question (corpus/question): what
// may be a place, what reports a figure.

// PlaceNouns are the common nouns of places, singular and plural: "the
// coastal region", "Latakia province", "the camp".
var PlaceNouns = NewSet(`region regions province provinces coast coastline countryside city cities town towns
		village villages area areas district districts governorate governorates neighbourhood neighbourhoods
		neighborhood neighborhoods capital north south east west northwest northeast southwest southeast
		heartland border strip suburbs suburb camp camps enclave valley mountains port county island islands`)

// StateNouns are the nouns "in" takes without an article for a state or
// an institution one is in, not a place: "in hospital", "in custody",
// "in intensive care", "in total".
var StateNouns = NewSet(`hospital hospitals care custody detention prison jail hiding total public power office
		charge court exile mourning shock tears danger recovery response particular general addition fact time
		practice person force turn return part line order action vain advance theory principle private`)

// TimeNouns are nouns of spans of time: "in the first two days", "over
// the weekend".
var TimeNouns = NewSet(`day days week weeks weekend weekends month months year years hour hours minute minutes
		night nights morning mornings evening evenings afternoon afternoons decade decades period`)

// Demonyms are nationality, sect and region adjectives: "Syrian",
// "Alawite", "Kurdish". Capitalised, they start no place name: "in
// Israeli strikes".
var Demonyms = NewSet(`syrian iraqi iranian israeli lebanese jordanian egyptian turkish russian ukrainian chinese
		indian pakistani afghan yemeni libyan sudanese tunisian algerian moroccan saudi qatari kuwaiti emirati omani
		bahraini palestinian american british english french german italian spanish european african asian arab
		arabic kurdish kurd persian hebrew western eastern northern southern alawite shiite shia sunni druze muslim
		islamist jihadist jewish ottoman soviet somali ethiopian nigerian greek cypriot armenian japanese korean
		canadian mexican brazilian australian dutch swiss swedish norwegian polish belgian austrian christian`)

// FigureVerbs are verbs a question uses for who gave a figure, beside the
// speech and count verbs: "what toll did SOHR give", "how many sites did
// Reuters identify".
var FigureVerbs = NewSet(`give gave given giving put find found finds identify identified identifies attribute
		attributed attributes publish published publishes release released releases issue issued provide provided
		compile compiled list listed register registered verify verified puts`)

// ReportingVerb reports whether a lower-case word is a verb that reports
// speech or a figure, in any of its forms: "say", "told", "report",
// "estimate", "recorded", "count", "give", "identify".
func ReportingVerb(w string) bool {
	return SpeechVerb(w) || FigureVerbs[w] || inForms(CountVerbs, w)
}

// SpeechVerb reports whether a lower-case word is a speech verb
// (SpeechVerbs) in any of its forms, the base form included: "say",
// "tell", "claim", "accuse", "warning".
func SpeechVerb(w string) bool {
	return w != "according" && w != "citing" && inForms(SpeechVerbs, w)
}

// inForms reports whether w is a form of a verb the set holds in some of
// its forms: the base of "reports", "claimed", "accused", "stresses"; a
// present participle ("saying", "estimating").
func inForms(verbs Set, w string) bool {
	if stem, ok := strings.CutSuffix(w, "ing"); ok && len(stem) >= 3 {
		return baseIn(verbs, stem) || baseIn(verbs, stem+"e")
	}
	return baseIn(verbs, w)
}

// baseIn reports whether w is in verbs, or a base form whose -s, -es, -ed
// or -d form is.
func baseIn(verbs Set, w string) bool {
	if verbs[w] {
		return true
	}
	for _, suffix := range []string{"s", "es", "ed", "d"} {
		if verbs[w+suffix] {
			return true
		}
	}
	return false
}
