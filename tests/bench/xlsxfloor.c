/* The floor for an .xlsx export: the leads of a Leadbench SQLite database written by bare
 * libxlsxwriter in constant-memory mode, with the cells Leadbench writes (numbers, booleans,
 * date cells, strings, a bold header) and nothing else.
 * usage: xlsxfloor DATABASE OUT.xlsx */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

enum kind { TEXT, NUMBER, FLAG, TIME };

static const char *const names[] = {
    "id", "storefront", "action", "offer_id", "offer_title", "first_name", "last_name", "email",
    "phone", "country", "company", "title", "description", "created_at", "last_event_at",
    "events", "stage", "owner", "score", "grade", "win_probability", "next_follow_up_at",
    "follow_ups", "do_not_contact", "is_test", "campaign", "origin"};
static const enum kind kinds[] = {NUMBER, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
                                  TEXT,   TEXT, TEXT, TEXT, TIME, TIME, NUMBER, TEXT, TEXT,
                                  NUMBER, TEXT, NUMBER, TIME, NUMBER, FLAG, FLAG, TEXT, TEXT};
#define COLUMNS ((int)(sizeof names / sizeof *names))

/* "2026-03-01T10:20:30Z" as an Excel serial day (1900 system). */
static int serial(const char *iso, double *out) {
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3)
        return 0;
    /* days from 1970-01-01, then Excel's epoch offset */
    int a = (14 - mo) / 12, yy = y + 4800 - a, mm = mo + 12 * a - 3;
    long jdn = d + (153 * mm + 2) / 5 + 365L * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
    *out = (double)(jdn - 2440588) + 25569.0 + (h * 3600 + mi * 60 + s) / 86400.0;
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: xlsxfloor DATABASE OUT.xlsx\n");
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "xlsxfloor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    char sql[2048] = "SELECT ";
    for (int c = 0; c < COLUMNS; ++c) {
        strcat(sql, names[c]);
        strcat(sql, c + 1 < COLUMNS ? ", " : " FROM leads WHERE is_test = 0 ORDER BY id");
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        fprintf(stderr, "xlsxfloor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, NULL);
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd hh:mm:ss");
    for (int c = 0; c < COLUMNS; ++c)
        worksheet_write_string(sheet, 0, (lxw_col_t)c, names[c], bold);
    lxw_row_t row = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (++row > 1048575) { /* a sheet is full: go on in the next */
            sheet = workbook_add_worksheet(book, NULL);
            row = 1;
        }
        for (int c = 0; c < COLUMNS; ++c) {
            double value;
            const char *text = (const char *)sqlite3_column_text(q, c);
            switch (kinds[c]) {
            case NUMBER:
                worksheet_write_number(sheet, row, (lxw_col_t)c, sqlite3_column_double(q, c), NULL);
                break;
            case FLAG:
                worksheet_write_boolean(sheet, row, (lxw_col_t)c, sqlite3_column_int(q, c), NULL);
                break;
            case TIME:
                if (serial(text, &value))
                    worksheet_write_number(sheet, row, (lxw_col_t)c, value, date);
                break;
            case TEXT:
                if (text && *text)
                    worksheet_write_string(sheet, row, (lxw_col_t)c, text, NULL);
                break;
            }
        }
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
}
