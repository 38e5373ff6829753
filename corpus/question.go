package corpus

// Intent is what kind of question was asked.
type Intent string

// Intents.
const (
	IntentWho    Intent = "who"    // who is X
	IntentFigure Intent = "figure" // death tolls and other counts
	IntentSaid   Intent = "said"   // what did X say
	IntentSearch Intent = "search" // anything else
)
