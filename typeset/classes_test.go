package typeset

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassify(t *testing.T) {
	want := map[class]string{
		clHan:        "天地〇々あア한　Ａ１",
		clOpen:       "（〔【〖［｛《〈「『“‘",
		clClose:      "）〕】〗］｝》〉」』”’",
		clStop:       "。？！．",
		clPause:      "，、；：",
		clMiddot:     "·・‧",
		clSolidus:    "／",
		clConnector:  "～〜–‐",
		clDash:       "—―⸺",
		clEllipsis:   "…⋯",
		clPrefix:     "￥＄￡",
		clPostfix:    "％‰℃°",
		clLatin:      "aZéжα%$€",
		clDigit:      "09٣",
		clLatinPunct: ",.;:!?()\"'-+/",
		clSpace:      " \u00a0\u2009",
		clCombining:  "\u0301\u200d\ufe0f",
	}
	for cl, runes := range want {
		for _, r := range runes {
			assert.Equal(t, cl, classify(r), "%q U+%04X", r, r)
		}
	}
}

func TestRefine(t *testing.T) {
	classesOf := func(s string) []class {
		rs := []rune(s)
		cls := make([]class, len(rs))
		for i, r := range rs {
			cls[i] = classify(r)
		}
		refine(rs, cls, make([]bool, len(rs)))
		return cls
	}
	assert.Equal(t, []class{clHan, clDash, clDash, clHan}, classesOf("天——地"))
	assert.Equal(t, []class{clDigit, clConnector, clDigit}, classesOf("5—9"), "a lone — is a 连接号")
	assert.Equal(t, []class{clHan, clSolidus, clHan}, classesOf("文/图"))
	assert.Equal(t, []class{clLatin, clLatinPunct, clLatin}, classesOf("a/b"))
	assert.Equal(t, []class{clLatin, clLatin, clLatin, clLatin, clLatin}, classesOf("don’t"), "apostrophe")
	assert.Equal(t, []class{clHan, clClose}, classesOf("天’"))
}

// breaksOf marks the break opportunities of s with |.
func breaksOf(s string, lvl Kinsoku) string {
	c := &Composer{advance: fixedMetrics}
	if err := c.load([]Run{{Text: s, Size: 9}}); err != nil {
		panic(err)
	}
	refine(c.runes, c.cls, c.pair)
	c.breaks(lvl)
	var b strings.Builder
	for i, r := range c.runes {
		b.WriteRune(r)
		if i+1 < len(c.runes) {
			switch c.brk[i] {
			case brkAllow:
				b.WriteByte('|')
			case brkSoft:
				b.WriteString("¦")
			}
		}
	}
	return b.String()
}

// TestBreakOpportunities: | marks where a line may break, ¦ where it may
// at a price (a number before its unit), nothing where it may not.
func TestBreakOpportunities(t *testing.T) {
	tests := []struct {
		lvl  Kinsoku
		want string
	}{
		{KinsokuGB, "天|地|玄"},
		{KinsokuGB, "天|地，|玄|黄。"},
		{KinsokuGB, "天|（地）|玄"},
		{KinsokuGB, "天|“地”，|玄"},
		{KinsokuGB, "“‘天’”"},
		{KinsokuGB, "天。”）|地"},
		// Numbers and units are never split; a number may part from the
		// Han after it, at a price.
		{KinsokuGB, "投|资|12.3¦亿|元"},
		{KinsokuGB, "增|长|63%|的"},
		{KinsokuGB, "增|长|63％|的"},
		{KinsokuGB, "￥100¦元"},
		{KinsokuGB, "气|温|30℃"},
		{KinsokuGB, "2018¦年|3¦月"},
		{KinsokuGB, "12,345¦人"},
		{KinsokuGB, "v2.0¦版"},
		// Latin words: UAX #14 between letters and spaces.
		{KinsokuGB, "U|盘"},
		{KinsokuGB, "理|念 |and |水|平"},
		{KinsokuGB, "本|报|讯 |3¦月"},
		{KinsokuGB, "e-|mail"},
		{KinsokuGB, "(abc) |天"},
		{KinsokuGB, "abc，|天"},
		{KinsokuGB, "天|（abc）|天"},
		{KinsokuGB, "cafe\u0301|馆"},
		{KinsokuGB, "天\u0301|地"},
		// Inseparables, connectors, dots, solidus, by level.
		{KinsokuGB, "天|——|地"},
		{KinsokuStrict, "天——|地"},
		{KinsokuGB, "天|……|地"},
		{KinsokuStrict, "天……|地"},
		{KinsokuNone, "天|……|地"},
		{KinsokuGB, "5～|9¦天"},
		{KinsokuGB, "阿·|托"},
		{KinsokuGB, "文／图"},
		{KinsokuGB, "文/图"},
		{KinsokuBasic, "文／|图"},
		{KinsokuStrict, "文／图"},
		{KinsokuNone, "文|／|图"},
		{KinsokuNone, "天|，|地|（|玄|）|黄"},
		{KinsokuNone, "增|长|63％|的"},
		{KinsokuBasic, "天|地，|玄"},
	}
	for _, tc := range tests {
		text := strings.NewReplacer("|", "", "¦", "").Replace(tc.want)
		assert.Equal(t, tc.want, breaksOf(text, tc.lvl), "level %d", tc.lvl)
	}
}

// TestUAX14 runs the Unicode LineBreakTest cases whose characters are all
// Western (testdata/LineBreakTest-western.txt): for them banmian's break
// opportunities are uniseg's, and must match Unicode's.
func TestUAX14(t *testing.T) {
	f, err := os.Open("testdata/LineBreakTest-western.txt")
	require.NoError(t, err)
	defer f.Close()
	ran, skipped := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		// ÷ 0023 × 0020 ÷ …: marks and code points alternate.
		var rs []rune
		var want []bool // break after rs[i]
		for i := 1; i < len(fields); i += 2 {
			cp, err := strconv.ParseUint(fields[i], 16, 32)
			require.NoError(t, err, line)
			rs = append(rs, rune(cp))
			want = append(want, fields[i+1] == "÷")
		}
		cls := make([]class, len(rs))
		chinese := false
		for i, r := range rs {
			cls[i] = classify(r)
		}
		refine(rs, cls, make([]bool, len(rs)))
		for _, cl := range cls {
			chinese = chinese || cl.chinese()
		}
		if chinese {
			skipped++
			continue
		}
		c := &Composer{advance: fixedMetrics}
		require.NoError(t, c.load([]Run{{Text: string(rs), Size: 9}}))
		refine(c.runes, c.cls, c.pair)
		c.breaks(KinsokuGB)
		for i := 0; i+1 < len(rs); i++ {
			if !assert.Equal(t, want[i], c.brk[i] == brkAllow, "%s: after %U", strings.TrimSpace(line), rs[i]) {
				break
			}
		}
		ran++
	}
	require.NoError(t, sc.Err())
	t.Logf("%d LineBreakTest cases run, %d skipped as Chinese", ran, skipped)
	assert.Greater(t, ran, 2000)
}
