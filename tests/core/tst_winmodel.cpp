#include "core/scoring/winfeatures.h"
#include "core/scoring/winhistory.h"
#include "core/scoring/winmodel.h"
#include "core/scoring/winmodelevaluation.h"
#include "plantedclosedleads.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

// The win model: the features a rep reads, learning a planted pattern, rare values that must not
// claim certainty, the drivers shown in the lead panel, and a stored model that reads back.
class TestWinModel : public QObject {
    Q_OBJECT
private slots:
    void features_data();
    void features();
    void everyLeadHasOneFeaturePerGroup();
    void historyKeepsWhatTrainingReads();
    void beatsAFeatureBlindBaseline();
    void driversNameThePlantedFeatures_data();
    void driversNameThePlantedFeatures();
    void driversAddUpToTheProbability();
    void rareValuesArePooled();
    void oneOutcomeOnlyStaysFinite();
    void untrainedModelClaimsNothing();
    void storedModelReadsBack();
    void badStoredModelIsRefused_data();
    void badStoredModelIsRefused();
};

namespace {

QString s(const char *text) {
    return QString::fromUtf8(text);
}

QStringList sl(std::initializer_list<const char *> texts) {
    QStringList out;
    for (const char *t : texts)
        out << s(t);
    return out;
}

Lead lead(const QString &title, const QString &email) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("INS");
    l.offerId = QStringLiteral("contoso.crm");
    l.country = QStringLiteral("NL");
    l.title = title;
    l.email = email;
    l.company = QStringLiteral("Northwind");
    return l;
}

QStringList names(const QList<WinDriver> &drivers) {
    QStringList out;
    for (const WinDriver &d : drivers)
        out << d.name;
    return out;
}

const WinModel &plantedModel() {
    static const WinModel model =
        WinModel::train(WinHistory::of(PlantedClosedLeads::make(3000, 7)));
    return model;
}

} // namespace

void TestWinModel::features_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("director") << s("title") << s("Director of Sales") << s("seniority:director")
                              << s("Director");
    QTest::newRow("no title") << s("title") << s("") << s("seniority:unknown") << s("No job title");
    QTest::newRow("corporate") << s("email") << s("ana@fabrikam.com") << s("email:corporate")
                               << s("Corporate email");
    QTest::newRow("free-mail") << s("email") << s("ana@gmail.com") << s("email:free-mail")
                               << s("Free-mail address");
    QTest::newRow("no email") << s("email") << s("") << s("email:missing") << s("No email address");
    QTest::newRow("installed") << s("action") << s("INS") << s("action:INS")
                               << s("Installed the offer");
    QTest::newRow("contact me") << s("action") << s("PLT") << s("action:PLT")
                                << s("Asked to be contacted");
    QTest::newRow("unknown action kept verbatim")
        << s("action") << s("Xyz") << s("action:Xyz") << s("Action Xyz");
    QTest::newRow("country") << s("country") << s("nl") << s("country:NL") << s("Country NL");
    QTest::newRow("no country") << s("country") << s("") << s("country:") << s("No country");
    QTest::newRow("offer by its title")
        << s("offer") << s("contoso.bi") << s("offer:contoso.bi") << s("Offer Contoso BI");
    QTest::newRow("came back") << s("events") << s("2") << s("events:2")
                               << s("Came back: 2 marketplace events");
    QTest::newRow("many events") << s("events") << s("7") << s("events:3+")
                                 << s("Came back: 3 or more marketplace events");
    QTest::newRow("one event") << s("events") << s("1") << s("events:1")
                               << s("Single marketplace event");
    QTest::newRow("no phone") << s("phone") << s("") << s("phone:no") << s("No phone number");
    QTest::newRow("company") << s("company") << s("Northwind") << s("company:yes")
                             << s("Has a company name");
    QTest::newRow("portal") << s("storefront") << s("azure-portal") << s("storefront:azure-portal")
                            << s("Via the Azure portal");
}

void TestWinModel::features() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, key);
    QFETCH(QString, name);
    Lead l;
    if (field == QLatin1String("title"))
        l.title = value;
    else if (field == QLatin1String("email"))
        l.email = value;
    else if (field == QLatin1String("action"))
        l.action = value;
    else if (field == QLatin1String("country"))
        l.country = value;
    else if (field == QLatin1String("offer")) {
        l.offerId = value;
        l.offerTitle = QStringLiteral("Contoso BI");
    } else if (field == QLatin1String("events"))
        l.events = value.toInt();
    else if (field == QLatin1String("phone"))
        l.phone = value;
    else if (field == QLatin1String("company"))
        l.company = value;
    else if (field == QLatin1String("storefront"))
        QVERIFY(Storefronts::fromCanonicalName(value, &l.storefront));
    const QList<WinFeature> features = WinFeatures::of(l);
    const auto it = std::find_if(features.cbegin(), features.cend(),
                                 [&](const WinFeature &f) { return f.key == key; });
    QVERIFY2(it != features.cend(), qPrintable(key));
    QCOMPARE(it->name, name);
    QVERIFY(WinFeatures::keysOf(l).contains(key));
}

