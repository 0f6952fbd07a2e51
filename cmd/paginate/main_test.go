package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// paginate runs the command in dir and returns its exit status, stdout
// and stderr.
func paginate(t *testing.T, dir string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func seed(t *testing.T) []byte {
	data, err := os.ReadFile("../../examples/guancheng/guancheng.txt")
	require.NoError(t, err)
	return data
}

func TestRendersExample(t *testing.T) {
	dir := t.TempDir()
	ex, err := filepath.Abs("../../examples/guancheng")
	require.NoError(t, err)
	code, _, stderr := paginate(t, dir, "", "-o", "g.pdf", "--png", "proofs", "--dpi", "30", ex)
	require.Equal(t, exitOK, code, stderr)
	pdf, err := os.ReadFile(filepath.Join(dir, "g.pdf"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))
	pngs, _ := filepath.Glob(filepath.Join(dir, "proofs", "*.png"))
	assert.NotEmpty(t, pngs, "one PNG per page")
	assert.Contains(t, stderr, "wrote g.pdf")

	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", filepath.Join(dir, "g.pdf"), "-").Output()
		require.NoError(t, err)
		text := strings.Join(strings.Fields(string(out)), "")
		for _, want := range []string{"团省委调研指导管城回族区共青团工作", "内蒙古自治区人防办考察管城区人防工作", "柴琳琳"} {
			assert.Contains(t, text, want)
		}
	}
}

func TestDefaultOutputName(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "copy.txt"), seed(t), 0o644))
	code, _, stderr := paginate(t, dir, "", "-q", "copy.txt")
	require.Equal(t, exitOK, code, stderr)
	assert.FileExists(t, filepath.Join(dir, "copy.pdf"))
	assert.Empty(t, stderr, "-q prints nothing on success")
}

func TestStdinAndGBK(t *testing.T) {
	dir := t.TempDir()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed(t))
	require.NoError(t, err)
	code, _, stderr := paginate(t, dir, string(gbk), "-o", "s.pdf", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.FileExists(t, filepath.Join(dir, "s.pdf"))
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"--no-such-flag", "x.txt"},
		{"-q", "-v", "x.txt"},
		{"--dpi", "0", "x.txt"},
		{"--check", "-o", "x.pdf", "x.txt"},
		{"--json", "-o", "x.pdf", "x.txt"},
		{"--fonts", "--png", "p", "x.txt"},
		{"--format", "folio", "x.txt"},
		{"-o", "x.txt", "x.txt"},
	} {
		code, _, stderr := paginate(t, dir, "", args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
		assert.NotEmpty(t, stderr)
	}
	code, _, _ := paginate(t, dir, "", "-h")
	assert.Equal(t, exitOK, code)
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("标题\n\n本报讯 \xff\xfe\xfd\x80 乱码"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	for name, want := range map[string]string{
		"missing.txt": "missing.txt",
		"bad.txt":     "bad.txt",
		"empty.txt":   "empty.txt",
	} {
		code, _, stderr := paginate(t, dir, "", "-o", "out.pdf", name)
		assert.Equal(t, exitInput, code, "%s: %s", name, stderr)
		assert.Contains(t, stderr, want, "the error names the file")
	}
	assert.NoFileExists(t, filepath.Join(dir, "out.pdf"), "a failed run writes nothing")
}

// overflowing copy: an article far too long for one tabloid page's
// automatic flow cannot overflow (flow adds pages), so the plan pins it to
// a small block.
const smallPlan = `format: tabloid
pages:
  - number: 1
    blocks:
      - {article: long-1, column: 0, span: 2, line: 0, lines: 10}
      - {article: long-2, column: 2, span: 2, line: 0, lines: 20}
`

func longCopy(extra string) string {
	var b strings.Builder
	b.WriteString("管城区召开理论学习研讨会\n\n本报讯 3月13日下午，管城区召开区委第二次理论学习中心组集中学习研讨会。\n\n")
	for i := 0; i < 30; i++ {
		b.WriteString("会议传达学习了党的十九届三中全会等文件精神，区领导围绕典型案例作了发言。\n\n")
	}
	b.WriteString("记者 柴琳琳\n\n")
	b.WriteString("内蒙古人防办考察管城区人防工作\n\n本报讯 3月11日，内蒙古自治区人防办" + extra + "一行到管城区调研。\n\n记者 柴琳琳\n")
	return b.String()
}

func TestCheckNamesOverflowAndMissingGlyph(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "long.txt"), []byte(longCopy("\U0002B5E7")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(smallPlan), 0o644))
	code, _, stderr := paginate(t, dir, "", "--check", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitLayout, code, stderr)
	assert.Contains(t, stderr, "long-1", "the overflowing article is named")
	assert.Contains(t, stderr, "lines over")
	assert.Contains(t, stderr, "U+2B5E7", "the missing character is named")
	assert.Contains(t, stderr, "long-2")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "--check writes nothing")

	// --overset shows the overflow as a mark instead; the missing glyph
	// still fails.
	code, _, stderr = paginate(t, dir, "", "--check", "--overset", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitLayout, code, stderr)
	assert.Contains(t, stderr, "shown by the overset mark", "the overflow is a warning now")
	assert.Contains(t, stderr, "U+2B5E7")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "long.txt"), []byte(longCopy("")), 0o644))
	code, _, stderr = paginate(t, dir, "", "--check", "--overset", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "long-1", "the overset is still reported")
}

