package typeset

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// class is what a character is to the composer (reference §9.1). Classes
// before clHan are Western: the break opportunities between two of them
// come from UAX #14. From clHan on they are Chinese, and 避头尾 decides.
type class uint8

const (
	clOther      class = iota // anything else; UAX #14 decides
	clLatin                   // letters of alphabetic scripts, and % $ ¥ £ € that cling to numbers
	clDigit                   // decimal digits
	clLatinPunct              // Western punctuation and symbols: , . ; : ! ? ( ) " ' - + / …
	clSpace                   // Western spaces (U+0020, no-break and fixed spaces)
	clCombining               // combining marks, ZWJ, variation selectors: part of the character before
	clHan                     // ideographs, kana, hangul, full-width letters and digits, U+3000
	clOpen                    // （〔【〖［｛《〈「『“‘ opening brackets and quotes
	clClose                   // ）〕】〗］｝》〉」』”’ closing brackets and quotes
	clStop                    // 。？！ sentence-end 点号 (句末点号)
	clPause                   // ，、；： mid-sentence 点号 (句内点号)
	clMiddot                  // · ・ ‧ 间隔号
	clSolidus                 // ／, and / next to Chinese: 分隔号
	clConnector               // ～ 〜 – ‐ and a lone — : 连接号
	clDash                    // a half of —— , or ⸺ : 破折号
	clEllipsis                // a half of …… : 省略号
	clPrefix                  // ￥ ＄ ￡: prefix units (UAX #14 PR)
	clPostfix                 // ％ ‰ ℃ ° ′ ″: postfix units (UAX #14 PO)
	numClasses
)

var classNames = [numClasses]string{
	"other", "latin", "digit", "latin-punct", "space", "combining", "han", "open", "close",
	"stop", "pause", "middot", "solidus", "connector", "dash", "ellipsis",
	"prefix", "postfix",
}

func (c class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return "class?"
}

// chinese reports whether 避头尾 rather than UAX #14 governs c.
func (c class) chinese() bool { return c >= clHan }

// mark reports whether c is punctuation that may carry a ½ em blank.
func (c class) mark() bool { return c >= clOpen && c <= clPause }

// trailing reports whether c attaches to what comes before it, so that a
// last line of "字。”" counts as one character (孤字).
func (c class) trailing() bool {
	return c == clClose || c == clStop || c == clPause || c == clSpace || c == clPostfix || c == clCombining
}

// classify is the class of r on its own; classes that depend on the
// neighbours (a dash in a pair, / next to Chinese, an apostrophe inside a
// word) are settled by refine.
func classify(r rune) class {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return clHan
	case r < 0x80:
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '%', r == '$':
			return clLatin
		case r >= '0' && r <= '9':
			return clDigit
		case r == ' ':
			return clSpace
		case r < 0x20 || r == 0x7F:
			return clOther
		}
		return clLatinPunct
	}
	switch r {
	case '。', '？', '！', '．', '｡', '‼', '⁇', '⁈', '⁉', '﹒', '﹖', '﹗':
		return clStop
	case '，', '、', '；', '：', '､', '﹐', '﹑', '﹔', '﹕':
		return clPause
	case '（', '〔', '【', '〖', '［', '｛', '《', '〈', '「', '『', '“', '‘', '〘', '〚', '｟', '｢', '〝', '﹙', '﹛', '﹝':
		return clOpen
	case '）', '〕', '】', '〗', '］', '｝', '》', '〉', '」', '』', '”', '’', '〙', '〛', '｠', '｣', '〞', '〟', '﹚', '﹜', '﹞':
		return clClose
	case '·', '・', '‧', '･':
		return clMiddot
	case '／':
		return clSolidus
	case '～', '〜', '–', '‐', '〰', '﹣', '－':
		return clConnector
	case '—', '―', '⸺', '⸻':
		return clDash
	case '…', '⋯':
		return clEllipsis
	case '￥', '＄', '￡':
		return clPrefix
	case '％', '‰', '‱', '℃', '℉', '°', '′', '″', '￠':
		return clPostfix
	case '¥', '£', '€', '¢':
		return clLatin
	case 0xA0, 0x202F, 0x205F:
		return clSpace
	}
	switch {
	case r >= 0x2000 && r <= 0x200A:
		return clSpace
	case r >= 0x3400 && r <= 0x4DBF, // extension A
		r >= 0x2E80 && r <= 0x2FFF, // radicals, description characters
		r >= 0x3000 && r <= 0x303F, // ideographic space, 々〆〇, Hangzhou numerals
		r >= 0x3040 && r <= 0x31FF, // kana, bopomofo, hangul compatibility jamo, strokes
		r >= 0x3200 && r <= 0x33FF, // enclosed and compatibility CJK
		r >= 0xAC00 && r <= 0xD7AF, // hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // compatibility forms
		r >= 0xFF01 && r <= 0xFF60, // full-width forms not named above
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFF: // extensions B and later
		return clHan
	case r == 0x200D || r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc):
		return clCombining
	case unicode.IsLetter(r):
		return clLatin
	case unicode.IsDigit(r):
		return clDigit
	case unicode.IsPunct(r):
		return clLatinPunct
	}
	return clOther
}

