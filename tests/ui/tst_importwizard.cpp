#include "sampleleaddatabase.h"
#include "ui/importwizard/importfilepage.h"
#include "ui/importwizard/importmappingpage.h"
#include "ui/importwizard/importrunner.h"
#include "ui/importwizard/importvalidationpage.h"
#include "ui/importwizard/importwizard.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"
#include "ui/models/leadtablemodel.h"

#include "core/domain/lead.h"
#include "core/domain/leadcolumns.h"
#include "core/io/leadexporter.h"
#include "core/storage/leadrepository.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// The import wizard as a user goes through it: a file chosen, read right, its columns mapped,
// its bad rows found before anything is stored, imported on a worker thread, and the numbers
// at the end; and a cancel that leaves the database as it was.
class TestImportWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aDutchExcelFileGoesFromFileToLeads();
    void importingTheSameFileAgainChangesNothing();
    void aMappingWithoutIdentityBlocksNext();
    void aWorkbookChosenAfterACsvFileIsReadAsAWorkbook();
    void aSavedProfileMapsTheNextFile();
    void cancellingTheImportLeavesTheDatabaseAsItWas();
    void closingTheWizardDuringTheImportRollsItBack();
    void droppingAFileOnTheWindowOpensTheWizardWithIt();
    void showImportedLeadsShowsThemInTheTable();
    void aDutchWindowExplainsTheFileInDutch();

private:
    // Writes `text` as Windows-1252, as Dutch Excel saves "CSV".
    QString writeWindows1252(const QString &name, const QString &text) {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text.toLatin1()); // the sample's letters are the same in Latin-1
        return path;
    }
    QString dutchFile() {
        return writeWindows1252(
            QStringLiteral("leads-nl.csv"),
            QStringLiteral(
                "Voornaam;Tussenvoegsel;Achternaam;E-mail;Bedrijf;Land;Functie;Aangemaakt\r\n"
                "J\u00fcrgen;;M\u00fcller;jurgen@mueller.de;Caf\u00e9 "
                "M\u00fcller;DE;Directeur;14-03-2026\r\n"
                "Ana;;Brien;ana@obrien.ie;Smith;Jones;IE;CEO;15-03-2026\r\n"
                "Sanne;de;Vries;sanne@devries.nl;Vries & Zn;NL;Inkoper;16-03-2026\r\n"
                "Piet;;Jansen;piet@jansen.nl;Jansen BV;NL;CEO;31-03-2026\r\n"));
    }
    // A file long enough that an import is still running when it is cancelled.
    QString largeFile(int rows) {
        QString text = QStringLiteral("FirstName,LastName,Email,Company,Country\n");
        for (int i = 0; i < rows; ++i)
            text += QStringLiteral("Lead,%1,lead%1@bulk.example,Bulk %1,NL\n").arg(i);
        return writeWindows1252(QStringLiteral("bulk.csv"), text);
    }
    qint64 leadCount() const {
        LeadFilter all;
        all.includeTest = true;
        return LeadRepository(m_db->database()).count(all);
    }
    static void clickNext(ImportWizard &wizard) {
        QAbstractButton *next = wizard.button(
            wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
    }
    // Opens `path` and waits for its preview.
    static void openFile(ImportWizard &wizard, const QString &path) {
        wizard.setFile(path);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTRY_VERIFY(!wizard.filePage()->isReading());
    }
    // Goes on to the validation page and waits for its check.
    static void checkFile(ImportWizard &wizard) {
        clickNext(wizard); // to the mapping
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        clickNext(wizard); // to the check
        QCOMPARE(wizard.currentId(), int(ImportWizard::ValidationPage));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.validationPage()->isChecking(), 30000);
    }
    template <typename T> static T *child(QWidget &in, const QString &name) {
        T *found = in.findChild<T *>(name);
        if (!found)
            qWarning("no %s", qPrintable(name));
        return found;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestImportWizard::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    SampleLeadDatabase::isolateSettings();
}

