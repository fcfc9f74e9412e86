#pragma once

#include "core/analytics/chartdata.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"

#include <QDateTime>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QPrinter;
class CampaignChart;
class DatabaseReader;
class FunnelChart;
class LeadAnalytics;
class OfferPerformanceChart;
class QComboBox;
class QDateEdit;
class FirstTouchChart;
class QLabel;
class ScoreDistributionChart;
class TrendChart;

// The Charts tab: the funnel per storefront, offer performance, the trend, scores by grade,
// campaigns and time to first touch, over the leads of one shared filter (date range,
// storefront, offer, owner). The numbers are read on a thread of its own, the newest request
// winning; a click on a bar asks for exactly its leads (drillDown). Each chart exports as PNG,
// SVG or PDF, its numbers as CSV or Excel, and prints.
class ChartsDashboard : public QWidget {
    Q_OBJECT
public:
    enum class Range { Last30Days, Last90Days, ThisQuarter, Last12Months, All, Custom };

    explicit ChartsDashboard(const Database &db, QWidget *parent = nullptr);
    ~ChartsDashboard() override;

    // The filter the controls say. `now` fixes "today" (tests, screenshots); invalid: the clock.
    LeadFilter filter() const;
    void setNow(const QDateTime &now);
    void setRange(Range range);
    void setCustomRange(QDate from, QDate to); // both days included
    // Reads the numbers again (a change elsewhere); the controls' changes do so themselves.
    void refresh();
    const ChartData &data() const { return m_data; }
    bool isLoading() const { return m_pending > 0; }
    // How long the last read took, in milliseconds.
    qint64 lastReadMs() const { return m_lastReadMs; }

    FunnelChart *funnelChart() const { return m_funnel; }
    OfferPerformanceChart *offerChart() const { return m_offers; }
    TrendChart *trendChart() const { return m_trend; }
    ScoreDistributionChart *scoreChart() const { return m_scores; }
    CampaignChart *campaignChart() const { return m_campaigns; }

    // Where an export goes; the file dialog unless replaced (tests).
    using FileChooser = std::function<QString(const QString &suggested, const QString &filter)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    // Writes one chart ("funnel", "offers", "trend", "scores", "campaigns") as png, svg, pdf,
    // or its numbers as csv or xlsx; false with a message shown.
    bool exportChart(const QString &kind, const QString &format, const QString &path);
    // Prints one chart on `printer`, scaled to its page; false for an unknown chart or a
    // printer that cannot be drawn on.
    bool printChart(const QString &kind, QPrinter *printer);

signals:
    // The numbers for the current filter are shown.
    void loaded();
    // A bar was clicked: `filter` selects exactly its leads; `description` says which.
    void drillDown(const LeadFilter &filter, const QString &description);
    void errorOccurred(const QString &message);

private:
    QWidget *createControls();
    QWidget *card(QWidget *chart, const QString &kind);
    void controlsChanged();
    void loadChoices();
    void show(const ChartData &data, qint64 ms);
    // Runs `drill` on the reader; emits drillDown with its answer.
    void askForLeads(
        const QString &description,
        std::function<std::optional<LeadFilter>(const LeadAnalytics &, const LeadFilter &)> drill);
    void chooseAndExport(const QString &kind, const QString &format);
    void print(const QString &kind);
    QWidget *chartWidget(const QString &kind) const;

    Database m_db;
    std::unique_ptr<DatabaseReader> m_reader;
    QDateTime m_now;
    ChartData m_data;
    // The newest request's number; the reader thread reads it to drop an older one early.
    std::shared_ptr<std::atomic<quint64>> m_newest = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_generation = 0;
    int m_pending = 0;
    qint64 m_lastReadMs = 0;
    FileChooser m_chooseFile;

    QComboBox *m_range = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_storefront = nullptr;
    QComboBox *m_offer = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_interval = nullptr;
    QComboBox *m_by = nullptr;
    QComboBox *m_offerSort = nullptr;
    QLabel *m_status = nullptr;
    FirstTouchChart *m_firstTouch = nullptr;
    FunnelChart *m_funnel = nullptr;
    OfferPerformanceChart *m_offers = nullptr;
    TrendChart *m_trend = nullptr;
    ScoreDistributionChart *m_scores = nullptr;
    CampaignChart *m_campaigns = nullptr;
};
