package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestPrepare checks the one conversion of a Reply through every payload
// it is sent as: who sees it, what an edit clears, and that nothing pings.
func TestPrepare(t *testing.T) {
	public := Reply{Content: "hi @everyone"}
	private := Reply{Content: "only you", Ephemeral: true}
	tests := []struct {
		name    string
		payload any
		want    []string
		notWant []string
	}{
		{"public response", prepare(public, newMessage).responseData(), []string{`"content":"hi @everyone"`}, []string{`"flags"`}},
		{"ephemeral response", prepare(private, newMessage).responseData(), []string{`"flags":64`}, nil},
		{"update clears embeds and buttons", prepare(private, replacement).responseData(), []string{`"embeds":[]`, `"components":[]`}, []string{`"flags"`}},
		{"edit clears embeds and buttons", prepare(public, replacement).webhookEdit(), []string{`"content":"hi @everyone"`, `"embeds":[]`, `"components":[]`}, []string{`"flags"`}},
		{"edit to no text", prepare(Reply{}, replacement).webhookEdit(), []string{`"content":""`}, nil},
		{"ephemeral follow-up", prepare(private, newMessage).webhookParams(), []string{`"flags":64`}, nil},
		{"channel message is never ephemeral", prepare(private, channelMessage).messageSend(), []string{`"content":"only you"`}, []string{`"flags"`}},
	}
	for _, tt := range tests {
		data, err := json.Marshal(tt.payload)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, w := range append(tt.want, `"allowed_mentions":{"parse":[],"replied_user":false}`) {
			if !strings.Contains(s, w) {
				t.Errorf("%s: %s lacks %s", tt.name, s, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(s, w) {
				t.Errorf("%s: %s has %s", tt.name, s, w)
			}
		}
	}
	embeds := []*discordgo.MessageEmbed{{Title: "t"}}
	if got := prepare(Reply{Embeds: embeds}, replacement).embeds; len(got) != 1 || got[0] != embeds[0] {
		t.Errorf("an edit lost the reply's embeds: %v", got)
	}
}
