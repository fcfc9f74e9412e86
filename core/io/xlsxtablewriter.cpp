#include "xlsxtablewriter.h"

#include <QCoreApplication>
#include <QFile>

#include <xlsxwriter.h>

bool XlsxTableWriter::write(const QString &path, const QString &sheetName,
                            const QStringList &header, const QList<QStringList> &rows,
                            QString *error) {
    const QByteArray name = QFile::encodeName(path);
    lxw_workbook *workbook = workbook_new(name.constData());
    if (!workbook) {
        *error = QCoreApplication::translate("XlsxTableWriter", "cannot create %1").arg(path);
        return false;
    }
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    QString sheetTitle = sheetName.left(31);
    for (const QChar c : QStringLiteral("[]:*?/\\"))
        sheetTitle.replace(c, QLatin1Char(' '));
    const QByteArray title = sheetTitle.toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, title.constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (qsizetype c = 0; c < header.size(); ++c) {
        const QByteArray text = header.at(c).toUtf8();
        worksheet_write_string(sheet, 0, lxw_col_t(c), text.constData(), bold);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), c == 0 ? 24 : 14, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            bool number = false;
            const double value = row.at(c).toDouble(&number);
            // The first column names the row: an offer or a campaign called "2026" stays text.
            if (number && c > 0) {
                worksheet_write_number(sheet, lxw_row_t(r + 1), lxw_col_t(c), value, nullptr);
            } else {
                const QByteArray text = row.at(c).toUtf8();
                worksheet_write_string(sheet, lxw_row_t(r + 1), lxw_col_t(c), text.constData(),
                                       nullptr);
            }
        }
    }
    const lxw_error e = workbook_close(workbook);
    if (e != LXW_NO_ERROR) {
        *error = QCoreApplication::translate("XlsxTableWriter", "cannot write %1: %2")
                     .arg(path, QString::fromUtf8(lxw_strerror(e)));
        return false;
    }
    return true;
}
