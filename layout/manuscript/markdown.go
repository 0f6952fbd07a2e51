package manuscript

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/banmian/banmian/layout"
)

// frontMatterKeys are the keys a Markdown front matter may hold.
var frontMatterKeys = []string{"byline", "dateline", "id", "jump", "kicker", "priority", "section", "subtitle", "title"}

// ParseMarkdown reads one article from Markdown with optional YAML front
// matter, as the package documentation describes. The article ID is the
// front matter id or the file's base name.
func ParseMarkdown(name string, data []byte, opt Options) ([]*Article, []Warning, error) {
	text, err := decodeText(name, data)
	if err != nil {
		return nil, nil, err
	}
	w := &warnings{file: name}
	damaged(text, w)
	lines := strings.Split(text, "\n")
	a := &Article{}
	a.ID = baseID(name)
	a.Source = source(name, 1)
	bodyStart := 0
	var fm frontMatter
	if strings.TrimRightFunc(lines[0], unicode.IsSpace) == "---" {
		end := -1
		for i := 1; i < len(lines); i++ {
			if l := strings.TrimRightFunc(lines[i], unicode.IsSpace); l == "---" || l == "..." {
				end = i
				break
			}
		}
		if end < 0 {
			return nil, nil, errorf(name, 1, "front matter opened by --- is not closed by a --- line")
		}
		fm, err = parseFrontMatter(name, strings.Join(lines[1:end], "\n"), 1, a)
		if err != nil {
			return nil, nil, err
		}
		bodyStart = end + 1
	}
	m := &mdParser{name: name, w: w, a: a, fm: fm}
	if err := m.body(lines, bodyStart); err != nil {
		return nil, nil, err
	}
	if a.Headline == "" {
		w.add(1, KindStructure, "article %s has no headline: no front matter title and no # heading", a.ID)
	}
	if len(a.Body) == 0 {
		w.add(1, KindStructure, "article %s has no body text", a.ID)
	}
	as := []*Article{a}
	if err := cleanArticles(name, as); err != nil {
		return nil, nil, err
	}
	fixPunct(as, w, opt)
	return as, w.sorted(), nil
}

// frontMatter records where front matter keys were given.
type frontMatter struct {
	titleLine, bylineLine, datelineLine int
}

// parseFrontMatter fills a from the YAML src, whose first line is line
// first+1 of the file.
func parseFrontMatter(name, src string, first int, a *Article) (frontMatter, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return fm, yamlError(name, first, "front matter", err)
	}
	if len(doc.Content) == 0 {
		return fm, nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fm, errorf(name, root.Line+first, "front matter must be \"key: value\" lines")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + first
		key := k.Value
		if prev, dup := seen[key]; dup {
			return fm, errorf(name, line, "front matter key %q given twice (first at line %d)", key, prev)
		}
		seen[key] = line
		str := func() (string, error) {
			var s string
			if err := v.Decode(&s); err != nil {
				return "", errorf(name, v.Line+first, "front matter key %q: want text, have %s", key, describe(v))
			}
			if err := noControl(name, v.Line+first, "front matter key "+strconv.Quote(key), s); err != nil {
				return "", err
			}
			return normSpace(s), nil
		}
		var err error
		switch key {
		case "kicker":
			a.Kicker, err = str()
		case "title":
			a.Headline, err = str()
			fm.titleLine = line
			a.Source = source(name, line)
		case "subtitle":
			var s string
			s, err = str()
			a.Subtitle = trimDash(s)
		case "dateline":
			a.Dateline, err = str()
			fm.datelineLine = line
		case "section":
			a.Section, err = str()
		case "byline":
			fm.bylineLine = line
			var list []string
			if v.Kind == yaml.SequenceNode {
				if e := v.Decode(&list); e != nil {
					return fm, errorf(name, v.Line+first, "front matter key \"byline\": want text or a list of lines")
				}
			} else {
				var s string
				s, err = str()
				list = []string{s}
			}
			for i := range list {
				at := v.Line
				if v.Kind == yaml.SequenceNode {
					at = v.Content[i].Line
				}
				if e := noControl(name, at+first, "front matter key \"byline\"", list[i]); e != nil {
					return fm, e
				}
				list[i] = normSpace(list[i])
			}
			a.Byline = strings.Join(list, " ")
		case "id":
			a.ID, err = str()
			if err == nil && !validID(a.ID) {
				err = errorf(name, v.Line+first, "front matter id %q: want a non-empty name without spaces", a.ID)
			}
		case "priority":
			if e := v.Decode(&a.Priority); e != nil {
				err = errorf(name, v.Line+first, "front matter key \"priority\": want an integer, have %q", v.Value)
			}
		case "jump":
			if v.Tag == "!!bool" {
				err = errorf(name, v.Line+first, "jump: give the short headline for the continued part (转版), not %s", v.Value)
				break
			}
			a.Jump, err = str()
		default:
			err = errorf(name, line, "unknown front matter key %q (known keys: %s)", key, strings.Join(frontMatterKeys, ", "))
		}
		if err != nil {
			return fm, err
		}
	}
	return fm, nil
}

