#include "core/scoring/winmodelevaluation.h"
#include "plantedclosedleads.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

// The honest measure of the win model: a rank AUC that handles ties, a calibration table, no
// number without enough history, and a hold-out that is the newest closed leads.
class TestWinModelEvaluation : public QObject {
    Q_OBJECT
private slots:
    void auc_data();
    void auc();
    void aucWithOneOutcomeIsNoNumber();
    void calibrationTable();
    void notEnoughHistory_data();
    void notEnoughHistory();
    void measuresOnTheNewestClosedLeads();
    void comparesWithTheRuleScore();
    void holdOutOfOneOutcomeIsNoNumber();
};

void TestWinModelEvaluation::auc_data() {
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<bool>>("won");
    QTest::addColumn<double>("expected");
    QTest::newRow("perfect") << QList<double>{0.1, 0.2, 0.8, 0.9}
                             << QList<bool>{false, false, true, true} << 1.0;
    QTest::newRow("inverse") << QList<double>{0.9, 0.8, 0.2, 0.1}
                             << QList<bool>{false, false, true, true} << 0.0;
    QTest::newRow("all tied") << QList<double>{0.3, 0.3, 0.3, 0.3, 0.3}
                              << QList<bool>{true, false, false, true, false} << 0.5;
    // Won 0.35 beats lost 0.1, loses to lost 0.4; won 0.8 beats both: 3 of 4 pairs.
    QTest::newRow("hand-computed")
        << QList<double>{0.1, 0.4, 0.35, 0.8} << QList<bool>{false, false, true, true} << 0.75;
    // Won 1 ties lost 1 (a half) and loses to lost 2; won 3 beats both: 2.5 of 4 pairs.
    QTest::newRow("ties count half")
        << QList<double>{1, 1, 2, 3} << QList<bool>{false, true, false, true} << 0.625;
    // Won {5, 5}, lost {5, 1, 5}: each won ties two lost and beats one: (1 + 1 + 2 × 1) / 6.
    QTest::newRow("tied block") << QList<double>{5, 5, 5, 1, 5}
                                << QList<bool>{true, true, false, false, false} << 4.0 / 6.0;
}

void TestWinModelEvaluation::auc() {
    QFETCH(QList<double>, scores);
    QFETCH(QList<bool>, won);
    QFETCH(double, expected);
    QVERIFY(std::abs(WinModelEvaluation::rankAuc(scores, won) - expected) < 1e-12);
}

void TestWinModelEvaluation::aucWithOneOutcomeIsNoNumber() {
    QVERIFY(std::isnan(WinModelEvaluation::rankAuc({0.1, 0.5}, {true, true})));
    QVERIFY(std::isnan(WinModelEvaluation::rankAuc({}, {})));
}

void TestWinModelEvaluation::calibrationTable() {
    // 25 predictions, 0.02 to 0.98 in order, won from the 13th on.
    QList<double> predicted;
    QList<bool> won;
    for (int i = 0; i < 25; ++i) {
        predicted << 0.02 + 0.04 * i;
        won << (i >= 12);
    }
    const QList<WinCalibrationBucket> table = WinModelEvaluation::calibrationTable(predicted, won);
    QCOMPARE(table.size(), 10);
    int count = 0;
    for (qsizetype b = 0; b < table.size(); ++b) {
        count += table.at(b).count;
        QVERIFY(table.at(b).count == 2 || table.at(b).count == 3);
        QVERIFY(table.at(b).lowest <= table.at(b).meanPredicted);
        QVERIFY(table.at(b).meanPredicted <= table.at(b).highest);
        if (b > 0)
            QVERIFY(table.at(b).lowest > table.at(b - 1).highest);
    }
    QCOMPARE(count, 25);
    QCOMPARE(table.first().winRate, 0.0);
    QCOMPARE(table.last().winRate, 1.0);
    // Buckets 0–1 hold 0.02 and 0.06: mean 0.04.
    QVERIFY(std::abs(table.first().meanPredicted - 0.04) < 1e-12);
    // Fewer leads than buckets: one bucket each.
    QCOMPARE(WinModelEvaluation::calibrationTable({0.2, 0.7}, {false, true}).size(), 2);
}

