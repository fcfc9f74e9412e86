#include "duequeuepanel.h"

#include "models/duequeuemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

DueQueuePanel::DueQueuePanel(const Database &db, const QString &owner, QWidget *parent)
    : QWidget(parent)
    , m_model(new DueQueueModel(db, this)) {
    setObjectName(QStringLiteral("dueQueuePanel"));
    setAccessibleName(tr("Due queue"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("dueQueueSummary"));
    m_summary->setAccessibleName(tr("Due follow-ups"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_summary);
    m_view = new QTableView;
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_view->setTabKeyNavigation(false);
    m_view->setObjectName(QStringLiteral("dueQueueView"));
    m_view->setAccessibleName(tr("Due follow-ups, oldest first"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setMinimumSectionSize(80);
    layout->addWidget(m_view, 1);
    // Enter and a double-click both activate a row.
    connect(m_view, &QAbstractItemView::activated, this, &DueQueuePanel::open);
    connect(m_model, &DueQueueModel::loaded, this, &DueQueuePanel::showSummary);
    connect(m_model, &DueQueueModel::errorOccurred, m_summary, &QLabel::setText);
    m_summary->setText(tr("Reading the Due queue…"));
    m_model->setOwner(owner);
}

void DueQueuePanel::showSummary() {
    const int due = m_model->rowCount();
    const int overdue = m_model->overdueCount();
    // Without a name there is no queue: the message alone, not an empty table.
    m_view->setVisible(!m_model->owner().isEmpty());
    if (m_model->owner().isEmpty())
        m_summary->setText(tr("Set your name (Lead → Who am I…) to see your follow-ups."));
    else if (due == 0)
        m_summary->setText(tr("Nothing due today for %1.").arg(m_model->owner()));
    else {
        const QLocale locale;
        QString text =
            due == 1 ? tr("1 follow-up due for %1").arg(m_model->owner())
                     : tr("%1 follow-ups due for %2").arg(locale.toString(due), m_model->owner());
        if (overdue > 0)
            text = tr("%1, %2 overdue", "the follow-ups due, then how many of them are overdue")
                       .arg(text, locale.toString(overdue));
        if (due >= DueQueueModel::RowLimit)
            text = tr("%1 (the oldest %2 shown)", "the follow-ups due, then how many are listed")
                       .arg(text, locale.toString(DueQueueModel::RowLimit));
        m_summary->setText(text);
    }
}

void DueQueuePanel::open(const QModelIndex &index) {
    if (const DueFollowUp *f = m_model->followUpAt(index.row()))
        emit leadChosen(f->lead);
}