void TestWinModel::everyLeadHasOneFeaturePerGroup() {
    for (const WinClosedLead &c : PlantedClosedLeads::make(50, 3)) {
        QStringList groups;
        for (const QString &key : WinFeatures::keysOf(c.lead))
            groups << WinFeatures::groupOf(key);
        QCOMPARE(groups, WinFeatures::groups());
    }
}

void TestWinModel::historyKeepsWhatTrainingReads() {
    QList<WinClosedLead> closed = PlantedClosedLeads::make(500, 13);
    closed[0].closedAt = QDateTime();
    for (qsizetype i = 0; i < closed.size(); ++i)
        closed[i].lead.score = int(i % 100);
    const WinHistory history = WinHistory::of(closed);
    QCOMPARE(history.size(), closed.size());
    for (qsizetype i = 0; i < closed.size(); ++i) {
        const WinClosedLead &c = closed.at(i);
        QCOMPARE(history.featureKeys(i), WinFeatures::keysOf(c.lead));
        QCOMPARE(history.leadId(i), c.lead.id);
        QCOMPARE(history.won(i), c.won);
        QCOMPARE(history.ruleScore(i), double(c.lead.score));
        if (i > 0)
            QCOMPARE(history.closedAt(i), c.closedAt.toMSecsSinceEpoch());
    }
    // A lead whose close time is unknown counts as the oldest.
    QCOMPARE(history.closedAt(0), std::numeric_limits<qint64>::min());
    // Five hundred leads of nine features each share a few dozen distinct keys.
    QVERIFY2(history.keys().size() < 40, qPrintable(history.keys().join(QLatin1Char(' '))));
    QCOMPARE(QSet<QString>(history.keys().cbegin(), history.keys().cend()).size(),
             history.keys().size());
    // A rule score given reads the whole lead once, and only its number is kept.
    const WinHistory scored =
        WinHistory::of(closed, [](const Lead &l) { return PlantedClosedLeads::truth(l); });
    for (qsizetype i = 0; i < closed.size(); ++i)
        QCOMPARE(scored.ruleScore(i), PlantedClosedLeads::truth(closed.at(i).lead));
}

void TestWinModel::beatsAFeatureBlindBaseline() {
    const WinModel &model = plantedModel();
    const QList<WinClosedLead> unseen = PlantedClosedLeads::make(1000, 99);
    QList<double> predicted, blind, truth;
    QList<bool> won;
    const double winRate = double(model.wins()) / double(model.examples());
    for (const WinClosedLead &c : unseen) {
        predicted << model.probability(c.lead);
        blind << winRate;
        truth << PlantedClosedLeads::truth(c.lead);
        won << c.won;
    }
    const double auc = WinModelEvaluation::rankAuc(predicted, won);
    const double blindAuc = WinModelEvaluation::rankAuc(blind, won);
    const double bestAuc = WinModelEvaluation::rankAuc(truth, won);
    QVERIFY2(auc > 0.7, qPrintable(QString::number(auc)));
    QCOMPARE(blindAuc, 0.5);
    // As good as knowing the planted rule, give or take the noise of a thousand leads.
    QVERIFY2(auc > bestAuc - 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(auc).arg(bestAuc)));
}

void TestWinModel::driversNameThePlantedFeatures_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("up");
    QTest::addColumn<QStringList>("down");
    QTest::newRow("CEO at work") << s("CEO") << s("ana@contoso.com")
                                 << sl({"C-level", "Corporate email"}) << QStringList();
    QTest::newRow("student on free-mail") << s("Student") << s("ana@gmail.com") << QStringList()
                                          << sl({"Student", "Free-mail address"});
    QTest::newRow("director on free-mail") << s("Director of IT") << s("ana@gmail.com")
                                           << sl({"Director"}) << sl({"Free-mail address"});
}

void TestWinModel::driversNameThePlantedFeatures() {
    QFETCH(QString, title);
    QFETCH(QString, email);
    QFETCH(QStringList, up);
    QFETCH(QStringList, down);
    const WinDrivers drivers = plantedModel().drivers(lead(title, email));
    QVERIFY(drivers.up.size() <= 3);
    QVERIFY(drivers.down.size() <= 3);
    // The planted features lead their list, in the order of their planted strength.
    QCOMPARE(names(drivers.up).mid(0, up.size()), up);
    QCOMPARE(names(drivers.down).mid(0, down.size()), down);
    for (const WinDriver &d : drivers.up)
        QVERIFY(d.logOdds > 0);
    for (const WinDriver &d : drivers.down)
        QVERIFY(d.logOdds < 0);
    if (!up.isEmpty())
        QVERIFY2(drivers.up.first().logOdds > 0.5, qPrintable(drivers.up.first().name));
    if (!down.isEmpty())
        QVERIFY2(drivers.down.first().logOdds < -0.5, qPrintable(drivers.down.first().name));
}

