package question_test

import (
	"slices"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/question"
)

// TestPlace: a place is a name or a common noun of places, never a
// month, weekday, state or topic phrase; the words before it are topic.
func TestPlace(t *testing.T) {
	tests := []struct {
		in, place string
		topic     []string // words Topic must hold, when not nil
	}{
		{"how many security personnel were killed in the first ambushes near Jableh", "jableh", []string{"ambushes"}},
		{"how many soldiers died near Jableh in the first ambushes", "jableh", []string{"ambushes"}},
		{"death toll in the first attacks around Baniyas", "baniyas", nil},
		{"how many people were killed in Latakia province alone in the first two days", "latakia province", nil},
		{"how many were killed in rural Latakia", "latakia", nil},
		{"death toll in the Aleppo earthquake", "aleppo", []string{"earthquake"}},
		{"how many people died in the coastal region", "coastal region", nil},
		{"how many died in March in Tartus", "tartus", nil},
		{"how many people died in India's 2015 heatwave", "india", []string{"heatwave"}},
		{"how many corpses could be seen in the footage from Al-Mukhtariyya", "al-mukhtariyya", nil},
		{"how many were wounded in the strike on Kfar Haloun", "kfar haloun", []string{"strike"}},
		// Typed in lower case: a short bare phrase is a place.
		{"how many people were displaced in derna", "derna", nil},
		{"how many killed in derna according to AP on wednesday", "derna", nil},
		{"how many dead in derna did the red crescent report monday", "derna", nil},
		// No place: a month, a weekday, a topic phrase, a state, an adjective, a name going on.
		{"what death toll did SOHR give when Amnesty published its report in April", "", nil},
		{"how many people were killed in April", "", nil},
		{"toll in the observatory's Monday count", "", nil},
		{"how many died on Monday in the observatory's count", "", nil},
		{"how many Alawite civilians have died in the coastal escalation", "", []string{"coastal", "escalation"}},
		{"how many injured are still in hospital now", "", nil},
		{"how many people were hurt in the collision", "", []string{"collision"}},
		{"how many civilians were killed in Israeli strikes", "", nil},
		{"how many died in the unified attack on the General Security Service", "", nil},
		{"when was the Military Council for the Liberation of Syria formed", "", nil},
		{"fire service death toll at 6.20am wednesday", "", nil},
		{"how many injured were still in hospital in mid november", "", nil},
		{"how many were killed in early march", "", nil},
		{"how many died in late Sunday clashes near Jableh", "jableh", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Place != tt.place {
				t.Errorf("place = %q, want %q (%+v)", q.Place, tt.place, q)
			}
			for _, w := range tt.topic {
				if !slices.Contains(q.Topic, w) {
					t.Errorf("topic = %q, want %q in it", q.Topic, w)
				}
			}
		})
	}
}

// TestSource: a source follows "according to", a reporting verb and
// "by", or is the subject of a reporting verb, and ends at its clause; a
// bare "by" is an agent or a breakdown unless an organisation follows a
// figure noun.
func TestSource(t *testing.T) {
	tests := []struct{ in, source string }{
		{"civilian death toll by province according to SOHR", "sohr"},
		{"according to SOHR, what is the civilian death toll by province", "sohr"},
		{"casualties according to SNHR", "snhr"},
		{"how many civilians did government forces execute according to the Syrian Network for Human Rights", "syrian network for human rights"},
		{"how many civilians did government forces execute according to the syrian network for human rights", "syrian network for human rights"},
		{"according to the government, how many security personnel died in the loyalist rebellion", "government"},
		{"how many killed in derna according to AP on wednesday", "ap"},
		{"how many still missing according to the latest un report", "un report"},
		{"death toll reported by LANA", "lana"},
		{"death toll as reported by the observatory", "observatory"},
		{"death toll from the eastern interior ministry reported by LANA", "lana"},
		{"the toll from the interior ministry", "interior ministry"},
		{"what death toll did SOHR give when Amnesty published its report in April", "sohr"},
		{"how many Alawite civilians did the monitor say died on Tuesday", "monitor"},
		{"how many dead in derna did the red crescent report monday", "red crescent"},
		{"how many people had SNHR recorded killed as of 17 March", "snhr"},
		{"total number of people SNHR recorded killed since the fighting began", "snhr"},
		{"how many Alawites did the Reuters investigation find were killed", "reuters"},
		{"how many dead saturday night per al jazeera", "al jazeera"},
		{"death toll per the health ministry", "health ministry"},
		{"how many killed per Reuters on Sunday", "reuters"},
		// No source: an agent, a breakdown, a cause.
		{"how many people were displaced by the Harasta battles", ""},
		{"how many civilians were killed by government forces", ""},
		{"death toll by province", ""},
		{"the toll from the earthquake", ""},
		{"how many bodies had been found by tuesday", ""},
		{"how many deaths per day", ""},
		{"deaths per capita in the region", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if q := question.Parse(tt.in); q.Source != tt.source {
				t.Errorf("source = %q, want %q (%+v)", q.Source, tt.source, q)
			}
		})
	}
}

