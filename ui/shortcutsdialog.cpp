#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

QList<QPair<QString, QString>> ShortcutsDialog::shortcuts() {
    auto key = [](const QKeySequence &sequence) {
        return sequence.toString(QKeySequence::NativeText);
    };
    return {
        {tr("J / Down"), tr("Next lead")},
        {tr("K / Up"), tr("Previous lead")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_End)), tr("Last lead")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_Home)), tr("First lead")},
        {tr("Enter"), tr("Open the lead panel")},
        {tr("/"), tr("Search")},
        {tr("Esc"), tr("Clear the search")},
        {tr("1 … 8"), tr("Set the stage of the selected leads: New, Contacted, Nurturing, "
                         "Qualified, Opportunity, Won, Lost, Disqualified")},
        {tr("O"), tr("Assign the selected leads to me")},
        {tr("F"), tr("Set the next follow-up of the selected leads")},
        {tr("N"), tr("Add a note")},
        {tr("T"), tr("Log a touch with the current lead and plan the next follow-up")},
        {tr("E"), tr("Enroll the selected leads in a cadence")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_D)), tr("Show or hide the Due queue")},
        {tr("Q"), tr("Qualify the current lead")},
        {tr("V"), tr("Convert the current lead to an opportunity")},
        {tr("X"), tr("Disqualify the current lead (asks why)")},
        {key(QKeySequence::Delete), tr("Move the selected leads to the trash (asks first)")},
        {key(QKeySequence::Undo), tr("Undo")},
        {key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)), tr("Redo")},
        {key(QKeySequence::Copy), tr("Copy the selected leads (tab-separated, with a header)")},
        {key(QKeySequence::SelectAll), tr("Select every lead in view")},
        {key(QKeySequence::Refresh), tr("Read everything again")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_I)),
         tr("Import leads from a CSV, Excel or JSON file (or drop the file on the window)")},
        {key(QKeySequence::HelpContents), tr("This list")},
    };
}

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<QPair<QString, QString>> rows = shortcuts();
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    for (int r = 0; r < rows.size(); ++r) {
        auto *keyItem = new QTableWidgetItem(rows.at(r).first);
        QFont bold = keyItem->font();
        bold.setBold(true);
        keyItem->setFont(bold);
        table->setItem(r, 0, keyItem);
        table->setItem(r, 1, new QTableWidgetItem(rows.at(r).second));
    }
    table->resizeColumnToContents(0);
    table->setColumnWidth(0, table->columnWidth(0) + 16);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    // Tall enough for every row: a list of keys is read at a glance, not scrolled.
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setMinimumHeight(height);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(720, sizeHint().height());
}
