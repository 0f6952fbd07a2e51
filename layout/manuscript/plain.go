package manuscript

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/banmian/banmian/layout"
)

// ParsePlain reads plain copy: one or more articles, each a headline, a
// dateline paragraph, body paragraphs and a byline, as the package
// documentation describes. Article IDs are the file's base name and the
// article's number: guancheng-1, guancheng-2, …
func ParsePlain(name string, data []byte, opt Options) ([]*Article, []Warning, error) {
	text, err := decodeText(name, data)
	if err != nil {
		return nil, nil, err
	}
	w := &warnings{file: name}
	damaged(text, w)
	p := &plainParser{name: name, stem: baseID(name), units: splitUnits(text), w: w}
	p.run()
	if err := cleanArticles(name, p.arts); err != nil {
		return nil, nil, err
	}
	fixPunct(p.arts, w, opt)
	return p.arts, w.sorted(), nil
}

// unit is one non-blank line.
type unit struct {
	line   int
	text   string // without surrounding white space
	indent bool   // starts with white space
	blank  int    // blank lines before it
}

func splitUnits(text string) []unit {
	var us []unit
	blank := 0
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimFunc(l, unicode.IsSpace)
		if t == "" {
			blank++
			continue
		}
		us = append(us, unit{line: i + 1, text: t, indent: len(strings.TrimLeftFunc(l, unicode.IsSpace)) < len(l), blank: blank})
		blank = 0
	}
	return us
}

type phase int

const (
	phaseHead   phase = iota // reading headline lines
	phaseBody                // reading paragraphs
	phaseClosed              // after the byline
)

type para struct {
	pieces    []string // its lines, joined at the end
	line      int      // first line
	last      int      // last line
	crosshead bool
}

type draft struct {
	phase    phase
	line     int // first line
	head     []unit
	dateline string
	paras    []*para
	bylines  []string
}

// end is the last piece of the paragraph, where it ends.
func (pa *para) end() string {
	if len(pa.pieces) == 0 {
		return ""
	}
	return pa.pieces[len(pa.pieces)-1]
}

func (d *draft) lastPara() *para {
	if len(d.paras) == 0 {
		return nil
	}
	return d.paras[len(d.paras)-1]
}

type plainParser struct {
	name, stem string
	units      []unit
	w          *warnings
	cur        *draft
	arts       []*Article
}

func (p *plainParser) run() {
	for i, u := range p.units {
		if p.cur != nil && p.cur.phase != phaseClosed {
			if p.cur.phase == phaseHead {
				p.headUnit(i)
			} else {
				p.bodyUnit(i)
			}
			continue
		}
		if p.cur != nil && isByline(u.text) {
			p.cur.bylines = append(p.cur.bylines, u.text) // a second byline line
			continue
		}
		p.finish()
		p.cur = &draft{line: u.line}
		if headlineShaped(u.text) {
			p.cur.head = []unit{u}
			continue
		}
		where := "before the first headline"
		if len(p.arts) > 0 {
			where = "after the byline of " + p.arts[len(p.arts)-1].ID
		}
		p.w.add(u.line, KindStructure, "text %s does not start with a headline; set as article %s without headline: %q",
			where, p.nextID(), excerpt(u.text, 12, false))
		p.headUnit(i)
	}
	p.finish()
}

func (p *plainParser) nextID() string {
	return p.stem + "-" + strconv.Itoa(len(p.arts)+1)
}

func (p *plainParser) headUnit(i int) {
	u, d := p.units[i], p.cur
	switch {
	case isDateline(u.text):
		dl, rest, _ := splitDateline(u.text)
		d.dateline = dl
		d.paras = append(d.paras, &para{pieces: []string{rest}, line: u.line, last: u.line})
		d.phase = phaseBody
	case isByline(u.text):
		d.bylines = append(d.bylines, u.text)
		if len(d.head) == 0 {
			d.phase = phaseClosed // a byline alone
		} else {
			d.phase = phaseBody // a byline under the headline
		}
	case len(d.head) > 0 && len(d.head) < 3 && headlineShaped(u.text) &&
		(strings.HasPrefix(u.text, "—") || p.headEnds(i, 2-len(d.head))):
		d.head = append(d.head, u)
	default:
		d.phase = phaseBody
		p.bodyUnit(i)
	}
}

