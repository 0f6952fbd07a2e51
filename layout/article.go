package layout

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// source is one paragraph of an article's body stream before it is set:
// a body paragraph (the first with the dateline), a crosshead, the byline.
type source struct {
	runs  []typeset.Run
	kinds []Kind // per run
	st    typeset.Style
	space int  // blank lines before it, dropped at the top of a column
	keep  bool // its lines stay with the line after them (crossheads)
	index int  // 1-based paragraph number, for messages; 0 for the byline

	// credits is a byline's text: a byline too long for one line breaks
	// between credits (记者 张三 | 通讯员 李四), never inside a name.
	credits string
	face    Face
}

// item is one line of the body stream, the unit columns are filled with.
type item struct {
	par   *typeset.Paragraph // nil for a stamp line
	line  int                // index in par.Lines
	kinds []Kind
	align typeset.Align
	space int
	keep  bool
	src   int    // index of the source; -1 for a stamp
	stamp *stamp // the 上接 stamp this line holds
}

// setter sets one article: it holds the article's body stream composed at
// a measure and how much of it has been placed.
type setter struct {
	e       *engine
	a       *Article
	srcs    []source
	measure float64
	items   []item
	set     bool    // items have been composed
	next    int     // first item not yet placed
	main    float64 // the 主题 size of the article's start, for its jump headline
}

func (e *engine) newSetter(a *Article) (*setter, error) {
	s := &setter{e: e, a: a}
	st := e.st
	body := st.Body
	datelineDone := a.Dateline == ""
	bracketed := st.Byline == BylineAfterDateline && a.Dateline != "" && a.Byline != ""
	for i, p := range a.Body {
		src := source{st: body, index: i + 1}
		if p.Crosshead {
			src.st.Align, src.st.Indent = typeset.Center, 0
			src.space, src.keep = 1, true
			if err := e.addRuns(&src, st.Faces.Crosshead, e.f.BodySize, p.Text, KindCrosshead); err != nil {
				return nil, placeErr(err, a, i+1, "crosshead")
			}
		} else {
			if !datelineDone {
				if err := e.datelineRuns(&src, a, bracketed); err != nil {
					return nil, err
				}
				datelineDone = true
			}
			if err := e.addRuns(&src, st.Faces.Body, e.f.BodySize, p.Text, KindBody); err != nil {
				return nil, placeErr(err, a, i+1, "")
			}
		}
		if len(src.runs) > 0 {
			s.srcs = append(s.srcs, src)
		}
	}
	if !datelineDone { // a dateline and no body paragraph
		src := source{st: body, index: 1}
		if err := e.datelineRuns(&src, a, bracketed); err != nil {
			return nil, err
		}
		s.srcs = append(s.srcs, src)
	}
	if a.Byline != "" && !bracketed {
		src := source{st: body}
		src.st.Align, src.st.Indent = typeset.Right, 0
		src.credits, src.face = a.Byline, st.Faces.Byline
		if err := e.addRuns(&src, st.Faces.Byline, e.f.BodySize, a.Byline, KindByline); err != nil {
			return nil, placeErr(err, a, 0, "byline")
		}
		s.srcs = append(s.srcs, src)
	}
	return s, nil
}

// datelineRuns starts the first paragraph: the dateline in its face, the
// bracketed byline if the style asks for it, and a space. A missing glyph
// is reported as the dateline's or the byline's.
func (e *engine) datelineRuns(src *source, a *Article, bracketed bool) error {
	f := e.st.Faces
	size := e.f.BodySize
	if err := e.addRuns(src, f.Dateline, size, a.Dateline, KindDateline); err != nil {
		return placeErr(err, a, 0, "dateline")
	}
	if bracketed {
		if err := e.addRuns(src, f.Byline, size, "（", KindAdded); err != nil {
			return placeErr(err, a, 0, "byline")
		}
		if err := e.addRuns(src, f.Byline, size, a.Byline, KindByline); err != nil {
			return placeErr(err, a, 0, "byline")
		}
		if err := e.addRuns(src, f.Byline, size, "）", KindAdded); err != nil {
			return placeErr(err, a, 0, "byline")
		}
		return nil
	}
	if err := e.addRuns(src, f.Body, size, "　", KindAdded); err != nil {
		return placeErr(err, a, 0, "dateline")
	}
	return nil
}

