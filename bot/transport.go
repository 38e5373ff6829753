package bot

import (
	"net/http"
	"net/url"
	"strings"
)

// rewriteTransport sends requests for https://discord.com/api/… to base.
// Errors about them name Discord's URL; rebase corrects that.
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

// discordAPI is the base URL of Discord's REST API, as discordgo asks for it.
const discordAPI = "https://discord.com/api"

// rebase makes err name the API the request went to, base (Config.APIBase),
// instead of Discord's own: the HTTP client's errors name the URL discordgo
// asked for, which the rewriteTransport sent elsewhere. The error still
// unwraps to err. Without a base, err is returned as it is.
func rebase(err error, base string) error {
	if err == nil || base == "" {
		return err
	}
	msg := strings.ReplaceAll(err.Error(), discordAPI, strings.TrimRight(base, "/"))
	if msg == err.Error() {
		return err
	}
	return &rebasedError{msg: msg, err: err}
}

// rebasedError is an error whose text names the configured API.
type rebasedError struct {
	msg string
	err error
}

func (e *rebasedError) Error() string { return e.msg }
func (e *rebasedError) Unwrap() error { return e.err }

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
