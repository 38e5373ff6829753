package names

import (
	"fmt"
	"math"
	"testing"

	"github.com/adrg/strutil/metrics"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
)

func TestSkeletonSpellingsShareKey(t *testing.T) {
	groups := [][]string{
		{"Ghiath", "Gaith", "Ghaith", "Ghiyath", "Ghyath", "ghiyat", "GHIATH"},
		{"Dallah", "Dalah", "Dalla", "dala", "Dallah's", "Dalla’s"},
		{"Shara", "Sharaa", "Charaa", "al-Sharaa", "al-Shara", "Al-Shara", "ash-Shara", "el-Sharaa", "al-Shara’s"},
		{"Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"},
		{"Hussein", "Husayn", "Hussain", "Hossein"},
		{"Qasim", "Kassem", "Qassem", "Kasim", "Qaasim"},
		{"Suhail", "Suheil", "Suhayl"},
		{"Hassan", "Hasan", "Ḥasan", "al-Hassan", "el-Hasan"},
		{"Saʿid", "Sa'id", "Sa’id", "Said", "Saeed", "Saïd"},
		{"Yusuf", "Youssef", "Yousef", "Yussef"},
		{"Abdulrahman", "Abd-al-Rahman", "Abdelrahman", "Abdel-Rahman"},
		{"Abdullah", "Abdallah", "Abdulla"},
		{"Khaled", "Khalid", "Khaleed"},
		{"Omar", "Umar", "Omer"},
		{"Ali", "Aly", "Alī"},
		{"Assad", "Asad", "al-Assad"},
		{"Nasrallah", "Nasralla"},
		{"Hezbollah", "Hizballah", "Hizbollah", "Hizbullah"},
		{"Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Qadhafi"},
		{"Mustafa", "Moustafa", "Mostafa"},
		{"Sharif", "Cherif", "Chérif"},
		{"Tariq", "Tarek", "Tareq"},
		{"Leila", "Layla", "Laila"},
		{"Zor", "ez-Zor"},
	}
	for _, g := range groups {
		want := Skeleton(g[0])
		if want == "" {
			t.Errorf("Skeleton(%q) is empty", g[0])
		}
		for _, w := range g[1:] {
			if got := Skeleton(w); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
	}
}

func TestSkeletonKeepsDifferentNamesApart(t *testing.T) {
	pairs := [][2]string{
		{"Dallah", "Dallas"}, {"Dalah", "Dalal"}, {"Shara", "Sara"}, {"Assad", "Shara"},
		{"Bashar", "Maher"}, {"Kamal", "Jamal"}, {"Hassan", "Hossam"}, {"Nasser", "Nasrallah"},
		{"Lister", "Khattab"}, {"Syria", "Syrian"},
	}
	for _, p := range pairs {
		if Skeleton(p[0]) == Skeleton(p[1]) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q", p[0], p[1], Skeleton(p[0]))
		}
	}
}

func TestSkeletonParticles(t *testing.T) {
	for _, w := range []string{"al", "Al", "el", "EL", "bin", "ibn", "bint", "ul", "", "-", "’", "a", "e"} {
		if got := Skeleton(w); got != "" {
			t.Errorf("Skeleton(%q) = %q, want empty", w, got)
		}
	}
	// Abu and Abd are parts of names, not particles.
	for _, w := range []string{"Abu", "Abd", "Abdel"} {
		if Skeleton(w) == "" {
			t.Errorf("Skeleton(%q) is empty; it is part of a name", w)
		}
	}
	// Non-Latin letters are kept.
	if got := Skeleton("دلة"); got == "" {
		t.Errorf("Skeleton of an Arabic word is empty")
	}
}

