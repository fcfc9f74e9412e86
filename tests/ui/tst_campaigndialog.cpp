#include "core/storage/campaignrepository.h"
#include "core/storage/leadrepository.h"
#include "sampleleaddatabase.h"
#include "ui/campaigndialog.h"
#include "ui/leadeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

// Nurture → Campaigns…: the campaigns with their lead counts; a new one added by name and kind;
// the table's selection linked to the chosen campaign as one undo step, and its count follows.
class TestCampaignDialog : public QObject {
    Q_OBJECT
private slots:
    void addAndLinkTheSelection();
};

void TestCampaignDialog::addAndLinkTheSelection() {
    SampleLeadDatabase db;
    QVERIFY2(db.isReady(), qPrintable(db.error()));
    const qint64 a = db.addLead(Storefront::AppSource, 40);
    const qint64 b = db.addLead(Storefront::AzurePortal, 60);
    db.addLead(Storefront::AppSource, 70);
    LeadEditor editor(db.database(), QStringLiteral("sam"));
    const LeadRepository repo(db.database());
    CampaignDialog dialog(
        db.database(), &editor,
        {LeadVersion{a, repo.lead(a)->version}, LeadVersion{b, repo.lead(b)->version}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(!dialog.isBusy());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("campaignTable"));
    const int shipped = table->rowCount();
    QVERIFY(shipped >= 6);
    auto *link = dialog.findChild<QPushButton *>(QStringLiteral("linkSelectionButton"));
    QCOMPARE(link->text(), QStringLiteral("&Link 2 selected leads"));
    QVERIFY(!link->isEnabled()); // no campaign chosen yet

    dialog.findChild<QLineEdit *>(QStringLiteral("campaignName"))
        ->setText(QStringLiteral("Spring webinar"));
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("campaignKind"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Event")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addCampaignButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(table->rowCount(), shipped + 1);
    QTRY_VERIFY(!dialog.isBusy());
    const std::optional<Campaign> stored =
        CampaignRepository(db.database()).find(QStringLiteral("Spring webinar"));
    QVERIFY(stored);
    QCOMPARE(stored->kind, CampaignKind::Event);
    QCOMPARE(table->item(table->currentRow(), 0)->text(), QStringLiteral("Spring webinar"));
    QCOMPARE(table->item(table->currentRow(), 3)->text(), QStringLiteral("0"));

    QVERIFY(link->isEnabled());
    QTest::mouseClick(link, Qt::LeftButton);
    QTRY_COMPARE(repo.lead(a)->campaign, QStringLiteral("Spring webinar"));
    QCOMPARE(repo.lead(b)->campaign, QStringLiteral("Spring webinar"));
    QTRY_COMPARE(editor.undoStack()->undoText(), QStringLiteral("Link 2 leads to Spring webinar"));
    QTRY_COMPARE(table->item(table->currentRow(), 3)->text(), QStringLiteral("2"));
}

QTEST_MAIN(TestCampaignDialog)
#include "tst_campaigndialog.moc"
