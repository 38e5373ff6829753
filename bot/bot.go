// Package bot puts newsdesk in Discord: slash commands, mentions and direct
// messages answered from the index with quoted passages. It is the only
// package that imports discordgo.
//
// A Handler turns interactions and messages into Replies (pure rendering
// plus engine calls); Bot connects to the gateway, acknowledges every
// interaction within Discord's 3 seconds (answering at once when fast,
// deferring and editing otherwise) and sends every message with empty
// allowed_mentions.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/index"
)

// Intents are the gateway intents the bot asks for. Message Content is not
// among them: Discord still sends the content of messages that mention the
// bot and of direct messages.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// restTimeout bounds one REST call to Discord (retries after a 429 included).
const restTimeout = 15 * time.Second

// Bot is newsdesk's Discord bot.
type Bot struct {
	cfg     Config
	session *discordgo.Session
	handler *Handler
	log     *slog.Logger
	token   string

	mu      sync.Mutex
	closing bool
	running sync.WaitGroup // in-flight handlers
	// work is the context of in-flight handlers; cancelled when shutdown
	// has waited ShutdownTimeout.
	work       context.Context
	cancelWork context.CancelFunc
}

// New returns a bot answering from engine. It makes no connection: Run does.
func New(cfg Config, engine Engine, log *slog.Logger) (*Bot, error) {
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	token := strings.TrimSpace(cfg.Token)
	token = strings.TrimSpace(strings.TrimPrefix(token, "Bot "))
	if token == "" {
		return nil, errors.New("no Discord bot token: set DISCORD_TOKEN")
	}
	if e, ok := engine.(*index.Engine); engine == nil || ok && e == nil {
		return nil, errors.New("bot needs an index engine")
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("create Discord session: %w", redact(err, token))
	}
	transport := http.DefaultTransport
	if cfg.APIBase != "" {
		base, err := url.Parse(strings.TrimRight(cfg.APIBase, "/"))
		if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
			return nil, fmt.Errorf("discord API base %q is not an http(s) URL", cfg.APIBase)
		}
		transport = &rewriteTransport{base: base, next: http.DefaultTransport}
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: transport}
	s.Identify.Intents = Intents
	s.LogLevel = discordgo.LogError // discordgo logs the identify packet at debug level
	s.StateEnabled = true
	s.State.TrackChannels = false
	s.State.TrackMembers = false
	s.State.TrackRoles = false
	s.State.TrackVoice = false
	s.State.TrackPresences = false
	s.State.TrackEmojis = false
	s.State.TrackStickers = false
	s.State.TrackThreads = false
	s.State.TrackThreadMembers = false
	s.ShouldRetryOnRateLimit = true

	b := &Bot{cfg: cfg, session: s, log: log, token: token}
	b.handler = NewHandler(cfg, engine, s.Client, log)
	b.work, b.cancelWork = context.WithCancel(context.Background())
	return b, nil
}

// Run connects to the gateway, registers the commands (bulk overwrite,
// global or in Config.GuildID) and serves until ctx ends. It then stops
// taking new work, waits for in-flight replies (at most ShutdownTimeout,
// then cancels them) and closes the gateway. Commands are never deleted.
func (b *Bot) Run(ctx context.Context) error {
	s := b.session
	removeI := s.AddHandler(b.onInteraction)
	removeM := s.AddHandler(b.onMessage)
	removeR := s.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { b.log.Info("gateway session resumed") })
	defer removeI()
	defer removeM()
	defer removeR()

	if err := s.Open(); err != nil {
		return fmt.Errorf("connect to the Discord gateway: %w", redact(err, b.token))
	}
	if err := b.register(ctx); err != nil {
		b.shutdown()
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return err
	}
	b.log.Info("discord bot ready", "user", b.botUser(), "guild", b.cfg.GuildID)
	<-ctx.Done()
	b.log.Info("discord bot shutting down")
	b.shutdown()
	return nil
}

// register bulk-overwrites the commands.
func (b *Bot) register(ctx context.Context) error {
	appID := b.appID()
	if appID == "" {
		return errors.New("register commands: the gateway's READY named no application")
	}
	rctx, cancel := context.WithTimeout(ctx, restTimeout)
	defer cancel()
	cmds, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, Commands(), discordgo.WithContext(rctx))
	if err != nil {
		return fmt.Errorf("register slash commands: %w", redact(err, b.token))
	}
	b.log.Info("slash commands registered", "count", len(cmds), "guild", b.cfg.GuildID)
	return nil
}

