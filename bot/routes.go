package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Command names.
const (
	cmdAsk     = "ask"
	cmdWho     = "who"
	cmdToll    = "toll"
	cmdSearch  = "search"
	cmdSources = "sources"
	cmdReindex = "reindex"
	cmdIngest  = "ingest"
	cmdHelp    = "help"
)

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

// RateClass says which rate limit an interaction is under.
type RateClass int

// Rate classes.
const (
	// PerUser draws from the user's token bucket (Config.RatePerMinute and
	// Burst), shared by all their commands, buttons and messages.
	PerUser RateClass = iota
	// Unlimited is for autocomplete, which Discord sends at every keystroke.
	Unlimited
	// PerAdmin draws from the user's admin bucket (Config.AdminRatePerMinute
	// and AdminBurst), apart from their questions: the admin commands.
	PerAdmin
)

// Load says what answering an interaction costs, and so where it runs.
type Load int

// Loads.
const (
	// Search rows query the index: at most Config.MaxSearches are searched
	// at once and the others wait their turn (acknowledged at once by a
	// deferral), up to Config.QueueSize; beyond that the user is told the
	// bot is busy. The zero value, so that a new row is bounded.
	Search Load = iota
	// Light rows answer from memory (help, sources) and run at once.
	Light
	// Task rows are long admin tasks (re-index, ingest). They run one at a
	// time beside the questions, and shutdown interrupts them at once: the
	// admin is told, and the re-index resumes at the next start.
	Task
)

// request is one slash command being answered.
type request struct {
	interaction *discordgo.Interaction
	data        discordgo.ApplicationCommandInteractionData
	// progress receives progress lines of long tasks; never nil.
	progress func(string)
}

// option returns a string option's trimmed value, or "".
func (r request) option(name string) string {
	if o := r.data.GetOption(name); o != nil {
		if s, ok := o.Value.(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// flag returns a boolean option's value, false when absent.
func (r request) flag(name string) bool {
	if o := r.data.GetOption(name); o != nil {
		b, _ := o.Value.(bool)
		return b
	}
	return false
}

// command is one slash command, all of it in one row: what Discord is told
// (its definition), how its reply is sent, who may use it, its rate limit,
// its load, the checks that answer at once and the handler.
type command struct {
	def   *discordgo.ApplicationCommand
	style Style
	// admin commands are refused to members who are not admins (IsAdmin),
	// both when checked and when run.
	admin bool
	rate  RateClass
	load  Load
	// check, when set, runs after the rate limit and the admin check,
	// before any work; its errors are for the user.
	check func(*Handler, request) error
	run   func(*Handler, context.Context, request) (Reply, error)
	// suggest holds the autocomplete of each option that has one, by
	// option name. Autocomplete is Unlimited.
	suggest map[string]suggester
}

// suggester lists values for an option from what the user typed so far.
type suggester func(h *Handler, ctx context.Context, typed string) []string

// component is one kind of button, found by its custom_id's action prefix.
type component struct {
	action string
	style  Style
	rate   RateClass
	load   Load
	run    func(h *Handler, ctx context.Context, customID string) (Reply, error)
}

// commandTable is the route table of the slash commands, in the order they
// are registered and listed.
func commandTable() []command {
	one, minDate := 1, 10
	manage := int64(discordgo.PermissionManageGuild)
	str := discordgo.ApplicationCommandOptionString
	return []command{{
		def: &discordgo.ApplicationCommand{Name: cmdAsk, Description: "Ask a question; I answer with passages quoted from the articles", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "question", Description: "e.g. who is Ahmed al-Shara · latest death toll · what did the observatory say", Required: true, MinLength: &one, MaxLength: 300},
		}},
		run: (*Handler).ask,
	}, {
		def: &discordgo.ApplicationCommand{Name: cmdWho, Description: "Who is someone named in the articles (any spelling)", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "name", Description: "A person's name", Required: true, Autocomplete: true, MinLength: &one, MaxLength: 100},
		}},
		run:     (*Handler).who,
		suggest: map[string]suggester{"name": (*Handler).suggestPeople},
	}, {
		def: &discordgo.ApplicationCommand{Name: cmdToll, Description: "The latest casualty figures per source, with their dates", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "place", Description: "Only figures for this place", MaxLength: 100},
		}},
		run: (*Handler).toll,
	}, {
		def: &discordgo.ApplicationCommand{Name: cmdSearch, Description: "Plain search of the articles, with filters", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "query", Description: "Words to find", Required: true, MinLength: &one, MaxLength: 300},
			{Type: str, Name: "source", Description: "Only this outlet", Autocomplete: true, MaxLength: 100},
			{Type: str, Name: "from", Description: "Published on or after (2025-03-10)", MinLength: &minDate, MaxLength: 25},
			{Type: str, Name: "to", Description: "Published on or before (2025-03-31)", MinLength: &minDate, MaxLength: 25},
		}},
		run:     (*Handler).search,
		suggest: map[string]suggester{"source": (*Handler).suggestSources},
	}, {
		def:   &discordgo.ApplicationCommand{Name: cmdSources, Description: "What the corpus holds and when it was last indexed"},
		style: Style{Ephemeral: true},
		load:  Light,
		run:   (*Handler).sources,
	}, {
		def:   &discordgo.ApplicationCommand{Name: cmdReindex, Description: "Admins: rebuild the index from the corpus folder", DefaultMemberPermissions: &manage},
		style: Style{Ephemeral: true, AlwaysDefer: true},
		admin: true,
		rate:  PerAdmin,
		load:  Task,
		check: (*Handler).checkNotBuilding,
		run:   (*Handler).reindex,
	}, {
		def: &discordgo.ApplicationCommand{Name: cmdIngest, Description: "Admins: add an article file to the corpus and index it", DefaultMemberPermissions: &manage, Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: fileTypeList() + ", up to the size limit", Required: true},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "overwrite", Description: "Replace a corpus file of the same name"},
		}},
		style: Style{Ephemeral: true, AlwaysDefer: true},
		admin: true,
		rate:  PerAdmin,
		load:  Task,
		check: (*Handler).checkIngest,
		run:   (*Handler).ingest,
	}, {
		def:   &discordgo.ApplicationCommand{Name: cmdHelp, Description: "What I can do, with examples"},
		style: Style{Ephemeral: true},
		load:  Light,
		run:   func(*Handler, context.Context, request) (Reply, error) { return RenderHelp(), nil },
	}}
}

