package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// maxFileName caps a sanitised file name, in bytes.
const maxFileName = 100

// SanitizeFileName turns an uploaded file's name into a safe name for a
// file directly inside the corpus folder: no directories, no leading dots,
// only letters, digits, '.', '-' and '_' (others become '_'), at most 100
// bytes, with a lower-case extension. It returns "" when nothing usable is
// left.
func SanitizeFileName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = name[strings.LastIndexByte(name, '/')+1:]
	ext := strings.ToLower(filepath.Ext(name))
	base := strings.TrimSuffix(name, filepath.Ext(name))
	var b strings.Builder
	lastUnderscore := false
	for _, r := range base {
		ok := r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.')
		if !ok {
			if !lastUnderscore {
				b.WriteByte('_')
			}
			lastUnderscore = true
			continue
		}
		b.WriteRune(r)
		lastUnderscore = r == '_'
	}
	clean := strings.Trim(b.String(), "._-")
	for strings.Contains(clean, "..") {
		clean = strings.ReplaceAll(clean, "..", ".")
	}
	if clean == "" || !plainExtension(ext) {
		return ""
	}
	if len(clean)+len(ext) > maxFileName {
		clean = clean[:maxFileName-len(ext)]
	}
	return clean + ext
}

// plainExtension reports whether ext is a dot and 1–10 ASCII letters or digits.
func plainExtension(ext string) bool {
	if len(ext) < 2 || len(ext) > 11 || ext[0] != '.' {
		return false
	}
	for _, c := range ext[1:] {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// fileTypeList names the file types /ingest accepts, which are exactly
// those the corpus loader reads: ".txt .md … or .jsonl".
func fileTypeList() string {
	exts := load.Extensions()
	if len(exts) < 2 {
		return strings.Join(exts, " ")
	}
	return strings.Join(exts[:len(exts)-1], " ") + " or " + exts[len(exts)-1]
}

// checkIngest runs /ingest's checks that answer at once: no re-index
// running, and an attachment /ingest can take.
func (h *Handler) checkIngest(r request) error {
	if err := h.checkNotBuilding(r); err != nil {
		return err
	}
	_, _, err := h.ingestTarget(r)
	return err
}

// ingestTarget validates /ingest's options before any download: the
// attachment's type and size and the name it will have in the corpus.
func (h *Handler) ingestTarget(r request) (*discordgo.MessageAttachment, string, error) {
	d := r.data
	o := d.GetOption("file")
	var att *discordgo.MessageAttachment
	if o != nil && d.Resolved != nil {
		if id, ok := o.Value.(string); ok {
			att = d.Resolved.Attachments[id]
		}
	}
	if att == nil {
		return nil, "", corpus.Errorf(corpus.EINVALID, "Attach an article file to /ingest.")
	}
	if !load.Accepts(att.Filename) {
		return nil, "", corpus.Errorf(corpus.EINVALID, "I can only add %s files; %q is not one.", fileTypeList(), cutRunes(att.Filename, 80))
	}
	if int64(att.Size) > h.cfg.MaxUpload {
		return nil, "", corpus.Errorf(corpus.EINVALID, "That file is %s; the limit is %s.", byteSize(int64(att.Size)), byteSize(h.cfg.MaxUpload))
	}
	name := SanitizeFileName(att.Filename)
	if name == "" {
		return nil, "", corpus.Errorf(corpus.EINVALID, "I can't make a safe file name from %q; rename the file and try again.", cutRunes(att.Filename, 80))
	}
	if h.cfg.CorpusDir == "" {
		return nil, "", corpus.Errorf(corpus.EINVALID, "No corpus folder is configured.")
	}
	if !r.flag("overwrite") {
		if _, err := os.Stat(filepath.Join(h.cfg.CorpusDir, name)); err == nil {
			return nil, "", corpus.Errorf(corpus.EINVALID, "The corpus already has a file named %s; nothing was changed. Use the overwrite option to replace it.", name)
		}
	}
	return att, name, nil
}

// ingest downloads an attachment, validates it as articles, writes it into
// the corpus folder and re-indexes.
func (h *Handler) ingest(ctx context.Context, r request) (Reply, error) {
	att, name, err := h.ingestTarget(r)
	if err != nil {
		return Reply{}, err
	}
	if !h.building.CompareAndSwap(false, true) {
		return Reply{}, errAlreadyRunning
	}
	defer h.building.Store(false)

	progress := r.progress
	progress("Downloading " + name + "…")
	data, err := h.download(ctx, att.URL)
	if err != nil && ctx.Err() != nil {
		return Reply{}, corpus.Errorf(corpus.EINVALID, "I'm restarting, so I stopped before saving %s; nothing was written. Please send it again in a minute.", name)
	}
	if err != nil {
		return Reply{}, err
	}
	articles, err := load.ParseFile(name, data)
	if err != nil {
		reason := corpus.ErrorMessage(err)
		if corpus.ErrorCode(err) == corpus.EINTERNAL {
			// ParseFile reads no disk: its plain errors describe the file.
			reason = err.Error()
		}
		return Reply{}, corpus.Errorf(corpus.EINVALID, "%s is not a valid article file, so nothing was written: %s", name, cutRunes(reason, 300))
	}
	if len(articles) == 0 {
		return Reply{}, corpus.Errorf(corpus.EINVALID, "I found no article in %s, so nothing was written.", name)
	}
	paragraphs := 0
	for _, a := range articles {
		paragraphs += len(a.Paragraphs)
	}
	replaced, err := h.writeCorpusFile(name, data, r.flag("overwrite"))
	if err != nil {
		return Reply{}, err
	}
	verb := "Added"
	if replaced {
		verb = "Replaced"
	}
	added := fmt.Sprintf("%s %s (%d %s, %d %s)", verb, name, len(articles), plural(len(articles), "article", "articles"), paragraphs, plural(paragraphs, "paragraph", "paragraphs"))
	progress(added + "; re-indexing…")
	rep, err := h.build(ctx, progress)
	if errors.Is(err, errInterrupted) {
		return Reply{}, corpus.Errorf(corpus.EINVALID, "%s, but the re-index was interrupted because I'm restarting; it resumes when I start again.", added)
	}
	if err != nil {
		if corpus.ErrorCode(err) != corpus.EINTERNAL {
			return Reply{}, corpus.Errorf(corpus.EINVALID, "%s, but the re-index did not run: %s", added, corpus.ErrorMessage(err))
		}
		return Reply{}, err
	}
	return PlainReply(EscapeMarkdown(added) + ". Re-indexed: " + describeBuild(rep) + "."), nil
}

// download fetches an attachment with the session's HTTP client, refusing
// more than MaxUpload bytes. Only Discord's CDN and the configured API's
// host are fetched from.
func (h *Handler) download(ctx context.Context, rawURL string) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, corpus.Errorf(corpus.EINVALID, "The attachment has no usable address.")
	}
	if !h.trustedHost(u.Host) {
		return nil, corpus.Errorf(corpus.EINVALID, "I only download attachments from Discord.")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("download attachment: %w", err)
	}
	// Redirects are followed only to hosts trusted as much as the first.
	client := *h.client
	client.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) >= 5 || !h.trustedHost(r.URL.Host) {
			return fmt.Errorf("redirect to %s refused", r.URL.Host)
		}
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		// Wrap the cause, not the *url.Error: that one carries the signed
		// attachment address.
		cause := err
		if ue, ok := errors.AsType[*url.Error](err); ok {
			cause = ue.Err
		}
		return nil, fmt.Errorf("download attachment from %s: %w", u.Host, cause)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, corpus.Errorf(corpus.EINVALID, "Discord would not give me the attachment (HTTP %d); try uploading it again.", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, h.cfg.MaxUpload+1))
	if err != nil {
		return nil, fmt.Errorf("download attachment from %s: %w", u.Host, err)
	}
	if int64(len(data)) > h.cfg.MaxUpload {
		return nil, corpus.Errorf(corpus.EINVALID, "That file is larger than the limit of %s.", byteSize(h.cfg.MaxUpload))
	}
	return data, nil
}

