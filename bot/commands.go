package bot

import "github.com/bwmarrin/discordgo"

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

// Commands returns the slash commands the bot registers (by bulk overwrite,
// so that renamed or removed commands disappear).
func Commands() []*discordgo.ApplicationCommand {
	one, minDate := 1, 10
	admin := int64(discordgo.PermissionManageGuild)
	str := discordgo.ApplicationCommandOptionString
	return []*discordgo.ApplicationCommand{
		{Name: cmdAsk, Description: "Ask a question; I answer with passages quoted from the articles", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "question", Description: "e.g. who is Ahmed al-Shara · latest death toll · what did the observatory say", Required: true, MinLength: &one, MaxLength: 300},
		}},
		{Name: cmdWho, Description: "Who is someone named in the articles (any spelling)", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "name", Description: "A person's name", Required: true, Autocomplete: true, MinLength: &one, MaxLength: 100},
		}},
		{Name: cmdToll, Description: "The latest casualty figures per source, with their dates", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "place", Description: "Only figures for this place", MaxLength: 100},
		}},
		{Name: cmdSearch, Description: "Plain search of the articles, with filters", Options: []*discordgo.ApplicationCommandOption{
			{Type: str, Name: "query", Description: "Words to find", Required: true, MinLength: &one, MaxLength: 300},
			{Type: str, Name: "source", Description: "Only this outlet", Autocomplete: true, MaxLength: 100},
			{Type: str, Name: "from", Description: "Published on or after (2025-03-10)", MinLength: &minDate, MaxLength: 25},
			{Type: str, Name: "to", Description: "Published on or before (2025-03-31)", MinLength: &minDate, MaxLength: 25},
		}},
		{Name: cmdSources, Description: "What the corpus holds and when it was last indexed"},
		{Name: cmdReindex, Description: "Admins: rebuild the index from the corpus folder", DefaultMemberPermissions: &admin},
		{Name: cmdIngest, Description: "Admins: add an article file to the corpus and index it", DefaultMemberPermissions: &admin, Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: ".txt .md .html .json or .jsonl, up to the size limit", Required: true},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "overwrite", Description: "Replace a corpus file of the same name"},
		}},
		{Name: cmdHelp, Description: "What I can do, with examples"},
	}
}
