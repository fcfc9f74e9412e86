#include "sampleleaddatabase.h"
#include "ui/filterbar.h"
#include "ui/mainwindow.h"
#include "ui/models/leadtablemodel.h"

#include "core/storage/leadviewjson.h"
#include "core/storage/savedviewrepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

// The filter bar, its chips and the saved views in the real window, driven as a user drives
// them: typing narrows the table, a chip's × removes its filter, Esc clears the search, a
// saved view brings back its filter, sort and columns, and an empty result says so.
class TestFilterBar : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typingASearchNarrowsTheTable();
    void escapeClearsTheSearch();
    void removingAChipRemovesThatFilter();
    void coSellReferralsAndDestinationsFilterApart();
    void searchingAndTheFiltersShowInTheStatusBar();
    void aSavedViewRestoresFilterSortAndColumns();
    void myNewLeadsAreTheUsersOwn();
    void saveCurrentAsViewKeepsTheFilter();
    void aViewCanBeRenamedAndDeleted();
    void anEmptyResultOffersToClearTheFilters();

private:
    static QLineEdit *search(MainWindow &w) {
        return w.findChild<QLineEdit *>(QStringLiteral("filterSearch"));
    }
    static QTableView *table(MainWindow &w) {
        return w.findChild<QTableView *>(QStringLiteral("leadView"));
    }
    static QListView *savedViews(MainWindow &w) {
        return w.findChild<QListView *>(QStringLiteral("savedViewList"));
    }
    static QString countLabel(MainWindow &w) {
        return w.findChild<QLabel *>(QStringLiteral("leadCountLabel"))->text();
    }
    // The remove button of the chip whose text starts with `text`, found as assistive
    // technology finds it: by its accessible name.
    static QToolButton *chipRemover(MainWindow &w, const QString &text) {
        const QString name = QStringLiteral("Remove filter ") + text;
        for (QToolButton *b : w.findChildren<QToolButton *>()) {
            if (b->isVisible() && b->accessibleName().startsWith(name))
                return b;
        }
        return nullptr;
    }
    static void clickRow(QListView *view, int row) {
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }
    static int rowNamed(QListView *view, const QString &name) {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data().toString() == name)
                return row;
        }
        return -1;
    }
    // What a table column shows from top to bottom, once every row has arrived.
    static QStringList column(QTableView *view, int column) {
        QStringList texts;
        auto *model = qobject_cast<LeadTableModel *>(view->model());
        [&] { QTRY_VERIFY(!model->isCounting()); }();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            [&] { QTRY_VERIFY(index.data(LeadTableModel::LeadIdRole).toLongLong() > 0); }();
            texts << index.data().toString();
        }
        return texts;
    }
    static QStringList sorted(QStringList list) {
        list.sort();
        return list;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
};

void TestFilterBar::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    SampleLeadDatabase::isolateSettings();
}

void TestFilterBar::init() {
    QSettings settings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"));
    settings.clear();
    settings.setValue(QStringLiteral("user/name"), QStringLiteral("sam"));
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    // Companies 0001–0005 AppSource (scores 10–14), 0006–0008 Azure Marketplace (70–72),
    // 0009–0010 Azure portal (40–41), and a test lead.
    QVERIFY2(m_db->addSampleMix(), qPrintable(m_db->error()));
}

void TestFilterBar::cleanup() {
    m_db.reset();
}

