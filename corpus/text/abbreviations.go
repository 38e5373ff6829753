package text

// Abbreviations are the words written with a dot that does not end a
// sentence: "Mr.", "Gen.", "Inc.", "Sept.". The one list the sentence
// splitter and extraction use.
var Abbreviations = NewSet(`mr mrs ms dr gen col lt maj capt sgt cpl pvt brig adm cmdr prof rev sen rep gov pres
	mme mlle st jr sr mt ft hon insp supt no nos vs etc approx est dept fig inc ltd co corp jan feb mar apr jun jul
	aug sep sept oct nov dec`)

// SentenceOpeners are words that open sentences and seldom continue a
// name: after "U.S." a capitalised one of them starts a new sentence.
var SentenceOpeners = NewSet(`the a an but and or so yet nor on in at for of by with from to as if when while
	after before since until although though however meanwhile also still then now today yesterday tomorrow earlier
	later last next this that these those there here it its he she they we i you his her their our my your most many
	some several few all both each every any no not such other others another among about over under more less much
	what who whom whose which where why how despite during amid following according without within across around
	near inside outside against between through throughout into once just only even instead indeed thus therefore
	further furthermore moreover overall asked speaking separately elsewhere unlike like because whether up down off
	out nearly almost approximately roughly please yes hence again already perhaps maybe one two three four five six
	seven eight nine ten dozens hundreds thousands first second third finally eventually initially subsequently`)
