package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// Handler turns interactions and messages into replies. It holds the bot's
// dependencies and no connection: Bot sends what it returns. Handlers
// return errors; ErrorReply is the one place that turns them into replies.
type Handler struct {
	cfg     Config
	engine  Engine
	client  *http.Client
	log     *slog.Logger
	limiter *userLimiter
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
	return &Handler{cfg: cfg, engine: engine, client: client, log: log, limiter: newUserLimiter(cfg.RatePerMinute, cfg.Burst)}
}

// Style is how an interaction's reply is sent.
type Style struct {
	// Ephemeral replies are decided before the work starts, because a
	// deferred reply's visibility is fixed when it is deferred.
	Ephemeral bool
	// Update edits the message the pressed button is on ("More").
	Update bool
	// AlwaysDefer acknowledges at once and reports progress by editing
	// (re-index and ingest).
	AlwaysDefer bool
}

// StyleOf says how the reply to i is sent.
func StyleOf(i *discordgo.Interaction) Style {
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		if strings.HasPrefix(i.MessageComponentData().CustomID, moreAction+":") {
			return Style{Update: true}
		}
		return Style{Ephemeral: true}
	case discordgo.InteractionApplicationCommand:
		switch i.ApplicationCommandData().Name {
		case cmdSources, cmdHelp:
			return Style{Ephemeral: true}
		case cmdReindex, cmdIngest:
			return Style{Ephemeral: true, AlwaysDefer: true}
		}
	}
	return Style{}
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
// rate limit, and for admin commands the admin check, whether a re-index
// is running and the attachment's type and size. Its errors are for the
// user (EINVALID).
func (h *Handler) Check(i *discordgo.Interaction) error {
	if i.Type != discordgo.InteractionApplicationCommand && i.Type != discordgo.InteractionMessageComponent {
		return nil
	}
	if err := h.rateLimit(userOf(i).ID); err != nil {
		return err
	}
	if i.Type != discordgo.InteractionApplicationCommand {
		return nil
	}
	d := i.ApplicationCommandData()
	if d.Name != cmdReindex && d.Name != cmdIngest {
		return nil
	}
	if !h.IsAdmin(i) {
		return corpus.Errorf(corpus.EINVALID, "Only admins can use /%s: it needs the Manage Server permission, or a user or role the bot's admin list names.", d.Name)
	}
	if h.building.Load() {
		return errAlreadyRunning
	}
	if d.Name == cmdIngest {
		if _, _, err := h.ingestTarget(d); err != nil {
			return err
		}
	}
	return nil
}

var errAlreadyRunning = corpus.Errorf(corpus.EINVALID, "A re-index is already running; I'll be ready for another when it finishes.")

func (h *Handler) rateLimit(user string) error {
	ok, wait := h.limiter.allow(user, h.cfg.Now())
	if ok {
		return nil
	}
	secs := int(math.Ceil(wait.Seconds()))
	return corpus.Errorf(corpus.EINVALID, "You're asking faster than I can keep up with — please wait %d %s and try again.", secs, plural(secs, "second", "seconds"))
}

