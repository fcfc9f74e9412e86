// The Cli command that reports what the charts show: funnel, offers, trend, scores, campaigns
// and time to first touch as JSON or CSV, or drawn as PNG, SVG or PDF without a display.
#include "cli.h"

#include "cliarguments.h"
#include "core/analytics/chartdata.h"
#include "core/analytics/leadanalytics.h"
#include "core/analytics/reportjson.h"
#include "core/analytics/reporttable.h"
#include "core/io/csvwriter.h"
#include "core/storage/leadfilter.h"
#include "outputwriter.h"

#ifdef LEADBENCH_CLI_CHARTS
#include "ui/charts/chartrenderer.h"
#endif

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace {

const QStringList reportKinds = {QStringLiteral("funnel"),    QStringLiteral("offers"),
                                 QStringLiteral("trend"),     QStringLiteral("scores"),
                                 QStringLiteral("campaigns"), QStringLiteral("first-touch")};
const QStringList imageFormats = {QStringLiteral("png"), QStringLiteral("svg"),
                                  QStringLiteral("pdf")};

// The format asked for, else the one the --out file's name ends in (as export does), else JSON.
QString reportFormat(const QString &format, const QString &out) {
    if (!format.isEmpty())
        return format;
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (imageFormats.contains(suffix) || suffix == QLatin1String("json") ||
        suffix == QLatin1String("csv"))
        return suffix;
    return QStringLiteral("json");
}

} // namespace

bool Cli::drawsCharts(const QStringList &arguments) {
    if (!arguments.contains(QStringLiteral("report")))
        return false;
    QString format, out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        for (const auto &[name, value] : {std::pair{QStringLiteral("--format"), &format},
                                          std::pair{QStringLiteral("--out"), &out}}) {
            if (a == name && i + 1 < arguments.size())
                *value = arguments.at(i + 1);
            else if (a.startsWith(name + QLatin1Char('=')))
                *value = a.mid(name.size() + 1);
        }
    }
    return imageFormats.contains(reportFormat(format, out));
}

int Cli::report(const Database &db, const CliArguments &args) {
    const QString kind = args.positionals().first();
    if (!reportKinds.contains(kind))
        return usage(QStringLiteral("\"%1\" is not a report: funnel, offers, trend, scores, "
                                    "campaigns or first-touch")
                         .arg(kind));
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    const QString format =
        reportFormat(args.value(QStringLiteral("format")), args.value(QStringLiteral("out")));
    const bool image = imageFormats.contains(format);
    if (!image && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usage(
            QStringLiteral("--format: \"%1\" is not json, csv, png, svg or pdf").arg(format));
    LeadTrend::By by = LeadTrend::By::Storefront;
    if (args.has(QStringLiteral("by")) &&
        !LeadTrend::byFromName(args.value(QStringLiteral("by")), &by))
        return usage(QStringLiteral("--by: \"%1\" is not storefront or action")
                         .arg(args.value(QStringLiteral("by"))));
    LeadTrend::Interval interval = LeadTrend::Interval::Month;
    if (args.has(QStringLiteral("interval")) &&
        !LeadTrend::intervalFromName(args.value(QStringLiteral("interval")), &interval))
        return usage(QStringLiteral("--interval: \"%1\" is not week or month")
                         .arg(args.value(QStringLiteral("interval"))));
    OfferPerformance::SortBy sortBy = OfferPerformance::SortBy::Leads;
    if (args.has(QStringLiteral("sort")) &&
        !OfferPerformance::sortByFromName(args.value(QStringLiteral("sort")), &sortBy))
        return usage(QStringLiteral("--sort: \"%1\" is not leads, conversion or score")
                         .arg(args.value(QStringLiteral("sort"))));
    int size[2] = {1000, 600};
    const char *sizeNames[2] = {"width", "height"};
    for (int i = 0; i < 2; ++i) {
        const QString name = QLatin1String(sizeNames[i]);
        if (!args.has(name))
            continue;
        bool ok = false;
        size[i] = args.value(name).toInt(&ok);
        if (!ok || size[i] < 200 || size[i] > 8000)
            return usage(QStringLiteral("--%1: \"%2\" is not a number of pixels from 200 to 8000")
                             .arg(name, args.value(name)));
    }
    const QString out = args.value(QStringLiteral("out"));
    if (image && (out.isEmpty() || out == QLatin1String("-")))
        return usage(QStringLiteral("--out: a %1 image needs a file to go to").arg(format));
#ifndef LEADBENCH_CLI_CHARTS
    if (image)
        return fail(QStringLiteral("this leadbench-cli was built without charts: use --format "
                                   "json or csv"));
#endif
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;

    LeadAnalytics analytics(db);
    QJsonObject json;
    ReportTable table;
    ChartData data;
    bool ok = true;
    if (kind == QLatin1String("funnel")) {
        const auto r = analytics.funnel(filter);
        if ((ok = r.has_value())) {
            json = ReportJson::funnel(*r);
            table = ReportTable::funnel(*r);
            data.funnel = *r;
        }
    } else if (kind == QLatin1String("offers")) {
        auto r = analytics.offers(filter);
        if ((ok = r.has_value())) {
            r->sort(sortBy);
            json = ReportJson::offers(*r);
            table = ReportTable::offers(*r);
            data.offers = *r;
        }
    } else if (kind == QLatin1String("trend")) {
        const auto r = analytics.trend(filter, interval, by);
        if ((ok = r.has_value())) {
            json = ReportJson::trend(*r);
            table = ReportTable::trend(*r);
            data.trend = *r;
        }
    } else if (kind == QLatin1String("scores")) {
        const auto r = analytics.scores(filter);
        if ((ok = r.has_value())) {
            json = ReportJson::scores(*r);
            table = ReportTable::scores(*r);
            data.scores = *r;
        }
    } else if (kind == QLatin1String("first-touch")) {
        const auto r = analytics.firstTouch(filter);
        if ((ok = r.has_value())) {
            json = ReportJson::firstTouch(*r);
            table = ReportTable::firstTouch(*r);
            data.firstTouch = *r;
        }
    } else {
        const auto r = analytics.campaigns(filter);
        if ((ok = r.has_value())) {
            json = ReportJson::campaigns(*r);
            table = ReportTable::campaigns(*r);
            data.campaigns = *r;
        }
    }
    if (!ok)
        return fail(analytics.lastError());

    if (image) {
#ifdef LEADBENCH_CLI_CHARTS
        QString error;
        if (!ChartRenderer::renderReport(kind, data, format, out, QSize(size[0], size[1]), &error))
            return fail(error);
        OutputWriter::writeJson(m_out,
                                {{QStringLiteral("report"), kind},
                                 {QStringLiteral("file"), out},
                                 {QStringLiteral("format"), format}},
                                OutputWriter::JsonStyle::Compact);
#endif
        return Ok;
    }
    QString text;
    if (format == QLatin1String("json")) {
        text = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        text = CsvWriter::line(table.header);
        for (const QStringList &row : std::as_const(table.rows))
            text += CsvWriter::line(row);
    }
    if (out.isEmpty() || out == QLatin1String("-")) {
        m_out << text;
        return Ok;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 ||
        !file.flush())
        return fail(QStringLiteral("cannot write %1: %2").arg(out, file.errorString()));
    OutputWriter::writeJson(m_out,
                            {{QStringLiteral("report"), kind},
                             {QStringLiteral("file"), out},
                             {QStringLiteral("format"), format}},
                            OutputWriter::JsonStyle::Compact);
    return Ok;
}