// shutdown stops new work, waits for in-flight handlers and closes the gateway.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(b.cfg.ShutdownTimeout):
		b.log.Warn("shutdown: cancelling replies still running", "after", b.cfg.ShutdownTimeout)
		b.cancelWork()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			b.log.Warn("shutdown: replies did not stop")
		}
	}
	b.cancelWork()
	if err := b.session.Close(); err != nil {
		b.log.Warn("close gateway", "err", redact(err, b.token))
	}
}

// begin registers an in-flight handler; false once shutting down.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.running.Add(1)
	return true
}

func (b *Bot) appID() string {
	st := b.session.State
	st.RLock()
	defer st.RUnlock()
	if st.Application != nil && st.Application.ID != "" {
		return st.Application.ID
	}
	if st.User != nil {
		return st.User.ID
	}
	return ""
}

func (b *Bot) botUser() string {
	st := b.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User != nil {
		return st.User.ID
	}
	return ""
}

// onInteraction acknowledges and answers an interaction.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer b.survive("interaction")
	i := ic.Interaction
	if i == nil {
		return
	}
	if !b.begin() {
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			b.respond(i, Reply{Content: "I'm restarting — please try again in a minute.", Ephemeral: true}, discordgo.InteractionResponseChannelMessageWithSource)
		}
		return
	}
	defer b.running.Done()
	ctx := b.work
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		choices := b.handler.Autocomplete(ctx, i)
		rctx, cancel := context.WithTimeout(ctx, restTimeout)
		defer cancel()
		err := s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		}, discordgo.WithContext(rctx))
		if err != nil {
			b.log.Warn("autocomplete response", "err", redact(err, b.token, i.Token))
		}
		return
	}
	if i.Type != discordgo.InteractionApplicationCommand && i.Type != discordgo.InteractionMessageComponent {
		return
	}
	if err := b.handler.Check(i); err != nil {
		b.respond(i, ErrorReply(err, b.log), discordgo.InteractionResponseChannelMessageWithSource)
		return
	}
	style := StyleOf(i)
	b.answer(ctx, i, style)
}

type outcome struct {
	reply Reply
	err   error
}

// answer runs the handler and delivers its reply: at once when it is ready
// within DeferAfter, otherwise by deferring and editing.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, style Style) {
	var (
		progressMu sync.Mutex
		latest     string
	)
	progress := func(text string) {
		progressMu.Lock()
		latest = text
		progressMu.Unlock()
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("handler panic", "panic", p, "stack", string(debug.Stack()))
				done <- outcome{err: fmt.Errorf("handler panic: %v", p)}
			}
		}()
		r, err := b.handler.Handle(ctx, i, progress)
		done <- outcome{r, err}
	}()

	immediate := discordgo.InteractionResponseChannelMessageWithSource
	deferType := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if style.Update {
		immediate = discordgo.InteractionResponseUpdateMessage
		deferType = discordgo.InteractionResponseDeferredMessageUpdate
	}
	wait := b.cfg.DeferAfter
	if style.AlwaysDefer {
		wait = 0
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case out := <-done:
		if out.err != nil {
			b.respond(i, ErrorReply(out.err, b.log), discordgo.InteractionResponseChannelMessageWithSource)
			return
		}
		b.respond(i, out.reply, immediate)
		return
	case <-timer.C:
	}

	// Too slow to answer at once: defer, then edit the original response.
	if !b.deferResponse(i, deferType, style.Ephemeral) {
		return
	}
	ticker := time.NewTicker(progressEvery)
	defer ticker.Stop()
	shown := ""
	for {
		select {
		case out := <-done:
			b.finish(i, style, out)
			return
		case <-ticker.C:
			progressMu.Lock()
			text := latest
			progressMu.Unlock()
			if text != "" && text != shown {
				shown = text
				b.edit(i, Reply{Content: text})
			}
		}
	}
}

// progressEvery is how often a long task's progress is shown by editing.
const progressEvery = 2 * time.Second

// finish delivers a deferred interaction's outcome by editing the
// original response. An error after a public defer replaces the "thinking"
// message by an ephemeral follow-up, so that only the asker sees it.
func (b *Bot) finish(i *discordgo.Interaction, style Style, out outcome) {
	if out.err == nil {
		b.edit(i, out.reply)
		return
	}
	r := ErrorReply(out.err, b.log)
	if style.Ephemeral {
		b.edit(i, r)
		return
	}
	if !style.Update {
		ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
		defer cancel()
		if err := b.session.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("delete deferred response", "err", redact(err, b.token, i.Token))
		}
	}
	b.followup(i, r)
}

