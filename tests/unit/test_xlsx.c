/* junheng tests - the .xlsx reader, on tiny workbooks built here with
 * libzip from XML strings. */
/* memmem, mkdtemp, strndup */
#define _GNU_SOURCE

#include "helpers.h"

#include <unistd.h>
#include <zip.h>

#include "junheng/xlsx.h"

static char tmpdir[64];

/* One zip entry. */
typedef struct entry {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
    bool store; /* stored, not deflated */
} entry;

/* Write @p n entries into a new zip file @p file (in tmpdir); returns the
 * path in a static buffer. */
static const char *
make_zip(const char *file, const entry *e, size_t n)
{
    static char path[256];
    zip_t *z;
    int code = 0;

    snprintf(path, sizeof(path), "%s/%s", tmpdir, file);
    z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        size_t len = e[i].len != 0 ? e[i].len : strlen(e[i].data);
        zip_source_t *src = zip_source_buffer(z, e[i].data, len, 0);
        zip_int64_t idx;
        assert_non_null(src);
        idx = zip_file_add(z, e[i].name, src, ZIP_FL_OVERWRITE);
        assert_true(idx >= 0);
        if (e[i].store)
            assert_int_equal(
                zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0),
                0);
    }
    assert_int_equal(zip_close(z), 0);
    return path;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void