func TestSimilarity(t *testing.T) {
	same := [][2]string{
		{"Ghiath Dallah", "Gaith Dalah"}, {"Gaith Dalah", "Ghaith Dalla"}, {"Ghiyath Dalla", "Gaith Dalah"},
		{"Ghyath Dallah", "Gaith Dalah"}, {"ghiyat dala", "Gaith Dalah"}, {"Ahmed al-Shara", "Ahmad al-Sharaa"},
		{"Ahmed al-Shara", "Ahmed Charaa"}, {"Ahmed al-Shara", "Ahmed Al Sharaa"}, {"Mohammed", "Muhammad"},
		{"Mohamed Hassan", "Muhammad al-Hasan"}, {"Hussein", "Husayn"}, {"Hussain Qassem", "Hussein Kassem"},
		{"Qasim", "Qassem"}, {"Suhail al-Hassan", "Suheil al-Hasan"}, {"Suhayl", "Suhail"}, {"Hassan", "Ḥasan"},
		{"Saʿid", "Sa'id"}, {"Yusuf Haddad", "Youssef Haddad"}, {"Yousef", "Yusuf"}, {"Pedro Sanches", "Pedro Sánchez"}, {"Lopes", "López"},
		{"Abdulrahman", "Abdel Rahman"}, {"Abd al-Rahman", "Abdulrahman"}, {"Rami Abdulrahman", "Rami Abdel Rahman"},
		{"Khaled Mansour", "Khalid Mansur"}, {"Omar Saleh", "Umar Salih"}, {"Ali", "Aly"}, {"Assad", "Asad"},
		{"Hassan Nasrallah", "Hasan Nasralla"}, {"Nasrallah", "Nasr Allah"}, {"Hezbollah", "Hizballah"},
		{"Mr. al-Shara", "al-Sharaa"}, {"Dr. Leila Khoury", "Layla Khouri"}, {"President Bashar al-Assad", "Bashar al-Asad"},
		{"Tariq Aziz", "Tarek Azeez"}, {"Moammar Gadhafi", "Muammar Qaddafi"}, {"Ahmed Hussein al-Shara", "Ahmed al-Shara"},
		{"SNHR", "Syrian Network for Human Rights"}, {"Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights"},
		{"Terungwa Iorlian", "Terungwa Iorliam"},           // a typo: a letter that sounds alike
		{"George Kurz", "George Kurtz"}, {"Kurz", "Kurtz"}, // a typo: a letter left out inside
	}
	for _, p := range same {
		s := Similarity(p[0], p[1])
		if s < Threshold || !Same(p[0], p[1]) {
			t.Errorf("Similarity(%q, %q) = %.3f, want ≥ %.2f", p[0], p[1], s, Threshold)
		}
		if r := Similarity(p[1], p[0]); math.Abs(r-s) > 1e-9 {
			t.Errorf("Similarity not symmetric on %q, %q: %.3f vs %.3f", p[0], p[1], s, r)
		}
	}
	different := [][2]string{
		{"Dallas", "Dallah"}, {"Dalal", "Dalah"}, {"Gaith Dallas", "Gaith Dalah"}, {"Bashar al-Assad", "Maher al-Assad"},
		{"Hassan", "Hussein"}, {"Hasan Nasrallah", "Hussein Nasrallah"}, {"Ahmed al-Shara", "Ahmed al-Assad"},
		{"Mahmoud", "Mohammed"}, {"Shara", "Ahmed al-Shara"}, {"Jamal", "Gamal"}, {"Kamal", "Jamal"},
		{"Charles Lister", "Charles Lyster Smith"}, {"Anas Khattab", "Anas Khalil"}, {"Syria", "Syrian"},
		{"Syrian Observatory for Human Rights", "Syrian Network for Human Rights"}, {"Human Rights Watch", "Syrian Observatory for Human Rights"},
		{"SOHR", "Syrian Network for Human Rights"}, {"", "Gaith Dalah"}, {"Omar", "Ammar"},
		{"Rami Abdulrahman", "Rami Makhlouf"}, {"Hezbollah", "Hamas"}, {"Terungwa Iorliam", "Terungwa Iorliat"},
		{"Kurt", "Kurtz"}, {"Musk", "Mus"}, {"Zaid", "Said"},
	}
	for _, p := range different {
		if s := Similarity(p[0], p[1]); s >= Threshold || Same(p[0], p[1]) {
			t.Errorf("Similarity(%q, %q) = %.3f, want < %.2f", p[0], p[1], s, Threshold)
		}
	}
}

