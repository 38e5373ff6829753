package extract

import (
	"github.com/newsdesk/newsdesk/corpus/text"
)

// The vocabulary of figure extraction.

var (
	unitWords = map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	tensWords = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	scaleWords = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}
	// vagueNumbers are number words with a conventional value.
	vagueNumbers = map[string]int{
		"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2000000,
	}

	// qualifierPhrases are the qualifiers written before a number, longest first
	// within the same first word, with their normal form.
	qualifierPhrases = []struct {
		words []string
		norm  string
	}{
		{[]string{"no", "fewer", "than"}, "no fewer than"},
		{[]string{"no", "less", "than"}, "no less than"},
		{[]string{"in", "excess", "of"}, "more than"},
		{[]string{"slightly", "more", "than"}, "more than"},
		{[]string{"a", "little", "over"}, "over"},
		{[]string{"as", "many", "as"}, "as many as"},
		{[]string{"a", "minimum", "of"}, "at least"},
		{[]string{"a", "maximum", "of"}, "up to"},
		{[]string{"more", "than"}, "more than"},
		{[]string{"more", "then"}, "more than"},
		{[]string{"fewer", "than"}, "fewer than"},
		{[]string{"less", "than"}, "fewer than"},
		{[]string{"less", "then"}, "fewer than"},
		{[]string{"at", "least"}, "at least"},
		{[]string{"at", "most"}, "at most"},
		{[]string{"up", "to"}, "up to"},
		{[]string{"close", "to"}, "nearly"},
		{[]string{"upwards", "of"}, "more than"},
		{[]string{"an", "estimated"}, "an estimated"},
		{[]string{"just", "over"}, "over"},
		{[]string{"well", "over"}, "over"},
		{[]string{"just", "under"}, "under"},
		{[]string{"over"}, "over"},
		{[]string{"above"}, "more than"},
		{[]string{"nearly"}, "nearly"},
		{[]string{"almost"}, "almost"},
		{[]string{"some"}, "some"},
		{[]string{"about"}, "about"},
		{[]string{"around"}, "around"},
		{[]string{"roughly"}, "roughly"},
		{[]string{"approximately"}, "approximately"},
		{[]string{"approx"}, "approximately"},
		{[]string{"estimated"}, "an estimated"},
		{[]string{"under"}, "under"},
		{[]string{"nigh"}, "nearly"},
	}

	// peopleNouns are nouns that count people.
	peopleNouns = text.NewSet("people persons person individuals civilians civilian children child kids babies infants " +
		"minors teenagers teens boys girls women woman men man soldiers soldier troops forces fighters fighter " +
		"militants militant combatants insurgents rebels gunmen gunman militiamen jihadists loyalists members " +
		"member personnel officers officer policemen police guards guard protesters protestors demonstrators " +
		"residents villagers inhabitants citizens nationals refugees migrants journalists reporters " +
		"workers doctors nurses medics paramedics patients students pupils teachers worshippers worshipers " +
		"pilgrims passengers prisoners detainees inmates hostages captives victims relatives families staff " +
		"employees officials volunteers farmers fishermen shepherds tourists recruits conscripts servicemen " +
		"sailors airmen marines commanders leaders suspects opponents supporters activists elderly others " +
		"adults youths defectors deserters mercenaries attackers assailants bystanders " +
		"peacekeepers contractors firefighters rescuers aid volunteers worshippers clerics priests monks " +
		"settlers shoppers pedestrians motorists drivers crew crewmembers pensioners believers persons")

	// personSuffixes mark plural nouns of people not in the list.
	personSuffixes = []string{"ians", "ists", "ites", "ists'", "men"}

	// thingNouns are things, never people: a number counting them is no
	// casualty figure.
	thingNouns = text.NewSet("drones tanks vehicles cars trucks villages towns cities homes houses buildings rockets " +
		"missiles shells bombs mortars weapons rifles guns aircraft jets planes helicopters provinces districts " +
		"countries checkpoints positions sites schools hospitals mosques churches shops stores bridges roads " +
		"miles kilometres kilometers meters metres acres tons tonnes dollars euros pounds liras lira points " +
		"votes seats cases incidents attacks strikes raids airstrikes clashes violations reports statements " +
		"videos images photos documents files pages articles tweets posts hours minutes seconds")

	// phraseStops are words that end a noun phrase: verbs of being and having,
	// prepositions, conjunctions, determiners and adverbs.
	phraseStops = text.NewSet("and or but nor were was are is am be been being have has had having will would could " +
		"should may might must can shall do does did remain remained remains in on at across near inside " +
		"outside during after before since from to by for of over with including among as so more others " +
		"other last this that these those overnight yesterday today tonight when while who whom whose which " +
		"where reportedly also all both each according amid than then there the a an its their his her our " +
		"your my it they he she we you them him us not never no only just about around still now already " +
		"in into onto upon toward towards against between within without through throughout under below " +
		"above because though although if whether whereas until unless")

	// aux are the words allowed between a counted noun phrase and its
	// casualty verb: "1,300 people have reportedly been killed".
	aux = text.NewSet("have has had been being be were was are is will would may might could should must " +
		"reportedly reported allegedly also now so far since already all both confirmed believed thought " +
		"feared said to later subsequently still apparently initially then just mostly mainly who that " +
		"themselves previously likely presumed known either originally officially recently listed registered " +
		"estimated understood considered declared pronounced found left either each altogether together " +
		"overall total remain remained remains")

	// links are the words that link a toll to its number: "the death toll
	// has risen on Sunday to", "a toll of", "put the toll at".
	links = text.Union(text.NewSet("rose risen rise rises rising climbed climb climbs climbing reached reach reaches reaching hit "+
		"hits stood stands stand standing is was has had have now at to of increased increase increases jumped "+
		"soared passed surpassed exceeded topped neared nears approached grew grown numbered numbers totalled "+
		"totaled totals total further sharply already since on by overnight been mounted officially so far then "+
		"again bringing brought raising raised taking took pushing pushed updated revised its their overall "+
		"official latest new final stand stood yesterday today the a reportedly climbed jumped reaching higher "+
		"lower even still as current"), text.Weekdays)

	// changeWords say that a figure changed: "rose from 11 to 27".
	changeWords = text.NewSet("rose risen rise rises rising climbed climb climbs climbing increased increase increases " +
		"jumped jump soared grew grown up revised raised")

	// comparatives compare a toll with another: "puts the toll higher,
	// at 35".
	comparatives = text.NewSet("higher lower")

	// tollNouns name a tally of casualties: "death toll", "tally", "civilian
	// deaths stands at 658".
	tollNouns = text.NewSet("toll tolls tally count deaths fatalities")

	// transitive are casualty verbs whose object is the count: "killing
	// 12 people", "wounded 14", "detained dozens".
	transitive = text.NewSet("kill kills killed killing wound wounds wounded wounding injure injures injured injuring " +
		"rescue rescues rescued rescuing " +
		"arrest arrests arrested arresting detain detains detained detaining execute executes executed " +
		"executing displace displaces displaced displacing evacuate evacuates evacuated evacuating abduct " +
		"abducts abducted abducting kidnap kidnaps kidnapped kidnapping capture captures captured capturing " +
		"murder murders murdered murdering massacre massacred massacring slaughter slaughtered slaughtering " +
		"claimed")

	// ofNouns take the count after "of": "the deaths of 50 people".
	ofNouns = text.NewSet("deaths death killing killings lives bodies execution executions arrest arrests detention " +
		"detentions displacement evacuation abduction abductions disappearance disappearances massacre " +
		"murder murders")

	// subsetBefore introduce a part of a count given before: "of whom",
	// "including".
	subsetBefore = [][]string{
		{"of", "whom"}, {"of", "them"}, {"of", "those"}, {"of", "which"}, {"among", "them"}, {"among", "whom"},
		{"among", "those"}, {"including"}, {"included"}, {"includes"}, {"include"},
	}

	// unitsAfter are words after a number that make it no count of
	// people: durations, percentages, distances, money, times.
	unitsAfter = text.NewSet("percent per % years year months month weeks week days day hours hour minutes minute " +
		"seconds decades decade centuries century km kilometres kilometers kilometre kilometer miles mile " +
		"metres meters metre meter feet foot yards kg kilograms tons tonnes times am pm a.m p.m gmt utc " +
		"dollars dollar euros euro pounds pound lira liras usd bn b mn m st nd rd th-century degrees " +
		"o'clock x")

	// labelWords are words before a number that make it a label: "Resolution
	// 2254", "Route 5".
	labelWords = text.NewSet("article resolution no no. number page route highway chapter section flight room unit " +
		"brigade division battalion regiment squad phase level grade class category cell block building gate " +
		"floor row platform term version season episode part volume act paragraph item aged age ages " +
		"$ £ € us$ usd eur gbp")

	// tollVerbs attribute a toll to their subject: "X put the toll at".
	tollVerbs = text.NewSet("put puts gave gives released releases published publishes issued")

	// pronouns stand for a source named before.
	pronouns = text.NewSet("it he she they we which who i")

	// placeIntroducers introduce a place.
	placeIntroducers = text.NewSet("in across near outside inside throughout around")

	// geoNouns are common nouns of places: "the coastal region".
	geoNouns = text.NewSet("region regions province provinces coast coastline countryside city cities town towns " +
		"village villages area areas district districts governorate governorates neighbourhood neighborhoods " +
		"neighborhood neighbourhoods capital north south east west northwest northeast southwest southeast " +
		"heartland border strip suburbs suburb camp camps enclave valley mountains port")

	// genericHeads are nouns that stand for a source named before: "the
	// monitor said" after "the Syrian Observatory, a war monitor".
	genericHeads = text.NewSet("monitor group organisation organization watchdog network observatory body agency ngo " +
		"charity institute center centre monitoring")
)

// orgWord reports whether a lower-case word marks a capitalised name as
// an organisation, not a place or people: the head of an organisation's
// name ("observatory", "ministry"), a title ("President", "Mr"), or a name
// the lists know as an organisation ("Reuters", "Amnesty").
func orgWord(w string) bool {
	return text.OrgHeads[w] || titleWord(w) || w == "amnesty" || w == "reuters"
}

// titleWord reports whether a lower-case word is a title dropped from a
// source's name: "Mr", "Gen", "President", "Prime Minister". Other titles
// ("Chief District Officer") are kept: they say who the source is.
func titleWord(w string) bool {
	switch w {
	case "president", "prime", "minister", "sheikh":
		return true
	}
	return text.TitleAbbreviations[w]
}
