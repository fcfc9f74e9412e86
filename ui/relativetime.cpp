#include "relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace RelativeTime {

namespace {
QString translated(const char *text) {
    return QCoreApplication::translate("RelativeTime", text);
}
// English and Dutch have one form for 1 and another for the rest; the texts are marked for
// lupdate where they are written, and translated here.
QString counted(qint64 n, const char *one, const char *many) {
    return (n == 1 ? translated(one) : translated(many)).arg(QLocale().toString(n));
}
} // namespace

QString text(const QDateTime &when, const QDateTime &now) {
    if (!when.isValid())
        return {};
    const qint64 seconds = when.secsTo(now); // positive: in the past
    const qint64 magnitude = std::abs(seconds);
    const bool past = seconds >= 0;
    if (magnitude < 60)
        return QCoreApplication::translate("RelativeTime", "just now");
    if (magnitude < 3600) {
        const int minutes = int(magnitude / 60);
        return past ? counted(minutes, QT_TRANSLATE_NOOP("RelativeTime", "%1 minute ago"),
                              QT_TRANSLATE_NOOP("RelativeTime", "%1 minutes ago"))
                    : counted(minutes, QT_TRANSLATE_NOOP("RelativeTime", "in %1 minute"),
                              QT_TRANSLATE_NOOP("RelativeTime", "in %1 minutes"));
    }
    // Days by the calendar in local time: "yesterday" is the date before today.
    const qint64 days = when.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days == 0) {
        const int hours = int(magnitude / 3600);
        return past ? counted(hours, QT_TRANSLATE_NOOP("RelativeTime", "%1 hour ago"),
                              QT_TRANSLATE_NOOP("RelativeTime", "%1 hours ago"))
                    : counted(hours, QT_TRANSLATE_NOOP("RelativeTime", "in %1 hour"),
                              QT_TRANSLATE_NOOP("RelativeTime", "in %1 hours"));
    }
    if (days == 1)
        return QCoreApplication::translate("RelativeTime", "yesterday");
    if (days == -1)
        return QCoreApplication::translate("RelativeTime", "tomorrow");
    if (std::abs(days) < 31)
        return days > 0 ? counted(days, QT_TRANSLATE_NOOP("RelativeTime", "%1 day ago"),
                                  QT_TRANSLATE_NOOP("RelativeTime", "%1 days ago"))
                        : counted(-days, QT_TRANSLATE_NOOP("RelativeTime", "in %1 day"),
                                  QT_TRANSLATE_NOOP("RelativeTime", "in %1 days"));
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString exact(const QDateTime &when) {
    if (!when.isValid())
        return {};
    return QStringLiteral("%1 (%2 UTC)")
        .arg(QLocale().toString(when.toLocalTime(), QLocale::LongFormat),
             when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace RelativeTime
