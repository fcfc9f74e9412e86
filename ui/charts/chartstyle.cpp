#include "chartstyle.h"

#include "core/domain/storefront.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QFont>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWidget>

QColor ChartStyle::storefrontColor(const QString &storefront) {
    // Mid-tone colours that hold their contrast on a light and on a dark background.
    if (storefront == QLatin1String("appsource"))
        return QColor(0x2b, 0x88, 0xd8);
    if (storefront == QLatin1String("azure-marketplace"))
        return QColor(0x8e, 0x5c, 0xd9);
    if (storefront == QLatin1String("azure-portal"))
        return QColor(0x00, 0xa3, 0x8c);
    if (storefront == QLatin1String("other"))
        return QColor(0x9a, 0x9a, 0x9a);
    return QColor(0xe0, 0x8a, 0x1e); // all storefronts together
}

QColor ChartStyle::actionColor(const QString &action) {
    if (action == QLatin1String("INS"))
        return QColor(0x2e, 0x9e, 0x4f);
    if (action == QLatin1String("PLT"))
        return QColor(0x2b, 0x88, 0xd8);
    if (action == QLatin1String("StartTestDrive"))
        return QColor(0xe0, 0x8a, 0x1e);
    if (action == QLatin1String("Create"))
        return QColor(0x8e, 0x5c, 0xd9);
    if (action == QLatin1String("DNC"))
        return QColor(0xd1, 0x43, 0x43);
    return QColor(0x9a, 0x9a, 0x9a);
}

QColor ChartStyle::seriesColor(int index) {
    static const QColor colors[] = {QColor(0x2b, 0x88, 0xd8), QColor(0xe0, 0x8a, 0x1e),
                                    QColor(0x2e, 0x9e, 0x4f), QColor(0x8e, 0x5c, 0xd9),
                                    QColor(0xd1, 0x43, 0x43), QColor(0x9a, 0x9a, 0x9a)};
    return colors[index % 6];
}

QColor ChartStyle::trendLineColor(bool dark) {
    return dark ? QColor(0xf5, 0xf5, 0xf5) : QColor(0x20, 0x20, 0x20);
}

bool ChartStyle::isDark(const QWidget *widget) {
    return widget->palette().color(QPalette::Window).lightness() < 128;
}

QChart *ChartStyle::newChart(const QWidget *widget, const QString &title) {
    auto *chart = new QChart;
    chart->setTheme(isDark(widget) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    localizeNumbers(chart);
    return chart;
}

QChart *ChartStyle::emptyChart(const QWidget *widget, const QString &title,
                               const QString &message) {
    QChart *chart = newChart(widget, title + QLatin1Char('\n') + message);
    chart->legend()->hide();
    return chart;
}

void ChartStyle::localizeNumbers(QChart *chart) {
    // Bar values and axis numbers as the rest of the window writes them: 12.345 in Dutch.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
}

void ChartStyle::showWholeNumbers(QValueAxis *axis) {
    // "%.0f" rather than "%d": Qt Charts 6.4 draws no label at all for "%d" (or "%i") once the
    // chart localizes its numbers.
    axis->setLabelFormat(QStringLiteral("%.0f"));
}

void ChartStyle::showValue(bool hovered, const QString &text) {
    if (hovered)
        QToolTip::showText(QCursor::pos(), text);
    else
        QToolTip::hideText();
}

QString ChartStyle::storefrontLabel(const QString &storefront) {
    Storefront sf;
    if (Storefronts::fromCanonicalName(storefront, &sf))
        return Storefronts::displayName(sf);
    return QCoreApplication::translate("ChartStyle", "All");
}

QChartView *ChartStyle::addChartView(QWidget *owner, int minimumHeight) {
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(minimumHeight);
    layout->addWidget(view);
    return view;
}
