#include "leadtimeline.h"

#include "core/domain/touchkind.h"
#include "core/storage/databasereader.h"
#include "core/storage/leadhistory.h"
#include "leadpanel.h"
#include "relativetime.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

struct LeadTimeline::History {
    quint64 generation = 0;
    qint64 leadId = 0;
    QList<LeadEvent> events;
    QList<Activity> activities;
    QString error;
};

LeadTimeline::LeadTimeline(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("History"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("timeline"));
    m_list->setAccessibleName(tr("History, newest first"));
    m_list->setWordWrap(true);
    m_list->setSpacing(3);
    m_list->setMinimumHeight(160);
    layout->addWidget(m_list, 1);
}

LeadTimeline::~LeadTimeline() {
    m_latest.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
}

void LeadTimeline::clear() {
    m_leadId = 0;
    m_latest.store(++m_generation);
    m_loading = false;
    m_list->clear();
}

void LeadTimeline::showLead(qint64 id) {
    if (id != m_leadId)
        m_list->clear();
    m_leadId = id;
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_latest.store(generation);
    m_reader->post([this, generation, id](const Database &db) {
        if (generation != m_latest.load())
            return true;
        History h;
        h.generation = generation;
        h.leadId = id;
        const LeadHistory history(db);
        h.events = history.events(id);
        if (history.lastError().isEmpty())
            h.activities = history.activities(id);
        h.error = history.lastError();
        QMetaObject::invokeMethod(
            this, [this, h] { arrived(h); }, Qt::QueuedConnection);
        return h.error.isEmpty();
    });
}

void LeadTimeline::arrived(const History &h) {
    // A newer lead or a newer read is on its way: this answer is out of date.
    if (h.generation != m_generation || h.leadId != m_leadId)
        return;
    m_loading = false;
    m_list->clear();
    if (!h.error.isEmpty()) {
        m_list->addItem(tr("Could not read the history: %1").arg(h.error));
        emit shown();
        return;
    }
    struct Line {
        QDateTime at;
        int order;
        QString text;
    };
    QList<Line> lines;
    int order = 0;
    for (const LeadEvent &e : h.events)
        lines.append({e.occurredAt, order++, describe(e)});
    for (const Activity &a : h.activities)
        lines.append({a.at, order++, describe(a)});
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return a.at != b.at ? a.at > b.at : a.order > b.order;
    });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Line &line : std::as_const(lines)) {
        auto *item = new QListWidgetItem(
            line.at.isValid() ? tr("%1 · %2").arg(line.text, RelativeTime::text(line.at, now))
                              : line.text);
        item->setToolTip(RelativeTime::exact(line.at));
        m_list->addItem(item);
    }
    emit shown();
}

QString LeadTimeline::actionName(const QString &action) {
    if (action == QLatin1String("INS"))
        return tr("Install");
    if (action == QLatin1String("PLT"))
        return tr("Contact me");
    if (action == QLatin1String("DNC"))
        return tr("Do not contact");
    if (action == QLatin1String("Create"))
        return tr("Azure portal purchase");
    if (action == QLatin1String("StartTestDrive"))
        return tr("Test drive");
    return action;
}

namespace {

// A logged touch's kind as the history's sentence names it; an unknown one as stored.
QString touchWord(const QString &kind) {
    TouchKind k;
    if (!TouchKinds::fromCanonicalName(kind, &k))
        return kind;
    switch (k) {
    case TouchKind::Call:
        return LeadTimeline::tr("call", "someone logged a call");
    case TouchKind::Email:
        return LeadTimeline::tr("email", "someone logged an email");
    case TouchKind::Meeting:
        return LeadTimeline::tr("meeting", "someone logged a meeting");
    case TouchKind::Task:
        return LeadTimeline::tr("task", "someone logged a task");
    case TouchKind::Note:
        break;
    }
    return LeadTimeline::tr("note", "someone logged a note");
}

} // namespace

QString LeadTimeline::describe(const LeadEvent &e) {
    return tr("%1 (%2) on %3")
        .arg(actionName(e.action), e.action, Storefronts::displayName(e.storefront));
}

QString LeadTimeline::describe(const Activity &a) {
    const QString who = a.actor.isEmpty() ? tr("Someone") : a.actor;
    switch (a.kind) {
    case ActivityKind::Created:
        return a.note.isEmpty() ? tr("Lead created") : tr("Lead created from %1").arg(a.note);
    case ActivityKind::Merged:
        return tr("Another record arrived: %1").arg(a.note);
    case ActivityKind::Changed:
        return tr("%1 changed %2: %3 → %4")
            .arg(who, LeadPanel::fieldName(a.field), LeadPanel::shownValue(a.field, a.oldValue),
                 LeadPanel::shownValue(a.field, a.newValue));
    case ActivityKind::Deleted:
        return tr("%1 moved the lead to the trash").arg(who);
    case ActivityKind::Restored:
        return tr("%1 restored the lead from the trash").arg(who);
    case ActivityKind::Note:
        return tr("%1 noted: %2").arg(who, a.note);
    case ActivityKind::Touch:
        return tr("%1 logged a %2: %3 %4")
            .arg(who, touchWord(a.field), a.newValue.toString(), a.note)
            .trimmed();
    }
    return a.note;
}
