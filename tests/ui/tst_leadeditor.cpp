#include "sampleleaddatabase.h"
#include "ui/leadeditor.h"

#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"

#include <QAction>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUndoStack>

// The write path of the window: every edit lands in the database off the GUI thread, is one
// undo step, and its undo puts the database back, never over someone else's change.
class TestLeadEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void anEditIsStoredAndUndoRestoresTheDatabase();
    void aBulkEditIsOneUndoStep();
    void anUndoDoesNotOverwriteSomeoneElsesChange();
    void aLostRaceIsReportedAsAConflict();
    void aFailedSaveIsReportedAndChangesNothing();
    void aDeleteIsUndoneFromTheTrash();
    void aNoteIsStoredInTheHistory();

private:
    Lead stored(qint64 id) const;
    bool hideLeads(bool hidden);
    QList<qint64> m_ids;
    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<LeadEditor> m_editor;
};

Lead TestLeadEditor::stored(qint64 id) const {
    return LeadRepository(m_db->database()).lead(id).value_or(Lead());
}

bool TestLeadEditor::hideLeads(bool hidden) {
    QSqlQuery q(m_db->database().connection());
    return q.exec(hidden ? QStringLiteral("ALTER TABLE leads RENAME TO leads_hidden")
                         : QStringLiteral("ALTER TABLE leads_hidden RENAME TO leads"));
}

void TestLeadEditor::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_ids.clear();
    for (int i = 0; i < 4; ++i)
        m_ids << m_db->addLead(Storefront::AppSource, 10 * i);
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_editor = std::make_unique<LeadEditor>(m_db->database(), QStringLiteral("sam"));
}

void TestLeadEditor::cleanup() {
    m_editor.reset();
    m_db.reset();
}

void TestLeadEditor::anEditIsStoredAndUndoRestoresTheDatabase() {
    const qint64 id = m_ids.first();
    const Lead before = stored(id);
    QSignalSpy changed(m_editor.get(), &LeadEditor::leadChanged);
    QAction *undo = m_editor->createUndoAction(this);
    QAction *redo = m_editor->createRedoAction(this);
    QVERIFY(!undo->isEnabled());

    m_editor->edit({{id, before.version}},
                   LeadChanges().set(QStringLiteral("stage"), QStringLiteral("qualified")),
                   QStringLiteral("Set stage to Qualified"));
    QTRY_COMPARE(stored(id).stage, Stage::Qualified);
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Lead>().stage, Stage::Qualified);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    // The Edit menu names what will be undone.
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Set stage to Qualified"));

    undo->trigger();
    QTRY_COMPARE(stored(id).stage, Stage::New);
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(changed.last().first().value<Lead>().stage, Stage::New);
    QVERIFY(redo->isEnabled());
    QCOMPARE(redo->text(), QStringLiteral("&Redo Set stage to Qualified"));
    // The undo is in the history too, by the same person.
    const QList<Activity> lines = LeadHistory(m_db->database()).activities(id);
    QCOMPARE(lines.last().field, QStringLiteral("stage"));
    QCOMPARE(lines.last().newValue, QVariant(QStringLiteral("new")));
    QCOMPARE(lines.last().actor, QStringLiteral("sam"));

    redo->trigger();
    QTRY_COMPARE(stored(id).stage, Stage::Qualified);
    QTRY_VERIFY(!m_editor->isBusy());
    undo->trigger();
    QTRY_COMPARE(stored(id).stage, Stage::New);
}

