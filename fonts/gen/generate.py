#!/usr/bin/python3
"""Generate the embedded default Chinese fonts in fonts/embedded/.

Run from the repository root with Debian's python (it has fontTools):

    /usr/bin/python3 fonts/gen/generate.py

Inputs come from Debian packages (apt-get install fonts-noto-cjk
fonts-lxgw-wenkai python3-fonttools) plus the character list in
fonts/testdata/tongyong-guifan-8105.txt (override with --charlist).

For every face the script
  1. subsets the source font to the repertoire described in charset(),
     dropping hinting, glyph names and the OpenType layout tables
     (GSUB/GPOS/GDEF/BASE; the typesetter does no shaping),
  2. converts CFF outlines to TrueType quadratic outlines (glyf/loca,
     maxp 1.0) with fontTools.cu2qu, because fpdf embeds only TrueType,
  3. rebuilds 'cmap' as format-4 (BMP) subtables only, (0,3) and (3,1),
     because fpdf reads only a BMP format-4 cmap,
  4. keeps hhea/hmtx, vhea/vmtx, OS/2, name and the original
     head.created/modified so that the output is byte-for-byte
     reproducible,
  5. verifies the result and prints a report.

See fonts/gen/README.md.
"""

import argparse
import gzip
import io
import multiprocessing
import os
import re
import subprocess
import sys
import time

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(REPO, "fonts", "embedded")
DEFAULT_CHARLIST = os.path.join(REPO, "fonts", "testdata", "tongyong-guifan-8105.txt")

NOTO_DIR = "/usr/share/fonts/opentype/noto"
LXGW_DIR = "/usr/share/fonts/truetype/lxgw-wenkai"

# Maximum deviation (font units, unitsPerEm=1000) allowed when approximating
# cubic Bézier curves with quadratic ones.
MAX_ERR = 1.0

# (output file, source file, face index in the collection or None,
#  expected family name (name ID 1) of that face)
FACES = [
    ("NotoSerifSC-Regular.ttf", NOTO_DIR + "/NotoSerifCJK-Regular.ttc", 2, "Noto Serif CJK SC"),
    ("NotoSerifSC-Bold.ttf", NOTO_DIR + "/NotoSerifCJK-Bold.ttc", 2, "Noto Serif CJK SC"),
    ("NotoSansSC-Regular.ttf", NOTO_DIR + "/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"),
    ("NotoSansSC-Bold.ttf", NOTO_DIR + "/NotoSansCJK-Bold.ttc", 2, "Noto Sans CJK SC"),
    ("LXGWWenKai-Regular.ttf", LXGW_DIR + "/LXGWWenKai-Regular.ttf", None, "LXGW WenKai"),
]

# Debian's copyright file gives LXGW WenKai the Reserved Font Names "霞鹜"
# and "LXGW"; a subset is a Modified Version under the OFL and may not use
# them, so the subset is renamed (name IDs 1, 3, 4, 6, 16, 17).
RENAME = {
    "LXGWWenKai-Regular.ttf": ("Banmian Kai", "Regular", "BanmianKai-Regular"),
}


def rename(font, family, style, ps):
    """Give a subset its own names; the copyright notice (ID 0) stays."""
    table = font["name"]
    for rec in list(table.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17):
            table.removeNames(nameID=rec.nameID)
    values = {1: family, 2: style, 3: ps + " (subset of LXGW WenKai)", 4: family + " " + style,
              6: ps, 16: family, 17: style}
    for nid, text in values.items():
        table.setName(text, nid, 3, 1, 0x409)
        table.setName(text, nid, 1, 0, 0)
    font["name"].setName("Subset of LXGW WenKai made by banmian's fonts/gen; SIL OFL 1.1", 10, 3, 1, 0x409)


# Upstream copyright statement of Noto Sans/Serif CJK (LICENSE file of
# https://github.com/notofonts/noto-cjk); the Debian copyright file only
# gives "2010-2012, Google Corporation".
NOTO_UPSTREAM_COPYRIGHT = (
    "Copyright 2014-2021 Adobe (http://www.adobe.com/), "
    "with Reserved Font Name 'Source'."
)


# ---------------------------------------------------------------------------
# Character repertoire


def gb2312_hanzi():
    """The 6,763 GB 2312 hanzi: EUC-CN rows 0xB0-0xF7, cells 0xA1-0xFE."""
    out = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                ch = bytes([row, cell]).decode("gb2312")
            except UnicodeDecodeError:
                continue  # row 0xD7 cells 0xFA-0xFE are undefined
            out.append(ord(ch))
    return out


