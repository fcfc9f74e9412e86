#include "xlsxreader.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QTime>
#include <QXmlStreamReader>

#include <unzip.h>

#include <cmath>

namespace {

constexpr int maxColumns = 16384; // XFD, the last column Excel has
const QString workbookPart = QStringLiteral("xl/workbook.xml");
const QString workbookRelsPart = QStringLiteral("xl/_rels/workbook.xml.rels");

// How a number cell reads: its cell format decides whether Excel shows it as a date.
enum class NumberKind : quint8 { Plain, Date, DateTime };

// Excel numbers its columns A..Z, AA..ZZ, AAA..XFD.
QString columnName(int column) {
    QString name;
    for (; column > 0; column = (column - 1) / 26)
        name.prepend(QChar(u'A' + (column - 1) % 26));
    return name;
}

// The 1-based column of a cell reference such as "C5"; 0 when it names none.
int columnOf(QStringView reference) {
    int column = 0;
    for (const QChar c : reference) {
        if (c.isDigit())
            break;
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z' || column > maxColumns)
            return 0;
        column = column * 26 + (u - u'A' + 1);
    }
    return column <= maxColumns ? column : 0;
}

// The built-in formats Excel shows as dates or times. 27-36 and 50-58 are the East Asian
// locales' built-in dates and times.
NumberKind builtInKind(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return NumberKind::Date;
    if ((id >= 18 && id <= 22) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return NumberKind::DateTime;
    return NumberKind::Plain;
}

// A custom format is a date when it has day, month or year codes, and a time as well when it
// has hours or seconds; quoted text, escaped characters and [colour] or [$-409] sections are
// not codes, but [h]/[mm]/[ss] elapsed times are.
NumberKind customKind(const QString &code) {
    bool date = false;
    bool time = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i).toLower();
        if (c == u'"') {
            i = code.indexOf(u'"', i + 1);
            if (i < 0)
                break;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i + 1);
            if (end < 0)
                break;
            const QString inside = code.mid(i + 1, end - i - 1).toLower();
            if (!inside.isEmpty() && inside.count(inside.at(0)) == inside.size() &&
                QStringLiteral("hms").contains(inside.at(0)))
                time = true;
            i = end;
        } else if (c == u'h' || c == u's') {
            time = true;
        } else if (c == u'd' || c == u'm' || c == u'y') {
            date = true;
        }
    }
    return time ? NumberKind::DateTime : date ? NumberKind::Date : NumberKind::Plain;
}

// The shortest text that reads back as the same number; whole numbers without ".0", so that
// a phone number stored as a number stays its digits.
QString numberText(double v) {
    if (v == std::trunc(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// A date serial as ISO 8601, the time in UTC (Excel has no time zones). In the 1900 system
// serial 60 is 1900-02-29, a day Lotus invented and Excel kept; it is given as Excel shows it.
QString serialText(double serial, bool date1904, NumberKind kind) {
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) // beyond 9999-12-31
        return numberText(serial);
    qint64 day = qint64(std::floor(serial));
    qint64 ms = std::llround((serial - double(day)) * 86400000.0);
    if (ms >= 86400000) {
        ++day;
        ms -= 86400000;
    }
    QString date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(day).toString(Qt::ISODate);
    else if (day == 60)
        date = QStringLiteral("1900-02-29");
    else
        date = (day < 60 ? QDate(1899, 12, 31) : QDate(1899, 12, 30))
                   .addDays(day)
                   .toString(Qt::ISODate);
    if (kind == NumberKind::Date && ms == 0)
        return date;
    const QTime time = QTime::fromMSecsSinceStartOfDay(int(ms));
    return date + u'T' +
           time.toString(ms % 1000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss")) +
           u'Z';
}

// Cell text escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_).
QString unescapeText(const QString &text) {
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool ok = false;
        if (text.at(i) == u'_' && i + 6 < text.size() && text.at(i + 1) == u'x' &&
            text.at(i + 6) == u'_') {
            const ushort code = QStringView(text).mid(i + 2, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 6;
            }
        }
        if (!ok)
            out += text.at(i);
    }
    return out;
}

// The text of a string item: plain <t>, or rich-text runs <r><t> joined; the phonetic
// guides (<rPh>) of Japanese text are not part of it.
QString runsText(QXmlStreamReader &xml) {
    QString text;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"t")
            text += xml.readElementText();
        else if (xml.name() == u"r")
            text += runsText(xml);
        else
            xml.skipCurrentElement();
    }
    return text;
}

QString attribute(const QXmlStreamReader &xml, QLatin1String name) {
    return xml.attributes().value(name).toString();
}

