#include "core/domain/qualificationpolicy.h"
#include "sampleleaddatabase.h"
#include "ui/elidedlabel.h"
#include "ui/leadeditor.h"
#include "ui/leadpanel.h"

#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

// The lead panel as a rep uses it: the fields save through the editor and the timeline shows
// the change; a failed save keeps what was typed; a do-not-contact lead offers no link.
class TestLeadPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsTheLeadAndItsContactLinks();
    void changingTheStageSavesAndTheTimelineShowsIt();
    void aSecondSaveWaitsForTheFirst();
    void aFailedSaveKeepsTheTypedOwner();
    void aDoNotContactLeadHasNoLinks();
    void anOddEmailOrPhoneIsFlagged();
    void aNoteIsAddedToTheTimeline();
    void theFollowUpIsSetAndCleared();
    void theScoreExplainsItselfAndTheWinProbabilityItsDrivers();
    void longValuesEndInAnEllipsisInsideThePanel();
    void tickingAPrerequisiteSaysWhoAndUndoes();
    void qualifyTicksEverythingAndMovesTheStage();
    void theTeamsChecklistReplacesBant();
    void disqualifyAsksForAReason();
    void convertRecordsTheOpportunity();
    void everyWidgetHasAnAccessibleName();

private:
    Lead stored(qint64 id) const;
    void change(qint64 id, const QString &column, const QVariant &value);
    bool hideLeads(bool hidden);
    QString topLine() const;
    template <typename T> T *child(const char *name) const {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no %s in the panel", name);
        return w;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<LeadEditor> m_editor;
    std::unique_ptr<LeadPanel> m_panel;
    qint64 m_id = 0;
};

Lead TestLeadPanel::stored(qint64 id) const {
    return LeadRepository(m_db->database()).lead(id).value_or(Lead());
}

void TestLeadPanel::change(qint64 id, const QString &column, const QVariant &value) {
    const UpdateResult r =
        LeadWriter(m_db->database()).update(id, 0, LeadChanges().set(column, value), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
}

bool TestLeadPanel::hideLeads(bool hidden) {
    QSqlQuery q(m_db->database().connection());
    return q.exec(hidden ? QStringLiteral("ALTER TABLE leads RENAME TO leads_hidden")
                         : QStringLiteral("ALTER TABLE leads_hidden RENAME TO leads"));
}

QString TestLeadPanel::topLine() const {
    const QListWidget *timeline = child<QListWidget>("timeline");
    return timeline && timeline->count() > 0 ? timeline->item(0)->text() : QString();
}

void TestLeadPanel::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_id = m_db->addLead(Storefront::AppSource, 42);
    QVERIFY2(m_id > 0, qPrintable(m_db->error()));
    m_editor = std::make_unique<LeadEditor>(m_db->database(), QStringLiteral("sam"));
    m_panel = std::make_unique<LeadPanel>(m_db->database(), m_editor.get());
    m_panel->resize(420, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->setLead(stored(m_id));
    QTRY_VERIFY(!m_panel->isLoadingHistory());
}

void TestLeadPanel::cleanup() {
    m_panel.reset();
    m_editor.reset();
    m_db.reset();
}

void TestLeadPanel::showsTheLeadAndItsContactLinks() {
    QCOMPARE(child<QLabel>("leadName")->text(), QStringLiteral("Lead 1"));
    QCOMPARE(child<QLabel>("companyLabel")->text(), SampleLeadDatabase::companyOf(1));
    const QLabel *email = child<QLabel>("emailLink");
    QVERIFY(email->isEnabled());
    QVERIFY2(email->text().contains(QStringLiteral("href=\"mailto:lead1@example.com\"")),
             qPrintable(email->text()));
    QVERIFY(email->openExternalLinks());
    QVERIFY(!child<QLabel>("dncReason")->isVisible());
    QCOMPARE(child<QComboBox>("stageCombo")->currentText(), QStringLiteral("New"));
    QVERIFY(child<QLabel>("scoreHeadline")->text().contains(QStringLiteral("42")));
}

void TestLeadPanel::changingTheStageSavesAndTheTimelineShowsIt() {
    QComboBox *stage = child<QComboBox>("stageCombo");
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_Down); // New → Contacted, the next in the pipeline
    QTRY_COMPARE(stored(m_id).stage, Stage::Contacted);
    QTRY_VERIFY2(topLine().startsWith(QStringLiteral("sam changed stage: New → Contacted")),
                 qPrintable(topLine()));
    QVERIFY(topLine().contains(QStringLiteral("just now")));
    // The exact time is in the tooltip.
    QVERIFY(!child<QListWidget>("timeline")->item(0)->toolTip().isEmpty());
    QCOMPARE(stage->currentText(), QStringLiteral("Contacted"));
    QCOMPARE(m_panel->lead().version, stored(m_id).version);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("Set stage to Contacted"));
}

