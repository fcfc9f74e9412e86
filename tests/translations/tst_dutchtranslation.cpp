#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// One message of a .ts file as lupdate left it.
struct Message {
    QString context;
    QString source;
    QString type;             // "", "unfinished", "obsolete" or "vanished"
    QStringList translations; // one, or one per numerus form
};

QString describe(const Message &m) {
    return QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
}

// %1 … %99, %L1, %n, %Ln and a progress bar's %p: what a translation must keep.
QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("%(L?[0-9]{1,2}|L?n|p)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

QString sorted(const QSet<QString> &set) {
    QStringList list = set.values();
    list.sort();
    return list.join(QLatin1Char(' '));
}

} // namespace

// The Dutch translation against the sources as they are: lupdate runs over a copy of
// translations/leadbench_nl.ts, and the copy must come back with every string translated,
// nothing left over from strings that are gone, and every placeholder kept.
class TestDutchTranslation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everySourceStringIsTranslated();
    void noTranslationIsLeftOver();
    void placeholdersAreKept_data();
    void placeholdersAreKept();
    void pluralsHaveBothDutchForms();

private:
    QTemporaryDir m_dir;
    QList<Message> m_messages;
};

void TestDutchTranslation::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString copy = m_dir.filePath(QStringLiteral("leadbench_nl.ts"));
    QVERIFY2(QFile::copy(QStringLiteral(LEADBENCH_DUTCH_TS), copy), LEADBENCH_DUTCH_TS);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LEADBENCH_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"),
                   QStringLiteral(LEADBENCH_SOURCE_DIR),
                   QStringLiteral("@") + QStringLiteral(LEADBENCH_TRANSLATED_SOURCES),
                   QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), LEADBENCH_LUPDATE);
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             output.constData());

    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or numerusform children: read them one by one.
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters() && !xml.isWhitespace())
                    message.translations << xml.text().toString();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            m_messages << message;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(m_messages.size() > 500, qPrintable(QString::number(m_messages.size())));
}

void TestDutchTranslation::everySourceStringIsTranslated() {
    QStringList untranslated;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.type == QLatin1String("unfinished") || m.translations.isEmpty())
            untranslated << describe(m);
    }
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("%1 strings without a Dutch translation "
                                       "(update_translations, then translate them):\n%2")
                            .arg(untranslated.size())
                            .arg(untranslated.join(QLatin1Char('\n')))));
}

void TestDutchTranslation::noTranslationIsLeftOver() {
    QStringList gone;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
            gone << describe(m);
    }
    QVERIFY2(gone.isEmpty(),
             qPrintable(QStringLiteral("%1 translations of strings the sources no longer have:\n%2")
                            .arg(gone.size())
                            .arg(gone.join(QLatin1Char('\n')))));
}

void TestDutchTranslation::placeholdersAreKept_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    for (const Message &m : std::as_const(m_messages)) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
            continue;
        for (const QString &t : m.translations)
            QTest::addRow("%s", qPrintable(describe(m).left(100))) << m.source << t;
    }
}

void TestDutchTranslation::placeholdersAreKept() {
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QCOMPARE(sorted(placeholders(translation)), sorted(placeholders(source)));
}

void TestDutchTranslation::pluralsHaveBothDutchForms() {
    for (const Message &m : std::as_const(m_messages)) {
        if (!m.source.contains(QLatin1String("%n")) || m.type == QLatin1String("vanished"))
            continue;
        QVERIFY2(m.translations.size() == 2, qPrintable(describe(m)));
    }
}

QTEST_GUILESS_MAIN(TestDutchTranslation)
#include "tst_dutchtranslation.moc"
