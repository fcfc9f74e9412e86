#include "importmappingpage.h"

#include "importwizard.h"
#include "ui/leadpanel.h"

#include "core/domain/leadcolumns.h"
#include "core/io/leadcolumnparser.h"
#include "core/storage/databasereader.h"
#include "core/storage/mappingprofilerepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum MappingColumn { HeaderColumn, SamplesColumn, TargetColumn, NoteColumn };

// A lead field as the window names it elsewhere: "first_name" → "First name".
QString fieldDisplayName(const QString &column) {
    QString name = LeadPanel::fieldName(column);
    if (name.endsWith(QLatin1String(" id")))
        name.replace(name.size() - 2, 2, QStringLiteral("ID"));
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

// The first three values of a column that say something.
QString samplesOf(const QList<QStringList> &records, qsizetype column) {
    QStringList samples;
    for (const QStringList &record : records) {
        const QString value = record.value(column).trimmed();
        if (value.isEmpty())
            continue;
        samples << (value.size() > 40 ? value.left(39) + QChar(0x2026) : value);
        if (samples.size() == 3)
            break;
    }
    return samples.join(QStringLiteral(" · "));
}

} // namespace

const QList<std::pair<QString, QString>> &ImportMappingPage::targets() {
    static const QList<std::pair<QString, QString>> all = [] {
        QList<std::pair<QString, QString>> list;
        list << std::pair{QString(), tr("Ignore")};
        list << std::pair{ColumnMapping::fullNameTarget(), tr("Name (split into first and last)")};
        list << std::pair{ColumnMapping::namePrefixTarget(),
                          tr("Name prefix (van, de: before the last name)")};
        for (const QString &column : LeadColumns::all()) {
            if (LeadColumnParser::isSettable(column))
                list << std::pair{column, fieldDisplayName(column)};
        }
        list << std::pair{ColumnMapping::leadSourceTarget(), tr("Marketplace lead source")};
        list << std::pair{ColumnMapping::customerInfoTarget(), tr("Customer info (JSON)")};
        list << std::pair{ColumnMapping::extraTarget(), tr("Keep as extra field")};
        return list;
    }();
    return all;
}

QString ImportMappingPage::targetName(const QString &target) {
    for (const auto &[t, name] : targets()) {
        if (t == target)
            return name;
    }
    return target;
}

ImportMappingPage::ImportMappingPage(const Database &db, QWidget *parent)
    : QWizardPage(parent)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("importMappingPage"));
    setTitle(tr("What the columns mean"));
    setSubTitle(tr("Each column of the file becomes a lead field, is kept as an extra field, or "
                   "is ignored. The choices were proposed from the header and the values."));

    m_table = new QTableWidget(0, 4);
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_table->setTabKeyNavigation(false);
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Values"), tr("Becomes"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(HeaderColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SamplesColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Column mapping"));

    m_dateOrder = new QComboBox;
    m_dateOrder->setObjectName(QStringLiteral("mappingDateOrder"));
    m_dateOrder->addItem(tr("Find out from the values"), int(ColumnMapping::DateOrder::Auto));
    m_dateOrder->addItem(tr("Day first (31-12-2026)"), int(ColumnMapping::DateOrder::DayFirst));
    m_dateOrder->addItem(tr("Month first (12/31/2026)"), int(ColumnMapping::DateOrder::MonthFirst));
    connect(m_dateOrder, &QComboBox::activated, this, &ImportMappingPage::changed);

    m_profiles = new QComboBox;
    m_profiles->setObjectName(QStringLiteral("mappingProfiles"));
    m_profiles->setAccessibleName(tr("Saved mapping"));
    m_profiles->setMinimumContentsLength(18);
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_profiles, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadProfile(m_profiles->itemText(index));
    });
    m_saveProfile = new QPushButton(tr("Save as profile…"));
    m_saveProfile->setObjectName(QStringLiteral("mappingSaveProfile"));
    connect(m_saveProfile, &QPushButton::clicked, this, &ImportMappingPage::askProfileName);
    m_profileMessage = new QLabel;
    m_profileMessage->setObjectName(QStringLiteral("mappingProfileMessage"));
    connect(this, &ImportMappingPage::profileMessage, m_profileMessage, &QLabel::setText);

    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profiles);
    profileRow->addWidget(m_saveProfile);
    profileRow->addWidget(m_profileMessage, 1);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Dates are written:"), m_dateOrder);
    auto *profileLabel = new QLabel(tr("&Profile:"));
    profileLabel->setBuddy(m_profiles);
    form->addRow(profileLabel, profileRow);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("mappingMessage"));
    m_message->setWordWrap(true);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
}

ImportMappingPage::~ImportMappingPage() {
    m_reader.reset();
}

void ImportMappingPage::initializePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return;
    const ImportPreview &preview = w->preview();
    // Back and Next again over the same file keep the choices made here.
    if (preview.header == m_header && m_table->rowCount() == m_header.size()) {
        readProfiles();
        return;
    }
    m_header = preview.header;
    m_samples = preview.records;
    m_proposed = preview.mapping;
    setMapping(preview.mapping);
    readProfiles();
}

