package manuscript

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/banmian/banmian/layout"
)

// ParseNITF reads one article from an IPTC NITF 3.x document, as the
// package documentation describes. The article ID is the id-string of
// docdata/doc-id or the file's base name.
func ParseNITF(name string, data []byte, opt Options) ([]*Article, []Warning, error) {
	text, err := decodeXML(name, data)
	if err != nil {
		return nil, nil, err
	}
	w := &warnings{file: name}
	damaged(text, w)
	n := &nitfParser{name: name, w: w, a: &Article{}}
	if err := n.parse(text); err != nil {
		return nil, nil, err
	}
	n.finish()
	as := []*Article{n.a}
	if err := cleanArticles(name, as); err != nil {
		return nil, nil, err
	}
	fixPunct(as, w, opt)
	return as, w.sorted(), nil
}

var xmlEncodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// decodeXML decodes an XML document by its declared encoding, or like
// Decode when it declares UTF-8, UTF-16 or none.
func decodeXML(name string, data []byte) (string, error) {
	m := xmlEncodingRE.FindSubmatch(data)
	if m == nil {
		return decodeText(name, data)
	}
	label := strings.ToLower(string(m[1]))
	switch label {
	case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16":
		return decodeText(name, data)
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", errorf(name, 1, "unknown encoding %q in the XML declaration", m[1])
	}
	out, err := enc.NewDecoder().Bytes(data)
	if i := strings.IndexRune(string(out), utf8.RuneError); err != nil || i >= 0 {
		line := 1
		if i >= 0 {
			line += strings.Count(string(out[:i]), "\n")
		}
		return "", errorf(name, line, "text is not valid %s, the encoding its XML declaration names", m[1])
	}
	for i, r := range string(out) {
		if badControl(r) {
			return "", errorf(name, 1+strings.Count(string(out[:i]), "\n"), "%s", controlMsg(r))
		}
	}
	return decodeText(name, out)
}

type nitfSink struct {
	kind  string
	depth int
	line  int
	b     strings.Builder
}

type nitfParser struct {
	name string
	w    *warnings
	a    *Article

	stack     []string
	sink      *nitfSink
	media     *Image
	title     string
	titleLine int
	docID     string
	hl1Line   int
	bylines   []string
	tableWarn bool
	taglines  []layout.Paragraph
}

func (n *nitfParser) in(el string) bool {
	for _, s := range n.stack {
		if s == el {
			return true
		}
	}
	return false
}

func (n *nitfParser) parse(text string) error {
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // already UTF-8
	root := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return errorf(n.name, se.Line, "XML: %s", se.Msg)
			}
			line, _ := dec.InputPos()
			return errorf(n.name, line, "XML: %v", err)
		}
		line, _ := dec.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				if t.Name.Local != "nitf" {
					return errorf(n.name, line, "root element is <%s>, not <nitf>: not an NITF document", t.Name.Local)
				}
				root = true
			}
			n.stack = append(n.stack, t.Name.Local)
			n.start(t, line)
		case xml.EndElement:
			n.end()
			n.stack = n.stack[:len(n.stack)-1]
		case xml.CharData:
			n.text(string(t), line)
		}
	}
	if !root {
		return errorf(n.name, 0, "no <nitf> element: not an NITF document")
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *nitfParser) open(kind string, line int) {
	n.sink = &nitfSink{kind: kind, depth: len(n.stack), line: line}
}

func (n *nitfParser) start(t xml.StartElement, line int) {
	el := t.Name.Local
	if s := n.sink; s != nil {
		switch {
		case el == "br":
			s.b.WriteString("\n")
		case s.kind == "row" && (el == "td" || el == "th"):
			s.b.WriteString(" ")
		}
		return
	}
	parent := ""
	if len(n.stack) > 1 {
		parent = n.stack[len(n.stack)-2]
	}
	switch {
	case n.in("head") && el == "title":
		n.open("title", line)
	case n.in("head") && el == "doc-id":
		n.docID = attr(t, "id-string")
	case n.in("hedline") && (el == "hl1" || el == "hl2"):
		n.open(el, line)
	case parent == "body.head" && (el == "byline" || el == "dateline" || el == "abstract"):
		n.open(el, line)
	case parent == "body.head" && el != "hedline":
		n.open("ignored:"+el, line)
	case n.in("body.content") && n.in("media"):
		switch el {
		case "media":
			if n.media == nil {
				n.media = &Image{Line: line}
			}
		case "media-reference":
			if n.media != nil && n.media.Path == "" {
				n.media.Path = attr(t, "source")
			}
		case "media-caption":
			n.open("caption", line)
		}
	case n.in("body.content"):
		switch el {
		case "p", "li", "dt", "dd", "pre", "note", "fn", "credit":
			n.open("para", line)
		case "hl1", "hl2":
			n.open("crosshead", line)
		case "tr":
			n.open("row", line)
			if !n.tableWarn {
				n.tableWarn = true
				n.w.add(line, KindUnsupported, "tables are not set yet: each row becomes a paragraph")
			}
		}
	case n.in("body.end") && el == "tagline":
		n.open("tagline", line)
	case parent == "body.end":
		n.open("ignored:"+el, line)
	}
}

