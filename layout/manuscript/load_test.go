package manuscript

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/internal/check"
	"github.com/banmian/banmian/layout"
)

func ids(ed *layout.Edition) []string {
	var out []string
	for _, a := range ed.Articles {
		out = append(out, a.ID)
	}
	return out
}

func inputWarnings(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		if w.Kind == KindInput {
			out = append(out, w.String())
		}
	}
	return out
}

var seedIDs = []string{"guancheng-1", "guancheng-2", "guancheng-3", "guancheng-4", "guancheng-5"}

func TestLoadFolder(t *testing.T) {
	in, err := Load([]string{"testdata/plans/hand/"}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "hand", in.Name)
	assert.Equal(t, seedIDs, ids(in.Edition))
	assert.Empty(t, inputWarnings(in.Warnings))
	assert.NotEmpty(t, kinds(in.Warnings, KindPunct), "the manuscripts' warnings are passed on")
	assert.Equal(t, "testdata/plans/hand/guancheng.txt:26", in.Edition.Articles[2].Source)
	assert.Equal(t, "全面融入国家园林城市创建工作", in.Edition.Articles[2].Kicker)
	require.Len(t, in.Edition.Pages, 1)
	assert.Len(t, in.Edition.Pages[0].Blocks, 5)
	assert.Equal(t, "管城报", in.Edition.Name)
	require.NotNil(t, in.Fonts)
}

func TestLoadPlanFile(t *testing.T) {
	in, err := Load([]string{"testdata/plans/guancheng.yaml"}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "guancheng", in.Name)
	assert.Equal(t, seedIDs, ids(in.Edition))
	assert.Equal(t, "testdata/guancheng.txt:3", in.Edition.Articles[0].Source, "listed paths are relative to the plan")
	assert.Equal(t, layout.Tabloid().Columns, in.Edition.Format.Columns)

	// The same through --plan.
	in2, err := Load(nil, LoadOptions{Plan: "testdata/plans/guancheng.yaml"})
	require.NoError(t, err)
	assert.Equal(t, in.Edition, in2.Edition)
	assert.Equal(t, "guancheng", in2.Name)
}

func TestLoadFiles(t *testing.T) {
	in, err := Load([]string{"testdata/guancheng.txt", "testdata/park.md", "testdata/renfang.xml"}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "guancheng", in.Name)
	assert.Equal(t, append(append([]string{}, seedIDs...), "guancheng-park", "renfang-0311"), ids(in.Edition))
	assert.Equal(t, layout.Tabloid(), in.Edition.Format)
	assert.Equal(t, layout.DefaultStyle(), in.Edition.Style)
	assert.Nil(t, in.Edition.Pages, "no plan: automatic flow")
	assert.Empty(t, in.Edition.Name)

	// --format picks the preset.
	in, err = Load([]string{"testdata/guancheng.txt"}, LoadOptions{Format: "对开"})
	require.NoError(t, err)
	assert.Equal(t, layout.Broadsheet(), in.Edition.Format)

	// FixPunct reaches the parser.
	in, err = Load([]string{"testdata/guancheng.txt"}, LoadOptions{FixPunct: true})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(in.Edition.Articles[0].Body[0].Text, "3月14日下午，团省委书记"))
}

