#include "ui/darkpalette.h"
#include "ui/warningink.h"

#include <QPalette>
#include <QTest>

#include <cmath>

// Warnings read as easily as text on the light palette and on the dark one.
class TestWarningInk : public QObject {
    Q_OBJECT
private slots:
    void readableOnItsWindow_data();
    void readableOnItsWindow();
};

namespace {
// WCAG's contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b) {
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

void TestWarningInk::readableOnItsWindow_data() {
    QTest::addColumn<QColor>("window");
    QTest::newRow("light") << QColor(239, 239, 239);
    QTest::newRow("white") << QColor(Qt::white);
    QTest::newRow("dark (leadbench --dark)") << DarkPalette::make().color(QPalette::Window);
    QTest::newRow("black") << QColor(Qt::black);
}

void TestWarningInk::readableOnItsWindow() {
    QFETCH(QColor, window);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Base, window);
    const QColor ink = WarningInk::on(palette);
    // AA for text: 4.5:1 against the window and the fields it is shown on.
    QVERIFY2(contrast(ink, window) >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1")
                                                          .arg(ink.name(), window.name())
                                                          .arg(contrast(ink, window), 0, 'f', 2)));
    // Still a red: a warning does not look like ordinary text.
    QVERIFY(ink.red() > ink.green() + 60 && ink.red() > ink.blue() + 60);
    QCOMPARE(WarningInk::styleSheet(palette), QStringLiteral("color: %1;").arg(ink.name()));
}

QTEST_MAIN(TestWarningInk)
#include "tst_warningink.moc"