void TestImportWizard::init() {
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench")).clear();
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    QVERIFY2(m_db->addSampleMix(), qPrintable(m_db->error()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestImportWizard::cleanup() {
    m_dir.reset();
    m_db.reset();
}

void TestImportWizard::aDutchExcelFileGoesFromFileToLeads() {
    const qint64 before = leadCount();
    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    openFile(wizard, dutchFile());

    // The file page says how it reads the file, and shows the records as they will be read.
    auto *encoding = child<QComboBox>(wizard, QStringLiteral("importEncoding"));
    auto *delimiter = child<QComboBox>(wizard, QStringLiteral("importDelimiter"));
    QVERIFY2(encoding->currentText().contains(QLatin1String("Windows-1252")),
             qPrintable(encoding->currentText()));
    QVERIFY2(delimiter->currentText().contains(QLatin1String("Semicolon")),
             qPrintable(delimiter->currentText()));
    auto *preview = child<QTableWidget>(wizard, QStringLiteral("importPreview"));
    QCOMPARE(preview->columnCount(), 8);
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("Voornaam"));
    QCOMPARE(preview->item(0, 4)->text(), QStringLiteral("Café Müller"));
    auto *bad = child<QListWidget>(wizard, QStringLiteral("importBadLines"));
    QCOMPARE(bad->count(), 1);
    QVERIFY2(bad->item(0)->text().startsWith(QLatin1String("Line 3: ")),
             qPrintable(bad->item(0)->text()));

    // The mapping page proposes a lead field for each Dutch column.
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    auto *email = child<QComboBox>(wizard, QStringLiteral("mappingTarget:E-mail"));
    QCOMPARE(email->currentData().toString(), QStringLiteral("email"));
    QCOMPARE(email->currentText(), QStringLiteral("Email"));
    auto *company = child<QComboBox>(wizard, QStringLiteral("mappingTarget:Bedrijf"));
    QCOMPARE(company->currentData().toString(), QStringLiteral("company"));
    auto *prefix = child<QComboBox>(wizard, QStringLiteral("mappingTarget:Tussenvoegsel"));
    QCOMPARE(prefix->currentData().toString(), QStringLiteral("name_prefix"));

    // The check finds the bad row by its line, and saves it to be fixed.
    clickNext(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.validationPage()->isChecking(), 30000);
    QCOMPARE(leadCount(), before); // nothing stored by the check
    QVERIFY2(child<QLabel>(wizard, QStringLiteral("validationCounts"))
                 ->text()
                 .startsWith(QLatin1String("3 of 4 records can be imported; 1 would be rejected")),
             qPrintable(child<QLabel>(wizard, QStringLiteral("validationCounts"))->text()));
    auto *rejected = child<QTableWidget>(wizard, QStringLiteral("validationRejected"));
    QCOMPARE(rejected->rowCount(), 1);
    QCOMPARE(rejected->item(0, 0)->text(), QStringLiteral("3"));
    QVERIFY(!rejected->item(0, 1)->text().isEmpty());
    const QString saved = m_dir->filePath(QStringLiteral("rejected.csv"));
    QString error;
    QVERIFY2(wizard.validationPage()->saveRejected(saved, &error), qPrintable(error));
    QFile savedFile(saved);
    QVERIFY(savedFile.open(QIODevice::ReadOnly));
    const QStringList savedLines = QString::fromUtf8(savedFile.readAll())
                                       .remove(QChar(0xFEFF))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(savedLines.size(), 2);
    QCOMPARE(
        savedLines.at(0),
        QStringLiteral(
            "Voornaam,Tussenvoegsel,Achternaam,E-mail,Bedrijf,Land,Functie,Aangemaakt,Reason"));
    QVERIFY2(savedLines.at(1).startsWith(
                 QLatin1String("Ana,,Brien,ana@obrien.ie,Smith,Jones,IE,CEO,15-03-2026,")),
             qPrintable(savedLines.at(1)));

    // Merge is the default for leads already stored; Import runs it and the numbers follow.
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::DuplicatesPage));
    QVERIFY(child<QAbstractButton>(wizard, QStringLiteral("duplicatesMerge"))->isChecked());
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPage), 30000);
    QCOMPARE(imported.size(), 1);
    QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultImported"))->text(), QStringLiteral("3"));
    QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultMerged"))->text(), QStringLiteral("0"));
    QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultRejected"))->text(), QStringLiteral("1"));
    QCOMPARE(leadCount(), before + 3);
    LeadFilter search;
    search.search = QStringLiteral("mueller.de");
    const QList<Lead> found =
        LeadRepository(m_db->database()).page(search, LeadSort(), nullptr, 10);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().company, QStringLiteral("Café Müller"));
    QCOMPARE(found.first().firstName, QStringLiteral("Jürgen"));
    search.search = QStringLiteral("devries.nl");
    const QList<Lead> sanne =
        LeadRepository(m_db->database()).page(search, LeadSort(), nullptr, 10);
    QCOMPARE(sanne.size(), 1);
    QCOMPARE(sanne.first().lastName, QStringLiteral("de Vries"));

    // "Show imported leads" hands the window exactly the leads of this import.
    QSignalSpy show(&wizard, &ImportWizard::showLeadsRequested);
    auto *showButton = child<QAbstractButton>(wizard, QStringLiteral("resultShowLeads"));
    QVERIFY(showButton->isVisible());
    QTest::mouseClick(showButton, Qt::LeftButton);
    QCOMPARE(show.size(), 1);
    const QList<qint64> ids = show.first().first().value<QList<qint64>>();
    QCOMPARE(ids.size(), 3);
    QVERIFY(ids.contains(found.first().id));
    QVERIFY(!wizard.isVisible());
}