// IsAdmin reports whether the interaction's user may re-index and ingest:
// a member with Manage Server (or Administrator) in the guild the
// interaction comes from, or a user or role on the configured allow-lists.
func (h *Handler) IsAdmin(i *discordgo.Interaction) bool {
	u := userOf(i)
	if u.ID != "" && slices.Contains(h.cfg.AdminUserIDs, u.ID) {
		return true
	}
	if i.Member == nil || i.GuildID == "" {
		return false
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
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
// Call Check first.
func (h *Handler) Handle(ctx context.Context, i *discordgo.Interaction, progress func(string)) (Reply, error) {
	if progress == nil {
		progress = func(string) {}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		return h.command(ctx, i, progress)
	case discordgo.InteractionMessageComponent:
		return h.component(ctx, i.MessageComponentData().CustomID)
	}
	return Reply{}, corpus.Errorf(corpus.EINVALID, "I don't know that kind of interaction.")
}

func (h *Handler) command(ctx context.Context, i *discordgo.Interaction, progress func(string)) (Reply, error) {
	d := i.ApplicationCommandData()
	opt := func(name string) string {
		if o := d.GetOption(name); o != nil {
			if s, ok := o.Value.(string); ok {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}
	switch d.Name {
	case cmdAsk:
		return h.page(ctx, Page{Kind: KindAsk, Query: corpus.CleanQuestion(opt("question"), corpus.MaxQuestionLen)})
	case cmdWho:
		return h.page(ctx, Page{Kind: KindWho, Query: corpus.CleanQuestion(opt("name"), 100)})
	case cmdToll:
		return h.page(ctx, Page{Kind: KindToll, Query: corpus.CleanQuestion(opt("place"), 100)})
	case cmdSearch:
		p := Page{Kind: KindSearch, Query: corpus.CleanQuestion(opt("query"), corpus.MaxQuestionLen), Source: corpus.CleanQuestion(opt("source"), 100)}
		var err error
		if p.From, err = dateOption("from", opt("from")); err != nil {
			return Reply{}, err
		}
		if p.To, err = dateOption("to", opt("to")); err != nil {
			return Reply{}, err
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From.Time) {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "The “to” date is before the “from” date.")
		}
		return h.page(ctx, p)
	case cmdSources:
		st, err := h.engine.Stats(ctx)
		if err != nil {
			return Reply{}, err
		}
		return RenderSources(st), nil
	case cmdHelp:
		return RenderHelp(), nil
	case cmdReindex:
		if !h.IsAdmin(i) {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "Only admins can use /reindex.")
		}
		return h.reindex(ctx, progress)
	case cmdIngest:
		if !h.IsAdmin(i) {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "Only admins can use /ingest.")
		}
		return h.ingest(ctx, d, progress)
	}
	return Reply{}, corpus.Errorf(corpus.EINVALID, "I don't know the command /%s; try /help.", d.Name)
}

func dateOption(name, v string) (corpus.Date, error) {
	d, err := corpus.ParseDate(v)
	if err != nil {
		return corpus.Date{}, corpus.Errorf(corpus.EINVALID, "I can't read the %q date %q; write it as 2025-03-10.", name, cutRunes(v, 30))
	}
	return d, nil
}

// component answers a button press: "More" or "Context".
func (h *Handler) component(ctx context.Context, id string) (Reply, error) {
	if p, ok := ParseCustomID(id); ok {
		return h.page(ctx, p)
	}
	if ref, ok := ParseContextID(id); ok {
		a, err := h.engine.Passage(ctx, ref.ArticleID, ref.Paragraph, contextRadius)
		if err != nil {
			return Reply{}, err
		}
		return RenderContext(a, contextRadius), nil
	}
	return Reply{}, corpus.Errorf(corpus.EINVALID, "That button is from an older version of me; ask again.")
}

// contextRadius is how many paragraphs "Context" shows on each side.
const contextRadius = 2

// page runs the query of p and renders the page.
func (h *Handler) page(ctx context.Context, p Page) (Reply, error) {
	var (
		res *corpus.Result
		err error
	)
	limit := h.cfg.PageSize
	switch p.Kind {
	case KindAsk:
		if p.Query == "" {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "Ask me a question, for example “who is …” or “latest death toll”.")
		}
		res, err = h.engine.Ask(ctx, p.Query, index.AskOptions{Limit: limit, Offset: p.Offset})
	case KindWho:
		if p.Query == "" {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "Tell me a name.")
		}
		res, err = h.engine.Ask(ctx, "who is "+p.Query, index.AskOptions{Limit: limit, Offset: p.Offset})
	case KindSearch:
		res, err = h.engine.Search(ctx, index.SearchOptions{Query: p.Query, Source: p.Source, From: p.From, To: p.To, Limit: limit, Offset: p.Offset})
	case KindToll:
		res, err = h.engine.Tolls(ctx, p.Query)
		if err == nil {
			if len(res.Answers) <= p.Offset {
				return Reply{}, notFound(p, res)
			}
			return RenderToll(res, p, limit), nil
		}
	}
	if err != nil {
		return Reply{}, err
	}
	if res == nil || len(res.Answers) == 0 {
		return Reply{}, notFound(p, res)
	}
	return RenderAnswers(res, p), nil
}

// notFound is the plain message for a question without passages.
func notFound(p Page, res *corpus.Result) error {
	if p.Offset > 0 {
		return corpus.Errorf(corpus.ENOTFOUND, "There are no more passages.")
	}
	about := p.Query
	if res != nil && res.Subject != "" {
		about = asTyped(p.Query, res.Subject)
	}
	switch {
	case p.Kind == KindToll && about == "":
		return corpus.Errorf(corpus.ENOTFOUND, "I found no casualty figures in the articles.")
	case p.Kind == KindToll:
		return corpus.Errorf(corpus.ENOTFOUND, "I found no casualty figures for %s.", about)
	case p.Kind == KindSearch && p.Source != "":
		return corpus.Errorf(corpus.ENOTFOUND, "I found no passage about %s from %s.", about, p.Source)
	}
	return corpus.Errorf(corpus.ENOTFOUND, "I found no passage about %s.", about)
}

