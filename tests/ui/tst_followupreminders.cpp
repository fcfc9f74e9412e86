#include "core/domain/leadcolumns.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/leadwriter.h"
#include "sampleleaddatabase.h"
#include "ui/followupreminders.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

// Reminders while the program runs, on a test clock that moves instead of a test that sleeps:
// each follow-up that falls due is announced once, several at once in one grouped message,
// none for a do-not-contact, closed or test lead or for what was already due at start.
class TestFollowUpReminders : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void announcesWhatFallsDueGrouped();
    void groupingText();

private:
    qint64 addDue(const QDateTime &due, bool isTest = false);
    void set(qint64 id, const QString &column, const QVariant &value);
    // Moves the clock to `at`, checks, and returns what was announced.
    QList<FollowUpReminders::Reminder> advanceTo(const QDateTime &at);

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<FollowUpReminders> m_reminders;
    const QDateTime m_start{QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()};
    QDateTime m_clock;
};

qint64 TestFollowUpReminders::addDue(const QDateTime &due, bool isTest) {
    const qint64 id = m_db->addLead(Storefront::AppSource, 50, isTest);
    set(id, QStringLiteral("owner"), QStringLiteral("sam"));
    set(id, QStringLiteral("next_follow_up_at"), LeadColumns::isoUtc(due));
    return id;
}

void TestFollowUpReminders::set(qint64 id, const QString &column, const QVariant &value) {
    const UpdateResult r =
        LeadWriter(m_db->database()).update(id, 0, LeadChanges().set(column, value), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
}

QList<FollowUpReminders::Reminder> TestFollowUpReminders::advanceTo(const QDateTime &at) {
    m_clock = at;
    QList<FollowUpReminders::Reminder> out;
    const auto c = connect(m_reminders.get(), &FollowUpReminders::reminderDue, this,
                           [&out](const FollowUpReminders::Reminder &r) { out << r; });
    QSignalSpy checked(m_reminders.get(), &FollowUpReminders::checked);
    m_reminders->check();
    if (!checked.wait())
        qWarning("the check did not finish");
    disconnect(c);
    return out;
}

void TestFollowUpReminders::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_clock = m_start;
    m_reminders = std::make_unique<FollowUpReminders>(m_db->database(), QStringLiteral("sam"));
    m_reminders->setClock([this] { return m_clock; });
}

void TestFollowUpReminders::cleanup() {
    m_reminders.reset();
    m_db.reset();
}

void TestFollowUpReminders::announcesWhatFallsDueGrouped() {
    addDue(m_start.addSecs(-3600)); // already due at start: the Due queue shows it
    const qint64 a = addDue(m_start.addSecs(10 * 60));
    const qint64 b = addDue(m_start.addSecs(12 * 60));
    const qint64 dnc = addDue(m_start.addSecs(11 * 60));
    set(dnc, QStringLiteral("do_not_contact"), true);
    const qint64 lost = addDue(m_start.addSecs(11 * 60));
    set(lost, QStringLiteral("stage"), QStringLiteral("lost"));
    addDue(m_start.addSecs(11 * 60), true); // a test lead
    const qint64 c = addDue(m_start.addSecs(30 * 60));
    QVERIFY(LeadNurturer(m_db->database())
                .schedule(c, 0, m_start.addSecs(30 * 60), TouchKind::Call, QStringLiteral("sam"))
                .ok());

    QVERIFY(advanceTo(m_start.addSecs(5 * 60)).isEmpty());
    const QList<FollowUpReminders::Reminder> two = advanceTo(m_start.addSecs(15 * 60));
    QCOMPARE(two.size(), 1);
    QCOMPARE(two.first().leadIds, (QList<qint64>{a, b}));
    QCOMPARE(two.first().title, QStringLiteral("2 follow-ups due"));
    QCOMPARE(two.first().text,
             QStringLiteral("Lead 2 (%1), Lead 3 (%2)")
                 .arg(SampleLeadDatabase::companyOf(2), SampleLeadDatabase::companyOf(3)));
    QVERIFY(advanceTo(m_start.addSecs(20 * 60)).isEmpty()); // said once
    const QList<FollowUpReminders::Reminder> one = advanceTo(m_start.addSecs(31 * 60));
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().leadIds, QList<qint64>{c});
    QCOMPARE(one.first().title, QStringLiteral("Follow-up due"));
    QCOMPARE(one.first().text,
             QStringLiteral("Call Lead 7 (%1)").arg(SampleLeadDatabase::companyOf(7)));
    // Rescheduled for later, it is announced again when that time comes.
    set(a, QStringLiteral("next_follow_up_at"), LeadColumns::isoUtc(m_start.addSecs(40 * 60)));
    const QList<FollowUpReminders::Reminder> again = advanceTo(m_start.addSecs(41 * 60));
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().leadIds, QList<qint64>{a});
}

void TestFollowUpReminders::groupingText() {
    QList<DueFollowUp> due;
    for (int i = 1; i <= 5; ++i) {
        DueFollowUp f;
        f.lead.id = i;
        f.lead.firstName = QStringLiteral("Ana");
        f.lead.lastName = QString::number(i);
        due << f;
    }
    const FollowUpReminders::Reminder r = FollowUpReminders::reminderFor(due);
    QCOMPARE(r.title, QStringLiteral("5 follow-ups due"));
    QCOMPARE(r.text, QStringLiteral("Ana 1, Ana 2, Ana 3 and 2 more"));
    QCOMPARE(r.leadIds.size(), 5);
    const FollowUpReminders::Reminder single = FollowUpReminders::reminderFor(due.mid(0, 1));
    QCOMPARE(single.text, QStringLiteral("Follow up with Ana 1"));
}

QTEST_MAIN(TestFollowUpReminders)
#include "tst_followupreminders.moc"