func TestMatchPartialNames(t *testing.T) {
	tests := []struct {
		query, name string
		match       bool
	}{
		{"Dallah", "Gaith Dalah", true},
		{"al-Shara", "Ahmed al-Shara", true},
		{"Mr. al-Sharaa", "Ahmed al-Shara", true},
		{"Lister", "Charles Lister", true},
		{"ghiyat dala", "Gaith Dalah", true},
		{"Ghiath Dallah", "Gaith Dalah", true},
		{"Abdel Rahman", "Rami Abdulrahman", true},
		{"Assad", "Bashar al-Assad", true},
		{"Gen. Qassem", "Naim Qassem", true},
		{"SOHR", "Syrian Observatory for Human Rights", true},
		{"observatory", "Syrian Observatory for Human Rights", true},
		{"Dallas", "Gaith Dalah", false},
		{"Dalal", "Gaith Dalah", false},
		{"Bashar al-Assad", "Maher al-Assad", false},
		{"Maher al-Assad", "Bashar al-Assad", false},
		{"Ghiath Dallah", "Dalah", false}, // the name is shorter than the query
		{"Hussein", "Ahmed Hassan", false},
		{"Khattab", "Charles Lister", false},
		{"Ahmed al-Shara", "Ahmed al-Assad", false},
		{"", "Charles Lister", false},
	}
	for _, tt := range tests {
		s := Match(tt.query, tt.name)
		if (s >= Threshold) != tt.match {
			t.Errorf("Match(%q, %q) = %.3f, want match=%v", tt.query, tt.name, s, tt.match)
		}
	}
	// A family name is a better partial match than a first name.
	if Match("Ahmed", "Ahmed al-Shara") >= Match("al-Shara", "Ahmed al-Shara") {
		t.Errorf("first-name match scores as high as a family-name match")
	}
}

func TestNameScoresInRange(t *testing.T) {
	inputs := []string{"", " ", "al", "Mr.", "U.N.", "SNHR", "Gaith Dalah", "al-al-al", "----", "ʿʿʿ", "Abd", "Abd al", "x y z w v u t s"}
	for _, a := range inputs {
		for _, b := range inputs {
			for _, s := range []float64{Similarity(a, b), Match(a, b)} {
				if s < 0 || s > 1 || math.IsNaN(s) {
					t.Errorf("score(%q, %q) = %v, outside [0,1]", a, b, s)
				}
			}
		}
	}
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"Ghiath Dallah", "al-Sharaa’s", "Abd al-Rahman", "U.S.", "Ḥasan", "ezz-", "x", "\xff\xfe", "Sa'id ibn"} {
		f.Add(s, "Gaith Dalah")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fuzzcheck.Within(t, func() { Skeleton(a); Similarity(a, b); Match(a, b) })
		sk := Skeleton(a)
		if Skeleton(a) != sk {
			t.Fatalf("Skeleton(%q) is not deterministic", a)
		}
		for _, s := range []float64{Similarity(a, b), Match(a, b)} {
			if s < 0 || s > 1 || math.IsNaN(s) {
				t.Fatalf("score(%q, %q) = %v", a, b, s)
			}
		}
		if math.Abs(Similarity(a, b)-Similarity(b, a)) > 1e-9 {
			t.Fatalf("Similarity(%q, %q) is not symmetric", a, b)
		}
	})
}

func BenchmarkSkeleton(b *testing.B) {
	words := []string{"Ghiath", "al-Sharaa", "Mohammed", "Abdulrahman", "Ḥasan", "Dallah’s", "Institute", "the"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Skeleton(words[i%len(words)])
	}
}

func BenchmarkSimilarity(b *testing.B) {
	pairs := [][2]string{{"Ghiath Dallah", "Gaith Dalah"}, {"Bashar al-Assad", "Maher al-Assad"}, {"Syrian Observatory for Human Rights", "SOHR"}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		Similarity(p[0], p[1])
	}
}

func ExampleSkeleton() {
	for _, w := range []string{"Ghiath", "Gaith", "Dallah", "Dalah", "al-Sharaa", "al"} {
		fmt.Printf("%s:%q ", w, Skeleton(w))
	}
	// Output: Ghiath:"kt" Gaith:"kt" Dallah:"tl" Dalah:"tl" al-Sharaa:"xr" al:""
}

func TestJaroWinklerAgreesWithStrutil(t *testing.T) {
	words := []string{"", "a", "kiat", "kait", "tala", "talas", "muhamit", "muhamat", "husin", "husain", "hasan", "martha", "marhta", "dixon", "dicksonx", "abtrahman", "xara"}
	m := metrics.JaroWinkler{CaseSensitive: true}
	for _, a := range words {
		for _, b := range words {
			if got, want := jaroWinkler(a, b), m.Compare(a, b); math.Abs(got-want) > 1e-9 {
				t.Errorf("jaroWinkler(%q, %q) = %v, strutil says %v", a, b, got, want)
			}
		}
	}
}