void TestImportWizard::importingTheSameFileAgainChangesNothing() {
    const QString path = dutchFile();
    for (int round = 0; round < 2; ++round) {
        ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
        openFile(wizard, path);
        checkFile(wizard);
        clickNext(wizard);
        clickNext(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPage), 30000);
        if (round == 1) {
            QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultImported"))->text(),
                     QStringLiteral("0"));
            QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultMerged"))->text(),
                     QStringLiteral("0"));
            QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultUnchanged"))->text(),
                     QStringLiteral("3"));
        }
    }
    QCOMPARE(leadCount(), 10 + 1 + 3);
}

void TestImportWizard::aMappingWithoutIdentityBlocksNext() {
    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    openFile(wizard, dutchFile());
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    auto *message = child<QLabel>(wizard, QStringLiteral("mappingMessage"));
    QVERIFY(!message->isVisible());
    // Nothing that says who the lead is: no email, no name, no company.
    for (QComboBox *box : wizard.findChildren<QComboBox *>()) {
        if (!box->objectName().startsWith(QLatin1String("mappingTarget:")))
            continue;
        box->setCurrentIndex(box->findData(QString()));
        emit box->activated(box->currentIndex());
    }
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(message->isVisible());
    QVERIFY(!message->text().isEmpty());
}

void TestImportWizard::aWorkbookChosenAfterACsvFileIsReadAsAWorkbook() {
    // The workbook Leadbench itself exports, read back.
    const QString workbook = m_dir->filePath(QStringLiteral("leads.xlsx"));
    LeadExporter::Options xlsx;
    xlsx.format = LeadExporter::Format::Xlsx;
    const LeadExporter::Result exported =
        LeadExporter(m_db->database()).exportToFile(LeadFilter(), LeadSort(), xlsx, workbook);
    QVERIFY2(exported.ok(), qPrintable(exported.error));

    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    openFile(wizard, dutchFile());
    clickNext(wizard);
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    wizard.setFile(workbook);
    QTRY_VERIFY(!wizard.filePage()->isReading());
    QVERIFY(wizard.filePage()->isComplete());
    QCOMPARE(child<QLabel>(wizard, QStringLiteral("importFormat"))->text(),
             QStringLiteral("Excel workbook"));
    auto *sheet = child<QComboBox>(wizard, QStringLiteral("importSheet"));
    QVERIFY(sheet->isVisible());
    QVERIFY(sheet->count() >= 1);
    QVERIFY(!child<QComboBox>(wizard, QStringLiteral("importEncoding"))->isEnabled());
    auto *preview = child<QTableWidget>(wizard, QStringLiteral("importPreview"));
    QCOMPARE(preview->rowCount(), int(exported.rows));
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), LeadColumns::all().first());

    // Its columns are Leadbench's own: each maps onto itself.
    clickNext(wizard);
    QCOMPARE(child<QComboBox>(wizard, QStringLiteral("mappingTarget:email"))->currentData(),
             QVariant(QStringLiteral("email")));
}

