package manuscript

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/banmian/banmian/layout"
)

// Options control repairs that change the copy.
type Options struct {
	// FixPunct converts half-width ,;:?! between CJK characters to
	// ，；：？！ (and drops spaces right after them). Without it they are only
	// reported.
	FixPunct bool
}

// Article is a parsed article: the layout model's fields, and what the
// model has no place for yet.
type Article struct {
	layout.Article
	Abstract string  // 提要 (NITF <abstract>); not set yet
	Images   []Image // pictures in the copy; not placed yet
}

// Image is a picture referenced by the copy.
type Image struct {
	Path    string
	Caption string
	Line    int
}

// Articles returns the layout articles of as, sharing their storage.
func Articles(as []*Article) []*layout.Article {
	out := make([]*layout.Article, len(as))
	for i, a := range as {
		out[i] = &a.Article
	}
	return out
}

// Format is an input format.
type Format int

const (
	Plain Format = iota
	Markdown
	NITF
)

func (f Format) String() string {
	return [...]string{"plain", "markdown", "nitf"}[f]
}

// formatExts are the extensions of manuscript files and their formats:
// DetectFormat goes by them, and a folder's manuscripts are the files that
// have one.
var formatExts = []struct {
	ext    string
	format Format
}{
	{".txt", Plain}, {".text", Plain},
	{".md", Markdown}, {".markdown", Markdown},
	{".xml", NITF}, {".nitf", NITF},
}

// formatOf is the format of a manuscript file's extension.
func formatOf(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, fe := range formatExts {
		if fe.ext == ext {
			return fe.format, true
		}
	}
	return 0, false
}

// manuscriptExts lists the extensions of formatExts, for messages.
func manuscriptExts() string {
	exts := make([]string, len(formatExts))
	for i, fe := range formatExts {
		exts[i] = fe.ext
	}
	return strings.Join(exts, ", ")
}

// DetectFormat chooses the format of a file by its extension (.txt, .text;
// .md, .markdown; .xml, .nitf) or, for other names, by its content: XML is
// NITF, a file opening with a --- front matter line is Markdown, anything
// else plain copy.
func DetectFormat(name string, data []byte) Format {
	if f, ok := formatOf(name); ok {
		return f
	}
	if s, err := Decode(name, data); err == nil {
		data = []byte(s)
	}
	data = bytes.TrimLeftFunc(data, unicode.IsSpace)
	switch {
	case bytes.HasPrefix(data, []byte("<?xml")), bytes.HasPrefix(data, []byte("<nitf")), bytes.HasPrefix(data, []byte("<!DOCTYPE nitf")):
		return NITF
	case bytes.HasPrefix(data, []byte("---\n")), bytes.HasPrefix(data, []byte("---\r\n")):
		return Markdown
	}
	return Plain
}

// Parse reads one manuscript file in the format DetectFormat chooses. name
// is used in messages, Source fields and article IDs. Warnings are sorted by
// line. An input error is an *Error.
func Parse(name string, data []byte, opt Options) ([]*Article, []Warning, error) {
	switch DetectFormat(name, data) {
	case Markdown:
		return ParseMarkdown(name, data, opt)
	case NITF:
		return ParseNITF(name, data, opt)
	}
	return ParsePlain(name, data, opt)
}

// decodeText decodes data and normalises line ends to \n; an empty file is
// an error.
func decodeText(name string, data []byte) (string, error) {
	s, err := Decode(name, data)
	if err != nil {
		return "", err
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return "", &Error{File: name, Offset: -1, Msg: "empty file: no text to set"}
	}
	return s, nil
}

// cleanArticles normalises the white space of every text of the articles
// with normSpace (tabs, line breaks and runs of spaces inside a paragraph
// or field) and drops paragraphs left empty. A control character still in
// a text — one the markup let through as an escape, such as "\a" in YAML or
// &#x81; in XML — is an *Error naming the file, the line and the code
// point.
func cleanArticles(name string, as []*Article) error {
	for _, a := range as {
		line := sourceLine(a.Source)
		for _, f := range []struct {
			s    *string
			what string
		}{
			{&a.Kicker, "kicker"}, {&a.Headline, "headline"}, {&a.Subtitle, "subtitle"},
			{&a.Dateline, "dateline"}, {&a.Byline, "byline"}, {&a.Jump, "jump headline"},
			{&a.Section, "section"}, {&a.Abstract, "abstract"},
		} {
			*f.s = normSpace(*f.s)
			if err := noControl(name, line, f.what, *f.s); err != nil {
				return err
			}
		}
		body := a.Body[:0]
		for _, p := range a.Body {
			p.Text = normSpace(p.Text)
			what := "paragraph"
			if p.Crosshead {
				what = "crosshead"
			}
			if err := noControl(name, p.Line, what, p.Text); err != nil {
				return err
			}
			if p.Text != "" {
				body = append(body, p)
			}
		}
		a.Body = body
		for i := range a.Images {
			im := &a.Images[i]
			im.Caption = normSpace(im.Caption)
			if err := noControl(name, im.Line, "image caption", im.Caption+im.Path); err != nil {
				return err
			}
		}
	}
	return nil
}