// addRuns appends text in face at size, split by the fonts that have its
// characters.
func (e *engine) addRuns(src *source, face Face, size float64, text string, kind Kind) error {
	if text == "" {
		return nil
	}
	spans, err := e.set.Split(face.Role, face.Bold, text)
	if err != nil {
		return err
	}
	for _, sp := range spans {
		src.runs = append(src.runs, typeset.Run{Text: sp.Text, Font: sp.Font, Size: size, Color: Black})
		src.kinds = append(src.kinds, kind)
	}
	return nil
}

// placeErr names where in article a a missing glyph is: the 1-based body
// paragraph para (0 outside the body) and the element, where ("headline",
// "dateline", "crosshead"…; "" for body text).
func placeErr(err error, a *Article, para int, where string) error {
	id := a.ID
	if id == "" {
		id = a.Headline
	}
	return glyphErr(err, id, para, where)
}

// glyphErr fills in a missing-glyph error with the article (its ID), the
// paragraph and the element it was found in; other errors are wrapped with
// the same.
func glyphErr(err error, article string, para int, where string) error {
	if err == nil {
		return nil
	}
	var mg *fonts.MissingGlyphError
	if errors.As(err, &mg) {
		mg.Article, mg.Paragraph, mg.Where = article, para, where
		return err
	}
	ctx := where
	if para > 0 {
		ctx = fmt.Sprintf("paragraph %d", para)
		if where != "" {
			ctx += " (" + where + ")"
		}
	}
	switch {
	case article != "" && ctx != "":
		return fmt.Errorf("article %s, %s: %w", article, ctx, err)
	case article != "":
		return fmt.Errorf("article %s: %w", article, err)
	case ctx != "":
		return fmt.Errorf("%s: %w", ctx, err)
	}
	return err
}

// setMeasure composes what is left of the body stream at measure m. Each
// paragraph is composed once per measure; a paragraph broken by a change
// of measure is recomposed from the first line not yet placed.
func (s *setter) setMeasure(m float64) error {
	if s.set && abs(m-s.measure) < 1e-9 {
		return nil
	}
	n := 0 // characters, to size the stream
	for _, src := range s.srcs {
		for _, r := range src.runs {
			n += len(r.Text) / 3 // most are three bytes
		}
	}
	items := make([]item, 0, int(float64(n)*s.e.f.BodySize/m)+2*len(s.srcs)+4)
	from, line := 0, 0
	if s.set {
		if s.next >= len(s.items) {
			s.items, s.next, s.measure = nil, 0, m
			return nil
		}
		it := s.items[s.next]
		from, line = it.src, it.line
	}
	for i := from; i < len(s.srcs); i++ {
		src := s.srcs[i]
		if i == from && line > 0 {
			src.runs, src.kinds = restRuns(s.items[s.next].par, line, src.kinds)
			src.st.Indent = 0
			src.space = 0
			src.credits = ""
		}
		var err error
		items, err = s.compose(items, &src, i, m)
		if err != nil {
			return err
		}
	}
	s.items, s.next, s.measure, s.set = items, 0, m, true
	return nil
}

func (s *setter) compose(items []item, src *source, i int, m float64) ([]item, error) {
	par, err := typeset.Compose(src.runs, src.st, typeset.Fixed(m))
	kinds := src.kinds
	if err == nil && len(par.Lines) > 1 && src.credits != "" {
		par, err = s.e.composeCredits(src, m)
		if err == nil {
			kinds = make([]Kind, len(par.Runs))
			for i := range kinds {
				kinds[i] = KindByline
			}
		}
	}
	if err != nil {
		where := ""
		switch {
		case src.credits != "" || src.index == 0:
			where = "byline"
		case src.keep:
			where = "crosshead"
		}
		return nil, placeErr(err, s.a, src.index, where)
	}
	for li := range par.Lines {
		it := item{par: par, line: li, kinds: kinds, align: src.st.Align, keep: src.keep, src: i}
		if li == 0 {
			it.space = src.space
		}
		items = append(items, it)
	}
	return items, nil
}