// trustedHost reports whether attachments may be downloaded from host.
func (h *Handler) trustedHost(host string) bool {
	switch strings.ToLower(host) {
	case "cdn.discordapp.com", "media.discordapp.net":
		return true
	}
	if h.cfg.APIBase != "" {
		if b, err := url.Parse(h.cfg.APIBase); err == nil && strings.EqualFold(b.Host, host) {
			return true
		}
	}
	return false
}

// writeCorpusFile writes data as name directly inside the corpus folder,
// atomically (temporary file, then rename). It refuses to replace an
// existing file unless overwrite is set, and reports whether it replaced one.
func (h *Handler) writeCorpusFile(name string, data []byte, overwrite bool) (bool, error) {
	dir, err := filepath.Abs(h.cfg.CorpusDir)
	if err != nil {
		return false, fmt.Errorf("corpus folder: %w", err)
	}
	path := filepath.Join(dir, name)
	if rel, err := filepath.Rel(dir, path); err != nil || rel != name || strings.Contains(rel, string(filepath.Separator)) {
		return false, corpus.Errorf(corpus.EINVALID, "%q is not a plain file name.", name)
	}
	_, statErr := os.Lstat(path)
	exists := statErr == nil
	if exists && !overwrite {
		return false, corpus.Errorf(corpus.EINVALID, "The corpus already has a file named %s; nothing was changed. Use the overwrite option to replace it.", name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("create corpus folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".ingest-*.part")
	if err != nil {
		return false, fmt.Errorf("write corpus file: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return false, fmt.Errorf("write corpus file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return false, fmt.Errorf("write corpus file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return false, fmt.Errorf("write corpus file: %w", err)
	}
	if !overwrite {
		// Link fails if the name appeared meanwhile; never clobber it.
		if err := os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, os.ErrExist) {
				return false, corpus.Errorf(corpus.EINVALID, "The corpus already has a file named %s; nothing was changed.", name)
			}
			return false, fmt.Errorf("write corpus file: %w", err)
		}
		return false, nil
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, fmt.Errorf("write corpus file: %w", err)
	}
	return exists, nil
}

// byteSize writes n bytes in KiB or MiB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