func TestLoadStdin(t *testing.T) {
	in, err := Load([]string{"-"}, LoadOptions{Stdin: bytes.NewReader(readFixture(t, "guancheng.txt"))})
	require.NoError(t, err)
	assert.Equal(t, "stdin", in.Name)
	assert.Equal(t, []string{"stdin-1", "stdin-2", "stdin-3", "stdin-4", "stdin-5"}, ids(in.Edition))
	assert.Equal(t, "stdin:3", in.Edition.Articles[0].Source)

	// The format is found from the content: Markdown with front matter,
	// NITF.
	in, err = Load([]string{"-"}, LoadOptions{Stdin: bytes.NewReader(readFixture(t, "park.md"))})
	require.NoError(t, err)
	assert.Equal(t, []string{"guancheng-park"}, ids(in.Edition), "the front matter's id")
	in, err = Load([]string{"-"}, LoadOptions{Stdin: bytes.NewReader(readFixture(t, "renfang.xml"))})
	require.NoError(t, err)
	require.Len(t, in.Edition.Articles, 1)
	assert.NotEmpty(t, in.Edition.Articles[0].Headline)

	// Standard input with a plan.
	in, err = Load([]string{"-"}, LoadOptions{Plan: "testdata/plans/auto.yaml", Stdin: bytes.NewReader(readFixture(t, "guancheng.txt"))})
	require.NoError(t, err)
	assert.Equal(t, "auto", in.Name)
	assert.Equal(t, 3, in.Edition.AutoSpan)
	assert.Len(t, in.Edition.Articles, 5)
	assert.Equal(t, []string{"testdata/plans/auto.yaml:17: the plan's manuscripts are not used: the inputs name their own"}, inputWarnings(in.Warnings))

	_, err = Load([]string{"-", "-"}, LoadOptions{Stdin: strings.NewReader("x")})
	assertInputError(t, err)
	_, err = Load([]string{"-"}, LoadOptions{Stdin: strings.NewReader(" \n")})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "stdin: empty file")
}

func TestLoadDuplicateIDs(t *testing.T) {
	_, err := Load([]string{"testdata/plans/dup"}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, `testdata/plans/dup/two.md:3: article ID "lead" is also the ID of the article at testdata/plans/dup/one.md:3`)

	// The same file twice.
	_, err = Load([]string{"testdata/park.md", "./testdata/park.md"}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "testdata/park.md: manuscript given twice (also as testdata/park.md)")

	// Two files whose plain articles get the same IDs.
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		require.NoError(t, os.Mkdir(filepath.Join(dir, sub), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, sub, "copy.txt"), readFixture(t, "guancheng.txt"), 0o644))
	}
	_, err = Load([]string{filepath.Join(dir, "a", "copy.txt"), filepath.Join(dir, "b")}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, filepath.Join(dir, "b", "copy.txt")+`:3: article ID "copy-1" is also the ID of the article at `+filepath.Join(dir, "a", "copy.txt")+":3")
	assert.Equal(t, 5, strings.Count(err.Error(), "is also the ID"), "every duplicate is named")
}

func TestLoadUnlisted(t *testing.T) {
	in, err := Load([]string{"testdata/plans/unlisted"}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "a"}, ids(in.Edition), "the plan's order")
	assert.Equal(t, []string{"testdata/plans/unlisted/c.md: left out: the plan testdata/plans/unlisted/plan.yaml does not list it under manuscripts:"},
		inputWarnings(in.Warnings))
	assert.Equal(t, "unlisted", in.Name)

	// Without a list, the folder's manuscripts in lexical order.
	dir := t.TempDir()
	for _, f := range []string{"c.md", "a.md", "b.md"} {
		data, err := os.ReadFile(filepath.Join("testdata/plans/unlisted", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "edition.yml"), []byte("format: A3\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte("not a manuscript"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".hidden.md"), []byte("not read"), 0o644))
	in, err = Load([]string{dir}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids(in.Edition))
	assert.Equal(t, layout.A3(), in.Edition.Format)
	assert.Equal(t, filepath.Base(dir), in.Name)

	// The plan named as input: its folder's manuscripts.
	in, err = Load([]string{filepath.Join(dir, "edition.yml")}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids(in.Edition))
	assert.Equal(t, "edition", in.Name)
}

// TestLoadPeopleFiles: a folder's README, LICENSE and CHANGELOG are not
// manuscripts and are skipped without a warning; .text files are
// manuscripts.
func TestLoadPeopleFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	for _, f := range []string{"README.md", "readme.zh.md", "License.txt", "LICENCE.md", "CHANGELOG.markdown"} {
		write(f, "# 说明\n\n这个文件夹里是稿件。\n")
	}
	write("a.md", "# 标题\n\n正文。\n")
	write("Licensed-radio.md", "# 标题\n\n正文。\n")                 // not a licence
	write("readmeter.md", "---\nid: meter\n---\n# 标题\n\n正文。\n") // nor a README
	write("copy.text", string(readFixture(t, "guancheng.txt")))
	copyIDs := []string{"copy-1", "copy-2", "copy-3", "copy-4", "copy-5"}

	// No plan: the folder's manuscripts in lexical order.
	in, err := Load([]string{dir}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, append(append([]string{"Licensed-radio", "a"}, copyIDs...), "meter"), ids(in.Edition))
	assert.Empty(t, inputWarnings(in.Warnings))

	// A plan that lists the manuscripts: no warning about the others.
	write("plan.yaml", "manuscripts: [a.md, Licensed-radio.md, readmeter.md, copy.text]\n")
	in, err = Load([]string{dir}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, append([]string{"a", "Licensed-radio", "meter"}, copyIDs...), ids(in.Edition))
	assert.Empty(t, inputWarnings(in.Warnings))

	// Named as an input, a README is read.
	in, err = Load([]string{filepath.Join(dir, "README.md")}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"README"}, ids(in.Edition))
}

