package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// TestIngestLimitIsTheLoaders checks that /ingest never accepts a file the
// corpus would skip as too large, whatever MaxUpload says.
func TestIngestLimitIsTheLoaders(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, MaxUpload: 4 * load.MaxFileSize, RatePerMinute: 600, Burst: 100}, engine, nil, nil)
	tests := []struct {
		size int
		want string // "" when the size is accepted
	}{
		{load.MaxFileSize, ""},
		{load.MaxFileSize + 1, fmt.Sprintf("the limit is %d.0 MiB", load.MaxFileSize>>20)},
		{2 * load.MaxFileSize, fmt.Sprintf("the limit is %d.0 MiB", load.MaxFileSize>>20)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.size), func(t *testing.T) {
			err := h.Check(interaction(t, "interaction_ingest.json", func(m map[string]any) {
				a := m["data"].(map[string]any)["resolved"].(map[string]any)["attachments"].(map[string]any)["1370000000000000001"].(map[string]any)
				a["filename"], a["size"] = "new-story.md", tt.size
			}))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check = %v, want the file accepted", err)
			case tt.want != "" && (err == nil || !strings.Contains(corpus.ErrorMessage(err), tt.want)):
				t.Errorf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}
