package load

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Boilerplate rules. Each matches a whole cleaned line or paragraph,
// case-insensitively; see IsBoilerplate.
var (
	// "Skip to content", "Skip to main content", "Jump to navigation".
	rxSkipLink = regexp.MustCompile(`(?i)^(skip|jump) to (the )?(main |primary )?(content|navigation|menu|footer|search|article|main)\W*$`)
	// Markers standing alone: advertising, reading time, log-in links.
	rxMarker = regexp.MustCompile(`(?i)^\W*(advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|sponsored links?|paid content|paid post|promoted( content)?|partner content|story continues below( this)? advertisement|article continues below( this)? (advertisement|ad)|continue reading below|advertisement\W+scroll to continue( with content)?|scroll to continue( with content)?|continue reading( the main story| below)?|powered by [\w .-]{1,40}|\d+\s*(min|mins|minute|minutes)( read)?|sign in|log in|sign up|register|subscribe|subscribe now|loading)\W*$`)
	// Teasers introduced by a colon or an arrow: "Related: …", "Read more: …".
	rxTeaserColon = regexp.MustCompile(`(?i)^(related|related (content|coverage|stories|articles?|news)|read more|read also|also read|see also|more on this( story)?|recommended|most read|most popular|watch|also on [\w ]{1,30}|more from [\w ]{1,30})\s*[:：»›>|–—]`)
	// Teaser headers standing alone: "Related articles", "More from Reuters".
	rxTeaserAlone = regexp.MustCompile(`(?i)^(related|related (articles?|stories|coverage|content|links|news|topics|reading)|read more|read more (stories|articles|news)|read next|up next|more stories|more news|more on this story|most read|most popular|recommended( for you| stories| articles)?|you may also like|you might also like|don'?t miss|trending( now)?|more from [^.!?:;]{1,40}|more [\w ]{1,25} (news|stories|coverage|headlines)|more in [^.!?:;]{1,30}|more about [^.!?:;]{1,30})[\s»›>→…:|–—-]*$`)
	// Share prompts standing alone.
	rxSharePrompt = regexp.MustCompile(`(?i)^\W*(share|share this|share this (article|story|page|post)|share (on|via) [\w ]{1,20}|share (article|story)|tweet|tweet this|email|e-?mail this( (article|story))?|print|print this( (article|story|page))?|copy link|copy link to clipboard|link copied|comments?|save|save (article|story)|bookmark|listen to this article|follow|follow us|gift this article|(facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|pinterest)((\s*[|•·,/]\s*|\s+)(facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|pinterest|copy link))*)\W*$`)
	// Subscribe, sign-up and follow prompts: an imperative that invites
	// the reader to something of the site's.
	rxInvite = regexp.MustCompile(`(?i)^\W*((subscribe|sign up|signup|register)\b.*\b(our|us|newsletters?|briefings?|inbox|alerts|for free|free trial|today|now|here|updates|podcast|channel|app)\b|(follow|like|join) us\b|join our\b|(download|get) (our|the) (free |official )?([\w-]+ )?app\b|get (the latest|our|breaking)\b.*\b(news|updates|headlines|newsletters?|alerts|inbox)\b|(click|tap) here\b|support (our|us|independent journalism|quality journalism)\b)`)
	// Copyright lines: "© 2025 …", "(c) 2025 …", "Copyright 2025 …",
	// "Copyright © …", and anything that says "All rights reserved".
	rxCopyright = regexp.MustCompile(`(?i)^\W*(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4}))|all rights reserved`)
	// Captions and credits with a colon: "Photo: Name / AFP", "Image credit: Reuters".
	rxCreditColon = regexp.MustCompile(`(?i)^\W*(photo|photos|photograph|photographs|image|images|picture|pictures|illustration|video|graphic|credit|photo credit|image credit|image source|file photo)\s*[:：|]`)
	// Credits with "by": "(Photograph by Name/Getty Images)"; they have no
	// final period, unlike a sentence such as "Photographs by residents showed …".
	rxCreditBy = regexp.MustCompile(`(?i)^\W*(photo|photos|photograph|photographs|image|images|picture|pictures|illustration|video|graphic|file photo)\s+by\b[^!?]*[^.!?]\)?$`)
	// Agency credits after a slash: "Ali Haj Suleiman / AFP via Getty Images".
	rxAgencyCredit = regexp.MustCompile(`^\(?[\p{L}\p{M}.' -]{2,60}\s*/\s*(AFP|AP|Reuters|EPA|EPA-EFE|Getty Images|Anadolu|Anadolu Agency|SANA|Xinhua|Bloomberg|ZUMA|Shutterstock|Alamy|AAP|Pool|[A-Z][\p{L}.-]+ (Images|Photos?|Pictures|Press|Agency|News|Wire))( via [A-Z][\p{L}.-]+( [A-Z][\p{L}.-]+){0,2})?\)?$`)
	// Reporting credits at the end of wire stories.
	rxReportingCredit = regexp.MustCompile(`(?i)^\(?(additional )?(reporting|writing|editing|compiled|produced|research) by\b`)
	// Contributor credits and social handles of the writer:
	// "Jane Roe contributed reporting.", "Tom Yu is on X at @tomyu."
	rxContributor = regexp.MustCompile(`(?i)(\bcontributed (reporting|research)\b.*|\bcontributed to this (report|article|story)|\bis on (twitter|x|instagram|bluesky|threads|facebook) (at|as) @?[\w.]+|^follow [\p{L} .'-]{1,40} on (twitter|x|instagram|bluesky|threads|facebook)\b.*)\W*$`)
	// Time stamps of the page: "Updated 10 March 2025, 09:30 GMT".
	// rxContact: the contact line that ends a press release.
	rxContact   = regexp.MustCompile(`(?i)^\W*(for (more|further) (information|details)|media (contact|enquiries|inquiries)|press (contact|enquiries|inquiries|office)|contacts?|for media enquiries)\b\s*(,\s*(please )?contact\b|[:：])`)
	rxTimestamp = regexp.MustCompile(`(?i)^(published|updated|last updated|last modified|posted|first published)\b[^.!?]*\d[^!?]*$`)
)