def tongyong_8105(path):
    """BMP characters of the 通用规范汉字表 (8,105 list, one per line)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if len(line) != 1:
                raise SystemExit("%s: unexpected line %r" % (path, line))
            cp = ord(line)
            if cp <= 0xFFFF:
                out.append(cp)
    return out


def rng(a, b):
    return list(range(a, b + 1))


def charset(charlist):
    """Return (sorted list of code points, dict of named groups)."""
    groups = {
        "gb2312-hanzi": gb2312_hanzi(),
        "tongyong-8105-bmp": tongyong_8105(charlist),
        "ascii": rng(0x20, 0x7E),
        "latin1": rng(0xA0, 0xFF),  # includes · × ÷
        "general-punct": rng(0x2010, 0x2027) + rng(0x2030, 0x205E),  # includes ‰
        "cjk-punct": rng(0x3000, 0x303F),
        "fullwidth": rng(0xFF01, 0xFF5E) + rng(0xFFE0, 0xFFE6),  # includes ～ ￥
        "vertical-forms": rng(0xFE10, 0xFE19) + rng(0xFE30, 0xFE4F),
        "symbols": [0x2103, 0x2109, 0x2116, 0x2236, 0x22EF, 0x2E3A],  # ℃ ℉ № ∶ ⋯ ⸺
    }
    allcps = set()
    for v in groups.values():
        allcps.update(v)
    return sorted(allcps), groups


# ---------------------------------------------------------------------------
# Font processing


def subset_options():
    o = subset.Options()
    o.layout_features = []
    o.drop_tables = sorted(set(o.drop_tables) | {
        "BASE", "GSUB", "GPOS", "GDEF", "JSTF", "DSIG", "gasp", "kern",
        "hdmx", "VDMX", "LTSH", "meta", "morx", "mort", "prop",
    })
    o.hinting = False          # drop CFF hints / TrueType instructions
    o.desubroutinize = True
    o.notdef_outline = True    # keep the .notdef box for missing glyphs
    o.glyph_names = False      # post format 3
    o.legacy_kern = False
    o.name_IDs = ["*"]         # keep copyright/licence records (OFL 2)
    o.name_languages = ["*"]   # keep e.g. the Chinese family names
    o.name_legacy = True
    o.notdef_glyph = True
    o.recalc_timestamp = False
    o.recalc_bounds = False
    o.canonical_order = True
    return o


def load(path, index):
    kw = dict(recalcTimestamp=False, recalcBBoxes=False, lazy=False)
    if index is not None:
        kw["fontNumber"] = index
    return TTFont(path, **kw)


def reload(font, recalcBBoxes):
    buf = io.BytesIO()
    font.save(buf)
    buf.seek(0)
    return TTFont(buf, recalcTimestamp=False, recalcBBoxes=recalcBBoxes, lazy=False)


def cff_to_glyf(font, max_err):
    """Replace 'CFF ' outlines by quadratic 'glyf' outlines in place."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for gn in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType clockwise.
        gs[gn].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[gn] = pen.glyph()
    for gn in order:
        glyf.glyphs[gn].recalcBounds(glyf)

    # TrueType requires lsb == xMin.
    hmtx = font["hmtx"]
    for gn in order:
        g = glyf.glyphs[gn]
        adv, _ = hmtx[gn]
        hmtx[gn] = (adv, g.xMin if g.numberOfContours else 0)

    # Without VORG a vertical layout engine places the glyph using
    # tsb + yMax, so make tsb consistent with the VORG origin.
    vfixed = 0
    if "vmtx" in font:
        vmtx = font["vmtx"]
        vorg = font["VORG"] if "VORG" in font else None
        for gn in order:
            g = glyf.glyphs[gn]
            if not g.numberOfContours:
                continue
            adv, tsb = vmtx[gn]
            if vorg is not None:
                origin = vorg.VOriginRecords.get(gn, vorg.defaultVertOriginY)
            else:
                origin = tsb + g.yMax
            new = origin - g.yMax
            if new != tsb:
                vfixed += 1
            vmtx[gn] = (adv, new)

    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for attr in ("maxPoints", "maxContours", "maxCompositePoints",
                 "maxCompositeContours", "maxTwilightPoints", "maxStorage",
                 "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements",
                 "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp

    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)
    font.sfntVersion = "\x00\x01\x00\x00"
    return vfixed


def bmp_cmap(font):
    """Keep only format-4 (0,3) and (3,1) subtables."""
    best = font["cmap"].getBestCmap()
    bmp = {cp: gn for cp, gn in best.items() if cp <= 0xFFFF}
    tables = []
    for pid, eid in ((0, 3), (3, 1)):
        t = cmap_format_4(4)
        t.platformID, t.platEncID, t.language = pid, eid, 0
        t.cmap = dict(bmp)
        tables.append(t)
    font["cmap"].tableVersion = 0
    font["cmap"].tables = tables
    return len(bmp) != len(best)