func (p *plainParser) bodyUnit(i int) {
	u, d := p.units[i], p.cur
	last := d.lastPara()
	if isByline(u.text) {
		d.bylines = append(d.bylines, u.text)
		if last != nil {
			d.phase = phaseClosed
		}
		return
	}
	if headlineShaped(u.text) && p.headlineAhead(i) {
		p.w.add(u.line, KindStructure, "article %s has no byline; a new article starts with the headline at line %d, followed by a dateline",
			p.nextID(), u.line)
		p.finish()
		p.cur = &draft{line: u.line, head: []unit{u}}
		return
	}
	if last != nil && last.end() == "" { // the dateline was alone on its line
		last.pieces, last.line, last.last = []string{u.text}, u.line, u.line
		return
	}
	if last != nil && !last.crosshead && !complete(last.end()) && (u.blank > 0 || !u.indent) {
		if u.blank > 0 {
			p.w.add(last.last, KindRepair, "paragraph broken by blank lines joined with line %d: %q + %q",
				u.line, excerpt(last.end(), 8, true), excerpt(u.text, 8, false))
		}
		last.pieces = append(last.pieces, u.text)
		last.last = u.line
		return
	}
	np := &para{pieces: []string{u.text}, line: u.line, last: u.line}
	if last != nil && strongDateline(u.text) {
		p.w.add(u.line, KindStructure, "dateline inside article %s; a headline may be missing", p.nextID())
	} else if last != nil && p.crosshead(i) {
		np.crosshead = true
		p.w.add(u.line, KindCrosshead, "short line without punctuation between paragraphs taken as a crosshead: %q", u.text)
	}
	d.paras = append(d.paras, np)
}

// headlineAhead reports whether the headline-shaped unit i is followed by a
// dateline, after at most two more headline lines and bylines.
func (p *plainParser) headlineAhead(i int) bool {
	for k := i + 1; k < len(p.units) && k <= i+3; k++ {
		t := p.units[k].text
		switch {
		case isDateline(t):
			return true
		case !headlineShaped(t) && !isByline(t):
			return false
		}
	}
	return false
}

// headEnds reports whether a head line at unit i is followed, after at
// most more headline-shaped lines, by a dateline, or by a byline followed by
// body text: only then are the lines after the first one headline, not
// body.
func (p *plainParser) headEnds(i, more int) bool {
	for k := i + 1; k < len(p.units) && k <= i+1+more; k++ {
		t := p.units[k].text
		switch {
		case isDateline(t):
			return true
		case isByline(t):
			for k < len(p.units) && isByline(p.units[k].text) {
				k++
			}
			return k < len(p.units) && (isDateline(p.units[k].text) || !headlineShaped(p.units[k].text))
		case !headlineShaped(t):
			return false
		}
	}
	return false
}

// crosshead reports whether unit i, which follows a complete paragraph, is
// a crosshead: short, headline-shaped, unterminated, set off by blank lines
// and followed by body text.
func (p *plainParser) crosshead(i int) bool {
	u := p.units[i]
	last := p.cur.lastPara()
	if !complete(last.end()) || u.blank == 0 || runes(u.text) > 30 || !headlineShaped(u.text) || complete(u.text) {
		return false
	}
	if i+1 >= len(p.units) {
		return false
	}
	next := p.units[i+1]
	return next.blank > 0 && !isByline(next.text)
}

func (p *plainParser) finish() {
	d := p.cur
	p.cur = nil
	if d == nil {
		return
	}
	a := &Article{}
	a.ID = p.nextID()
	line := d.line
	switch len(d.head) {
	case 0:
	case 1:
		a.Headline, a.Subtitle = splitHeadline(d.head[0].text)
	case 2:
		a.Headline, a.Subtitle = d.head[0].text, trimDash(d.head[1].text)
	default:
		a.Kicker, a.Headline, a.Subtitle = d.head[0].text, d.head[1].text, trimDash(d.head[2].text)
	}
	a.Source = source(p.name, line)
	a.Dateline = d.dateline
	a.Byline = strings.Join(d.bylines, " ")
	for _, pa := range d.paras {
		text := joinLines(pa.pieces)
		if text == "" {
			continue
		}
		a.Body = append(a.Body, layout.Paragraph{Text: text, Crosshead: pa.crosshead, Line: pa.line})
		if !pa.crosshead && !complete(text) {
			p.w.add(pa.last, KindCheck, "paragraph ends without sentence-final punctuation: %q", excerpt(text, 12, true))
		}
	}
	findDateline(a)
	if len(a.Body) == 0 {
		p.w.add(line, KindStructure, "article %s has no body text", a.ID)
	}
	p.arts = append(p.arts, a)
}
