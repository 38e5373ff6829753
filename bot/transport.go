package bot

import (
	"net/http"
	"net/url"
	"strings"
)

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