def metrics_snapshot(font):
    h, o, hd = font["hhea"], font["OS/2"], font["head"]
    snap = {
        "unitsPerEm": hd.unitsPerEm,
        "hhea.ascent": h.ascent, "hhea.descent": h.descent, "hhea.lineGap": h.lineGap,
        "OS/2.sTypoAscender": o.sTypoAscender, "OS/2.sTypoDescender": o.sTypoDescender,
        "OS/2.sTypoLineGap": o.sTypoLineGap,
        "OS/2.usWinAscent": o.usWinAscent, "OS/2.usWinDescent": o.usWinDescent,
        "OS/2.usWeightClass": o.usWeightClass,
        "head.created": hd.created, "head.modified": hd.modified,
    }
    if "vhea" in font:
        v = font["vhea"]
        snap.update({"vhea.ascent": v.ascent, "vhea.descent": v.descent,
                     "vhea.lineGap": v.lineGap})
    return snap


def process(job):
    out_name, src, index, family, cps, out_dir = job
    t0 = time.time()
    font = load(src, index)
    fam = font["name"].getDebugName(1)
    if fam != family:
        raise SystemExit("%s face %s: family %r, expected %r" % (src, index, fam, family))
    before = metrics_snapshot(font)
    src_cmap = font["cmap"].getBestCmap()
    missing = [cp for cp in cps if cp not in src_cmap]
    src_glyphs = len(font.getGlyphOrder())
    # advances of a few reference characters, to check they survive
    ref = {cp: font["hmtx"][src_cmap[cp]][0] for cp in (0x4E2D, 0x3002, 0x61) if cp in src_cmap}
    vref = ({cp: font["vmtx"][src_cmap[cp]][0] for cp in ref} if "vmtx" in font else {})

    sub = subset.Subsetter(subset_options())
    sub.populate(unicodes=cps)
    sub.subset(font)
    font = reload(font, recalcBBoxes=False)

    if out_name in RENAME:
        rename(font, *RENAME[out_name])
        family = RENAME[out_name][0]

    is_cff = "CFF " in font
    vfixed = cff_to_glyf(font, MAX_ERR) if is_cff else 0
    bmp_cmap(font)

    # recalcBBoxes: head bbox, hhea/vhea extents and maxp 1.0 statistics
    buf = io.BytesIO()
    font.recalcBBoxes = True
    font.save(buf)
    data = buf.getvalue()
    out_path = os.path.join(out_dir, out_name)
    with open(out_path, "wb") as f:
        f.write(data)

    # ---- verification -------------------------------------------------
    chk = TTFont(out_path, recalcTimestamp=False, lazy=False)
    problems = []
    for tag in ("glyf", "loca", "head", "hhea", "hmtx", "maxp", "OS/2", "name", "post", "cmap"):
        if tag not in chk:
            problems.append("missing table " + tag)
    for tag in ("CFF ", "VORG", "GSUB", "GPOS", "GDEF"):
        if tag in chk:
            problems.append("unexpected table " + tag)
    if chk["maxp"].tableVersion != 0x00010000:
        problems.append("maxp not 1.0")
    subs = [(t.platformID, t.platEncID, t.format) for t in chk["cmap"].tables]
    if (3, 1, 4) not in subs or any(t[2] != 4 for t in subs):
        problems.append("cmap subtables %r" % subs)
    cmap = chk["cmap"].getcmap(3, 1).cmap
    for ch in "中国。，“”a1":
        if ord(ch) not in cmap:
            problems.append("cmap lacks %s" % ch)
    gb_missing = [cp for cp in gb2312_hanzi() if cp not in cmap]
    if gb_missing:
        problems.append("cmap lacks %d GB2312 hanzi" % len(gb_missing))
    want = [cp for cp in cps if cp not in missing]
    lost = [cp for cp in want if cp not in cmap]
    if lost:
        problems.append("lost %d code points present in source" % len(lost))
    after = metrics_snapshot(chk)
    for k, v in before.items():
        if after.get(k) != v:
            problems.append("metric %s changed %r -> %r" % (k, v, after.get(k)))
    for cp, adv in ref.items():
        if chk["hmtx"][cmap[cp]][0] != adv:
            problems.append("advance of U+%04X changed" % cp)
    for cp, adv in vref.items():
        if "vmtx" not in chk or chk["vmtx"][cmap[cp]][0] != adv:
            problems.append("vertical advance of U+%04X changed" % cp)
    if "vhea" not in chk or "vmtx" not in chk:
        problems.append("vhea/vmtx missing")
    if chk["name"].getDebugName(1) != family:
        problems.append("family name now %r" % chk["name"].getDebugName(1))

    return {
        "file": out_name,
        "source": "%s%s" % (src, "" if index is None else " #%d" % index),
        "family": chk["name"].getDebugName(1),
        "style": chk["name"].getDebugName(2),
        "version": chk["name"].getDebugName(5),
        "size": len(data),
        "glyphs": chk["maxp"].numGlyphs,
        "src_glyphs": src_glyphs,
        "mapped": len(cmap),
        "missing": missing,
        "converted": is_cff,
        "vmtx_tsb_adjusted": vfixed,
        "indexToLocFormat": chk["head"].indexToLocFormat,
        "tables": sorted(chk.keys()),
        "problems": problems,
        "seconds": time.time() - t0,
    }


