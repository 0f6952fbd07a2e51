package layout_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/layout"
)

// seedArticles builds the five articles of testdata/guancheng.txt (a copy
// of the seed copy) as layout.Article values, with IDs a1–a5, by a few
// fixed rules: the first line of each story is its headline and, after a
// space, its subtitle; 本报讯 opens the first paragraph as the dateline;
// lines starting 记者 or 通讯员 are the byline; a paragraph cut by a blank
// line mid-sentence is joined up again; ASCII commas become ，.
//
// These tests are in package layout_test, so they could call
// manuscript.ParsePlain without an import cycle; they do not on purpose.
// The parser's repairs (punctuation, damaged lines) and IDs (guancheng-1…)
// are its own to change, tested in layout/manuscript; the layout tests and
// their goldens must only move when layout does.
func seedArticles(t testing.TB) []*layout.Article {
	t.Helper()
	data, err := os.ReadFile("testdata/guancheng.txt")
	require.NoError(t, err)
	var arts []*layout.Article
	var cur *layout.Article
	var pending string // a paragraph not yet ended
	flush := func() {
		if pending != "" {
			cur.Body = append(cur.Body, layout.Paragraph{Text: pending})
			pending = ""
		}
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, ",", "，"))
		switch {
		case line == "":
			continue
		case cur == nil || (cur.Byline != "" && !isByline(line)):
			if cur != nil {
				flush()
			}
			cur = &layout.Article{ID: fmt.Sprintf("a%d", len(arts)+1)}
			arts = append(arts, cur)
			head, sub, _ := strings.Cut(line, " ")
			cur.Headline, cur.Subtitle = head, strings.TrimSpace(sub)
		case isByline(line):
			flush()
			cur.Byline = strings.TrimSpace(cur.Byline + " " + line)
		default:
			if len(cur.Body) == 0 && pending == "" {
				if d, rest, ok := strings.Cut(line, " "); ok && d == "本报讯" {
					cur.Dateline, line = d, rest
				}
			}
			pending += line
			if strings.ContainsRune("。！？”", lastRune(line)) {
				flush()
			}
		}
	}
	flush()
	require.Len(t, arts, 5)
	return arts
}

func isByline(s string) bool {
	return strings.HasPrefix(s, "记者") || strings.HasPrefix(s, "通讯员")
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

func TestSeedArticles(t *testing.T) {
	arts := seedArticles(t)
	a := arts[0]
	require.Equal(t, "团省委调研指导管城回族区共青团工作", a.Headline)
	require.Equal(t, "点赞“青年之家”工作做出管城特色", a.Subtitle)
	require.Equal(t, "本报讯", a.Dateline)
	require.Equal(t, "记者 柴琳琳 通讯员 王歌", a.Byline)
	require.Len(t, a.Body, 4)
	require.True(t, strings.HasPrefix(a.Body[0].Text, "3月14日下午，团省委书记"))
	require.Contains(t, a.Body[1].Text, "政府购买社会服务等工作")
	require.Equal(t, "记者 柴琳琳 通讯员 王春龙", arts[1].Byline)
	require.Equal(t, "内蒙古自治区人防办考察管城区人防工作", arts[4].Headline)
	require.Equal(t, "记者 柴琳琳 通讯员 刘博闻", arts[4].Byline)
	for _, a := range arts {
		for _, p := range a.Body {
			require.NotContains(t, p.Text, "本报讯")
		}
	}
}
