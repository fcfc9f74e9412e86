"""The leads of a Leadbench SQLite database written by Debian's python3-xlsxwriter in
constant-memory mode, with the cells xlsxfloor.c writes: what a script a user might write instead
of Leadbench's export would do.
usage: /usr/bin/python3 xlsxwriterfloor.py DATABASE OUT.xlsx"""
import sqlite3
import sys
from datetime import datetime

import xlsxwriter

COLUMNS = [("id", "n"), ("storefront", "t"), ("action", "t"), ("offer_id", "t"),
           ("offer_title", "t"), ("first_name", "t"), ("last_name", "t"), ("email", "t"),
           ("phone", "t"), ("country", "t"), ("company", "t"), ("title", "t"),
           ("description", "t"), ("created_at", "d"), ("last_event_at", "d"), ("events", "n"),
           ("stage", "t"), ("owner", "t"), ("score", "n"), ("grade", "t"),
           ("win_probability", "n"), ("next_follow_up_at", "d"), ("follow_ups", "n"),
           ("do_not_contact", "b"), ("is_test", "b"), ("campaign", "t"), ("origin", "t")]


def main(database, out):
    con = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for c, (name, _) in enumerate(COLUMNS):
        sheet.write_string(0, c, name, bold)
    sql = "SELECT %s FROM leads WHERE is_test = 0 ORDER BY id" % ", ".join(n for n, _ in COLUMNS)
    row = 0
    for values in con.execute(sql):
        row += 1
        if row > 1048575:
            sheet = book.add_worksheet()
            row = 1
        for c, (_, kind) in enumerate(COLUMNS):
            v = values[c]
            if kind == "n":
                sheet.write_number(row, c, v or 0)
            elif kind == "b":
                sheet.write_boolean(row, c, bool(v))
            elif kind == "d":
                if v:
                    sheet.write_datetime(row, c, datetime.strptime(v, "%Y-%m-%dT%H:%M:%SZ"), date)
            elif v:
                sheet.write_string(row, c, v)
    book.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: xlsxwriterfloor.py DATABASE OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
