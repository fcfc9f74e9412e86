#pragma once

#include "importoptions.h"
#include "recordreader.h"

#include <QStringList>

#include <memory>

class QIODevice;

// A file opened for import: the format found (or chosen) and the reader for it, with what was
// detected about the file, for the preview and the import alike.
class ImportFile {
public:
    // Opens `path` (or standard input for "-"); unreadable() says why when it cannot.
    ImportFile(const QString &path, const ImportOptions &options);
    // Reads an open device (a buffer, a socket) forward only: CSV or JSON, not workbooks.
    ImportFile(QIODevice *device, const QString &name, const ImportOptions &options);
    ~ImportFile();
    ImportFile(const ImportFile &) = delete;
    ImportFile &operator=(const ImportFile &) = delete;

    // The file as named to it ("stdin" for standard input): every message starts with it.
    QString name() const { return m_name; }
    // Set when the file cannot be opened or is not of the chosen or detected format.
    QString unreadable() const;
    RecordReader *reader() const { return m_reader.get(); }
    qint64 size() const { return m_size; } // 0 for a pipe

    ImportFormat::Kind format() const { return m_format; }
    // Known after the first record: CSV's encoding, delimiter and line ends ("CRLF", "LF",
    // "CR", or empty for a single line); a workbook's sheets and the one read.
    QString encoding() const;
    QChar delimiter() const;
    QString lineEnding() const;
    QStringList sheets() const;
    QString sheet() const;

private:
    void openReader(QIODevice *device, const ImportOptions &options, const QString &path);

    QString m_name;
    QString m_error;
    ImportFormat::Kind m_format = ImportFormat::Auto;
    std::unique_ptr<QIODevice> m_device;
    std::unique_ptr<RecordReader> m_reader;
    qint64 m_size = 0;
    QString m_sheet;
};
