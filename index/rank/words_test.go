package rank

import "testing"

func TestSameRoot(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"libyan", "libya", true}, {"lebanese", "lebanon", true}, {"iraqi", "iraq", true},
		{"palestinian", "palestine", true}, {"afghan", "afghanistan", true}, {"health", "health", true},
		{"interior", "international", false}, {"syria", "sudan", false}, {"iran", "iraq", false},
	} {
		if got := sameRoot(tt.a, tt.b); got != tt.want {
			t.Errorf("sameRoot(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestContainsWords(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"the un said", "un", true},
		{"unsaid words", "un", false},
		{"a fun day", "un", false},
		{"café un", "un", true},
		{"caféun", "un", false}, // a letter written in two bytes joins the word
		{"unécole", "un", false},
		{"(un)", "un", true},
		{"un", "un", true},
		{"", "un", false},
		{"anything", "", false},
		{"fun un", "un", true}, // the second occurrence stands alone
	}
	for _, tt := range tests {
		if got := containsWords(tt.text, tt.phrase); got != tt.want {
			t.Errorf("containsWords(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}

func TestSpeaksIn(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"The UN human rights office said 40 people died.", "UN human rights office", true},
		{"According to the observatory, 40 people died.", "observatory", true},
		{"The observatory's report was late.", "observatory", false},
		{"Anti-observatory groups said nothing.", "observatory", false},
		{"L'observatoire said so; the observatory said it too.", "observatory", true},
		{"é-observatory said", "observatory", true},
		{"xobservatory said", "observatory", false},
		{"The UN said", "UN", false}, // names shorter than three letters are not looked for
	}
	for _, tt := range tests {
		if got := speaksIn(tt.text, tt.name); got != tt.want {
			t.Errorf("speaksIn(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