// A relationship's target, relative to the workbook's folder unless absolute.
QString partName(const QString &target) {
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(QStringLiteral("xl/") + target);
}

// The archive's current entry, uncompressed as it is read: the sheet's XML is parsed from it
// without ever being whole in memory.
class ZipEntry : public QIODevice {
public:
    ~ZipEntry() override { close(); }
    void setArchive(unzFile zip) { m_zip = zip; }
    // Makes the entry current and opens it; false when the archive has no such entry.
    bool openEntry(const QString &name) {
        const QByteArray utf8 = name.toUtf8();
        m_error = UNZ_OK;
        if (!m_zip || unzLocateFile(m_zip, utf8.constData(), 2 /* any case */) != UNZ_OK ||
            unzOpenCurrentFile(m_zip) != UNZ_OK)
            return false;
        unz_file_info64 info = {};
        unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0);
        m_size = qint64(info.uncompressed_size);
        return open(QIODevice::ReadOnly);
    }
    void close() override {
        if (isOpen())
            unzCloseCurrentFile(m_zip);
        QIODevice::close();
    }
    bool isSequential() const override { return true; }
    qint64 uncompressedSize() const { return m_size; }
    // How much of the entry has been uncompressed (pos() stays 0 on a sequential device).
    qint64 uncompressed() const { return m_zip && isOpen() ? qint64(unztell64(m_zip)) : 0; }
    int zipError() const { return m_error; } // why the data could not be uncompressed

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        const int n = unzReadCurrentFile(m_zip, data, unsigned(qMin<qint64>(maxSize, 1 << 20)));
        if (n < 0) {
            m_error = n;
            return -1;
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    unzFile m_zip = nullptr;
    qint64 m_size = 0;
    int m_error = UNZ_OK;
};

} // namespace

struct XlsxReader::Private {
    unzFile zip = nullptr;
    ZipEntry sheetFile;
    QXmlStreamReader xml;
    QString sheetPart;
    qint64 sheetSize = 0;
    qint64 fileSize = 0;
    QStringList sheetNames;
    QStringList sheetParts; // beside sheetNames; empty when the relationship is missing
    QString sharedStringsPart;
    QString stylesPart;
    QStringList sharedStrings;
    QList<NumberKind> cellFormats; // by the cell's style index s
    bool date1904 = false;
    bool opened = false;
    bool started = false;
    bool finished = false;
    qsizetype width = -1; // the header's, once read
    qint64 lastRow = 0;
};

XlsxReader::XlsxReader(const QString &path)
    : d(std::make_unique<Private>())
    , m_path(path) {}

XlsxReader::~XlsxReader() {
    d->sheetFile.close();
    if (d->zip)
        unzClose(d->zip);
}

void XlsxReader::fail(const QString &why) {
    if (m_unreadable.isEmpty())
        m_unreadable = why;
    m_fields.clear();
    m_error.clear();
    d->finished = true;
}

QStringList XlsxReader::sheetNames() {
    return openWorkbook() ? d->sheetNames : QStringList();
}

qint64 XlsxReader::bytesRead() const {
    if (d->finished)
        return d->fileSize;
    if (!d->sheetFile.isOpen() || d->sheetSize <= 0)
        return 0;
    return qint64(double(d->fileSize) * double(d->sheetFile.uncompressed()) / double(d->sheetSize));
}

namespace {

QString damaged(const QString &part, const QXmlStreamReader &xml) {
    return QStringLiteral("is damaged: %1, line %2: %3")
        .arg(part)
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

} // namespace

bool XlsxReader::openWorkbook() {
    if (d->opened)
        return m_unreadable.isEmpty();
    d->opened = true;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot be opened: %1").arg(file.errorString()));
        return false;
    }
    d->fileSize = file.size();
    const QByteArray head = file.read(4);
    file.close();
    if (head.isEmpty()) {
        fail(QStringLiteral("is empty, not an Excel workbook"));
        return false;
    }
    if (head == QByteArray("\xD0\xCF\x11\xE0")) {
        fail(QStringLiteral("is an Excel 97-2003 workbook (.xls); save it from Excel as .xlsx"));
        return false;
    }
    if (head != QByteArray("PK\x03\x04") && head != QByteArray("PK\x05\x06")) {
        fail(QStringLiteral("is not an Excel workbook (.xlsx): it is no ZIP archive"));
        return false;
    }
    d->zip = unzOpen64(QFile::encodeName(m_path).constData());
    if (!d->zip) {
        fail(QStringLiteral("is damaged: its ZIP archive cannot be read"));
        return false;
    }

