package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// TestRestRunsTrimsOnlyTheCut: after a change of measure, the paragraph
// goes on from the first line not yet placed. The run at the cut loses
// the space the break dropped; a later run that starts with a space (a
// face change at a space, a bracketed credit) keeps it.
func TestRestRunsTrimsOnlyTheCut(t *testing.T) {
	set, err := fonts.Default()
	require.NoError(t, err)
	var runs []typeset.Run
	var kinds []Kind
	for _, text := range []string{"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸", "　子丑寅卯", " 东南西北中"} {
		spans, err := set.Split(fonts.Song, false, text)
		require.NoError(t, err)
		require.Len(t, spans, 1)
		runs = append(runs, typeset.Run{Text: text, Font: spans[0].Font, Size: 9, Color: Black})
		kinds = append(kinds, KindBody)
	}
	st := typeset.DefaultStyle()
	st.Indent = 0
	par, err := typeset.Compose(runs, st, typeset.Fixed(9*8))
	require.NoError(t, err)
	require.Greater(t, len(par.Lines), 2)

	rest, ks := restRuns(par, 1, kinds)
	require.Len(t, ks, len(rest))
	var got []string
	for _, r := range rest {
		got = append(got, r.Text)
	}
	// Line 1 starts inside the first run; the runs after it are whole.
	require.Len(t, got, 3)
	assert.False(t, strings.HasPrefix(got[0], " "))
	assert.Equal(t, []string{"　子丑寅卯", " 东南西北中"}, got[1:])
	var line0 strings.Builder
	for _, g := range par.Lines[0].Glyphs {
		line0.WriteRune(g.Rune)
	}
	assert.Equal(t, runs[0].Text, line0.String()+got[0])
}

// TestBreaksKeepTheProhibitions: a headline never breaks before a mark the
// reference §1.3 keeps from starting a line, nor after one it keeps from
// ending a line.
func TestBreaksKeepTheProhibitions(t *testing.T) {
	const notStart = "。．，、：；！？‼⁇⁈⁉）〕】〗］｝》〉」』”’～–‐·・‧／％‰℃"
	const notEnd = "（〔【〖［｛《〈「『“‘￥＄£€／"
	for _, r := range notStart {
		runes := []rune("管城区召开" + string(r) + "理论学习会议")
		assert.NotContains(t, balancedBreaks(slices.Clone(runes)), 5, "break before %q", r)
		assert.NotContains(t, phraseBreaks(slices.Clone(runes)), 5, "break before %q", r)
	}
	for _, r := range notEnd {
		runes := []rune("管城区召开" + string(r) + "理论学习会议")
		assert.NotContains(t, balancedBreaks(slices.Clone(runes)), 6, "break after %q", r)
		assert.NotContains(t, phraseBreaks(slices.Clone(runes)), 6, "break after %q", r)
	}
	// A lone — is a 连接号; —— is a 破折号, never split, free to start a
	// line at this level.
	assert.NotContains(t, balancedBreaks([]rune("北京—上海高铁通车了")), 2)
	assert.Contains(t, balancedBreaks([]rune("北京——上海高铁通车")), 2)
	assert.NotContains(t, balancedBreaks([]rune("北京——上海高铁通车")), 3)
	// After a pause or a closing mark is a phrase boundary.
	assert.Equal(t, []int{5}, phraseBreaks([]rune("春风十里．不如你")))
}