void TestLeadPanel::aSecondSaveWaitsForTheFirst() {
    QSignalSpy conflict(m_editor.get(), &LeadEditor::conflict);
    QComboBox *stage = child<QComboBox>("stageCombo");
    stage->setFocus();
    // Two stages chosen before the first is stored: the second is made against the version
    // the first produced, not refused as a conflict with the panel's own change.
    QTest::keyClick(stage, Qt::Key_Down);
    QTest::keyClick(stage, Qt::Key_Down);
    QTRY_COMPARE(stored(m_id).stage, Stage::Nurturing);
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(conflict.size(), 0);
    QCOMPARE(stage->currentText(), QStringLiteral("Nurturing"));
    QCOMPARE(m_editor->undoStack()->count(), 2);
}

void TestLeadPanel::aFailedSaveKeepsTheTypedOwner() {
    QLineEdit *owner = child<QLineEdit>("ownerEdit");
    owner->setFocus();
    QVERIFY(hideLeads(true));
    QTest::keyClicks(owner, QStringLiteral("kim"));
    QTest::keyClick(owner, Qt::Key_Return);
    const QLabel *message = child<QLabel>("panelMessage");
    QTRY_VERIFY(message->isVisible());
    QTRY_VERIFY(!m_editor->isBusy());
    QVERIFY(hideLeads(false));
    QVERIFY2(message->text().contains(QStringLiteral("Could not save")),
             qPrintable(message->text()));
    QCOMPARE(owner->text(), QStringLiteral("kim"));
    QCOMPARE(stored(m_id).owner, QString());
    // Enter again saves the value that is still there.
    QTest::keyClick(owner, Qt::Key_Return);
    QTRY_COMPARE(stored(m_id).owner, QStringLiteral("kim"));
    QTRY_VERIFY(!message->isVisible());
    QTRY_VERIFY2(topLine().startsWith(QStringLiteral("sam changed owner: none → kim")),
                 qPrintable(topLine()));
}

void TestLeadPanel::aDoNotContactLeadHasNoLinks() {
    change(m_id, QStringLiteral("do_not_contact"), true);
    change(m_id, QStringLiteral("phone"), QStringLiteral("+1 555 0100"));
    m_panel->setLead(stored(m_id));
    const QLabel *email = child<QLabel>("emailLink");
    const QLabel *phone = child<QLabel>("phoneLink");
    const QLabel *reason = child<QLabel>("dncReason");
    for (const QLabel *link : {email, phone}) {
        QVERIFY(!link->isEnabled());
        QVERIFY(!link->openExternalLinks());
        QVERIFY2(!link->text().contains(QStringLiteral("href")), qPrintable(link->text()));
    }
    QVERIFY(email->text().contains(QStringLiteral("lead1@example.com")));
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().startsWith(QStringLiteral("Do not contact")),
             qPrintable(reason->text()));
    // Cleared again, the links come back.
    change(m_id, QStringLiteral("do_not_contact"), false);
    m_panel->setLead(stored(m_id));
    QVERIFY(phone->text().contains(QStringLiteral("href=\"tel:+15550100\"")));
    QVERIFY(!reason->isVisible());
}

