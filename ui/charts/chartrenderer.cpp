#include "chartrenderer.h"

#include "campaignchart.h"
#include "firsttouchchart.h"
#include "funnelchart.h"
#include "offerperformancechart.h"
#include "scoredistributionchart.h"
#include "trendchart.h"

#include <QApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

bool ChartRenderer::isFormat(const QString &format) {
    return format == QLatin1String("png") || format == QLatin1String("svg") ||
           format == QLatin1String("pdf");
}

bool ChartRenderer::render(QWidget *widget, const QString &format, const QString &path, QSize size,
                           QString *error) {
    if (!isFormat(format)) {
        *error = QStringLiteral("cannot draw a chart as \"%1\": png, svg or pdf").arg(format);
        return false;
    }
    // Laid out at the asked size, as if shown, without appearing anywhere.
    const bool wasVisible = widget->isVisible();
    const QSize oldSize = widget->size();
    if (!wasVisible) {
        widget->setAttribute(Qt::WA_DontShowOnScreen);
        widget->show();
    }
    widget->resize(size);
    QApplication::processEvents();
    bool ok = true;
    if (format == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(widget->palette().color(QPalette::Window));
        {
            QPainter painter(&image);
            widget->render(&painter);
        }
        ok = image.save(path, "PNG");
    } else if (format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(widget->accessibleName());
        QPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            widget->render(&painter);
            ok = painter.end();
        }
    } else {
        QPdfWriter pdf(path);
        pdf.setTitle(widget->accessibleName());
        pdf.setCreator(QStringLiteral("Leadbench"));
        // One page the chart's size: 96 pixels to the inch, as on a screen.
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 0.75, size.height() * 0.75),
                                  QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        ok = painter.begin(&pdf);
        if (ok) {
            widget->render(&painter);
            ok = painter.end();
        }
    }
    if (!wasVisible) {
        widget->hide();
        widget->setAttribute(Qt::WA_DontShowOnScreen, false);
    }
    widget->resize(oldSize);
    if (!ok)
        *error = QStringLiteral("cannot write the chart to %1").arg(path);
    return ok;
}

std::unique_ptr<QWidget> ChartRenderer::chartFor(const QString &kind, const ChartData &data) {
    if (kind == QLatin1String("funnel")) {
        auto chart = std::make_unique<FunnelChart>();
        chart->setReport(data.funnel);
        return chart;
    }
    if (kind == QLatin1String("offers")) {
        auto chart = std::make_unique<OfferPerformanceChart>();
        chart->setReport(data.offers);
        return chart;
    }
    if (kind == QLatin1String("trend")) {
        auto chart = std::make_unique<TrendChart>();
        chart->setReport(data.trend);
        return chart;
    }
    if (kind == QLatin1String("scores")) {
        auto chart = std::make_unique<ScoreDistributionChart>();
        chart->setReport(data.scores);
        return chart;
    }
    if (kind == QLatin1String("campaigns")) {
        auto chart = std::make_unique<CampaignChart>();
        chart->setReport(data.campaigns);
        return chart;
    }
    if (kind == QLatin1String("first-touch")) {
        auto chart = std::make_unique<FirstTouchChart>();
        chart->setReport(data.firstTouch);
        return chart;
    }
    return nullptr;
}

bool ChartRenderer::renderReport(const QString &kind, const ChartData &data, const QString &format,
                                 const QString &path, QSize size, QString *error) {
    const std::unique_ptr<QWidget> chart = chartFor(kind, data);
    if (!chart) {
        *error = QStringLiteral("no chart for the report \"%1\"").arg(kind);
        return false;
    }
    return render(chart.get(), format, path, size, error);
}
