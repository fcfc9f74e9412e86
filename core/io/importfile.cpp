#include "importfile.h"

#include "csvreader.h"
#include "leadpayloadreader.h"
#include "xlsxreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {
constexpr qint64 headSize = 4096;
}

ImportFile::ImportFile(const QString &path, const ImportOptions &options)
    : m_name(path == QLatin1String("-") ? QStringLiteral("stdin") : path) {
    auto file = std::make_unique<QFile>();
    bool opened = false;
    if (path == QLatin1String("-")) {
        opened = file->open(fileno(stdin), QIODevice::ReadOnly, QFileDevice::DontCloseHandle);
    } else {
        file->setFileName(path);
        opened = file->open(QIODevice::ReadOnly);
    }
    if (!opened) {
        m_error =
            QCoreApplication::translate("ImportFile", "cannot open: %1").arg(file->errorString());
        return;
    }
    m_device = std::move(file);
    openReader(m_device.get(), options, path);
}

ImportFile::ImportFile(QIODevice *device, const QString &name, const ImportOptions &options)
    : m_name(name) {
    openReader(device, options, QString());
}

void ImportFile::openReader(QIODevice *file, const ImportOptions &options, const QString &path) {
    m_size = file->isSequential() ? 0 : file->size();
    const QByteArray head = file->peek(headSize);
    const ImportFormat::Kind found = ImportFormat::detect(head);
    m_format = options.format == ImportFormat::Auto ? found : options.format;
    if (m_format == ImportFormat::Xlsx) {
        if (path.isEmpty() || path == QLatin1String("-") || file->isSequential()) {
            m_error = QCoreApplication::translate(
                "ImportFile", "is an Excel workbook (a ZIP archive), which cannot be read "
                              "from a pipe; give its file name");
            return;
        }
        m_device.reset(); // the workbook reader opens the file itself
        auto workbook = std::make_unique<XlsxReader>(path);
        if (!options.sheet.isEmpty())
            workbook->setSheet(options.sheet);
        m_sheet = options.sheet;
        m_reader = std::move(workbook);
        return;
    }
    if (found == ImportFormat::Xlsx) {
        m_error = QCoreApplication::translate("ImportFile",
                                              "is an Excel workbook, not %1; import it as xlsx")
                      .arg(m_format == ImportFormat::Json
                               ? QStringLiteral("JSON")
                               : QCoreApplication::translate("ImportFile", "CSV text"));
        return;
    }
    if (m_format == ImportFormat::Json) {
        m_reader = std::make_unique<LeadPayloadReader>(file);
        return;
    }
    auto csv = std::make_unique<CsvReader>(file);
    csv->setEncoding(options.encoding);
    csv->setDelimiter(options.delimiter);
    m_reader = std::move(csv);
}

ImportFile::~ImportFile() {
    m_reader.reset(); // readers use the device
}

QString ImportFile::unreadable() const {
    if (!m_error.isEmpty())
        return m_error;
    return m_reader ? m_reader->unreadable() : QString();
}

QString ImportFile::encoding() const {
    if (const auto *csv = dynamic_cast<const CsvReader *>(m_reader.get()))
        return TextEncoding::name(csv->encoding());
    return m_format == ImportFormat::Xlsx ? QString() : QStringLiteral("utf-8");
}

QChar ImportFile::delimiter() const {
    if (const auto *csv = dynamic_cast<const CsvReader *>(m_reader.get()))
        return csv->delimiter();
    return QChar();
}

QString ImportFile::lineEnding() const {
    if (const auto *csv = dynamic_cast<const CsvReader *>(m_reader.get()))
        return csv->lineEnding();
    return QString();
}

QStringList ImportFile::sheets() const {
    if (auto *workbook = dynamic_cast<XlsxReader *>(m_reader.get()))
        return workbook->sheetNames();
    return {};
}

QString ImportFile::sheet() const {
    if (m_format != ImportFormat::Xlsx)
        return QString();
    return m_sheet.isEmpty() ? sheets().value(0) : m_sheet;
}
