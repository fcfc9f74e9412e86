#include "core/storage/textinterner.h"

#include <QTest>

// The numbering that charts group a million leads by: one number per distinct text, whatever
// the order and however many.
class TstTextInterner : public QObject {
    Q_OBJECT

private slots:
    void sameTextSameNumber_data();
    void sameTextSameNumber();
    void manyTextsKeepTheirNumbers();
    void theTextIsACopy();
};

void TstTextInterner::sameTextSameNumber_data() {
    QTest::addColumn<QByteArrayList>("texts");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("storefronts") << QByteArrayList{"appsource", "azure-marketplace", "appsource",
                                                   "azure-portal", "azure-marketplace"}
                                 << QList<int>{0, 1, 0, 2, 1};
    QTest::newRow("empty text is a value")
        << QByteArrayList{"", "INS", "", "ins"} << QList<int>{0, 1, 0, 2};
    QTest::newRow("prefix is not the text")
        << QByteArrayList{"2026-01-01", "2026-01-0", "2026-01-01"} << QList<int>{0, 1, 0};
    QTest::newRow("UTF-8") << QByteArrayList{"M\xc3\xbcller", "Muller", "M\xc3\xbcller"}
                           << QList<int>{0, 1, 0};
}

void TstTextInterner::sameTextSameNumber() {
    QFETCH(QByteArrayList, texts);
    QFETCH(QList<int>, expected);
    TextInterner interner;
    QList<int> ids;
    for (const QByteArray &t : texts)
        ids << interner.id(t);
    QCOMPARE(ids, expected);
    for (qsizetype i = 0; i < texts.size(); ++i)
        QCOMPARE(interner.text(ids.at(i)), texts.at(i));
}

void TstTextInterner::manyTextsKeepTheirNumbers() {
    // Far past the first table size, so the table grows several times.
    TextInterner interner;
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(interner.id(QByteArray("offer-") + QByteArray::number(i)), i);
    QCOMPARE(interner.size(), 5000);
    for (int i = 4999; i >= 0; --i)
        QCOMPARE(interner.id(QByteArray("offer-") + QByteArray::number(i)), i);
    QCOMPARE(interner.size(), 5000);
    QCOMPARE(interner.text(1234), QByteArray("offer-1234"));
}

void TstTextInterner::theTextIsACopy() {
    QByteArray buffer("contoso.analytics");
    TextInterner interner;
    const int id = interner.id(QByteArrayView(buffer));
    buffer.fill('x');
    QCOMPARE(interner.text(id), QByteArray("contoso.analytics"));
    QCOMPARE(interner.id("contoso.analytics"), id);
}

QTEST_GUILESS_MAIN(TstTextInterner)
#include "tst_textinterner.moc"
