package load

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxFrontMatter bounds the YAML front matter of a text article.
const maxFrontMatter = 64 << 10

// splitFrontMatter separates YAML front matter, opened by a first line of
// "---" and closed by a line of "---" or "...", from the body. It returns
// ok=false when the text has none, and an error when it is opened but not
// closed.
func splitFrontMatter(text string) (fm, body string, ok bool, err error) {
	first, rest, found := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", text, false, nil
	}
	if !found {
		return "", "", true, fmt.Errorf("%w: opened with --- but never closed", ErrFrontMatter)
	}
	offset := 0
	for offset <= len(rest) {
		end := strings.IndexByte(rest[offset:], '\n')
		line := rest[offset:]
		next := len(rest) + 1
		if end >= 0 {
			line = rest[offset : offset+end]
			next = offset + end + 1
		}
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			if offset > maxFrontMatter {
				return "", "", true, fmt.Errorf("%w: longer than %d KiB", ErrFrontMatter, maxFrontMatter>>10)
			}
			body := ""
			if next <= len(rest) {
				body = rest[next:]
			}
			return rest[:offset], body, true, nil
		}
		offset = next
	}
	return "", "", true, fmt.Errorf("%w: opened with --- but never closed", ErrFrontMatter)
}

// parseFrontMatter reads the fields of YAML front matter. Values are taken
// as written (a date stays a string); a field that is not a plain value
// is left empty with a warning, while YAML that does not parse, or is not
// a mapping, is an error.
func parseFrontMatter(fm string) (m meta, warnings []string, err error) {
	var doc yaml.Node
	if err := safeYAML(fm, &doc); err != nil {
		return meta{}, nil, fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 0) {
		return meta{}, nil, nil // empty front matter
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return meta{}, nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return meta{}, nil, fmt.Errorf("%w: not a mapping of field: value lines", ErrFrontMatter)
	}
	fields := map[string]*string{
		"title": &m.title, "source": &m.source, "url": &m.url, "published": &m.published, "author": &m.author,
	}
	var date string
	for i := 0; i+1 < len(root.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(root.Content[i].Value))
		dst, known := fields[key]
		if key == "date" {
			dst, known = &date, true
		}
		if !known {
			continue
		}
		v, ok := yamlString(root.Content[i+1])
		if !ok {
			warnings = append(warnings, fmt.Sprintf("front matter field %s is not a plain value; left empty", key))
			continue
		}
		*dst = v
	}
	if m.published == "" {
		m.published = date // "date:" as written by static site generators
	}
	return m, warnings, nil
}

// yamlString returns the text of a scalar node, or of a sequence of
// scalars joined with ", " (several authors).
func yamlString(n *yaml.Node) (string, bool) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", true
		}
		return n.Value, true
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return "", false
			}
			parts = append(parts, c.Value)
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

// safeYAML unmarshals YAML, turning a panic of the YAML library into an
// error, since front matter is outside input.
func safeYAML(s string, out *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	if err := yaml.Unmarshal([]byte(s), out); err != nil {
		return errors.New("invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}
