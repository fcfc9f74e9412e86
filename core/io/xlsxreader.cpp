#include "xlsxreader.h"

#include "xlsxnumberformat.h"
#include "zipentry.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QTime>
#include <QXmlStreamReader>

#include <unzip.h>

#include <cmath>

using namespace XlsxNumberFormat;

namespace {

constexpr int maxColumns = 16384; // XFD, the last column Excel has
const QString workbookPart = QStringLiteral("xl/workbook.xml");
const QString workbookRelsPart = QStringLiteral("xl/_rels/workbook.xml.rels");

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
    return QCoreApplication::translate("XlsxReader", "is damaged: %1, line %2: %3")
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
        fail(QCoreApplication::translate("XlsxReader", "cannot be opened: %1")
                 .arg(file.errorString()));
        return false;
    }
    d->fileSize = file.size();
    const QByteArray head = file.read(4);
    file.close();
    if (head.isEmpty()) {
        fail(QCoreApplication::translate("XlsxReader", "is empty, not an Excel workbook"));
        return false;
    }
    if (head == QByteArray("\xD0\xCF\x11\xE0")) {
        fail(QCoreApplication::translate(
            "XlsxReader", "is an Excel 97-2003 workbook (.xls); save it from Excel as .xlsx"));
        return false;
    }
    if (head != QByteArray("PK\x03\x04") && head != QByteArray("PK\x05\x06")) {
        fail(QCoreApplication::translate("XlsxReader",
                                         "is not an Excel workbook (.xlsx): it is no ZIP archive"));
        return false;
    }
    d->zip = unzOpen64(QFile::encodeName(m_path).constData());
    if (!d->zip) {
        fail(QCoreApplication::translate("XlsxReader",
                                         "is damaged: its ZIP archive cannot be read"));
        return false;
    }

    ZipEntry part;
    part.setArchive(d->zip);
    if (!part.openEntry(workbookPart)) {
        fail(QCoreApplication::translate("XlsxReader",
                                         "is a ZIP archive but no Excel workbook: it has no %1")
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
        fail(QCoreApplication::translate("XlsxReader", "has no sheets"));
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
            fail(QCoreApplication::translate("XlsxReader",
                                             "has no sheet named \"%1\"; its sheets are %2")
                     .arg(m_sheet, d->sheetNames.join(QLatin1String(", "))));
            return false;
        }
    }
    const QString sheetName = d->sheetNames.at(index);
    d->sheetPart = d->sheetParts.value(index);
    if (d->sheetPart.isEmpty()) {
        fail(QCoreApplication::translate("XlsxReader",
                                         "is damaged: %1 does not say where the sheet \"%2\" is")
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
        fail(QCoreApplication::translate("XlsxReader",
                                         "is damaged: the sheet \"%1\" (%2) is missing")
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
            return refuse(
                QCoreApplication::translate(
                    "XlsxReader", "cell %1 refers to shared string %2; the workbook has %3")
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
        return refuse(
            QCoreApplication::translate("XlsxReader", "cell %1 holds \"%2\", which is no number")
                .arg(cell, value));
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
                m_error = QCoreApplication::translate(
                              "XlsxReader", "has a cell \"%1\" that is no cell of a sheet")
                              .arg(reference);
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
                         ? QCoreApplication::translate(
                               "XlsxReader", "is damaged: %1 cannot be uncompressed (error %2)")
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
        m_error =
            (d->width == 1
                 ? QCoreApplication::translate(
                       "XlsxReader", "has a value in column %1, beyond the header's %2 column")
                 : QCoreApplication::translate(
                       "XlsxReader", "has a value in column %1, beyond the header's %2 columns"))
                .arg(columnName(int(beyond) + 1))
                .arg(d->width);
    }
    while (m_fields.size() < d->width)
        m_fields << QString();
    return true;
}