// noControl refuses a control character in s, the text of what at line.
func noControl(name string, line int, what, s string) error {
	for _, r := range s {
		if badControl(r) {
			return errorf(name, line, "%s has control character U+%04X: not text (remove it)", what, r)
		}
	}
	return nil
}

// baseID is the file's base name without extension, white space replaced
// by "-": the ID stem of its articles.
func baseID(name string) string {
	b := filepath.Base(name)
	b = strings.TrimSuffix(b, filepath.Ext(b))
	b = strings.Join(strings.Fields(b), "-")
	if b == "" || b == "." || b == "-" {
		return "article"
	}
	return b
}

// validID reports whether id can name an article in a plan.
func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

func source(name string, line int) string {
	return position(name, line)
}

// warnings collects warnings for one file.
type warnings struct {
	file string
	list []Warning
}

func (w *warnings) add(line int, kind, format string, args ...any) {
	w.list = append(w.list, Warning{File: w.file, Line: line, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

func (w *warnings) sorted() []Warning {
	sort.SliceStable(w.list, func(i, j int) bool { return w.list[i].Line < w.list[j].Line })
	return w.list
}

// excerpt returns at most n runes of s for a message, from its end if tail.
func excerpt(s string, n int, tail bool) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if tail {
		return "…" + string(r[len(r)-n:])
	}
	return string(r[:n]) + "…"
}

// halfWidthFix maps half-width punctuation to its full-width form.
var halfWidthFix = map[rune]rune{',': '，', ';': '；', ':': '：', '?': '？', '!': '！'}

// checkPunct finds half-width ,;:?! between CJK characters (spaces after the
// mark allowed); with fix it converts them and drops the spaces. It returns
// the text, the count and the first occurrence in context.
func checkPunct(s string, fix bool) (string, int, string) {
	rs := []rune(s)
	var out []rune
	n := 0
	first := ""
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		full, ok := halfWidthFix[r]
		if !ok || i == 0 || !isCJK(rs[i-1]) {
			out = append(out, r)
			continue
		}
		j := i + 1
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if j >= len(rs) || !isCJK(rs[j]) {
			out = append(out, r)
			continue
		}
		n++
		if first == "" {
			first = string(rs[max(0, i-3):min(len(rs), j+3)])
		}
		if fix {
			out = append(out, full)
			i = j - 1
		} else {
			out = append(out, r)
		}
	}
	return string(out), n, first
}

// fixPunct runs checkPunct over every text of the articles, with one
// warning per field or paragraph.
func fixPunct(as []*Article, w *warnings, opt Options) {
	check := func(s *string, line int, what string) {
		t, n, first := checkPunct(*s, opt.FixPunct)
		if n == 0 {
			return
		}
		*s = t
		verb := "has"
		if opt.FixPunct {
			verb = "had"
		}
		marks := "mark"
		if n > 1 {
			marks = "marks"
		}
		msg := fmt.Sprintf("%s %s %d half-width punctuation %s between CJK characters, e.g. %q", what, verb, n, marks, first)
		if opt.FixPunct {
			msg += "; converted to full width"
		}
		w.add(line, KindPunct, "%s", msg)
	}
	for _, a := range as {
		line := sourceLine(a.Source)
		check(&a.Kicker, line, "kicker")
		check(&a.Headline, line, "headline")
		check(&a.Subtitle, line, "subtitle")
		check(&a.Byline, line, "byline")
		for i := range a.Body {
			what := "paragraph"
			if a.Body[i].Crosshead {
				what = "crosshead"
			}
			check(&a.Body[i].Text, a.Body[i].Line, what)
		}
	}
}

func sourceLine(src string) int {
	i := strings.LastIndexByte(src, ':')
	n := 0
	for _, c := range src[i+1:] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// damaged warns about U+FFFD, text that was damaged by an earlier
// conversion.
func damaged(text string, w *warnings) {
	if !strings.ContainsRune(text, utf8.RuneError) {
		return
	}
	n := strings.Count(text, string(utf8.RuneError))
	line := strings.Count(text[:strings.IndexRune(text, utf8.RuneError)], "\n") + 1
	w.add(line, KindCheck, "%d replacement characters (U+FFFD): text was damaged by an earlier conversion", n)
}

// findDateline moves a dateline at the start of the first paragraph to
// a.Dateline, if the article has none.
func findDateline(a *Article) {
	if a.Dateline != "" {
		return
	}
	for i := range a.Body {
		if a.Body[i].Crosshead {
			continue
		}
		if d, rest, ok := splitDateline(a.Body[i].Text); ok {
			a.Dateline = d
			a.Body[i].Text = rest
			if rest == "" {
				a.Body = append(a.Body[:i], a.Body[i+1:]...)
			}
		}
		return
	}
}