void TestLeadPanel::anOddEmailOrPhoneIsFlagged() {
    QVERIFY(!child<QLabel>("emailWarning")->isVisible());
    change(m_id, QStringLiteral("email"), QStringLiteral("lead1@localhost"));
    change(m_id, QStringLiteral("phone"), QStringLiteral("call me"));
    m_panel->setLead(stored(m_id));
    QVERIFY(child<QLabel>("emailWarning")->isVisible());
    QVERIFY(child<QLabel>("phoneWarning")->isVisible());
    // Flagged, not blocked: the link is still there.
    QVERIFY(child<QLabel>("emailLink")->text().contains(QStringLiteral("mailto:")));
}

void TestLeadPanel::aNoteIsAddedToTheTimeline() {
    QPlainTextEdit *note = child<QPlainTextEdit>("noteEdit");
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("Called, wants a demo"));
    QTest::mouseClick(child<QPushButton>("addNoteButton"), Qt::LeftButton);
    QTRY_VERIFY2(topLine().startsWith(QStringLiteral("sam noted: Called, wants a demo")),
                 qPrintable(topLine()));
    QVERIFY(note->toPlainText().isEmpty());
}

void TestLeadPanel::theFollowUpIsSetAndCleared() {
    QCheckBox *planned = child<QCheckBox>("followUpCheck");
    QDateTimeEdit *when = child<QDateTimeEdit>("followUpEdit");
    QVERIFY(!planned->isChecked());
    QVERIFY(!when->isEnabled());
    QCOMPARE(when->text(), QStringLiteral("None planned"));

    QTest::mouseClick(planned, Qt::LeftButton);
    QTRY_VERIFY(stored(m_id).nextFollowUpAt.isValid());
    QCOMPARE(stored(m_id).nextFollowUpAt, when->dateTime().toUTC());
    QVERIFY(when->isEnabled());
    QTRY_VERIFY2(topLine().startsWith(QStringLiteral("sam changed next follow up: none → ")),
                 qPrintable(topLine()));

    QTest::mouseClick(planned, Qt::LeftButton);
    QTRY_VERIFY(!stored(m_id).nextFollowUpAt.isValid());
    QTRY_COMPARE(when->text(), QStringLiteral("None planned"));
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("Clear next follow-up"));
}

void TestLeadPanel::theScoreExplainsItselfAndTheWinProbabilityItsDrivers() {
    // Until a win model is trained the panel says so instead of a number.
    QVERIFY2(child<QLabel>("winProbability")->text().contains(QStringLiteral("not yet")),
             qPrintable(child<QLabel>("winProbability")->text()));
    QSqlQuery q(m_db->database().connection());
    QVERIFY(q.exec(QStringLiteral(
        "UPDATE leads SET score = 43, grade = 'C', score_model_version = 1, score_explanation = "
        "'action.INS:25 seniority.director:15 email.free-mail:-5 cap.max:8', win_probability = "
        "0.34, win_drivers = '{\"up\":[{\"name\":\"Director\",\"effect\":0.54}],"
        "\"down\":[{\"name\":\"Free-mail address\",\"effect\":-0.4}]}'")));
    m_panel->setLead(stored(m_id));
    QStringList lines;
    for (const QLabel *line : m_panel->findChildren<QLabel *>(QStringLiteral("scoreLine")))
        lines << line->text();
    // In the words of the shipped rules, signed, adding up to the score.
    QCOMPARE(lines, QStringList({QStringLiteral("+25  Installed the offer"),
                                 QStringLiteral("+15  Director"),
                                 QStringLiteral("\u22125  Free-mail address"),
                                 QStringLiteral("+8  Capped at 100")}));
    QVERIFY(child<QLabel>("scoreHeadline")->text().contains(QStringLiteral("<b>43</b>")));
    QVERIFY2(child<QLabel>("winProbability")->text().contains(QStringLiteral("34")),
             qPrintable(child<QLabel>("winProbability")->text()));
    const QString drivers = child<QLabel>("winDrivers")->text();
    QVERIFY2(drivers.contains(QStringLiteral("Up: Director")) &&
                 drivers.contains(QStringLiteral("Down: Free-mail address")),
             qPrintable(drivers));
}

