#include "ui/conflictdialog.h"

#include <QRadioButton>
#include <QTest>

// A conflict shows their value beside mine for every field that differs, keeps theirs unless
// told otherwise, and re-applies only the fields where mine is kept.
class TestConflictDialog : public QObject {
    Q_OBJECT
private slots:
    void showsBothValuesAndKeepsTheChosenOnes();
};

void TestConflictDialog::showsBothValuesAndKeepsTheChosenOnes() {
    Lead theirs;
    theirs.id = 7;
    theirs.version = 4;
    theirs.firstName = QStringLiteral("Ana");
    theirs.lastName = QStringLiteral("Silva");
    theirs.owner = QStringLiteral("kim");
    theirs.stage = Stage::Won;
    Lead mine = theirs;
    mine.owner = QStringLiteral("sam");
    mine.stage = Stage::Qualified;

    ConflictDialog dialog(mine, theirs, {QStringLiteral("owner"), QStringLiteral("stage")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto button = [&](const QString &name) { return dialog.findChild<QRadioButton *>(name); };
    QCOMPARE(button(QStringLiteral("theirs_owner"))->text(), QStringLiteral("kim"));
    QCOMPARE(button(QStringLiteral("mine_owner"))->text(), QStringLiteral("sam"));
    QCOMPARE(button(QStringLiteral("theirs_stage"))->text(), QStringLiteral("Won"));
    QCOMPARE(button(QStringLiteral("mine_stage"))->text(), QStringLiteral("Qualified"));
    for (const QString &field : {QStringLiteral("owner"), QStringLiteral("stage")}) {
        QVERIFY(button(QStringLiteral("theirs_") + field)->isVisible());
        QVERIFY(button(QStringLiteral("mine_") + field)->isVisible());
        QVERIFY(!button(QStringLiteral("mine_") + field)->accessibleName().isEmpty());
    }
    // Nothing of theirs is overwritten unless asked.
    QVERIFY(dialog.changesToKeep().isEmpty());

    // On the round indicator: a radio button takes clicks on its indicator and text only.
    QTest::mouseClick(button(QStringLiteral("mine_owner")), Qt::LeftButton, {},
                      QPoint(8, button(QStringLiteral("mine_owner"))->height() / 2));
    const LeadChanges keep = dialog.changesToKeep();
    QCOMPARE(keep.columns(), QStringList{QStringLiteral("owner")});
    QCOMPARE(keep.value(QStringLiteral("owner")).toString(), QStringLiteral("sam"));
    // Mine is re-applied against their version.
    QCOMPARE(dialog.theirVersion().id, 7);
    QCOMPARE(dialog.theirVersion().version, 4);
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