// componentTable is the route table of the buttons.
func componentTable() []component {
	return []component{
		{action: moreAction, style: Style{Update: true}, run: (*Handler).nextPage},
		{action: contextAction, style: Style{Ephemeral: true}, run: (*Handler).showContext},
	}
}

// Commands returns the slash commands the bot registers (by bulk overwrite,
// so that renamed or removed commands disappear).
func Commands() []*discordgo.ApplicationCommand {
	table := commandTable()
	defs := make([]*discordgo.ApplicationCommand, len(table))
	for i, c := range table {
		defs[i] = c.def
	}
	return defs
}

// Route is what the route table says about one interaction: how its reply
// is sent, whether it is for admins, its rate limit and its load.
type Route struct {
	// Name is the command's name, or the button's custom_id action.
	Name  string
	Style Style
	Admin bool
	Rate  RateClass
	Load  Load
}

// routes indexes the route tables.
type routes struct {
	commands   map[string]command
	components map[string]component
}

func newRoutes() routes {
	r := routes{commands: map[string]command{}, components: map[string]component{}}
	for _, c := range commandTable() {
		r.commands[c.def.Name] = c
	}
	for _, c := range componentTable() {
		r.components[c.action] = c
	}
	return r
}

// command returns the row of an application command interaction.
func (r routes) command(i *discordgo.Interaction) (command, bool) {
	if i.Type != discordgo.InteractionApplicationCommand && i.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return command{}, false
	}
	c, ok := r.commands[i.ApplicationCommandData().Name]
	return c, ok
}

// component returns the row of a button press.
func (r routes) component(i *discordgo.Interaction) (component, bool) {
	if i.Type != discordgo.InteractionMessageComponent {
		return component{}, false
	}
	action, _, _ := strings.Cut(i.MessageComponentData().CustomID, ":")
	c, ok := r.components[action]
	return c, ok
}

// route describes the row that answers i; ok is false when no row does.
func (r routes) route(i *discordgo.Interaction) (Route, bool) {
	if c, ok := r.command(i); ok {
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return Route{Name: c.def.Name, Rate: Unlimited, Load: Light}, true
		}
		return Route{Name: c.def.Name, Style: c.style, Admin: c.admin, Rate: c.rate, Load: c.load}, true
	}
	if c, ok := r.component(i); ok {
		return Route{Name: c.action, Style: c.style, Rate: c.rate, Load: c.load}, true
	}
	return Route{}, false
}
