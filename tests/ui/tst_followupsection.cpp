#include "core/nurture/leadnurturer.h"
#include "core/storage/followupplanstore.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "sampleleaddatabase.h"
#include "ui/followupsection.h"
#include "ui/leadeditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrlQuery>

#include <algorithm>

// What the mail program would have been given.
class MailCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

// The lead panel's follow-up section as a rep uses it: what is next and where in the cadence,
// Log touch… asking for the next follow-up from the cadence, Schedule…, Enroll…, Email…; each
// one undo step; do-not-contact, closed and test leads get none of them, and say why.
class TestFollowUpSection : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsTheFollowUpAndWhereTheCadenceIs();
    void loggingATouchProposesTheCadencesNextAndUndoes();
    void schedulingIsOneUndoStep();
    void noActionsForLeadsThatMayNotBeTouched_data();
    void noActionsForLeadsThatMayNotBeTouched();
    void emailOpensTheMailProgramAndLogsTheTouch();
    void enrollingASelectionReportsTheRefusedLead();

private:
    Lead stored(qint64 id) const { return *LeadRepository(m_db->database()).lead(id); }
    FollowUpPlan plan(qint64 id) const { return *FollowUpPlanStore(m_db->database()).plan(id); }
    void change(qint64 id, const QString &column, const QVariant &value);
    void show(qint64 id);
    template <typename T> T *child(const char *name) const {
        T *w = m_section->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no %s in the section", name);
        return w;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<LeadEditor> m_editor;
    std::unique_ptr<FollowUpSection> m_section;
    qint64 m_id = 0;
};

void TestFollowUpSection::change(qint64 id, const QString &column, const QVariant &value) {
    const UpdateResult r =
        LeadWriter(m_db->database()).update(id, 0, LeadChanges().set(column, value), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
}

void TestFollowUpSection::show(qint64 id) {
    m_section->display(stored(id));
    QTRY_VERIFY(!m_section->isLoading());
}

void TestFollowUpSection::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_id = m_db->addLead(Storefront::AppSource, 42);
    QVERIFY(m_id > 0);
    change(m_id, QStringLiteral("owner"), QStringLiteral("sam"));
    m_editor = std::make_unique<LeadEditor>(m_db->database(), QStringLiteral("sam"));
    m_section = std::make_unique<FollowUpSection>(m_db->database(), m_editor.get());
    // As the panel does: the section follows the lead as stored after each change.
    connect(m_editor.get(), &LeadEditor::leadChanged, m_section.get(), [this](const Lead &l) {
        if (l.id == m_id)
            m_section->display(l);
    });
    m_section->resize(460, 200);
    m_section->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_section.get()));
}

void TestFollowUpSection::cleanup() {
    m_section.reset();
    m_editor.reset();
    m_db.reset();
}