void TestFilterBar::typingASearchNarrowsTheTable() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *view = table(window);
    QTRY_COMPARE(view->model()->rowCount(), 10);

    QTest::keyClicks(search(window), QStringLiteral("000"));
    QTRY_COMPARE(view->model()->rowCount(), 9); // every company but 0010
    QCOMPARE(sorted(column(view, LeadTableModel::CompanyColumn)),
             (QStringList{QStringLiteral("Company 0001"), QStringLiteral("Company 0002"),
                          QStringLiteral("Company 0003"), QStringLiteral("Company 0004"),
                          QStringLiteral("Company 0005"), QStringLiteral("Company 0006"),
                          QStringLiteral("Company 0007"), QStringLiteral("Company 0008"),
                          QStringLiteral("Company 0009")}));

    QTest::keyClicks(search(window), QStringLiteral("7"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(column(view, LeadTableModel::CompanyColumn),
             QStringList{QStringLiteral("Company 0007")});
    QCOMPARE(column(view, LeadTableModel::NameColumn), QStringList{QStringLiteral("Lead 7")});

    // A second word must match as well; the test lead stays out.
    QTest::keyClicks(search(window), QStringLiteral(" lead7@"));
    QTest::keyClick(search(window), Qt::Key_Return);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QTest::keyClicks(search(window), QStringLiteral("nobody"));
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

void TestFilterBar::escapeClearsTheSearch() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *view = table(window);
    QTRY_COMPARE(view->model()->rowCount(), 10);
    auto *bar = window.findChild<FilterBar *>(QStringLiteral("filterBar"));
    bar->focusSearch();
    QVERIFY(search(window)->hasFocus());

    QTest::keyClicks(search(window), QStringLiteral("company 0003"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QVERIFY(chipRemover(window, QStringLiteral("Search")));

    QTest::keyClick(search(window), Qt::Key_Escape);
    QCOMPARE(search(window)->text(), QString());
    QTRY_COMPARE(view->model()->rowCount(), 10);
    QVERIFY(!chipRemover(window, QStringLiteral("Search")));
}

void TestFilterBar::removingAChipRemovesThatFilter() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *view = table(window);
    QTRY_COMPARE(view->model()->rowCount(), 10);

    auto *minScore = window.findChild<QSpinBox *>(QStringLiteral("filterMinScore"));
    minScore->setValue(40);
    QTRY_COMPARE(view->model()->rowCount(), 5);
    QTest::keyClicks(search(window), QStringLiteral("0009"));
    QTRY_COMPARE(view->model()->rowCount(), 1);

    // Only the score goes: the search stays.
    QToolButton *score = chipRemover(window, QString::fromUtf8("Score \u2265 40"));
    QVERIFY(score);
    QTest::mouseClick(score, Qt::LeftButton);
    QTRY_COMPARE(minScore->text(), QStringLiteral("Any score"));
    QTRY_VERIFY(!chipRemover(window, QString::fromUtf8("Score \u2265 40")));
    QVERIFY(chipRemover(window, QStringLiteral("Search")));
    QCOMPARE(column(view, LeadTableModel::CompanyColumn),
             QStringList{QStringLiteral("Company 0009")});

    // Now the search, and every lead is back.
    QTest::mouseClick(chipRemover(window, QStringLiteral("Search")), Qt::LeftButton);
    QTRY_COMPARE(search(window)->text(), QString());
    QTRY_COMPARE(view->model()->rowCount(), 10);
}

void TestFilterBar::coSellReferralsAndDestinationsFilterApart() {
    {
        QSqlQuery q(m_db->database().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET origin = 'co-sell', destination = "
                                      "'co-sell' WHERE company = 'Company 0006'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET destination = 'own-crm' WHERE company "
                                      "IN ('Company 0001', 'Company 0002')")));
    }
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *view = table(window);
    QTRY_COMPARE(view->model()->rowCount(), 10);

    auto *origin = window.findChild<QComboBox *>(QStringLiteral("filterOrigin"));
    QVERIFY(origin);
    origin->setCurrentIndex(origin->findData(QStringLiteral("co-sell")));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(column(view, LeadTableModel::CompanyColumn),
             QStringList{QStringLiteral("Company 0006")});
    QToolButton *originChip = chipRemover(window, QStringLiteral("Origin: Co-sell referral"));
    QVERIFY(originChip);
    QTest::mouseClick(originChip, Qt::LeftButton);
    QTRY_COMPARE(view->model()->rowCount(), 10);
    QCOMPARE(origin->currentIndex(), 0);

    auto *destination = window.findChild<QComboBox *>(QStringLiteral("filterDestination"));
    QVERIFY(destination);
    destination->setCurrentIndex(destination->findData(QStringLiteral("own-crm")));
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(sorted(column(view, LeadTableModel::CompanyColumn)),
             (QStringList{QStringLiteral("Company 0001"), QStringLiteral("Company 0002")}));
    QVERIFY(chipRemover(window, QStringLiteral("Followed up in: ")));
}

