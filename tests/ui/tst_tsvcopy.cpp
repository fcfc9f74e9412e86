#include "sampleleaddatabase.h"
#include "ui/models/leadtablemodel.h"
#include "ui/tsvcopy.h"

#include <QAbstractItemModelTester>
#include <QTest>

// Copying leads to paste into a spreadsheet: a header row, one line per selected lead, tabs
// between cells, times in full; rows not loaded yet are counted, never pasted as placeholders.
class TestTsvCopy : public QObject {
    Q_OBJECT
private slots:
    void copiesSelectedRowsWithHeader();
    void marksTestLeadsBeyondColour();
};

void TestTsvCopy::copiesSelectedRowsWithHeader() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady() && db.addSampleMix(), qPrintable(db.error()));
    LeadTableModel model(db.database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 10);
    QTRY_VERIFY(model.index(0, 0).data(LeadTableModel::LeadIdRole).toLongLong() > 0);

    const QList<int> columns = {LeadTableModel::NameColumn, LeadTableModel::CompanyColumn,
                                LeadTableModel::ScoreColumn, LeadTableModel::CreatedAtColumn};
    int skipped = -1;
    // Rows 2 and 0 selected, in that order: pasted in the table's order.
    const QString text =
        TsvCopy::rows(model, {model.index(2, 3), model.index(0, 1)}, columns, &skipped);
    QCOMPARE(skipped, 0);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("Name\tCompany\tScore\tCreated"));
    const QStringList first = lines.at(1).split(QLatin1Char('\t'));
    QCOMPARE(first.size(), 4);
    QCOMPARE(first.at(0), model.index(0, LeadTableModel::NameColumn).data().toString());
    QCOMPARE(first.at(1), model.index(0, LeadTableModel::CompanyColumn).data().toString());
    // The time itself, not "3 days ago".
    QVERIFY2(QDateTime::fromString(first.at(3), Qt::ISODate).isValid(), qPrintable(first.at(3)));
    QCOMPARE(lines.at(2).split(QLatin1Char('\t')).at(0),
             model.index(2, LeadTableModel::NameColumn).data().toString());
}

void TestTsvCopy::marksTestLeadsBeyondColour() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady() && db.addSampleMix(), qPrintable(db.error()));
    LeadTableModel model(db.database());
    LeadFilter withTests;
    withTests.includeTest = true;
    model.setFilter(withTests);
    QTRY_COMPARE(model.rowCount(), 11);
    int marked = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex name = model.index(row, LeadTableModel::NameColumn);
        QTRY_VERIFY(name.data(LeadTableModel::LeadIdRole).toLongLong() > 0);
        if (!name.data(LeadTableModel::TestLeadRole).toBool()) {
            QVERIFY(name.data(Qt::DecorationRole).isNull());
            continue;
        }
        ++marked;
        // An icon and words, not only a colour.
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QLatin1String("Test lead")));
    }
    QCOMPARE(marked, 1);
}

QTEST_MAIN(TestTsvCopy)
#include "tst_tsvcopy.moc"
