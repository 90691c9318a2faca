/* junheng - the .xlsx package: zip entries streamed through expat, the
 * relationships and the workbook part that list the sheets. */
#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util.h"
#include "xlsx_internal.h"

/* Append @p n bytes; false when out of memory. */
bool
jh__sbuf_add(sbuf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap == 0 ? 64 : b->cap;
        char *ns;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        ns = realloc(b->s, ncap);
        if (ns == NULL)
            return false;
        b->s = ns;
        b->cap = ncap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

void
jh__sbuf_clear(sbuf *b)
{
    b->len = 0;
    if (b->s != NULL)
        b->s[0] = '\0';
}

/*
 * Record a failure from inside a handler and stop the parser.  Only the
 * first failure is kept.  The message goes to ctx->err with the file name.
 */
void
jh__xml_fail(xml_ctx *ctx, jh_status st, const char *cell, const char *fmt_zh,
             const char *fmt, ...)
{
    va_list ap;

    if (ctx->status != JH_OK)
        return;
    ctx->status = st;
    if (ctx->err != NULL) {
        va_start(ap, fmt);
        jh_error_vset2(ctx->err, st, ctx->x->path, 0, 0, fmt_zh, fmt, ap);
        va_end(ap);
        if (cell != NULL)
            snprintf(ctx->err->cell, sizeof(ctx->err->cell), "%s", cell);
    }
    XML_StopParser(ctx->parser, XML_FALSE);
}

/* "uri|local" (namespace-aware expat) → "local". */
const char *
jh__xml_local_name(const char *name)
{
    const char *bar = strrchr(name, '|');
    return bar != NULL ? bar + 1 : name;
}

/* Value of the attribute with local name @p name, or NULL. */
const char *
jh__xml_attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i] != NULL; i += 2) {
        if (strcmp(jh__xml_local_name(atts[i]), name) == 0)
            return atts[i + 1];
    }
    return NULL;
}

/* OOXML forbids DTDs: a DOCTYPE can only be an attack (entity expansion,
 * external entities), so the parse stops at once. */
static void XMLCALL
on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
           const XML_Char *pubid, int has_internal_subset)
{
    xml_ctx *ctx = data;
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    jh__xml_fail(
        ctx, JH_ERR_PARSE, NULL,
        "工作簿中的“%s”含有 DOCTYPE 声明（正常的工作簿没有），不予读取；"
        "请确认文件来源，或用 Excel 或 WPS 打开后另存为 .xlsx",
        "entry '%s' has a DOCTYPE declaration, which workbooks never have: "
        "refusing it",
        ctx->entry);
}

static void XMLCALL
on_entity_decl(void *data, const XML_Char *name, int is_parameter_entity,
               const XML_Char *value, int value_length, const XML_Char *base,
               const XML_Char *sysid, const XML_Char *pubid,
               const XML_Char *notation)
{
    xml_ctx *ctx = data;
    (void)name;
    (void)is_parameter_entity;
    (void)value;
    (void)value_length;
    (void)base;
    (void)sysid;
    (void)pubid;
    (void)notation;
    jh__xml_fail(ctx, JH_ERR_PARSE, NULL,
                 "工作簿中的“%s”声明了 XML 实体（正常的工作簿没有），不予读取；"
                 "请确认文件来源，或用 Excel 或 WPS 打开后另存为 .xlsx",
                 "entry '%s' declares an XML entity: refusing it", ctx->entry);
}

/*
 * A namespace-aware parser with entity declarations refused and parameter
 * entities never parsed; no external entity handler is installed, so no
 * external entity is ever loaded.  NULL when out of memory.
 */
XML_Parser
jh__xml_parser_new(xml_ctx *ctx, XML_StartElementHandler start,
                   XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreateNS(NULL, '|');

    if (p == NULL)
        return NULL;
    ctx->parser = p;
    XML_SetUserData(p, ctx);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity_decl);
    XML_SetElementHandler(p, start, end);
    if (text != NULL)
        XML_SetCharacterDataHandler(p, text);
    return p;
}

/*
 * Turn a libzip error code into a status and a message naming the file.
 * @p looks_zip says the file starts like a zip archive ("PK\3\4"): a
 * missing directory then means a truncated file, not a foreign one.
 */
