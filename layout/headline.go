package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/banmian/banmian/typeset"
)

// headGroup is an article's headline group (标题组合) as set: 引题, 主题
// and 副题 — or, over a continued part, the jump headline alone.
type headGroup struct {
	elems []headElem
	main  float64 // the 主题 size
	ink   float64 // height of the elements and the space between them, points
}

// headElem is one element of the group, set in one or more lines.
type headElem struct {
	size  float64
	lines []headLine
}

type headLine struct {
	par   *typeset.Paragraph // one line
	kinds []Kind
}

// mainLines is how many lines a 主题 over span columns may take.
func (e *engine) mainLines(span int) int {
	if e.st.HeadLines > 0 {
		return e.st.HeadLines
	}
	if span >= 4 {
		return 1
	}
	return 2
}

// ladderBelow is the ladder from the first size not above limit (all of
// it when limit is 0), skipping steps more.
func (e *engine) ladderBelow(limit float64, steps int) []float64 {
	l := e.st.Ladder
	i := 0
	if limit > 0 {
		for i < len(l) && l[i] > limit+1e-9 {
			i++
		}
	}
	i += steps
	if i >= len(l) {
		i = len(l) - 1
	}
	return l[i:]
}

// head sets the headline group of s's article over width (span columns):
// the full group when jump is false, else the jump headline, smaller than
// the 主题 of the article's start. limit caps the 主题 size (0: none).
// An element that is only white space is absent.
func (e *engine) head(s *setter, width float64, span int, limit float64, jump bool, page int) (*headGroup, error) {
	a := s.a
	st := e.st
	headline, kicker, subtitle := strings.TrimSpace(a.Headline), strings.TrimSpace(a.Kicker), strings.TrimSpace(a.Subtitle)
	maxLines := e.mainLines(span)
	g := &headGroup{}
	add := func(el headElem, fitted bool, what string) {
		if !fitted {
			e.headWarns = append(e.headWarns, Warning{Page: page, Article: a.ID, Message: fmt.Sprintf(
				"%s does not fit %d columns in %d lines even at %s; set in %d lines", what, span, maxLines, sizeLabel(el.size), len(el.lines))})
		}
		g.elems = append(g.elems, el)
	}
	if jump {
		text := strings.TrimSpace(a.Jump)
		if text == "" {
			text = headline
		}
		if text == "" {
			return g, nil
		}
		el, ok, err := e.fit(a, st.Faces.Headline, KindJumpHead, "", text, width, maxLines, e.ladderBelow(s.main, st.Steps))
		if err != nil {
			return nil, err
		}
		add(el, ok, "the jump headline")
		g.main = el.size
		g.measure(e)
		return g, nil
	}
	if headline == "" && kicker == "" && subtitle == "" {
		return g, nil
	}
	var main headElem
	if headline != "" {
		var ok bool
		var err error
		main, ok, err = e.fit(a, st.Faces.Headline, KindHeadline, "", headline, width, maxLines, e.ladderBelow(limit, 0))
		if err != nil {
			return nil, err
		}
		if !ok {
			e.headWarns = append(e.headWarns, Warning{Page: page, Article: a.ID, Message: fmt.Sprintf(
				"the headline does not fit %d columns in %d lines even at %s; set in %d lines", span, maxLines, sizeLabel(main.size), len(main.lines))})
		}
		g.main = main.size
		s.main = main.size
	} else {
		g.main = e.ladderBelow(limit, 0)[0]
	}
	sub := e.ladderBelow(g.main, st.Steps)
	// 引题 and 副题 take one line if any size fits, else up to maxLines.
	deck := func(face Face, kind Kind, prefix, text string) (headElem, bool, error) {
		if maxLines > 1 {
			if el, ok, err := e.fit(a, face, kind, prefix, text, width, 1, sub); ok || err != nil {
				return el, ok, err
			}
		}
		return e.fit(a, face, kind, prefix, text, width, maxLines, sub)
	}
	if kicker != "" {
		el, ok, err := deck(st.Faces.Kicker, KindKicker, "", kicker)
		if err != nil {
			return nil, err
		}
		add(el, ok, "the kicker")
	}
	if headline != "" {
		g.elems = append(g.elems, main)
	}
	if subtitle != "" {
		el, ok, err := deck(st.Faces.Subtitle, KindSubtitle, "——", subtitle)
		if err != nil {
			return nil, err
		}
		add(el, ok, "the subtitle")
	}
	g.measure(e)
	return g, nil
}

func sizeLabel(pt float64) string {
	if n := SizeName(pt); n != "" {
		return n
	}
	return fmt.Sprintf("%g pt", pt)
}

