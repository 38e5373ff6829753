// Package discordtest is a fake Discord for tests: an httptest REST API and
// a gorilla/websocket gateway on 127.0.0.1 that real discordgo clients
// connect to (point the client's REST base at Server.APIBase). It records
// every REST request and gateway payload so that tests can assert on them,
// dispatches gateway events on demand, serves attachments, can answer one
// request with a 429, and can drop the gateway connection to test RESUME.
package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	OpDispatch     = 0
	OpHeartbeat    = 1
	OpIdentify     = 2
	OpResume       = 6
	OpHello        = 10
	OpHeartbeatACK = 11
)

// Request is one recorded REST request.
type Request struct {
	Method string
	// Path is the URL path without the API prefix and version, e.g.
	// "/interactions/123/tok/callback".
	Path          string
	Query         string
	Authorization string
	Body          []byte
	Time          time.Time
}

// JSON decodes the request body into v.
func (r Request) JSON(v any) error { return json.Unmarshal(r.Body, v) }

// Payload is one gateway payload the client sent.
type Payload struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
}

// Server is a fake Discord.
type Server struct {
	// APIBase is the REST base to give the client, replacing
	// "https://discord.com/api" (it ends in "/api").
	APIBase string
	// AppID and BotID are the application's and the bot user's IDs.
	AppID, BotID string
	// Token is the bot token the server expects ("Bot " + Token).
	Token string

	srv      *httptest.Server
	upgrader websocket.Upgrader
	ids      atomic.Int64

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every recorded event
	requests    []Request
	payloads    []Payload
	conn        *gatewayConn
	sessionID   string
	seq         int64
	identifies  int
	resumes     int
	attachments map[string][]byte
	failures    []failure
	heartbeatMS int
}

type failure struct {
	method, prefix string
	retryAfter     float64
}

// gatewayConn is one websocket connection with a write lock.
type gatewayConn struct {
	ws *websocket.Conn
	mu sync.Mutex
}

func (c *gatewayConn) writeJSON(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

// New starts a fake Discord on 127.0.0.1 expecting token; it is closed
// when the test ends.
func New(tb testing.TB, token string) *Server {
	tb.Helper()
	s := &Server{
		AppID:       "1100000000000000001",
		BotID:       "1100000000000000001",
		Token:       token,
		changed:     make(chan struct{}),
		attachments: map[string][]byte{},
		heartbeatMS: 41250,
	}
	s.ids.Store(1200000000000000000)
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.serveGateway)
	mux.HandleFunc("/gateway/", s.serveGateway) // discordgo adds a slash
	mux.HandleFunc("/attachments/{name}", s.serveAttachment)
	mux.HandleFunc("/api/", s.serveAPI)
	s.srv = httptest.NewServer(mux)
	s.APIBase = s.srv.URL + "/api"
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server and drops the gateway connection.
func (s *Server) Close() {
	if c := s.detach(); c != nil {
		_ = c.ws.Close()
	}
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// NextID returns a fresh snowflake-like ID.
func (s *Server) NextID() string { return strconv.FormatInt(s.ids.Add(1), 10) }

// AddAttachment serves data at a URL under the server, as Discord's CDN
// does, and returns the URL.
func (s *Server) AddAttachment(name string, data []byte) string {
	s.mu.Lock()
	s.attachments[name] = data
	s.mu.Unlock()
	return s.srv.URL + "/attachments/" + name
}

// RateLimitNext makes the next REST request whose method is method and
// whose path starts with prefix get a 429 with retry_after seconds.
func (s *Server) RateLimitNext(method, prefix string, retryAfter float64) {
	s.mu.Lock()
	s.failures = append(s.failures, failure{method, prefix, retryAfter})
	s.mu.Unlock()
}

// record appends an event and wakes waiters.
func (s *Server) record(f func()) {
	s.mu.Lock()
	f()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// Requests returns the recorded REST requests.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Payloads returns the gateway payloads the client sent.
func (s *Server) Payloads() []Payload {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Payload(nil), s.payloads...)
}

// Counts returns how many IDENTIFY and RESUME payloads the gateway got.
func (s *Server) Counts() (identifies, resumes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies, s.resumes
}

// WaitRequest waits until a recorded request (in order of arrival) matches
// and returns the first that does.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	err := s.wait(ctx, func() bool {
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	return found, err
}

// wait waits until cond, called with the server locked, holds; cond must
// not call the Server's methods.
func (s *Server) wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("fake discord: waiting: %w", ctx.Err())
		}
	}
}

