// Package bot puts newsdesk in Discord: slash commands, mentions and direct
// messages answered from the index with quoted passages. It is the only
// package that imports discordgo.
//
// The files, from the outside in: bot.go connects to the gateway and
// acknowledges every interaction within Discord's 3 seconds (answering at
// once when fast, deferring and editing otherwise); deliver.go is the one
// conversion of a Reply into what Discord is sent, with empty
// allowed_mentions always; routes.go is the route table, one row per
// command and per kind of button; handler.go dispatches through it, runs
// the checks and turns errors into replies (ErrorReply); commands.go and
// ingest.go are the handlers; render.go and text.go are pure renderers,
// tested without a network.
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
	// tasks is the context of the long admin tasks (Load Task) and of the
	// re-index at start; cancelled as soon as shutdown begins.
	tasks       context.Context
	cancelTasks context.CancelFunc
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
	b.tasks, b.cancelTasks = context.WithCancel(b.work)
	return b, nil
}

// Run connects to the gateway, registers the commands (bulk overwrite,
// global or in Config.GuildID), starts the re-index Config.Reindex asks
// for, and serves until ctx ends. It then stops taking new work,
// interrupts the re-index or ingest running (telling the admin), tells the
// questions waiting their turn to ask again, waits for the replies in
// flight (at most ShutdownTimeout, then cancels them) and closes the
// gateway. Commands are never deleted.
func (b *Bot) Run(ctx context.Context) error {
	s := b.session
	removeI := s.AddHandler(b.onInteraction)
	removeM := s.AddHandler(b.onMessage)
	removeR := s.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { b.log.Info("gateway session resumed") })
	defer removeI()
	defer removeM()
	defer removeR()

	if err := s.Open(); err != nil {
		return fmt.Errorf("connect to the Discord gateway: %w", redact(rebase(err, b.cfg.APIBase), b.token))
	}
	if err := b.register(ctx); err != nil {
		b.shutdown()
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return err
	}
	b.log.Info("discord bot ready", "user", b.botUser(), "guild", b.cfg.GuildID)
	if b.cfg.Reindex && b.begin() {
		go b.reindexAtStart()
	}
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
		return fmt.Errorf("register slash commands: %w", redact(rebase(err, b.cfg.APIBase), b.token))
	}
	b.log.Info("slash commands registered", "count", len(cmds), "guild", b.cfg.GuildID)
	return nil
}

// shutdown stops new work, interrupts the admin tasks, sends the waiting
// questions away, waits for in-flight handlers and closes the gateway.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	b.cancelTasks()
	b.handler.queue.close()
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
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer b.survive("interaction")
	i := ic.Interaction
	if i == nil {
		return
	}
	if !b.begin() {
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			b.deliverNow(i, Style{}, outcome{err: errRestarting})
		}
		return
	}
	defer b.running.Done()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.suggest(i, b.handler.Autocomplete(b.work, i))
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		return
	}
	route, _ := b.handler.Route(i)
	if err := b.handler.Check(i); err != nil {
		b.deliverNow(i, route.Style, outcome{err: err})
		return
	}
	t, err := b.handler.enter(route)
	if err != nil {
		b.deliverNow(i, route.Style, outcome{err: err})
		return
	}
	ctx := b.work
	if route.Load == Task {
		ctx = b.tasks
	}
	b.answer(ctx, i, route.Style, t)
}

// outcome is what a handler returned.
type outcome struct {
	reply Reply
	err   error
}

// answer runs the handler and delivers its reply: at once when it is ready
// within DeferAfter, otherwise by deferring and editing, showing the
// progress of long tasks meanwhile. A question with a turn in the search
// queue (t, nil for other rows) that must wait for it is deferred at once,
// so that its acknowledgement never waits for other questions' searches.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, style Style, t *turn) {
	var (
		progressMu sync.Mutex
		latest     string
	)
	progress := func(text string) {
		progressMu.Lock()
		latest = text
		progressMu.Unlock()
	}
	wait := b.cfg.DeferAfter
	if style.AlwaysDefer || t != nil && t.waiting() {
		wait = 0
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("handler panic", "panic", p, "stack", string(debug.Stack()))
				done <- outcome{err: fmt.Errorf("handler panic: %v", p)}
			}
		}()
		if t != nil {
			defer t.leave()
			if err := t.wait(ctx); err != nil {
				done <- outcome{err: err}
				return
			}
		}
		r, err := b.handler.Handle(ctx, i, progress)
		done <- outcome{r, err}
	}()

	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case out := <-done:
		b.deliverNow(i, style, out)
		return
	case <-timer.C:
	}

	// Too slow to answer at once: defer, then edit the original response.
	if !b.deferResponse(i, style) {
		return
	}
	ticker := time.NewTicker(progressEvery)
	defer ticker.Stop()
	shown := ""
	for {
		select {
		case out := <-done:
			b.deliverDeferred(i, style, out)
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

// survive keeps the bot running when handling one event panics: discordgo
// calls handlers on bare goroutines, so a panic would end the process.
// The panic is logged with its stack; the user gets no reply.
func (b *Bot) survive(event string) {
	if p := recover(); p != nil {
		b.log.Error("panic while handling an event", "event", event, "panic", p, "stack", string(debug.Stack()))
	}
}

// reindexAtStart re-indexes the corpus in the background (Config.Reindex)
// and swaps to the new index; shutdown interrupts it, and the next start
// resumes it. Call it after begin.
func (b *Bot) reindexAtStart() {
	defer b.running.Done()
	defer b.survive("re-index at start")
	b.log.Info("re-indexing the corpus in the background; answering from the current index meanwhile", "corpus", b.cfg.CorpusDir)
	rep, err := b.handler.rebuild(b.tasks, func(string) {})
	switch {
	case err == nil:
		b.log.Info("index rebuilt and swapped in", "articles", rep.Articles, "paragraphs", rep.Paragraphs,
			"analysed", rep.Analysed, "unchanged", rep.Reused, "removed", rep.Removed, "skipped", len(rep.Skipped), "duration", rep.Duration)
	case b.tasks.Err() != nil:
		b.log.Info("re-index interrupted by shutdown; it resumes at the next start")
	case errors.Is(err, index.ErrBuildRunning):
		b.log.Warn("another process is indexing the corpus; answering from the current index")
	default:
		b.log.Error("re-index at start failed; answering from the current index", "err", err)
	}
}

// onMessage answers mentions and direct messages.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
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
	b.sendMessage(mc.Message, r)
}
