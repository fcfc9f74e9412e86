#pragma once

#include "core/analytics/chartdata.h"

#include <QSize>
#include <QString>

#include <memory>

class QWidget;

// Draws a chart into a file without a display: PNG, SVG (vector) or PDF (vector, one page of
// the chart's size). Used by the dashboard's exports and by `leadbench-cli report`.
namespace ChartRenderer {
// "png", "svg" or "pdf".
bool isFormat(const QString &format);
// Draws `widget` at `size` pixels into `path`; false with `error` naming the file and problem.
bool render(QWidget *widget, const QString &format, const QString &path, QSize size,
            QString *error);
// The chart of a report kind (funnel, offers, trend, scores, campaigns,
// first-touch) drawn from `data`.
std::unique_ptr<QWidget> chartFor(const QString &kind, const ChartData &data);
bool renderReport(const QString &kind, const ChartData &data, const QString &format,
                  const QString &path, QSize size, QString *error);
} // namespace ChartRenderer