// A long address or score line ends in "…" at the panel's right edge, whole in its tooltip;
// nothing runs past the edge into a sideways scroll.
void TestLeadPanel::longValuesEndInAnEllipsisInsideThePanel() {
    const QString email =
        QStringLiteral("tomasz.hall.procurement@alpinemanufacturingworldwide.example");
    const QString rule = QStringLiteral("recent.marketplace-activity-in-the-last-fourteen-days");
    change(m_id, QStringLiteral("email"), email);
    QSqlQuery q(m_db->database().connection());
    QVERIFY(q.exec(
        QStringLiteral("UPDATE leads SET score_explanation = 'action.INS:25 %1:10'").arg(rule)));
    m_panel->resize(360, 800);
    m_panel->setLead(stored(m_id));
    auto *scroll = m_panel->findChild<QScrollArea *>();
    QVERIFY(scroll);
    const QWidget *viewport = scroll->viewport();
    auto insideTheViewport = [viewport](const QWidget *w) {
        return w->mapTo(viewport, QPoint(w->width(), 0)).x() <= viewport->width();
    };

    auto *link = child<ElidedLabel>("emailLink");
    QTRY_VERIFY(link->isElided());
    QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    QVERIFY2(insideTheViewport(link), qPrintable(link->text()));
    QVERIFY2(link->text().contains(QStringLiteral("href=\"mailto:%1\"").arg(email)) &&
                 link->text().contains(QStringLiteral("…")),
             qPrintable(link->text()));
    QCOMPARE(link->toolTip(), email);

    ElidedLabel *longLine = nullptr;
    for (ElidedLabel *line : m_panel->findChildren<ElidedLabel *>(QStringLiteral("scoreLine")))
        if (line->fullText().endsWith(rule))
            longLine = line;
    QVERIFY(longLine);
    QTRY_VERIFY(longLine->isElided());
    QVERIFY(insideTheViewport(longLine));
    QVERIFY2(longLine->text().endsWith(QStringLiteral("…")), qPrintable(longLine->text()));
    QCOMPARE(longLine->toolTip(), QStringLiteral("+10  ") + rule);

    // Given the room, the whole address shows again.
    m_panel->resize(900, 800);
    QTRY_VERIFY(!link->isElided());
    QVERIFY(link->toolTip().isEmpty());
}

void TestLeadPanel::tickingAPrerequisiteSaysWhoAndUndoes() {
    QCheckBox *budget = child<QCheckBox>("check_budget");
    QVERIFY(!budget->isChecked());
    // On the box itself: a wide check box takes clicks only on its box and words.
    QTest::mouseClick(budget, Qt::LeftButton, {}, QPoint(8, budget->height() / 2));
    QTRY_VERIFY2(stored(m_id).qualification.isTicked(QStringLiteral("budget")),
                 qPrintable(child<QLabel>("panelMessage")->text()));
    QCOMPARE(stored(m_id).qualification.tickOf(QStringLiteral("budget")).by, QStringLiteral("sam"));
    QTRY_VERIFY2(budget->text().contains(QStringLiteral("sam")), qPrintable(budget->text()));
    QVERIFY(budget->isChecked());
    QVERIFY(!child<QCheckBox>("check_need")->isChecked());
    m_editor->undoStack()->undo();
    QTRY_VERIFY(!stored(m_id).qualification.isTicked(QStringLiteral("budget")));
    QTRY_VERIFY(!budget->isChecked());
}

void TestLeadPanel::qualifyTicksEverythingAndMovesTheStage() {
    QTest::mouseClick(child<QPushButton>("qualifyButton"), Qt::LeftButton);
    QTRY_COMPARE(stored(m_id).stage, Stage::Qualified);
    const Lead lead = stored(m_id);
    for (const char *item : {"budget", "authority", "need", "timeline"})
        QVERIFY2(lead.qualification.isTicked(QLatin1String(item)), item);
    QTRY_COMPARE(child<QComboBox>("stageCombo")->currentText(), QStringLiteral("Qualified"));
    QVERIFY(!child<QPushButton>("qualifyButton")->isEnabled());
    QVERIFY(child<QPushButton>("convertLeadButton")->isEnabled());
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("Qualify Lead 1"));
    m_editor->undoStack()->undo();
    QTRY_COMPARE(stored(m_id).stage, Stage::New);
    QVERIFY(stored(m_id).qualification.isEmpty());
}