    ZipEntry part;
    part.setArchive(d->zip);
    if (!part.openEntry(workbookPart)) {
        fail(QStringLiteral("is a ZIP archive but no Excel workbook: it has no %1")
                 .arg(workbookPart));
        return false;
    }
    QStringList relationIds;
    QXmlStreamReader xml(&part);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"workbookPr") {
            const QString v = attribute(xml, QLatin1String("date1904"));
            d->date1904 = v == u"1" || v == u"true";
        } else if (xml.name() == u"sheet") {
            d->sheetNames << attribute(xml, QLatin1String("name"));
            // r:id, whatever the prefix: strict OOXML uses another namespace than Excel.
            QString id;
            for (const QXmlStreamAttribute &a : xml.attributes())
                if (a.name() == u"id" && !a.namespaceUri().isEmpty())
                    id = a.value().toString();
            relationIds << id;
        }
    }
    if (xml.hasError()) {
        fail(damaged(workbookPart, xml));
        return false;
    }
    part.close();

    QHash<QString, QString> targets;
    if (part.openEntry(workbookRelsPart)) {
        xml.setDevice(&part);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship" ||
                attribute(xml, QLatin1String("TargetMode")) == u"External")
                continue;
            const QString target = partName(attribute(xml, QLatin1String("Target")));
            const QString type = attribute(xml, QLatin1String("Type"));
            targets.insert(attribute(xml, QLatin1String("Id")), target);
            if (type.endsWith(QLatin1String("/sharedStrings")))
                d->sharedStringsPart = target;
            else if (type.endsWith(QLatin1String("/styles")))
                d->stylesPart = target;
        }
        if (xml.hasError()) {
            fail(damaged(workbookRelsPart, xml));
            return false;
        }
        part.close();
    }
    for (const QString &id : std::as_const(relationIds))
        d->sheetParts << targets.value(id);
    return true;
}

bool XlsxReader::startSheet() {
    if (!openWorkbook())
        return false;
    if (d->sheetNames.isEmpty()) {
        fail(QStringLiteral("has no sheets"));
        return false;
    }
    qsizetype index = 0;
    if (!m_sheet.isEmpty()) {
        // Excel's sheet names are unique regardless of case.
        index = d->sheetNames.indexOf(m_sheet);
        for (qsizetype i = 0; index < 0 && i < d->sheetNames.size(); ++i)
            if (d->sheetNames.at(i).compare(m_sheet, Qt::CaseInsensitive) == 0)
                index = i;
        if (index < 0) {
            fail(QStringLiteral("has no sheet named \"%1\"; its sheets are %2")
                     .arg(m_sheet, d->sheetNames.join(QLatin1String(", "))));
            return false;
        }
    }
    const QString sheetName = d->sheetNames.at(index);
    d->sheetPart = d->sheetParts.value(index);
    if (d->sheetPart.isEmpty()) {
        fail(QStringLiteral("is damaged: %1 does not say where the sheet \"%2\" is")
                 .arg(workbookRelsPart, sheetName));
        return false;
    }

    ZipEntry part;
    part.setArchive(d->zip);
    QXmlStreamReader xml;
    const QString strings = d->sharedStringsPart.isEmpty() ? QStringLiteral("xl/sharedStrings.xml")
                                                           : d->sharedStringsPart;
    if (part.openEntry(strings)) {
        xml.setDevice(&part);
        if (xml.readNextStartElement() && xml.name() == u"sst") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"si")
                    d->sharedStrings << unescapeText(runsText(xml));
                else
                    xml.skipCurrentElement();
            }
        }
        if (xml.hasError()) {
            fail(damaged(strings, xml));
            return false;
        }
        part.close();
    }

    const QString styles =
        d->stylesPart.isEmpty() ? QStringLiteral("xl/styles.xml") : d->stylesPart;
    if (part.openEntry(styles)) {
        xml.setDevice(&part);
        QHash<int, NumberKind> custom;
        bool inCellFormats = false;
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs")
                inCellFormats = false;
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"cellXfs") {
                inCellFormats = true;
            } else if (xml.name() == u"numFmt") {
                custom.insert(attribute(xml, QLatin1String("numFmtId")).toInt(),
                              customKind(attribute(xml, QLatin1String("formatCode"))));
            } else if (xml.name() == u"xf" && inCellFormats) {
                const int id = attribute(xml, QLatin1String("numFmtId")).toInt();
                d->cellFormats << custom.value(id, builtInKind(id));
            }
        }
        if (xml.hasError()) {
            fail(damaged(styles, xml));
            return false;
        }
        part.close();
    }

    d->sheetFile.setArchive(d->zip);
    if (!d->sheetFile.openEntry(d->sheetPart)) {
        fail(QStringLiteral("is damaged: the sheet \"%1\" (%2) is missing")
                 .arg(sheetName, d->sheetPart));
        return false;
    }
    d->sheetSize = d->sheetFile.uncompressedSize();
    d->xml.setDevice(&d->sheetFile);
    return true;
}

