#pragma once

#include <QColor>
#include <QString>

class QChart;
class QValueAxis;
class QChartView;
class QWidget;

// The look every chart shares: one fixed colour per storefront and per action (the same in
// every chart, light or dark), a theme that follows the widget's palette, and exact values on
// hover.
namespace ChartStyle {
// Canonical storefront names ("appsource", …) and action categories (INS, …, "other").
QColor storefrontColor(const QString &storefront);
QColor actionColor(const QString &action);
// The colour of a plain series by position (campaign measures, grades).
QColor seriesColor(int index);
// The moving-average line: readable on both backgrounds.
QColor trendLineColor(bool dark);
bool isDark(const QWidget *widget);
// A chart with `title`, themed for `widget`'s palette, legend at the bottom.
QChart *newChart(const QWidget *widget, const QString &title);
// Writes the chart's bar values and axis numbers in the window's locale (newChart does).
void localizeNumbers(QChart *chart);
// Labels `axis` with whole numbers, in the window's locale once the chart localizes them.
void showWholeNumbers(QValueAxis *axis);
// A chart that says `message` instead of showing empty axes.
QChart *emptyChart(const QWidget *widget, const QString &title, const QString &message);
// The antialiased view a chart widget shows its chart in, filling `owner` (which it lays out)
// and at least `minimumHeight` pixels high.
QChartView *addChartView(QWidget *owner, int minimumHeight);
// Shows `text` by the pointer while a bar is hovered, hides it after.
void showValue(bool hovered, const QString &text);
// A storefront's name as shown ("AppSource"); "All" for "all" or empty.
QString storefrontLabel(const QString &storefront);
} // namespace ChartStyle