// restRuns is what is left of a composed paragraph's runs from line on.
// Glyphs are matched back to their runs' text, so characters the composer
// drops (spaces at a break) do not shift the cut. Only the run at the cut
// loses its leading white space (what the break dropped); the spaces that
// start later runs are text.
func restRuns(p *typeset.Paragraph, line int, kinds []Kind) ([]typeset.Run, []Kind) {
	pos := make([]int, len(p.Runs)) // byte offset in each run after the last glyph placed
	for _, l := range p.Lines[:line] {
		for _, g := range l.Glyphs {
			t := p.Runs[g.Run].Text
			if k := strings.IndexRune(t[pos[g.Run]:], g.Rune); k >= 0 {
				pos[g.Run] += k + utf8.RuneLen(g.Rune)
			}
		}
	}
	first := p.Lines[line].Glyphs[0].Run
	var runs []typeset.Run
	var ks []Kind
	for r := first; r < len(p.Runs); r++ {
		run := p.Runs[r]
		run.Text = run.Text[pos[r]:]
		if r == first {
			run.Text = strings.TrimLeft(run.Text, " \u3000")
		}
		if run.Text == "" {
			continue
		}
		runs = append(runs, run)
		ks = append(ks, kinds[r])
	}
	return runs, ks
}

// left reports whether body text is left to place.
func (s *setter) left() bool {
	if !s.set {
		return len(s.srcs) > 0
	}
	return s.next < len(s.items)
}

// roles are the words a byline names people by; each goes with the name
// after it.
var roles = []string{"记者", "通讯员", "实习生", "摄影", "文", "图", "文/图", "编辑", "整理"}

// composeCredits sets a byline too long for one line as lines of whole
// credits, as many to a line as fit; a credit too long for a line is
// broken by the composer.
func (e *engine) composeCredits(src *source, m float64) (*typeset.Paragraph, error) {
	var credits []string
	role := false
	for _, f := range strings.Fields(src.credits) {
		if role {
			credits[len(credits)-1] += " " + f
		} else {
			credits = append(credits, f)
		}
		role = false
		for _, r := range roles {
			if strings.HasSuffix(f, r) && f != "文/图" {
				role = true
			}
		}
	}
	out := &typeset.Paragraph{}
	add := func(text string) (*typeset.Paragraph, error) {
		one := source{}
		if err := e.addRuns(&one, src.face, e.f.BodySize, text, KindByline); err != nil {
			return nil, err
		}
		return typeset.Compose(one.runs, src.st, typeset.Fixed(m))
	}
	flush := func(p *typeset.Paragraph) {
		base := len(out.Runs)
		out.Runs = append(out.Runs, p.Runs...)
		for _, l := range p.Lines {
			gs := make([]typeset.Glyph, len(l.Glyphs))
			for i, g := range l.Glyphs {
				g.Run += base
				gs[i] = g
			}
			l.Glyphs, l.Last = gs, false
			out.Lines = append(out.Lines, l)
		}
	}
	var cur *typeset.Paragraph
	line := ""
	for _, c := range credits {
		try := c
		if line != "" {
			try = line + " " + c
		}
		p, err := add(try)
		if err != nil {
			return nil, err
		}
		if len(p.Lines) == 1 || line == "" {
			cur, line = p, try
			if len(p.Lines) > 1 {
				flush(cur)
				cur, line = nil, ""
			}
			continue
		}
		flush(cur)
		if cur, err = add(c); err != nil {
			return nil, err
		}
		line = c
		if len(cur.Lines) > 1 {
			flush(cur)
			cur, line = nil, ""
		}
	}
	if cur != nil {
		flush(cur)
	}
	out.Lines[len(out.Lines)-1].Last = true
	return out, nil
}
