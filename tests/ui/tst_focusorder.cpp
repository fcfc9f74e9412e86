#include "sampleleaddatabase.h"
#include "ui/convertdialog.h"
#include "ui/disqualifydialog.h"
#include "ui/followupdialog.h"
#include "ui/logtouchdialog.h"
#include "ui/mainwindow.h"
#include "ui/scoringdialog.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <functional>
#include <memory>

namespace {

// What a screen reader names the focused widget as Tab (or Shift+Tab) moves the focus
// `presses` times from `start`, the start included. A field Tab steps through part by part
// (a date's day, month and year) is named once.
QStringList tabWalk(QWidget *start, int presses, Qt::Key key = Qt::Key_Tab) {
    start->setFocus(Qt::TabFocusReason);
    QStringList names;
    QWidget *last = nullptr;
    for (int i = 0; i <= presses; ++i) {
        QWidget *w = QApplication::focusWidget();
        if (!w)
            return names << QStringLiteral("(nothing)");
        if (w != last) {
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            names << (a ? a->text(QAccessible::Name) : w->objectName());
        }
        last = w;
        if (i < presses)
            QTest::keyClick(w, key);
    }
    return names;
}

} // namespace

// The keyboard's way through the window and its dialogs, as a user meets it: Tab goes from the
// search field through the filters, into the table and on through the lead panel's fields top
// to bottom, then the queues and saved views on the left and round; no field keeps it.
class TestFocusOrder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tabGoesFromTheSearchThroughTheFiltersTableAndPanel();
    void shiftTabGoesBack();
    void dialogsGoTopToBottom_data();
    void dialogsGoTopToBottom();
    void tabLeavesTheScoringRules();

private:
    // The window with its first lead shown in the panel.
    bool showFirstLead(MainWindow &window);

    std::unique_ptr<SampleLeadDatabase> m_db;
};

void TestFocusOrder::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    SampleLeadDatabase::isolateSettings();
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench")).clear();
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    QVERIFY2(m_db->addSampleMix(), qPrintable(m_db->error()));
}

bool TestFocusOrder::showFirstLead(MainWindow &window) {
    window.resize(1600, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    auto *table = window.findChild<QTableView *>(QStringLiteral("leadView"));
    if (!table || !QTest::qWaitFor([table] { return table->model()->rowCount() > 0; }))
        return false;
    table->selectRow(0);
    // The checklist arrives with the team's qualification policy, read after the window opens.
    return QTest::qWaitFor([&window] {
        auto *check = window.findChild<QWidget *>(QStringLiteral("check_budget"));
        return check && check->isVisible();
    });
}

void TestFocusOrder::tabGoesFromTheSearchThroughTheFiltersTableAndPanel() {
    MainWindow window(m_db->database());
    QVERIFY(showFirstLead(window));
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("filterSearch"));
    QVERIFY(search);
    // The lead has an email address and no phone number: the address is a link to Tab to.
    const QStringList expected{
        // The filter bar, row by row; the combo boxes say what they are set to.
        QStringLiteral("Search leads"), QStringLiteral("Any stage"), QStringLiteral("Any grade"),
        QStringLiteral("Minimum score"), QStringLiteral("Show test leads"),
        QStringLiteral("Past first-touch SLA"), QStringLiteral("Any owner"),
        QStringLiteral("Any offer"), QStringLiteral("Any action"), QStringLiteral("Any origin"),
        QStringLiteral("Any destination"), QStringLiteral("Created from"),
        QStringLiteral("Created until"),
        // The table, then the lead panel top to bottom.
        QStringLiteral("Leads"), QStringLiteral("Email"), QStringLiteral("New"),
        QStringLiteral("Owner"), QStringLiteral("Follow up planned"), QStringLiteral("Log touch"),
        QStringLiteral("Schedule"), QStringLiteral("Enroll"), QStringLiteral("Email"),
        QStringLiteral("Budget"), QStringLiteral("Authority"), QStringLiteral("Need"),
        QStringLiteral("Timeline"), QStringLiteral("Qualify"), QStringLiteral("Disqualify"),
        QStringLiteral("New note"), QStringLiteral("Add note"),
        QStringLiteral("History, newest first"),
        // The left side, the tabs, and round to the search field.
        QStringLiteral("Storefront queues"), QStringLiteral("Saved views"), QStringLiteral("Leads"),
        QStringLiteral("Search leads")};
    QCOMPARE(tabWalk(search, int(expected.size()) - 1), expected);
}