// WaitConnected waits until the gateway has had at least identifies
// IDENTIFYs and resumes RESUMEs, each answered.
func (s *Server) WaitConnected(ctx context.Context, identifies, resumes int) error {
	return s.wait(ctx, func() bool { return s.identifies >= identifies && s.resumes >= resumes })
}

// serveAPI records a REST request and answers it like Discord.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	path := strings.TrimPrefix(r.URL.Path, "/api")
	if len(path) > 3 && strings.HasPrefix(path, "/v") {
		if i := strings.IndexByte(path[1:], '/'); i > 0 {
			path = path[i+1:]
		}
	}
	req := Request{Method: r.Method, Path: path, Query: r.URL.RawQuery, Authorization: r.Header.Get("Authorization"), Body: body, Time: time.Now()}

	var fail *failure
	s.record(func() {
		s.requests = append(s.requests, req)
		for i, f := range s.failures {
			if f.method == r.Method && strings.HasPrefix(path, f.prefix) {
				fail = &f
				s.failures = append(s.failures[:i], s.failures[i+1:]...)
				break
			}
		}
	})
	webhook := strings.HasPrefix(path, "/webhooks/") || strings.HasPrefix(path, "/interactions/")
	if !webhook && req.Authorization != "Bot "+s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	if fail != nil {
		w.Header().Set("Retry-After", strconv.FormatFloat(fail.retryAfter, 'f', -1, 64))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"message": "You are being rate limited.", "retry_after": fail.retryAfter, "global": false})
		return
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case r.Method == http.MethodGet && (path == "/gateway" || path == "/gateway/bot"):
		writeJSON(w, http.StatusOK, map[string]any{
			"url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/gateway", "shards": 1,
			"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
		})
	case r.Method == http.MethodPut && parts[0] == "applications" && parts[len(parts)-1] == "commands":
		var cmds []map[string]any
		if err := json.Unmarshal(body, &cmds); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Invalid JSON", "code": 50109})
			return
		}
		for _, c := range cmds {
			c["id"] = s.NextID()
			c["application_id"] = s.AppID
			c["version"] = s.NextID()
		}
		writeJSON(w, http.StatusOK, cmds)
	case r.Method == http.MethodPost && parts[0] == "interactions" && len(parts) == 4 && parts[3] == "callback":
		w.WriteHeader(http.StatusNoContent)
	case parts[0] == "webhooks" && len(parts) >= 3:
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, http.StatusOK, s.message(body, ""))
	case r.Method == http.MethodPost && parts[0] == "channels" && len(parts) == 3 && parts[2] == "messages":
		writeJSON(w, http.StatusOK, s.message(body, parts[1]))
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0})
	}
}

// message answers a message create or edit with a message object.
func (s *Server) message(body []byte, channelID string) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(body, &m)
	m["id"] = s.NextID()
	m["channel_id"] = channelID
	m["author"] = map[string]any{"id": s.BotID, "username": "newsdesk", "bot": true}
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	return m
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	data, ok := s.attachments[r.PathValue("name")]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(data)
}

