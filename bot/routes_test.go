package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// asCommand turns a member's /reindex fixture into the command name, or
// into its autocomplete when autocomplete is set.
func asCommand(name string, autocomplete bool) func(map[string]any) {
	return func(m map[string]any) {
		m["data"].(map[string]any)["name"] = name
		if autocomplete {
			m["type"] = int(discordgo.InteractionApplicationCommandAutocomplete)
		}
	}
}

// TestRouteTable says, for every registered command, how its reply is
// sent, whether it is for admins, its rate limit and its load (ask, who,
// toll and search search the index, in the queue); a command registered
// without a row here fails.
func TestRouteTable(t *testing.T) {
	want := map[string]bot.Route{
		"ask":     {Name: "ask"},
		"who":     {Name: "who"},
		"toll":    {Name: "toll"},
		"search":  {Name: "search"},
		"sources": {Name: "sources", Style: bot.Style{Ephemeral: true}, Load: bot.Light},
		"reindex": {Name: "reindex", Style: bot.Style{Ephemeral: true, AlwaysDefer: true}, Admin: true, Rate: bot.PerAdmin, Load: bot.Task},
		"ingest":  {Name: "ingest", Style: bot.Style{Ephemeral: true, AlwaysDefer: true}, Admin: true, Rate: bot.PerAdmin, Load: bot.Task},
		"help":    {Name: "help", Style: bot.Style{Ephemeral: true}, Load: bot.Light},
	}
	h := bot.NewHandler(bot.Config{}, nil, nil, nil)
	defs := bot.Commands()
	if len(defs) != len(want) {
		t.Errorf("%d commands registered, %d in this table", len(defs), len(want))
	}
	seen := map[string]bool{}
	for _, def := range defs {
		t.Run(def.Name, func(t *testing.T) {
			if seen[def.Name] {
				t.Errorf("/%s registered twice", def.Name)
			}
			seen[def.Name] = true
			got, ok := h.Route(interaction(t, "interaction_reindex_member.json", asCommand(def.Name, false)))
			if !ok {
				t.Fatalf("/%s is registered but has no route", def.Name)
			}
			if w, ok := want[def.Name]; !ok || got != w {
				t.Errorf("route = %+v, want %+v", got, w)
			}
			// Discord hides admin commands from members too.
			hidden := def.DefaultMemberPermissions != nil && *def.DefaultMemberPermissions == discordgo.PermissionManageGuild
			if hidden != got.Admin {
				t.Errorf("admin %v, but default member permissions %v", got.Admin, def.DefaultMemberPermissions)
			}
			auto, ok := h.Route(interaction(t, "interaction_reindex_member.json", asCommand(def.Name, true)))
			if !ok || auto.Rate != bot.Unlimited || auto.Load != bot.Light || auto.Style != (bot.Style{}) {
				t.Errorf("autocomplete route = %+v, %v; want unlimited", auto, ok)
			}
		})
	}
	if _, ok := h.Route(interaction(t, "interaction_reindex_member.json", asCommand("nonesuch", false))); ok {
		t.Error("an unknown command has a route")
	}
}

// TestCommandDefinitions checks every definition against Discord's limits.
func TestCommandDefinitions(t *testing.T) {
	for _, def := range bot.Commands() {
		if n := utf8.RuneCountInString(def.Description); n == 0 || n > 100 {
			t.Errorf("/%s: description of %d characters", def.Name, n)
		}
		for _, o := range def.Options {
			if n := utf8.RuneCountInString(o.Description); n == 0 || n > 100 {
				t.Errorf("/%s %s: description of %d characters: %q", def.Name, o.Name, n, o.Description)
			}
		}
	}
}

