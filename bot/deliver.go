package bot

import (
	"context"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// delivery is how a reply reaches Discord.
type delivery int

const (
	// newMessage is an interaction response or a follow-up: it may be
	// ephemeral.
	newMessage delivery = iota
	// replacement edits or updates a message already shown: what the
	// reply lacks (embeds, buttons) is cleared, and its visibility stays.
	replacement
	// channelMessage is a message in a channel, never ephemeral.
	channelMessage
)

// outgoing is a Reply as Discord is sent it.
type outgoing struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	flags      discordgo.MessageFlags
	mentions   *discordgo.MessageAllowedMentions
}

// prepare is the one conversion of a Reply into what Discord is sent:
// content, embeds, buttons, visibility and allowed mentions (NoMentions,
// always) are set here and only here; the payloads below copy them.
func prepare(r Reply, d delivery) outgoing {
	o := outgoing{content: r.Content, embeds: r.Embeds, components: r.Components, mentions: NoMentions()}
	switch {
	case d == replacement:
		if o.embeds == nil {
			o.embeds = []*discordgo.MessageEmbed{}
		}
		if o.components == nil {
			o.components = []discordgo.MessageComponent{}
		}
	case d == newMessage && r.Ephemeral:
		o.flags = discordgo.MessageFlagsEphemeral
	}
	return o
}

// responseData is the payload of an interaction response.
func (o outgoing) responseData() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: o.content, Embeds: o.embeds, Components: o.components, Flags: o.flags, AllowedMentions: o.mentions}
}

// webhookEdit is the payload of an edit of the original response.
func (o outgoing) webhookEdit() *discordgo.WebhookEdit {
	return &discordgo.WebhookEdit{Content: &o.content, Embeds: &o.embeds, Components: &o.components, AllowedMentions: o.mentions}
}

// webhookParams is the payload of a follow-up message.
func (o outgoing) webhookParams() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: o.content, Embeds: o.embeds, Components: o.components, Flags: o.flags, AllowedMentions: o.mentions}
}

// messageSend is the payload of a channel message.
func (o outgoing) messageSend() *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: o.content, Embeds: o.embeds, Components: o.components, Flags: o.flags, AllowedMentions: o.mentions}
}

// deliverNow answers an interaction at once with a handler's outcome. An
// error is a new ephemeral message, even for a button whose reply would
// have updated the message it is on.
func (b *Bot) deliverNow(i *discordgo.Interaction, style Style, out outcome) {
	switch {
	case out.err != nil:
		b.respond(i, ErrorReply(out.err, b.log), discordgo.InteractionResponseChannelMessageWithSource)
	case style.Update:
		b.respond(i, out.reply, discordgo.InteractionResponseUpdateMessage)
	default:
		b.respond(i, out.reply, discordgo.InteractionResponseChannelMessageWithSource)
	}
}

// deliverDeferred delivers a deferred interaction's outcome by editing the
// original response. An error after a public defer replaces the
// "thinking" message by an ephemeral follow-up, so that only the asker
// sees it.
func (b *Bot) deliverDeferred(i *discordgo.Interaction, style Style, out outcome) {
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
		b.rest("delete deferred response", i.Token, func(o discordgo.RequestOption) error {
			return b.session.InteractionResponseDelete(i, o)
		})
	}
	b.followup(i, r)
}

// respond sends an interaction response of the given type.
func (b *Bot) respond(i *discordgo.Interaction, r Reply, typ discordgo.InteractionResponseType) {
	d := newMessage
	if typ == discordgo.InteractionResponseUpdateMessage {
		d = replacement
	}
	b.rest("interaction response", i.Token, func(o discordgo.RequestOption) error {
		return b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: prepare(r, d).responseData()}, o)
	})
}

// deferResponse acknowledges an interaction to answer later, with the
// visibility of its style; false when Discord refused it.
func (b *Bot) deferResponse(i *discordgo.Interaction, style Style) bool {
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if style.Update {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	data := prepare(Reply{Ephemeral: style.Ephemeral}, newMessage).responseData()
	return b.rest("defer interaction", i.Token, func(o discordgo.RequestOption) error {
		return b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: data}, o)
	})
}

// edit replaces the original response's content, embeds and buttons.
//
// It does not call discordgo's InteractionResponseEdit, which puts the
// edits of every interaction in one rate-limit bucket
// (bwmarrin/discordgo#1384), so that a burst of deferred replies is sent
// one at a time. Discord limits these edits per interaction token; the
// bucket here is the message's own address, as discordgo does for
// responses and follow-ups.
func (b *Bot) edit(i *discordgo.Interaction, r Reply) {
	uri := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	b.rest("edit interaction response", i.Token, func(o discordgo.RequestOption) error {
		_, err := b.session.RequestWithBucketID(http.MethodPatch, uri, prepare(r, replacement).webhookEdit(), uri, o)
		return err
	})
}

// followup sends a follow-up message to an interaction.
func (b *Bot) followup(i *discordgo.Interaction, r Reply) {
	b.rest("follow-up message", i.Token, func(o discordgo.RequestOption) error {
		_, err := b.session.FollowupMessageCreate(i, true, prepare(r, newMessage).webhookParams(), o)
		return err
	})
}

// suggest sends autocomplete choices. They are not a message: they have
// no content nor mentions.
func (b *Bot) suggest(i *discordgo.Interaction, choices []*discordgo.ApplicationCommandOptionChoice) {
	b.rest("autocomplete response", i.Token, func(o discordgo.RequestOption) error {
		return b.session.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		}, o)
	})
}

// sendMessage answers message m in its channel: in a guild as a reply to
// it, falling back to a plain message when that fails (the message may be
// gone, or the bot may not read the channel's history).
func (b *Bot) sendMessage(m *discordgo.Message, r Reply) {
	send := prepare(r, channelMessage).messageSend()
	if m.GuildID != "" {
		send.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
	}
	b.rest("send message to channel "+m.ChannelID, "", func(o discordgo.RequestOption) error {
		_, err := b.session.ChannelMessageSendComplex(m.ChannelID, send, o)
		if err != nil && send.Reference != nil {
			send.Reference = nil
			_, err = b.session.ChannelMessageSendComplex(m.ChannelID, send, o)
		}
		return err
	})
}

// rest makes one REST call to Discord with its own timeout rather than the
// work context, so that replies in flight are still delivered while
// shutting down. A failure is logged without the bot token nor the
// interaction token secret; rest reports success.
func (b *Bot) rest(what, secret string, call func(discordgo.RequestOption) error) bool {
	ctx, cancel := context.WithTimeout(context.Background(), restTimeout)
	defer cancel()
	if err := call(discordgo.WithContext(ctx)); err != nil {
		b.log.Warn(what, "err", redact(err, b.token, secret))
		return false
	}
	return true
}
