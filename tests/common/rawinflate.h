#pragma once

#include <QByteArray>

#include <zlib.h>

// `data` inflated back from one raw deflate stream (no zlib header, as zip archives hold it)
// of `size` bytes; "not one stream" when it does not end as one stream or leaves bytes over.
inline QByteArray rawInflated(const QByteArray &data, qsizetype size) {
    z_stream s = {};
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK)
        return {};
    QByteArray out(size + 1, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    const int r = inflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    const bool allRead = s.avail_in == 0;
    inflateEnd(&s);
    return r == Z_STREAM_END && allRead ? out : QByteArray("not one stream");
}
