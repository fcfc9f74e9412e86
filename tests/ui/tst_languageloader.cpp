#include "core/domain/lead.h"
#include "core/domain/leadchanges.h"
#include "core/domain/opportunitydetails.h"
#include "core/domain/storefront.h"
#include "core/scoring/rulescorer.h"
#include "core/scoring/scoringmodel.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/savedviewrepository.h"
#include "sampleleaddatabase.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"
#include "ui/models/leadtablemodel.h"
#include "ui/models/savedviewlistmodel.h"
#include "ui/scoresection.h"

#include <QApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

QStringList menuTitles(const MainWindow &window) {
    QStringList titles;
    for (const QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    return titles;
}

// The letter after '&' in each title, lower case: Alt plus that letter opens the menu.
QStringList accelerators(const QStringList &titles) {
    QStringList keys;
    for (const QString &title : titles) {
        const qsizetype at = title.indexOf(QLatin1Char('&'));
        if (at >= 0 && at + 1 < title.size())
            keys << title.at(at + 1).toLower();
    }
    return keys;
}

} // namespace

// The window in the user's language: Dutch words in the menus and Qt's own dialogs, Dutch
// formats for numbers and dates, Settings → Language remembered; English when asked or when
// nothing is installed.
class TestLanguageLoader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theWindowSpeaksDutch();
    void numbersAndDatesAreWrittenTheDutchWay();
    void theShippedViewsReadInDutch();
    void aRefusalFromStorageReadsInDutch();
    void aConflictFromStorageReadsInDutch();
    void aRefusalFromTheDomainReadsInDutch();
    void theDateBoxesShowTheirDutchTextWhole();
    void englishNeedsNoTranslation();
    void theChoiceIsRemembered();
    void aLanguageFollowsTheSystemOnlyWhenSpoken();

private:
    std::unique_ptr<SampleLeadDatabase> m_db;
    const QLocale m_before = QLocale();
};

void TestLanguageLoader::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    SampleLeadDatabase::isolateSettings();
}

void TestLanguageLoader::init() {
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench")).clear();
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
}

void TestLanguageLoader::cleanup() {
    m_db.reset();
    QLocale::setDefault(m_before);
}

void TestLanguageLoader::theWindowSpeaksDutch() {
    LanguageLoader loader;
    QString error;
    QVERIFY2(loader.install(LanguageLoader::localeFor(QStringLiteral("nl")), &error),
             qPrintable(error));
    QCOMPARE(loader.language(), QStringLiteral("nl"));

    MainWindow window(m_db->database());
    const QStringList titles = menuTitles(window);
    QCOMPARE(titles, (QStringList{QStringLiteral("&Bestand"), QStringLiteral("Be&werken"),
                                  QStringLiteral("&Lead"), QStringLiteral("Beel&d"),
                                  QStringLiteral("Weer&gaven"), QStringLiteral("&Score"),
                                  QStringLiteral("&Koesteren"), QStringLiteral("&Instellingen"),
                                  QStringLiteral("&Help")}));
    // Alt plus a letter opens one menu only.
    const QStringList keys = accelerators(titles);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), titles.size());
    // The stage names come from core/, translated all the same.
    auto *leadMenu = window.menuBar()->actions().at(2)->menu();
    QVERIFY(leadMenu);
    QStringList stageNames;
    for (const QAction *a : leadMenu->actions()) {
        if (a->menu()) {
            for (const QAction *stage : a->menu()->actions())
                stageNames << stage->text();
        }
    }
    QVERIFY2(stageNames.contains(QStringLiteral("Gekwalificeerd")) &&
                 stageNames.contains(QStringLiteral("Verkoopkans")),
             qPrintable(stageNames.join(QLatin1String(", "))));
    // Qt's own words in its standard buttons, from qtbase_nl.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Annuleren"));
    // A score explained by the shipped rules reads in Dutch; a label an admin wrote, as written.
    ScoringModel model = ScoringModel::defaultModel();
    Lead lead;
    lead.action = QStringLiteral("INS");
    lead.title = QStringLiteral("CEO");
    RuleScorer(model).apply(lead, QDateTime::currentDateTimeUtc());
    QStringList labels;
    for (const ScoreSection::Line &line : ScoreSection::shownOf(lead, model).lines)
        labels << line.label;
    QVERIFY2(labels.contains(QStringLiteral("Heeft de aanbieding geïnstalleerd")) &&
                 labels.contains(QStringLiteral("C-niveau")),
             qPrintable(labels.join(QLatin1String(", "))));
    // So do the lines Leadbench adds itself, stored in English as the rules' labels are.
    lead.scoreExplanation = QStringLiteral("action.INS:25 cap.max:8");
    QCOMPARE(ScoreSection::shownOf(lead, model).lines.value(1).label,
             QStringLiteral("Afgetopt op 100"));
    // And the win model's reasons, values kept.
    lead.winDrivers = QStringLiteral(
        R"({"up":[{"name":"Corporate email","effect":0.4},{"name":"Country NL","effect":0.2}],)"
        R"("down":[{"name":"Offer Contoso CRM","effect":-0.3}]})");
    const ScoreSection::Shown shown = ScoreSection::shownOf(lead, model);
    QCOMPARE(shown.up.size(), 2);
    QCOMPARE(shown.up.at(0).label, QStringLiteral("Zakelijk e-mailadres"));
    QCOMPARE(shown.up.at(1).label, QStringLiteral("Land NL"));
    QCOMPARE(shown.down.value(0).label, QStringLiteral("Aanbieding Contoso CRM"));
}