void TestWinModel::driversAddUpToTheProbability() {
    const WinModel &model = plantedModel();
    const Lead l = lead(QStringLiteral("IT Manager"), QStringLiteral("bo@gmail.com"));
    double logOdds = model.baseLogOdds();
    for (const WinFeature &f : WinFeatures::of(l))
        logOdds += model.contribution(f.key);
    QVERIFY(std::abs(logOdds - model.logOdds(WinFeatures::keysOf(l))) < 1e-9);
    QVERIFY(std::abs(1.0 / (1.0 + std::exp(-logOdds)) - model.probability(l)) < 1e-9);
}

void TestWinModel::rareValuesArePooled() {
    // An offer with two closed leads, both won, beside a thousand ordinary ones.
    QList<WinClosedLead> closed = PlantedClosedLeads::make(1000, 11);
    for (WinClosedLead &c : closed)
        if (c.lead.offerId == QLatin1String("fabrikam.rare"))
            c.lead.offerId = QStringLiteral("contoso.crm");
    for (int i = 0; i < 2; ++i) {
        closed[i].lead.offerId = QStringLiteral("fabrikam.lucky");
        closed[i].won = true;
    }
    const WinModel model = WinModel::train(WinHistory::of(closed));
    QVERIFY(!model.weights().contains(QStringLiteral("offer:fabrikam.lucky")));
    QCOMPARE(model.weight(QStringLiteral("offer:fabrikam.lucky")),
             model.weight(QStringLiteral("offer:*")));
    // Two wins count for something, but not for the certainty an unshrunk fit would claim.
    const double lucky = model.contribution(QStringLiteral("offer:fabrikam.lucky"));
    QVERIFY2(lucky > 0.0 && lucky < 0.75, qPrintable(QString::number(lucky)));
    // A country no closed lead had is scored as a typical one, not as a certainty either way.
    Lead l = lead(QStringLiteral("IT Manager"), QStringLiteral("bo@contoso.com"));
    const double usual = model.probability(l);
    l.country = QStringLiteral("IS");
    QCOMPARE(model.contribution(QStringLiteral("country:IS")), 0.0);
    QVERIFY(std::abs(model.probability(l) - usual) < 0.05);
}

void TestWinModel::oneOutcomeOnlyStaysFinite() {
    QList<WinClosedLead> closed = PlantedClosedLeads::make(300, 5);
    for (WinClosedLead &c : closed)
        c.won = true;
    const WinModel model = WinModel::train(WinHistory::of(closed));
    const double p = model.probability(lead(QStringLiteral("CEO"), QString()));
    QVERIFY(std::isfinite(p));
    QVERIFY(p > 0.9);
}

void TestWinModel::untrainedModelClaimsNothing() {
    const WinModel model;
    QVERIFY(!model.isTrained());
    QCOMPARE(model.probability(lead(QStringLiteral("CEO"), QString())), 0.5);
    const WinDrivers drivers = model.drivers(lead(QStringLiteral("CEO"), QString()));
    QVERIFY(drivers.up.isEmpty());
    QVERIFY(drivers.down.isEmpty());
}

void TestWinModel::storedModelReadsBack() {
    const WinModel &model = plantedModel();
    QString error;
    const std::optional<WinModel> back = WinModel::fromJson(model.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->examples(), model.examples());
    QCOMPARE(back->wins(), model.wins());
    for (const WinClosedLead &c : PlantedClosedLeads::make(50, 21))
        QCOMPARE(back->probability(c.lead), model.probability(c.lead));
    const Lead l = lead(QStringLiteral("Student"), QStringLiteral("x@gmail.com"));
    QCOMPARE(names(back->drivers(l).down), names(model.drivers(l).down));
}

void TestWinModel::badStoredModelIsRefused_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("another kind") << s("kind") << QJsonValue(QStringLiteral("rule-model"))
                                  << s("\"kind\" is \"rule-model\"");
    QTest::newRow("newer format") << s("format") << QJsonValue(9) << s("format 9");
    QTest::newRow("intercept not a number") << s("intercept") << QJsonValue(QStringLiteral("high"))
                                            << s("\"intercept\" must be a number");
    QTest::newRow("weight not a number")
        << s("weights")
        << QJsonValue(QJsonObject{{QStringLiteral("country:NL"), QStringLiteral("x")}})
        << s("weights \"country:NL\" must be a number");
    QTest::newRow("more wins than examples") << s("wins") << QJsonValue(1e9) << s("wins out of");
}

void TestWinModel::badStoredModelIsRefused() {
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject json = plantedModel().toJson();
    json.insert(field, value);
    QString error;
    QVERIFY(!WinModel::fromJson(json, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWinModel)
#include "tst_winmodel.moc"
