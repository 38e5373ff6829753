package extract

import (
	"slices"
	"testing"
)

// TestInstitutionOf reads the institution a role speaks for.
func TestInstitutionOf(t *testing.T) {
	for _, tt := range []struct{ role, want string }{
		{"the UN Human Rights Spokesperson", "UN Human Rights"},
		{"Interior Ministry spokesman", "Interior Ministry"},
		{"a spokesman for the Syrian Civil Defence", "Syrian Civil Defence"},
		{"the head of the Fourth Division", "Fourth Division"},
		{"WHO Director-General", "WHO"},
		{"chief of the Libyan Red Crescent", "Libyan Red Crescent"},
		{"The mayor of Nabatieh", "Nabatieh"},
		{"The Mayor of Abu Salim", "Abu Salim"},
		{"the governor of Latakia", "Latakia"},
		{"Defence Minister", ""},
		{"the new head of Syria’s intelligence services", ""},
		{"the director of the Syria and counterterrorism programs at the Middle East Institute", ""},
		{"the country’s interim president", ""},
		{"a senior fellow at the Middle East Institute", ""},
	} {
		if got := institutionOf(tt.role); got != tt.want {
			t.Errorf("institutionOf(%q) = %q, want %q", tt.role, got, tt.want)
		}
	}
}

// TestSpokespersonSpeaksForInstitution attributes a spokesperson's words
// to the institution too.
func TestSpokespersonSpeaksForInstitution(t *testing.T) {
	for _, tt := range []struct {
		paras []string
		want  []string
	}{
		{[]string{"The violence widened into sectarian clashes, Thameen Al-Kheetan, the UN Human Rights Spokesperson, said on Tuesday."},
			[]string{"Thameen Al-Kheetan", "UN Human Rights"}},
		{[]string{"Interior Ministry spokesman Noureddine al-Baba said 50 suspects had been detained."},
			[]string{"Noureddine al-Baba", "Interior Ministry"}},
		{[]string{"Tawfik Gargoum, the head of the Libyan Red Crescent, visited Derna.", "Gargoum said the toll was rising."},
			[]string{"Tawfik Gargoum", "Libyan Red Crescent"}},
		{[]string{"“Our forces have repelled every attempt,” a spokesman for the Syrian Democratic Forces, Farhad Shami, told AFP."},
			[]string{"Farhad Shami", "Syrian Democratic Forces"}},
		{[]string{"The mayor of Nabatieh, Abbas Wehbe, told L'Orient Today that the strike hit near a school."},
			[]string{"Abbas Wehbe", "Nabatieh"}},
		{[]string{"The Mayor of Abu Salim, Abdelrahman al-Hadi, said residents had begun returning."},
			[]string{"Abdelrahman al-Hadi", "Abu Salim"}},
		{[]string{"Al Jazeera’s Resul Serdar, reporting from Damascus, said the attacks had left the atmosphere extremely tense."},
			[]string{"Resul Serdar", "Al Jazeera"}},
		{[]string{"Amnesty International's Agnès Callamard said the killings must be investigated."},
			[]string{"Agnès Callamard", "Amnesty International"}},
		{[]string{"Charles Lister, a senior fellow at the Middle East Institute, said the attacks were planned."},
			[]string{"Charles Lister"}},
	} {
		a := testArticle(tt.paras...)
		if got := a.Paragraphs[len(a.Paragraphs)-1].Attribution; !slices.Equal(got, tt.want) {
			t.Errorf("%q: attribution %q, want %q", tt.paras, got, tt.want)
		}
	}
}
