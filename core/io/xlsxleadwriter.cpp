#include "xlsxleadwriter.h"

#include <QCoreApplication>

#include "fastdeflate.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"

#include "../storage/prefetchedleadrows.h"
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QTimeZone>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include <xlsxwriter.h>

namespace {

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); the Unix epoch is day
// 25569.
double excelSerial(const QDateTime &when) {
    return 25569.0 + double(when.toMSecsSinceEpoch()) / 86400000.0;
}

// Days from 1970-01-01 to a civil date, proleptic Gregorian (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

char16_t code(QChar c) {
    return c.unicode();
}
char16_t code(char c) {
    return char16_t(uchar(c));
}
QString textOf(QStringView text) {
    return text.toString();
}
QString textOf(QByteArrayView utf8) {
    return QString::fromUtf8(utf8);
}

// A stored time as Excel counts it; nothing when unset. Stored times are written as
// "2025-03-01T09:30:00Z" and read here without QDateTime, which cost more than the rest of
// the row; anything else goes through the general parser. As text, or as the stored UTF-8.
template <class View> std::optional<double> excelSerial(View iso) {
    if (iso.isEmpty())
        return std::nullopt;
    auto digits = [iso](int at, int count, int *value) {
        int v = 0;
        for (int k = at; k < at + count; ++k) {
            const char16_t c = code(iso.at(k));
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + (c - u'0');
        }
        *value = v;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (iso.size() == 20 && code(iso.at(4)) == u'-' && code(iso.at(7)) == u'-' &&
        code(iso.at(10)) == u'T' && code(iso.at(13)) == u':' && code(iso.at(16)) == u':' &&
        code(iso.at(19)) == u'Z' && digits(0, 4, &y) && digits(5, 2, &mo) && digits(8, 2, &d) &&
        digits(11, 2, &h) && digits(14, 2, &mi) && digits(17, 2, &s) && mo >= 1 && mo <= 12 &&
        d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60)
        return 25569.0 + double(daysFromCivil(y, mo, d)) + (h * 3600 + mi * 60 + s) / 86400.0;
    const QDateTime when = LeadColumns::parseIsoUtc(textOf(iso));
    if (!when.isValid())
        return std::nullopt;
    return excelSerial(when);
}

// Wide enough for what a column usually holds, without scanning the rows first (the sheet is
// streamed, so the widths must be set before the data).
double widthFor(const QString &column, LeadColumns::Type type) {
    switch (type) {
    case LeadColumns::Type::Time:
        return 20;
    case LeadColumns::Type::Flag:
        return 10;
    case LeadColumns::Type::Integer:
    case LeadColumns::Type::Real:
        return column == QLatin1String("win_probability") ? 15 : 10;
    case LeadColumns::Type::Storefront:
        return 18;
    case LeadColumns::Type::Stage:
        return 13;
    case LeadColumns::Type::Text:
        break;
    }
    if (column == QLatin1String("email") || column == QLatin1String("offer_title") ||
        column == QLatin1String("company"))
        return 30;
    if (column == QLatin1String("description"))
        return 50;
    if (column == QLatin1String("offer_id") || column == QLatin1String("title"))
        return 28;
    if (column == QLatin1String("country") || column == QLatin1String("action"))
        return 9;
    return 16;
}

constexpr std::size_t rowBufferSize = 1 << 20;

} // namespace

struct XlsxLeadWriter::Private {
    QString path;
    QStringList columns;
    QList<LeadColumns::Type> types;
    QByteArray title;
    QByteArray tmpdir; // kept alive while the workbook may use it
    lxw_workbook *workbook = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *header = nullptr;
    lxw_format *date = nullptr;
    int sheets = 0;
    qint64 rowsInSheet = 0;
    // The sheets' row streams' buffers: they live until workbook_close() has closed them.
    std::vector<std::unique_ptr<char[]>> rowBuffers;
};