// serveGateway speaks the gateway protocol on one connection.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gatewayConn{ws: ws}
	s.mu.Lock()
	old := s.conn
	s.conn = c
	hb := s.heartbeatMS
	s.mu.Unlock()
	if old != nil {
		_ = old.ws.Close()
	}
	defer func() {
		s.mu.Lock()
		if s.conn == c {
			s.conn = nil
		}
		s.mu.Unlock()
		_ = ws.Close()
	}()
	if err := c.writeJSON(map[string]any{"op": OpHello, "d": map[string]any{"heartbeat_interval": hb}}); err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p Payload
		if err := json.Unmarshal(data, &p); err != nil {
			return
		}
		s.record(func() { s.payloads = append(s.payloads, p) })
		switch p.Op {
		case OpHeartbeat:
			if err := c.writeJSON(map[string]any{"op": OpHeartbeatACK}); err != nil {
				return
			}
		case OpIdentify:
			var id struct {
				Token string `json:"token"`
			}
			_ = json.Unmarshal(p.Data, &id)
			if id.Token != "Bot "+s.Token {
				_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
				return
			}
			sid := s.NextID()
			ready := map[string]any{
				"v": 10, "session_id": sid, "resume_gateway_url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/gateway",
				"user":        map[string]any{"id": s.BotID, "username": "newsdesk", "discriminator": "0", "bot": true},
				"application": map[string]any{"id": s.AppID, "flags": 0},
				"guilds":      []any{}, "private_channels": []any{},
			}
			s.mu.Lock()
			s.sessionID = sid
			s.mu.Unlock()
			if err := s.dispatchOn(c, "READY", ready); err != nil {
				return
			}
			s.record(func() { s.identifies++ })
		case OpResume:
			var res struct {
				Token     string `json:"token"`
				SessionID string `json:"session_id"`
			}
			_ = json.Unmarshal(p.Data, &res)
			s.mu.Lock()
			ok := res.SessionID == s.sessionID && res.Token == "Bot "+s.Token
			s.mu.Unlock()
			if !ok {
				_ = c.writeJSON(map[string]any{"op": 9, "d": false})
				continue
			}
			if err := s.dispatchOn(c, "RESUMED", map[string]any{}); err != nil {
				return
			}
			s.record(func() { s.resumes++ })
		}
	}
}

// dispatchOn sends a dispatch event on c with the next sequence number.
func (s *Server) dispatchOn(c *gatewayConn, event string, data any) error {
	s.mu.Lock()
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	return c.writeJSON(map[string]any{"op": OpDispatch, "t": event, "s": seq, "d": data})
}

// ErrNotConnected is returned by Dispatch when no client is connected.
var ErrNotConnected = errors.New("fake discord: no gateway connection")

// Dispatch sends a gateway event (e.g. "INTERACTION_CREATE",
// "MESSAGE_CREATE") to the connected client.
func (s *Server) Dispatch(event string, data any) error {
	s.mu.Lock()
	c := s.conn
	s.mu.Unlock()
	if c == nil {
		return ErrNotConnected
	}
	return s.dispatchOn(c, event, data)
}

// DropConnection closes the gateway connection abruptly, without a close
// frame, as a network failure would; the client should reconnect and resume.
func (s *Server) DropConnection() {
	if c := s.detach(); c != nil {
		_ = c.ws.UnderlyingConn().Close()
	}
}

// detach forgets the gateway connection and returns it, or nil.
func (s *Server) detach() *gatewayConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.conn
	s.conn = nil
	return c
}

// Interaction fills in a fresh id and token and the application ID of an
// INTERACTION_CREATE payload (JSON), dispatches it, and returns the id and
// token so that the test can find the bot's response.
func (s *Server) Interaction(payload []byte) (id, token string, err error) {
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		return "", "", fmt.Errorf("fake discord: interaction payload: %w", err)
	}
	id = s.NextID()
	token = "itok-" + id
	m["id"], m["token"], m["application_id"] = id, token, s.AppID
	return id, token, s.Dispatch("INTERACTION_CREATE", m)
}

// Message fills in a fresh id of a MESSAGE_CREATE payload (JSON),
// dispatches it and returns the id.
func (s *Server) Message(payload []byte) (string, error) {
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		return "", fmt.Errorf("fake discord: message payload: %w", err)
	}
	id := s.NextID()
	m["id"] = id
	return id, s.Dispatch("MESSAGE_CREATE", m)
}
