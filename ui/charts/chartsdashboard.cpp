#include "chartsdashboard.h"

#include "firsttouchchart.h"

#include "campaignchart.h"
#include "core/analytics/leadanalytics.h"
#include "core/domain/storefront.h"
#include "core/storage/databasereader.h"
#include "core/storage/leadrepository.h"
#include "funnelchart.h"
#include "offerperformancechart.h"
#include "scoredistributionchart.h"
#include "trendchart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QScrollArea>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {

QDateTime utcDay(QDate day) {
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

QComboBox *combo(const QString &name, const QString &accessible) {
    auto *box = new QComboBox;
    box->setObjectName(name);
    box->setAccessibleName(accessible);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

} // namespace

ChartsDashboard::ChartsDashboard(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("chartsDashboard"));
    m_funnel = new FunnelChart;
    m_offers = new OfferPerformanceChart;
    m_trend = new TrendChart;
    m_scores = new ScoreDistributionChart;
    m_campaigns = new CampaignChart;
    m_firstTouch = new FirstTouchChart;

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    // Offers and the trend the whole width: their labels are long, their bars many.
    grid->addWidget(card(m_funnel, QStringLiteral("funnel")), 0, 0, 1, 2);
    grid->addWidget(card(m_offers, QStringLiteral("offers")), 1, 0, 1, 2);
    grid->addWidget(card(m_trend, QStringLiteral("trend")), 2, 0, 1, 2);
    grid->addWidget(card(m_scores, QStringLiteral("scores")), 3, 0);
    grid->addWidget(card(m_campaigns, QStringLiteral("campaigns")), 3, 1);
    grid->addWidget(card(m_firstTouch, QStringLiteral("first-touch")), 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *charts = new QWidget;
    charts->setObjectName(QStringLiteral("chartsPage"));
    charts->setLayout(grid);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createControls());
    layout->addWidget(scroll, 1);

    connect(m_funnel, &FunnelChart::stepClicked, this,
            [this](const QString &storefront, FunnelStep step) {
                askForLeads(tr("%1 leads that reached %2")
                                .arg(storefront.isEmpty() ? tr("All")
                                                          : m_storefront->itemText(
                                                                m_storefront->findData(storefront)),
                                     FunnelSteps::displayName(step).toLower()),
                            [storefront, step](const LeadAnalytics &a, const LeadFilter &f) {
                                return a.funnelStepLeads(f, storefront, step);
                            });
            });
    connect(m_offers, &OfferPerformanceChart::offerClicked, this,
            [this](const QString &offer, const QString &action) {
                askForLeads(tr("%1 leads of %2").arg(action, offer),
                            [offer, action](const LeadAnalytics &a, const LeadFilter &f) {
                                return a.offerLeads(f, offer, action);
                            });
            });
    connect(m_trend, &TrendChart::bucketClicked, this, [this](QDate start, const QString &key) {
        const LeadTrend trend = m_data.trend;
        askForLeads(
            tr("%1 leads from %2").arg(key, QLocale().toString(start, QLocale::ShortFormat)),
            [trend, start, key](const LeadAnalytics &a, const LeadFilter &f) {
                return a.trendLeads(f, trend, start, key);
            });
    });
    connect(m_scores, &ScoreDistributionChart::gradeClicked, this,
            [this](const QString &grade, const QString &storefront) {
                askForLeads(tr("Grade %1 leads").arg(grade.isEmpty() ? tr("none") : grade),
                            [grade, storefront](const LeadAnalytics &a, LeadFilter f) {
                                Storefront sf;
                                if (Storefronts::fromCanonicalName(storefront, &sf))
                                    f.storefront = sf;
                                return a.gradeLeads(f, grade);
                            });
            });
    connect(m_campaigns, &CampaignChart::campaignClicked, this, [this](const QString &campaign) {
        askForLeads(tr("Leads of campaign %1").arg(campaign.isEmpty() ? tr("(none)") : campaign),
                    [campaign](const LeadAnalytics &a, const LeadFilter &f) {
                        return a.campaignLeads(f, campaign);
                    });
    });
    loadChoices();
    refresh();
}

ChartsDashboard::~ChartsDashboard() {
    // The reader's jobs report to these widgets: it ends first.
    m_reader.reset();
}

