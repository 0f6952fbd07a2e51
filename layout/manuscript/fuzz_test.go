package manuscript

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// addFixtures seeds a fuzz corpus with the testdata files matching pattern.
func addFixtures(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	require.NoError(f, err)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data)
	}
}

// texts returns every text the articles hold.
func texts(as []*Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Kicker, a.Headline, a.Subtitle, a.Dateline, a.Byline, a.Jump, a.Abstract)
		for _, p := range a.Body {
			out = append(out, p.Text)
		}
		for _, im := range a.Images {
			out = append(out, im.Caption, im.Path)
		}
	}
	return out
}

// runeCounts counts the runes of ss for which keep is true, after norm.
func runeCounts(keep func(rune) bool, norm func(rune) rune, ss ...string) map[rune]int {
	m := map[rune]int{}
	for _, s := range ss {
		for _, r := range s {
			if keep(r) {
				m[norm(r)]++
			}
		}
	}
	return m
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }
func isHan(r rune) bool    { return unicode.Is(unicode.Han, r) }
func same(r rune) rune     { return r }
func halfWidth(r rune) rune { // undoes FixPunct
	for h, f := range halfWidthFix {
		if r == f {
			return h
		}
	}
	return r
}

// checkArticles checks what holds for every successful parse.
func checkArticles(t *testing.T, as []*Article, ws []Warning, name string) {
	ids := map[string]bool{}
	for _, a := range as {
		require.NotNil(t, a)
		assert.True(t, validID(a.ID), "ID %q", a.ID)
		assert.False(t, ids[a.ID], "duplicate ID %q", a.ID)
		ids[a.ID] = true
		assert.True(t, strings.HasPrefix(a.Source, name+":"), a.Source)
		for _, p := range a.Body {
			assert.NotEmpty(t, strings.TrimSpace(p.Text))
			assert.Greater(t, p.Line, 0)
		}
	}
	paths := map[string]bool{}
	for _, a := range as {
		for _, im := range a.Images {
			paths[im.Path] = true
		}
	}
	for _, s := range texts(as) {
		assert.True(t, utf8.ValidString(s))
		for _, r := range s {
			assert.False(t, badControl(r), "control character U+%04X in %q", r, s)
		}
		if !paths[s] {
			assert.Equal(t, normSpace(s), s, "white space not normalised")
		}
	}
	for _, w := range ws {
		assert.Equal(t, name, w.File)
		assert.NotEmpty(t, w.Kind)
	}
}

// FuzzPlain checks that plain copy never panics and loses or invents no
// character: every non-space character of the decoded input is in exactly
// one place of the output, except the dash that leads a subtitle.
func FuzzPlain(f *testing.F) {
	addFixtures(f, "*.txt")
	f.Add([]byte("标题 副题在这里\n\n本报讯（记者 张三） 正文,\n\n接着。\n记者 张三\n通讯员 李四\n"))
	f.Add([]byte("春季\n管城区新建公园\n——全年完成\n本报讯\n\n正文\n\n一、小标题\n\n正文。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Decode("f.txt", data)
		as, ws, perr := ParsePlain("f.txt", data, Options{})
		if err != nil || strings.TrimFunc(text, unicode.IsSpace) == "" {
			require.Error(t, perr)
			return
		}
		require.NoError(t, perr)
		require.NotEmpty(t, as)
		checkArticles(t, as, ws, "f.txt")

		dash := func(r rune) bool { return r == '—' || r == '-' }
		in := runeCounts(notSpace, same, text)
		out := runeCounts(notSpace, same, texts(as)...)
		for r, n := range in {
			if dash(r) {
				assert.LessOrEqual(t, out[r], n, "%q", r)
				assert.GreaterOrEqual(t, out[r], n-2*len(as), "%q", r)
			} else {
				assert.Equal(t, n, out[r], "%q (U+%04X)", r, r)
			}
		}
		for r := range out {
			assert.Contains(t, in, r, "invented %q", r)
		}

		fixed, _, err := ParsePlain("f.txt", data, Options{FixPunct: true})
		require.NoError(t, err)
		require.Len(t, fixed, len(as))
		fin := runeCounts(notSpace, halfWidth, text)
		fout := runeCounts(notSpace, halfWidth, texts(fixed)...)
		for r, n := range fin {
			if !dash(r) {
				assert.Equal(t, n, fout[r], "FixPunct: %q", r)
			}
		}

		again, _, _ := ParsePlain("f.txt", data, Options{})
		assert.Equal(t, as, again, "deterministic")
	})
}

// FuzzMarkdown checks that Markdown never panics and invents no Han
// character; without front matter and links, it loses none either.
func FuzzMarkdown(f *testing.F) {
	addFixtures(f, "*.md")
	f.Add([]byte("# 标题\n\n本报讯 正文**粗**和*斜*。\n\n## 小标题\n\n![图](a.jpg)[链接](b)\n\n记者 张三\n"))
	f.Add([]byte("---\ntitle: 标题\nbyline: [记者 张三]\npriority: 2\n---\n正文。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, ws, err := ParseMarkdown("f.md", data, Options{})
		if err != nil {
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "f.md", e.File)
			return
		}
		require.Len(t, as, 1)
		checkArticles(t, as, ws, "f.md")
		text, derr := Decode("f.md", data)
		require.NoError(t, derr)
		in := runeCounts(isHan, same, text)
		out := runeCounts(isHan, same, texts(as)...)
		for r, n := range out {
			assert.LessOrEqual(t, n, in[r], "invented %q", r)
		}
		first, _, _ := strings.Cut(strings.ReplaceAll(text, "\r", "\n"), "\n")
		if strings.TrimSpace(first) != "---" && !strings.Contains(text, "](") {
			assert.Equal(t, in, out, "Han characters lost")
		}
	})
}

// FuzzNITF checks that NITF never panics and gives exactly one article.
func FuzzNITF(f *testing.F) {
	addFixtures(f, "*.xml")
	f.Add([]byte(`<nitf><body><body.head><hedline><hl1>标题</hl1></hedline></body.head><body.content><p>正文&amp;<em>强调</em></p><media><media-caption>图</media-caption></media></body.content></body></nitf>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, ws, err := ParseNITF("f.xml", data, Options{FixPunct: true})
		if err != nil {
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "f.xml", e.File)
			return
		}
		require.Len(t, as, 1)
		checkArticles(t, as, ws, "f.xml")
	})
}

// FuzzDecode checks that Decode never panics, returns valid UTF-8 text
// without binary control characters, and returns valid UTF-8 input as it
// is.
func FuzzDecode(f *testing.F) {
	addFixtures(f, "*.*")
	f.Add([]byte{0xFF, 0xFE, 0x2C, 0x67})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode("f", data)
		if err != nil {
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "f", e.File)
			assert.True(t, e.Offset >= 0 && e.Offset < len(data), "offset %d of %d", e.Offset, len(data))
			return
		}
		require.True(t, utf8.ValidString(s))
		for _, r := range s {
			require.False(t, badControl(r), "U+%04X", r)
		}
		if utf8.Valid(data) && !strings.HasPrefix(string(data), "\uFEFF") {
			assert.Equal(t, string(data), s)
		}
	})
}