// refine settles the classes that depend on neighbours:
//   - —— (two U+2014 or two U+2015) is a 破折号 and …… a 省略号, each half
//     marked in pair; a lone — is a 连接号 (一字线), a lone … stays an
//     ellipsis;
//   - / next to a Chinese character is a 分隔号 (文/图);
//   - ’ between two letters is an apostrophe, part of the word.
func refine(rs []rune, cls []class, pair []bool) {
	n := len(rs)
	for i := 0; i < n; i++ {
		pair[i] = false
	}
	for i := 0; i < n; i++ {
		switch cls[i] {
		case clDash, clEllipsis:
			if rs[i] == '⸺' || rs[i] == '⸻' {
				continue // a whole 破折号 on its own
			}
			if i+1 < n && rs[i+1] == rs[i] {
				pair[i] = true
				i++ // the pair's second half; a third starts again
				continue
			}
			if cls[i] == clDash {
				cls[i] = clConnector
			}
		case clLatinPunct:
			if rs[i] == '/' && (i > 0 && cls[i-1].chinese() || i+1 < n && cls[i+1].chinese()) {
				cls[i] = clSolidus
			}
		case clClose:
			if rs[i] == '’' && i > 0 && i+1 < n && cls[i-1] == clLatin && cls[i+1] == clLatin {
				cls[i] = clLatin
			}
		}
	}
}

// Break opportunities between character i and i+1.
const (
	brkAllow   uint8 = iota
	brkSoft          // allowed at a price: between a number and the Han unit after it (12.3|亿元, 2018|年)
	brkKinsoku       // would start or end a line with a forbidden mark
	brkNever         // inside a word, a number, a unit or an inseparable
)

// kinsokuSets holds, per level, the classes that may not start a line and
// those that may not end one (reference §1.2, §1.3).
type kinsokuSet struct{ notStart, notEnd [numClasses]bool }

var kinsokuSets = func() (s [4]kinsokuSet) {
	basic := kinsokuSet{}
	for _, c := range []class{clClose, clStop, clPause, clConnector, clMiddot, clSolidus, clPostfix} {
		basic.notStart[c] = true
	}
	basic.notEnd[clOpen] = true
	basic.notEnd[clPrefix] = true
	gb := basic
	gb.notEnd[clSolidus] = true
	strict := gb
	strict.notStart[clDash] = true
	strict.notStart[clEllipsis] = true
	s[KinsokuBasic], s[KinsokuGB], s[KinsokuStrict] = basic, gb, strict
	return s
}()

func kinsokuFor(k Kinsoku) *kinsokuSet {
	if k < 0 || int(k) >= len(kinsokuSets) {
		k = KinsokuGB
	}
	return &kinsokuSets[k]
}

// breaks fills brk[i] for each boundary between character i and i+1. Where
// a Chinese character is on either side, the level's 避头尾 sets decide,
// together with the rules that hold at every level: the halves of —— and
// …… stay together, a number keeps its unit (63％, ￥100). Between two
// Western characters, and at the edges of a Western stretch, UAX #14 as
// implemented by uniseg decides (a Chinese neighbour is shown to uniseg as
// 一, class ID); at an edge both must allow the break.
func (c *Composer) breaks(lvl Kinsoku) {
	rs, cls, pair, brk := c.runes, c.cls, c.pair, c.brk
	n := len(rs)
	ks := kinsokuFor(lvl)
	for i := 0; i+1 < n; i++ {
		l, r := cls[i], cls[i+1]
		if !l.chinese() && !r.chinese() {
			brk[i] = brkAllow // UAX #14 below
			continue
		}
		switch {
		case pair[i]:
			brk[i] = brkNever
		case r == clPostfix && (l == clDigit || l == clLatin),
			l == clPrefix && (r == clDigit || r == clLatin):
			brk[i] = brkNever
		case ks.notStart[r] || ks.notEnd[l]:
			brk[i] = brkKinsoku
		case l == clDigit && r == clHan:
			brk[i] = brkSoft
		default:
			brk[i] = brkAllow
		}
	}
	if n > 0 {
		brk[n-1] = brkAllow // the paragraph's end
	}
	for s := 0; s < n; {
		if cls[s].chinese() {
			s++
			continue
		}
		e := s + 1
		for e < n && !cls[e].chinese() {
			e++
		}
		c.uax14(s, e)
		s = e
	}
}

// uax14 applies uniseg's line-break opportunities to the Western stretch
// [s, e) and its two edges.
func (c *Composer) uax14(s, e int) {
	rs, brk := c.runes, c.brk
	n := len(rs)
	buf := c.utf8[:0]
	first := s // index of the first character shown to uniseg
	if s > 0 {
		first = s - 1
		buf = utf8.AppendRune(buf, '一')
	}
	for i := s; i < e; i++ {
		buf = utf8.AppendRune(buf, rs[i])
	}
	if e < n {
		buf = utf8.AppendRune(buf, '一')
	}
	c.utf8 = buf
	i := first
	state := -1
	for len(buf) > 0 {
		var seg []byte
		seg, buf, _, state = uniseg.FirstLineSegment(buf, state)
		k := utf8.RuneCount(seg)
		// No break inside the segment…
		for j := i; j < i+k-1; j++ {
			if brk[j] < brkNever {
				brk[j] = brkNever
			}
		}
		// …and a break after it, unless the Chinese rules forbid one.
		i += k
	}
}
