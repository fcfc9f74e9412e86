#include "core/nurture/leadnurturer.h"
#include "core/storage/cadencerepository.h"
#include "sampleleaddatabase.h"
#include "ui/cadencedialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

// Nurture → Cadences…: the shipped cadences listed with their touches; a new cadence made of
// touches with day offsets and kinds is stored; one with leads in it is not removed, and says
// why; an unused one is.
class TestCadenceDialog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listsTheShippedCadencesWithTheirTouches();
    void aNewCadenceIsStored();
    void aCadenceWithLeadsIsNotRemoved();

private:
    void waitLoaded();
    template <typename T> T *child(const char *name) const {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no %s in the dialog", name);
        return w;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<CadenceDialog> m_dialog;
};

void TestCadenceDialog::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_dialog = std::make_unique<CadenceDialog>(m_db->database(), QStringLiteral("sam"));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QTRY_VERIFY(!m_dialog->isBusy());
}

void TestCadenceDialog::cleanup() {
    m_dialog.reset();
    m_db.reset();
}

void TestCadenceDialog::waitLoaded() {
    QTRY_VERIFY(!m_dialog->isBusy());
}

void TestCadenceDialog::listsTheShippedCadencesWithTheirTouches() {
    auto *list = child<QListWidget>("cadenceList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Contact me"));
    QCOMPARE(list->currentRow(), 0);
    auto *touches = child<QTableWidget>("cadenceTouches");
    QCOMPARE(touches->rowCount(), 8);
    QCOMPARE(static_cast<QSpinBox *>(touches->cellWidget(1, 0))->value(), 2);
    QCOMPARE(static_cast<QComboBox *>(touches->cellWidget(1, 1))->currentText(),
             QStringLiteral("Call"));
    QCOMPARE(static_cast<QSpinBox *>(touches->cellWidget(7, 0))->value(), 45);
    list->setCurrentRow(1);
    QCOMPARE(child<QLineEdit>("cadenceName")->text(), QStringLiteral("Trial and install"));
}

void TestCadenceDialog::aNewCadenceIsStored() {
    QTest::mouseClick(child<QPushButton>("newCadenceButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>("cadenceName")->text(), QString());
    child<QLineEdit>("cadenceName")->setText(QStringLiteral("Event follow-up"));
    QTest::mouseClick(child<QPushButton>("addTouchButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("addTouchButton"), Qt::LeftButton);
    auto *touches = child<QTableWidget>("cadenceTouches");
    QCOMPARE(touches->rowCount(), 3);
    static_cast<QSpinBox *>(touches->cellWidget(2, 0))->setValue(7);
    auto *kind = static_cast<QComboBox *>(touches->cellWidget(2, 1));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Meeting")));
    QTest::mouseClick(child<QPushButton>("saveCadenceButton"), Qt::LeftButton);
    waitLoaded();
    QCOMPARE(child<QListWidget>("cadenceList")->count(), 3);
    QCOMPARE(child<QListWidget>("cadenceList")->currentItem()->text(),
             QStringLiteral("Event follow-up"));
    const std::optional<Cadence> stored =
        CadenceRepository(m_db->database()).find(QStringLiteral("Event follow-up"));
    QVERIFY(stored);
    QCOMPARE(stored->touchesText(), QStringLiteral("0 email, 2 call, 7 meeting"));

    // A nameless cadence is not saved, and the dialog says why.
    QTest::mouseClick(child<QPushButton>("newCadenceButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("saveCadenceButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("cadenceProblem")->isVisible());
    QCOMPARE(child<QLabel>("cadenceProblem")->text(), QStringLiteral("Give the cadence a name."));
}

void TestCadenceDialog::aCadenceWithLeadsIsNotRemoved() {
    const qint64 id = m_db->addLead(Storefront::AppSource, 50);
    QVERIFY(LeadNurturer(m_db->database())
                .enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam"))
                .first()
                .ok());
    auto *list = child<QListWidget>("cadenceList");
    list->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>("removeCadenceButton"), Qt::LeftButton);
    waitLoaded();
    QCOMPARE(list->count(), 2);
    QVERIFY2(child<QLabel>("cadenceProblem")->text().contains(QStringLiteral("1 lead is enrolled")),
             qPrintable(child<QLabel>("cadenceProblem")->text()));
    list->setCurrentRow(1);
    QTest::mouseClick(child<QPushButton>("removeCadenceButton"), Qt::LeftButton);
    waitLoaded();
    QCOMPARE(list->count(), 1);
    QVERIFY(!CadenceRepository(m_db->database()).find(QStringLiteral("Trial and install")));
    QVERIFY(!child<QLabel>("cadenceProblem")->isVisible());
}

QTEST_MAIN(TestCadenceDialog)
#include "tst_cadencedialog.moc"