void TestLeadEditor::aBulkEditIsOneUndoStep() {
    // One of the three already has an owner: undo gives each its own back.
    QVERIFY(LeadWriter(m_db->database())
                .update(m_ids.at(2), 0,
                        LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")), {})
                .ok());
    QList<LeadVersion> three;
    for (int i = 0; i < 3; ++i)
        three << LeadVersion{m_ids.at(i), stored(m_ids.at(i)).version};
    m_editor->edit(three, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")),
                   QStringLiteral("Assign 3 leads to sam"));
    QTRY_VERIFY(!m_editor->isBusy());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(stored(m_ids.at(i)).owner, QStringLiteral("sam"));
    QCOMPARE(stored(m_ids.at(3)).owner, QString()); // not selected, not touched
    QCOMPARE(m_editor->undoStack()->count(), 1);

    m_editor->undo();
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(stored(m_ids.at(0)).owner, QString());
    QCOMPARE(stored(m_ids.at(1)).owner, QString());
    QCOMPARE(stored(m_ids.at(2)).owner, QStringLiteral("kim"));
    QCOMPARE(m_editor->undoStack()->index(), 0);
}

void TestLeadEditor::anUndoDoesNotOverwriteSomeoneElsesChange() {
    const qint64 id = m_ids.first();
    QSignalSpy failed(m_editor.get(), &LeadEditor::failed);
    m_editor->edit({{id, stored(id).version}},
                   LeadChanges().set(QStringLiteral("stage"), QStringLiteral("qualified")),
                   QStringLiteral("Set stage to Qualified"));
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(stored(id).stage, Stage::Qualified);
    // Someone else moves the lead on.
    QVERIFY(LeadWriter(m_db->database())
                .update(id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("won")),
                        QStringLiteral("kim"))
                .ok());

    m_editor->undo();
    QTRY_COMPARE(failed.size(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("someone else")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Set stage to Qualified")), qPrintable(message));
    QCOMPARE(stored(id).stage, Stage::Won); // theirs stays
    // Redo leaves their lead alone as well.
    m_editor->redo();
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(stored(id).stage, Stage::Won);
}

void TestLeadEditor::aLostRaceIsReportedAsAConflict() {
    const qint64 id = m_ids.first();
    const qint64 shown = stored(id).version;
    QVERIFY(LeadWriter(m_db->database())
                .update(id, 0, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")),
                        QStringLiteral("kim"))
                .ok());
    QSignalSpy conflict(m_editor.get(), &LeadEditor::conflict);
    m_editor->edit({{id, shown}}, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")),
                   QStringLiteral("Assign to sam"));
    QTRY_COMPARE(conflict.size(), 1);
    const Lead mine = conflict.first().at(0).value<Lead>();
    const Lead theirs = conflict.first().at(1).value<Lead>();
    QCOMPARE(mine.owner, QStringLiteral("sam"));
    QCOMPARE(theirs.owner, QStringLiteral("kim"));
    QCOMPARE(conflict.first().at(2).toStringList(), QStringList{QStringLiteral("owner")});
    QCOMPARE(stored(id).owner, QStringLiteral("kim")); // nothing overwritten
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

void TestLeadEditor::aFailedSaveIsReportedAndChangesNothing() {
    const qint64 id = m_ids.first();
    const Lead before = stored(id);
    const qsizetype lines = LeadHistory(m_db->database()).activities(id).size();
    QSignalSpy failed(m_editor.get(), &LeadEditor::failed);
    QSignalSpy changed(m_editor.get(), &LeadEditor::leadChanged);
    QVERIFY(hideLeads(true));
    m_editor->edit({{id, before.version}},
                   LeadChanges().set(QStringLiteral("stage"), QStringLiteral("qualified")),
                   QStringLiteral("Set stage to Qualified"));
    QTRY_COMPARE(failed.size(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    QVERIFY(hideLeads(false));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Could not save")), qPrintable(message));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_editor->undoStack()->count(), 0); // nothing to undo
    QCOMPARE(stored(id).stage, Stage::New);
    QCOMPARE(stored(id).version, before.version);
    QCOMPARE(LeadHistory(m_db->database()).activities(id).size(), lines);
    // The next save works again.
    m_editor->edit({{id, before.version}},
                   LeadChanges().set(QStringLiteral("stage"), QStringLiteral("qualified")),
                   QStringLiteral("Set stage to Qualified"));
    QTRY_COMPARE(stored(id).stage, Stage::Qualified);
}

void TestLeadEditor::aDeleteIsUndoneFromTheTrash() {
    const QList<qint64> two{m_ids.at(0), m_ids.at(1)};
    QSignalSpy removed(m_editor.get(), &LeadEditor::leadsRemoved);
    QSignalSpy restored(m_editor.get(), &LeadEditor::leadsRestored);
    m_editor->remove(two);
    QTRY_COMPARE(removed.size(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(removed.first().first().value<QList<qint64>>(), two);
    QVERIFY(!LeadRepository(m_db->database()).lead(two.at(0)));
    QCOMPARE(LeadRepository(m_db->database()).count(LeadFilter()), 2);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("Delete 2 leads"));

    m_editor->undo();
    QTRY_COMPARE(restored.size(), 1);
    QTRY_VERIFY(!m_editor->isBusy());
    QCOMPARE(LeadRepository(m_db->database()).count(LeadFilter()), 4);
    QCOMPARE(stored(two.at(1)).company, SampleLeadDatabase::companyOf(2));
}

void TestLeadEditor::aNoteIsStoredInTheHistory() {
    const qint64 id = m_ids.first();
    QSignalSpy added(m_editor.get(), &LeadEditor::noteAdded);
    m_editor->addNote(id, QStringLiteral("Called, wants a demo"));
    QTRY_COMPARE(added.size(), 1);
    const QList<Activity> lines = LeadHistory(m_db->database()).activities(id);
    QCOMPARE(lines.last().kind, ActivityKind::Note);
    QCOMPARE(lines.last().note, QStringLiteral("Called, wants a demo"));
    QCOMPARE(lines.last().actor, QStringLiteral("sam"));
}

QTEST_MAIN(TestLeadEditor)
#include "tst_leadeditor.moc"