func (g *headGroup) measure(e *engine) {
	g.ink = 0
	for i, el := range g.elems {
		n := float64(len(el.lines))
		g.ink += n*el.size + (n-1)*e.st.HeadLeading*el.size
		if i > 0 {
			g.ink += e.st.WhiteBetween * e.f.Pitch
		}
	}
}

// lines is the group's height in grid lines with above lines of white over
// it: the elements, the white above, between and below, rounded up.
func (g *headGroup) lines(e *engine, above float64) int {
	if len(g.elems) == 0 {
		return int(math.Ceil(above - 1e-9))
	}
	return int(math.Ceil(above + e.st.WhiteBelow + g.ink/e.f.Pitch - 1e-9))
}

// emit draws the group in width from x, in lines grid lines from line top,
// with above lines of white over it; what rounding adds is shared between
// the white above and below.
func (e *engine) emitHead(pg *Page, g *headGroup, id string, x, width float64, line, lines int, above float64) {
	p := e.f.Pitch
	extra := float64(lines)*p - (above+e.st.WhiteBelow)*p - g.ink
	y := e.grid.LineTop(line) + above*p + extra/2
	for i, el := range g.elems {
		if i > 0 {
			y += e.st.WhiteBetween * p
		}
		for j, hl := range el.lines {
			if j > 0 {
				y += e.st.HeadLeading * el.size
			}
			l := &hl.par.Lines[0]
			lx := x
			if e.st.HeadAlign == typeset.Center {
				lx += (width - l.Width) / 2
			}
			emitLine(pg, hl.par, l, hl.kinds, id, lx, y+emAscent*el.size)
			y += el.size
		}
	}
}

// fit sets text (after prefix, which layout adds) at the largest size of
// sizes at which it fits width in at most maxLines lines. Two lines break
// at a phrase boundary of the source (a space, after punctuation, before an
// opening bracket), else into balanced halves; neither line is left with a
// lone character. If nothing fits, the text is set at the smallest size in
// as many lines as it takes, and fitted is false.
func (e *engine) fit(a *Article, face Face, kind Kind, prefix, text string, width float64, maxLines int, sizes []float64) (el headElem, fitted bool, err error) {
	text = strings.TrimSpace(text)
	runes := []rune(text)
	where := headWhere[kind]
	hs := e.st.Body
	hs.Align, hs.Indent = typeset.Left, 0

	// setLines composes each piece as one line at size; ok is false if one
	// does not fit.
	setLines := func(size float64, pieces ...string) (headElem, bool, error) {
		el := headElem{size: size}
		for i, piece := range pieces {
			src := source{}
			if i == 0 && prefix != "" {
				if err := e.addRuns(&src, face, size, prefix, KindAdded); err != nil {
					return el, false, err
				}
			}
			if err := e.addRuns(&src, face, size, piece, kind); err != nil {
				return el, false, err
			}
			par, err := typeset.Compose(src.runs, hs, typeset.Fixed(width))
			if err != nil || len(par.Lines) != 1 {
				return el, false, nil
			}
			el.lines = append(el.lines, headLine{par: par, kinds: src.kinds})
		}
		return el, true, nil
	}
	// natural is the width at 1 pt without compression, to skip sizes that
	// cannot fit.
	natural := 0.0
	if spans, err := e.set.Split(face.Role, face.Bold, prefix+text); err == nil {
		for _, sp := range spans {
			for _, r := range sp.Text {
				natural += sp.Font.Face.Advance(r)
			}
		}
	} else {
		return el, false, placeErr(err, a, 0, where)
	}

	phrase := phraseBreaks(runes)
	try := func(sizes []float64, breaks []int) (headElem, bool, error) {
		for _, size := range sizes {
			if natural*size*0.75 > width*float64(maxLines) {
				continue
			}
			if el, ok, err := setLines(size, text); ok || err != nil {
				return el, ok, placeErr(err, a, 0, where)
			}
			if maxLines < 2 {
				continue
			}
			for _, b := range breaks {
				l1, l2 := strings.TrimSpace(string(runes[:b])), strings.TrimSpace(string(runes[b:]))
				if el, ok, err := setLines(size, l1, l2); ok || err != nil {
					return el, ok, placeErr(err, a, 0, where)
				}
			}
			if maxLines > 2 {
				src := source{}
				if err := e.addRuns(&src, face, size, prefix+text, kind); err != nil {
					return el, false, placeErr(err, a, 0, where)
				}
				par, err := typeset.Compose(src.runs, hs, typeset.Fixed(width))
				if err == nil && len(par.Lines) <= maxLines {
					return splitLines(par, src.kinds, size), true, nil
				}
			}
		}
		return el, false, nil
	}
	breaks := phrase
	if len(breaks) == 0 {
		breaks = balancedBreaks(runes)
	}
	if el, ok, err := try(sizes, breaks); ok || err != nil {
		// With no phrase boundary, a break after a reporting verb is worth
		// one step down the ladder: 团省委调研指导 / 管城回族区共青团工作
		// reads better one size smaller than 团省委调研指导管 / 城回族区….
		if ok && err == nil && len(phrase) == 0 && len(el.lines) == 2 {
			if cued := verbBreaks(runes); len(cued) > 0 && !slices.Contains(cued, len([]rune(el.lines[0].par.Lines[0].Text()))-len([]rune(prefix))) {
				if i := slices.Index(sizes, el.size); i >= 0 {
					if el2, ok2, err2 := try(sizes[i:min(i+2, len(sizes))], cued); ok2 && err2 == nil && len(el2.lines) == 2 {
						return el2, true, nil
					}
				}
			}
		}
		return el, ok, err
	}
	if len(phrase) > 0 {
		if el, ok, err := try(sizes, balancedBreaks(runes)); ok || err != nil {
			return el, ok, err
		}
	}
	// Nothing fits: the smallest size, as many lines as it takes.
	size := sizes[len(sizes)-1]
	src := source{}
	if prefix != "" {
		if err := e.addRuns(&src, face, size, prefix, KindAdded); err != nil {
			return el, false, placeErr(err, a, 0, where)
		}
	}
	if err := e.addRuns(&src, face, size, text, kind); err != nil {
		return el, false, placeErr(err, a, 0, where)
	}
	par, err := typeset.Compose(src.runs, hs, typeset.Fixed(width))
	if err != nil {
		return el, false, placeErr(err, a, 0, where)
	}
	return splitLines(par, src.kinds, size), false, nil
}