# ---------------------------------------------------------------------------
# Licences


def debian_ofl_text(copyright_path, license_name):
    """Extract the stand-alone 'License: <name>' paragraph of a DEP-5 file."""
    with open(copyright_path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^License: %s\n((?: .*\n?)+)" % re.escape(license_name), text, re.M)
    if not m:
        raise SystemExit("%s: no License: %s paragraph" % (copyright_path, license_name))
    lines = []
    for line in m.group(1).splitlines():
        line = line[1:]
        lines.append("" if line == "." else line)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def name_copyright(path, index):
    return load(path, index)["name"].getDebugName(0)


def write_licences(out_dir):
    noto_copy = {}
    for _, src, idx, fam in FACES:
        if fam.startswith("Noto"):
            noto_copy.setdefault(fam, name_copyright(src, idx).strip())
    noto = (
        "Noto Serif CJK SC / Noto Sans CJK SC (subset, converted to TrueType)\n"
        "\n"
        + NOTO_UPSTREAM_COPYRIGHT + "\n"
        + "\n"
        "Copyright notices in the font files (name ID 0):\n"
        + "".join("  %s: %s\n" % (fam, c) for fam, c in sorted(noto_copy.items()))
        + "Debian's copyright file (fonts-noto-cjk) states: "
        "Copyright 2010-2012, Google Corporation.\n"
        "\n"
        "Source: https://github.com/notofonts/noto-cjk (Debian package fonts-noto-cjk)\n"
        "\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n"
        "\n"
        + debian_ofl_text("/usr/share/doc/fonts-noto-cjk/copyright", "SIL-1.1")
    )
    lxgw_src = [f for f in FACES if f[3] == "LXGW WenKai"][0]
    lxgw_copy = name_copyright(lxgw_src[1], lxgw_src[2])
    lxgw = (
        "LXGW WenKai / 霞鹜文楷 (subset)\n"
        "\n"
        + lxgw_copy.strip() + "\n"
        "\n"
        "Debian's copyright file (fonts-lxgw-wenkai) adds: With Reserved Font Names\n"
        "\"霞鹜\" and \"LXGW\". Fonts rebuilt from unmodified source code are allowed\n"
        "to use Reserved Font Names.\n"
        "\n"
        "Source: https://github.com/lxgw/LxgwWenKai (Debian package fonts-lxgw-wenkai)\n"
        "\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n"
        "\n"
        + debian_ofl_text("/usr/share/doc/fonts-lxgw-wenkai/copyright", "OFL-1.1")
    )
    for name, text in (("LICENSE-Noto-CJK.txt", noto), ("LICENSE-LXGW-WenKai.txt", lxgw)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


# ---------------------------------------------------------------------------


def fmt_cps(cps):
    return " ".join("U+%04X" % cp for cp in cps) if cps else "none"


def fmt_ranges(cps):
    """U+2017, U+203D-2041, ... (for the README)."""
    out = []
    cps = sorted(cps)
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        if i == j:
            out.append("U+%04X" % cps[i])
        else:
            out.append("U+%04X–%04X" % (cps[i], cps[j]))
        i = j + 1
    return ", ".join(out) if out else "none"


def package_of(path):
    return "fonts-noto-cjk" if "/noto/" in path else "fonts-lxgw-wenkai"


def package_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown version"


def write_readme(out_dir, results, cps, groups):
    lic = {"fonts-noto-cjk": "LICENSE-Noto-CJK.txt", "fonts-lxgw-wenkai": "LICENSE-LXGW-WenKai.txt"}
    rows = []
    total = 0
    for r, (_, src, idx, _) in zip(results, FACES):
        pkg = package_of(src)
        total += r["size"]
        rows.append("| `%s` | %s %s | %s %s (`%s`%s) | %s | %d | %d | SIL OFL 1.1, [%s](%s) |" % (
            r["file"], r["family"], r["style"], pkg, package_version(pkg),
            os.path.basename(src), "" if idx is None else ", face %d" % idx,
            r["version"].split(";")[0], r["size"], r["glyphs"], lic[pkg], lic[pkg]))
    missing = []
    for r in results:
        missing.append("- `%s`: %s" % (r["file"], fmt_ranges(r["missing"])))
    text = """# Embedded default fonts

Generated by `fonts/gen/generate.py` (see `fonts/gen/README.md`); do not
edit by hand. All files are TrueType (glyf/loca) fonts with a format-4
(BMP) cmap, unitsPerEm 1000, horizontal and vertical metrics
(hmtx, vhea/vmtx), and no hinting or OpenType layout tables.

| File | Font | Source (Debian package) | Version | Bytes | Glyphs | Licence |
|---|---|---|---|---:|---:|---|
%s

Total: %d bytes (%.1f MiB).

The Noto fonts are subsets of the SC (Simplified Chinese) face of the
Debian OpenType/CFF collections, converted to quadratic TrueType outlines
(cubic-to-quadratic tolerance %.1f font unit). LXGW WenKai is already
TrueType and is only subset. The Noto subsets keep their names; the LXGW
WenKai subset is renamed "Banmian Kai", because Debian's copyright file
reserves the names "霞鹜" and "LXGW" and the OFL forbids a Modified Version
(a subset is one) to carry them.

## Character repertoire (%d code points requested)

- all 6,763 GB 2312 hanzi (EUC-CN rows 0xB0–0xF7);
- the %d BMP characters of the 通用规范汉字表 (8,105 list; the 196
  characters outside the BMP are not included);
- ASCII U+0020–007E and Latin-1 U+00A0–00FF (includes · × ÷);
- general punctuation U+2010–2027, U+2030–205E (includes — ‘’ “” … ‰);
- CJK symbols and punctuation U+3000–303F;
- full-width forms U+FF01–FF5E, U+FFE0–FFE6 (includes ～ ￥);
- vertical presentation forms U+FE10–FE19, U+FE30–FE4F;
- ℃ U+2103, ℉ U+2109, № U+2116, ∶ U+2236, ⋯ U+22EF, ⸺ U+2E3A.

Requested code points that the source face does not have (and which are
therefore absent from the subset):

%s
""" % ("\n".join(rows), total, total / 1048576, MAX_ERR, len(cps),
       len(groups["tongyong-8105-bmp"]), "\n".join(missing))
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--charlist", default=DEFAULT_CHARLIST)
    ap.add_argument("--out", default=OUT_DIR)
    ap.add_argument("-j", "--jobs", type=int, default=min(len(FACES), os.cpu_count() or 1))
    args = ap.parse_args()

    cps, groups = charset(args.charlist)
    print("repertoire: %d code points (%s)" % (
        len(cps), ", ".join("%s %d" % (k, len(v)) for k, v in groups.items())))
    os.makedirs(args.out, exist_ok=True)
    write_licences(args.out)

    jobs = [(o, s, i, fam, cps, args.out) for o, s, i, fam in FACES]
    t0 = time.time()
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(process, jobs, chunksize=1)
    else:
        results = [process(j) for j in jobs]

    total = 0
    failed = False
    for r in results:
        total += r["size"]
        print("%-24s %10d bytes %6d glyphs (source %d), %d chars mapped, %.1fs" % (
            r["file"], r["size"], r["glyphs"], r["src_glyphs"], r["mapped"], r["seconds"]))
        print("    %s: %s %s; %s" % (r["source"], r["family"], r["style"], r["version"]))
        print("    tables: %s; indexToLocFormat %d; vmtx tsb adjusted for %d glyphs" % (
            " ".join(t.strip() for t in r["tables"] if t != "GlyphOrder"),
            r["indexToLocFormat"], r["vmtx_tsb_adjusted"]))
        print("    requested code points missing in source: %s" % fmt_cps(r["missing"]))
        for p in r["problems"]:
            failed = True
            print("    PROBLEM: " + p)
    print("total: %d bytes (%.2f MiB) in %.1fs" % (total, total / 1048576, time.time() - t0))
    if total > 30 * 1000 * 1000:
        failed = True
        print("PROBLEM: total size exceeds 30 MB")
    if failed:
        sys.exit(1)
    write_readme(args.out, results, cps, groups)


if __name__ == "__main__":
    main()
