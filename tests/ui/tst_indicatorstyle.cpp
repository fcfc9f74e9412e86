#include "ui/darkpalette.h"
#include "ui/indicatorstyle.h"

#include <QCheckBox>
#include <QImage>
#include <QPalette>
#include <QRadioButton>
#include <QStyleOptionButton>
#include <QTest>

// Check boxes and radio buttons show their edge on the dark palette.
class TestIndicatorStyle : public QObject {
    Q_OBJECT
private slots:
    void indicatorsStandOutOnADarkPalette_data();
    void indicatorsStandOutOnADarkPalette();
};

namespace {

// The most any pixel of the indicator differs from the window colour, in grey levels.
int strongestEdge(QWidget *button, QStyle::SubElement indicator) {
    button->setPalette(DarkPalette::make());
    button->resize(button->sizeHint());
    const QImage image = button->grab().toImage();
    QStyleOptionButton option;
    option.initFrom(button);
    const QRect box = button->style()->subElementRect(indicator, &option, button);
    const int window = qGray(DarkPalette::make().color(QPalette::Window).rgb());
    int strongest = 0;
    const qreal ratio = image.devicePixelRatio();
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x)
            strongest = std::max(
                strongest, std::abs(qGray(image.pixel(int(x * ratio), int(y * ratio))) - window));
    return strongest;
}
} // namespace

void TestIndicatorStyle::indicatorsStandOutOnADarkPalette_data() {
    QTest::addColumn<bool>("radio");
    QTest::newRow("check box") << false;
    QTest::newRow("radio button") << true;
}

void TestIndicatorStyle::indicatorsStandOutOnADarkPalette() {
    QFETCH(bool, radio);
    IndicatorStyle style;
    std::unique_ptr<QWidget> button;
    if (radio)
        button = std::make_unique<QRadioButton>(QStringLiteral("Skip the record"));
    else
        button = std::make_unique<QCheckBox>(QStringLiteral("Show test leads"));
    button->setStyle(&style);
    const QStyle::SubElement indicator =
        radio ? QStyle::SE_RadioButtonIndicator : QStyle::SE_CheckBoxIndicator;
    // An unticked box's edge, half the text's strength: at least 70 grey levels off the window
    // (Fusion's own edge is about 10).
    const int edge = strongestEdge(button.get(), indicator);
    QVERIFY2(edge >= 70, qPrintable(QString::number(edge)));
}

QTEST_MAIN(TestIndicatorStyle)
#include "tst_indicatorstyle.moc"