var (
	atxRE      = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$`)
	thematicRE = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
)

type mdParser struct {
	name string
	w    *warnings
	a    *Article
	fm   frontMatter

	lines []string // raw lines of the paragraph being read
	first int      // its first line
	// bylineAt is the index in a.Body of each paragraph whose lines are all
	// bylines, with its lines.
	bylines map[int][]string
}

func (m *mdParser) body(lines []string, start int) error {
	m.bylines = map[int][]string{}
	for i := start; i < len(lines); i++ {
		l, line := lines[i], i+1
		if strings.TrimSpace(l) == "" {
			m.flush()
			continue
		}
		if g := atxRE.FindStringSubmatch(l); g != nil {
			m.flush()
			text, images := m.inline(g[2], line)
			text = strings.TrimSpace(text)
			m.addImages(images)
			if len(g[1]) == 1 {
				switch {
				case m.fm.titleLine > 0:
					return errorf(m.name, line, "headline given twice: front matter title (line %d) and # heading", m.fm.titleLine)
				case m.a.Headline != "" || len(m.a.Body) > 0:
					return errorf(m.name, line, "a # headline after the article began: one Markdown file holds one article")
				}
				m.a.Headline = text
				m.a.Source = source(m.name, line)
				continue
			}
			if text != "" {
				m.a.Body = append(m.a.Body, layout.Paragraph{Text: text, Crosshead: true, Line: line})
			}
			continue
		}
		if thematicRE.MatchString(l) {
			m.flush()
			continue
		}
		if len(m.lines) == 0 {
			m.first = line
		}
		m.lines = append(m.lines, l)
	}
	m.flush()
	m.finish()
	return nil
}

// flush ends the paragraph being read.
func (m *mdParser) flush() {
	if len(m.lines) == 0 {
		return
	}
	allBylines := true
	pieces := make([]string, len(m.lines))
	for i, l := range m.lines {
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, `\`) && !strings.HasSuffix(l, `\\`) {
			l = strings.TrimSuffix(l, `\`) // hard line break
		}
		allBylines = allBylines && isByline(l)
		pieces[i] = l
	}
	text := joinLines(pieces)
	lines := m.lines
	m.lines = nil
	text, images := m.inline(text, m.first)
	m.addImages(images)
	if strings.TrimSpace(text) == "" {
		return
	}
	if allBylines {
		m.bylines[len(m.a.Body)] = lines
	}
	m.a.Body = append(m.a.Body, layout.Paragraph{Text: strings.TrimSpace(text), Line: m.first})
}

func (m *mdParser) addImages(images []Image) {
	for _, im := range images {
		m.w.add(im.Line, KindUnsupported, "image %q (%s) is not placed yet", im.Caption, im.Path)
	}
	m.a.Images = append(m.a.Images, images...)
}

// finish takes the dateline from the first paragraph and the byline from
// closing byline paragraphs, where the front matter gives none.
func (m *mdParser) finish() {
	a := m.a
	defer func() {
		if m.fm.datelineLine == 0 {
			findDateline(a) // last: it may remove a paragraph
		}
	}()
	if m.fm.bylineLine == 0 {
		var parts []string
		n := len(a.Body)
		for n > 1 {
			lines, ok := m.bylines[n-1]
			if !ok || a.Body[n-1].Crosshead {
				break
			}
			var ls []string
			for _, l := range lines {
				ls = append(ls, strings.TrimSpace(l))
			}
			parts = append([]string{strings.Join(ls, " ")}, parts...)
			n--
		}
		if n < len(a.Body) {
			a.Byline = strings.Join(parts, " ")
			a.Body = a.Body[:n]
		}
	}
}

// inline removes inline markup from s: images are collected, links keep
// their text, emphasis markers and code backticks are removed, backslash
// escapes resolved.
func (m *mdParser) inline(s string, line int) (string, []Image) {
	var images []Image
	var out strings.Builder
	emphasis := false
	rs := []rune(s)
	// A delimiter run with no closer has none from any later start either:
	// remember it, so that unmatched runs cost linear time.
	noCloser := map[[2]int]bool{}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && strings.ContainsRune(asciiPunct, rs[i+1]):
			out.WriteRune(rs[i+1])
			i++
		case r == '`':
			n := run(rs, i, '`')
			end := -1
			if !noCloser[[2]int{'`', n}] {
				end = findRun(rs, i+n, '`', n)
				noCloser[[2]int{'`', n}] = end < 0
			}
			if end >= 0 {
				out.WriteString(string(rs[i+n : end]))
				i = end + n - 1
			} else {
				out.WriteString(string(rs[i : i+n]))
				i += n - 1
			}
		case r == '!' && i+1 < len(rs) && rs[i+1] == '[':
			if text, dest, end, ok := linkAt(rs, i+1); ok {
				images = append(images, Image{Path: dest, Caption: text, Line: line})
				i = end
			} else {
				out.WriteRune(r)
			}
		case r == '[':
			if text, dest, end, ok := linkAt(rs, i); ok {
				inner, imgs := m.inline(text, line)
				images = append(images, imgs...)
				m.w.add(line, KindMarkup, "link to %s: only its text %q is kept", dest, inner)
				out.WriteString(inner)
				i = end
			} else {
				out.WriteRune(r)
			}
		case r == '*' || r == '_':
			n := run(rs, i, r)
			if n <= 2 && opener(rs, i, n) && !noCloser[[2]int{int(r), n}] {
				end := closer(rs, i+n, r, n)
				noCloser[[2]int{int(r), n}] = end < 0
				if end >= 0 {
					inner, imgs := m.inline(string(rs[i+n:end]), line)
					images = append(images, imgs...)
					out.WriteString(inner)
					i = end + n - 1
					emphasis = true
					continue
				}
			}
			out.WriteString(string(rs[i : i+n]))
			i += n - 1
		default:
			out.WriteRune(r)
		}
	}
	if emphasis {
		m.w.add(line, KindMarkup, "emphasis markers removed: bold and italic are not set yet")
	}
	return out.String(), images
}

