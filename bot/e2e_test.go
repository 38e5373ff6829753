package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/bot/discordtest"
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/testlog"
	"github.com/newsdesk/newsdesk/index"
)

const testToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.secret-token-value"

// harness is a real bot connected to a fake Discord over loopback.
type harness struct {
	t         *testing.T
	fake      *discordtest.Server
	engine    *index.Engine
	corpusDir string
	logs      *testlog.Buffer
	cancel    context.CancelFunc
	done      chan error
}

// start builds the test index, starts a fake Discord and runs the bot
// against it until the test ends.
func start(t *testing.T, configure func(*bot.Config)) *harness {
	t.Helper()
	return startHooked(t, configure, nil)
}

// hookedEngine calls hook before each question ("ask") and re-index
// ("build"), to make the engine slow or hold a re-index open.
type hookedEngine struct {
	bot.Engine
	hook func(ctx context.Context, op string)
}

func (e hookedEngine) Ask(ctx context.Context, question string, opts index.AskOptions) (*corpus.Result, error) {
	e.hook(ctx, "ask")
	return e.Engine.Ask(ctx, question, opts)
}

func (e hookedEngine) Rebuild(ctx context.Context, opts index.BuildOptions) (index.BuildReport, error) {
	e.hook(ctx, "build")
	return e.Engine.Rebuild(ctx, opts)
}

// startHooked is start with an engine that calls hook, when not nil.
func startHooked(t *testing.T, configure func(*bot.Config), hook func(ctx context.Context, op string)) *harness {
	t.Helper()
	var wrap func(bot.Engine) bot.Engine
	if hook != nil {
		wrap = func(e bot.Engine) bot.Engine { return hookedEngine{Engine: e, hook: hook} }
	}
	return startWrapped(t, configure, wrap)
}

// startWrapped is start with the bot's engine wrapped by wrap, when not nil.
func startWrapped(t *testing.T, configure func(*bot.Config), wrap func(bot.Engine) bot.Engine) *harness {
	t.Helper()
	engine, corpusDir := newCorpus(t)
	fake := discordtest.New(t, testToken)
	logs := &testlog.Buffer{}
	cfg := bot.Config{
		Token: testToken, APIBase: fake.APIBase, CorpusDir: corpusDir,
		RatePerMinute: 600, Burst: 50, DeferAfter: time.Second,
		// The fixtures' server, where their Manage Server members are admins.
		AdminGuildIDs: []string{fixtureGuild},
	}
	if configure != nil {
		configure(&cfg)
	}
	var eng bot.Engine = engine
	if wrap != nil {
		eng = wrap(engine)
	}
	b, err := bot.New(cfg, eng, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, fake: fake, engine: engine, corpusDir: corpusDir, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		h.stop()
		if strings.Contains(h.logs.String(), "secret-token-value") {
			t.Error("the token appears in the logs")
		}
		h.checkAllowedMentions()
	})
	// Wait for registration, or for Run to fail.
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	go func() {
		select {
		case err := <-h.done:
			h.done <- err
			wcancel()
		case <-wctx.Done():
		}
	}()
	if _, err := fake.WaitRequest(wctx, func(r discordtest.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands")
	}); err != nil {
		t.Fatalf("command registration: %v", err)
	}
	return h
}

// stop shuts the bot down and waits for Run to return.
func (h *harness) stop() {
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
		h.done <- nil
	case <-time.After(20 * time.Second):
		h.t.Error("Run did not return after cancel")
	}
}

// followUp waits for the follow-up message of the interaction of token
// and returns it.
func (h *harness) followUp(what, token string) messageBody {
	h.t.Helper()
	r := h.waitRequest(what, func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/webhooks/"+h.fake.AppID+"/"+token
	})
	var f messageBody
	if err := r.JSON(&f); err != nil {
		h.t.Fatal(err)
	}
	return f
}

func (h *harness) waitRequest(what string, match func(discordtest.Request) bool) discordtest.Request {
	h.t.Helper()
	// A bound, not a pause: it returns when the request comes. An ingest
	// re-indexes, which under -race beside every other package's tests on
	// two cores once took over 10 s.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := h.fake.WaitRequest(ctx, match)
	if err != nil {
		h.t.Fatalf("%s: %v", what, err)
	}
	return r
}

