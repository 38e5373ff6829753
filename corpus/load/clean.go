package load

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/newsdesk/newsdesk/corpus"
)

// CleanParagraph normalises the text of one paragraph without changing its
// wording: Unicode NFC; invisible characters (soft hyphens, zero-width
// spaces, stray byte-order marks) and control characters removed; every run
// of whitespace, line breaks included, collapsed to one space; and stray
// spaces before punctuation repaired ("streets , in" → "streets, in",
// "al-Sham ." → "al-Sham."). Curly quotes and apostrophes are kept.
func CleanParagraph(s string) string {
	if isClean(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return repairPunctSpacing(b.String())
}

// invisible reports the characters cleaning drops: soft hyphen, zero-width
// space, word joiner, byte-order mark.
func invisible(r rune) bool {
	return r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isClean reports whether CleanParagraph would return s unchanged: valid
// UTF-8 in NFC, with single ASCII spaces between words, none at either
// end or before closing punctuation, and no control or invisible
// characters. Most paragraphs are, and need no copy.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			if c == ' ' {
				next, _ := utf8.DecodeRuneInString(s[i+1:])
				if next == ' ' || strings.ContainsRune(closingPunct, next) {
					return false
				}
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || invisible(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return ascii || norm.NFC.IsNormalString(s)
}

// closingPunct are the characters that never follow a space in running
// English text: sentence punctuation and closing quotes and brackets.
// Straight quotes are left alone, since they open as often as they close.
const closingPunct = ",.;:!?…)]}”’»"

// repairPunctSpacing removes the spaces before a run of closing punctuation
// when the run ends a word: it is followed by a space, the end of the text
// or more punctuation. "streets , in" → "streets, in"; ".5" and "’n’" are
// left alone because a letter or digit follows them.
func repairPunctSpacing(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !strings.ContainsRune(closingPunct, r) {
				break
			}
			k += size
		}
		if k > j && i > 0 && endsWord(s, k) {
			i = j // drop the spaces; the punctuation is copied next
			continue
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// endsWord reports whether position k of s is the end of the text, a
// space, or a character that is not a letter or digit.
func endsWord(s string, k int) bool {
	if k >= len(s) {
		return true
	}
	r, size := utf8.DecodeRuneInString(s[k:])
	if r == '"' || r == '\'' {
		// A straight quote closes when a word does not follow it:
		// `Friday ,"` but not `said ,"Yes`.
		return endsWord(s, k+size) && (k+size >= len(s) || s[k+size] != '"' && s[k+size] != '\'')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '“' && r != '‘' && r != '(' && r != '['
}

// decodeText turns raw file bytes into UTF-8 text with LF line endings. A
// byte-order mark is removed (UTF-16 with a BOM is decoded); valid UTF-8 is
// kept; text that is not UTF-8 but reads as Windows-1252 (which covers
// Latin-1) is decoded as such; anything else has its bad bytes replaced
// with U+FFFD.
func decodeText(data []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		s = decodeUTF8(data[3:])
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			s = decodeUTF8(data)
		} else {
			s = strings.TrimPrefix(decodeUTF8(out), "\ufeff")
		}
	default:
		s = decodeUTF8(data)
	}
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// decodeUTF8 is decodeText for text without a BOM.
func decodeUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if looksWindows1252(data) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		b.WriteRune(r) // utf8.RuneError for each bad byte
		data = data[size:]
	}
	return b.String()
}

// looksWindows1252 reports whether invalid UTF-8 is better read as
// Windows-1252: it holds no valid multi-byte UTF-8 sequence at all (a
// single-byte encoding almost never forms one by chance) and none of the
// five bytes Windows-1252 leaves undefined.
func looksWindows1252(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case size > 1:
			return false // genuine UTF-8: the file is UTF-8 with some damage
		case r == utf8.RuneError:
			switch data[0] {
			case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
				return false
			}
		}
		data = data[size:]
	}
	return true
}

// looksBinary reports whether data is not text: it holds NUL bytes (UTF-16
// with a BOM excepted) or more than a tenth of control characters.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return len(data)%2 != 0
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), 64<<10)]
	controls := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	return controls*10 > len(sample)
}

// mostlyReplaced reports whether decoding left more replacement characters
// than a third of the text: bytes that are no text encoding at all.
func mostlyReplaced(s string) bool {
	bad := strings.Count(s, "\ufffd")
	return bad > 0 && bad*3 > utf8.RuneCountInString(s)
}

// splitBlocks splits text into blocks separated by blank lines (lines of
// only whitespace); each block is its lines, right-trimmed.
func splitBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// numberParagraphs cleans each text, drops empty and boilerplate ones and
// numbers the rest from 1.
func numberParagraphs(texts []string) []corpus.Paragraph {
	return numberJudged(texts, nil)
}

// numberJudged is numberParagraphs for texts some of which have been
// cleaned and found not to be boilerplate already: those where judged
// is true.
func numberJudged(texts []string, judged []bool) []corpus.Paragraph {
	var out []corpus.Paragraph
	for i, t := range texts {
		if judged == nil || !judged[i] {
			t = CleanParagraph(t)
			if IsBoilerplate(t) {
				continue
			}
		}
		if t == "" || !hasLetterOrDigit(t) {
			continue
		}
		out = append(out, corpus.Paragraph{Number: len(out) + 1, Text: t})
	}
	return out
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

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

// isAbbrevItem allows items like "U.S." or "Sept. 5" in a menu: the only
// periods follow a single letter or a capitalised abbreviation.
func isAbbrevItem(item string) bool {
	if strings.ContainsAny(item, "!?;,“”\"") {
		return false
	}
	for _, w := range strings.Fields(item) {
		if strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 5 {
			return false
		}
	}
	return true
}

// hasInnerSentence reports whether s holds a sentence break before its
// end, which prompts never have but article text does.
func hasInnerSentence(s string) bool {
	s = strings.TrimRight(s, ".!?… ")
	return strings.Contains(s, ". ") || strings.Contains(s, "? ") || strings.Contains(s, "! ")
}