spit(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS                                                                    \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"         \
    "relationships\""
#define REL                                                                    \
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

/* Three sheets listed in an order that differs from their file names:
 * the first sheet, 数据, is sheet2.xml, through an absolute target as
 * openpyxl writes them; the third is hidden and found through "..". */
static const char workbook[] =
    "<workbook " NS " " RNS "><sheets>"
    "<sheet name=\"数据\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"Other\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Hidden\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"
    "</sheets></workbook>";

static const char workbook_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "worksheet\" "
    "Target=\"./worksheets/../worksheets/sheet3.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL "sharedStrings\" "
    "Target=\"strings.xml\"/>"
    "</Relationships>";

/* Rich-text runs are joined; an empty <si/> counts; phonetic runs (rPh)
 * are not part of the text. */
static const char shared[] =
    "<sst " NS " count=\"5\" uniqueCount=\"5\">"
    "<si><t>学校代码</t></si>"
    "<si><r><t>学校</t></r><r><rPr><b/></rPr><t>名称</t></r></si>"
    "<si/>"
    "<si><t>甲</t><rPh sb=\"0\" eb=\"1\"><t>ジャ</t></rPh></si>"
    "<si><t xml:space=\"preserve\"> a &amp; b </t></si>"
    "</sst>";

static const char sheet_data[] =
    "<worksheet " NS "><dimension ref=\"A1:G5\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
    "</c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
    "<c r=\"E1\" t=\"s\"><v>4</v></c></row>"
    "<row r=\"2\">"
    "<c r=\"A2\" t=\"inlineStr\"><is><t>in</t><r><t>line</t></r></is></c>"
    "<c t=\"str\"><f>A1&amp;\"x\"</f><v>学校代码x</v></c>" /* no r: B2 */
    "<c t=\"b\"><v>1</v></c>"                              /* C2 */
    "<c r=\"E2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
    "<c r=\"F2\"><f>1+1</f><v>2</v></c>"
    "<c r=\"G2\" t=\"n\" s=\"3\"><v>1.5E-3</v></c>"
    "<c r=\"H2\" s=\"4\"/>" /* styled blank: no value */
    "</row>"
    "<row r=\"4\"><c r=\"B4\"><v>7</v></c></row>"
    "<row><c><v>8</v></c></row>" /* no r: row 5, column A */
    "<row r=\"6\" spans=\"1:3\"/>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/>"
    "</mergeCells></worksheet>";

static const char sheet_other[] =
    "<worksheet " NS "><sheetData><row r=\"3\"><c r=\"C3\"><v>42</v></c>"
    "</row></sheetData></worksheet>";

static const char sheet_hidden[] =
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>4"
    "</x:v></x:c></x:row></x:sheetData></x:worksheet>";

static const char *
full_workbook(const char *file)
{
    const entry e[] = {
        {"_rels/.rels", root_rels, 0, false},
        {"xl/workbook.xml", workbook, 0, false},
        {"xl/_rels/workbook.xml.rels", workbook_rels, 0, false},
        {"xl/strings.xml", shared, 0, false},
        {"xl/worksheets/sheet1.xml", sheet_other, 0, false},
        {"xl/worksheets/sheet2.xml", sheet_data, 0, false},
        {"xl/worksheets/sheet3.xml", sheet_hidden, 0, false},
    };
    return make_zip(file, e, sizeof(e) / sizeof(e[0]));
}

static void
cells_of_every_kind(void **state)
{
    const char *path = full_workbook("full.xlsx");
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_error e;

    (void)state;
    if (jh_xlsx_open(&x, path, NULL, &e) != JH_OK)
        fail_msg("open: %s", e.message);
    assert_int_equal(jh_xlsx_sheet_count(x), 3);
    assert_string_equal(jh_xlsx_sheet_name(x, 0), "数据");
    assert_string_equal(jh_xlsx_sheet_name(x, 1), "Other");
    assert_false(jh_xlsx_sheet_hidden(x, 0));
    assert_true(jh_xlsx_sheet_hidden(x, 2));
    assert_null(jh_xlsx_sheet_name(x, 3));

    if (jh_xlsx_read_sheet(x, 0, &t, &e) != JH_OK)
        fail_msg("read: %s", e.message);
    assert_string_equal(t->sheet, "数据");
    assert_string_equal(t->source, path);
    assert_int_equal(t->nrows, 4); /* rows 1, 2, 4, 5; 6 has no value */
    assert_int_equal(t->rows[0].line, 1);
    assert_string_equal(jh_table_cell(t, 0, 0), "学校代码");
    assert_string_equal(jh_table_cell(t, 0, 1), "学校名称"); /* rich runs */
    assert_string_equal(jh_table_cell(t, 0, 2), "");         /* <si/> */
    assert_string_equal(jh_table_cell(t, 0, 3), "甲");       /* no rPh */
    assert_string_equal(jh_table_cell(t, 0, 4), " a & b ");
    assert_string_equal(jh_table_cell(t, 1, 0), "inline");
    assert_string_equal(jh_table_cell(t, 1, 1), "学校代码x"); /* str */
    assert_string_equal(jh_table_cell(t, 1, 2), "TRUE");      /* b */
    assert_string_equal(jh_table_cell(t, 1, 3), "");          /* gap */
    assert_string_equal(jh_table_cell(t, 1, 4), "#DIV/0!");   /* e */
    assert_string_equal(jh_table_cell(t, 1, 5), "2");         /* cached value */
    assert_string_equal(jh_table_cell(t, 1, 6), "1.5E-3");
    assert_int_equal(t->rows[1].ncells, 7); /* the styled blank H2 dropped */
    assert_int_equal(t->rows[2].line, 4);
    assert_string_equal(jh_table_cell(t, 2, 0), "");
    assert_string_equal(jh_table_cell(t, 2, 1), "7");
    assert_int_equal(t->rows[3].line, 5);
    assert_string_equal(jh_table_cell(t, 3, 0), "8");
    jh_table_free(t);

    /* The relative target, and "." / ".." in a target; a prefixed
     * namespace (x:c) reads the same. */
    assert_int_equal(jh_xlsx_read_sheet(x, 1, &t, &e), JH_OK);
    assert_int_equal(t->rows[0].line, 3);
    assert_string_equal(jh_table_cell(t, 0, 2), "42");
    jh_table_free(t);
    assert_int_equal(jh_xlsx_read_sheet(x, 2, &t, &e), JH_OK);
    assert_string_equal(jh_table_cell(t, 0, 0), " a & b ");
    jh_table_free(t);
    assert_int_equal(jh_xlsx_read_sheet(x, 3, &t, &e), JH_ERR_NOTFOUND);
    jh_xlsx_free(x);
}

/* The same bytes from memory. */
static void
open_from_memory(void **state)
{
    size_t len;
    char *data = slurp(full_workbook("mem.xlsx"), &len);
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(jh_xlsx_open_buffer(&x, data, len, "mem.xlsx", NULL, &e),
                     JH_OK);
    free(data); /* the reader keeps its own copy */
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_OK);
    assert_string_equal(jh_table_cell(t, 1, 0), "inline");
    jh_table_free(t);
    jh_xlsx_free(x);
}

