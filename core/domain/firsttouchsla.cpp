#include "firsttouchsla.h"

#include <algorithm>

namespace FirstTouchSla {

bool isBreached(const QDateTime &createdAt, const QDateTime &firstTouchAt, qint64 targetSeconds,
                const QDateTime &now, bool open) {
    if (!createdAt.isValid())
        return false;
    if (firstTouchAt.isValid())
        return secondsToFirstTouch(createdAt, firstTouchAt) > targetSeconds;
    return open && createdAt.secsTo(now) > targetSeconds;
}

qint64 secondsToFirstTouch(const QDateTime &createdAt, const QDateTime &firstTouchAt) {
    if (!createdAt.isValid() || !firstTouchAt.isValid())
        return 0;
    return std::max<qint64>(0, createdAt.secsTo(firstTouchAt));
}

} // namespace FirstTouchSla
