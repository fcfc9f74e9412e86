#include "core/domain/dedupkey.h"
#include "core/storage/keyfilter.h"

#include <QString>
#include <QTest>

// What a bulk import relies on to skip looking people up: a key it was given is never denied,
// and a key it was not given is rarely let through.
class TstKeyFilter : public QObject {
    Q_OBJECT

private slots:
    void neverDeniesAKeyItHolds_data();
    void neverDeniesAKeyItHolds();
};

namespace {
quint64 keyHash(int i) {
    return DedupKey::hash(QStringLiteral("e:buyer%1@fabrikam.com|contoso.analytics-saas").arg(i));
}
} // namespace

void TstKeyFilter::neverDeniesAKeyItHolds_data() {
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("added");
    QTest::addColumn<double>("maxFalseRate");
    QTest::newRow("sized right") << 100000 << 100000 << 0.01;
    QTest::newRow("a small import") << 10 << 10 << 0.01;
    // Ten times the keys it was sized for: more "maybe"s, still never a wrong "no".
    QTest::newRow("overfilled") << 10000 << 100000 << 1.0;
}

void TstKeyFilter::neverDeniesAKeyItHolds() {
    QFETCH(int, expected);
    QFETCH(int, added);
    QFETCH(double, maxFalseRate);
    KeyFilter filter(expected);
    for (int i = 0; i < added; ++i)
        filter.add(keyHash(i));
    for (int i = 0; i < added; ++i)
        QVERIFY2(filter.mayContain(keyHash(i)), qPrintable(QString::number(i)));
    int falseMaybes = 0;
    const int others = 100000;
    for (int i = 0; i < others; ++i)
        falseMaybes += filter.mayContain(keyHash(added + i)) ? 1 : 0;
    QVERIFY2(falseMaybes <= others * maxFalseRate,
             qPrintable(QStringLiteral("%1 of %2 keys never added answered maybe")
                            .arg(falseMaybes)
                            .arg(others)));
}

QTEST_GUILESS_MAIN(TstKeyFilter)
#include "tst_keyfilter.moc"