// headWhere names the elements of a headline group in error messages.
var headWhere = map[Kind]string{
	KindKicker: "kicker", KindHeadline: "headline", KindSubtitle: "subtitle", KindJumpHead: "jump headline",
}

// splitLines makes each line of a composed paragraph a headline line.
func splitLines(par *typeset.Paragraph, kinds []Kind, size float64) headElem {
	el := headElem{size: size}
	for i := range par.Lines {
		p := &typeset.Paragraph{Runs: par.Runs, Lines: par.Lines[i : i+1]}
		el.lines = append(el.lines, headLine{par: p, kinds: kinds})
	}
	return el
}

// Character classes for breaking headlines: the line-start and line-end
// prohibitions of the reference §1.3 (GB level), the sets typeset keeps
// unexported. ASCII brackets and marks count too: copy keeps them.

// isOpening is true of opening brackets and quotes, which never end a line.
func isOpening(r rune) bool {
	switch r {
	case '（', '〔', '【', '〖', '［', '｛', '《', '〈', '「', '『', '“', '‘', '(', '[', '{':
		return true
	}
	return false
}

// isClosing is true of closing brackets and quotes and of the 点号 (stops
// and pauses), which never start a line; a phrase may end after them.
func isClosing(r rune) bool {
	switch r {
	case '）', '〕', '】', '〗', '］', '｝', '》', '〉', '」', '』', '”', '’', ')', ']', '}',
		'。', '．', '，', '、', '：', '；', '！', '？', '‼', '⁇', '⁈', '⁉', ',', '.', ';', ':', '!', '?':
		return true
	}
	return false
}

// notAtStart is true of every mark that may not start a line: closing
// marks, connectors (～ – ‐; a lone — too, see breakBefore), 间隔号, 分隔号
// and postfix units.
func notAtStart(r rune) bool {
	switch r {
	case '～', '–', '‐', '-', '·', '・', '‧', '／', '/', '％', '‰', '℃', '%':
		return true
	}
	return isClosing(r)
}

// notAtEnd is true of every mark that may not end a line: opening marks,
// prefix currency signs and 分隔号.
func notAtEnd(r rune) bool {
	switch r {
	case '￥', '＄', '£', '€', '／', '/':
		return true
	}
	return isOpening(r)
}

