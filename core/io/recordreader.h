#pragma once

#include <QStringList>

// A file read record by record as rows of text: CSV, an Excel sheet, marketplace JSON payloads.
// The first record is the header. The importer and the preview read every format through this.
class RecordReader {
public:
    virtual ~RecordReader() = default;

    // Reads the next record; false at the end (or when the input is unreadable()).
    virtual bool next() = 0;
    virtual const QStringList &fields() const = 0;
    // Where the record starts, 1-based: the line of a CSV file, the row of a sheet, the
    // position of a payload in a JSON array.
    virtual qint64 line() const = 0;
    // Why this record cannot be read; it does not name the line: callers put line() in front.
    virtual QString error() const = 0;
    // Why the input cannot be read at all (not this format, empty, damaged); next() then
    // returns false and nothing of it is used.
    virtual QString unreadable() const = 0;
    // How far the reader is, for progress against the input's size in bytes.
    virtual qint64 bytesRead() const = 0;
};