// TestBlockTooSmallForItsHeadline: a block inside the grid with too few
// lines for its headline is text that does not fit, a layout error like an
// overflow, not an input error.
func TestBlockTooSmallForItsHeadline(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "long.txt"), []byte(longCopy("")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(`format: tabloid
pages:
  - number: 1
    blocks:
      - {article: long-1, column: 0, span: 6, line: 10, lines: 2}
      - {article: long-2, column: 0, span: 6, line: 20, lines: 30}
`), 0o644))
	code, _, stderr := paginate(t, dir, "", "--check", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitLayout, code, stderr)
	assert.Contains(t, stderr, "long-1")
	assert.Contains(t, stderr, "cannot hold its headline")
}

func TestJSONAndFonts(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "copy.txt"), seed(t), 0o644))
	code, out, stderr := paginate(t, dir, "", "--json", "copy.txt")
	require.Equal(t, exitOK, code, stderr)
	var pages []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &pages))
	require.NotEmpty(t, pages)
	assert.Contains(t, out, `"face": "Noto Serif CJK SC"`)
	assert.NoFileExists(t, filepath.Join(dir, "copy.pdf"), "--json writes no PDF")

	code, out, stderr = paginate(t, dir, "", "--fonts", "copy.txt")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "song:")
	assert.Contains(t, out, "Noto Serif CJK SC")
	assert.NotContains(t, out, "missing:")
}

func TestFailedRunKeepsEarlierOutput(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "out.pdf"), []byte("yesterday"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "long.txt"), []byte(longCopy("")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(smallPlan), 0o644))
	code, _, _ := paginate(t, dir, "", "-o", "out.pdf", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitLayout, code)
	got, _ := os.ReadFile(filepath.Join(dir, "out.pdf"))
	assert.Equal(t, "yesterday", string(got))
}

func TestPlanErrorsAreInputErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "copy.txt"), seed(t), 0o644))
	for name, tc := range map[string]struct{ plan, want string }{
		"unknown key": {"format: tabloid\ncolums: 5\n", "plan.yaml:2"},
		"outside the grid": {`format: tabloid
pages:
  - blocks:
      - {article: copy-1, column: 5, span: 3, line: 0, lines: 20}
`, "outside"},
		"overlap": {`format: tabloid
pages:
  - blocks:
      - {article: copy-1, column: 0, span: 3, line: 0, lines: 40}
      - {article: copy-2, column: 2, span: 3, line: 10, lines: 40}
`, "overlap"},
		"backwards": {`format: tabloid
pages:
  - number: 1
    blocks:
      - {article: copy-1, part: 1, column: 0, span: 3, line: 0, lines: 40}
  - number: 2
    blocks:
      - {article: copy-1, column: 0, span: 3, line: 0, lines: 10}
`, "backwards"},
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(tc.plan), 0o644))
		code, _, stderr := paginate(t, dir, "", "--check", "--plan", "plan.yaml", "copy.txt")
		assert.Equal(t, exitInput, code, "%s: %s", name, stderr)
		assert.Contains(t, stderr, tc.want, name)
	}
}

func TestOnePNGPerPageAndReproducible(t *testing.T) {
	dir := t.TempDir()
	ex, err := filepath.Abs("../../examples/jump")
	require.NoError(t, err)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // 2023-11-14, not the plan's 2018-03-16
	code, _, stderr := paginate(t, dir, "", "-q", "-o", "a.pdf", "--png", "p", "--dpi", "20", ex)
	require.Equal(t, exitOK, code, stderr)
	pngs, _ := filepath.Glob(filepath.Join(dir, "p", "*.png"))
	assert.Equal(t, []string{filepath.Join(dir, "p", "jump-1.png"), filepath.Join(dir, "p", "jump-2.png")}, pngs)
	code, _, stderr = paginate(t, dir, "", "-q", "-o", "b.pdf", ex)
	require.Equal(t, exitOK, code, stderr)
	a, _ := os.ReadFile(filepath.Join(dir, "a.pdf"))
	b, _ := os.ReadFile(filepath.Join(dir, "b.pdf"))
	assert.True(t, bytes.Equal(a, b), "the same input gives the same bytes")
	assert.Contains(t, string(a), "D:20231114", "SOURCE_DATE_EPOCH sets the creation date")

	t.Setenv("SOURCE_DATE_EPOCH", "")
	code, _, stderr = paginate(t, dir, "", "-q", "-o", "d.pdf", ex)
	require.Equal(t, exitOK, code, stderr)
	d, _ := os.ReadFile(filepath.Join(dir, "d.pdf"))
	assert.Contains(t, string(d), "D:20180316", "without it, the plan's date")

	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	code, _, stderr = paginate(t, dir, "", "-q", "-o", "c.pdf", ex)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, "SOURCE_DATE_EPOCH")
}

func TestNeverOverwritesAnInput(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "copy"), seed(t), 0o644))
	code, _, stderr := paginate(t, dir, "", "-o", "copy", "copy")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is one of the inputs")
	got, _ := os.ReadFile(filepath.Join(dir, "copy"))
	assert.Equal(t, seed(t), got)
}

func TestFailedRunRemovesTheProofFolderItMade(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "long.txt"), []byte(longCopy("")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(smallPlan), 0o644))
	code, _, _ := paginate(t, dir, "", "-o", "out.pdf", "--png", "proofs", "--plan", "plan.yaml", "long.txt")
	assert.Equal(t, exitLayout, code)
	assert.NoDirExists(t, filepath.Join(dir, "proofs"))
	assert.NoFileExists(t, filepath.Join(dir, "out.pdf"))
}
