package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// allText joins a reply's visible text.
func allText(r bot.Reply) string {
	var b strings.Builder
	b.WriteString(r.Content)
	for _, e := range r.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

func TestHandlerFixtures(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 600, Burst: 100}, engine, nil, nil)
	ctx := context.Background()

	tests := []struct {
		fixture   string
		edit      func(map[string]any)
		style     bot.Style
		wantErr   string // substring of the user-facing error
		wantText  []string
		wantEmbed bool
	}{
		{fixture: "interaction_ask.json", wantText: []string{"Stanek", "Harbour Gazette"}, wantEmbed: true},
		{fixture: "interaction_ask_dm.json", wantText: []string{"Stanek"}, wantEmbed: true},
		{fixture: "interaction_who.json", wantText: []string{"Coastal Relief Council"}, wantEmbed: true},
		{fixture: "interaction_search.json", wantText: []string{"desalination", "Harbour Gazette"}, wantEmbed: true},
		{fixture: "interaction_search.json", edit: setOption("from", "20 May"), wantErr: "write it as 2025-03-10"},
		{fixture: "interaction_search.json", edit: setOption("source", "Nowhere Times"), wantErr: "I found no passage about desalination plant from Nowhere Times"},
		{fixture: "interaction_ask.json", edit: setOption("question", "who is Ghassan Tarabulsi"), wantErr: "I found no article that mentions Ghassan Tarabulsi."},
		{fixture: "interaction_toll.json", wantText: []string{"Latest casualty figures:\n• 2024-05-", "14 people killed", "21 people killed"}, wantEmbed: true},
		{fixture: "interaction_sources.json", style: bot.Style{Ephemeral: true}, wantText: []string{"3 articles", "Harbour Gazette", "Northern Ledger"}, wantEmbed: true},
		{fixture: "interaction_button_context.json", style: bot.Style{Ephemeral: true}, wantText: []string{"¶1", "¶2", "¶3", "Stanek"}, wantEmbed: true},
		{fixture: "interaction_button_more.json", edit: func(m map[string]any) {
			m["data"].(map[string]any)["custom_id"] = "more:a:50:who is Mirela Stanek"
		}, style: bot.Style{Update: true}, wantErr: "There are no more passages"},
		{fixture: "interaction_reindex_member.json", style: bot.Style{Ephemeral: true, AlwaysDefer: true}, wantErr: "Only admins can use /reindex"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.fixture, ".json"), func(t *testing.T) {
			i := interaction(t, tt.fixture, tt.edit)
			if route, _ := h.Route(i); route.Style != tt.style {
				t.Errorf("style = %+v, want %+v", route.Style, tt.style)
			}
			err := h.Check(i)
			var r bot.Reply
			if err == nil {
				r, err = h.Handle(ctx, i, nil)
			}
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("no error; reply %q", allText(r))
				}
				er := bot.ErrorReply(err, nil)
				if !er.Ephemeral || !strings.Contains(er.Content, tt.wantErr) {
					t.Errorf("error reply = %+v, want %q", er, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			text := allText(r)
			for _, w := range tt.wantText {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q:\n%s", w, text)
				}
			}
			if tt.wantEmbed && len(r.Embeds) == 0 {
				t.Error("no embed")
			}
		})
	}
}

func TestHandlerAutocompleteFixture(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}}, engine, nil, nil)
	i := interaction(t, "interaction_who_autocomplete.json", nil)
	choices := h.Autocomplete(context.Background(), i)
	names := make([]string, 0, len(choices))
	for _, c := range choices {
		names = append(names, c.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "Stanek") {
		t.Errorf("autocomplete for %q = %q, want a Stanek", "miri", names)
	}
	if len(choices) > bot.MaxChoices {
		t.Errorf("%d choices", len(choices))
	}
}

func TestHandlerMessageFixtures(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}}, engine, nil, nil)
	const botID = "1100000000000000001"
	ctx := context.Background()

	r, ok, err := h.Message(ctx, message(t, "message_mention.json"), botID)
	if !ok || err != nil || len(r.Embeds) == 0 || !strings.Contains(allText(r), "Stanek") {
		t.Errorf("mention: ok=%v err=%v reply=%q", ok, err, allText(r))
	}
	if strings.Contains(allText(r), "@everyone") {
		t.Error("mention reply echoes @everyone")
	}
	r, ok, err = h.Message(ctx, message(t, "message_dm.json"), botID)
	if !ok || err != nil || len(r.Embeds) == 0 || !strings.Contains(allText(r), "people killed") {
		t.Errorf("DM: ok=%v err=%v reply=%q", ok, err, allText(r))
	}
	if _, ok, _ := h.Message(ctx, message(t, "message_other.json"), botID); ok {
		t.Error("answered a channel message that does not mention the bot")
	}
	own := message(t, "message_dm.json")
	own.Author = &discordgo.User{ID: botID, Bot: true}
	if _, ok, _ := h.Message(ctx, own, botID); ok {
		t.Error("answered its own message")
	}
}

func TestHandlerRateLimit(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	now := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 2, Burst: 2, Now: func() time.Time { return now }}, engine, nil, nil)
	i := interaction(t, "interaction_ask.json", nil)
	for n := range 2 {
		if err := h.Check(i); err != nil {
			t.Fatalf("request %d refused: %v", n+1, err)
		}
	}
	err := h.Check(i)
	if corpus.ErrorCode(err) != corpus.EINVALID || !strings.Contains(corpus.ErrorMessage(err), "wait 30 seconds") {
		t.Fatalf("third request: %v", err)
	}
	// Another user has their own bucket.
	other := interaction(t, "interaction_reindex_admin.json", func(m map[string]any) { m["data"].(map[string]any)["name"] = "help" })
	if err := h.Check(other); err != nil {
		t.Errorf("another user refused: %v", err)
	}
	now = now.Add(30 * time.Second)
	if err := h.Check(i); err != nil {
		t.Errorf("refused after the bucket refilled: %v", err)
	}
}