// TestTimeIsNoTopic: a phrase of time is neither place nor topic.
func TestTimeIsNoTopic(t *testing.T) {
	for _, in := range []string{
		"how many people were killed in Latakia in the first two days",
		"how many people were killed during the first 48 hours in Latakia",
		"how many people were killed in Latakia over the weekend",
	} {
		q := question.Parse(in)
		if q.Place != "latakia" || len(q.Topic) > 0 {
			t.Errorf("Parse(%q): place %q topic %q, want latakia and no topic", in, q.Place, q.Topic)
		}
	}
}

// TestReportedOnDate: "what was X reported on DATE" is a figure question
// with a date, not what X said.
func TestReportedOnDate(t *testing.T) {
	tests := []struct {
		in     string
		intent corpus.Intent
		on     corpus.Day
	}{
		{"what was the civilian death toll reported on March 12", corpus.IntentFigure, corpus.Day{Month: time.March, Day: 12}},
		{"what was the death toll reported on 12 March", corpus.IntentFigure, corpus.Day{Month: time.March, Day: 12}},
		{"what were the casualty figures reported on March 12, 2025", corpus.IntentFigure, corpus.Day{Year: 2025, Month: time.March, Day: 12}},
		{"what was the first death toll reported on tuesday night", corpus.IntentFigure, corpus.Day{}},
		// Active: the subject speaks.
		{"what did Reuters report on 9 March 2025", corpus.IntentSaid, corpus.Day{Year: 2025, Month: time.March, Day: 9}},
		{"what is the observatory saying about the toll", corpus.IntentSaid, corpus.Day{}},
		{"what has the ministry reported", corpus.IntentSaid, corpus.Day{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Intent != tt.intent || q.On != tt.on {
				t.Errorf("intent %s on %+v, want %s on %+v (%+v)", q.Intent, q.On, tt.intent, tt.on, q)
			}
			if tt.intent == corpus.IntentFigure && !slices.Contains(q.Kinds, "killed") {
				t.Errorf("kinds = %q, want killed", q.Kinds)
			}
		})
	}
}

// TestSaidTopic: a said question's topic is any content after the
// speech verb and its object but an outlet told, a noun of the saying
// and a date; a place after the speaker stays in the speaker's
// description and is the question's place.
func TestSaidTopic(t *testing.T) {
	tests := []struct {
		in, subject string
		topic       []string
		place       string
	}{
		{"what did Sharaa tell his forces about ethics", "sharaa", []string{"forces", "ethics"}, ""},
		{"what did Sharaa tell the troops regarding ethics", "sharaa", []string{"troops", "ethics"}, ""},
		{"what did Charles Lister say about the coordination of the attacks", "charles lister", []string{"coordination", "attacks"}, ""},
		{"what did Rami Makhlouf say to Dalla", "rami makhlouf", []string{"dalla"}, ""},
		{"what did taalas say could have been avoided", "taalas", []string{"avoided"}, ""},
		{"what did the telecom company say caused the blackout", "the telecom company", []string{"caused", "blackout"}, ""},
		{"what did a protester in athens tell afp", "a protester in athens", []string{"afp"}, "athens"},
		{"what did the aid worker from Benghazi say about the bodies", "the aid worker from benghazi", []string{"bodies"}, "benghazi"},
		{"what did Rami Abdurrahman tell the AP", "rami abdurrahman", nil, ""},
		{"what did an eyewitness tell Amnesty about bodies in Banias", "an eyewitness", []string{"bodies", "banias"}, "banias"},
		{"what did al-Sharaa say in his televised speech on Sunday", "al-sharaa", []string{"televised"}, ""},
		{"quotes from Charles Lister about the attacks", "charles lister", []string{"attacks"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Intent != corpus.IntentSaid || q.Subject != tt.subject {
				t.Fatalf("intent %s subject %q, want said %q", q.Intent, q.Subject, tt.subject)
			}
			if !slices.Equal(q.Topic, tt.topic) {
				t.Errorf("topic = %q, want %q", q.Topic, tt.topic)
			}
			if q.Place != tt.place {
				t.Errorf("place = %q, want %q", q.Place, tt.place)
			}
		})
	}
}