XlsxLeadWriter::XlsxLeadWriter(const QString &path, const QStringList &columns,
                               const QString &title)
    : d(std::make_unique<Private>()) {
    d->path = path;
    d->columns = columns;
    for (const QString &c : columns)
        d->types << LeadColumns::type(c);
    d->title = title.toUtf8();
}

XlsxLeadWriter::~XlsxLeadWriter() {
    // A writer dropped without close() still frees the workbook; the caller removes the file.
    if (d->workbook)
        workbook_close(d->workbook);
}

bool XlsxLeadWriter::open() {
    const QByteArray name = QFile::encodeName(d->path);
    // The rows wait in temporary files until the workbook is zipped: keep them beside the
    // target rather than in /tmp, which may be memory.
    d->tmpdir = QFile::encodeName(QFileInfo(d->path).absolutePath());
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = d->tmpdir.data();
    d->workbook = workbook_new_opt(name.constData(), &options);
    if (!d->workbook) {
        m_error = QCoreApplication::translate("XlsxLeadWriter", "cannot create the workbook %1")
                      .arg(d->path);
        return false;
    }
    static char author[] = "Leadbench";
    lxw_doc_properties properties = {};
    properties.title = d->title.data();
    properties.author = author;
    workbook_set_properties(d->workbook, &properties);
    d->header = workbook_add_format(d->workbook);
    format_set_bold(d->header);
    d->date = workbook_add_format(d->workbook);
    format_set_num_format(d->date, "yyyy-mm-dd hh:mm:ss");
    return addSheet();
}

bool XlsxLeadWriter::addSheet() {
    finishSheet();
    ++d->sheets;
    const QByteArray name = d->sheets == 1
                                ? QByteArrayLiteral("Leads")
                                : QByteArrayLiteral("Leads ") + QByteArray::number(d->sheets);
    d->sheet = workbook_add_worksheet(d->workbook, name.constData());
    if (!d->sheet) {
        m_error = QCoreApplication::translate("XlsxLeadWriter", "cannot add a worksheet");
        return false;
    }
    // The rows go to a temporary file through a stdio stream with a block-sized buffer: a
    // million rows are then hundreds of thousands of small writes. A buffer of a mebibyte, set
    // before the stream's first write, makes them a few hundred. (glibc ignores the size when
    // it is to allocate the buffer itself.)
    if (d->sheet->optimize_tmpfile) {
        d->rowBuffers.push_back(std::make_unique<char[]>(rowBufferSize));
        setvbuf(d->sheet->optimize_tmpfile, d->rowBuffers.back().get(), _IOFBF, rowBufferSize);
    }
    for (qsizetype c = 0; c < d->columns.size(); ++c) {
        worksheet_set_column(d->sheet, lxw_col_t(c), lxw_col_t(c),
                             widthFor(d->columns.at(c), d->types.at(c)), nullptr);
        const QByteArray text = d->columns.at(c).toUtf8();
        worksheet_write_string(d->sheet, 0, lxw_col_t(c), text.constData(), d->header);
    }
    worksheet_freeze_panes(d->sheet, 1, 0);
    d->rowsInSheet = 0;
    return true;
}

void XlsxLeadWriter::finishSheet() {
    // The autofilter covers the header and every data row of the sheet.
    if (d->sheet && !d->columns.isEmpty())
        worksheet_autofilter(d->sheet, 0, 0, lxw_row_t(d->rowsInSheet),
                             lxw_col_t(d->columns.size() - 1));
}

bool XlsxLeadWriter::startRow() {
    return d->rowsInSheet < m_rowsPerSheet || addSheet();
}

bool XlsxLeadWriter::write(const Lead &lead) {
    if (!startRow())
        return false;
    for (qsizetype c = 0; c < d->columns.size(); ++c)
        if (!writeCell(c, LeadColumns::value(lead, d->columns.at(c))))
            return false;
    ++d->rowsInSheet;
    return true;
}

