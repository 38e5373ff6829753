package bot

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/question"
)

// Handler turns interactions and messages into replies. It holds the bot's
// dependencies and no connection: Bot sends what it returns. Every
// interaction is answered by a row of the route table (routes.go);
// handlers return errors, and ErrorReply is the one place that turns them
// into replies.
type Handler struct {
	cfg     Config
	engine  Engine
	client  *http.Client
	log     *slog.Logger
	limiter *userLimiter
	// admins is the admin commands' bucket per user, apart from limiter.
	admins *userLimiter
	// queue bounds the questions searched at once.
	queue  *searchQueue
	routes routes
	// building is set while a re-index or ingest runs.
	building atomic.Bool
}

// NewHandler returns a Handler answering from engine. client downloads
// /ingest attachments; log receives internal errors.
func NewHandler(cfg Config, engine Engine, client *http.Client, log *slog.Logger) *Handler {
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if client == nil {
		client = http.DefaultClient
	}
	return &Handler{cfg: cfg, engine: engine, client: client, log: log,
		limiter: newUserLimiter(cfg.RatePerMinute, cfg.Burst),
		admins:  newUserLimiter(cfg.AdminRatePerMinute, cfg.AdminBurst),
		queue:   newSearchQueue(cfg.MaxSearches, cfg.QueueSize),
		routes:  newRoutes()}
}

// Route returns the route table's row for i: how its reply is sent,
// whether it is for admins and its rate limit. ok is false when no row
// answers i; Handle then replies that it does not know it.
func (h *Handler) Route(i *discordgo.Interaction) (r Route, ok bool) {
	return h.routes.route(i)
}

// userOf returns who sent an interaction, in a guild or a DM.
func userOf(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	if i.User != nil {
		return i.User
	}
	return &discordgo.User{}
}

// Check runs the checks that answer at once, before any work: the user's
// rate limit (their questions' bucket, or their admin bucket for the admin
// commands), and then the row's own: the admin check and, for example,
// whether a re-index is running or the attachment's type and size. Its
// errors are for the user (EINVALID).
func (h *Handler) Check(i *discordgo.Interaction) error {
	if i.Type != discordgo.InteractionApplicationCommand && i.Type != discordgo.InteractionMessageComponent {
		return nil
	}
	route, _ := h.Route(i)
	switch route.Rate {
	case PerUser:
		if err := h.rateLimit(h.limiter, userOf(i).ID); err != nil {
			return err
		}
	case PerAdmin:
		if err := h.rateLimit(h.admins, userOf(i).ID); err != nil {
			return err
		}
	}
	c, ok := h.routes.command(i)
	if !ok {
		return nil
	}
	if err := h.authorize(c, i); err != nil {
		return err
	}
	if c.check != nil {
		return c.check(h, request{interaction: i, data: i.ApplicationCommandData()})
	}
	return nil
}

// authorize refuses an admin command to a user who is not an admin.
func (h *Handler) authorize(c command, i *discordgo.Interaction) error {
	if c.admin && !h.IsAdmin(i) {
		return corpus.Errorf(corpus.EINVALID, "Only admins can use /%s: it needs the Manage Server permission in a server the bot's operator named (NEWSDESK_ADMIN_GUILDS or DISCORD_GUILD_ID), or a user or role the bot's admin list names.", c.def.Name)
	}
	return nil
}

func (h *Handler) rateLimit(l *userLimiter, user string) error {
	ok, wait := l.allow(user, h.cfg.Now())
	if ok {
		return nil
	}
	secs := int(math.Ceil(wait.Seconds()))
	return corpus.Errorf(corpus.EINVALID, "You're asking faster than I can keep up with — please wait %d %s and try again.", secs, plural(secs, "second", "seconds"))
}