void ImportMappingPage::setMapping(const ColumnMapping &mapping) {
    m_proposed = mapping;
    m_table->setRowCount(int(m_header.size()));
    for (qsizetype row = 0; row < m_header.size(); ++row) {
        const QString &header = m_header.at(row);
        ColumnMapping::Column column;
        column.header = header;
        if (row < mapping.columns.size())
            column = mapping.columns.at(row);
        auto *name = new QTableWidgetItem(header);
        m_table->setItem(int(row), HeaderColumn, name);
        auto *samples = new QTableWidgetItem(samplesOf(m_samples, row));
        samples->setToolTip(samples->text());
        m_table->setItem(int(row), SamplesColumn, samples);
        m_table->setItem(int(row), NoteColumn, new QTableWidgetItem(column.note));
        auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(int(row), TargetColumn));
        if (!box) {
            box = new QComboBox;
            for (const auto &[target, text] : targets())
                box->addItem(text, target);
            box->setAccessibleName(tr("What %1 becomes").arg(header));
            connect(box, &QComboBox::activated, this, &ImportMappingPage::changed);
            m_table->setCellWidget(int(row), TargetColumn, box);
        }
        box->setObjectName(QStringLiteral("mappingTarget:%1").arg(header));
        int index = box->findData(column.target);
        if (index < 0) {
            // A target the list does not know (a newer layout's): still shown and kept.
            box->addItem(column.target, column.target);
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    }
    m_dateOrder->setCurrentIndex(std::max(0, m_dateOrder->findData(int(mapping.dateOrder))));
    changed();
}

ColumnMapping ImportMappingPage::mapping() const {
    ColumnMapping mapping = m_proposed;
    mapping.columns.clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        ColumnMapping::Column column = m_proposed.columns.value(row);
        column.header = m_header.value(row);
        const auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, TargetColumn));
        const QString target = box ? box->currentData().toString() : column.target;
        if (target != column.target) {
            // The user's choice: it fills its field outright, and the proposal's note is gone.
            column.target = target;
            column.weak = false;
            column.note.clear();
        }
        mapping.columns << column;
    }
    mapping.dateOrder = ColumnMapping::DateOrder(m_dateOrder->currentData().toInt());
    return mapping;
}

void ImportMappingPage::changed() {
    const ColumnMapping shown = mapping();
    for (int row = 0; row < m_table->rowCount() && row < shown.columns.size(); ++row) {
        if (QTableWidgetItem *note = m_table->item(row, NoteColumn)) {
            note->setText(shown.columns.at(row).note);
            note->setToolTip(note->text());
        }
    }
    const QString missing = shown.missingIdentity();
    m_message->setText(missing);
    m_message->setVisible(!missing.isEmpty());
    emit completeChanged();
}

bool ImportMappingPage::isComplete() const {
    return !m_header.isEmpty() && mapping().missingIdentity().isEmpty();
}

bool ImportMappingPage::validatePage() {
    if (auto *w = qobject_cast<ImportWizard *>(wizard())) {
        ImportOptions options = w->options();
        options.mapping = mapping();
        w->setOptions(options);
    }
    return true;
}

void ImportMappingPage::readProfiles() {
    m_reader->post([this](const Database &db) {
        const QStringList names = MappingProfileRepository(db).names();
        QMetaObject::invokeMethod(
            this,
            [this, names] {
                m_profileNames = names;
                const QString shown =
                    m_profiles->currentIndex() > 0 ? m_profiles->currentText() : QString();
                m_profiles->clear();
                m_profiles->addItem(names.isEmpty() ? tr("No saved profiles")
                                                    : tr("Load a saved profile…"));
                m_profiles->addItems(names);
                m_profiles->setEnabled(!names.isEmpty());
                m_profiles->setCurrentIndex(std::max(0, int(names.indexOf(shown)) + 1));
                emit profilesRead();
            },
            Qt::QueuedConnection);
        return true;
    });
}

void ImportMappingPage::askProfileName() {
    bool ok = false;
    const QString current = m_profiles->currentIndex() > 0 ? m_profiles->currentText() : QString();
    const QString name =
        QInputDialog::getText(this, tr("Save as Profile"),
                              tr("A name for this mapping, to use again for files like this one:"),
                              QLineEdit::Normal, current, &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        saveProfile(name);
}

void ImportMappingPage::saveProfile(const QString &name) {
    const QJsonObject profile = mapping().toProfile(name);
    auto *w = qobject_cast<ImportWizard *>(wizard());
    const QString actor = w ? w->actor() : QString();
    m_reader->post([this, name, profile, actor](const Database &db) {
        MappingProfileRepository repo(db);
        const bool ok = repo.save(name, profile, actor);
        const QString error = repo.lastError();
        QMetaObject::invokeMethod(
            this,
            [this, ok, name, error] {
                emit profileMessage(ok ? tr("Saved as “%1”").arg(name)
                                       : tr("Could not save “%1”: %2").arg(name, error));
            },
            Qt::QueuedConnection);
        return ok;
    });
    readProfiles();
}

void ImportMappingPage::loadProfile(const QString &name) {
    m_reader->post([this, name](const Database &db) {
        const std::optional<QJsonObject> profile = MappingProfileRepository(db).profile(name);
        QMetaObject::invokeMethod(
            this,
            [this, name, profile] {
                if (!profile) {
                    emit profileMessage(tr("The profile “%1” is no longer there").arg(name));
                    return;
                }
                QString error;
                const ColumnMapping loaded = ColumnMapping::fromProfile(*profile, m_header, &error);
                if (!error.isEmpty()) {
                    emit profileMessage(tr("“%1” does not fit this file: %2").arg(name, error));
                    return;
                }
                setMapping(loaded);
                emit profileMessage(tr("Loaded “%1”").arg(name));
            },
            Qt::QueuedConnection);
        return true;
    });
}