// Separators of tagline and menu items. Bars and bullets separate items
// on their own; dots, dashes, slashes and arrows only with spaces around.
var (
	taglineStrongSep = regexp.MustCompile(`\s*(?:\||•)\s*`)
	taglineWeakSep   = regexp.MustCompile(`\s+(?:·|∙|–|—|/|›|»|>)\s+`)
)

// IsBoilerplate reports whether a line or paragraph is site furniture
// rather than article text. The rules are general:
//   - taglines, menus and breadcrumbs: short items (at most five words
//     each) separated by "|" or "•" (two or more items) or by spaced "·",
//     "–", "/", "›" (three or more), with no sentence punctuation
//     ("Independence | Integrity | Excellence");
//   - skip links: "Skip to content", "Skip to main content", "Skip to footer";
//   - markers: "Advertisement", "Sponsored", "Story continues below
//     advertisement", "5 min read", "Sign in";
//   - teasers: "Related: …", "Read more: …", "Related articles",
//     "More from …", "You may also like";
//   - share and subscribe prompts: "Share this article", "Subscribe to
//     our newsletter", "Sign up for our daily briefing", "Follow us on X";
//   - copyright lines: "© 2025 …", "Copyright 2025 …", "All rights reserved";
//   - credit lines: "Photo: Name / AFP", "Name/Getty Images", "Reporting
//     by …; Editing by …";
//   - contributor credits and social handles: "Jane Roe contributed
//     reporting.", "Tom Yu is on X at @tomyu";
//   - page time stamps: "Updated 10 March 2025, 09:30 GMT".
//
// Each rule is bounded in length (a few words for markers, at most 16–40
// for prompts and credits) so that an article sentence that merely starts
// with such a word is kept.
func IsBoilerplate(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	words := countWords(s, 41)
	switch {
	case words > 40:
		return false // no rule matches a paragraph this long
	case isTagline(s):
		return true
	case words <= 6 && (rxSkipLink.MatchString(s) || rxMarker.MatchString(s) || rxTeaserAlone.MatchString(s) || rxSharePrompt.MatchString(s)):
		return true
	case words <= 30 && rxTeaserColon.MatchString(s):
		return true
	case words <= 20 && rxInvite.MatchString(s) && !hasInnerSentence(s):
		return true
	case words <= 30 && mayBeCopyright(s) && rxCopyright.MatchString(s):
		return true
	case words <= 16 && (rxCreditColon.MatchString(s) || rxCreditBy.MatchString(s) || rxAgencyCredit.MatchString(s)):
		return true
	case words <= 40 && rxReportingCredit.MatchString(s):
		return true
	case words <= 15 && rxContributor.MatchString(s):
		return true
	case words <= 25 && rxContact.MatchString(s):
		return true
	case words <= 10 && rxTimestamp.MatchString(s) && !strings.HasSuffix(s, "."):
		return true
	}
	return false
}