func TestHandlerAdmin(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		cfg     bot.Config
		edit    func(map[string]any)
		want    bool
	}{
		{"member", "interaction_reindex_member.json", bot.Config{}, nil, false},
		{"manage server in an admin guild", "interaction_reindex_admin.json", bot.Config{AdminGuildIDs: []string{"1300000000000000001"}}, nil, true},
		{"manage server in the commands' guild", "interaction_reindex_admin.json", bot.Config{GuildID: "1300000000000000001"}, nil, true},
		{"manage server in a server of their own", "interaction_reindex_admin.json", bot.Config{AdminGuildIDs: []string{"1300000000000000099"}}, nil, false},
		{"manage server, no admin guild named", "interaction_reindex_admin.json", bot.Config{}, nil, false},
		{"allowed user", "interaction_reindex_member.json", bot.Config{AdminUserIDs: []string{"1400000000000000001"}}, nil, true},
		{"allowed role", "interaction_reindex_member.json", bot.Config{AdminRoleIDs: []string{"1310000000000000005"}}, nil, true},
		{"administrator", "interaction_reindex_member.json", bot.Config{GuildID: "1300000000000000001"}, func(m map[string]any) {
			m["member"].(map[string]any)["permissions"] = "8"
		}, true},
		{"DM without allow-list", "interaction_ask_dm.json", bot.Config{AdminRoleIDs: []string{"1310000000000000005"}}, nil, false},
		{"DM allowed user", "interaction_ask_dm.json", bot.Config{AdminUserIDs: []string{"1400000000000000001"}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := bot.NewHandler(tt.cfg, nil, nil, nil)
			if got := h.IsAdmin(interaction(t, tt.fixture, tt.edit)); got != tt.want {
				t.Errorf("IsAdmin = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHandlerIngestChecks(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, MaxUpload: 1000, RatePerMinute: 600, Burst: 100}, engine, nil, nil)
	att := func(name string, size int) func(map[string]any) {
		return func(m map[string]any) {
			a := m["data"].(map[string]any)["resolved"].(map[string]any)["attachments"].(map[string]any)["1370000000000000001"].(map[string]any)
			a["filename"], a["size"] = name, size
		}
	}
	tests := []struct {
		name, file string
		size       int
		want       string
	}{
		{"wrong type", "photo.png", 100, "I can only add .txt .text .md .markdown .html .htm .xhtml .json .jsonl or .ndjson files"},
		{"too big", "big.md", 5000, "the limit is 1000 bytes"},
		{"exists", "desal.md", 100, "already has a file named desal.md"},
		{"no safe name", "статья.md", 100, "can't make a safe file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := h.Check(interaction(t, "interaction_ingest.json", att(tt.file, tt.size)))
			if err == nil || !strings.Contains(corpus.ErrorMessage(err), tt.want) {
				t.Errorf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestHandlerNoAnswerIsTheIndexNote: a question without passages is
// answered with the index's notes, word for word what the CLI prints.
func TestHandlerNoAnswerIsTheIndexNote(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 600, Burst: 100}, engine, nil, nil)
	ctx := context.Background()
	ask := func(q string) func() (*corpus.Result, error) {
		return func() (*corpus.Result, error) {
			return engine.Ask(ctx, q, index.AskOptions{Limit: bot.DefaultPageSize})
		}
	}
	tests := []struct {
		name    string
		fixture string
		edit    func(map[string]any)
		engine  func() (*corpus.Result, error)
	}{
		{"who", "interaction_ask.json", setOption("question", "who is Ghassan Tarabulsi"), ask("who is Ghassan Tarabulsi")},
		{"said", "interaction_ask.json", setOption("question", "what did Ghassan Tarabulsi say"), ask("what did Ghassan Tarabulsi say")},
		{"/who", "interaction_who.json", setOption("name", "Ghassan Tarabulsi"), ask("who is Ghassan Tarabulsi")},
		{"toll", "interaction_toll.json", setOption("place", "Atlantis"), func() (*corpus.Result, error) { return engine.Tolls(ctx, "Atlantis") }},
		{"search in an outlet", "interaction_search.json", setOption("source", "Nowhere Times"), func() (*corpus.Result, error) {
			return engine.Search(ctx, index.SearchOptions{Query: "desalination plant", Source: "Nowhere Times", Limit: bot.DefaultPageSize})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.engine()
			if err != nil || len(res.Answers) != 0 || len(res.Notes) == 0 {
				t.Fatalf("engine: %v, %+v; want notes and no answer", err, res)
			}
			_, err = h.Handle(ctx, interaction(t, tt.fixture, tt.edit), nil)
			if corpus.ErrorCode(err) != corpus.ENOTFOUND {
				t.Fatalf("Handle = %v, want ENOTFOUND", err)
			}
			if got, want := bot.ErrorReply(err, nil).Content, bot.EscapeMarkdown(strings.Join(res.Notes, "\n")); got != want {
				t.Errorf("reply %q, want the index's notes %q", got, want)
			}
		})
	}
}

// fixtureGuild is the server of the interaction fixtures, where their
// members with Manage Server are admins.
const fixtureGuild = "1300000000000000001"