jh_status
jh__zip_failure(const char *path, int code, bool looks_zip, jh_error *err)
{
    zip_error_t ze;
    jh_status st;

    switch (code) {
    case ZIP_ER_NOZIP:
        if (looks_zip)
            return jh_error_set2(
                err, JH_ERR_PARSE, path, 0, 0,
                "工作簿已损坏或不完整（缺少 zip 目录）；"
                "请重新复制或下载该文件，或用 Excel 或 WPS 打开后另存",
                "the workbook is damaged or truncated (its "
                "zip directory is missing)");
        return jh_error_set2(err, JH_ERR_PARSE, path, 0, 0,
                             "不是 .xlsx 工作簿：文件不是 zip 压缩包；"
                             "请用 Excel 或 WPS 打开后另存为 .xlsx",
                             "not an .xlsx workbook: the file is not a zip "
                             "archive");
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
        return jh_error_set2(
            err, JH_ERR_PARSE, path, 0, 0,
            "工作簿已损坏或不完整（zip 目录前后不一致）；"
            "请重新复制或下载该文件，或用 Excel 或 WPS 打开后另存",
            "the workbook is damaged or truncated (its zip "
            "directory is inconsistent)");
    case ZIP_ER_MEMORY:
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    case ZIP_ER_NOENT:
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        st = JH_ERR_IO;
        break;
    default:
        st = JH_ERR_PARSE;
        break;
    }
    zip_error_init_with_code(&ze, code);
    /* libzip's reason is English: the Chinese text gives its own. */
    jh_error_set2(err, st, path, 0, 0, "无法读取工作簿：%s%.0s",
                  "cannot read the workbook: %.0s%s",
                  st == JH_ERR_IO ? "读取文件出错；请确认文件完整、可以读取"
                                  : "zip 格式有误；"
                                    "请用 Excel 或 WPS 打开后另存为 .xlsx",
                  zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return st;
}

/*
 * Inflate zip entry @p name chunk by chunk into the parser of @p ctx,
 * counting uncompressed bytes against the entry and workbook limits as they
 * come out of zip_fread (never trusting the sizes in the entry headers).
 * Returns JH_ERR_NOTFOUND, without touching @p err, when the entry does not
 * exist; otherwise JH_OK or an error naming the file and the entry.
 */
jh_status
jh__xlsx_parse_entry(jh_xlsx *x, const char *name, xml_ctx *ctx, jh_error *err)
{
    enum { CHUNK = 65536 };
    zip_int64_t idx = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
    zip_file_t *zf;
    size_t entry_total = 0;
    enum XML_Status xs = XML_STATUS_OK;
    char *buf;

    if (idx < 0)
        return JH_ERR_NOTFOUND;
    buf = malloc(CHUNK);
    if (buf == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    if (zf == NULL) {
        free(buf);
        return jh_error_set2(
            err, JH_ERR_PARSE, x->path, 0, 0,
            "无法打开工作簿中的“%s”%.0s（已损坏，或用了不支持"
            "的压缩方式）；请用 Excel 或 WPS 打开后另存为 .xlsx",
            "cannot open entry '%s' of the workbook: %s", name,
            zip_strerror(x->zip));
    }
    ctx->x = x;
    ctx->entry = name;
    ctx->status = JH_OK;
    ctx->err = err;
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, CHUNK);
        if (n < 0) {
            jh_error_set2(
                err, JH_ERR_PARSE, x->path, 0, 0,
                "工作簿中的“%s”已损坏或不完整%.0s；"
                "请重新复制或下载该文件，或用 Excel 或 WPS 打开后另存",
                "entry '%s' of the workbook is damaged or "
                "truncated: %s",
                name, zip_file_strerror(zf));
            zip_fclose(zf);
            free(buf);
            return JH_ERR_PARSE;
        }
        entry_total += (size_t)n;
        x->total += (size_t)n;
        if (entry_total > x->lim.max_entry_bytes ||
            x->total > x->lim.max_total_bytes) {
            zip_fclose(zf);
            free(buf);
            return jh_error_set2(
                err, JH_ERR_DATA, x->path, 0, 0,
                "工作簿中的“%s”解压后超过 %zu "
                "字节，不予读取（可能是恶意构造的压缩包）；"
                "请确认文件来源，或把数据分成几个工作簿",
                "entry '%s' expands to more than %zu bytes: refusing it "
                "(a zip bomb?)",
                name,
                entry_total > x->lim.max_entry_bytes ? x->lim.max_entry_bytes
                                                     : x->lim.max_total_bytes);
        }
        xs = XML_Parse(ctx->parser, buf, (int)n, n == 0);
        if (xs != XML_STATUS_OK || n == 0)
            break;
    }
    zip_fclose(zf);
    free(buf);
    if (ctx->status != JH_OK)
        return ctx->status;
    if (xs != XML_STATUS_OK)
        return jh_error_set2(
            err, JH_ERR_PARSE, x->path, 0, 0,
            "工作簿中的“%s”不是格式正确的 XML（第 %lu 行%.0s）；"
            "工作簿已损坏，请用 Excel 或 WPS 打开后另存为 .xlsx",
            "entry '%s' is not well-formed XML: line %lu: %s", name,
            (unsigned long)XML_GetCurrentLineNumber(ctx->parser),
            XML_ErrorString(XML_GetErrorCode(ctx->parser)));
    return JH_OK;
}