// run counts the repeats of c starting at i.
func run(rs []rune, i int, c rune) int {
	n := 0
	for i+n < len(rs) && rs[i+n] == c {
		n++
	}
	return n
}

// findRun finds the next run of exactly n c's at or after i.
func findRun(rs []rune, i int, c rune, n int) int {
	for i < len(rs) {
		if rs[i] != c {
			i++
			continue
		}
		k := run(rs, i, c)
		if k == n {
			return i
		}
		i += k
	}
	return -1
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opener reports whether the delimiter run rs[i:i+n] can open emphasis.
func opener(rs []rune, i, n int) bool {
	if i+n >= len(rs) || unicode.IsSpace(rs[i+n]) {
		return false
	}
	return rs[i] == '*' || i == 0 || !alnum(rs[i-1])
}

// closer finds a delimiter run of n c's after i that can close emphasis.
func closer(rs []rune, i int, c rune, n int) int {
	for j := i; j < len(rs); j++ {
		if rs[j] != c {
			continue
		}
		k := run(rs, j, c)
		if k == n && j > i && !unicode.IsSpace(rs[j-1]) && (c == '*' || j+k >= len(rs) || !alnum(rs[j+k])) {
			return j
		}
		j += k - 1
	}
	return -1
}

// linkAt parses [text](dest "title") at rs[i] == '['. It returns the text,
// the destination and the index of the closing parenthesis.
func linkAt(rs []rune, i int) (text, dest string, end int, ok bool) {
	const maxLink = 1000 // runes of link text or destination searched
	depth := 0
	j := i
	for ; j < len(rs) && j < i+maxLink; j++ {
		if rs[j] == '\\' {
			j++
			continue
		}
		if rs[j] == '[' {
			depth++
		} else if rs[j] == ']' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	if j+1 >= len(rs) || rs[j] != ']' || rs[j+1] != '(' {
		return "", "", 0, false
	}
	k := j + 2
	for k < len(rs) && k < j+2+maxLink && rs[k] != ')' && rs[k] != '\n' {
		k++
	}
	if k >= len(rs) || rs[k] != ')' {
		return "", "", 0, false
	}
	target := strings.TrimSpace(string(rs[j+2 : k]))
	if f := strings.Fields(target); len(f) > 0 {
		target = strings.Trim(f[0], "<>")
	}
	return string(rs[i+1 : j]), target, k, true
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