void TestImportWizard::aSavedProfileMapsTheNextFile() {
    // The file's columns kept under a name; the next file of that kind is read the same way.
    ImportWizard first(m_db->database(), QStringLiteral("tester"));
    openFile(first, dutchFile());
    clickNext(first);
    auto *title = child<QComboBox>(first, QStringLiteral("mappingTarget:Functie"));
    title->setCurrentIndex(title->findData(QStringLiteral("description")));
    emit title->activated(title->currentIndex());
    QSignalSpy saved(first.mappingPage(), &ImportMappingPage::profileMessage);
    first.mappingPage()->saveProfile(QStringLiteral("Dutch fairs"));
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toString(), QStringLiteral("Saved as “Dutch fairs”"));

    ImportWizard second(m_db->database(), QStringLiteral("tester"));
    openFile(second, dutchFile());
    clickNext(second);
    QTRY_COMPARE(second.mappingPage()->profileNames(), QStringList{QStringLiteral("Dutch fairs")});
    auto *again = child<QComboBox>(second, QStringLiteral("mappingTarget:Functie"));
    QVERIFY(again->currentData().toString() != QLatin1String("description"));
    QSignalSpy loaded(second.mappingPage(), &ImportMappingPage::profileMessage);
    second.mappingPage()->loadProfile(QStringLiteral("Dutch fairs"));
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(again->currentData().toString(), QStringLiteral("description"));
}

void TestImportWizard::cancellingTheImportLeavesTheDatabaseAsItWas() {
    const qint64 before = leadCount();
    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    openFile(wizard, largeFile(20000));
    checkFile(wizard);
    clickNext(wizard);
    clickNext(wizard); // Import
    QCOMPARE(wizard.currentId(), int(ImportWizard::ProgressPage));
    auto *cancel = child<QAbstractButton>(wizard, QStringLiteral("importCancel"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPage), 60000);
    QVERIFY(wizard.result().cancelled);
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Import cancelled"));
    QCOMPARE(child<QLabel>(wizard, QStringLiteral("resultImported"))->text(), QStringLiteral("—"));
    QVERIFY(!child<QAbstractButton>(wizard, QStringLiteral("resultShowLeads"))->isVisible());
    QCOMPARE(leadCount(), before);
}

void TestImportWizard::closingTheWizardDuringTheImportRollsItBack() {
    const qint64 before = leadCount();
    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    openFile(wizard, largeFile(20000));
    checkFile(wizard);
    clickNext(wizard);
    clickNext(wizard); // Import
    QVERIFY(wizard.progressPage());
    wizard.reject();             // the wizard's Cancel, or Escape
    QVERIFY(wizard.isVisible()); // until the rollback is done
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isVisible(), 60000);
    QCOMPARE(wizard.result().cancelled, true);
    QCOMPARE(imported.size(), 0);
    QCOMPARE(leadCount(), before);
}