// asTyped returns part as the user typed it in text, when text contains it
// ignoring case ("mirela stanek" in "who is Mirela Stanek").
func asTyped(text, part string) string {
	i := strings.Index(strings.ToLower(text), strings.ToLower(part))
	if i < 0 || len(strings.ToLower(text)) != len(text) || i+len(part) > len(text) {
		return part
	}
	return text[i : i+len(part)]
}

// Autocomplete suggests values for the focused option: people for /who,
// outlets for /search's source.
func (h *Handler) Autocomplete(ctx context.Context, i *discordgo.Interaction) []*discordgo.ApplicationCommandOptionChoice {
	d := i.ApplicationCommandData()
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range d.Options {
		if o.Focused {
			focused = o
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if focused == nil {
		return choices
	}
	typed, _ := focused.Value.(string)
	typed = corpus.CleanQuestion(typed, 100)
	add := func(name string) {
		name = cutRunes(name, MaxChoiceLength)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: name})
	}
	switch {
	case d.Name == cmdWho && focused.Name == "name":
		for _, p := range h.engine.People(typed, MaxChoices) {
			add(p.Name)
		}
	case d.Name == cmdSearch && focused.Name == "source":
		st, err := h.engine.Stats(ctx)
		if err != nil {
			return choices
		}
		for _, s := range st.Sources {
			if len(choices) < MaxChoices && s.Source != "" && strings.Contains(strings.ToLower(s.Source), strings.ToLower(typed)) {
				add(s.Source)
			}
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
	if err := h.rateLimit(m.Author.ID); err != nil {
		return Reply{}, true, err
	}
	q := mentionTag.ReplaceAllString(m.Content, " ")
	q = corpus.CleanQuestion(q, corpus.MaxQuestionLen)
	if q == "" || strings.EqualFold(strings.Trim(q, " ?!."), "help") {
		r := RenderHelp()
		r.Ephemeral = false
		return r, true, nil
	}
	r, err := h.page(ctx, Page{Kind: KindAsk, Query: q})
	return r, true, err
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

// reindex rebuilds the index from the corpus folder and swaps it in.
func (h *Handler) reindex(ctx context.Context, progress func(string)) (Reply, error) {
	if !h.building.CompareAndSwap(false, true) {
		return Reply{}, errAlreadyRunning
	}
	defer h.building.Store(false)
	progress("Re-indexing the corpus…")
	rep, err := h.build(ctx, progress)
	if err != nil {
		return Reply{}, err
	}
	return PlainReply("Re-indexed: " + describeBuild(rep) + "."), nil
}

// build rebuilds the engine's index from the corpus and swaps it in.
func (h *Handler) build(ctx context.Context, progress func(string)) (index.BuildReport, error) {
	rep, err := h.engine.Rebuild(ctx, index.BuildOptions{
		CorpusDir: h.cfg.CorpusDir,
		Log:       h.log,
		Progress: func(done, total int) {
			progress(fmt.Sprintf("Re-indexing… %d of %d articles", done, total))
		},
	})
	if err != nil {
		return rep, fmt.Errorf("build index: %w", err)
	}
	return rep, nil
}

// describeBuild summarises a build report in words.
func describeBuild(rep index.BuildReport) string {
	s := fmt.Sprintf("%d %s, %d %s (%d analysed, %d unchanged, %d removed) in %s",
		rep.Articles, plural(rep.Articles, "article", "articles"), rep.Paragraphs, plural(rep.Paragraphs, "paragraph", "paragraphs"),
		rep.Analysed, rep.Reused, rep.Removed, rep.Duration.Round(10*time.Millisecond))
	if n := len(rep.Skipped); n > 0 {
		var files []string
		for _, sk := range rep.Skipped[:min(n, 3)] {
			files = append(files, EscapeMarkdown(sk.Path+" ("+cutRunes(sk.Reason, 120)+")"))
		}
		if n > 3 {
			files = append(files, "…")
		}
		s += fmt.Sprintf("; %d %s skipped: %s", n, plural(n, "file", "files"), strings.Join(files, ", "))
	}
	return s
}