QString XlsxReader::cellText(const QString &type, const QString &style, const QString &value,
                             const QString &cell) {
    auto refuse = [&](const QString &why) {
        if (m_error.isEmpty())
            m_error = why;
        return QString();
    };
    if (type == u"s") {
        bool ok = false;
        const qsizetype i = value.toLongLong(&ok);
        if (!ok || i < 0 || i >= d->sharedStrings.size())
            return refuse(QStringLiteral("cell %1 refers to shared string %2; the workbook has %3")
                              .arg(cell, value)
                              .arg(d->sharedStrings.size()));
        return d->sharedStrings.at(i);
    }
    if (type == u"b")
        return value == u"1"   ? QStringLiteral("true")
               : value == u"0" ? QStringLiteral("false")
                               : value;
    // A formula's cached result, an error such as #N/A, a date already in ISO 8601.
    if (type == u"str" || type == u"e" || type == u"d")
        return unescapeText(value);
    if (value.isEmpty())
        return {};
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok)
        return refuse(QStringLiteral("cell %1 holds \"%2\", which is no number").arg(cell, value));
    const NumberKind kind = d->cellFormats.value(style.toInt(), NumberKind::Plain);
    return kind == NumberKind::Plain ? numberText(number) : serialText(number, d->date1904, kind);
}

bool XlsxReader::readRow() {
    QXmlStreamReader &xml = d->xml;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"row")
            break;
    }
    if (xml.atEnd() || xml.hasError())
        return false;
    bool ok = false;
    const qint64 row = attribute(xml, QLatin1String("r")).toLongLong(&ok);
    m_line = d->lastRow = ok ? row : d->lastRow + 1;
    int column = 0;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"c") {
            xml.skipCurrentElement();
            continue;
        }
        const QString reference = attribute(xml, QLatin1String("r"));
        const QString type = attribute(xml, QLatin1String("t"));
        const QString style = attribute(xml, QLatin1String("s"));
        column = reference.isEmpty() ? column + 1 : columnOf(reference);
        if (column < 1 || column > maxColumns) {
            if (m_error.isEmpty())
                m_error =
                    QStringLiteral("has a cell \"%1\" that is no cell of a sheet").arg(reference);
            xml.skipCurrentElement();
            continue;
        }
        QString value;
        QString text;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"v")
                value = xml.readElementText();
            else if (xml.name() == u"is")
                text = unescapeText(runsText(xml));
            else
                xml.skipCurrentElement(); // the formula <f>: only its cached result counts
        }
        if (type != u"inlineStr") {
            const QString cell =
                reference.isEmpty() ? columnName(column) + QString::number(m_line) : reference;
            text = cellText(type, style, value, cell);
        }
        if (text.isEmpty())
            continue; // a formatted cell without a value: Excel writes those too
        while (m_fields.size() < column)
            m_fields << QString();
        m_fields[column - 1] = text;
    }
    return !xml.hasError();
}

bool XlsxReader::next() {
    m_fields.clear();
    m_error.clear();
    if (!d->started) {
        d->started = true;
        if (!startSheet())
            return false;
    }
    if (d->finished)
        return false;
    do {
        if (!readRow()) {
            if (d->xml.hasError())
                fail(d->sheetFile.zipError() != UNZ_OK
                         ? QStringLiteral("is damaged: %1 cannot be uncompressed (error %2)")
                               .arg(d->sheetPart)
                               .arg(d->sheetFile.zipError())
                         : damaged(d->sheetPart, d->xml));
            d->finished = true;
            m_fields.clear();
            m_error.clear();
            return false;
        }
    } while (m_fields.isEmpty() && m_error.isEmpty());
    if (d->width < 0) {
        d->width = m_fields.size();
        return true;
    }
    if (m_fields.size() > d->width && m_error.isEmpty()) {
        qsizetype beyond = d->width;
        while (m_fields.at(beyond).isEmpty())
            ++beyond;
        m_error = QStringLiteral("has a value in column %1, beyond the header's %2 %3")
                      .arg(columnName(int(beyond) + 1))
                      .arg(d->width)
                      .arg(d->width == 1 ? QStringLiteral("column") : QStringLiteral("columns"));
    }
    while (m_fields.size() < d->width)
        m_fields << QString();
    return true;
}
