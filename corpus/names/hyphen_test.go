package names

import "testing"

// TestSkeletonHyphenatedNames keeps every part of a hyphenated name that
// carries identity, drops only the particles, and gives the name the key of
// its unhyphenated spellings.
func TestSkeletonHyphenatedNames(t *testing.T) {
	for _, tt := range []struct{ hyphenated, plain string }{
		{"Al-Mukhtariyya", "Mukhtariyya"},
		{"al-Mukhtariya", "Mukhtariyya"},
		{"al-Sham", "Sham"},
		{"ash-Sham", "Sham"},
		{"Al-Kheetan", "Kheetan"},
		{"Al-Ghaith", "Ghaith"},
		{"al-Qusour", "Qusour"},
		{"Abd-al-Rahman", "Abdulrahman"},
	} {
		got, want := Skeleton(tt.hyphenated), Skeleton(tt.plain)
		if got == "" || got != want {
			t.Errorf("Skeleton(%q) = %q, want %q (the key of %q)", tt.hyphenated, got, want, tt.plain)
		}
	}
	// Two name parts joined by a hyphen are both kept.
	for _, tt := range []struct{ name, want string }{
		{"Kafr-Nabl", Skeleton("Kafr") + Skeleton("Nabl")},
		{"Beit-Yashout", Skeleton("Beit") + Skeleton("Yashout")},
	} {
		if got := Skeleton(tt.name); got != tt.want {
			t.Errorf("Skeleton(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Units compare a hyphenated name with its other spellings.
	for _, tt := range []struct{ a, b string }{
		{"Thameen Al-Kheetan", "Thameen al Kheetan"},
		{"Hayat Tahrir al-Sham", "Hayat Tahrir Al Sham"},
		{"Al-Mukhtariyya", "Mukhtariya"},
	} {
		if !Same(tt.a, tt.b) {
			t.Errorf("Same(%q, %q) = false (similarity %.2f)", tt.a, tt.b, Similarity(tt.a, tt.b))
		}
	}
}
