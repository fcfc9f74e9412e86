#include "core/scoring/scoringmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The scoring model an admin edits: the shipped default, and models read from JSON with errors
// that name the rule and field at fault.
class TestScoringModel : public QObject {
    Q_OBJECT
private slots:
    void defaultModelCoversEveryRuleKind();
    void roundTripsThroughJson();
    void badModelsAreRefused_data();
    void badModelsAreRefused();
};

void TestScoringModel::defaultModelCoversEveryRuleKind() {
    const ScoringModel m = ScoringModel::defaultModel();
    QSet<RuleKind> kinds;
    QStringList ids;
    for (const ScoringRule &r : m.rules) {
        kinds.insert(r.kind);
        ids << r.id;
        QVERIFY2(!r.label.isEmpty(), qPrintable(r.id));
    }
    QCOMPARE(kinds.size(), 9);
    for (const char *id : {"action.INS", "action.Create", "action.StartTestDrive", "action.PLT",
                           "seniority.director", "email.free-mail", "email.missing"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);
    QVERIFY(m.gradeA > m.gradeB && m.gradeB > m.gradeC);
}

void TestScoringModel::roundTripsThroughJson() {
    ScoringModel m = ScoringModel::defaultModel();
    m.gradeA = 75;
    m.rules[0].points = 40;
    QString error;
    const std::optional<ScoringModel> back = ScoringModel::fromJsonText(m.toJsonText(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, m);
}

void TestScoringModel::badModelsAreRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    auto row = [](const char *name, const char *rules, const char *error,
                  const char *grades = "{\"A\":70,\"B\":50,\"C\":30}") {
        QTest::newRow(name) << QByteArray("{\"grades\":") + grades + ",\"rules\":" + rules + "}"
                            << QString::fromUtf8(error);
    };
    row("not JSON", "[", "not JSON");
    row("no rules", "7", "rules: a list of rules is missing");
    row("unknown kind", "[{\"id\":\"x.y\",\"kind\":\"mood\",\"points\":5,\"label\":\"Happy\"}]",
        "rules[0], rule \"x.y\": \"kind\": \"mood\" is not");
    row("points not whole",
        "[{\"id\":\"contact.phone\",\"kind\":\"has_phone\",\"points\":2.5,\"label\":\"Phone\"}]",
        "rules[0], rule \"contact.phone\": \"points\" must be a whole number");
    row("no label", "[{\"id\":\"contact.phone\",\"kind\":\"has_phone\",\"points\":8}]",
        "rules[0], rule \"contact.phone\": \"label\" is missing");
    row("unknown seniority",
        "[{\"id\":\"s\",\"kind\":\"seniority\",\"value\":\"king\",\"points\":8,\"label\":\"K\"}]",
        "rules[0], rule \"s\": \"value\": \"king\" is no seniority");
    row("bad country",
        "[{\"id\":\"c\",\"kind\":\"country\",\"countries\":[\"USA\"],\"points\":5,\"label\":\"T\"}"
        "]",
        "rules[0], rule \"c\": \"countries\": \"USA\" is not a two-letter country code");
    row("recency without days",
        "[{\"id\":\"r\",\"kind\":\"recency\",\"points\":5,\"label\":\"Recent\"}]",
        "rules[0], rule \"r\": \"days\" must be a whole number of at least 1");
    row("same id twice",
        "[{\"id\":\"p\",\"kind\":\"has_phone\",\"points\":5,\"label\":\"P\"},"
        "{\"id\":\"p\",\"kind\":\"has_company\",\"points\":5,\"label\":\"C\"}]",
        "rules[1], rule \"p\": the id is used twice");
    row("bands out of order", "[]", "grades: A (30) must be above B (50)",
        "{\"A\":30,\"B\":50,\"C\":10}");
    row("band out of range", "[]", "grades.C: 120 is not a score from 0 to 100",
        "{\"A\":70,\"B\":50,\"C\":120}");
}

void TestScoringModel::badModelsAreRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString problem;
    QVERIFY(!ScoringModel::fromJsonText(json, &problem));
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestScoringModel)
#include "tst_scoringmodel.moc"
