package load

import (
	"errors"
	"fmt"
	"slices"
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

// frontMatterFields are the front matter keys an article reads; "date" is
// the name static site generators give the published date.
var frontMatterFields = []string{"title", "source", "url", "published", "author", "date"}

// parseFrontMatter reads the fields of front matter. It never fails: front
// matter that is not valid YAML (a title with ": " in it is the common
// case) is read as "key: value" lines with a warning, and front matter with
// no such lines is ignored with a warning, so the article is kept.
func parseFrontMatter(fm string) (m meta, warnings []string) {
	values, warnings, err := yamlFields(fm)
	if err != nil {
		values = lineFields(fm)
		if len(values) == 0 {
			return meta{}, []string{fmt.Sprintf("front matter ignored (%v)", err)}
		}
		warnings = []string{fmt.Sprintf("front matter is not valid YAML (%v); read as key: value lines", err)}
	}
	m = meta{title: values["title"], source: values["source"], url: values["url"], published: values["published"], author: values["author"]}
	if m.published == "" {
		m.published = values["date"]
	}
	return m, warnings
}

// yamlFields reads the known fields of YAML front matter. Values that are
// not plain (a mapping, say) are left out with a warning.
func yamlFields(fm string) (map[string]string, []string, error) {
	var doc yaml.Node
	if err := safeYAML(fm, &doc); err != nil {
		return nil, nil, err
	}
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 0) {
		return nil, nil, nil // empty front matter
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, errors.New("not a mapping of field: value lines")
	}
	values := map[string]string{}
	var warnings []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(root.Content[i].Value))
		if !slices.Contains(frontMatterFields, key) {
			continue
		}
		v, ok := yamlString(root.Content[i+1])
		if !ok {
			warnings = append(warnings, fmt.Sprintf("front matter field %s is not a plain value; left empty", key))
			continue
		}
		values[key] = v
	}
	return values, warnings, nil
}

// lineFields reads front matter that is not valid YAML as "key: value"
// lines: the key is what comes before the first colon, the value the rest
// of the line with one pair of enclosing quotes removed. Only the known
// fields are kept, the first of each.
func lineFields(fm string) map[string]string {
	values := map[string]string{}
	for _, line := range strings.Split(fm, "\n") {
		key, value, ok := strings.Cut(line, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || !slices.Contains(frontMatterFields, key) {
			continue
		}
		if _, seen := values[key]; seen {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
			value = value[1 : len(value)-1]
		}
		values[key] = value
	}
	return values
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