void TestFilterBar::searchingAndTheFiltersShowInTheStatusBar() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(countLabel(window), QStringLiteral("10 leads"));
    auto *searching = window.findChild<QLabel *>(QStringLiteral("searchingLabel"));
    QVERIFY(!searching->isVisible());
    // The count goes to a reader thread; until it is back the bar says it is searching.
    window.findChild<QSpinBox *>(QStringLiteral("filterMinScore"))->setValue(70);
    QVERIFY(searching->isVisible());
    QCOMPARE(searching->text(), QStringLiteral("Searching…"));
    QTRY_VERIFY(!searching->isVisible());
    QTRY_COMPARE(countLabel(window), QString::fromUtf8("3 leads \u00b7 Score \u2265 70"));
}

void TestFilterBar::aSavedViewRestoresFilterSortAndColumns() {
    SavedView view;
    view.name = QStringLiteral("Scored, by company");
    LeadFilter filter;
    filter.minScore = 40;
    view.filter = LeadViewJson::filterToJson(filter, {});
    view.sort = LeadSort{QStringLiteral("company"), false};
    view.columns = {QStringLiteral("company"), QStringLiteral("score"), QStringLiteral("name")};
    SavedViewRepository repository(m_db->database());
    QVERIFY2(repository.create(view), qPrintable(repository.lastError()));

    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *leads = table(window);
    QTRY_COMPARE(leads->model()->rowCount(), 10);
    QListView *list = savedViews(window);
    QTRY_VERIFY(rowNamed(list, view.name) >= 0);

    clickRow(list, rowNamed(list, view.name));
    // The filter: shown in the bar and in the table.
    QTRY_COMPARE(leads->model()->rowCount(), 5);
    QCOMPARE(window.findChild<QSpinBox *>(QStringLiteral("filterMinScore"))->value(), 40);
    QVERIFY(chipRemover(window, QString::fromUtf8("Score \u2265 40")));
    // The sort.
    QHeaderView *header = leads->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(LeadTableModel::CompanyColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(column(leads, LeadTableModel::CompanyColumn),
             (QStringList{QStringLiteral("Company 0006"), QStringLiteral("Company 0007"),
                          QStringLiteral("Company 0008"), QStringLiteral("Company 0009"),
                          QStringLiteral("Company 0010")}));
    // The columns, in their order; the others hidden.
    QCOMPARE(header->logicalIndex(0), int(LeadTableModel::CompanyColumn));
    QCOMPARE(header->logicalIndex(1), int(LeadTableModel::ScoreColumn));
    QCOMPARE(header->logicalIndex(2), int(LeadTableModel::NameColumn));
    int shown = 0;
    for (int logical = 0; logical < header->count(); ++logical)
        shown += header->isSectionHidden(logical) ? 0 : 1;
    QCOMPARE(shown, 3);

    // Another view puts its own back: every column, best score first.
    clickRow(list, rowNamed(list, QString::fromUtf8("Hot \u2014 grade A")));
    QTRY_COMPARE(header->sortIndicatorSection(), int(LeadTableModel::ScoreColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(!header->isSectionHidden(LeadTableModel::EmailColumn));
    QVERIFY(chipRemover(window, QStringLiteral("Grade A")));
    QVERIFY(!chipRemover(window, QString::fromUtf8("Score \u2265 40")));
    QTRY_COMPARE(leads->model()->rowCount(), 0); // no sample lead is graded
}

void TestFilterBar::myNewLeadsAreTheUsersOwn() {
    {
        QSqlQuery q(m_db->database().connection());
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE leads SET owner = 'sam' WHERE company IN ('Company 0002', 'Company 0007')")));
        QVERIFY(q.exec(
            QStringLiteral("UPDATE leads SET owner = 'alex' WHERE company = 'Company 0003'")));
    }
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListView *list = savedViews(window);
    QTRY_VERIFY(rowNamed(list, QStringLiteral("My new leads")) >= 0);
    clickRow(list, rowNamed(list, QStringLiteral("My new leads")));
    QTRY_COMPARE(table(window)->model()->rowCount(), 2);
    QCOMPARE(sorted(column(table(window), LeadTableModel::CompanyColumn)),
             (QStringList{QStringLiteral("Company 0002"), QStringLiteral("Company 0007")}));
    QVERIFY(chipRemover(window, QStringLiteral("Owner: sam")));
    QVERIFY(chipRemover(window, QStringLiteral("Stage: New")));
}

void TestFilterBar::saveCurrentAsViewKeepsTheFilter() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *leads = table(window);
    QTRY_COMPARE(leads->model()->rowCount(), 10);
    QTest::keyClicks(search(window), QStringLiteral("0007"));
    QTRY_COMPARE(leads->model()->rowCount(), 1);

    // The name is typed into the dialog the action opens.
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(QStringLiteral("Lead seven"));
        dialog->accept();
        answered = true;
    });
    window.findChild<QAction *>(QStringLiteral("saveViewAction"))->trigger();
    QVERIFY(answered);
    QListView *list = savedViews(window);
    QTRY_VERIFY(rowNamed(list, QStringLiteral("Lead seven")) >= 0);

    // Stored for everyone on the database, and it brings the search back.
    const QList<SavedView> stored = *SavedViewRepository(m_db->database()).list();
    QCOMPARE(stored.last().name, QStringLiteral("Lead seven"));
    QCOMPARE(stored.last().createdBy, QStringLiteral("sam"));
    QTest::keyClick(search(window), Qt::Key_Escape);
    QTRY_COMPARE(leads->model()->rowCount(), 10);
    clickRow(list, rowNamed(list, QStringLiteral("Lead seven")));
    QTRY_COMPARE(search(window)->text(), QStringLiteral("0007"));
    QTRY_COMPARE(leads->model()->rowCount(), 1);
}