/* No sharedStrings.xml at all (openpyxl writes inline strings); the
 * workbook part is found without _rels/.rels too.  A t="s" cell there is
 * an error naming the cell. */
static void
no_shared_strings(void **state)
{
    static const char wb[] =
        "<workbook " NS " " RNS "><sheets><sheet name=\"S\" sheetId=\"1\" "
        "r:id=\"rId1\"/></sheets></workbook>";
    static const char rels[] =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "relationships\"><Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
        "Target=\"/xl/worksheets/sheet1.xml\"/></Relationships>";
    static const char ok_sheet[] =
        "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" "
        "t=\"inlineStr\"><is><t>学校代码</t></is></c><c r=\"B1\" t=\"n\">"
        "<v>12</v></c></row></sheetData></worksheet>";
    static const char bad_sheet[] =
        "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
        "<c r=\"B1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
    const entry good[] = {
        {"xl/workbook.xml", wb, 0, false},
        {"xl/_rels/workbook.xml.rels", rels, 0, false},
        {"xl/worksheets/sheet1.xml", ok_sheet, 0, false},
    };
    const entry bad[] = {
        {"xl/workbook.xml", wb, 0, false},
        {"xl/_rels/workbook.xml.rels", rels, 0, false},
        {"xl/worksheets/sheet1.xml", bad_sheet, 0, false},
    };
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(
        jh_xlsx_open(&x, make_zip("nosst.xlsx", good, 3), NULL, &e), JH_OK);
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_OK);
    assert_string_equal(jh_table_cell(t, 0, 0), "学校代码");
    assert_string_equal(jh_table_cell(t, 0, 1), "12");
    jh_table_free(t);
    jh_xlsx_free(x);

    assert_int_equal(
        jh_xlsx_open(&x, make_zip("nosst2.xlsx", bad, 3), NULL, &e), JH_OK);
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_ERR_PARSE);
    assert_string_equal(e.cell, "S!B1");
    assert_non_null(strstr(e.message, "shared string"));
    assert_non_null(strstr(e.message_zh, "共享字符串"));
    jh_xlsx_free(x);
}

/* A truncated zip, a file that is no zip, a damaged entry: one clear
 * error naming the file (and entry), never a crash. */
static void
broken_files(void **state)
{
    char path[256];
    size_t len;
    char *data = slurp(full_workbook("whole.xlsx"), &len);
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_error e;

    (void)state;
    snprintf(path, sizeof(path), "%s/truncated.xlsx", tmpdir);
    for (size_t cut = len / 4; cut < len; cut += len / 4) {
        spit(path, data, cut);
        jh_error_clear(&e);
        assert_int_equal(jh_xlsx_open(&x, path, NULL, &e), JH_ERR_PARSE);
        assert_string_equal(e.file, path);
        assert_non_null(strstr(e.message, "truncated"));
        assert_non_null(strstr(e.message_zh, "工作簿已损坏或不完整"));
    }
    free(data);

    snprintf(path, sizeof(path), "%s/notzip.xlsx", tmpdir);
    spit(path, "学校代码,学校名称\n1,2\n", strlen("学校代码,学校名称\n1,2\n"));
    assert_int_equal(jh_xlsx_open(&x, path, NULL, &e), JH_ERR_PARSE);
    assert_string_equal(e.file, path);
    assert_non_null(strstr(e.message, "not a zip"));
    assert_non_null(strstr(e.message_zh, "不是 .xlsx 工作簿：文件不是 zip"));

    snprintf(path, sizeof(path), "%s/missing.xlsx", tmpdir);
    assert_int_equal(jh_xlsx_open(&x, path, NULL, &e), JH_ERR_IO);
    assert_non_null(strstr(e.message_zh, "无法打开文件："));

    /* A stored entry with a flipped byte: its CRC no longer matches. */
    {
        const entry ent[] = {
            {"_rels/.rels", root_rels, 0, false},
            {"xl/workbook.xml", workbook, 0, false},
            {"xl/_rels/workbook.xml.rels", workbook_rels, 0, false},
            {"xl/strings.xml", shared, 0, false},
            {"xl/worksheets/sheet1.xml", sheet_other, 0, false},
            {"xl/worksheets/sheet2.xml", sheet_data, 0, true},
            {"xl/worksheets/sheet3.xml", sheet_hidden, 0, false},
        };
        const char *p = make_zip("crc.xlsx", ent, 7);
        char *hit;
        data = slurp(p, &len);
        hit = memmem(data, len, "1.5E-3", 6);
        assert_non_null(hit);
        hit[0] = '9';
        spit(p, data, len);
        free(data);
        assert_int_equal(jh_xlsx_open(&x, p, NULL, &e), JH_OK);
        assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_ERR_PARSE);
        assert_non_null(strstr(e.message, "xl/worksheets/sheet2.xml"));
        /* Both texts name the sheet as the user knows it first. */
        assert_non_null(strstr(e.message, "sheet '数据': "));
        assert_non_null(strstr(e.message_zh, "工作表“数据”：工作簿中的"
                                             "“xl/worksheets/sheet2.xml”"
                                             "已损坏或不完整"));
        jh_xlsx_free(x);
    }
}

