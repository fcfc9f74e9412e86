// FilterBar's chips: one removable chip for each condition of the filter.
#include "filterbar.h"

#include "core/domain/followupdestination.h"
#include "core/domain/stage.h"
#include "core/storage/leadviewjson.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace {

QString shownDate(const QDateTime &utc) {
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

QList<FilterBar::Chip> FilterBar::chips() const {
    const LeadFilter &f = m_filter;
    QList<Chip> list;
    if (!f.search.isEmpty())
        list.append(Chip{QStringLiteral("search"), tr("Search: “%1”").arg(f.search)});
    if (f.stage)
        list.append(
            Chip{QStringLiteral("stage"), tr("Stage: %1").arg(Stages::displayName(*f.stage))});
    if (!f.owner.isEmpty())
        list.append(Chip{QStringLiteral("owner"), tr("Owner: %1").arg(f.owner)});
    if (!f.offerId.isEmpty())
        list.append(Chip{QStringLiteral("offer"), tr("Offer: %1").arg(f.offerId)});
    if (!f.action.isEmpty())
        list.append(Chip{QStringLiteral("action"), tr("Action: %1").arg(f.action)});
    if (!f.grade.isEmpty())
        list.append(Chip{QStringLiteral("grade"), tr("Grade %1").arg(f.grade)});
    if (f.minScore)
        list.append(Chip{QStringLiteral("minScore"), tr("Score ≥ %1").arg(*f.minScore)});
    if (!f.origin.isEmpty())
        list.append(Chip{QStringLiteral("origin"), tr("Origin: %1").arg(originName(f.origin))});
    FollowUpDestination destination = FollowUpDestination::OwnCrm;
    if (FollowUpDestinations::fromCanonicalName(f.destination, &destination))
        list.append(
            Chip{QStringLiteral("destination"),
                 tr("Followed up in: %1").arg(FollowUpDestinations::displayName(destination))});
    if (!f.campaign.isEmpty())
        list.append(Chip{QStringLiteral("campaign"), tr("Campaign: %1").arg(f.campaign)});
    if (f.doNotContact)
        list.append(Chip{QStringLiteral("doNotContact"), tr("Do not contact")});
    if (f.dueBefore.isValid()) {
        const bool today = f.dueBefore == LeadViewJson::endOfDay(QDateTime::currentDateTimeUtc());
        list.append(
            Chip{QStringLiteral("due"),
                 today ? tr("Due today") : tr("Due before %1").arg(shownDate(f.dueBefore))});
    }
    if (f.since.isValid())
        list.append(Chip{QStringLiteral("since"), tr("Created from %1").arg(shownDate(f.since))});
    if (f.until.isValid())
        list.append(Chip{QStringLiteral("until"),
                         tr("Created until %1").arg(shownDate(f.until.addMSecs(-1)))});
    if (f.includeTest)
        list.append(Chip{QStringLiteral("includeTest"), tr("Test leads shown")});
    if (f.slaBreached)
        list.append(Chip{QStringLiteral("pastSla"),
                         tr("Past the %1-hour first-touch SLA").arg(f.slaTargetHours)});
    return list;
}

void FilterBar::removeFilter(const QString &key) {
    LeadFilter f = m_filter;
    if (key == QLatin1String("search"))
        f.search.clear();
    else if (key == QLatin1String("stage"))
        f.stage.reset();
    else if (key == QLatin1String("owner"))
        f.owner.clear();
    else if (key == QLatin1String("offer"))
        f.offerId.clear();
    else if (key == QLatin1String("action"))
        f.action.clear();
    else if (key == QLatin1String("grade"))
        f.grade.clear();
    else if (key == QLatin1String("minScore"))
        f.minScore.reset();
    else if (key == QLatin1String("origin"))
        f.origin.clear();
    else if (key == QLatin1String("destination"))
        f.destination.clear();
    else if (key == QLatin1String("campaign"))
        f.campaign.clear();
    else if (key == QLatin1String("doNotContact"))
        f.doNotContact = false;
    else if (key == QLatin1String("due"))
        f.dueBefore = QDateTime();
    else if (key == QLatin1String("since"))
        f.since = QDateTime();
    else if (key == QLatin1String("until"))
        f.until = QDateTime();
    else if (key == QLatin1String("includeTest"))
        f.includeTest = false;
    else if (key == QLatin1String("pastSla"))
        f.slaBreached = false;
    setFilter(f);
}

void FilterBar::rebuildChips() {
    while (QLayoutItem *item = m_chipLayout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    const QList<Chip> list = chips();
    for (const Chip &chip : list) {
        auto *frame = new QFrame;
        frame->setObjectName(QStringLiteral("chip_") + chip.key);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        frame->setBackgroundRole(QPalette::AlternateBase);
        auto *row = new QHBoxLayout(frame);
        row->setContentsMargins(8, 1, 2, 1);
        row->setSpacing(2);
        auto *label = new QLabel(chip.text);
        row->addWidget(label);
        auto *remove = new QToolButton;
        remove->setObjectName(QStringLiteral("removeChip_") + chip.key);
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        remove->setAccessibleName(tr("Remove filter %1").arg(chip.text));
        remove->setToolTip(tr("Remove this filter"));
        // Queued: the click must not delete the button that is still delivering it.
        connect(remove, &QToolButton::clicked, this, [this, key = chip.key] {
            QMetaObject::invokeMethod(
                this, [this, key] { removeFilter(key); }, Qt::QueuedConnection);
        });
        row->addWidget(remove);
        m_chipLayout->addWidget(frame);
        // At once, not when the layout gets round to it: the chips are the filter's state.
        frame->show();
    }
    if (!list.isEmpty()) {
        auto *clear = new QToolButton;
        clear->setObjectName(QStringLiteral("clearFilters"));
        clear->setText(tr("Clear all"));
        clear->setAutoRaise(true);
        connect(clear, &QToolButton::clicked, this, [this] {
            QMetaObject::invokeMethod(this, &FilterBar::clearFilters, Qt::QueuedConnection);
        });
        m_chipLayout->addWidget(clear);
        clear->show();
    }
    m_chipLayout->addStretch(1);
    m_chipRow->setVisible(!list.isEmpty());
}