/* ---- relationships ----------------------------------------------------- */

typedef struct rel {
    char *id, *type, *target;
    bool external;
} rel;

typedef struct rels_ctx {
    xml_ctx base;
    rel *items;
    size_t n, cap;
} rels_ctx;

/* Free the relationships and empty the list (safe to call twice). */
static void
rels_release(rels_ctx *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].id);
        free(r->items[i].type);
        free(r->items[i].target);
    }
    free(r->items);
    r->items = NULL;
    r->n = r->cap = 0;
}

static void XMLCALL
rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    rels_ctx *r = data;
    const char *id, *type, *target, *mode;
    rel *it;

    if (strcmp(jh__xml_local_name(name), "Relationship") != 0)
        return;
    id = jh__xml_attr(atts, "Id");
    type = jh__xml_attr(atts, "Type");
    target = jh__xml_attr(atts, "Target");
    mode = jh__xml_attr(atts, "TargetMode");
    if (id == NULL || type == NULL || target == NULL)
        return;
    if (r->n == r->cap) {
        size_t ncap = r->cap == 0 ? 16 : r->cap * 2;
        rel *ni = realloc(r->items, ncap * sizeof(*ni));
        if (ni == NULL) {
            jh__xml_fail(&r->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
            return;
        }
        r->items = ni;
        r->cap = ncap;
    }
    it = &r->items[r->n];
    it->id = jh__strdup(id);
    it->type = jh__strdup(type);
    it->target = jh__strdup(target);
    it->external = mode != NULL && strcmp(mode, "External") == 0;
    r->n++;
    if (it->id == NULL || it->type == NULL || it->target == NULL)
        jh__xml_fail(&r->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
}

static void XMLCALL
ignore_end(void *data, const XML_Char *name)
{
    (void)data;
    (void)name;
}

/* Read the relationships entry @p name; a missing entry gives none. */
static jh_status
read_rels(jh_xlsx *x, const char *name, rels_ctx *r, jh_error *err)
{
    jh_status st;

    memset(r, 0, sizeof(*r));
    if (jh__xml_parser_new(&r->base, rels_start, ignore_end, NULL) == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    st = jh__xlsx_parse_entry(x, name, &r->base, err);
    XML_ParserFree(r->base.parser);
    if (st == JH_ERR_NOTFOUND)
        st = JH_OK;
    if (st != JH_OK)
        rels_release(r);
    return st;
}

/* True when relationship type @p type ends with "/<suffix>" (transitional
 * and strict OOXML use different prefixes). */
static bool
type_is(const char *type, const char *suffix)
{
    size_t n = strlen(type), k = strlen(suffix);
    return n > k && type[n - k - 1] == '/' && strcmp(type + n - k, suffix) == 0;
}

/*
 * Resolve relationship target @p target against the folder @p base (with a
 * trailing slash, "" for the root) into a zip entry name: absolute targets
 * ("/xl/worksheets/sheet1.xml", as openpyxl writes them) start from the
 * package root; "." and ".." segments are resolved.  malloc'd, or NULL.
 */
static char *
resolve_target(const char *base, const char *target)
{
    char *joined, *out;
    size_t n = 0;

    if (target[0] == '/')
        joined = jh__strdup(target + 1);
    else
        joined = jh__asprintf("%s%s", base, target);
    if (joined == NULL)
        return NULL;
    out = malloc(strlen(joined) + 1);
    if (out == NULL) {
        free(joined);
        return NULL;
    }
    /* Walk the segments, keeping a stack of them in out. */
    for (char *seg = joined; *seg != '\0';) {
        char *slash = strchr(seg, '/');
        size_t len = slash != NULL ? (size_t)(slash - seg) : strlen(seg);

        if (len == 0 || (len == 1 && seg[0] == '.')) {
            /* skip */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* the slash before the dropped segment */
        } else {
            if (n > 0)
                out[n++] = '/';
            memcpy(out + n, seg, len);
            n += len;
        }
        seg += len;
        if (*seg == '/')
            seg++;
    }
    out[n] = '\0';
    free(joined);
    return out;
}

/* "xl/workbook.xml" → "xl/" (malloc'd); "workbook.xml" → "". */
static char *
folder_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    return strndup(part, slash != NULL ? (size_t)(slash - part) + 1 : 0);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" (malloc'd). */
static char *
rels_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    const char *file = slash != NULL ? slash + 1 : part;
    int dir = slash != NULL ? (int)(slash - part) + 1 : 0;
    return jh__asprintf("%.*s_rels/%s.rels", dir, part, file);
}

/* ---- workbook.xml ------------------------------------------------------ */

typedef struct wb_sheet {
    char *name, *rid;
    bool hidden;
} wb_sheet;

typedef struct wb_ctx {
    xml_ctx base;
    wb_sheet *items;
    size_t n, cap;
} wb_ctx;

static void XMLCALL
wb_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    wb_ctx *w = data;
    const char *sname, *rid, *state;
    wb_sheet *it;

    if (strcmp(jh__xml_local_name(name), "sheet") != 0)
        return;
    sname = jh__xml_attr(atts, "name");
    rid = jh__xml_attr(atts, "id"); /* r:id */
    state = jh__xml_attr(atts, "state");
    if (sname == NULL || rid == NULL) {
        jh__xml_fail(
            &w->base, JH_ERR_PARSE, NULL,
            "工作簿中的“%s”列出了一个没有名称或关系编号的工作表，工作簿已损坏；"
            "请用 Excel 或 WPS 打开后另存为 .xlsx",
            "entry '%s' lists a sheet without a name or relationship id",
            w->base.entry);
        return;
    }
    if (w->n == w->cap) {
        size_t ncap = w->cap == 0 ? 8 : w->cap * 2;
        wb_sheet *ni = realloc(w->items, ncap * sizeof(*ni));
        if (ni == NULL) {
            jh__xml_fail(&w->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
            return;
        }
        w->items = ni;
        w->cap = ncap;
    }
    it = &w->items[w->n++];
    it->name = jh__strdup(sname);
    it->rid = jh__strdup(rid);
    it->hidden = state != NULL && strcmp(state, "visible") != 0;
    if (it->name == NULL || it->rid == NULL)
        jh__xml_fail(&w->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
}

/*
 * Read the package: _rels/.rels names the workbook part, whose sheets are
 * resolved through its own relationships; the shared strings part is
 * found the same way (it may not exist).
 */
static int
cmp_entry_name(const void *a, const void *b)
{
    return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * A zip may hold two entries of one name, and programs disagree on which
 * counts (LibreOffice reads the last, libzip's lookup finds the first):
 * refuse such a workbook as damaged.  Part names are compared without
 * case, as OPC names are (and as junheng looks them up).
 */
static jh_status
check_unique_entries(jh_xlsx *x, jh_error *err)
{
    zip_int64_t n = zip_get_num_entries(x->zip, 0);
    const char **names;
    jh_status st = JH_OK;
    size_t k = 0;

    if (n <= 1)
        return JH_OK;
    names = malloc((size_t)n * sizeof(*names));
    if (names == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name =
            zip_get_name(x->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (name != NULL)
            names[k++] = name;
    }
    qsort(names, k, sizeof(*names), cmp_entry_name);
    for (size_t i = 1; i < k; i++) {
        if (strcasecmp(names[i - 1], names[i]) == 0) {
            st = jh_error_set2(
                err, JH_ERR_PARSE, x->path, 0, 0,
                "工作簿已损坏：zip "
                "压缩包中“%.200s”出现了两次（不同程序会读到不同的内容）；"
                "请用电子表格程序打开后重新保存",
                "the workbook is damaged: its zip holds the "
                "entry '%.200s' twice (programs read different "
                "copies): open it in a spreadsheet program "
                "and save it again",
                names[i]);
            break;
        }
    }
    free(names);
    return st;
}

/*
 * Add the sheets the workbook part lists (@p wb) to x->sheets, each with
 * its part resolved through the workbook's relationships @p wbrels (read
 * from @p wb_rels, parts relative to @p wb_dir).  Takes each sheet's name
 * from @p wb.  Returns JH_OK, JH_ERR_PARSE or JH_ERR_NOMEM, @p err filled.
 */
static jh_status
add_sheets(jh_xlsx *x, wb_ctx *wb, const rels_ctx *wbrels, const char *wb_dir,
           const char *wb_rels, jh_error *err)
{
    for (size_t i = 0; i < wb->n; i++) {
        const rel *r = NULL;
        for (size_t k = 0; k < wbrels->n; k++) {
            if (strcmp(wbrels->items[k].id, wb->items[i].rid) == 0)
                r = &wbrels->items[k];
        }
        if (r == NULL || r->external) {
            return jh_error_set2(
                err, JH_ERR_PARSE, x->path, 0, 0,
                "工作表“%s”引用的关系“%s”在“%s”中不存在，工作簿已损坏；"
                "请用 Excel 或 WPS 打开后另存为 .xlsx",
                "sheet '%s' refers to relationship '%s', "
                "which '%s' does not have",
                wb->items[i].name, wb->items[i].rid, wb_rels);
        }
        x->sheets[x->nsheets].name = wb->items[i].name;
        x->sheets[x->nsheets].hidden = wb->items[i].hidden;
        wb->items[i].name = NULL;
        x->sheets[x->nsheets].part = resolve_target(wb_dir, r->target);
        x->nsheets++;
        if (x->sheets[x->nsheets - 1].part == NULL)
            return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                                 "out of memory");
    }
    return JH_OK;
}

jh_status
jh__xlsx_read_package(jh_xlsx *x, jh_error *err)
{
    rels_ctx root, wbrels;
    wb_ctx wb;
    char *wb_part = NULL, *wb_dir = NULL, *wb_rels = NULL;
    jh_status st;

    memset(&wb, 0, sizeof(wb));
    memset(&wbrels, 0, sizeof(wbrels));
    st = check_unique_entries(x, err);
    if (st != JH_OK)
        return st;
    st = read_rels(x, "_rels/.rels", &root, err);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < root.n && wb_part == NULL; i++) {
        if (type_is(root.items[i].type, "officeDocument") &&
            !root.items[i].external) {
            wb_part = resolve_target("", root.items[i].target);
            if (wb_part == NULL)
                st = JH_ERR_NOMEM;
        }
    }
    rels_release(&root);
    if (st == JH_OK && wb_part == NULL) {
        wb_part = jh__strdup("xl/workbook.xml");
        if (wb_part == NULL)
            st = JH_ERR_NOMEM;
    }
    if (st == JH_OK) {
        wb_dir = folder_of(wb_part);
        wb_rels = rels_of(wb_part);
        if (wb_dir == NULL || wb_rels == NULL)
            st = JH_ERR_NOMEM;
    }
    if (st == JH_ERR_NOMEM) {
        st = jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }

    if (jh__xml_parser_new(&wb.base, wb_start, ignore_end, NULL) == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    st = jh__xlsx_parse_entry(x, wb_part, &wb.base, err);
    XML_ParserFree(wb.base.parser);
    if (st == JH_ERR_NOTFOUND)
        st = jh_error_set2(err, JH_ERR_PARSE, x->path, 0, 0,
                           "不是 .xlsx 工作簿：zip 压缩包中没有“%s”；"
                           "请用 Excel 或 WPS 打开后另存为 .xlsx",
                           "not an .xlsx workbook: the zip archive has no "
                           "'%s'",
                           wb_part);
    if (st != JH_OK)
        goto done;
    st = read_rels(x, wb_rels, &wbrels, err);
    if (st != JH_OK)
        goto done;

    x->sheets = calloc(wb.n + 1, sizeof(*x->sheets));
    if (x->sheets == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    st = add_sheets(x, &wb, &wbrels, wb_dir, wb_rels, err);
    if (st != JH_OK)
        goto done;
    for (size_t k = 0; k < wbrels.n; k++) {
        if (type_is(wbrels.items[k].type, "sharedStrings") &&
            !wbrels.items[k].external) {
            x->sst_part = resolve_target(wb_dir, wbrels.items[k].target);
            if (x->sst_part == NULL)
                st = jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                                   "out of memory");
            break;
        }
    }

done:
    for (size_t i = 0; i < wb.n; i++) {
        free(wb.items[i].name);
        free(wb.items[i].rid);
    }
    free(wb.items);
    rels_release(&wbrels);
    free(wb_part);
    free(wb_dir);
    free(wb_rels);
    return st;
}