func TestLoadPlanChoice(t *testing.T) {
	_, err := Load([]string{"testdata/plans/bad/twoplans"}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "testdata/plans/bad/twoplans: the folder holds 2 plans (a.yaml, b.yml)")

	_, err = Load([]string{"testdata/plans/auto.yaml", "testdata/plans/jump.yaml"}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "testdata/plans/jump.yaml: a second plan (the first is testdata/plans/auto.yaml)")

	_, err = Load([]string{"testdata/plans/auto.yaml"}, LoadOptions{Plan: "testdata/plans/jump.yaml"})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "testdata/plans/auto.yaml: two plans: --plan testdata/plans/jump.yaml and this one")

	// A plan named, and its folder.
	in, err := Load([]string{"testdata/plans/hand/plan.yaml", "testdata/plans/hand"}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, seedIDs, ids(in.Edition))
	assert.Len(t, in.Edition.Pages, 1)

	// --plan wins over a folder's plan, with a warning.
	in, err = Load([]string{"testdata/plans/hand"}, LoadOptions{Plan: "testdata/plans/auto.yaml"})
	require.NoError(t, err)
	assert.Equal(t, 3, in.Edition.AutoSpan)
	assert.Equal(t, seedIDs, ids(in.Edition))
	assert.Contains(t, inputWarnings(in.Warnings), "testdata/plans/hand/plan.yaml: plan not used: --plan testdata/plans/auto.yaml is")

	// --format replaces the plan's format.
	in, err = Load([]string{"testdata/plans/hand"}, LoadOptions{Format: "a3", Plan: "testdata/plans/auto.yaml"})
	require.NoError(t, err)
	assert.Equal(t, layout.A3(), in.Edition.Format)
	in, err = Load([]string{"testdata/plans/hand"}, LoadOptions{Format: "a3"})
	require.NoError(t, err)
	assert.Equal(t, layout.A3(), in.Edition.Format, "the plan's own paper and grid are replaced too")
	assert.Len(t, in.Edition.Pages, 1)
	_, err = Load([]string{"testdata/guancheng.txt"}, LoadOptions{Format: "八开"})
	assertInputError(t, err)
	assert.ErrorContains(t, err, `--format: unknown paper format "八开"`)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		inputs []string
		opt    LoadOptions
		want   string
	}{
		{[]string{"testdata/no-such.txt"}, LoadOptions{}, "testdata/no-such.txt: cannot read: no such file or directory"},
		{nil, LoadOptions{Plan: "testdata/plans/no-such.yaml"}, "testdata/plans/no-such.yaml: cannot read: no such file or directory"},
		{nil, LoadOptions{}, "the inputs: no manuscripts to set"},
		{[]string{"testdata/plans/bad/twoplans/a.yaml"}, LoadOptions{}, "testdata/plans/bad/twoplans/copy.md"}, // its folder's manuscript: fine
		{[]string{"testdata/plans"}, LoadOptions{}, "testdata/plans: the folder holds 3 plans (auto.yaml, guancheng.yaml, jump.yaml)"},
		{[]string{"testdata/plans/dup", "testdata/plans/bad"}, LoadOptions{}, "testdata/plans/bad: the folder holds 24 plans"},
		{[]string{"testdata/bad-key.md", "testdata/guancheng.txt"}, LoadOptions{}, "testdata/bad-key.md:"},
	}
	for _, tt := range tests {
		in, err := Load(tt.inputs, tt.opt)
		if strings.HasSuffix(tt.want, "copy.md") {
			require.NoError(t, err)
			require.Len(t, in.Edition.Articles, 1)
			assert.True(t, strings.HasPrefix(in.Edition.Articles[0].Source, tt.want))
			continue
		}
		assertInputError(t, err)
		assert.ErrorContains(t, err, tt.want, "%v", tt.inputs)
	}

	// A folder with neither plan nor manuscripts.
	_, err := Load([]string{t.TempDir()}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, "the folder holds no manuscripts (.txt, .text, .md, .markdown, .xml, .nitf)")

	// A folder with only a plan that lists nothing.
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte("format: A3\n"), 0o644))
	_, err = Load([]string{dir}, LoadOptions{})
	assertInputError(t, err)
	assert.ErrorContains(t, err, filepath.Join(dir, "plan.yaml")+": no manuscripts to set")
}

