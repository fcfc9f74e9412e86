#include "ui/icons.h"

#include <QColor>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(QIcon)

namespace {

// WCAG relative luminance and contrast, as readability checkers measure them.
double luminance(QColor c) {
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(QColor a, QColor b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The most any solid pixel of the icon stands out from the background.
double bestContrast(const QImage &image, QColor background) {
    double best = 1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() >= 200)
                best = std::max(best, contrast(c, background));
        }
    return best;
}

QImage render(const QIcon &icon, int size, qreal ratio) {
    return icon.pixmap(QSize(size, size), ratio).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

// The icons beside leads, stages and actions: drawn sharp at any scale, readable on a light and
// a dark palette, and one for each thing they tell apart.
class TestIcons : public QObject {
    Q_OBJECT
private slots:
    void crispAndReadable_data();
    void crispAndReadable();
    void stagesAndActionsTellApart();
    void unknownActionHasNoIcon();
};

void TestIcons::crispAndReadable_data() {
    QTest::addColumn<QIcon>("icon");
    QTest::newRow("application") << Icons::application();
    QTest::newRow("appsource") << Icons::storefront(Storefront::AppSource);
    QTest::newRow("azure-marketplace") << Icons::storefront(Storefront::AzureMarketplace);
    QTest::newRow("azure-portal") << Icons::storefront(Storefront::AzurePortal);
    QTest::newRow("other storefront") << Icons::storefront(Storefront::Other);
    for (Stage s : Stages::all())
        QTest::newRow(qPrintable(QStringLiteral("stage ") + Stages::canonicalName(s)))
            << Icons::stage(s);
    for (const char *code : {"INS", "PLT", "DNC", "Create", "StartTestDrive"})
        QTest::newRow(code) << Icons::action(QLatin1String(code));
    QTest::newRow("do not contact") << Icons::doNotContact();
    QTest::newRow("test lead") << Icons::testLead();
    QTest::newRow("overdue") << Icons::overdue();
}

void TestIcons::crispAndReadable() {
    QFETCH(QIcon, icon);
    QVERIFY(!icon.isNull());
    // On a 2x screen a 16-pixel icon is drawn from 32 device pixels, not blown up from 16.
    const QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0);
    QCOMPARE(hiDpi.size(), QSize(32, 32));
    QCOMPARE(hiDpi.deviceIndependentSize(), QSizeF(16, 16));
    for (const int size : {16, 32}) {
        const QImage image = render(icon, size, 1.0);
        QCOMPARE(image.size(), QSize(size, size));
        // Each icon has strokes that stand out 3:1 from a light table and from a dark one.
        QVERIFY2(bestContrast(image, Qt::white) >= 3.0,
                 qPrintable(QStringLiteral("%1 px on white: %2:1")
                                .arg(size)
                                .arg(bestContrast(image, Qt::white), 0, 'f', 2)));
        QVERIFY2(bestContrast(image, QColor(30, 30, 30)) >= 3.0,
                 qPrintable(QStringLiteral("%1 px on the dark palette's base: %2:1")
                                .arg(size)
                                .arg(bestContrast(image, QColor(30, 30, 30)), 0, 'f', 2)));
    }
}

void TestIcons::stagesAndActionsTellApart() {
    QSet<QByteArray> seen;
    auto add = [&](const QIcon &icon, const QString &name) {
        const QImage image = render(icon, 32, 1.0);
        const QByteArray pixels(reinterpret_cast<const char *>(image.constBits()),
                                image.sizeInBytes());
        QVERIFY2(!seen.contains(pixels), qPrintable(name + QStringLiteral(" looks like another")));
        seen.insert(pixels);
    };
    for (Stage s : Stages::all())
        add(Icons::stage(s), Stages::canonicalName(s));
    for (const char *code : {"INS", "PLT", "DNC", "Create", "StartTestDrive"})
        add(Icons::action(QLatin1String(code)), QLatin1String(code));
    QCOMPARE(seen.size(), Stages::all().size() + 5);
}

void TestIcons::unknownActionHasNoIcon() {
    // Codes Microsoft may add are shown as their text alone, never with a wrong picture.
    QVERIFY(Icons::action(QStringLiteral("ContactMe")).isNull());
    QVERIFY(Icons::action(QString()).isNull());
    // The codes are kept verbatim: "ins" is not Microsoft's INS.
    QVERIFY(Icons::action(QStringLiteral("ins")).isNull());
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