// messageBody is the message part of a response, edit or message.
type messageBody struct {
	Content    string                    `json:"content"`
	Flags      int                       `json:"flags"`
	Embeds     []*discordgo.MessageEmbed `json:"embeds"`
	Components []struct {
		Components []struct {
			CustomID string `json:"custom_id"`
			Label    string `json:"label"`
		} `json:"components"`
	} `json:"components"`
	AllowedMentions *struct {
		Parse []string `json:"parse"`
	} `json:"allowed_mentions"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	Choices []struct {
		Name string `json:"name"`
	} `json:"choices"`
}

// text joins a body's visible text.
func (m messageBody) text() string {
	r := bot.Reply{Content: m.Content, Embeds: m.Embeds}
	return allText(r)
}

func (m messageBody) ephemeral() bool { return m.Flags&int(discordgo.MessageFlagsEphemeral) != 0 }

// buttons returns the custom_ids of the body's buttons by label prefix.
func (m messageBody) button(prefix string) string {
	for _, row := range m.Components {
		for _, b := range row.Components {
			if strings.HasPrefix(b.Label, prefix) {
				return b.CustomID
			}
		}
	}
	return ""
}

type callback struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data messageBody                       `json:"data"`
}

// interact dispatches an interaction fixture and returns its callback.
func (h *harness) interact(name string, edit func(map[string]any)) (callback, string) {
	h.t.Helper()
	id, token, err := h.fake.Interaction(fixture(h.t, name, edit))
	if err != nil {
		h.t.Fatal(err)
	}
	return h.callback(id, token), token
}

// interactAs is interact for a callback that must be of type want.
func (h *harness) interactAs(want discordgo.InteractionResponseType, name string, edit func(map[string]any)) callback {
	h.t.Helper()
	cb, _ := h.interact(name, edit)
	if cb.Type != want {
		h.t.Fatalf("%s: response type %d, want %d", name, cb.Type, want)
	}
	return cb
}

func (h *harness) callback(id, token string) callback {
	h.t.Helper()
	r := h.waitRequest("interaction callback "+id, func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/interactions/"+id+"/"+token+"/callback"
	})
	var cb callback
	if err := json.Unmarshal(r.Body, &cb); err != nil {
		h.t.Fatal(err)
	}
	return cb
}

// edit waits for an edit of the original response that matches.
func (h *harness) edit(token string, match func(messageBody) bool) messageBody {
	h.t.Helper()
	var body messageBody
	h.waitRequest("edit of "+token, func(r discordtest.Request) bool {
		if r.Method != "PATCH" || r.Path != "/webhooks/"+h.fake.AppID+"/"+token+"/messages/@original" {
			return false
		}
		var m messageBody
		if json.Unmarshal(r.Body, &m) != nil || !match(m) {
			return false
		}
		body = m
		return true
	})
	return body
}

// checkAllowedMentions asserts that every message the bot sent has an
// empty allowed_mentions.
func (h *harness) checkAllowedMentions() {
	for _, r := range h.fake.Requests() {
		isMessage := (r.Method == "PATCH" && strings.HasPrefix(r.Path, "/webhooks/")) ||
			(r.Method == "POST" && strings.HasPrefix(r.Path, "/webhooks/")) ||
			(r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/"))
		var body messageBody
		if strings.HasSuffix(r.Path, "/callback") {
			var cb callback
			if json.Unmarshal(r.Body, &cb) != nil || cb.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
				continue
			}
			body, isMessage = cb.Data, true
		} else if isMessage {
			if err := json.Unmarshal(r.Body, &body); err != nil {
				h.t.Errorf("%s %s: %v", r.Method, r.Path, err)
				continue
			}
		}
		if isMessage && (body.AllowedMentions == nil || body.AllowedMentions.Parse == nil || len(body.AllowedMentions.Parse) != 0) {
			h.t.Errorf("%s %s: allowed_mentions = %+v in %s", r.Method, r.Path, body.AllowedMentions, r.Body)
		}
	}
}

func TestE2ERegistrationAndIdentify(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *bot.Config) { c.GuildID = "1300000000000000001" })
	reg := h.waitRequest("registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	if want := "/applications/" + h.fake.AppID + "/guilds/1300000000000000001/commands"; reg.Path != want {
		t.Errorf("registered at %s, want %s", reg.Path, want)
	}
	if reg.Authorization != "Bot "+testToken {
		t.Errorf("authorization = %q", reg.Authorization)
	}
	var cmds []discordgo.ApplicationCommand
	if err := reg.JSON(&cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, " "); got != "ask who toll search sources reindex ingest help" {
		t.Errorf("commands = %s", got)
	}
	var identify struct {
		Intents discordgo.Intent `json:"intents"`
	}
	for _, p := range h.fake.Payloads() {
		if p.Op == discordtest.OpIdentify {
			if err := json.Unmarshal(p.Data, &identify); err != nil {
				t.Fatal(err)
			}
		}
	}
	if identify.Intents != bot.Intents || identify.Intents&discordgo.IntentsMessageContent != 0 {
		t.Errorf("intents = %d, want %d without Message Content", identify.Intents, bot.Intents)
	}
	h.stop()
	for _, r := range h.fake.Requests() {
		if r.Method == "DELETE" && strings.Contains(r.Path, "/commands") {
			t.Errorf("commands deleted at shutdown: %s", r.Path)
		}
	}
}

func TestE2EGlobalRegistration(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	reg := h.waitRequest("registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	if want := "/applications/" + h.fake.AppID + "/commands"; reg.Path != want {
		t.Errorf("registered at %s, want %s", reg.Path, want)
	}
}

func TestE2EAsk(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	cb := h.interactAs(discordgo.InteractionResponseChannelMessageWithSource, "interaction_ask.json", nil)
	if cb.Data.ephemeral() || len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.text(), "Stanek") {
		t.Fatalf("answer = %+v", cb.Data)
	}
	e := cb.Data.Embeds[0]
	if e.Footer == nil || !strings.Contains(e.Footer.Text, "¶") || e.Title == "" {
		t.Errorf("embed = %+v", e)
	}

	// An unknown person gets a plain ephemeral reply.
	cb, _ = h.interact("interaction_ask.json", setOption("question", "who is Ghassan Tarabulsi"))
	if !cb.Data.ephemeral() || !strings.Contains(cb.Data.Content, "I found no article that mentions Ghassan Tarabulsi.") || len(cb.Data.Embeds) != 0 {
		t.Errorf("not found = %+v", cb.Data)
	}
}

func TestE2EWhoAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	cb := h.interactAs(discordgo.InteractionApplicationCommandAutocompleteResult, "interaction_who_autocomplete.json", nil)
	var names []string
	for _, c := range cb.Data.Choices {
		names = append(names, c.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "Stanek") {
		t.Errorf("choices for %q = %q", "miri", names)
	}
}

func TestE2EButtons(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *bot.Config) { c.PageSize = 1 })
	cb, _ := h.interact("interaction_ask.json", setOption("question", "storm"))
	more := cb.Data.button("More")
	ctxID := cb.Data.button("Context")
	if more == "" || ctxID == "" {
		t.Fatalf("buttons missing in %+v", cb.Data.Components)
	}
	first := cb.Data.Embeds[0].Description

	// "More" pages by editing the message in place; its state is all in
	// the custom_id, so this works in a fresh process too.
	cb, _ = h.interact("interaction_button_more.json", func(m map[string]any) {
		m["data"].(map[string]any)["custom_id"] = more
	})
	if cb.Type != discordgo.InteractionResponseUpdateMessage || len(cb.Data.Embeds) != 1 {
		t.Fatalf("More: type %d, %+v", cb.Type, cb.Data)
	}
	if cb.Data.Embeds[0].Description == first {
		t.Error("More showed the same passage again")
	}

	// "Context" answers privately with the neighbouring paragraphs.
	cb, _ = h.interact("interaction_button_context.json", func(m map[string]any) {
		m["data"].(map[string]any)["custom_id"] = ctxID
	})
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || !cb.Data.ephemeral() || len(cb.Data.Embeds) != 1 || !strings.Contains(cb.Data.Embeds[0].Description, "▸") {
		t.Errorf("Context: type %d, %+v", cb.Type, cb.Data)
	}
}

func TestE2EMentionAndDM(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	id, err := h.fake.Message(fixture(t, "message_mention.json", nil))
	if err != nil {
		t.Fatal(err)
	}
	r := h.waitRequest("mention reply", func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/1300000000000000010/messages"
	})
	var m messageBody
	if err := r.JSON(&m); err != nil {
		t.Fatal(err)
	}
	if m.Reference == nil || m.Reference.MessageID != id {
		t.Errorf("mention reply does not reply to message %s: %+v", id, m.Reference)
	}
	if len(m.Embeds) == 0 || !strings.Contains(m.text(), "Stanek") || strings.Contains(m.text(), "@everyone") {
		t.Errorf("mention reply = %q", m.text())
	}

	if _, err := h.fake.Message(fixture(t, "message_dm.json", nil)); err != nil {
		t.Fatal(err)
	}
	r = h.waitRequest("DM reply", func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/1300000000000000099/messages"
	})
	m = messageBody{}
	if err := r.JSON(&m); err != nil {
		t.Fatal(err)
	}
	if m.Reference != nil || len(m.Embeds) == 0 {
		t.Errorf("DM reply = %+v", m)
	}

	// A message that is not for the bot gets nothing.
	if _, err := h.fake.Message(fixture(t, "message_other.json", nil)); err != nil {
		t.Fatal(err)
	}
	// Prove the bot is past that message by asking something after it.
	h.interact("interaction_sources.json", nil)
	n := 0
	for _, r := range h.fake.Requests() {
		if r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d channel messages sent, want 2", n)
	}
}

func TestE2EReindexRefusedForMember(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	cb, _ := h.interact("interaction_reindex_member.json", nil)
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || !cb.Data.ephemeral() || !strings.Contains(cb.Data.Content, "Only admins") {
		t.Errorf("refusal = type %d %+v", cb.Type, cb.Data)
	}
}

func TestE2EReindexWhileAnswering(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	building := make(chan struct{}, 1)
	h := startHooked(t, nil, func(ctx context.Context, op string) {
		if op == "build" {
			building <- struct{}{}
			select {
			case <-release:
			case <-ctx.Done():
			}
		}
	})
	cb, token := h.interact("interaction_reindex_admin.json", nil)
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !cb.Data.ephemeral() {
		t.Fatalf("reindex ack = type %d %+v, want an ephemeral defer", cb.Type, cb.Data)
	}
	select {
	case <-building:
	case <-time.After(10 * time.Second):
		t.Fatal("build did not start")
	}

	// Queries keep being answered from the current index.
	cb, _ = h.interact("interaction_ask.json", nil)
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.text(), "Stanek") {
		t.Errorf("ask during reindex = type %d %q", cb.Type, cb.Data.text())
	}
	// A second re-index is refused.
	cb, _ = h.interact("interaction_reindex_admin.json", nil)
	if !cb.Data.ephemeral() || !strings.Contains(cb.Data.Content, "already running") {
		t.Errorf("second reindex = %+v", cb.Data)
	}

	// A new article added meanwhile is found after the swap.
	article := "---\ntitle: \"Lighthouse keeper honoured\"\nsource: \"Northern Ledger\"\npublished: 2024-05-25\n---\n\nThe lighthouse keeper Oskar Brandvold guided three trawlers to safety during the storm.\n"
	if err := os.WriteFile(filepath.Join(h.corpusDir, "lighthouse.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	close(release)
	done := h.edit(token, func(m messageBody) bool { return strings.HasPrefix(m.Content, "Re-indexed") })
	if !strings.Contains(done.Content, "4 articles") {
		t.Errorf("reindex report = %q", done.Content)
	}
	cb, _ = h.interact("interaction_ask.json", setOption("question", "who is Oskar Brandvold"))
	if len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.text(), "Brandvold") {
		t.Errorf("after reindex = %q", cb.Data.text())
	}
}

func TestE2EDeferredSlowReply(t *testing.T) {
	t.Parallel()
	h := startHooked(t, func(c *bot.Config) { c.DeferAfter = 100 * time.Millisecond }, func(ctx context.Context, op string) {
		if op == "ask" {
			time.Sleep(400 * time.Millisecond)
		}
	})
	cb, token := h.interact("interaction_ask.json", nil)
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Data.ephemeral() {
		t.Fatalf("ack = type %d %+v, want a public defer", cb.Type, cb.Data)
	}
	m := h.edit(token, func(m messageBody) bool { return len(m.Embeds) > 0 })
	if !strings.Contains(m.text(), "Stanek") {
		t.Errorf("edited reply = %q", m.text())
	}

	// A slow question that finds nothing replaces the public "thinking"
	// message with an ephemeral follow-up.
	_, token = h.interact("interaction_ask.json", setOption("question", "who is Ghassan Tarabulsi"))
	h.waitRequest("delete deferred", func(r discordtest.Request) bool {
		return r.Method == "DELETE" && strings.Contains(r.Path, token+"/messages/@original")
	})
	f := h.followUp("follow-up", token)
	if !f.ephemeral() || !strings.Contains(f.Content, "I found no article that mentions Ghassan Tarabulsi.") {
		t.Errorf("follow-up = %+v", f)
	}
}

func TestE2ERateLimitedUser(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *bot.Config) { c.RatePerMinute, c.Burst = 1, 1 })
	cb, _ := h.interact("interaction_ask.json", nil)
	if cb.Data.ephemeral() || len(cb.Data.Embeds) == 0 {
		t.Fatalf("first question refused: %+v", cb.Data)
	}
	cb, _ = h.interact("interaction_ask.json", nil)
	if !cb.Data.ephemeral() || !strings.Contains(cb.Data.Content, "please wait") {
		t.Errorf("second question = %+v", cb.Data)
	}
}

func TestE2ERESTRateLimit429(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	h.fake.RateLimitNext("POST", "/interactions/", 0.25)
	id, token, err := h.fake.Interaction(fixture(t, "interaction_sources.json", nil))
	if err != nil {
		t.Fatal(err)
	}
	h.callback(id, token)
	var times []time.Time
	for _, r := range h.fake.Requests() {
		if r.Path == "/interactions/"+id+"/"+token+"/callback" {
			times = append(times, r.Time)
		}
	}
	// Wait for the retry: the first callback got the 429.
	deadline := time.Now().Add(5 * time.Second)
	for len(times) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		times = times[:0]
		for _, r := range h.fake.Requests() {
			if r.Path == "/interactions/"+id+"/"+token+"/callback" {
				times = append(times, r.Time)
			}
		}
	}
	if len(times) != 2 {
		t.Fatalf("%d callback requests, want the 429 and a retry", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < 200*time.Millisecond {
		t.Errorf("retried after %v, before retry_after", gap)
	}
}

func TestE2EGatewayResume(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	h.fake.DropConnection()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := h.fake.WaitConnected(ctx, 1, 1); err != nil {
		t.Fatalf("no RESUME after a dropped connection: %v", err)
	}
	if ids, _ := h.fake.Counts(); ids != 1 {
		t.Errorf("%d IDENTIFYs, want 1 (resumed, not re-identified)", ids)
	}
	cb, _ := h.interact("interaction_ask.json", nil)
	if len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.text(), "Stanek") {
		t.Errorf("after resume = %q", cb.Data.text())
	}
}

func TestE2EIngest(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	article := "---\ntitle: \"Ferry operator suspends night crossings\"\nsource: \"Harbour Gazette\"\npublished: 2024-05-28\n---\n\nThe ferry operator Kestrel Lines suspended night crossings to the islands until the breakwater is repaired, its director Ilse Marrow said.\n"
	url := h.fake.AddAttachment("harbour_report.md", []byte(article))
	setAttachment := func(name, url string, overwrite bool) func(map[string]any) {
		return func(m map[string]any) {
			data := m["data"].(map[string]any)
			a := data["resolved"].(map[string]any)["attachments"].(map[string]any)["1370000000000000001"].(map[string]any)
			a["filename"], a["url"] = name, url
			if overwrite {
				data["options"] = append(data["options"].([]any), map[string]any{"name": "overwrite", "type": 5, "value": true})
			}
		}
	}
	cb, token := h.interact("interaction_ingest.json", setAttachment("../harbour report.md", url, false))
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !cb.Data.ephemeral() {
		t.Fatalf("ingest ack = type %d", cb.Type)
	}
	m := h.edit(token, func(m messageBody) bool {
		return strings.Contains(m.Content, "Re-indexed") || strings.Contains(m.Content, "nothing was written")
	})
	if !strings.Contains(m.Content, "Added harbour\\_report.md") {
		t.Errorf("ingest report = %q", m.Content)
	}
	if data, err := os.ReadFile(filepath.Join(h.corpusDir, "harbour_report.md")); err != nil || string(data) != article {
		t.Errorf("corpus file: %v", err)
	}
	cb, _ = h.interact("interaction_ask.json", setOption("question", "who is Ilse Marrow"))
	if len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.text(), "Marrow") {
		t.Errorf("ingested article not found: %q", cb.Data.text())
	}

	// The same name again is refused at once, nothing replaced.
	cb, _ = h.interact("interaction_ingest.json", setAttachment("harbour report.md", url, false))
	if !cb.Data.ephemeral() || !strings.Contains(cb.Data.Content, "overwrite") {
		t.Errorf("duplicate = %+v", cb.Data)
	}

	// An invalid file is rejected with the reason and nothing is written.
	bad := h.fake.AddAttachment("broken.json", []byte(`{"title": "half a record", "paragraphs": [`))
	_, token = h.interact("interaction_ingest.json", setAttachment("broken.json", bad, false))
	m = h.edit(token, func(m messageBody) bool { return m.Content != "" && !strings.HasPrefix(m.Content, "Downloading") })
	if !strings.Contains(m.Content, "nothing was written") {
		t.Errorf("invalid file = %q", m.Content)
	}
	if _, err := os.Stat(filepath.Join(h.corpusDir, "broken.json")); !os.IsNotExist(err) {
		t.Errorf("invalid file was written: %v", err)
	}
	entries, _ := os.ReadDir(h.corpusDir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".ingest-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestE2EGracefulShutdownFinishesInFlight(t *testing.T) {
	t.Parallel()
	started := make(chan struct{}, 1)
	h := startHooked(t, func(c *bot.Config) { c.DeferAfter = 50 * time.Millisecond }, func(ctx context.Context, op string) {
		if op == "ask" {
			started <- struct{}{}
			time.Sleep(500 * time.Millisecond)
		}
	})
	_, token, err := h.fake.Interaction(fixture(t, "interaction_ask.json", nil))
	if err != nil {
		t.Fatal(err)
	}
	<-started
	h.stop()
	found := false
	for _, r := range h.fake.Requests() {
		if (r.Method == "PATCH" || r.Method == "POST") && strings.HasPrefix(r.Path, "/webhooks/") && strings.Contains(r.Path, token) {
			found = true
		}
	}
	if !found {
		t.Error("the in-flight reply was not delivered before shutdown")
	}
}

func TestE2EWrongTokenErrorHidesToken(t *testing.T) {
	t.Parallel()
	engine, corpusDir := newCorpus(t)
	fake := discordtest.New(t, testToken)
	logs := &testlog.Buffer{}
	const wrong = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.wrong-secret-value"
	b, err := bot.New(bot.Config{Token: wrong, APIBase: fake.APIBase, CorpusDir: corpusDir}, engine, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = b.Run(ctx)
	if err == nil {
		t.Fatal("Run with a wrong token succeeded")
	}
	if strings.Contains(err.Error(), "wrong-secret-value") || strings.Contains(logs.String(), "wrong-secret-value") {
		t.Errorf("the token leaked: %v\n%s", err, logs.String())
	}
	if !strings.Contains(err.Error(), "401") {
		t.Errorf("error does not say why: %v", err)
	}
}

func TestNewRejectsMissingToken(t *testing.T) {
	engine, _ := newCorpus(t)
	if _, err := bot.New(bot.Config{}, engine, nil); err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("New without token: %v", err)
	}
	_, err := bot.New(bot.Config{Token: testToken, APIBase: "ftp://x"}, engine, nil)
	if err == nil || strings.Contains(fmt.Sprint(err), "secret-token-value") {
		t.Errorf("bad API base: %v", err)
	}
	var none *index.Engine
	for _, e := range []bot.Engine{nil, none} {
		if _, err := bot.New(bot.Config{Token: testToken}, e, nil); err == nil || !strings.Contains(err.Error(), "index engine") {
			t.Errorf("New with engine %#v: %v, want an error asking for an engine", e, err)
		}
	}
}