QWidget *ChartsDashboard::createControls() {
    m_range = combo(QStringLiteral("chartsRange"), tr("Date range"));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("Last 90 days"), int(Range::Last90Days));
    m_range->addItem(tr("This quarter"), int(Range::ThisQuarter));
    m_range->addItem(tr("Last 12 months"), int(Range::Last12Months));
    m_range->addItem(tr("All time"), int(Range::All));
    m_range->addItem(tr("Custom…"), int(Range::Custom));
    m_range->setCurrentIndex(3);
    m_from = new QDateEdit;
    m_from->setObjectName(QStringLiteral("chartsFrom"));
    m_to = new QDateEdit;
    m_to->setObjectName(QStringLiteral("chartsTo"));
    m_from->setAccessibleName(tr("From", "the first day of the charts' period"));
    m_to->setAccessibleName(tr("To", "the last day of the charts' period"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setDate(QDate::currentDate());
        edit->setVisible(false);
    }
    m_storefront = combo(QStringLiteral("chartsStorefront"), tr("Storefront"));
    m_storefront->addItem(tr("All storefronts"), QString());
    for (Storefront sf : Storefronts::all())
        m_storefront->addItem(Storefronts::displayName(sf), Storefronts::canonicalName(sf));
    m_offer = combo(QStringLiteral("chartsOffer"), tr("Offer"));
    m_offer->addItem(tr("All offers"), QString());
    m_owner = combo(QStringLiteral("chartsOwner"), tr("Owner"));
    m_owner->addItem(tr("Any owner"), QString());
    // Offer titles and owners are the team's: a long one ends in "…" rather than widening the row.
    for (QComboBox *box : {m_offer, m_owner}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(22);
    }
    m_interval = combo(QStringLiteral("chartsInterval"), tr("Trend interval"));
    m_interval->addItem(tr("Per month"), int(LeadTrend::Interval::Month));
    m_interval->addItem(tr("Per week"), int(LeadTrend::Interval::Week));
    m_by = combo(QStringLiteral("chartsBy"), tr("Trend stacked by"));
    m_by->addItem(tr("By storefront"), int(LeadTrend::By::Storefront));
    m_by->addItem(tr("By action"), int(LeadTrend::By::Action));
    m_offerSort = combo(QStringLiteral("chartsOfferSort"), tr("Offers sorted by"));
    m_offerSort->addItem(tr("Offers by leads"), int(OfferPerformance::SortBy::Leads));
    m_offerSort->addItem(tr("Offers by conversion"), int(OfferPerformance::SortBy::Conversion));
    m_offerSort->addItem(tr("Offers by average score"),
                         int(OfferPerformance::SortBy::AverageScore));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("chartsStatus"));

    // Which leads on the first line, how the charts show them on the second: one line of all
    // of them is wider than the space beside the queues and the lead panel in some languages.
    auto *row = new QWidget;
    auto *rows = new QVBoxLayout(row);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *which = new QHBoxLayout;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_range, m_from, m_to, m_storefront, m_offer, m_owner})
        which->addWidget(w);
    which->addStretch(1);
    which->addWidget(m_status);
    auto *how = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_interval, m_by, m_offerSort})
        how->addWidget(w);
    how->addStretch(1);
    rows->addLayout(which);
    rows->addLayout(how);
    for (QComboBox *box : {m_range, m_storefront, m_offer, m_owner, m_interval, m_by})
        connect(box, &QComboBox::currentIndexChanged, this, &ChartsDashboard::controlsChanged);
    connect(m_offerSort, &QComboBox::currentIndexChanged, this, [this] {
        OfferPerformance offers = m_data.offers;
        offers.sort(OfferPerformance::SortBy(m_offerSort->currentData().toInt()));
        m_data.offers = offers;
        m_offers->setReport(offers);
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &ChartsDashboard::controlsChanged);
    return row;
}

void ChartsDashboard::setNow(const QDateTime &now) {
    m_now = now;
    refresh();
}

void ChartsDashboard::setRange(Range range) {
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void ChartsDashboard::setCustomRange(QDate from, QDate to) {
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    setRange(Range::Custom);
    controlsChanged();
}

LeadFilter ChartsDashboard::filter() const {
    LeadFilter f;
    const QDate today = (m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc()).date();
    switch (Range(m_range->currentData().toInt())) {
    case Range::Last30Days:
        f.since = utcDay(today.addDays(-29));
        break;
    case Range::Last90Days:
        f.since = utcDay(today.addDays(-89));
        break;
    case Range::ThisQuarter:
        f.since = utcDay(QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1));
        break;
    case Range::Last12Months:
        f.since = utcDay(QDate(today.year(), today.month(), 1).addMonths(-11));
        break;
    case Range::All:
        break;
    case Range::Custom:
        f.since = utcDay(m_from->date());
        f.until = utcDay(m_to->date().addDays(1));
        break;
    }
    Storefront sf;
    if (Storefronts::fromCanonicalName(m_storefront->currentData().toString(), &sf))
        f.storefront = sf;
    f.offerId = m_offer->currentData().toString();
    f.owner = m_owner->currentData().toString();
    return f;
}

void ChartsDashboard::controlsChanged() {
    const bool custom = Range(m_range->currentData().toInt()) == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    refresh();
}

void ChartsDashboard::loadChoices() {
    QPointer<ChartsDashboard> self(this);
    m_reader->post([self](const Database &db) {
        LeadRepository repo(db);
        const auto offers = repo.distinctValues(QStringLiteral("offer_id"));
        const auto owners = repo.distinctValues(QStringLiteral("owner"));
        if (!offers || !owners)
            return false;
        const QStringList o = *offers, w = *owners;
        QMetaObject::invokeMethod(
            self,
            [self, o, w] {
                const QSignalBlocker a(self->m_offer), b(self->m_owner);
                for (const QString &offer : o)
                    self->m_offer->addItem(offer, offer);
                for (const QString &owner : w)
                    self->m_owner->addItem(owner, owner);
            },
            Qt::QueuedConnection);
        return true;
    });
}

