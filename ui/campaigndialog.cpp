#include "campaigndialog.h"

#include "core/domain/storefront.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/databasereader.h"
#include "leadeditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString kindName(CampaignKind kind) {
    switch (kind) {
    case CampaignKind::ContactMe:
        return CampaignDialog::tr("Contact me");
    case CampaignKind::FreeTrial:
        return CampaignDialog::tr("Free trial");
    case CampaignKind::TestDrive:
        return CampaignDialog::tr("Test drive");
    case CampaignKind::InDemand:
        return CampaignDialog::tr("In-demand generation");
    case CampaignKind::Event:
        return CampaignDialog::tr("Event");
    case CampaignKind::Other:
        break;
    }
    return CampaignDialog::tr("Other");
}

} // namespace

CampaignDialog::CampaignDialog(const Database &db, LeadEditor *editor,
                               const QList<LeadVersion> &selection, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_selection(selection)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("campaignDialog"));
    setWindowTitle(tr("Campaigns"));
    setWindowModality(Qt::WindowModal);
    resize(620, 420);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4);
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_table->setTabKeyNavigation(false);
    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setAccessibleName(tr("Campaigns and their leads"));
    m_table->setHorizontalHeaderLabels({tr("Campaign"), tr("Kind"), tr("Storefront"), tr("Leads")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);

    auto *addRow = new QHBoxLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setAccessibleName(tr("New campaign's name"));
    m_name->setPlaceholderText(tr("New campaign's name"));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("campaignKind"));
    m_kind->setAccessibleName(tr("Kind"));
    for (CampaignKind k : CampaignKinds::all())
        m_kind->addItem(kindName(k), CampaignKinds::canonicalName(k));
    m_storefront = new QComboBox;
    m_storefront->setObjectName(QStringLiteral("campaignStorefront"));
    m_storefront->setAccessibleName(tr("Storefront"));
    m_storefront->addItem(tr("Any storefront"), QString());
    for (Storefront s : Storefronts::all())
        m_storefront->addItem(Storefronts::displayName(s), Storefronts::canonicalName(s));
    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addCampaignButton"));
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_kind);
    addRow->addWidget(m_storefront);
    addRow->addWidget(add);
    layout->addLayout(addRow);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("campaignProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_link = buttons->addButton((selection.size() == 1
                                     ? tr("&Link 1 selected lead")
                                     : tr("&Link %L1 selected leads").arg(selection.size())),
                                QDialogButtonBox::ActionRole);
    m_link->setObjectName(QStringLiteral("linkSelectionButton"));
    m_link->setToolTip(tr("Link the leads selected in the table to the chosen campaign"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(add, &QPushButton::clicked, this, &CampaignDialog::add);
    connect(m_name, &QLineEdit::returnPressed, this, &CampaignDialog::add);
    connect(m_link, &QPushButton::clicked, this, &CampaignDialog::linkSelection);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this] { m_link->setEnabled(!m_selection.isEmpty() && m_table->currentRow() >= 0); });
    m_link->setEnabled(false);
    // A link changes the counts: read them again once the edit is stored.
    connect(m_editor, &LeadEditor::leadChanged, this, [this] {
        if (!m_busy)
            reload();
    });
    reload();
}

CampaignDialog::~CampaignDialog() {
    m_reader.reset();
}

void CampaignDialog::reload() {
    runJob([](const Database &) { return QString(); }, {});
}

void CampaignDialog::runJob(Job job, const QString &select) {
    m_busy = true;
    m_reader->post([this, job = std::move(job), select](const Database &db) {
        QString error = job(db);
        const CampaignRepository repo(db);
        const QList<Campaign> campaigns = repo.all();
        if (error.isEmpty())
            error = repo.lastError();
        QMetaObject::invokeMethod(
            this, [this, campaigns, error, select] { arrived(campaigns, error, select); },
            Qt::QueuedConnection);
        return error.isEmpty();
    });
}

void CampaignDialog::arrived(const QList<Campaign> &campaigns, const QString &error,
                             const QString &select) {
    m_busy = false;
    const QString keep = !select.isEmpty() ? select
                         : m_table->currentRow() >= 0
                             ? m_table->item(m_table->currentRow(), 0)->text()
                             : QString();
    m_campaigns = campaigns;
    m_table->setRowCount(0);
    const QLocale locale;
    int current = -1;
    for (qsizetype i = 0; i < campaigns.size(); ++i) {
        const Campaign &c = campaigns.at(i);
        const int row = int(i);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(c.name));
        m_table->setItem(row, 1, new QTableWidgetItem(kindName(c.kind)));
        Storefront s;
        m_table->setItem(row, 2,
                         new QTableWidgetItem(Storefronts::fromCanonicalName(c.storefront, &s)
                                                  ? Storefronts::displayName(s)
                                                  : tr("Any")));
        auto *count = new QTableWidgetItem(locale.toString(c.leads));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 3, count);
        if (c.name == keep)
            current = row;
    }
    if (current >= 0)
        m_table->selectRow(current);
    else
        m_table->setCurrentCell(-1, -1);
    m_link->setEnabled(!m_selection.isEmpty() && current >= 0);
    showProblem(error);
    emit loaded();
}

void CampaignDialog::add() {
    Campaign c;
    c.name = m_name->text().trimmed();
    if (c.name.isEmpty()) {
        showProblem(tr("Give the campaign a name."));
        return;
    }
    CampaignKinds::fromCanonicalName(m_kind->currentData().toString(), &c.kind);
    c.storefront = m_storefront->currentData().toString();
    const QString actor = m_editor->actor();
    m_name->clear();
    runJob(
        [c, actor](const Database &db) {
            CampaignRepository repo(db);
            return repo.add(c, actor) ? QString() : repo.lastError();
        },
        c.name);
}

void CampaignDialog::linkSelection() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_campaigns.size() || m_selection.isEmpty())
        return;
    const QString name = m_campaigns.at(row).name;
    m_editor->edit(m_selection, LeadChanges().set(QStringLiteral("campaign"), name),
                   (m_selection.size() == 1
                        ? tr("Link 1 lead to %1").arg(name)
                        : tr("Link %L1 leads to %2").arg(m_selection.size()).arg(name)));
}

void CampaignDialog::showProblem(const QString &message) {
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}