bool XlsxLeadWriter::writeStored(const PrefetchedLeadRows &rows) {
    if (!startRow())
        return false;
    // The stored cells as they are: text straight from its UTF-8 (which ends with a NUL),
    // numbers as numbers, never a QVariant or UTF-16 between.
    const lxw_row_t row = lxw_row_t(d->rowsInSheet + 1);
    for (qsizetype c = 0; c < d->columns.size(); ++c) {
        const int at = int(c);
        const lxw_col_t col = lxw_col_t(c);
        lxw_error e = LXW_NO_ERROR;
        switch (d->types.at(c)) {
        case LeadColumns::Type::Integer:
        case LeadColumns::Type::Real:
            e = worksheet_write_number(d->sheet, row, col, rows.real(at), nullptr);
            break;
        case LeadColumns::Type::Flag:
            e = worksheet_write_boolean(d->sheet, row, col, rows.integer(at) != 0 ? 1 : 0, nullptr);
            break;
        case LeadColumns::Type::Time:
            if (const std::optional<double> serial = excelSerial(rows.utf8(at)))
                e = worksheet_write_number(d->sheet, row, col, *serial, d->date);
            break;
        default: {
            const QByteArrayView utf8 = rows.utf8(at);
            if (utf8.size() > 32767) { // may be over Excel's characters: cut as text
                if (!writeCell(c, QString::fromUtf8(utf8)))
                    return false;
            } else if (!utf8.isEmpty()) {
                e = worksheet_write_string(d->sheet, row, col, utf8.constData(), nullptr);
            }
        }
        }
        if (e != LXW_NO_ERROR) {
            m_error = QCoreApplication::translate("XlsxLeadWriter", "cannot write row %1: %2")
                          .arg(row)
                          .arg(QString::fromUtf8(lxw_strerror(e)));
            return false;
        }
    }
    ++d->rowsInSheet;
    return true;
}

bool XlsxLeadWriter::writeCell(qsizetype column, const QVariant &value) {
    const lxw_row_t row = lxw_row_t(d->rowsInSheet + 1);
    const lxw_col_t col = lxw_col_t(column);
    lxw_error e = LXW_NO_ERROR;
    switch (d->types.at(column)) {
    case LeadColumns::Type::Integer:
    case LeadColumns::Type::Real:
        e = worksheet_write_number(d->sheet, row, col, value.toDouble(), nullptr);
        break;
    case LeadColumns::Type::Flag:
        e = worksheet_write_boolean(d->sheet, row, col, value.toBool() ? 1 : 0, nullptr);
        break;
    case LeadColumns::Type::Time: {
        const QString text = value.toString();
        if (const std::optional<double> serial = excelSerial(QStringView(text))) // unset: empty
            e = worksheet_write_number(d->sheet, row, col, *serial, d->date);
        break;
    }
    default: {
        // Text is always a string cell, whatever it starts with: never a formula. Excel
        // holds at most 32,767 characters in a cell.
        const QString text = value.toString();
        if (text.isEmpty())
            break;
        const QByteArray utf8 = text.size() > 32767 ? text.left(32767).toUtf8() : text.toUtf8();
        e = worksheet_write_string(d->sheet, row, col, utf8.constData(), nullptr);
    }
    }
    if (e != LXW_NO_ERROR) {
        m_error = QCoreApplication::translate("XlsxLeadWriter", "cannot write row %1: %2")
                      .arg(row)
                      .arg(QString::fromUtf8(lxw_strerror(e)));
        return false;
    }
    return true;
}

bool XlsxLeadWriter::close() {
    if (!d->workbook)
        return m_error.isEmpty();
    finishSheet();
    const FastDeflate fast; // the zipping is most of a large export's time
    const lxw_error e = workbook_close(d->workbook);
    d->workbook = nullptr;
    if (e != LXW_NO_ERROR) {
        m_error = QCoreApplication::translate("XlsxLeadWriter", "cannot write %1: %2")
                      .arg(d->path, QString::fromUtf8(lxw_strerror(e)));
        return false;
    }
    return true;
}
