package load_test

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus/load"
)

func TestCleanParagraph(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"collapses spaces and tabs", "The  mayor\tspoke   briefly.", "The mayor spoke briefly."},
		{"joins lines of a block", "The ferry left\nat dawn and\r\nreturned at noon.", "The ferry left at dawn and returned at noon."},
		{"trims", "  \n Trimmed text. \n", "Trimmed text."},
		{"no-break space", "12\u00a0percent of voters", "12 percent of voters"},
		{"invisible characters", "co\u00adoperation and zero\u200bwidth\ufeff", "cooperation and zerowidth"},
		{"control characters", "bell\x07 and escape\x1b gone", "bell and escape gone"},
		{"NFC", "Re\u0301sume\u0301 and cafe\u0301", "Résumé and café"},
		{"space before comma", "bodies lay in the roads , in the worst unrest", "bodies lay in the roads, in the worst unrest"},
		{"space before final period", "led by the group Jabhat al-Nusra .", "led by the group Jabhat al-Nusra."},
		{"several spaces before period", "many residents grew uneasy   .", "many residents grew uneasy."},
		{"semicolon colon", "two were hurt ; one died : a boy", "two were hurt; one died: a boy"},
		{"question and exclamation", "Who fired first ? Nobody knows !", "Who fired first? Nobody knows!"},
		{"closing brackets", "the council (which met twice ) and [sic ] notes", "the council (which met twice) and [sic] notes"},
		{"closing curly quotes", "called it a “turning point ” and the Smiths ’ home", "called it a “turning point” and the Smiths’ home"},
		{"straight quote after comma", `"We will stay ," she said.`, `"We will stay," she said.`},
		{"punctuation run", "Really ?!” he asked", "Really?!” he asked"},
		{"ellipsis", "and then …", "and then…"},
		{"keeps decimal", "a share of .5 percent", "a share of .5 percent"},
		{"keeps rock n roll", "rock ’n’ roll fans", "rock ’n’ roll fans"},
		{"keeps opening quotes", "he said “ yes ” and ‘no’", "he said “ yes” and ‘no’"},
		{"keeps opening straight quote", `they chanted "Freedom" loudly`, `they chanted "Freedom" loudly`},
		{"keeps wording and curly apostrophes", "the country’s new rulers — not the old ones", "the country’s new rulers — not the old ones"},
		{"empty", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := load.CleanParagraph(tt.in)
			if got != tt.want {
				t.Errorf("CleanParagraph(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := load.CleanParagraph(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestIsBoilerplate(t *testing.T) {
	drop := []string{
		// taglines, menus, breadcrumbs
		"Independence | Integrity | Excellence | Openness",
		"Truth | Courage",
		"News | Sport | Weather | Culture",
		"| Home | World | Middle East |",
		"Fast • Fair • Free",
		"Home › World › Middle East",
		"Politics / Economy / Culture / Opinion",
		"News – Sport – Weather",
		"Jan 5 · 3 min read · Opinion",
		// skip links
		"Skip to content", "Skip to main content", "Skip to footer", "Jump to navigation",
		// markers
		"Advertisement", "ADVERTISEMENT", "- Advertisement -", "Sponsored", "Sponsored content",
		"Story continues below advertisement", "5 min read", "Sign in",
		// teasers
		"Related: Ceasefire talks resume in Cairo",
		"Read more: Why the port strike matters",
		"READ MORE: The long road to the election",
		"See also: Timeline of the conflict",
		"Related articles", "Related stories", "More from Middle East", "More from The Harbour Gazette",
		"You may also like", "Most read", "Read next »", "More world news:",
		// share and subscribe prompts
		"Share this article", "Share", "Share on Facebook", "Facebook Twitter WhatsApp Email",
		"Copy link", "Listen to this article", "Follow us",
		"Subscribe to our newsletter", "Subscribe now for unlimited access",
		"Sign up for our daily briefing.", "Sign up for free and get the news in your inbox",
		"Follow us on Instagram and X", "Join our WhatsApp channel", "Download the free News app",
		"Get the latest headlines delivered to your inbox", "Click here to read the full report",
		"Support independent journalism",
		// copyright
		"© 2025 Example Media Ltd", "(c) 2024 The Daily Planet", "Copyright 2023 Harbour Publishing",
		"Copyright © Metro News Group", "All rights reserved.",
		"© Valley Courier 2024. All rights reserved.",
		// credits
		"Photo: Karim Sahib / AFP", "Photograph: Jane Roe/Reuters", "Image credit: Getty Images",
		"(Photo by Omar Haj Kadour/AFP via Getty Images)", "Delil Souleiman / AFP via Getty Images",
		"Reporting by Maya Gebeily; Editing by Alex Richardson",
		"Additional reporting by Tom Perry in Beirut",
		// contributors and handles
		"Heba Amin contributed to this report.", "Lin Wei contributed reporting from Beirut.",
		"Sam Ode is on Twitter at @samode.", "Follow Jane Roe on X",
		"Continue reading the main story", "Powered by MarketFeed.com",
		// time stamps
		"Updated 10 March 2025, 09:30 GMT", "Published: 2024-11-05", "Last updated on 4 June 2024",
	}
	keep := []string{
		// real short article sentences that share words with the rules
		"Share prices fell 4 percent on Monday.",
		"Shares in the company rose.",
		"Advertisement revenue doubled last year.",
		"Sponsored by the state, the militia grew quickly.",
		"Related fighting broke out in two other towns.",
		"More from the interview will be published on Sunday.",
		"More than 40 people were killed.",
		"Read the full statement below.",
		"Subscribers to the service lost access for a day.",
		"Support for the interim government is now waning in the north.",
		"Follow-up talks are planned for next week.",
		"Sign up numbers for the volunteer militia were low, he said.",
		"Copyright law was not at issue, the judge said.",
		"Photos of the attack spread quickly on social media.",
		"Photographs by residents showed burned cars in the square.",
		"Images from the scene showed a collapsed roof.",
		"Published figures show 1,200 arrests since January.",
		"Updated casualty figures were released on Sunday.",
		"The rebels took Homs – then Hama – within days.",
		"He said the offensive was launched from Idlib / Aleppo.",
		"“Everyone knows who is responsible,” the president said.",
		"Why now?",
		"Nobody answered.",
		"Latakia – Tartus",
		"The vote was 7 | 2 in favour, officials said.",
		"Sources: the observatory, which relies on a network of activists.",
		"Watch out for falling debris, police told residents.",
		"His brother contributed.",
		"Gulf donors contributed to this reconstruction fund.",
		"Continue reading, the minister told reporters, and you will understand.",
		"Powered by cheap diesel, the generators ran all night.",
		"She is on the board at the bank.",
		"The focus is on Facebook’s role in the unrest.",
		"The debate is on X at last, critics said.",
	}
	for _, s := range drop {
		if !load.IsBoilerplate(s) {
			t.Errorf("IsBoilerplate(%q) = false, want true", s)
		}
	}
	for _, s := range keep {
		if load.IsBoilerplate(s) {
			t.Errorf("IsBoilerplate(%q) = true, want false (article text)", s)
		}
	}
}

func TestIsBoilerplateContactLines(t *testing.T) {
	for _, s := range []string{
		"For more information: WHO Pakistan Country Office, Islamabad.",
		"For further information, please contact the press office on +41 22 000 0000.",
		"Media contact: Jane Doe, jane@example.org",
		"Press enquiries: press@example.org",
	} {
		if !load.IsBoilerplate(s) {
			t.Errorf("IsBoilerplate(%q) = false, want a press release's contact line dropped", s)
		}
	}
	for _, s := range []string{
		"For more information about the outbreak, the ministry set up a hotline that took 4,000 calls on Monday.",
		"Contact with the villages was lost on Sunday, officials said.",
	} {
		if load.IsBoilerplate(s) {
			t.Errorf("IsBoilerplate(%q) = true, want an article sentence kept", s)
		}
	}
}