void TestImportWizard::droppingAFileOnTheWindowOpensTheWizardWithIt() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = dutchFile();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    ImportWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = window.findChild<ImportWizard *>()));
    QCOMPARE(wizard->file(), path);
    QTRY_VERIFY(wizard->isVisible());
    QTRY_VERIFY(!wizard->filePage()->isReading());
    QVERIFY(wizard->filePage()->isComplete());
    wizard->close();

    // A picture is not a lead file: the window does not take it.
    QMimeData picture;
    picture.setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("photo.png")))});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &picture, Qt::LeftButton,
                            Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestImportWizard::showImportedLeadsShowsThemInTheTable() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = window.findChild<QTableView *>(QStringLiteral("leadView"));
    QTRY_COMPARE(table->model()->rowCount(), 10);
    window.openImportWizard(dutchFile());
    ImportWizard *wizard = window.findChild<ImportWizard *>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QTRY_VERIFY(!wizard->filePage()->isReading());
    checkFile(*wizard);
    clickNext(*wizard);
    clickNext(*wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPage), 30000);
    // The window counts the new leads as soon as they are stored.
    QTRY_COMPARE(table->model()->rowCount(), 13);

    QTest::mouseClick(child<QAbstractButton>(*wizard, QStringLiteral("resultShowLeads")),
                      Qt::LeftButton);
    QTRY_VERIFY(!window.findChild<ImportWizard *>()); // closed and gone
    QTRY_COMPARE(table->model()->rowCount(), 3);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    QStringList companies;
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = model->index(row, LeadTableModel::CompanyColumn);
        QTRY_VERIFY(index.data(LeadTableModel::LeadIdRole).toLongLong() > 0);
        companies << index.data().toString();
    }
    companies.sort();
    QCOMPARE(companies, (QStringList{QStringLiteral("Café Müller"), QStringLiteral("Jansen BV"),
                                     QStringLiteral("Vries & Zn")}));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("leadCountLabel"))
                    ->text()
                    .contains(QLatin1String("Imported leads only")));
}

// The reasons a record is rejected and the notes on its columns are made in core/ and shown in
// the window's language; the CLI, which installs no translation, keeps them English.
void TestImportWizard::aDutchWindowExplainsTheFileInDutch() {
    const QLocale before;
    LanguageLoader loader;
    QVERIFY(loader.install(LanguageLoader::localeFor(QStringLiteral("nl"))));
    const QString path = writeWindows1252(QStringLiteral("leads.csv"),
                                          QStringLiteral("id,email,country,score\n"
                                                         "1,ann@fabrikam.example,NL,50\n"
                                                         "2,not-an-address,NL,50\n"
                                                         "3,bo@fabrikam.example,NL,lots\n"
                                                         "4,cy@fabrikam.example,NL,50,55\n"));
    ImportWizard wizard(m_db->database(), QStringLiteral("tester"));
    openFile(wizard, path);
    auto *bad = child<QListWidget>(wizard, QStringLiteral("importBadLines"));
    QCOMPARE(bad->count(), 1);
    QCOMPARE(bad->item(0)->text(),
             QStringLiteral("Regel 5: heeft 5 velden, de kopregel heeft er 4"));

    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    auto *mapping = child<QTableWidget>(wizard, QStringLiteral("mappingTable"));
    QCOMPARE(mapping->item(0, 3)->text(), QStringLiteral("de database nummert zijn leads zelf"));

    clickNext(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.validationPage()->isChecking(), 30000);
    const QString warnings = child<QLabel>(wizard, QStringLiteral("validationWarnings"))->text();
    QVERIFY2(warnings.contains(QStringLiteral(
                 "regel 1: kolom 1 \"id\" wordt genegeerd: de database nummert zijn leads zelf")),
             qPrintable(warnings));
    auto *rejected = child<QTableWidget>(wizard, QStringLiteral("validationRejected"));
    QStringList reasons;
    for (int row = 0; row < rejected->rowCount(); ++row)
        reasons << rejected->item(row, 0)->text() + QLatin1Char(' ') +
                       rejected->item(row, 1)->text();
    QCOMPARE(reasons, (QStringList{
                          QStringLiteral("3 veld email: \"not-an-address\" is geen e-mailadres"),
                          QStringLiteral("4 veld score: \"lots\" is geen geheel getal"),
                          QStringLiteral("5 heeft 5 velden, de kopregel heeft er 4"),
                      }));
    wizard.close();
    QLocale::setDefault(before);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
