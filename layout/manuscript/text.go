package manuscript

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceEnd holds the characters after which a paragraph is complete.
// Closing quotes and brackets count: a paragraph may end with a quotation.
const sentenceEnd = "。！？!?…．.；;：:”’\"'」』）)》〉】]〕｝}"

// complete reports whether s ends like a finished paragraph.
func complete(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && strings.ContainsRune(sentenceEnd, r)
}

// joinText joins two pieces of one paragraph: without a space if either side
// is CJK, with one space between Latin words.
func joinText(a, b string) string {
	a = strings.TrimRightFunc(a, unicode.IsSpace)
	b = strings.TrimLeftFunc(b, unicode.IsSpace)
	if a == "" || b == "" {
		return a + b
	}
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if isCJK(x) || isCJK(y) {
		return a + b
	}
	return a + " " + b
}

// joinLines joins the pieces of one paragraph as joinText does, in linear
// time.
func joinLines(pieces []string) string {
	var b strings.Builder
	var last rune
	for _, p := range pieces {
		p = strings.TrimFunc(p, unicode.IsSpace)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			first, _ := utf8.DecodeRuneInString(p)
			if !isCJK(last) && !isCJK(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
		last, _ = utf8.DecodeLastRuneInString(p)
	}
	return b.String()
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// isLineBreak reports whether r ends a line: line feed, vertical tab, form
// feed, carriage return, NEL, and the Unicode line and paragraph
// separators.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// normSpace normalises the white space of one field or paragraph, so that
// only text and single spaces reach the font layer: a line break joins the
// text on either side as joinLines does (nothing next to a CJK character,
// one space between Latin words), spaces next to it included; tabs and the
// other Unicode spaces become an ASCII space, a run of them one space; the
// ideographic space U+3000 is kept inside the text; white space at either
// end is removed.
func normSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	space, brk := false, false
	for _, r := range s {
		switch {
		case isLineBreak(r):
			brk = true
		case r != '\u3000' && unicode.IsSpace(r):
			space = true
		default:
			if b.Len() > 0 && (brk && !isCJK(last) && !isCJK(r) || !brk && space) {
				b.WriteByte(' ')
			}
			space, brk = false, false
			b.WriteRune(r)
			last = r
		}
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// Datelines: 本报讯, 本报…电, (据)新华社…电, 据…电, optionally followed by a
// credit in brackets: 本报讯（记者 张三）.
var (
	datelineRE = regexp.MustCompile(`^(?:本报讯|(?:据)?(?:本报|新华社|中新社|中新网|人民网|新华网|央视网)[^\s，。,：:；;、“”（）()]{0,24}?(?:专电|电|讯)|据[\p{Han}\p{N}]{1,24}?(?:专电|电|讯))`)
	creditRE   = regexp.MustCompile(`^\s*[（(][^（）()\n]{1,40}[）)]`)
)

// splitDateline returns the dateline at the start of s and the rest of s
// without the white space after the dateline; ok is false if s does not
// start with a dateline.
func splitDateline(s string) (dateline, rest string, ok bool) {
	loc := datelineRE.FindStringIndex(s)
	if loc == nil {
		return "", s, false
	}
	end := loc[1]
	core := s[:end]
	if c := creditRE.FindStringIndex(s[end:]); c != nil {
		end += c[1]
	} else if next, _ := utf8.DecodeRuneInString(s[end:]); unicode.Is(unicode.Han, next) &&
		core != "本报讯" && !strings.HasSuffix(core, "日电") && !strings.HasSuffix(core, "日讯") && !strings.HasSuffix(core, "专电") {
		// 据了解电力…, 新华社记者日前电话…: not a dateline.
		return "", s, false
	}
	return s[:end], strings.TrimLeftFunc(s[end:], unicode.IsSpace), true
}

func isDateline(s string) bool {
	_, _, ok := splitDateline(s)
	return ok
}

// strongDateline reports a dateline that can only open an article, unlike
// 据…电 which also introduces a quotation inside one.
func strongDateline(s string) bool {
	return isDateline(s) && !strings.HasPrefix(s, "据")
}

// Byline words. Roles come first in a token (记者张三, 记者 张三); suffixes
// end one (张三摄). Single-character roles are only whole tokens, so that
// 文化… or 图书… are not taken for credits.
var (
	bylineRoles = []string{
		"本报特约记者", "本报特约通讯员", "本报摄影记者", "本报见习记者", "本报实习生",
		"本报记者", "本报通讯员", "特约记者", "特约通讯员", "摄影记者", "见习记者", "实习记者",
		"首席记者", "融媒体记者", "全媒体记者", "实习生", "记者", "通讯员", "撰稿", "摄影",
		"责任编辑", "编辑", "文/图", "图/文", "文／图", "图／文", "文图", "图文",
	}
	bylineSuffixes = []string{"文/图", "图/文", "文／图", "图／文", "供图", "摄影", "摄", "报道"}
	bylineAlone    = []string{"文", "图", "摄", "报道"}
)

// isByline reports whether the line is a credit line: 记者 柴琳琳 通讯员 王歌,
// 文/图 本报记者 张三, （记者 张三）, 本报记者 李四摄.
func isByline(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || runes(s) > 60 || strings.ContainsAny(s, "。！？!?；;“”\"") {
		return false
	}
	if (strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）")) || (strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "（"), "(")
		s = strings.TrimSuffix(strings.TrimSuffix(s, "）"), ")")
	}
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("、，,", r)
	})
	if len(tokens) == 0 {
		return false
	}
	roles := 0
	for _, t := range tokens {
		role := false
		for _, p := range bylineRoles {
			if strings.HasPrefix(t, p) {
				t, role = strings.TrimLeft(t[len(p):], "：:"), true
				break
			}
		}
		if !role && contains(bylineAlone, t) {
			t, role = "", true
		}
		for _, suf := range bylineSuffixes {
			if t != suf && strings.HasSuffix(t, suf) {
				t, role = strings.TrimSuffix(t, suf), true
				break
			}
		}
		if role {
			roles++
		}
		if t != "" && !nameLike(t) {
			return false
		}
	}
	return roles > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nameLike reports whether t can be a person's name: 1 to 6 Han characters
// (with · for transliterated names) or a Latin word.
func nameLike(t string) bool {
	n := runes(t)
	han, latin := 0, 0
	for _, r := range t {
		switch {
		case unicode.Is(unicode.Han, r) || r == '·' || r == '•':
			han++
		case unicode.IsLetter(r) && r < 0x2000 || r == '.' || r == '-' || r == '\'':
			latin++
		default:
			return false
		}
	}
	return (latin == 0 && n <= 6) || (han == 0 && n <= 20)
}

// headlineShaped reports whether the line can be a headline: short, no 。,
// not ending like a clause, not a dateline or byline.
func headlineShaped(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || runes(s) > 80 || strings.Contains(s, "。") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("，、,；;：:", r) {
		return false
	}
	return !isDateline(s) && !isByline(s)
}

// splitHeadline splits a one-line head at the first run of white space
// between two CJK characters, if both parts have at least 5 characters.
func splitHeadline(s string) (headline, subtitle string) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			i += n
			continue
		}
		j := len(s) - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
		left, _ := utf8.DecodeLastRuneInString(s[:i])
		right, _ := utf8.DecodeRuneInString(s[j:])
		if isCJK(left) && isCJK(right) {
			h, sub := s[:i], trimDash(s[j:])
			if runes(h) < 5 || runes(sub) < 5 {
				return s, ""
			}
			return h, sub
		}
		i = j
	}
	return s, ""
}

// trimDash removes the —— that leads a subtitle.
func trimDash(s string) string {
	for _, d := range []string{"——", "—", "--"} {
		if strings.HasPrefix(s, d) {
			return strings.TrimSpace(s[len(d):])
		}
	}
	return s
}
