#include "sampleleaddatabase.h"
#include "ui/models/scoringrulesmodel.h"
#include "ui/scoringdialog.h"
#include "ui/winmodelpanel.h"

#include "core/scoring/scoringmodel.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/scoringmodelrepository.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

// The Scoring dialog as an admin uses it: the rules as a table that refuses what cannot be a
// rule, a grade preview that follows each edit, saving as a new version that rescores every
// lead; and an honest "not enough history" for the win probability of a small database.
class TestScoringDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { SampleLeadDatabase::isolateSettings(); }
    void rulesModelEditsAndRefuses();
    void previewFollowsTheGradeBands();
    void savingRescoresWithANewVersion();
    void winProbabilityNeedsHistory();
};

void TestScoringDialog::rulesModelEditsAndRefuses() {
    ScoringRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ScoringRule> rules = ScoringModel::defaultModel().rules;
    model.setRules(rules);
    QCOMPARE(model.rowCount(), rules.size());
    QSignalSpy edited(&model, &ScoringRulesModel::edited);
    QSignalSpy refused(&model, &ScoringRulesModel::refused);

    const QModelIndex points = model.index(0, ScoringRulesModel::Points);
    QVERIFY(model.setData(points, 40));
    QCOMPARE(model.rules().first().points, 40);
    QCOMPARE(points.data().toString(), QStringLiteral("+40"));
    QCOMPARE(edited.size(), 1);
    QVERIFY(!model.setData(points, 250)); // out of range
    QCOMPARE(refused.size(), 1);
    QCOMPARE(model.rules().first().points, 40);

    // A countries rule takes codes in any case and refuses what is no code.
    int countries = -1;
    for (int i = 0; i < rules.size(); ++i)
        if (rules.at(i).kind == RuleKind::Country)
            countries = i;
    QVERIFY(countries >= 0);
    const QModelIndex condition = model.index(countries, ScoringRulesModel::Condition);
    QVERIFY(model.setData(condition, QStringLiteral("nl, be")));
    QCOMPARE(model.rules().at(countries).countries,
             QStringList({QStringLiteral("NL"), QStringLiteral("BE")}));
    QVERIFY(!model.setData(condition, QStringLiteral("Holland")));
    QVERIFY(refused.last().first().toString().contains(QStringLiteral("Holland")));

    const int added = model.addRule(RuleKind::Seniority);
    QCOMPARE(model.rowCount(), rules.size() + 1);
    QVERIFY(!model.rules().at(added).id.isEmpty());
    QVERIFY(
        !model.setData(model.index(added, ScoringRulesModel::Condition), QStringLiteral("boss")));
    model.removeRule(added);
    QCOMPARE(model.rowCount(), rules.size());
}

void TestScoringDialog::previewFollowsTheGradeBands() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady() && db.addSampleMix(), qPrintable(db.error()));
    ScoringDialog dialog(db.database(), QStringLiteral("sam"));
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.isPreviewing(), 10000);
    QVERIFY2(dialog.preview().ok, qPrintable(dialog.preview().error));
    QCOMPARE(dialog.preview().scored, 10);  // the sample's leads
    QCOMPARE(dialog.preview().unscored, 1); // and its test lead, never scored
    qint64 graded = 0;
    for (qint64 n : dialog.preview().grades)
        graded += n;
    QCOMPARE(graded, 10);

    // Nothing reaches grade A once A needs 100 points.
    auto *a = dialog.findChild<QSpinBox *>(QStringLiteral("gradeA"));
    QSignalSpy shown(&dialog, &ScoringDialog::previewShown);
    a->setValue(100);
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1 && !dialog.isPreviewing(), 10000);
    QCOMPARE(dialog.preview().grades[0], 0);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("gradePreview"))
                ->text()
                .contains(QStringLiteral("would change grade")));

    // Bands that do not go down cannot be saved.
    auto *b = dialog.findChild<QSpinBox *>(QStringLiteral("gradeB"));
    b->setValue(100);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("saveScoringButton"))->isEnabled());
}

void TestScoringDialog::savingRescoresWithANewVersion() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady() && db.addSampleMix(), qPrintable(db.error()));
    for (int i = 0; i < 3; ++i) // and three no one has scored
        QVERIFY2(db.addLead(Storefront::AzureMarketplace, 0) > 0, qPrintable(db.error()));
    ScoringDialog dialog(db.database(), QStringLiteral("sam"));
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.isPreviewing(), 10000);
    const int before = dialog.editedModel().version;
    QVERIFY(before >= 1);
    dialog.findChild<QSpinBox *>(QStringLiteral("gradeC"))->setValue(5);
    QSignalSpy rescored(&dialog, &ScoringDialog::rescored);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveScoringButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rescored.size() == 1, 20000);
    const int version = rescored.first().first().toInt();
    QCOMPARE(version, before + 1);
    ScoringModelRepository models(db.database());
    QCOMPARE(models.current()->version, version);
    QCOMPARE(models.current()->gradeC, 5);
    // Every lead is scored by the new version, but the test lead and those a person scored.
    LeadFilter all;
    all.includeTest = true;
    const QList<Lead> leads = LeadRepository(db.database()).list(all, LeadSort(), 100);
    QCOMPARE(leads.size(), 14);
    int rescoredLeads = 0;
    for (const Lead &l : leads) {
        if (l.isTest || LeadWriter::isHandScored(l)) {
            QCOMPARE(l.scoreModelVersion, 0);
        } else {
            QCOMPARE(l.scoreModelVersion, version);
            ++rescoredLeads;
        }
    }
    QVERIFY(rescoredLeads >= 3);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("scoringMessage"))
                ->text()
                .contains(QStringLiteral("version %1").arg(version)));
}

void TestScoringDialog::winProbabilityNeedsHistory() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady() && db.addSampleMix(), qPrintable(db.error()));
    WinModelPanel panel(db.database());
    panel.show();
    QSignalSpy measured(&panel, &WinModelPanel::measured);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("measureWinModelButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(measured.size() == 1, 20000);
    QVERIFY(!panel.evaluation().isReady());
    QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("winModelSummary"))
                 ->text()
                 .contains(QStringLiteral("Not enough history")),
             qPrintable(panel.findChild<QLabel *>(QStringLiteral("winModelSummary"))->text()));
}

QTEST_MAIN(TestScoringDialog)
#include "tst_scoringdialog.moc"