// TestHowMany: "how many N" counts N; it asks for casualty figures only
// when N is a casualty noun or the main clause says N were killed,
// wounded…
func TestHowMany(t *testing.T) {
	tests := []struct {
		in, counted string
		kinds       []string // nil: no figure question
	}{
		{"how many witnesses did Amnesty interview about the coastal killings", "witnesses", nil},
		{"how many witnesses did Amnesty speak to about the deaths", "witnesses", nil},
		{"how many sites of revenge killings did Reuters identify", "sites", nil},
		{"how many homes were destroyed", "homes", nil},
		{"how many homes were destroyed in the killings", "homes", nil},
		{"how many Islamic State suspects are held in the northeast prisons", "suspects", nil},
		{"how many fighters did the militia recruit", "fighters", nil},
		{"how many bodies were found in Banias", "bodies", []string{"killed"}},
		{"how many corpses could be seen in the footage", "corpses", nil},
		{"how many bodies had the coroner received", "bodies", []string{"killed"}},
		{"how many fighters were killed", "fighters", []string{"killed"}},
		{"how many government staff reportedly died in the attack", "staff", []string{"killed"}},
		{"how many Alawites did the Reuters investigation find were killed", "alawites", []string{"killed"}},
		{"how many Alawite civilians have died in the coastal escalation", "civilians", []string{"killed"}},
		{"how many civilian deaths", "deaths", []string{"killed"}},
		{"how many injured are still in hospital", "injured", []string{"wounded"}},
		{"how many civilians in total", "civilians", []string{"killed"}},
		{"how many were arrested", "", []string{"arrested"}},
		// "rescue" modifies workers: a word, not "rescued" misspelt.
		{"how many rescue workers did britain send", "workers", nil},
		{"how many people were rescued", "people", []string{"rescued"}},
		// The verb after the noun ends it: patients are counted.
		{"how many patients escaped in Kassala", "patients", nil},
		{"how many armed men attacked the convoy", "men", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Counted != tt.counted {
				t.Errorf("counted = %q, want %q", q.Counted, tt.counted)
			}
			if tt.kinds == nil {
				if q.Intent == corpus.IntentFigure || len(q.Kinds) > 0 {
					t.Errorf("intent %s kinds %q, want no figure question", q.Intent, q.Kinds)
				}
				return
			}
			if q.Intent != corpus.IntentFigure || !slices.Equal(q.Kinds, tt.kinds) {
				t.Errorf("intent %s kinds %q, want figure %q", q.Intent, q.Kinds, tt.kinds)
			}
		})
	}
}

// TestNumber: a count typed in the question is kept, not a year, a day,
// a single digit or part of a hyphenated word.
func TestNumber(t *testing.T) {
	tests := []struct {
		in     string
		number int
	}{
		{"syrian obervatory human rigths toll 1225", 1225},
		{"toll 1225 according to SOHR", 1225},
		{"what did the libyan red crescent say about the 11,300 figure", 11300},
		{"where does the 1,300 figure come from", 1300},
		{"how many of the 2000 residents were rescued", 2000},
		{"how many people died in 2015", 0},
		{"who was the 25-year-old victim", 0},
		{"what goals did the Military Council's Statement No. 1 announce", 0},
		{"how many died on March 12", 0},
		{"how many people had SNHR recorded killed as of 17 March", 0},
		{"who is Ghiath Dallah", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := question.Parse(tt.in)
			if q.Number != tt.number {
				t.Errorf("number = %d, want %d", q.Number, tt.number)
			}
			for _, w := range q.Topic {
				if tt.number != 0 && (w == "1225" || w == "11" || w == "300") {
					t.Errorf("topic %q keeps the typed count", q.Topic)
				}
			}
		})
	}
}