void ChartsDashboard::refresh() {
    const quint64 generation = ++m_generation;
    m_newest->store(generation);
    ++m_pending;
    m_status->setText(tr("Reading…"));
    const LeadFilter f = filter();
    const auto interval = LeadTrend::Interval(m_interval->currentData().toInt());
    const auto by = LeadTrend::By(m_by->currentData().toInt());
    const auto sortBy = OfferPerformance::SortBy(m_offerSort->currentData().toInt());
    QPointer<ChartsDashboard> self(this);
    const std::shared_ptr<std::atomic<quint64>> newest = m_newest;
    m_reader->post([self, newest, generation, f, interval, by, sortBy](const Database &db) {
        QElapsedTimer timer;
        timer.start();
        // Each chart is drawn as soon as its numbers are read, the quickest first; a newer
        // request stops this one between charts.
        const auto stale = [&newest, generation] { return newest->load() != generation; };
        const auto draw = [self, generation](std::function<void(ChartsDashboard *)> apply) {
            QMetaObject::invokeMethod(
                self,
                [self, generation, apply] {
                    if (self && generation == self->m_generation)
                        apply(self.data());
                },
                Qt::QueuedConnection);
        };
        LeadAnalytics analytics(db);
        ChartData data;
        bool ok = true;
        if (const auto r = analytics.funnel(f)) {
            data.funnel = *r;
            draw([r = *r](ChartsDashboard *d) { d->m_funnel->setReport(r); });
        } else {
            ok = false;
        }
        if (auto r = ok && !stale() ? analytics.offers(f) : std::nullopt) {
            r->sort(sortBy);
            data.offers = *r;
            draw([r = *r](ChartsDashboard *d) { d->m_offers->setReport(r); });
        } else {
            ok = false;
        }
        if (const auto r = ok && !stale() ? analytics.trend(f, interval, by) : std::nullopt) {
            data.trend = *r;
            draw([r = *r](ChartsDashboard *d) { d->m_trend->setReport(r); });
        } else {
            ok = false;
        }
        if (const auto r = ok && !stale() ? analytics.scores(f) : std::nullopt) {
            data.scores = *r;
            draw([r = *r](ChartsDashboard *d) { d->m_scores->setReport(r); });
        } else {
            ok = false;
        }
        if (const auto r = ok && !stale() ? analytics.campaigns(f) : std::nullopt) {
            data.campaigns = *r;
            draw([r = *r](ChartsDashboard *d) { d->m_campaigns->setReport(r); });
        } else {
            ok = false;
        }
        if (const auto r = ok && !stale() ? analytics.firstTouch(f) : std::nullopt)
            data.firstTouch = *r;
        else
            ok = false;
        const bool superseded = stale();
        const QString error = analytics.lastError();
        const qint64 ms = timer.elapsed();
        QMetaObject::invokeMethod(
            self,
            [self, generation, data, ok, superseded, error, ms] {
                --self->m_pending;
                if (superseded || generation != self->m_generation)
                    return; // an older filter's answer
                if (!ok) {
                    self->m_status->setText(tr("Cannot read the charts' numbers"));
                    emit self->errorOccurred(error);
                    return;
                }
                self->show(data, ms);
            },
            Qt::QueuedConnection);
        return ok || superseded;
    });
}

void ChartsDashboard::show(const ChartData &data, qint64 ms) {
    m_data = data;
    m_lastReadMs = ms;
    m_funnel->setReport(data.funnel);
    m_offers->setReport(data.offers);
    m_trend->setReport(data.trend);
    m_scores->setReport(data.scores);
    m_campaigns->setReport(data.campaigns);
    m_firstTouch->setReport(data.firstTouch);
    m_status->setText(tr("%Ln leads", nullptr, int(data.funnel.all[0])));
    m_status->setToolTip(tr("Read in %1 ms").arg(QLocale().toString(ms)));
    emit loaded();
}

void ChartsDashboard::askForLeads(
    const QString &description,
    std::function<std::optional<LeadFilter>(const LeadAnalytics &, const LeadFilter &)> drill) {
    const LeadFilter f = filter();
    QPointer<ChartsDashboard> self(this);
    m_reader->post([self, f, drill, description](const Database &db) {
        LeadAnalytics analytics(db);
        const std::optional<LeadFilter> narrowed = drill(analytics, f);
        const QString error = analytics.lastError();
        QMetaObject::invokeMethod(
            self,
            [self, narrowed, error, description] {
                if (narrowed)
                    emit self->drillDown(*narrowed, description);
                else
                    emit self->errorOccurred(error);
            },
            Qt::QueuedConnection);
        return narrowed.has_value();
    });
}