void TestFilterBar::aViewCanBeRenamedAndDeleted() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListView *list = savedViews(window);
    QTRY_VERIFY(rowNamed(list, QStringLiteral("Due today")) >= 0);
    auto *rename = window.findChild<QAction *>(QStringLiteral("renameViewAction"));
    auto *remove = window.findChild<QAction *>(QStringLiteral("deleteViewAction"));
    // Nothing chosen, nothing to rename or delete.
    QVERIFY(!rename->isEnabled());
    QVERIFY(!remove->isEnabled());
    // The context menu offers the same actions.
    QCOMPARE(list->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(list->actions().contains(rename));
    QVERIFY(list->actions().contains(remove));

    clickRow(list, rowNamed(list, QStringLiteral("Due today")));
    QVERIFY(rename->isEnabled());
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            QCOMPARE(dialog->textValue(), QStringLiteral("Due today"));
            dialog->setTextValue(QStringLiteral("Follow up today"));
            dialog->accept();
        }
    });
    rename->trigger();
    QTRY_VERIFY(rowNamed(list, QStringLiteral("Follow up today")) >= 0);
    QCOMPARE(SavedViewRepository(m_db->database()).list()->at(1).name,
             QStringLiteral("Follow up today"));

    clickRow(list, rowNamed(list, QStringLiteral("Follow up today")));
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    remove->trigger();
    QTRY_COMPARE(list->model()->rowCount(), 3);
    QCOMPARE(rowNamed(list, QStringLiteral("Follow up today")), -1);
    QCOMPARE(SavedViewRepository(m_db->database()).list()->size(), 3);
}

void TestFilterBar::anEmptyResultOffersToClearTheFilters() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *leads = table(window);
    QTRY_COMPARE(leads->model()->rowCount(), 10);
    auto *overlay = window.findChild<QWidget *>(QStringLiteral("emptyStateOverlay"));
    QVERIFY(overlay);
    QVERIFY(!overlay->isVisible());

    window.findChild<QSpinBox *>(QStringLiteral("filterMinScore"))->setValue(50);
    QTest::keyClicks(search(window), QStringLiteral("zzz"));
    QTRY_VERIFY(overlay->isVisible());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("emptyStateMessage"))->text(),
             QStringLiteral("No leads match"));
    auto *clear = window.findChild<QPushButton *>(QStringLiteral("emptyStateClearFilters"));
    QVERIFY(clear->isVisible());

    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(leads->model()->rowCount(), 10);
    QTRY_VERIFY(!overlay->isVisible());
    QCOMPARE(search(window)->text(), QString());
    QCOMPARE(window.findChild<QSpinBox *>(QStringLiteral("filterMinScore"))->value(), 0);
    QVERIFY(!chipRemover(window, QStringLiteral("Search")));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