void TestFollowUpSection::showsTheFollowUpAndWhereTheCadenceIs() {
    show(m_id);
    QCOMPARE(child<QLabel>("followUpWhen")->text(), QStringLiteral("No follow-up planned."));
    QVERIFY(child<QLabel>("followUpCadence")->text().contains(QStringLiteral("Not touched yet")));
    const UpdateResult r = LeadNurturer(m_db->database())
                               .enroll({m_id}, QStringLiteral("Contact me"), QStringLiteral("sam"))
                               .first();
    QVERIFY2(r.ok(), qPrintable(r.error));
    show(m_id);
    const QString when = child<QLabel>("followUpWhen")->text();
    QVERIFY2(when.startsWith(QStringLiteral("Overdue: email")) ||
                 when.startsWith(QStringLiteral("Email")),
             qPrintable(when));
    QVERIFY2(when.contains(QStringLiteral("sam's")), qPrintable(when));
    QCOMPARE(child<QLabel>("followUpCadence")->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Cadence Contact me: touch 1 of 8 (day 0)"));
    for (const char *name :
         {"logTouchButton", "scheduleFollowUpButton", "enrollButton", "emailButton"})
        QVERIFY2(child<QPushButton>(name)->isEnabled(), name);
    QVERIFY(!child<QLabel>("followUpBlocked")->isVisible());
}

void TestFollowUpSection::loggingATouchProposesTheCadencesNextAndUndoes() {
    QVERIFY(LeadNurturer(m_db->database())
                .enroll({m_id}, QStringLiteral("Contact me"), QStringLiteral("sam"))
                .first()
                .ok());
    show(m_id);
    const FollowUpPlan enrolled = plan(m_id);
    QString proposedKind;
    QDateTime proposedAt;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        // The cadence's second touch: a call on day 2.
        proposedKind =
            dialog->findChild<QComboBox *>(QStringLiteral("nextFollowUpKind"))->currentText();
        proposedAt =
            dialog->findChild<QDateTimeEdit *>(QStringLiteral("nextFollowUpWhen"))->dateTime();
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("touchKind"));
        kind->setCurrentIndex(kind->findText(QStringLiteral("Email")));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("logTouchButton"));
        QVERIFY(!ok->isEnabled()); // no outcome yet
        dialog->findChild<QComboBox *>(QStringLiteral("touchOutcome"))
            ->setEditText(QStringLiteral("sent"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("touchText"))
            ->setPlainText(QStringLiteral("Intro and the trial link"));
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>("logTouchButton"), Qt::LeftButton);
    QCOMPARE(proposedKind, QStringLiteral("Call"));
    QVERIFY2(qAbs(proposedAt.secsTo(enrolled.cadenceStartedAt.addDays(2))) < 60,
             qPrintable(proposedAt.toString(Qt::ISODate)));
    QTRY_COMPARE(stored(m_id).followUps, 1);
    Lead after = stored(m_id);
    QCOMPARE(after.stage, Stage::Contacted);
    QCOMPARE(plan(m_id).cadenceStep, 1);
    QCOMPARE(plan(m_id).kind, QStringLiteral("call"));
    QVERIFY(plan(m_id).firstTouchAt.isValid());
    const QList<Activity> history = LeadHistory(m_db->database()).activities(m_id);
    QVERIFY(std::any_of(history.cbegin(), history.cend(), [](const Activity &a) {
        return a.kind == ActivityKind::Touch && a.field == QLatin1String("email") &&
               a.newValue.toString() == QLatin1String("sent") &&
               a.note == QLatin1String("Intro and the trial link");
    }));
    QTRY_COMPARE(m_editor->undoStack()->undoText(),
                 QStringLiteral("Log email with Lead %1").arg(1));
    QTRY_VERIFY(child<QLabel>("followUpCadence")->text().contains(QStringLiteral("touch 2 of 8")));

    // Undo: not counted, not contacted, back at the cadence's first touch, never touched.
    QTRY_VERIFY(!m_editor->isBusy());
    m_editor->undo();
    QTRY_COMPARE(stored(m_id).followUps, 0);
    QCOMPARE(stored(m_id).stage, Stage::New);
    QCOMPARE(plan(m_id), enrolled);
    QTRY_VERIFY(!m_editor->isBusy());
    m_editor->redo();
    QTRY_COMPARE(stored(m_id).followUps, 1);
    QCOMPARE(plan(m_id).cadenceStep, 1);
}

void TestFollowUpSection::schedulingIsOneUndoStep() {
    show(m_id);
    const QDateTime at = QDateTime(QDate::currentDate().addDays(3), QTime(14, 30));
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        dialog->findChild<QDateTimeEdit *>(QStringLiteral("followUpWhen"))->setDateTime(at);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("followUpKind"));
        kind->setCurrentIndex(kind->findText(QStringLiteral("Meeting")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("scheduleButton")),
                          Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>("scheduleFollowUpButton"), Qt::LeftButton);
    QTRY_COMPARE(stored(m_id).nextFollowUpAt, at.toUTC());
    QCOMPARE(plan(m_id).kind, QStringLiteral("meeting"));
    QTRY_VERIFY2(child<QLabel>("followUpWhen")->text().startsWith(QStringLiteral("Meeting")),
                 qPrintable(child<QLabel>("followUpWhen")->text()));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    m_editor->undo();
    QTRY_VERIFY(!stored(m_id).nextFollowUpAt.isValid());
    QCOMPARE(plan(m_id).kind, QString());
}