// IsAdmin reports whether the interaction's user may re-index and ingest:
// a member with Manage Server (or Administrator) in one of the admin
// guilds (Config.AdminGuildIDs and GuildID), or a user or role on the
// configured allow-lists.
func (h *Handler) IsAdmin(i *discordgo.Interaction) bool {
	u := userOf(i)
	if u.ID != "" && slices.Contains(h.cfg.AdminUserIDs, u.ID) {
		return true
	}
	if i.Member == nil || i.GuildID == "" {
		return false
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 &&
		(i.GuildID == h.cfg.GuildID || slices.Contains(h.cfg.AdminGuildIDs, i.GuildID)) {
		return true
	}
	for _, r := range i.Member.Roles {
		if slices.Contains(h.cfg.AdminRoleIDs, r) {
			return true
		}
	}
	return false
}

// Handle runs an application command or a button press and returns its
// reply. progress, when not nil, receives progress lines of long tasks.
// Call Check first. Handle does not queue: the bot takes the question's
// turn in the search queue before it calls Handle.
func (h *Handler) Handle(ctx context.Context, i *discordgo.Interaction, progress func(string)) (Reply, error) {
	if progress == nil {
		progress = func(string) {}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		c, ok := h.routes.command(i)
		if !ok {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "I don't know the command /%s; try /help.", i.ApplicationCommandData().Name)
		}
		if err := h.authorize(c, i); err != nil {
			return Reply{}, err
		}
		return c.run(h, ctx, request{interaction: i, data: i.ApplicationCommandData(), progress: progress})
	case discordgo.InteractionMessageComponent:
		c, ok := h.routes.component(i)
		if !ok {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "That button is from an older version of me; ask again.")
		}
		return c.run(h, ctx, i.MessageComponentData().CustomID)
	}
	return Reply{}, corpus.Errorf(corpus.EINVALID, "I don't know that kind of interaction.")
}

// Autocomplete suggests values for the focused option from the row of its
// command: people for /who, outlets for /search's source.
func (h *Handler) Autocomplete(ctx context.Context, i *discordgo.Interaction) []*discordgo.ApplicationCommandOptionChoice {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	c, ok := h.routes.command(i)
	if !ok {
		return choices
	}
	for _, o := range i.ApplicationCommandData().Options {
		suggest := c.suggest[o.Name]
		if !o.Focused || suggest == nil {
			continue
		}
		typed, _ := o.Value.(string)
		for _, name := range suggest(h, ctx, question.Clean(typed, 100)) {
			if len(choices) == MaxChoices {
				break
			}
			name = cutRunes(name, MaxChoiceLength)
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: name})
		}
	}
	return choices
}

// mentionTag matches a user or role mention tag.
var mentionTag = regexp.MustCompile(`<@[!&]?\d+>|@everyone|@here`)

// Message answers a message that mentions the bot or is sent to it
// directly; ok is false when the message is not for the bot. botID is the
// bot's user ID.
func (h *Handler) Message(ctx context.Context, m *discordgo.Message, botID string) (reply Reply, ok bool, err error) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.ID == botID || botID == "" {
		return Reply{}, false, nil
	}
	direct := m.GuildID == ""
	mentioned := false
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			mentioned = true
		}
	}
	if !direct && !mentioned {
		return Reply{}, false, nil
	}
	if err := h.rateLimit(h.limiter, m.Author.ID); err != nil {
		return Reply{}, true, err
	}
	q := mentionTag.ReplaceAllString(m.Content, " ")
	q = question.Clean(q, question.MaxLen)
	if q == "" || strings.EqualFold(strings.Trim(q, " ?!."), "help") {
		r := RenderHelp()
		r.Ephemeral = false
		return r, true, nil
	}
	// A message has no deadline to acknowledge: it waits its turn here.
	t, err := h.queue.enter()
	if err != nil {
		return Reply{}, true, err
	}
	defer t.leave()
	if err := t.wait(ctx); err != nil {
		return Reply{}, true, err
	}
	r, err := h.page(ctx, Page{Kind: KindAsk, Query: q})
	return r, true, err
}

// enter takes a place in the search queue for an interaction whose row
// searches the index (Load Search); nil for the other rows. Its errors
// (busy, restarting) are for the user.
func (h *Handler) enter(route Route) (*turn, error) {
	if route.Load != Search {
		return nil, nil
	}
	return h.queue.enter()
}

// ErrorReply turns a handler's error into a plain ephemeral reply: the
// message of an EINVALID or ENOTFOUND error, and a generic apology for
// anything else, which is logged with its detail.
func ErrorReply(err error, log *slog.Logger) Reply {
	switch corpus.ErrorCode(err) {
	case corpus.EINVALID, corpus.ENOTFOUND:
		return PlainReply(EscapeMarkdown(corpus.ErrorMessage(err)))
	}
	if log != nil {
		log.Error("internal error", "err", err)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return PlainReply("That took too long and was stopped; please try again.")
	}
	return PlainReply("Something went wrong on my side (it has been logged). Please try again later.")
}
