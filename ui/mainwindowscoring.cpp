// MainWindow's Scoring menu: the rules behind every lead's score, and how well the win
// probability predicts.
#include "mainwindow.h"

#include "core/storage/prerequisitestore.h"

#include "core/storage/databasereader.h"
#include "core/storage/scoringmodelrepository.h"
#include "leadpanel.h"
#include "scoringdialog.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

void MainWindow::createScoringMenu() {
    auto *scoring = new QMenu(tr("&Scoring"), this);
    scoring->setObjectName(QStringLiteral("scoringMenu"));
    QAction *rules = scoring->addAction(tr("Scoring &rules…"), this, &MainWindow::openScoring);
    rules->setObjectName(QStringLiteral("scoringRulesAction"));
    setTips(rules, tr("Edit the rules and grade bands behind every lead's score, with a "
                      "preview, and rescore"));
    // Before Help, the last menu.
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), scoring);
    m_scoringReader = std::make_unique<DatabaseReader>(m_db);
    loadScoringModel();
}

void MainWindow::loadScoringModel() {
    m_scoringReader->post([this](const Database &db) {
        ScoringModelRepository models(db);
        const std::optional<ScoringModel> model = models.current();
        if (model) {
            const ScoringModel value = *model;
            QMetaObject::invokeMethod(
                this, [this, value] { m_panel->setScoringModel(value); }, Qt::QueuedConnection);
        }
        const std::optional<QualificationPolicy> checklist = PrerequisiteStore(db).policy();
        if (checklist) {
            const QualificationPolicy value = *checklist;
            QMetaObject::invokeMethod(
                this, [this, value] { m_panel->setQualificationPolicy(value); },
                Qt::QueuedConnection);
        }
        return model.has_value() && checklist.has_value();
    });
}

void MainWindow::openScoring() {
    auto *dialog = new ScoringDialog(m_db, userName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScoringDialog::rescored, this, [this] {
        loadScoringModel();
        refresh();
    });
    dialog->open();
}