func TestComponentRoutes(t *testing.T) {
	h := bot.NewHandler(bot.Config{}, nil, nil, nil)
	tests := []struct {
		customID string
		want     bot.Route
		ok       bool
	}{
		{"more:a:3:who is Mirela Stanek", bot.Route{Name: "more", Style: bot.Style{Update: true}}, true},
		{"ctx:2:desal.md", bot.Route{Name: "ctx", Style: bot.Style{Ephemeral: true}}, true},
		{"vote:1", bot.Route{}, false},
	}
	for _, tt := range tests {
		i := interaction(t, "interaction_button_more.json", func(m map[string]any) {
			m["data"].(map[string]any)["custom_id"] = tt.customID
		})
		got, ok := h.Route(i)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Route(%q) = %+v, %v; want %+v, %v", tt.customID, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAdminRoutesAreChecked: every admin row refuses a member, in Check
// and in Handle alike; every other row lets them through.
func TestAdminRoutesAreChecked(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 600, Burst: 100}, engine, nil, nil)
	for _, def := range bot.Commands() {
		i := interaction(t, "interaction_reindex_member.json", asCommand(def.Name, false))
		route, _ := h.Route(i)
		err := h.Check(i)
		refused := err != nil && strings.Contains(corpus.ErrorMessage(err), "Only admins can use /"+def.Name)
		if refused != route.Admin {
			t.Errorf("/%s (admin %v): Check = %v", def.Name, route.Admin, err)
		}
		if !route.Admin {
			continue
		}
		if _, err := h.Handle(context.Background(), i, nil); err == nil || !strings.Contains(corpus.ErrorMessage(err), "Only admins can use /"+def.Name) {
			t.Errorf("/%s: Handle without Check = %v, want a refusal", def.Name, err)
		}
	}
}

// TestRateLimitIsShared: commands, buttons and messages draw from one
// bucket per user; autocomplete from none.
func TestRateLimitIsShared(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 1, Burst: 1}, engine, nil, nil)
	if err := h.Check(interaction(t, "interaction_ask.json", nil)); err != nil {
		t.Fatalf("first request refused: %v", err)
	}
	button := interaction(t, "interaction_button_context.json", nil)
	if err := h.Check(button); err == nil || !strings.Contains(corpus.ErrorMessage(err), "please wait") {
		t.Errorf("button after the bucket emptied: %v", err)
	}
	auto := interaction(t, "interaction_who_autocomplete.json", nil)
	if err := h.Check(auto); err != nil {
		t.Errorf("autocomplete refused: %v", err)
	}
	if names := h.Autocomplete(context.Background(), auto); len(names) == 0 {
		t.Error("no autocomplete after the bucket emptied")
	}
}

// TestIngestAcceptsLoaderTypes: /ingest takes every file type the corpus
// loader reads, and names them all in its description and refusals.
func TestIngestAcceptsLoaderTypes(t *testing.T) {
	engine, corpusDir := newCorpus(t)
	h := bot.NewHandler(bot.Config{CorpusDir: corpusDir, AdminGuildIDs: []string{fixtureGuild}, RatePerMinute: 600, Burst: 100, AdminRatePerMinute: 600, AdminBurst: 100}, engine, nil, nil)
	withFile := func(name string) func(map[string]any) {
		return func(m map[string]any) {
			a := m["data"].(map[string]any)["resolved"].(map[string]any)["attachments"].(map[string]any)["1370000000000000001"].(map[string]any)
			a["filename"] = name
		}
	}
	var desc string
	for _, def := range bot.Commands() {
		if def.Name == "ingest" {
			desc = def.Options[0].Description
		}
	}
	refusal := corpus.ErrorMessage(h.Check(interaction(t, "interaction_ingest.json", withFile("photo.png"))))
	for _, ext := range load.Extensions() {
		for _, name := range []string{"new_article" + ext, "NEW" + strings.ToUpper(ext)} {
			if err := h.Check(interaction(t, "interaction_ingest.json", withFile(name))); err != nil {
				t.Errorf("%s refused: %v", name, err)
			}
		}
		if !slices.Contains(strings.Fields(strings.NewReplacer(",", " ").Replace(desc)), ext) {
			t.Errorf("the file option's description %q does not name %s", desc, ext)
		}
		if !strings.Contains(refusal, " "+ext+" ") {
			t.Errorf("the refusal %q does not name %s", refusal, ext)
		}
	}
}