void TestFollowUpSection::noActionsForLeadsThatMayNotBeTouched_data() {
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("do not contact")
        << QStringLiteral("do_not_contact") << QVariant(true) << QStringLiteral("do-not-contact");
    QTest::newRow("won") << QStringLiteral("stage") << QVariant(QStringLiteral("won"))
                         << QStringLiteral("closed (Won)");
    QTest::newRow("lost") << QStringLiteral("stage") << QVariant(QStringLiteral("lost"))
                          << QStringLiteral("closed (Lost)");
}

void TestFollowUpSection::noActionsForLeadsThatMayNotBeTouched() {
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QString, reason);
    change(m_id, column, value);
    show(m_id);
    for (const char *name :
         {"logTouchButton", "scheduleFollowUpButton", "enrollButton", "emailButton"}) {
        QVERIFY2(!child<QPushButton>(name)->isEnabled(), name);
        QVERIFY2(child<QPushButton>(name)->toolTip().contains(reason), name);
    }
    QVERIFY(child<QLabel>("followUpBlocked")->isVisible());
    QVERIFY2(child<QLabel>("followUpBlocked")->text().contains(reason),
             qPrintable(child<QLabel>("followUpBlocked")->text()));
}

void TestFollowUpSection::emailOpensTheMailProgramAndLogsTheTouch() {
    MailCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), &catcher, "open");
    show(m_id);
    QTest::mouseClick(child<QPushButton>("emailButton"), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    QCOMPARE(catcher.urls.size(), 1);
    const QUrl url = catcher.urls.first();
    QCOMPARE(url.scheme(), QStringLiteral("mailto"));
    QCOMPARE(url.path(), stored(m_id).email);
    const QString subject =
        QUrlQuery(url).queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded);
    QVERIFY2(subject.contains(QStringLiteral("Contoso Analytics")), qPrintable(subject));
    QTRY_COMPARE(stored(m_id).followUps, 1);
    const QList<Activity> history = LeadHistory(m_db->database()).activities(m_id);
    QVERIFY(std::any_of(history.cbegin(), history.cend(), [](const Activity &a) {
        return a.kind == ActivityKind::Touch && a.field == QLatin1String("email");
    }));
    QTRY_COMPARE(m_editor->undoStack()->undoText(), QStringLiteral("Email Lead 1"));
}

void TestFollowUpSection::enrollingASelectionReportsTheRefusedLead() {
    const qint64 other = m_db->addLead(Storefront::AzureMarketplace, 60);
    const qint64 won = m_db->addLead(Storefront::AzureMarketplace, 70);
    change(won, QStringLiteral("stage"), QStringLiteral("won"));
    show(m_id);
    QStringList refusals;
    connect(m_section.get(), &FollowUpSection::refused, this,
            [&](const QString &message) { refusals << message; });
    QStringList offered;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        offered = dialog->comboBoxItems();
        dialog->setTextValue(QStringLiteral("Trial and install"));
        dialog->accept();
    });
    m_section->enrollLeads({LeadVersion{m_id, stored(m_id).version},
                            LeadVersion{other, stored(other).version},
                            LeadVersion{won, stored(won).version}});
    QCOMPARE(offered,
             (QStringList{QStringLiteral("Contact me"), QStringLiteral("Trial and install")}));
    QTRY_COMPARE(plan(other).cadence, QStringLiteral("Trial and install"));
    QCOMPARE(plan(m_id).cadence, QStringLiteral("Trial and install"));
    QVERIFY(stored(other).nextFollowUpAt.isValid());
    QCOMPARE(plan(won).cadence, QString());
    QTRY_COMPARE(refusals.size(), 1);
    QVERIFY2(refusals.first().contains(QStringLiteral("lead %1 is closed").arg(won)),
             qPrintable(refusals.first()));
    // One step for the two that joined; undo takes both out.
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    m_editor->undo();
    QTRY_COMPARE(plan(other).cadence, QString());
    QTRY_COMPARE(plan(m_id).cadence, QString());
    QVERIFY(!stored(other).nextFollowUpAt.isValid());
}

QTEST_MAIN(TestFollowUpSection)
#include "tst_followupsection.moc"
