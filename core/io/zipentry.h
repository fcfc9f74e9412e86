#pragma once

#include <QIODevice>

#include <unzip.h>

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