// TestLayoutExamples lays out every example plan: the edition Load builds
// is one layout accepts, and every character of the copy is on the pages.
func TestLayoutExamples(t *testing.T) {
	tests := []struct {
		input   string
		pages   int
		stamped bool
	}{
		{"testdata/plans/guancheng.yaml", 1, false},
		{"testdata/plans/hand", 1, false},
		{"testdata/plans/jump.yaml", 2, true},
		{"testdata/plans/auto.yaml", 1, false},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.input), func(t *testing.T) {
			in, err := Load([]string{tt.input}, LoadOptions{})
			require.NoError(t, err)
			var warns []layout.Warning
			pages, err := layout.Layout(in.Edition, in.Fonts, layout.Options{Warn: func(w layout.Warning) { warns = append(warns, w) }})
			require.NoError(t, err)
			require.Len(t, pages, tt.pages)
			check.Pages(t, pages, in.Edition.Articles)
			for _, w := range warns {
				assert.NotContains(t, w.Message, "not placed", w.String())
			}
			stamps := 0
			for _, pg := range pages {
				assert.Equal(t, in.Edition.Format.PaperW, pg.Width)
				for _, g := range pg.Glyphs {
					if g.Kind == layout.KindStamp {
						stamps++
					}
				}
			}
			assert.Equal(t, tt.stamped, stamps > 0, "转版 stamps")
		})
	}
}

// TestLayoutJumpAndWhiteSpace: a Markdown jump headline reaches the page
// over the continued part, and tabs and line breaks in the copy reach the
// font layer as spaces or nothing.
func TestLayoutJumpAndWhiteSpace(t *testing.T) {
	dir := t.TempDir()
	var body strings.Builder
	for i := 0; i < 12; i++ {
		body.WriteString("管城区围绕“四河两库一渠”沿岸\t和南部路网，\n重点实施潮湖、苏庄八郎寨整片区绿化工程，Green\tbelts\nare planned。\n\n")
	}
	md := "---\nid: lead\ntitle: 管城区新建四个综合性公园\njump: 新建公园\n---\n\n" + body.String()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "lead.md"), []byte(md), 0o644))
	plan := `format: A3
manuscripts: [lead.md]
pages:
  - blocks: [{article: lead, column: 0, span: 2, line: 0, lines: 30}]
  - blocks: [{continue: lead}]
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(plan), 0o644))
	in, err := Load([]string{dir}, LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "新建公园", in.Edition.Articles[0].Jump)
	pages, err := layout.Layout(in.Edition, in.Fonts, layout.Options{})
	require.NoError(t, err)
	require.Len(t, pages, 2)
	check.Pages(t, pages, in.Edition.Articles)
	var jump strings.Builder
	for _, g := range pages[1].Glyphs {
		if g.Kind == layout.KindJumpHead {
			jump.WriteString(g.Text)
		}
	}
	assert.Equal(t, "新建公园", jump.String())
}
