package question

import (
	"regexp"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// Said questions: "what did X say (about Y)", "quotes from X".
var (
	saidShape  = regexp.MustCompile(`^(?:so\s+)?(?:what|wat|wht)\s+(?:did|does|do|has|have|had|is|was|are|were)\s+(.+?)\s+(?:say|said|says|saying|tell|told|telling|report|reported|reporting|claim|claimed|claiming|announce|announced|state|stated|think|thinks|reveal|revealed)\b(?:\s+(?:about|on|regarding|of|concerning)\s+(.+))?`)
	saidShape2 = regexp.MustCompile(`^(?:quotes?|statements?|comments?|remarks?|claims?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.+))?$`)
)

// matchSaid reads a said question: who was asked about, and the topic
// after "about".
func matchSaid(q *corpus.Question, lower string) bool {
	m := saidShape.FindStringSubmatch(lower)
	if m == nil {
		m = saidShape2.FindStringSubmatch(lower)
	}
	if m == nil {
		return false
	}
	subject := strings.TrimSpace(m[1])
	if subject == "" || subject == "it" || subject == "they" || subject == "people" {
		return false
	}
	q.Intent, q.Subject = corpus.IntentSaid, subject
	if len(m) > 2 && m[2] != "" {
		q.Topic = contentWords(strings.Fields(m[2]))
	}
	return true
}
