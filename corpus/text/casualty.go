package text

import "strings"

// The figure kinds casualty words map to: the values of corpus.KindKilled,
// corpus.KindWounded… (text imports nothing of the project).
const (
	killed    = "killed"
	wounded   = "wounded"
	missing   = "missing"
	displaced = "displaced"
	arrested  = "arrested"
	executed  = "executed"
	rescued   = "rescued"
)

// CasualtyKinds maps the words of casualty reporting, in any of their forms, to
// the figure kind they report. "casualties" is counted as killed: reporters
// mostly write it for deaths, and a question for the death toll should find
// it (the question side asks for killed and wounded on "casualties").
var CasualtyKinds = map[string]string{
	"killed": killed, "kill": killed, "kills": killed, "killing": killed, "killings": killed,
	"dead": killed, "died": killed, "die": killed, "dies": killed, "death": killed,
	"deaths": killed, "fatalities": killed, "fatality": killed, "slain": killed,
	"perished": killed, "casualties": killed, "casualty": killed, "toll": killed,
	"tolls": killed, "murdered": killed, "murder": killed, "murdering": killed,
	"massacred": killed, "massacre": killed, "slaughtered": killed, "victims": killed,
	"bodies": killed, "corpses": killed, "lives": killed, "dying": killed,
	"drowned": killed, "drowning": killed, "electrocuted": killed, "suffocated": killed,
	"executed": executed, "execute": executed, "executes": executed, "executing": executed,
	"execution": executed, "executions": executed,
	"wounded": wounded, "wound": wounded, "wounds": wounded, "wounding": wounded,
	"injured": wounded, "injure": wounded, "injures": wounded, "injuring": wounded,
	"injuries": wounded, "injury": wounded, "hurt": wounded, "hospitalised": wounded, "hospitalized": wounded,
	"missing": missing, "disappeared": missing, "unaccounted": missing, "abducted": missing,
	"abduct": missing, "abducting": missing, "abductions": missing, "kidnapped": missing,
	"kidnap": missing, "kidnapping": missing, "disappearance": missing,
	"displaced": displaced, "displace": displaced, "displacing": displaced, "displacement": displaced,
	"fled": displaced, "flee": displaced, "fleeing": displaced, "evacuated": displaced,
	"evacuate": displaced, "evacuating": displaced, "evacuation": displaced, "homeless": displaced,
	"uprooted": displaced, "refugees": displaced,
	"arrested": arrested, "arrest": arrested, "arrests": arrested, "arresting": arrested,
	"detained": arrested, "detain": arrested, "detaining": arrested, "detention": arrested,
	"detentions": arrested, "captured": arrested, "jailed": arrested, "imprisoned": arrested,
	"custody": arrested, "detainees": arrested,
	"rescued": rescued, "rescuing": rescued, "survivors": rescued,
}

// CasualtyPhrases are the multi-word casualty expressions.
var CasualtyPhrases = map[string]string{
	"death toll": killed, "casualty toll": killed, "lost their lives": killed, "lost lives": killed,
	"shot dead": killed, "killed in action": killed, "number of dead": killed, "number of deaths": killed,
	"summarily killed": executed, "summarily executed": executed, "summary executions": executed,
	"field executions": executed, "executed summarily": executed, "put to death": executed,
	"in hospital": wounded, "taken to hospital": wounded, "in intensive care": wounded,
	"taken into custody": arrested, "rounded up": arrested, "taken prisoner": arrested,
	"forced to flee": displaced, "forced from their homes": displaced, "left homeless": displaced,
	"went missing": missing, "unaccounted for": missing,
	"pulled out alive": rescued, "pulled alive": rescued, "brought out alive": rescued,
	"found alive": rescued,
}

// CasualtyKind maps a casualty word or phrase to the figure kind it asks
// for, or "" when it is none. Every form of a word maps:
//
//   - killed: killed, kill, killing(s), dead, died, die, death(s), death
//     toll, toll, fatalities, casualties (see below), slain, perished,
//     murdered, massacred, victims, bodies, corpses, lost their lives, shot dead
//   - executed: executed, execution(s), summarily killed, summary executions,
//     put to death
//   - wounded: wounded, injured, injuries, hurt, hospitalised, in hospital,
//     taken to hospital, in intensive care
//   - missing: missing, disappeared, unaccounted for, abducted, kidnapped
//   - displaced: displaced, fled, flee, evacuated, homeless, refugees,
//     forced to flee
//   - arrested: arrested, arrests, detained, detention(s), detainees,
//     captured, jailed, taken into custody
//   - rescued: rescued, survivors, pulled out alive, found alive
//
// "casualties" maps to killed: news reports mostly use it for deaths, and
// figures extracted from "1,500 casualties" are stored as killed. A
// question for the death toll ("death toll", "deaths", "fatalities",
// "casualties") therefore asks for killed figures, and should also accept
// executed ones, which are deaths too.
func CasualtyKind(word string) string {
	w := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(word, "’", "'"))), " ")
	w = strings.Trim(w, ".,;:!?\"'()")
	if k, ok := CasualtyPhrases[w]; ok {
		return k
	}
	if k, ok := CasualtyKinds[w]; ok {
		return k
	}
	// A phrase ending in a casualty word: "the latest death toll",
	// "civilian deaths".
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		if k, ok := CasualtyPhrases[w[strings.LastIndexByte(w[:i], ' ')+1:]]; ok {
			return k
		}
		return CasualtyKinds[w[i+1:]]
	}
	return ""
}
