#include "scoringdialog.h"

#include "core/scoring/leadrescorer.h"
#include "core/storage/databasereader.h"
#include "core/storage/scoringmodelrepository.h"
#include "core/storage/winmodelstore.h"
#include "models/scoringrulesmodel.h"
#include "winmodelpanel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

ScoringDialog::ScoringDialog(const Database &db, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(actor)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("scoringDialog"));
    setWindowTitle(tr("Scoring"));
    setAccessibleName(tr("Scoring"));
    resize(820, 640);
    auto *outer = new QVBoxLayout(this);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("scoringTabs"));
    tabs->setAccessibleName(tr("Scoring pages"));
    outer->addWidget(tabs, 1);

    auto *rulesPage = new QWidget;
    auto *layout = new QVBoxLayout(rulesPage);
    auto *intro = new QLabel(tr("Each rule adds its points to a lead's score when it applies; the "
                                "sum, from 0 to 100, sets the grade. Saving makes a new version "
                                "and rescores every lead with it."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_rules = new ScoringRulesModel(this);
    m_table = new QTableView;
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_table->setTabKeyNavigation(false);
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setAccessibleName(tr("Scoring rules"));
    m_table->setModel(m_rules);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ScoringRulesModel::Label,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ScoringRulesModel::Condition,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ScoringRulesModel::Points,
                                                      QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    layout->addWidget(m_table, 1);

    auto *ruleButtons = new QHBoxLayout;
    auto *add = new QToolButton;
    add->setObjectName(QStringLiteral("addRuleButton"));
    add->setAccessibleName(tr("Add a rule"));
    add->setText(tr("&Add rule"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *kinds = new QMenu(add);
    const QList<std::pair<RuleKind, QString>> kindNames = {
        {RuleKind::Action, tr("Marketplace action")},
        {RuleKind::Storefront, tr("Storefront")},
        {RuleKind::Seniority, tr("Title seniority")},
        {RuleKind::EmailKind, tr("Kind of email")},
        {RuleKind::HasPhone, tr("Phone number known")},
        {RuleKind::HasCompany, tr("Company known")},
        {RuleKind::Country, tr("Countries")},
        {RuleKind::Engagement, tr("Marketplace events")},
        {RuleKind::Recency, tr("Recent activity")},
    };
    for (const auto &[kind, name] : kindNames) {
        const RuleKind k = kind;
        QAction *a = kinds->addAction(name, this, [this, k] {
            const int row = m_rules->addRule(k);
            m_table->setCurrentIndex(m_rules->index(row, ScoringRulesModel::Label));
            m_table->edit(m_rules->index(row, ScoringRulesModel::Label));
        });
        const QString tip = tr("Add a rule on: %1").arg(name);
        a->setStatusTip(tip);
        a->setToolTip(tip);
    }
    add->setMenu(kinds);
    auto *remove = new QPushButton(tr("&Remove rule"));
    remove->setObjectName(QStringLiteral("removeRuleButton"));
    remove->setAccessibleName(tr("Remove the selected rule"));
    connect(remove, &QPushButton::clicked, this,
            [this] { m_rules->removeRule(m_table->currentIndex().row()); });
    ruleButtons->addWidget(add);
    ruleButtons->addWidget(remove);
    ruleButtons->addStretch(1);
    layout->addLayout(ruleButtons);

    auto *grades = new QHBoxLayout;
    const auto gradeBox = [&](const QString &name, const QString &text) {
        auto *box = new QSpinBox;
        box->setObjectName(name);
        box->setAccessibleName(text);
        box->setRange(1, 100);
        auto *label = new QLabel(text);
        label->setBuddy(box);
        grades->addWidget(label);
        grades->addWidget(box);
        connect(box, &QSpinBox::valueChanged, this, &ScoringDialog::schedulePreview);
        return box;
    };
    m_gradeA = gradeBox(QStringLiteral("gradeA"), tr("Grade A from"));
    m_gradeB = gradeBox(QStringLiteral("gradeB"), tr("B from"));
    m_gradeC = gradeBox(QStringLiteral("gradeC"), tr("C from"));
    grades->addWidget(new QLabel(tr("(D below)")));
    grades->addStretch(1);
    layout->addLayout(grades);

    m_previewText = new QLabel;
    m_previewText->setObjectName(QStringLiteral("gradePreview"));
    m_previewText->setAccessibleName(tr("Grades under the edited rules"));
    m_previewText->setWordWrap(true);
    m_previewText->setTextFormat(Qt::RichText);
    layout->addWidget(m_previewText);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("scoringMessage"));
    m_message->setAccessibleName(tr("Scoring message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    tabs->addTab(rulesPage, tr("&Rules"));

    m_win = new WinModelPanel(db);
    tabs->addTab(m_win, tr("&Win probability"));

    auto *bottom = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("rescoreProgress"));
    m_progress->setAccessibleName(tr("Rescoring progress"));
    m_progress->hide();
    m_cancelRescore = new QPushButton(tr("Cancel rescoring"));
    m_cancelRescore->setObjectName(QStringLiteral("cancelRescoreButton"));
    m_cancelRescore->setAccessibleName(tr("Cancel rescoring"));
    m_cancelRescore->hide();
    connect(m_cancelRescore, &QPushButton::clicked, this, [this] {
        if (m_rescoreCancel)
            m_rescoreCancel->store(true);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_save = buttons->addButton(tr("&Save and rescore"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveScoringButton"));
    m_save->setAccessibleName(tr("Save the rules and rescore every lead"));
    connect(buttons, &QDialogButtonBox::rejected, this, &ScoringDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ScoringDialog::saveAndRescore);
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancelRescore);
    bottom->addWidget(buttons);
    outer->addLayout(bottom);
    // Tab reaching the box goes to its accept button (the box's focus proxy) and on from there:
    // Close, made first, would come before it and never be reached.
    setTabOrder(m_save, buttons->button(QDialogButtonBox::Close));

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250); // typing a number is one change, not three
    connect(m_previewTimer, &QTimer::timeout, this, &ScoringDialog::startPreview);
    connect(m_rules, &ScoringRulesModel::edited, this, &ScoringDialog::schedulePreview);
    connect(m_rules, &ScoringRulesModel::refused, m_message, &QLabel::setText);
    setBusy(true);
    load();
}

ScoringDialog::~ScoringDialog() {
    if (m_previewCancel)
        m_previewCancel->store(true);
    if (m_rescoreCancel)
        m_rescoreCancel->store(true);
    m_reader.reset();
}

void ScoringDialog::reject() {
    // Closing while rescoring asks the rescoring to stop: nothing half-done stays behind.
    if (m_rescoreCancel)
        m_rescoreCancel->store(true);
    QDialog::reject();
}

ScoringModel ScoringDialog::editedModel() const {
    ScoringModel model = m_loaded;
    model.rules = m_rules->rules();
    model.gradeA = m_gradeA->value();
    model.gradeB = m_gradeB->value();
    model.gradeC = m_gradeC->value();
    return model;
}

void ScoringDialog::load() {
    m_reader->post([this](const Database &db) {
        ScoringModelRepository repository(db);
        const std::optional<ScoringModel> model = repository.current();
        const QString error = model ? QString() : repository.lastError();
        const ScoringModel value = model.value_or(ScoringModel::defaultModel());
        QMetaObject::invokeMethod(
            this, [this, value, error] { loaded(value, error); }, Qt::QueuedConnection);
        return error.isEmpty();
    });
}

void ScoringDialog::loaded(const ScoringModel &model, const QString &error) {
    m_loaded = model;
    m_rules->setRules(model.rules);
    for (QSpinBox *box : {m_gradeA, m_gradeB, m_gradeC})
        box->blockSignals(true);
    m_gradeA->setValue(model.gradeA);
    m_gradeB->setValue(model.gradeB);
    m_gradeC->setValue(model.gradeC);
    for (QSpinBox *box : {m_gradeA, m_gradeB, m_gradeC})
        box->blockSignals(false);
    setBusy(false);
    if (!error.isEmpty()) {
        m_message->setText(tr("Could not read the scoring rules: %1").arg(error));
        m_save->setEnabled(false);
        return;
    }
    m_message->setText(tr("Version %1 of the rules.").arg(model.version));
    startPreview();
}

bool ScoringDialog::gradesValid(QString *error) const {
    if (m_gradeA->value() > m_gradeB->value() && m_gradeB->value() > m_gradeC->value())
        return true;
    *error = tr("The grade bands must go down: A from more points than B, B from more than C.");
    return false;
}

void ScoringDialog::schedulePreview() {
    if (m_busy)
        return;
    QString error;
    const bool valid = gradesValid(&error);
    m_save->setEnabled(valid);
    if (!valid) {
        m_message->setText(error);
        return;
    }
    m_message->setText(tr("Edited: not saved yet."));
    m_previewTimer->start();
}

void ScoringDialog::startPreview() {
    if (m_previewCancel) // the older preview is of no use any more
        m_previewCancel->store(true);
    m_previewCancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_previewGeneration;
    m_previewing = true;
    m_previewText->setText(tr("Grading every lead under these rules…"));
    const ScoringModel model = editedModel();
    const std::shared_ptr<std::atomic_bool> cancel = m_previewCancel;
    m_reader->post([this, model, cancel, generation](const Database &db) {
        if (cancel->load())
            return true;
        ScorePreview preview(db);
        preview.setCancelFlag(cancel.get());
        const GradeDistribution d = preview.run(model);
        if (d.cancelled)
            return true;
        QMetaObject::invokeMethod(
            this, [this, generation, d] { showPreview(generation, d); }, Qt::QueuedConnection);
        return d.ok;
    });
}

void ScoringDialog::showPreview(quint64 generation, const GradeDistribution &d) {
    if (generation != m_previewGeneration)
        return;
    m_previewing = false;
    m_preview = d;
    if (!d.ok) {
        m_previewText->setText(tr("Could not grade the leads: %1").arg(d.error.toHtmlEscaped()));
        emit previewShown();
        return;
    }
    const QLocale locale;
    QStringList parts;
    const char *names[] = {"A", "B", "C", "D"};
    for (std::size_t i = 0; i < d.grades.size(); ++i) {
        const double share = d.scored > 0 ? 100.0 * double(d.grades[i]) / double(d.scored) : 0;
        parts << tr("<b>%1</b> %2 (%3 %)")
                     .arg(QLatin1String(names[i]), locale.toString(d.grades[i]),
                          locale.toString(share, 'f', 0));
    }
    m_previewText->setText(tr("Under these rules: %1 · mean score %2.<br>%3 of %4 leads would "
                              "change grade.")
                               .arg(parts.join(QStringLiteral(" · ")),
                                    locale.toString(d.meanScore, 'f', 1),
                                    locale.toString(d.gradeChanges), locale.toString(d.scored)));
    emit previewShown();
}

void ScoringDialog::saveAndRescore() {
    QString error;
    if (m_busy || !gradesValid(&error)) {
        m_message->setText(error);
        return;
    }
    setBusy(true);
    m_rescoreCancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_rescoreCancel;
    const ScoringModel model = editedModel();
    const QString actor = m_actor;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelRescore->show();
    m_message->setText(tr("Saving the rules…"));
    m_reader->post([this, model, actor, cancel](const Database &db) {
        ScoringModelRepository repository(db);
        const std::optional<ScoringModel> saved = repository.save(model, actor);
        if (!saved) {
            const QString error = repository.lastError();
            QMetaObject::invokeMethod(
                this, [this, error] { rescoreFinished(false, false, 0, 0, error); },
                Qt::QueuedConnection);
            return false;
        }
        LeadRescorer rescorer(db);
        rescorer.setCancelFlag(cancel.get());
        // The win probability as last trained goes along, so that the pass keeps it current.
        const std::optional<StoredWinModel> win = WinModelStore(db).load();
        if (win)
            rescorer.setWinModel(&win->model);
        qint64 shown = -1;
        rescorer.setProgressHandler([this, &shown](qint64 done, qint64 total) {
            const qint64 percent = total > 0 ? done * 100 / total : 0;
            if (percent == shown)
                return;
            shown = percent;
            QMetaObject::invokeMethod(
                this, [this, done, total] { rescoreProgress(done, total); }, Qt::QueuedConnection);
        });
        const RescoreResult r = rescorer.rescore(LeadRescorer::Scope::Stale);
        const int version = saved->version;
        QMetaObject::invokeMethod(
            this,
            [this, r, version] { rescoreFinished(r.ok, r.cancelled, version, r.changed, r.error); },
            Qt::QueuedConnection);
        return r.ok || r.cancelled;
    });
}

void ScoringDialog::rescoreProgress(qint64 done, qint64 total) {
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    m_message->setText(
        tr("Rescoring %1 of %2 leads…").arg(QLocale().toString(done), QLocale().toString(total)));
}

void ScoringDialog::rescoreFinished(bool ok, bool cancelled, int version, qint64 changed,
                                    const QString &error) {
    m_progress->hide();
    m_cancelRescore->hide();
    m_rescoreCancel.reset();
    setBusy(false);
    if (version > 0)
        m_loaded.version = version;
    if (cancelled) {
        m_message->setText(tr("Saved as version %1; rescoring was cancelled, so the leads keep "
                              "their scores until they change or are rescored.")
                               .arg(version));
        return;
    }
    if (!ok) {
        m_message->setText(
            version > 0
                ? tr("Saved as version %1, but rescoring failed: %2").arg(version).arg(error)
                : tr("Could not save the rules: %1").arg(error));
        return;
    }
    m_message->setText(tr("Saved as version %1; %2 leads have a new score.")
                           .arg(version)
                           .arg(QLocale().toString(changed)));
    emit rescored(version, changed);
    startPreview();
}

void ScoringDialog::setBusy(bool busy) {
    m_busy = busy;
    m_table->setEnabled(!busy);
    for (QSpinBox *box : {m_gradeA, m_gradeB, m_gradeC})
        box->setEnabled(!busy);
    m_save->setEnabled(!busy);
}