// noBreakBefore reports whether runes[i] may not start a line: a mark of
// notAtStart, or a lone — (a 连接号, where —— is a 破折号).
func noBreakBefore(runes []rune, i int) bool {
	r := runes[i]
	if r == '—' {
		return (i == 0 || runes[i-1] != '—') && (i+1 == len(runes) || runes[i+1] != '—')
	}
	return notAtStart(r)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isMark(r rune) bool {
	switch r {
	case '—', '…', '⋯', '⸺':
		return true
	}
	return notAtStart(r) || notAtEnd(r)
}

// counts is, for each i, how many of runes[:i] are neither space nor
// punctuation: the characters a line is measured in.
func counts(runes []rune) []int {
	c := make([]int, len(runes)+1)
	for i, r := range runes {
		c[i+1] = c[i]
		if !isSpace(r) && !isMark(r) {
			c[i+1]++
		}
	}
	return c
}

// phraseBreaks are the places a headline may break at a phrase boundary,
// most balanced first: at a space, after a pause or closing mark, before an
// opening mark, never before a mark that may not start a line or after one
// that may not end it. Neither side is left with fewer than two
// characters.
func phraseBreaks(runes []rune) []int {
	var out []int
	for i := 1; i < len(runes); i++ {
		prev, r := runes[i-1], runes[i]
		if isSpace(r) || noBreakBefore(runes, i) {
			continue // break after the space or the mark
		}
		if (isSpace(prev) || isClosing(prev) || isOpening(r)) && !notAtEnd(prev) {
			out = append(out, i)
		}
	}
	return evenFirst(runes, out)
}

// balancedBreaks are every place a headline may break, best first: not
// before a mark that may not start a line, not after one that may not end
// it, not inside a Latin word or number or a doubled dash or ellipsis.
// They are ordered by how evenly they cut, with the word cues of
// wordCost: after a reporting verb is better, inside a common word worse.
func balancedBreaks(runes []rune) []int {
	var out []int
	for i := 1; i < len(runes); i++ {
		prev, r := runes[i-1], runes[i]
		switch {
		case noBreakBefore(runes, i), notAtEnd(prev),
			r < 0x80 && prev < 0x80 && !isSpace(r) && !isSpace(prev),
			prev == r && (r == '—' || r == '…'):
			continue
		}
		out = append(out, i)
	}
	out = evenFirst(runes, out)
	c := counts(runes)
	total := c[len(runes)]
	score := make(map[int]int, len(out))
	for _, b := range out {
		score[b] = absInt(2*c[b]-total) + wordCost(runes, b)
	}
	slices.SortStableFunc(out, func(a, b int) int { return score[a] - score[b] })
	return out
}

// verbBreaks are the breaks right after a reporting verb that split no
// common word and leave at least two characters on each side, most even
// first.
func verbBreaks(runes []rune) []int {
	var out []int
	for _, b := range balancedBreaks(runes) {
		if wordCost(runes, b) < 0 {
			out = append(out, b)
		}
	}
	return out
}

// Word cues for a headline with no space or punctuation to break at. A
// Chinese news headline mostly reads subject–verb–object, so the place
// right after a reporting verb is a good break, and a break inside a
// common word a bad one. Without a dictionary this is a heuristic, kept
// small on purpose; an editor who wants another break writes a space.
var (
	headlineVerbs = runeWords(
		"调研", "指导", "赞扬", "召开", "考察", "推进", "打造", "点赞", "举行", "开展",
		"出台", "发布", "实施", "启动", "部署", "看望", "慰问", "会见", "出席", "强调",
		"走访", "检查", "督导", "签署", "印发", "推动", "加强", "落实", "深化", "聚焦",
		"助力", "迎来", "荣获", "举办", "视察", "参观", "表彰", "通过", "提出", "宣布",
	)
	commonWords = runeWords(
		"理论", "学习", "中心", "建设", "工作", "发展", "社区", "服务", "生态", "管理",
		"经济", "社会", "文化", "教育", "安全", "环境", "改革", "创新", "领导", "会议",
		"研讨", "青年", "组织", "干部", "群众", "人民", "政府", "委员", "书记", "全面",
		"从严", "治党", "纵深", "国家", "城市", "农村", "企业", "项目", "活动", "水平",
		"理念", "特色", "美丽", "宜居", "人防", "民政", "回族", "自治", "集中", "第二",
		"第三", "共青", "之家", "新台阶", "高质量", "示范", "基层", "党建", "脱贫", "攻坚",
	)
)

func runeWords(words ...string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

// wordCost is how much a break at i is worse than its evenness says, in
// characters of imbalance (two per character off centre): much worse
// inside a common word, better right after a reporting verb.
func wordCost(runes []rune, i int) int {
	cost := 0
	for _, w := range commonWords {
		for k := 1; k < len(w); k++ { // the break would fall after the word's k-th rune
			if i-k >= 0 && i-k+len(w) <= len(runes) && slices.Equal(runes[i-k:i-k+len(w)], w) {
				cost += 100
			}
		}
	}
	for _, v := range headlineVerbs {
		if i >= len(v) && slices.Equal(runes[i-len(v):i], v) {
			cost -= 8
		}
	}
	return cost
}

// evenFirst drops breaks that leave a lone character and sorts the rest by
// how evenly they cut.
func evenFirst(runes []rune, breaks []int) []int {
	c := counts(runes)
	total := c[len(runes)]
	out := breaks[:0]
	for _, b := range breaks {
		if c[b] >= 2 && total-c[b] >= 2 {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		return absInt(2*c[a]-total) - absInt(2*c[b]-total)
	})
	return out
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