/* An entry that inflates beyond the cap is refused while inflating. */
static void
bomb_over_the_cap(void **state)
{
    const size_t big = 3u << 20; /* 3 MiB of blanks: a few KiB deflated */
    char *sheet = malloc(big + 256);
    jh_xlsx_limits lim = {0};
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_error e;
    size_t n;
    const char *path;

    (void)state;
    assert_non_null(sheet);
    n = (size_t)snprintf(sheet, 256, "<worksheet %s><sheetData>", NS);
    memset(sheet + n, ' ', big);
    n += big;
    n += (size_t)snprintf(sheet + n, 256,
                          "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                          "</sheetData></worksheet>");
    {
        const entry ent[] = {
            {"_rels/.rels", root_rels, 0, false},
            {"xl/workbook.xml", workbook, 0, false},
            {"xl/_rels/workbook.xml.rels", workbook_rels, 0, false},
            {"xl/strings.xml", shared, 0, false},
            {"xl/worksheets/sheet1.xml", sheet_other, 0, false},
            {"xl/worksheets/sheet2.xml", sheet, n, false},
            {"xl/worksheets/sheet3.xml", sheet_hidden, 0, false},
        };
        path = make_zip("bomb.xlsx", ent, 7);
    }
    free(sheet);
    /* The file itself is small: the cap counts inflated bytes. */
    {
        size_t flen;
        free(slurp(path, &flen));
        assert_true(flen < 64 * 1024);
    }
    lim.max_entry_bytes = 1u << 20;
    assert_int_equal(jh_xlsx_open(&x, path, &lim, &e), JH_OK);
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_ERR_DATA);
    assert_non_null(strstr(e.message, "zip bomb"));
    assert_non_null(strstr(e.message, "sheet2.xml"));
    assert_non_null(strstr(e.message_zh, "sheet2.xml”解压后超过"));
    jh_xlsx_free(x);

    lim.max_entry_bytes = 0;
    lim.max_total_bytes = 2u << 20; /* across entries */
    assert_int_equal(jh_xlsx_open(&x, path, &lim, &e), JH_OK);
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_ERR_DATA);
    jh_xlsx_free(x);

    /* Under the default caps the same file reads. */
    assert_int_equal(jh_xlsx_open(&x, path, NULL, &e), JH_OK);
    assert_int_equal(jh_xlsx_read_sheet(x, 0, &t, &e), JH_OK);
    assert_string_equal(jh_table_cell(t, 0, 0), "1");
    jh_table_free(t);
    jh_xlsx_free(x);
}