func (n *nitfParser) text(s string, line int) {
	if n.sink != nil {
		n.sink.b.WriteString(s)
		return
	}
	t := normSpace(s)
	if t == "" {
		return
	}
	if n.in("body.content") {
		if n.media != nil {
			n.media.Caption = joinText(n.media.Caption, t)
			return
		}
		n.w.add(line, KindCheck, "text outside <p> set as a paragraph: %q", excerpt(t, 12, false))
		n.a.Body = append(n.a.Body, layout.Paragraph{Text: t, Line: line})
		return
	}
	n.w.add(line, KindUnsupported, "text outside the article's elements is not set: %q", excerpt(t, 20, false))
}

func (n *nitfParser) end() {
	if n.media != nil && n.sink == nil && n.stack[len(n.stack)-1] == "media" {
		m := *n.media
		n.media = nil
		n.a.Images = append(n.a.Images, m)
		n.w.add(m.Line, KindUnsupported, "image %q (%s) is not placed yet", m.Caption, m.Path)
		return
	}
	s := n.sink
	if s == nil || len(n.stack) != s.depth {
		return
	}
	n.sink = nil
	t := normSpace(s.b.String())
	a := n.a
	switch s.kind {
	case "title":
		n.title, n.titleLine = t, s.line
	case "hl1":
		a.Headline = joinSpace(a.Headline, t)
		if n.hl1Line == 0 {
			n.hl1Line = s.line
		}
	case "hl2":
		if a.Headline == "" {
			a.Kicker = joinSpace(a.Kicker, t) // before hl1: 引题
		} else {
			a.Subtitle = joinSpace(a.Subtitle, trimDash(t))
		}
	case "byline":
		if t != "" {
			n.bylines = append(n.bylines, t)
		}
	case "dateline":
		a.Dateline = joinSpace(a.Dateline, t)
	case "abstract":
		if t != "" {
			a.Abstract = joinSpace(a.Abstract, t)
			n.w.add(s.line, KindUnsupported, "abstract is not set yet: %q", excerpt(t, 20, false))
		}
	case "para", "row", "crosshead":
		if t != "" {
			a.Body = append(a.Body, layout.Paragraph{Text: t, Line: s.line, Crosshead: s.kind == "crosshead"})
		}
	case "tagline":
		if t != "" {
			n.taglines = append(n.taglines, layout.Paragraph{Text: t, Line: s.line})
		}
	case "caption":
		if n.media != nil {
			n.media.Caption = joinText(n.media.Caption, t)
		}
	default: // ignored:element
		if t != "" {
			n.w.add(s.line, KindUnsupported, "<%s> is not set: %q", strings.TrimPrefix(s.kind, "ignored:"), excerpt(t, 20, false))
		}
	}
}

func joinSpace(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

func (n *nitfParser) finish() {
	a := n.a
	a.Body = append(a.Body, n.taglines...)
	switch {
	case validID(n.docID):
		a.ID = n.docID
	default:
		a.ID = baseID(n.name)
		if n.docID != "" {
			n.w.add(0, KindCheck, "doc-id %q has spaces; article ID is %s", n.docID, a.ID)
		}
	}
	a.Source = source(n.name, max(n.hl1Line, 1))
	switch {
	case a.Headline == "":
		a.Headline = n.title
	case n.title != "" && n.title != a.Headline:
		n.w.add(n.titleLine, KindUnsupported, "<title> %q is not set: the headline is the <hl1> at line %d",
			excerpt(n.title, 20, false), n.hl1Line)
	}
	if a.Headline == "" {
		n.w.add(0, KindStructure, "article %s has no headline: no <hl1> and no <title>", a.ID)
	}
	a.Byline = strings.Join(n.bylines, " ")
	findDateline(a)
	if a.Byline == "" && len(a.Body) > 1 && !a.Body[len(a.Body)-1].Crosshead && isByline(a.Body[len(a.Body)-1].Text) {
		a.Byline = a.Body[len(a.Body)-1].Text
		a.Body = a.Body[:len(a.Body)-1]
	}
	if len(a.Body) == 0 {
		n.w.add(0, KindStructure, "article %s has no body text", a.ID)
	}
}
