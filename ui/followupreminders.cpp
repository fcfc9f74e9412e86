#include "followupreminders.h"

#include "core/domain/touchkind.h"
#include "core/storage/databasereader.h"
#include "core/storage/duequeue.h"

#include <QLocale>
#include <QTimer>

#include <limits>

struct FollowUpReminders::Read {
    quint64 generation = 0;
    QDateTime now;
    QList<DueFollowUp> due;
};

namespace {

QString nameOf(const Lead &l) {
    const QString name = l.fullName();
    if (name.isEmpty())
        return l.company.isEmpty() ? FollowUpReminders::tr("lead %1").arg(l.id) : l.company;
    return l.company.isEmpty() ? name : FollowUpReminders::tr("%1 (%2)").arg(name, l.company);
}

QString key(const DueFollowUp &f) {
    return QString::number(f.lead.id) + QLatin1Char('@') +
           f.lead.nextFollowUpAt.toString(Qt::ISODate);
}

} // namespace

FollowUpReminders::FollowUpReminders(const Database &db, const QString &owner, QObject *parent)
    : QObject(parent)
    , m_owner(owner)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    m_since = m_clock();
    connect(m_timer, &QTimer::timeout, this, &FollowUpReminders::check);
}

FollowUpReminders::~FollowUpReminders() {
    m_latest.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
}

void FollowUpReminders::setClock(std::function<QDateTime()> clock) {
    m_clock = std::move(clock);
    m_since = m_clock();
}

void FollowUpReminders::setOwner(const QString &owner) {
    m_owner = owner;
}

void FollowUpReminders::start(int ms) {
    if (ms > 0)
        m_timer->start(ms);
    else
        m_timer->stop();
}

FollowUpReminders::Reminder FollowUpReminders::reminderFor(const QList<DueFollowUp> &due) {
    Reminder r;
    for (const DueFollowUp &f : due)
        r.leadIds << f.lead.id;
    if (due.size() == 1) {
        const DueFollowUp &f = due.first();
        r.title = tr("Follow-up due");
        // A whole phrase per kind: a translation cannot put a verb and a name in order alone.
        TouchKind kind = TouchKind::Task;
        const bool known = TouchKinds::fromCanonicalName(f.kind, &kind);
        const QString name = nameOf(f.lead);
        if (!known)
            r.text = tr("Follow up with %1").arg(name);
        else if (kind == TouchKind::Call)
            r.text = tr("Call %1").arg(name);
        else if (kind == TouchKind::Email)
            r.text = tr("Email %1").arg(name);
        else if (kind == TouchKind::Meeting)
            r.text = tr("Meeting with %1").arg(name);
        else
            r.text = tr("Task for %1").arg(name);
        return r;
    }
    r.title = tr("%L1 follow-ups due").arg(due.size());
    QStringList names;
    for (qsizetype i = 0; i < due.size() && i < 3; ++i)
        names << nameOf(due.at(i).lead);
    r.text = due.size() > 3
                 ? tr("%1 and %2 more")
                       .arg(names.join(QStringLiteral(", ")), QLocale().toString(due.size() - 3))
                 : names.join(QStringLiteral(", "));
    return r;
}

void FollowUpReminders::check() {
    if (m_owner.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_latest.store(generation);
    const QString owner = m_owner;
    const QDateTime now = m_clock();
    m_reader->post([this, generation, owner, now](const Database &db) {
        if (generation != m_latest.load())
            return true;
        Read r;
        r.generation = generation;
        r.now = now;
        const DueQueue queue(db);
        r.due = queue.of(owner, now);
        QMetaObject::invokeMethod(
            this, [this, r] { arrived(r); }, Qt::QueuedConnection);
        return queue.lastError().isEmpty();
    });
}

void FollowUpReminders::arrived(const Read &r) {
    if (r.generation != m_generation)
        return;
    QList<DueFollowUp> fresh;
    for (const DueFollowUp &f : r.due) {
        const QDateTime at = f.lead.nextFollowUpAt;
        // Due between the last check and now: it fell due while the program ran.
        if (at <= m_since || at > r.now || m_announced.contains(key(f)))
            continue;
        m_announced.insert(key(f));
        fresh << f;
    }
    m_since = std::max(m_since, r.now);
    if (!fresh.isEmpty())
        emit reminderDue(reminderFor(fresh));
    emit checked();
}