/* Write a workbook whose data sheet is @p xml and try to read it. */
static jh_status
read_one(const char *file, const char *xml, const jh_xlsx_limits *lim,
         jh_error *e)
{
    const entry ent[] = {
        {"_rels/.rels", root_rels, 0, false},
        {"xl/workbook.xml", workbook, 0, false},
        {"xl/_rels/workbook.xml.rels", workbook_rels, 0, false},
        {"xl/strings.xml", shared, 0, false},
        {"xl/worksheets/sheet1.xml", sheet_other, 0, false},
        {"xl/worksheets/sheet2.xml", xml, 0, false},
        {"xl/worksheets/sheet3.xml", sheet_hidden, 0, false},
    };
    jh_xlsx *x = NULL;
    jh_table *t = NULL;
    jh_status st = jh_xlsx_open(&x, make_zip(file, ent, 7), lim, e);

    if (st == JH_OK)
        st = jh_xlsx_read_sheet(x, 0, &t, e);
    jh_table_free(t);
    jh_xlsx_free(x);
    return st;
}

/* No DOCTYPE, no entities, no external entities; bad XML names the
 * entry; rows, cells and cell length have limits. */
static void
hostile_xml_and_limits(void **state)
{
    jh_xlsx_limits lim = {0};
    jh_error e;

    (void)state;
    assert_int_equal(
        read_one("ent.xlsx",
                 "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                 "\"&a;&a;&a;&a;&a;\">]><worksheet " NS "><sheetData><row>"
                 "<c t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
                 "</sheetData></worksheet>",
                 NULL, &e),
        JH_ERR_PARSE);
    assert_non_null(strstr(e.message, "DOCTYPE"));
    assert_non_null(strstr(e.message_zh, "含有 DOCTYPE 声明"));
    assert_int_equal(
        read_one("ext.xlsx",
                 "<!DOCTYPE w SYSTEM \"file:///etc/passwd\"><worksheet " NS
                 "><sheetData/></worksheet>",
                 NULL, &e),
        JH_ERR_PARSE);
    assert_int_equal(read_one("badxml.xlsx",
                              "<worksheet " NS "><sheetData><row><c>", NULL,
                              &e),
                     JH_ERR_PARSE);
    assert_non_null(strstr(e.message, "sheet2.xml"));
    assert_non_null(strstr(e.message, "XML"));
    assert_non_null(strstr(e.message_zh, "不是格式正确的 XML"));

    lim.max_rows = 10;
    assert_int_equal(read_one("rows.xlsx",
                              "<worksheet " NS "><sheetData><row r=\"11\">"
                              "<c><v>1</v></c></row></sheetData></worksheet>",
                              &lim, &e),
                     JH_ERR_DATA);
    lim.max_rows = 0;
    lim.max_cell_bytes = 12; /* the shared strings fit, the cell not */
    assert_int_equal(read_one("long.xlsx",
                              "<worksheet " NS "><sheetData><row r=\"2\">"
                              "<c r=\"C2\"><v>1234567890123</v></c></row>"
                              "</sheetData></worksheet>",
                              &lim, &e),
                     JH_ERR_DATA);
    assert_string_equal(e.cell, "数据!C2");
    lim.max_cell_bytes = 0;
    lim.max_cells = 100; /* one value in XFD pads 16384 cells */
    assert_int_equal(read_one("wide.xlsx",
                              "<worksheet " NS "><sheetData><row r=\"1\">"
                              "<c r=\"XFD1\"><v>1</v></c></row></sheetData>"
                              "</worksheet>",
                              &lim, &e),
                     JH_ERR_DATA);
    assert_int_equal(read_one("dup.xlsx",
                              "<worksheet " NS "><sheetData><row r=\"1\">"
                              "<c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v>"
                              "</c></row></sheetData></worksheet>",
                              NULL, &e),
                     JH_ERR_PARSE);
    assert_string_equal(e.cell, "数据!A1");
}

static int
setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/jh-test-xlsx-XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells_of_every_kind),
        cmocka_unit_test(open_from_memory),
        cmocka_unit_test(no_shared_strings),
        cmocka_unit_test(broken_files),
        cmocka_unit_test(bomb_over_the_cap),
        cmocka_unit_test(hostile_xml_and_limits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
