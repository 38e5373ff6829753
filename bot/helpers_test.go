package bot_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/index"
)

// testArticles is a small corpus written for these tests: a fictional
// storm in a fictional port, with a name spelt two ways, figures from one
// source on two dates, and quotes.
var testArticles = map[string]string{
	"desal.md": `---
title: "Storm knocks out Corvana desalination plant"
source: "Harbour Gazette"
url: https://gazette.example/corvana-storm
published: 2024-05-20
---

A storm that swept across the coast of Corvana on Sunday knocked out the city's main desalination plant, leaving tens of thousands of households without running water.

Mirela Stanek, the spokeswoman for the Coastal Relief Council, said crews had reached the plant by Monday morning. "We expect the pumps to run again within a week," she said.

At least 14 people died in the storm, according to the Corvana Port Authority, most of them when a ferry capsized near the northern breakwater.

The council said 40 people had been injured and that several fishing villages remained cut off.

Engineers warned that salt water had flooded the plant's control room.
`,
	"toll.md": `---
title: "Death toll from Corvana storm rises"
source: "Northern Ledger"
url: https://ledger.example/storm-toll
published: 2024-05-23
---

The storm that hit Corvana has killed at least 21 people, the Coastal Relief Council said on Wednesday.

Mirella Stanneck, who speaks for the council, told reporters that divers had recovered seven more bodies from the harbour.

Residents of the old port queued for bottled water for a third day.
`,
	"market.md": `---
title: "Fish market reopens in Corvana"
source: "Harbour Gazette"
published: 2024-04-02
---

The covered fish market in Corvana reopened on Tuesday after a two-year renovation paid for by the port authority.

Traders said rents had doubled. "We cannot pass the cost on to our customers," said Tomas Reyk, who has sold squid there for thirty years.
`,
}

// newCorpus writes the test corpus and builds a real on-disk index of it.
func newCorpus(t testing.TB) (engine *index.Engine, corpusDir string) {
	t.Helper()
	dir := t.TempDir()
	corpusDir, indexDir := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	if err := os.MkdirAll(corpusDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range testArticles {
		if err := os.WriteFile(filepath.Join(corpusDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	if _, err := index.Build(ctx, index.BuildOptions{CorpusDir: corpusDir, IndexDir: indexDir}); err != nil {
		t.Fatalf("build index: %v", err)
	}
	e, err := index.Open(ctx, indexDir, nil)
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e, corpusDir
}

// fixture reads a JSON payload from testdata, letting edit change it.
func fixture(t testing.TB, name string, edit func(m map[string]any)) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return data
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// interaction decodes a fixture as discordgo does.
func interaction(t testing.TB, name string, edit func(m map[string]any)) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal(fixture(t, name, edit), &i); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &i
}

// message decodes a MESSAGE_CREATE fixture as discordgo does.
func message(t testing.TB, name string) *discordgo.Message {
	t.Helper()
	var m discordgo.MessageCreate
	if err := json.Unmarshal(fixture(t, name, nil), &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m.Message
}

// setOption sets a slash command option's value in a fixture.
func setOption(name string, value any) func(m map[string]any) {
	return func(m map[string]any) {
		data := m["data"].(map[string]any)
		opts, _ := data["options"].([]any)
		for _, o := range opts {
			if o.(map[string]any)["name"] == name {
				o.(map[string]any)["value"] = value
				return
			}
		}
		data["options"] = append(opts, map[string]any{"name": name, "type": 3, "value": value})
	}
}
