#include "cadencedialog.h"

#include "core/storage/cadencerepository.h"
#include "core/storage/databasereader.h"
#include "followupdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

CadenceDialog::CadenceDialog(const Database &db, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_actor(actor)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("cadenceDialog"));
    setWindowTitle(tr("Cadences"));
    setWindowModality(Qt::WindowModal);
    resize(640, 420);
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("cadenceList"));
    m_list->setAccessibleName(tr("Cadences"));
    left->addWidget(m_list, 1);
    auto *newButton = new QPushButton(tr("&New cadence"));
    newButton->setObjectName(QStringLiteral("newCadenceButton"));
    m_remove = new QPushButton(tr("&Remove cadence"));
    m_remove->setObjectName(QStringLiteral("removeCadenceButton"));
    left->addWidget(newButton);
    left->addWidget(m_remove);
    columns->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("cadenceName"));
    m_name->setAccessibleName(tr("Cadence name"));
    form->addRow(tr("N&ame:"), m_name);
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("cadenceDescription"));
    m_description->setAccessibleName(tr("What the cadence is for"));
    form->addRow(tr("&For:"), m_description);
    right->addLayout(form);
    m_touches = new QTableWidget(0, 2);
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_touches->setTabKeyNavigation(false);
    m_touches->setObjectName(QStringLiteral("cadenceTouches"));
    m_touches->setAccessibleName(tr("Touches, by day"));
    m_touches->setHorizontalHeaderLabels({tr("Day"), tr("Touch")});
    m_touches->verticalHeader()->hide();
    m_touches->horizontalHeader()->setStretchLastSection(true);
    m_touches->setSelectionBehavior(QAbstractItemView::SelectRows);
    right->addWidget(m_touches, 1);
    auto *touchButtons = new QHBoxLayout;
    auto *addTouchButton = new QPushButton(tr("Add &touch"));
    addTouchButton->setObjectName(QStringLiteral("addTouchButton"));
    auto *removeTouchButton = new QPushButton(tr("Remove t&ouch"));
    removeTouchButton->setObjectName(QStringLiteral("removeTouchButton"));
    m_save = new QPushButton(tr("&Save cadence"));
    m_save->setObjectName(QStringLiteral("saveCadenceButton"));
    touchButtons->addWidget(addTouchButton);
    touchButtons->addWidget(removeTouchButton);
    touchButtons->addStretch(1);
    touchButtons->addWidget(m_save);
    right->addLayout(touchButtons);
    columns->addLayout(right, 2);
    layout->addLayout(columns, 1);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("cadenceProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &CadenceDialog::showCadence);
    connect(newButton, &QPushButton::clicked, this, &CadenceDialog::newCadence);
    connect(m_remove, &QPushButton::clicked, this, &CadenceDialog::removeCadence);
    connect(addTouchButton, &QPushButton::clicked, this, &CadenceDialog::addTouch);
    connect(removeTouchButton, &QPushButton::clicked, this, &CadenceDialog::removeTouch);
    connect(m_save, &QPushButton::clicked, this, &CadenceDialog::save);
    reload();
}

CadenceDialog::~CadenceDialog() {
    m_reader.reset();
}

void CadenceDialog::reload() {
    runJob([](const Database &) { return QString(); }, {});
}

void CadenceDialog::runJob(Job job, const QString &select) {
    m_busy = true;
    setEnabled(false);
    m_reader->post([this, job = std::move(job), select](const Database &db) {
        QString error = job(db);
        const CadenceRepository repo(db);
        const QList<Cadence> cadences = repo.all();
        if (error.isEmpty())
            error = repo.lastError();
        QMetaObject::invokeMethod(
            this, [this, cadences, error, select] { arrived(cadences, error, select); },
            Qt::QueuedConnection);
        return error.isEmpty();
    });
}

