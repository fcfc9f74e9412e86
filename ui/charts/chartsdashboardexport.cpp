// ChartsDashboard's exports: each chart as PNG, SVG or PDF, its numbers as CSV or Excel, and
// printed.
#include "chartsdashboard.h"

#include "campaignchart.h"
#include "chartrenderer.h"
#include "core/analytics/reporttable.h"
#include "core/io/csvwriter.h"
#include "core/io/xlsxtablewriter.h"
#include "firsttouchchart.h"
#include "funnelchart.h"
#include "offerperformancechart.h"
#include "scoredistributionchart.h"
#include "trendchart.h"

#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QToolButton>
#include <QVBoxLayout>

QWidget *ChartsDashboard::card(QWidget *chart, const QString &kind) {
    auto *button = new QToolButton;
    button->setObjectName(kind + QStringLiteral("ExportButton"));
    button->setText(tr("Export"));
    button->setToolTip(tr("Save this chart or its numbers, or print it"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    const QList<std::pair<QString, QString>> entries = {
        {tr("Image (PNG)…"), QStringLiteral("png")},
        {tr("Vector image (SVG)…"), QStringLiteral("svg")},
        {tr("PDF…"), QStringLiteral("pdf")},
        {tr("Numbers as CSV…"), QStringLiteral("csv")},
        {tr("Numbers as Excel…"), QStringLiteral("xlsx")}};
    for (const auto &[text, format] : entries) {
        QAction *a =
            menu->addAction(text, this, [this, kind, format] { chooseAndExport(kind, format); });
        const QString tip = format == QLatin1String("csv") || format == QLatin1String("xlsx")
                                ? tr("Save the numbers behind this chart")
                                : tr("Save this chart as a picture");
        a->setStatusTip(tip);
        a->setToolTip(tip);
    }
    menu->addSeparator();
    QAction *print = menu->addAction(tr("Print…"), this, [this, kind] { this->print(kind); });
    print->setStatusTip(tr("Print this chart"));
    print->setToolTip(print->statusTip());
    button->setMenu(menu);
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(button);
    layout->addLayout(bar);
    layout->addWidget(chart, 1);
    return box;
}

QWidget *ChartsDashboard::chartWidget(const QString &kind) const {
    if (kind == QLatin1String("funnel"))
        return m_funnel;
    if (kind == QLatin1String("offers"))
        return m_offers;
    if (kind == QLatin1String("trend"))
        return m_trend;
    if (kind == QLatin1String("scores"))
        return m_scores;
    if (kind == QLatin1String("campaigns"))
        return m_campaigns;
    if (kind == QLatin1String("first-touch"))
        return m_firstTouch;
    return nullptr;
}

void ChartsDashboard::chooseAndExport(const QString &kind, const QString &format) {
    const QString suggested = QStringLiteral("leadbench-%1.%2").arg(kind, format);
    const QString nameFilter = format == QLatin1String("png")   ? tr("PNG images (*.png)")
                               : format == QLatin1String("svg") ? tr("SVG images (*.svg)")
                               : format == QLatin1String("pdf") ? tr("PDF documents (*.pdf)")
                               : format == QLatin1String("csv") ? tr("CSV files (*.csv)")
                                                                : tr("Excel workbooks (*.xlsx)");
    const QString path = m_chooseFile ? m_chooseFile(suggested, nameFilter)
                                      : QFileDialog::getSaveFileName(this, tr("Export chart"),
                                                                     suggested, nameFilter);
    if (!path.isEmpty())
        exportChart(kind, format, path);
}

bool ChartsDashboard::exportChart(const QString &kind, const QString &format, const QString &path) {
    QString error;
    bool ok = false;
    if (ChartRenderer::isFormat(format)) {
        QWidget *chart = chartWidget(kind);
        // At least the size it has on screen; a chart not shown yet gets a page's worth.
        const QSize size = chart && chart->isVisible() ? chart->size() : QSize(1000, 600);
        ok = chart && ChartRenderer::render(chart, format, path, size, &error);
    } else {
        ReportTable table;
        if (kind == QLatin1String("funnel"))
            table = ReportTable::funnel(m_data.funnel);
        else if (kind == QLatin1String("offers"))
            table = ReportTable::offers(m_data.offers);
        else if (kind == QLatin1String("trend"))
            table = ReportTable::trend(m_data.trend);
        else if (kind == QLatin1String("scores"))
            table = ReportTable::scores(m_data.scores);
        else if (kind == QLatin1String("campaigns"))
            table = ReportTable::campaigns(m_data.campaigns);
        else {
            table.header =
                QStringList{QStringLiteral("first_touch_after"), QStringLiteral("leads")};
            for (const FirstTouchReport::Bucket &b : m_data.firstTouch.buckets)
                table.rows << QStringList{b.label, QString::number(b.count)};
        }
        if (format == QLatin1String("xlsx")) {
            ok = XlsxTableWriter::write(path, kind, table.header, table.rows, &error);
        } else {
            QString text = CsvWriter::line(table.header);
            for (const QStringList &row : std::as_const(table.rows))
                text += CsvWriter::line(row);
            QFile file(path);
            ok = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                 file.write(text.toUtf8()) >= 0 && file.flush();
            if (!ok)
                error = tr("cannot write %1: %2").arg(path, file.errorString());
        }
    }
    if (!ok)
        emit errorOccurred(error.isEmpty() ? tr("cannot export the %1 chart").arg(kind) : error);
    return ok;
}

void ChartsDashboard::print(const QString &kind) {
    if (!chartWidget(kind))
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        printChart(kind, &printer);
}

bool ChartsDashboard::printChart(const QString &kind, QPrinter *printer) {
    QWidget *chart = chartWidget(kind);
    if (!chart)
        return false;
    QPainter painter;
    if (!painter.begin(printer)) {
        emit errorOccurred(tr("cannot print the %1 chart").arg(kind));
        return false;
    }
    // The chart as it is on screen, as large as the page allows.
    const QRectF page = printer->pageRect(QPrinter::DevicePixel);
    const double scale = std::min(page.width() / chart->width(), page.height() / chart->height());
    painter.scale(scale, scale);
    chart->render(&painter);
    return painter.end();
}