void TestLanguageLoader::numbersAndDatesAreWrittenTheDutchWay() {
    QVERIFY2(m_db->addLeads(Storefront::AppSource, 1200), qPrintable(m_db->error()));
    LanguageLoader loader;
    QVERIFY(loader.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
    QCOMPARE(QLocale().language(), QLocale::Dutch);

    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A thousands point, not a comma, in the count and in the queues.
    auto *count = window.findChild<QLabel *>(QStringLiteral("leadCountLabel"));
    QVERIFY(count);
    QTRY_COMPARE(count->text(), QStringLiteral("1.200 leads"));
    auto *queues = window.findChild<QListView *>(QStringLiteral("storefrontView"));
    QTRY_COMPARE(queues->model()->index(0, 0).data().toString(), QStringLiteral("Alle (1.200)"));
    // A creation time months ago is a Dutch date, with the month's Dutch name in the tooltip.
    auto *table = window.findChild<QTableView *>(QStringLiteral("leadView"));
    const QModelIndex created = table->model()->index(0, LeadTableModel::CreatedAtColumn);
    QTRY_VERIFY(!created.data().toString().isEmpty());
    const auto *model = qobject_cast<LeadTableModel *>(table->model());
    QVERIFY(model && model->leadAt(0));
    const QDate day = model->leadAt(0)->createdAt.toLocalTime().date();
    QCOMPARE(day.month(), 1); // the sample leads came in on the first days of 2025
    QCOMPARE(created.data().toString(),
             QLocale(QLocale::Dutch).toString(day, QLocale::ShortFormat));
    QVERIFY2(created.data(Qt::ToolTipRole).toString().contains(QStringLiteral("januari")),
             qPrintable(created.data(Qt::ToolTipRole).toString()));
}

// The saved views a database starts with are stored in English for the whole team; a Dutch
// window shows their Dutch names, and a view renamed shows its name as written.
void TestLanguageLoader::theShippedViewsReadInDutch() {
    LanguageLoader loader;
    QVERIFY(loader.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
    SavedViewListModel views(m_db->database());
    QTRY_COMPARE(views.rowCount(), 4);
    auto names = [&views] {
        QStringList list;
        for (int row = 0; row < views.rowCount(); ++row)
            list << views.index(row).data().toString();
        return list;
    };
    QCOMPARE(names(),
             (QStringList{QStringLiteral("Mijn nieuwe leads"), QStringLiteral("Vandaag gepland"),
                          QStringLiteral("Heet — klasse A"), QStringLiteral("Niet benaderen")}));

    QSignalSpy changed(&views, &SavedViewListModel::viewsChanged);
    views.rename(views.viewAt(2).id, QStringLiteral("Hot — grade A and B"));
    QTRY_VERIFY(!changed.isEmpty());
    QTRY_COMPARE(views.index(2).data().toString(), QStringLiteral("Hot — grade A and B"));
    QCOMPARE(names().first(), QStringLiteral("Mijn nieuwe leads"));
    QStringList stored;
    for (const SavedView &v :
         SavedViewRepository(m_db->database()).list().value_or(QList<SavedView>()))
        stored << v.name;
    QVERIFY2(stored.contains(QStringLiteral("My new leads")), qPrintable(stored.join(u',')));
}

// A refusal made where the views are stored (a name another view has) reaches a Dutch window
// in Dutch, the name as written; with no translation installed, as the command-line tool runs,
// it is the English it was written in.
void TestLanguageLoader::aRefusalFromStorageReadsInDutch() {
    const auto refusalOfARename = [this](QString *message) {
        SavedViewListModel views(m_db->database());
        QTRY_COMPARE(views.rowCount(), 4);
        QSignalSpy refused(&views, &SavedViewListModel::errorOccurred);
        views.rename(views.viewAt(2).id, QStringLiteral("My new leads"));
        QTRY_COMPARE(refused.size(), 1);
        *message = refused.first().first().toString();
    };
    QString message;
    {
        LanguageLoader dutch;
        QVERIFY(dutch.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
        refusalOfARename(&message);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(message,
                 QStringLiteral("er bestaat al een weergave met de naam \"My new leads\""));
    } // gone again with its loader
    refusalOfARename(&message);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(message, QStringLiteral("a view named \"My new leads\" exists already"));
}

// An edit to a lead someone else changed since it was read is refused where leads are written;
// the refusal reaches a Dutch window in Dutch, and with no translation installed, as the
// command-line tool runs, it is the English it was written in.
void TestLanguageLoader::aConflictFromStorageReadsInDutch() {
    const qint64 id = m_db->addLead(Storefront::AppSource, 50);
    QVERIFY(id > 0);
    const std::optional<Lead> read = LeadRepository(m_db->database()).lead(id);
    QVERIFY(read);
    const qint64 stale = read->version;
    QVERIFY(LeadWriter(m_db->database())
                .update(id, stale,
                        LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")),
                        QStringLiteral("kim"))
                .ok());
    const auto editOfTheStaleRead = [&] {
        return LeadWriter(m_db->database())
            .update(id, stale, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")),
                    QStringLiteral("sam"));
    };
    {
        LanguageLoader dutch;
        QVERIFY(dutch.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
        const UpdateResult r = editOfTheStaleRead();
        QCOMPARE(r.status, UpdateResult::Status::Conflict);
        QCOMPARE(r.error,
                 QStringLiteral("lead %1 is door iemand anders gewijzigd (versie %2, niet %3)")
                     .arg(id)
                     .arg(stale + 1)
                     .arg(stale));
    } // gone again with its loader
    const UpdateResult r = editOfTheStaleRead();
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    QCOMPARE(r.error, QStringLiteral("lead %1 was changed by someone else (version %2, not %3)")
                          .arg(id)
                          .arg(stale + 1)
                          .arg(stale));
    QCOMPARE(LeadRepository(m_db->database()).lead(id)->owner, QStringLiteral("kim"));
}

// The rules a lead's values and an opportunity's details must meet refuse in the window's
// language, the field's name and the value as written; with no translation installed, as the
// command-line tool runs, in the English they were written in.
void TestLanguageLoader::aRefusalFromTheDomainReadsInDutch() {
    const auto refusals = [] {
        Lead lead;
        lead.email = QStringLiteral("sam@contoso.example");
        const QString country =
            LeadChanges().set(QStringLiteral("country"), QStringLiteral("NLD")).applyTo(lead);
        return QStringList{country, OpportunityDetails().problems().value(0)};
    };
    {
        LanguageLoader dutch;
        QVERIFY(dutch.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
        QCOMPARE(refusals(),
                 (QStringList{
                     QStringLiteral("country: \"NLD\" is geen ISO 3166-landcode van twee letters"),
                     QStringLiteral("value: 0 is geen bedrag boven 0")}));
    } // gone again with its loader
    QCOMPARE(refusals(),
             (QStringList{QStringLiteral("country: \"NLD\" is not an ISO 3166 two-letter code"),
                          QStringLiteral("value: 0 is not an amount above 0")}));
}

// The creation-date boxes of the filter bar say "any" in words; the Dutch words are longer, and
// must still be read whole, not cut at the left.
void TestLanguageLoader::theDateBoxesShowTheirDutchTextWhole() {
    LanguageLoader dutch;
    QVERIFY(dutch.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
    MainWindow window(m_db->database());
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (const QString &name : {QStringLiteral("filterSince"), QStringLiteral("filterUntil")}) {
        auto *box = window.findChild<QDateEdit *>(name);
        QVERIFY2(box, qPrintable(name));
        auto *field = box->findChild<QLineEdit *>();
        QVERIFY(field);
        if (name == QLatin1String("filterSince"))
            QCOMPARE(field->text(), QStringLiteral("Aangemaakt: altijd"));
        // A line edit keeps 2 pixels free on either side of its text.
        const int needed = field->fontMetrics().horizontalAdvance(field->text()) + 4;
        QVERIFY2(field->contentsRect().width() >= needed,
                 qPrintable(QStringLiteral("%1: \"%2\" needs %3 pixels, the box shows %4")
                                .arg(name, field->text())
                                .arg(needed)
                                .arg(field->contentsRect().width())));
    }
}

void TestLanguageLoader::englishNeedsNoTranslation() {
    {
        LanguageLoader dutch;
        QVERIFY(dutch.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
    } // gone again with its loader
    LanguageLoader loader;
    QVERIFY(loader.install(LanguageLoader::localeFor(QStringLiteral("en"))));
    QCOMPARE(loader.language(), QStringLiteral("en"));
    MainWindow window(m_db->database());
    QCOMPARE(menuTitles(window).first(), QStringLiteral("&File"));
    QCOMPARE(menuTitles(window).last(), QStringLiteral("&Help"));
}

void TestLanguageLoader::theChoiceIsRemembered() {
    QCOMPARE(LanguageLoader::storedChoice(), QString());
    LanguageLoader::storeChoice(QStringLiteral("nl"));
    QCOMPARE(LanguageLoader::storedChoice(), QStringLiteral("nl"));
    // The Settings → Language menu shows it checked, in each language's own name.
    {
        MainWindow window(m_db->database());
        auto *dutch = window.findChild<QAction *>(QStringLiteral("language_nlAction"));
        QVERIFY(dutch);
        QCOMPARE(dutch->text(), QStringLiteral("Nederlands"));
        QVERIFY(dutch->isChecked());
        QVERIFY(!dutch->statusTip().isEmpty());
        auto *system = window.findChild<QAction *>(QStringLiteral("languageSystemAction"));
        QVERIFY(system);
        system->trigger();
    }
    QCOMPARE(LanguageLoader::storedChoice(), QString());
    // A language Leadbench does not speak is not kept.
    LanguageLoader::storeChoice(QStringLiteral("xx"));
    QCOMPARE(LanguageLoader::storedChoice(), QString());
}

void TestLanguageLoader::aLanguageFollowsTheSystemOnlyWhenSpoken() {
    // German formats with English words: Leadbench has no German.
    LanguageLoader loader;
    QVERIFY(loader.install(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(loader.language(), QStringLiteral("en"));
    QCOMPARE(QLocale().toString(1200), QStringLiteral("1.200"));
    MainWindow window(m_db->database());
    QCOMPARE(menuTitles(window).first(), QStringLiteral("&File"));
    // Belgian Dutch speaks Dutch.
    QVERIFY(loader.install(QLocale(QLocale::Dutch, QLocale::Belgium)));
    QCOMPARE(loader.language(), QStringLiteral("nl"));
}

QTEST_MAIN(TestLanguageLoader)
#include "tst_languageloader.moc"