void TestLeadPanel::theTeamsChecklistReplacesBant() {
    m_panel->setQualificationPolicy(
        QualificationPolicy({{QStringLiteral("budget"), QStringLiteral("Budget")},
                             {QStringLiteral("champion"), QStringLiteral("Has a champion")}}));
    QCheckBox *champion = child<QCheckBox>("check_champion");
    QCOMPARE(champion->text(), QStringLiteral("Has a champion"));
    QTRY_VERIFY(champion->isVisible());
    QVERIFY(!m_panel->findChild<QCheckBox *>(QStringLiteral("check_authority")));
    // Its items stand above Qualify, in the checklist's order.
    QVERIFY(champion->mapTo(m_panel.get(), QPoint()).y() >
            child<QCheckBox>("check_budget")->mapTo(m_panel.get(), QPoint()).y());
    QVERIFY(champion->mapTo(m_panel.get(), QPoint()).y() <
            child<QPushButton>("qualifyButton")->mapTo(m_panel.get(), QPoint()).y());
    QTest::mouseClick(child<QPushButton>("qualifyButton"), Qt::LeftButton);
    QTRY_COMPARE(stored(m_id).stage, Stage::Qualified);
    QVERIFY(stored(m_id).qualification.isTicked(QStringLiteral("champion")));
    QVERIFY(!stored(m_id).qualification.isTicked(QStringLiteral("authority")));
}

void TestLeadPanel::disqualifyAsksForAReason() {
    bool okWasOff = false;
    QTimer::singleShot(0, this, [&okWasOff] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("disqualifyButton"));
        okWasOff = !ok->isEnabled(); // no reason chosen yet
        auto *reason = dialog->findChild<QComboBox *>(QStringLiteral("disqualifyReason"));
        reason->setCurrentIndex(reason->findData(QStringLiteral("no-budget")));
        dialog->findChild<QLineEdit *>(QStringLiteral("disqualifyText"))
            ->setText(QStringLiteral("Frozen until next year"));
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>("disqualifyLeadButton"), Qt::LeftButton);
    QVERIFY(okWasOff);
    QTRY_COMPARE(stored(m_id).stage, Stage::Disqualified);
    QCOMPARE(stored(m_id).disqualifyReason, QStringLiteral("no-budget"));
    QCOMPARE(stored(m_id).disqualifyNote, QStringLiteral("Frozen until next year"));
    QTRY_VERIFY2(child<QLabel>("qualificationState")->text().contains(QStringLiteral("No budget")),
                 qPrintable(child<QLabel>("qualificationState")->text()));
}

void TestLeadPanel::convertRecordsTheOpportunity() {
    QTest::mouseClick(child<QPushButton>("qualifyButton"), Qt::LeftButton);
    QTRY_COMPARE(stored(m_id).stage, Stage::Qualified);
    QTRY_VERIFY(child<QPushButton>("convertLeadButton")->isEnabled());
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("opportunityValue"))->setValue(25000);
        dialog->findChild<QLineEdit *>(QStringLiteral("opportunityCurrency"))
            ->setText(QStringLiteral("eur"));
        auto *where = dialog->findChild<QComboBox *>(QStringLiteral("destination"));
        where->setCurrentIndex(where->findData(QStringLiteral("co-sell")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("convertButton")),
                          Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>("convertLeadButton"), Qt::LeftButton);
    QTRY_COMPARE(stored(m_id).stage, Stage::Opportunity);
    const Lead lead = stored(m_id);
    QCOMPARE(lead.opportunityValue, 25000.0);
    QCOMPARE(lead.opportunityCurrency, QStringLiteral("EUR"));
    QCOMPARE(lead.destination, QStringLiteral("co-sell"));
    QVERIFY(lead.expectedCloseAt.isValid());
    QTRY_VERIFY(child<QLabel>("qualificationState")->text().contains(QStringLiteral("EUR")));
}

void TestLeadPanel::everyWidgetHasAnAccessibleName() {
    const QList<QWidget *> widgets = m_panel->findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

QTEST_MAIN(TestLeadPanel)
#include "tst_leadpanel.moc"