void TestWinModelEvaluation::notEnoughHistory_data() {
    QTest::addColumn<int>("closed");
    QTest::addColumn<bool>("ready");
    QTest::newRow("none") << 0 << false;
    QTest::newRow("one") << 1 << false;
    QTest::newRow("199") << 199 << false;
    QTest::newRow("200") << 200 << true;
}

void TestWinModelEvaluation::notEnoughHistory() {
    QFETCH(int, closed);
    QFETCH(bool, ready);
    const WinModelEvaluation e = WinModelEvaluation::evaluate(PlantedClosedLeads::make(closed, 17));
    QCOMPARE(e.closed, qint64(closed));
    QCOMPARE(e.isReady(), ready);
    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(QStringLiteral("closed")).toInt(), closed);
    if (ready) {
        QVERIFY(!json.contains(QStringLiteral("status")));
        QVERIFY(json.value(QStringLiteral("auc")).isDouble());
        QCOMPARE(e.trained + e.tested, qint64(closed));
        QCOMPARE(e.tested, qint64(40));
        return;
    }
    QCOMPARE(e.statusText(), QStringLiteral("not enough history"));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("not enough history"));
    QVERIFY(!json.contains(QStringLiteral("auc")));
    QVERIFY(!json.contains(QStringLiteral("calibration")));
    QVERIFY(std::isnan(e.auc));
    QVERIFY(e.reason.contains(QStringLiteral("at least 200")));
}

void TestWinModelEvaluation::measuresOnTheNewestClosedLeads() {
    // The pattern reverses for the leads that closed last: a model measured on them, having
    // learned from the older ones, ranks them backwards. A random split would hide that.
    QList<WinClosedLead> closed = PlantedClosedLeads::make(1600, 23);
    closed += PlantedClosedLeads::make(400, 29, true, 1600);
    std::reverse(closed.begin(), closed.end()); // the order they are read in does not matter
    const WinModelEvaluation e = WinModelEvaluation::evaluate(closed);
    QVERIFY(e.isReady());
    QCOMPARE(e.trained, qint64(1600));
    QCOMPARE(e.tested, qint64(400));
    QVERIFY2(e.auc < 0.35, qPrintable(QString::number(e.auc)));

    int count = 0;
    for (const WinCalibrationBucket &b : e.calibration)
        count += b.count;
    QCOMPARE(e.calibration.size(), 10);
    QCOMPARE(count, 400);
    QCOMPARE(e.toJson().value(QStringLiteral("calibration")).toArray().size(), 10);
}

void TestWinModelEvaluation::comparesWithTheRuleScore() {
    const QList<WinClosedLead> closed = PlantedClosedLeads::make(2000, 31);
    // Before rule scoring every lead scores 0: no better than chance.
    const WinModelEvaluation unscored = WinModelEvaluation::evaluate(closed);
    QVERIFY(unscored.isReady());
    QVERIFY2(unscored.auc > 0.7, qPrintable(QString::number(unscored.auc)));
    QCOMPARE(unscored.ruleAuc, 0.5);
    // A rule score that knows the planted pattern ranks as well as the model does.
    const WinModelEvaluation scored = WinModelEvaluation::evaluate(
        closed, [](const Lead &l) { return PlantedClosedLeads::truth(l); });
    QVERIFY2(scored.ruleAuc > 0.7, qPrintable(QString::number(scored.ruleAuc)));
    QVERIFY(std::abs(scored.ruleAuc - scored.auc) < 0.03);
    QCOMPARE(scored.toJson().value(QStringLiteral("rule_auc")).toDouble(), scored.ruleAuc);
}

void TestWinModelEvaluation::holdOutOfOneOutcomeIsNoNumber() {
    QList<WinClosedLead> closed = PlantedClosedLeads::make(300, 37);
    for (qsizetype i = 240; i < closed.size(); ++i)
        closed[i].won = true;
    const WinModelEvaluation e = WinModelEvaluation::evaluate(closed);
    QVERIFY(!e.isReady());
    QVERIFY2(e.reason.contains(QStringLiteral("no lost lead")), qPrintable(e.reason));
    QCOMPARE(e.toJson().value(QStringLiteral("status")).toString(),
             QStringLiteral("not enough history"));
}

QTEST_GUILESS_MAIN(TestWinModelEvaluation)
#include "tst_winmodelevaluation.moc"