void TestFocusOrder::shiftTabGoesBack() {
    MainWindow window(m_db->database());
    QVERIFY(showFirstLead(window));
    auto *table = window.findChild<QTableView *>(QStringLiteral("leadView"));
    // Back out of the table past the date filters, which show "any" and have no parts to visit.
    QCOMPARE(tabWalk(table, 3, Qt::Key_Backtab),
             (QStringList{QStringLiteral("Leads"), QStringLiteral("Created until"),
                          QStringLiteral("Created from"), QStringLiteral("Any destination")}));
}

void TestFocusOrder::dialogsGoTopToBottom_data() {
    QTest::addColumn<std::function<QDialog *()>>("make");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("log touch") << std::function<QDialog *()>([] {
        return new LogTouchDialog(
            QStringLiteral("Ann"), TouchKind::Call,
            NurturePolicy::NextFollowUp{QDateTime::currentDateTime().addDays(2), TouchKind::Email},
            QStringLiteral("In two days"));
    })
                               << QStringList{QStringLiteral("Call"),
                                              QStringLiteral("Outcome"),
                                              QStringLiteral("What was said"),
                                              QStringLiteral("Schedule the next follow-up"),
                                              QStringLiteral("Next follow-up time"),
                                              QStringLiteral("Email"),
                                              QStringLiteral("Cancel"),
                                              QStringLiteral("Call")};
    QTest::newRow("follow-up") << std::function<QDialog *()>([] {
        return new FollowUpDialog(QStringLiteral("Ann"), QDateTime(), TouchKind::Call);
    })
                               << QStringList{QStringLiteral("When"), QStringLiteral("Call"),
                                              QStringLiteral("Schedule"), QStringLiteral("Cancel"),
                                              QStringLiteral("When")};
    QTest::newRow("disqualify")
        << std::function<QDialog *()>([] { return new DisqualifyDialog(QStringLiteral("Ann")); })
        << QStringList{QStringLiteral("Choose a reason…"), QStringLiteral("Why, in a few words"),
                       QStringLiteral("Cancel"), QStringLiteral("Choose a reason…")};
    // With a reason the Disqualify button can be pressed: Tab meets it, and Cancel after it.
    QTest::newRow("disqualify with a reason")
        << std::function<QDialog *()>([] {
               auto *dialog = new DisqualifyDialog(QStringLiteral("Ann"));
               if (auto *reason =
                       dialog->findChild<QComboBox *>(QStringLiteral("disqualifyReason")))
                   reason->setCurrentIndex(reason->findData(QStringLiteral("no-budget")));
               return dialog;
           })
        << QStringList{QStringLiteral("No budget"), QStringLiteral("Why, in a few words"),
                       QStringLiteral("Disqualify"), QStringLiteral("Cancel"),
                       QStringLiteral("No budget")};
    QTest::newRow("convert") << std::function<QDialog *()>([] {
        return new ConvertDialog(QStringLiteral("Ann"), OpportunityDetails());
    })
                             << QStringList{QStringLiteral("Estimated value"),
                                            QStringLiteral("Currency"),
                                            QStringLiteral("Expected close date"),
                                            QStringLiteral("Your CRM"),
                                            QStringLiteral("Cancel"),
                                            QStringLiteral("Estimated value")};
}

void TestFocusOrder::dialogsGoTopToBottom() {
    QFETCH(std::function<QDialog *()>, make);
    QFETCH(QStringList, expected);
    const std::unique_ptr<QDialog> dialog(make());
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QWidget *first = dialog->focusWidget();
    QVERIFY(first);
    // Date parts are stops of their own: enough presses to go round once.
    QStringList walk = tabWalk(first, 14);
    QVERIFY2(walk.size() >= expected.size(), qPrintable(walk.join(QLatin1String(" | "))));
    walk = walk.mid(0, expected.size());
    QCOMPARE(walk, expected);
}

// The rules table is edited cell by cell with the arrows (and Tab while a cell is being
// edited); Tab from the table itself goes on to the buttons below it.
void TestFocusOrder::tabLeavesTheScoringRules() {
    ScoringDialog dialog(m_db->database(), QStringLiteral("me"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.isPreviewing(), 10000);
    auto *table = dialog.findChild<QWidget *>(QStringLiteral("rulesTable"));
    QVERIFY(table && table->isEnabled());
    QCOMPARE(tabWalk(table, 2),
             (QStringList{QStringLiteral("Scoring rules"), QStringLiteral("Add a rule"),
                          QStringLiteral("Remove the selected rule")}));
}

QTEST_MAIN(TestFocusOrder)
#include "tst_focusorder.moc"