// The REST calls below use their own timeout rather than the work context,
// so that replies in flight are still delivered while shutting down.

// respond sends an interaction response of the given type.
func (b *Bot) respond(i *discordgo.Interaction, r Reply, typ discordgo.InteractionResponseType) {
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	data := &discordgo.InteractionResponseData{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: NoMentions(),
	}
	if typ == discordgo.InteractionResponseUpdateMessage {
		if data.Embeds == nil {
			data.Embeds = []*discordgo.MessageEmbed{}
		}
		if data.Components == nil {
			data.Components = []discordgo.MessageComponent{}
		}
	}
	if r.Ephemeral && typ != discordgo.InteractionResponseUpdateMessage {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: data}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("interaction response", "err", redact(err, b.token, i.Token))
	}
}

// deferResponse acknowledges an interaction to answer later.
func (b *Bot) deferResponse(i *discordgo.Interaction, typ discordgo.InteractionResponseType, ephemeral bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	data := &discordgo.InteractionResponseData{AllowedMentions: NoMentions()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: data}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("defer interaction", "err", redact(err, b.token, i.Token))
		return false
	}
	return true
}

// edit replaces the original response's content, embeds and buttons.
func (b *Bot) edit(i *discordgo.Interaction, r Reply) {
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	content := r.Content
	embeds := r.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := r.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	_, err := b.session.InteractionResponseEdit(i, &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: NoMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("edit interaction response", "err", redact(err, b.token, i.Token))
	}
}

// followup sends a follow-up message to an interaction.
func (b *Bot) followup(i *discordgo.Interaction, r Reply) {
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	p := &discordgo.WebhookParams{Content: r.Content, Embeds: r.Embeds, Components: r.Components, AllowedMentions: NoMentions()}
	if r.Ephemeral {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	if _, err := b.session.FollowupMessageCreate(i, true, p, discordgo.WithContext(ctx)); err != nil {
		b.log.Warn("follow-up message", "err", redact(err, b.token, i.Token))
	}
}

// survive keeps the bot running when handling one event panics: discordgo
// calls handlers on bare goroutines, so a panic would end the process.
// The panic is logged with its stack; the user gets no reply.
func (b *Bot) survive(event string) {
	if p := recover(); p != nil {
		b.log.Error("panic while handling an event", "event", event, "panic", p, "stack", string(debug.Stack()))
	}
}

// onMessage answers mentions and direct messages.
func (b *Bot) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	defer b.survive("message")
	if mc.Message == nil {
		return
	}
	if !b.begin() {
		return
	}
	defer b.running.Done()
	r, ok, err := b.handler.Message(b.work, mc.Message, b.botUser())
	if !ok {
		return
	}
	if err != nil {
		r = ErrorReply(err, b.log)
	}
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	send := &discordgo.MessageSend{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: NoMentions(),
	}
	if mc.GuildID != "" {
		send.Reference = &discordgo.MessageReference{MessageID: mc.ID, ChannelID: mc.ChannelID, GuildID: mc.GuildID}
	}
	_, err = s.ChannelMessageSendComplex(mc.ChannelID, send, discordgo.WithContext(ctx))
	if err != nil && send.Reference != nil {
		// The message may be gone, or the bot may not read the channel's
		// history: answer without replying to it rather than not at all.
		send.Reference = nil
		_, err = s.ChannelMessageSendComplex(mc.ChannelID, send, discordgo.WithContext(ctx))
	}
	if err != nil {
		b.log.Warn("send message", "channel", mc.ChannelID, "err", redact(err, b.token))
	}
}

// rewriteTransport sends requests for https://discord.com/api/… to base.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" || (r.URL.Path != "/api" && !strings.HasPrefix(r.URL.Path, "/api/")) {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	u := *r.URL
	u.Scheme, u.Host = t.base.Scheme, t.base.Host
	u.Path = t.base.Path + strings.TrimPrefix(r.URL.Path, "/api")
	if r.URL.RawPath != "" {
		u.RawPath = t.base.EscapedPath() + strings.TrimPrefix(r.URL.RawPath, "/api")
	}
	r2.URL = &u
	r2.Host = u.Host
	return t.next.RoundTrip(r2)
}

// redact removes secrets from an error's text: the bot token, and
// interaction tokens, which discordgo's errors carry in webhook URLs.
func redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[token]")
		}
	}
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg}
}

// redactedError is an error whose text had the token removed; it does not
// unwrap, so that nothing reaches the original text.
type redactedError struct{ msg string }

func (e *redactedError) Error() string { return e.msg }