// mayBeCopyright is a quick test that s has one of the marks rxCopyright
// needs: "©", "(c)", "copyright", "rights reserved" in any case.
func mayBeCopyright(s string) bool {
	if strings.Contains(s, "©") {
		return true
	}
	for _, mark := range [...]string{"(c)", "copyright", "rights reserved"} {
		if containsFoldASCII(s, mark) {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains the lower-case ASCII word
// w in any case.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// isTagline reports whether s is a row of short items separated by bars,
// bullets, or spaced dots, dashes, slashes or arrows, with no sentence
// punctuation.
func isTagline(s string) bool {
	if strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false // it ends like a sentence
	}
	var items []string
	switch {
	case strings.Contains(s, "|") || strings.Contains(s, "•"):
		items = taglineStrongSep.Split(s, -1)
	case hasWeakSeparator(s):
		items = taglineWeakSep.Split(s, -1)
		if len(items) < 3 {
			return false // "Damascus – Latakia" is as likely a phrase as a menu
		}
	default:
		return false
	}
	n := 0
	for _, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue // leading or trailing separator: "| Home |"
		}
		n++
		if len(strings.Fields(item)) > 5 || utf8.RuneCountInString(item) > 40 {
			return false
		}
		if strings.ContainsAny(item, ".!?;,“”\"") && !isAbbrevItem(item) {
			return false
		}
	}
	return n >= 2
}

// hasWeakSeparator reports whether s holds a spaced dot, dash, slash or
// arrow (see taglineWeakSep); it is a cheap test before the regexp.
func hasWeakSeparator(s string) bool {
	for _, sep := range []string{" · ", " ∙ ", " – ", " — ", " / ", " › ", " » ", " > "} {
		if strings.Contains(s, sep) {
			return true
		}
	}
	return false
}

// countWords counts the space-separated words of s, up to limit.
func countWords(s string, limit int) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); {
		c, size := s[i], 1
		space := c == ' ' || c >= '\t' && c <= '\r'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		i += size
		if space {
			inWord = false
			continue
		}
		if !inWord {
			n++
			if n >= limit {
				return n
			}
			inWord = true
		}
	}
	return n
}

// isAbbrevItem allows items like "U.S." or "Sept. 5" in a menu: every
// period in it follows an abbreviation or an initial (text.Abbreviated).
func isAbbrevItem(item string) bool {
	if strings.ContainsAny(item, "!?;,“”\"") {
		return false
	}
	toks := text.Tokenize(item)
	for k, t := range toks {
		if t.Rune == '.' && k > 0 && !text.Abbreviated(toks[k-1]) {
			return false
		}
	}
	return true
}

// hasInnerSentence reports whether s holds a sentence break before its
// end, which prompts never have but article text does.
func hasInnerSentence(s string) bool {
	return len(text.SentenceStarts(s)) > 1
}