void CadenceDialog::arrived(const QList<Cadence> &cadences, const QString &error,
                            const QString &select) {
    m_busy = false;
    setEnabled(true);
    const QString keep =
        select.isEmpty() && m_list->currentItem() ? m_list->currentItem()->text() : select;
    m_cadences = cadences;
    m_list->blockSignals(true);
    m_list->clear();
    int current = cadences.isEmpty() ? -1 : 0;
    for (qsizetype i = 0; i < cadences.size(); ++i) {
        const Cadence &c = cadences.at(i);
        auto *item = new QListWidgetItem(c.name, m_list);
        item->setToolTip(c.touchesText());
        if (c.name.compare(keep, Qt::CaseInsensitive) == 0)
            current = int(i);
    }
    m_list->setCurrentRow(current);
    m_list->blockSignals(false);
    if (error.isEmpty()) // a refused save keeps what was typed, to put right
        showCadence(current);
    showProblem(error);
    emit loaded();
}

void CadenceDialog::showCadence(int row) {
    const Cadence c = row >= 0 && row < m_cadences.size() ? m_cadences.at(row) : Cadence();
    m_name->setText(c.name);
    m_description->setText(c.description);
    m_touches->setRowCount(0);
    for (const CadenceTouch &t : c.touches)
        addTouchRow(t);
    m_remove->setEnabled(row >= 0);
}

void CadenceDialog::addTouchRow(const CadenceTouch &touch) {
    const int row = m_touches->rowCount();
    m_touches->insertRow(row);
    auto *day = new QSpinBox;
    day->setRange(0, 365);
    day->setPrefix(tr("day "));
    day->setValue(touch.day);
    day->setAccessibleName(tr("Day of touch %1").arg(row + 1));
    m_touches->setCellWidget(row, 0, day);
    QComboBox *kind = FollowUpDialog::kindBox(touch.kind, false);
    kind->setAccessibleName(tr("Kind of touch %1").arg(row + 1));
    m_touches->setCellWidget(row, 1, kind);
}

void CadenceDialog::newCadence() {
    m_list->blockSignals(true);
    m_list->setCurrentRow(-1);
    m_list->blockSignals(false);
    showCadence(-1);
    addTouchRow(CadenceTouch{0, TouchKind::Email});
    m_name->setFocus();
}

void CadenceDialog::addTouch() {
    int day = 0;
    if (const int last = m_touches->rowCount() - 1; last >= 0)
        day = static_cast<QSpinBox *>(m_touches->cellWidget(last, 0))->value() + 2;
    addTouchRow(CadenceTouch{day, TouchKind::Call});
}

void CadenceDialog::removeTouch() {
    const int row =
        m_touches->currentRow() >= 0 ? m_touches->currentRow() : m_touches->rowCount() - 1;
    if (row >= 0)
        m_touches->removeRow(row);
}

Cadence CadenceDialog::edited() const {
    Cadence c;
    c.name = m_name->text().trimmed();
    c.description = m_description->text().trimmed();
    for (int row = 0; row < m_touches->rowCount(); ++row) {
        CadenceTouch t;
        t.day = static_cast<QSpinBox *>(m_touches->cellWidget(row, 0))->value();
        t.kind = TouchKind(
            static_cast<QComboBox *>(m_touches->cellWidget(row, 1))->currentData().toInt());
        c.touches << t;
    }
    std::stable_sort(c.touches.begin(), c.touches.end(),
                     [](const CadenceTouch &a, const CadenceTouch &b) { return a.day < b.day; });
    return c;
}

void CadenceDialog::save() {
    const Cadence c = edited();
    if (c.name.isEmpty()) {
        showProblem(tr("Give the cadence a name."));
        return;
    }
    if (c.touches.isEmpty()) {
        showProblem(tr("Cadence \"%1\" needs at least one touch.").arg(c.name));
        return;
    }
    const QString actor = m_actor;
    runJob(
        [c, actor](const Database &db) {
            CadenceRepository repo(db);
            return repo.save(c, actor) ? QString() : repo.lastError();
        },
        c.name);
}

void CadenceDialog::removeCadence() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_cadences.size())
        return;
    const QString name = m_cadences.at(row).name;
    runJob(
        [name](const Database &db) {
            CadenceRepository repo(db);
            return repo.remove(name) ? QString() : repo.lastError();
        },
        {});
}

void CadenceDialog::showProblem(const QString &message) {
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        emit problem(message);
}
