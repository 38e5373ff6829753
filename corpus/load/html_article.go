package load

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minArticleText is how much text a page's one <article> must hold to be
// taken for the whole story: a teaser card is an <article> too.
const minArticleText = 250

// narrowToArticle keeps, of a page whose story is its one <article>
// element (it holds most of the page's readable text), only that element and the page's scripts (JSON-LD metadata)
// in the body: banners, cookie notices and promotions beside it are no
// part of the story, though readability may take them for one when they
// sit next to it.
func narrowToArticle(doc *html.Node) {
	var articles []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			articles = append(articles, n)
			return // an <article> inside it is part of it
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if len(articles) != 1 {
		return
	}
	n := readableLen(articles[0])
	if n < minArticleText || 2*n < readableLen(doc) {
		return // a teaser beside the story, not the story
	}
	for n := articles[0]; n.Parent != nil && n.DataAtom != atom.Body; n = n.Parent {
		for c := n.Parent.FirstChild; c != nil; {
			next := c.NextSibling
			if c != n && c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Head {
				n.Parent.RemoveChild(c)
			}
			c = next
		}
	}
}

// readableLen is the length of n's text outside scripts, navigation and
// the other elements that hold no article text (skippedElement).
func readableLen(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return len(n.Data)
	case n.Type == html.ElementNode && skippedElement(n):
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += readableLen(c)
	}
	return total
}
