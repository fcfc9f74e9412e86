#include "leadgenerator.h"

#include "demoleadvocabulary.h"

#include "../domain/activity.h"
#include "../domain/cadence.h"
#include "../domain/dedupkey.h"
#include "../domain/lead.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadevent.h"
#include "../domain/touchkind.h"
#include "../storage/bulkload.h"
#include "../storage/followupplanstore.h"
#include "../storage/leadrepository.h"
#include "../storage/leadwriter.h"
#include "../storage/transaction.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

// splitmix64-seeded xoshiro-like generator with our own distributions, so that a seed gives
// the same leads with every standard library.
class Random {
public:
    explicit Random(quint64 seed)
        : m_engine(seed) {}
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }
    double normal(double mean, double sd) {
        const double u1 = std::max(uniform(), 1e-12);
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    template <typename T> const T &pick(const QList<T> &items) {
        return items.at(below(int(items.size())));
    }
    // Index into weights, chosen with probability proportional to its weight.
    int weighted(const QList<double> &weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (int i = 0; i < weights.size(); ++i) {
            r -= weights.at(i);
            if (r < 0)
                return i;
        }
        return int(weights.size()) - 1;
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace

using namespace DemoLeadVocabulary;

LeadGenerator::LeadGenerator(const Database &db)
    : m_db(db) {}

void LeadGenerator::setProgressHandler(std::function<void(qint64, qint64)> handler) {
    m_progress = std::move(handler);
}

GenerateResult LeadGenerator::generate(qint64 count, quint64 seed) {
    GenerateResult result;
    QString error;
    if (!m_db.open(&error)) {
        result.error = error;
        return result;
    }
    QDateTime end = m_end;
    if (!end.isValid())
        end = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), QTimeZone::utc());
    const qint64 spanDays = 730;
    const QDateTime start = end.addDays(-spanDays);

    LeadRepository repo(m_db);
    LeadFilter everything;
    everything.includeTest = true;
    const qint64 existing = repo.count(everything);
    // Large runs rebuild the indexes once at the end instead of updating them row by row.
    const bool bulkMode = count >= 20000 && count >= existing;
    BulkLoad bulk(m_db);
    if (bulkMode) {
        bulk.useRollbackJournal();
        bulk.buildSearchIndexAside();
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        result.error = QStringLiteral("cannot start a transaction: %1").arg(tx.error());
        return result;
    }
    if (bulkMode && !bulk.begin(&error)) {
        result.error = QStringLiteral("cannot prepare the bulk load: %1").arg(error);
        return result;
    }
    LeadWriter writer(m_db);
    writer.setSearchIndexBuilder(bulk.searchIndexBuilder());
    writer.setScoredAt(end); // the same seed and end give the same scores
    Random rnd(seed);
    // Touches draw from a sequence of their own, so the leads themselves are the same as
    // before touches were logged.
    Random touchRnd(seed ^ 0x9e3779b97f4a7c15ULL);
    FollowUpPlanStore plans(m_db);
    const QList<Cadence> shipped = Cadence::defaults();
    const Cadence &contactMe = shipped.at(0);
    const Cadence &trial = shipped.at(1);
    QHash<QString, QString> localParts; // "first last" -> "first.last": normalising is slow
    QHash<QString, QString> domains;
    auto localPart = [&](const QString &first, const QString &last) {
        const QString k = first + QLatin1Char(' ') + last;
        auto it = localParts.constFind(k);
        if (it == localParts.constEnd())
            it = localParts.insert(k, emailLocal(first, last));
        return *it;
    };
    auto domain = [&](const QString &company) {
        auto it = domains.constFind(company);
        if (it == domains.constEnd())
            it = domains.insert(company, domainOf(company));
        return *it;
    };
    // A person meets an offer once: keys already stored and those of this run are avoided.
    // Held as hashes: a collision only gives the new lead another address.
    QSet<quint64> keys = repo.dedupKeyHashes(); // read under the write lock: nobody adds meanwhile
    if (!repo.lastError().isEmpty()) {
        result.error = repo.lastError();
        return result;
    }
    keys.reserve(qsizetype(std::min<qint64>(existing + count, 8000000)));
    QList<double> countryWeights, titleWeights;
    for (const Country &c : countries)
        countryWeights << c.weight;
    for (const JobTitle &t : titles)
        titleWeights << t.weight;

    for (qint64 n = 0; n < count; ++n) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            result.generated = 0;
            result.error = QStringLiteral("cancelled; nothing was added");
            return result;
        }
        Lead lead;
        // Storefront and offer.
        const int storefrontPick = rnd.weighted({45, 40, 15});
        lead.storefront = storefrontPick == 0   ? Storefront::AppSource
                          : storefrontPick == 1 ? Storefront::AzureMarketplace
                                                : Storefront::AzurePortal;
        const Storefront home = lead.storefront == Storefront::AppSource
                                    ? Storefront::AppSource
                                    : Storefront::AzureMarketplace;
        const Offer *offer = nullptr;
        do {
            offer = &rnd.pick(offers);
        } while (offer->home != home);
        lead.offerId = offer->id;
        lead.offerTitle = offer->title;

        // Action, with the campaign it answers.
        QString action;
        switch (lead.storefront) {
        case Storefront::AppSource: {
            const int a = rnd.weighted({46, 38, 12, 4});
            action = QList<QString>{QStringLiteral("PLT"), QStringLiteral("INS"),
                                    QStringLiteral("StartTestDrive"), QStringLiteral("DNC")}
                         .at(a);
            lead.campaign = a == 0   ? QStringLiteral("appsource-contact-me")
                            : a == 2 ? QStringLiteral("test-drive")
                                     : QStringLiteral("appsource-listing");
            break;
        }
        case Storefront::AzureMarketplace: {
            const int a = rnd.weighted({52, 22, 22, 4});
            action = QList<QString>{QStringLiteral("INS"), QStringLiteral("PLT"),
                                    QStringLiteral("StartTestDrive"), QStringLiteral("DNC")}
                         .at(a);
            lead.campaign = a == 0   ? QStringLiteral("free-trial")
                            : a == 2 ? QStringLiteral("test-drive")
                                     : QStringLiteral("demand-generation");
            break;
        }
        default: {
            const int a = rnd.weighted({90, 6, 4});
            action = QList<QString>{QStringLiteral("Create"), QStringLiteral("INS"),
                                    QStringLiteral("DNC")}
                         .at(a);
            lead.campaign = QStringLiteral("azure-portal-purchase");
            break;
        }
        }
        lead.action = action;

        // Who the customer is.
        const Country &country = countries.at(rnd.weighted(countryWeights));
        const JobTitle &title = titles.at(rnd.weighted(titleWeights));
        lead.country = rnd.chance(0.97) ? country.code : QString();
        lead.title = title.title;
        lead.firstName = rnd.pick(firstNames);
        lead.lastName = rnd.pick(lastNames);
        const QString region = rnd.chance(0.5) ? regionFor(country.code) : QString();
        lead.company = rnd.pick(companyStems) + QLatin1Char(' ') + rnd.pick(companySuffixes) +
                       (region.isEmpty() ? QString() : QLatin1Char(' ') + region);
        const int size = rnd.weighted({55, 30, 15}); // small, mid-size, enterprise
        const bool student =
            title.title == QLatin1String("Student") || title.title == QLatin1String("Intern");
        bool corporateMail = true;
        if (student && rnd.chance(0.5)) {
            lead.email = localPart(lead.firstName, lead.lastName) + QLatin1Char('@') +
                         rnd.pick(universities);
            lead.company = QString();
            corporateMail = false;
        } else if (rnd.chance(size == 0 ? 0.4 : 0.15)) {
            lead.email = localPart(lead.firstName, lead.lastName) +
                         QString::number(rnd.below(900) + 10) + QLatin1Char('@') +
                         rnd.pick(freeMail);
            corporateMail = false;
        } else {
            lead.email =
                localPart(lead.firstName, lead.lastName) + QLatin1Char('@') + domain(lead.company);
        }
        lead.phone = rnd.chance(0.7)
                         ? country.dial + QLatin1Char(' ') + QString::number(rnd.below(900) + 100) +
                               QLatin1Char(' ') + QString::number(rnd.below(9000000) + 1000000)
                         : QString();
        if (rnd.chance(0.005)) {
            const QString marker = QStringLiteral("MSFT_TEST_%1").arg(rnd.below(900000) + 100000);
            lead.firstName = marker;
            lead.lastName = QStringLiteral("Test");
            lead.company = QStringLiteral("Microsoft");
            lead.email = marker.toLower() + QStringLiteral("@microsoft.com");
        }
        if (LeadClassifier::isPrivacyRestricted(lead.email)) {
            // Microsoft withholds personal details of .edu customers.
            lead.firstName.clear();
            lead.lastName.clear();
            lead.phone.clear();
        }
        lead.description =
            lead.action == QLatin1String("PLT")
                ? QStringLiteral("Please contact me about ") + offer->title + QLatin1Char('.')
                : QString();
        lead.origin = QStringLiteral("marketplace");
        LeadClassifier::classify(lead);

        // Never the same person on the same offer twice: that would be one lead.
        quint64 key = DedupKey::hash(DedupKey::of(lead));
        while (keys.contains(key)) {
            const qsizetype at = lead.email.indexOf(QLatin1Char('@'));
            lead.email.insert(at, QString::number(rnd.below(10)));
            key = DedupKey::hash(DedupKey::of(lead));
        }
        keys.insert(key);

        // When: 24 months with growth (about 2.5x from first to last month) and a weekly rhythm.
        QDateTime created;
        do {
            const double u = rnd.uniform();
            const double g = 1.5;
            const double t = (-1.0 + std::sqrt(1.0 + 2.0 * g * u * (1.0 + g / 2.0))) / g;
            const QDate day = start.date().addDays(qint64(t * spanDays));
            const int dow = day.dayOfWeek();
            const double keep = dow == 6 ? 0.35 : dow == 7 ? 0.3 : dow == 1 ? 0.9 : 1.0;
            if (!rnd.chance(keep))
                continue;
            const double hour = std::clamp(rnd.normal(14.0, 3.5), 0.0, 23.99);
            created = QDateTime(day, QTime(0, 0), QTimeZone::utc()).addSecs(qint64(hour * 3600));
        } while (!created.isValid());
        lead.createdAt = created;
        lead.lastEventAt = created;

        QList<LeadEvent> events;
        LeadEvent first;
        first.occurredAt = created;
        first.storefront = lead.storefront;
        first.action = lead.action;
        const QString sourceName =
            lead.storefront == Storefront::AppSource
                ? (rnd.chance(0.2) ? QStringLiteral("SPZA") : QStringLiteral("AppSource"))
            : lead.storefront == Storefront::AzurePortal ? QStringLiteral("AzurePortal")
                                                         : QStringLiteral("AzureMarketplace");
        first.leadSource =
            sourceName + QLatin1Char('-') + lead.action + QLatin1Char('|') + lead.offerId;
        first.offerTitle = lead.offerTitle;
        first.description = lead.description;
        first.channel = QStringLiteral("generated");
        events << first;
        // ~3% come back: Contact me → Test Drive → Install, merged into this lead as events.
        if (!lead.doNotContact && rnd.chance(0.03)) {
            const QList<QString> path = {QStringLiteral("StartTestDrive"), QStringLiteral("INS")};
            const int more = rnd.chance(0.3) ? 2 : 1;
            QDateTime when = created;
            for (int i = 0; i < more; ++i) {
                when = when.addSecs(3600 * (2 + rnd.below(24 * 20)));
                if (when > end)
                    break;
                LeadEvent e = first;
                e.occurredAt = when;
                e.action = path.at(
                    std::min(i + (lead.action == QLatin1String("StartTestDrive") ? 1 : 0), 1));
                e.leadSource =
                    sourceName + QLatin1Char('-') + e.action + QLatin1Char('|') + lead.offerId;
                e.description.clear();
                events << e;
                lead.action = e.action;
                lead.lastEventAt = when;
            }
            lead.events = int(events.size());
        }

        // How likely this lead is to close, from what a good rep would look at.
        double x = -3.4 + title.seniority + 0.45 * size + country.tier + offer->appeal;
        x += corporateMail ? 0.6 : -0.7;
        x += lead.phone.isEmpty() ? -0.3 : 0.3;
        x += lead.action == QLatin1String("INS") || lead.action == QLatin1String("Create") ? 0.6
             : lead.action == QLatin1String("StartTestDrive")                              ? 0.3
                                                                                           : 0.0;
        x += lead.events > 1 ? 0.9 : 0.0;
        const double pWin = sigmoid(x);

        // Stage history: older leads have run their course, recent ones are still being worked.
        QList<Activity> activities;
        const double ageDays = double(lead.lastEventAt.secsTo(end)) / 86400.0;
        QList<Stage> path;
        if (lead.isTest) {
            path << Stage::Disqualified;
        } else if (lead.doNotContact) {
            if (ageDays > 14)
                path << Stage::Disqualified;
        } else {
            const bool won = rnd.chance(pWin);
            const QList<Stage> wonPath = {Stage::Contacted, Stage::Qualified, Stage::Opportunity,
                                          Stage::Won};
            QList<Stage> full;
            if (won) {
                full = wonPath;
            } else {
                const int dropAt = rnd.weighted({35, 30, 20, 15}); // where it stalls before losing
                static const QList<Stage> lossPath = {Stage::Contacted, Stage::Nurturing,
                                                      Stage::Qualified, Stage::Opportunity};
                full = lossPath.mid(0, dropAt + 1);
                full << (dropAt == 0 && rnd.chance(0.5) ? Stage::Disqualified : Stage::Lost);
            }
            // Roughly one step every two weeks.
            const int reached = std::clamp(int(ageDays / 14.0), 0, int(full.size()));
            path = full.mid(0, reached);
        }
        QDateTime when = lead.lastEventAt;
        if (!path.isEmpty())
            lead.owner = rnd.pick(owners);
        Stage previous = Stage::New;
        for (Stage s : path) {
            when = when.addSecs(3600 * (4 + rnd.below(24 * 12)));
            if (when > end)
                when = end.addSecs(-rnd.below(3600 * 12) - 60);
            Activity a;
            a.at = when;
            a.actor = lead.owner.isEmpty() ? QStringLiteral("system") : lead.owner;
            a.kind = ActivityKind::Changed;
            a.field = QStringLiteral("stage");
            a.oldValue = Stages::canonicalName(previous);
            a.newValue = Stages::canonicalName(s);
            activities << a;
            previous = s;
        }
        lead.stage = previous;
        if (lead.stage == Stage::Disqualified)
            lead.disqualifyReason = lead.isTest         ? QStringLiteral("test-lead")
                                    : lead.doNotContact ? QStringLiteral("dnc")
                                                        : QStringLiteral("no-need");
        if (lead.stage != Stage::New && !lead.doNotContact && !lead.isTest)
            lead.followUps = std::min(12, int(path.size()) + rnd.below(5) +
                                              (lead.stage == Stage::Nurturing ? 3 : 0));
        if (!Stages::isClosed(lead.stage) && !lead.doNotContact && !lead.isTest)
            lead.nextFollowUpAt =
                (when > lead.lastEventAt ? when : lead.lastEventAt).addDays(2 + rnd.below(10));

        // The first touches: most within a day of arrival, some late (the first-touch SLA's
        // chart), and never after the first stage move they led to.
        FollowUpPlan plan;
        int touchesLogged = 0;
        if (lead.followUps > 0) {
            const int bucket = touchRnd.weighted({55, 25, 20});
            const int hours = bucket == 0   ? touchRnd.below(20)
                              : bucket == 1 ? 20 + touchRnd.below(52)
                                            : 72 + touchRnd.below(168);
            QDateTime at = lead.createdAt.addSecs(qint64(hours) * 3600 + touchRnd.below(3600));
            const QDateTime firstMove = activities.isEmpty() ? end : activities.first().at;
            if (at >= firstMove)
                at = firstMove.addSecs(-60 - touchRnd.below(3600));
            if (at <= lead.createdAt)
                at = lead.createdAt.addSecs(60);
            plan.firstTouchAt = at;
            plan.firstTouchSeconds = lead.createdAt.secsTo(at);
            const int logged = std::min(lead.followUps, 3);
            QList<Activity> touches;
            for (int i = 0; i < logged; ++i) {
                Activity t;
                t.at = at;
                t.actor = lead.owner;
                t.kind = ActivityKind::Touch;
                t.field =
                    TouchKinds::canonicalName(i % 2 == 0 ? TouchKind::Email : TouchKind::Call);
                const bool last = i == logged - 1;
                t.newValue =
                    last && lead.stage != Stage::Contacted && lead.stage != Stage::Nurturing
                        ? QStringLiteral("responded")
                        : touchOutcomes.at(touchRnd.below(int(touchOutcomes.size()) - 1));
                touches << t;
                at = at.addSecs(3600 * (20 + touchRnd.below(24 * 6)));
                if (at > end)
                    break;
            }
            touchesLogged = int(touches.size());
            activities = touches + activities;
            std::stable_sort(activities.begin(), activities.end(),
                             [](const Activity &a, const Activity &b) { return a.at < b.at; });
        }
        // Most leads being worked are in a cadence since their first touch: "Contact me" for a
        // request to be contacted, the trial one otherwise; the next touch is the cadence's.
        if (lead.nextFollowUpAt.isValid() && plan.firstTouchAt.isValid() &&
            (lead.stage == Stage::Contacted || lead.stage == Stage::Nurturing) &&
            touchRnd.chance(0.7)) {
            const Cadence &cadence = lead.action == QLatin1String("PLT") ? contactMe : trial;
            plan.cadence = cadence.name;
            plan.cadenceStartedAt = plan.firstTouchAt;
            plan.cadenceStep = std::min(touchesLogged, int(cadence.touches.size()) - 1);
            lead.nextFollowUpAt =
                cadence.dueAt(plan.cadenceStep, plan.cadenceStartedAt, plan.cadenceStartedAt);
            plan.kind = TouchKinds::canonicalName(cadence.touches.at(plan.cadenceStep).kind);
        } else if (lead.nextFollowUpAt.isValid()) {
            plan.kind = TouchKinds::canonicalName(touchRnd.chance(0.6) ? TouchKind::Call
                                                                       : TouchKind::Email);
        }

        const qint64 id = writer.insert(tx, lead, events, activities, LeadWriter::Scoring::Current);
        if (id == 0) {
            result.error = writer.lastError();
            result.generated = 0;
            return result;
        }
        if (!plan.isEmpty() && !plans.save(id, plan)) {
            result.error = plans.lastError();
            result.generated = 0;
            return result;
        }
        ++result.generated;
        if (m_progress && (n + 1) % 1000 == 0)
            m_progress(n + 1, count);
    }
    if (!bulk.finish(&error)) {
        result.error = QStringLiteral("cannot rebuild the indexes: %1").arg(error);
        result.generated = 0;
        return result;
    }
    if (!tx.commit()) {
        result.error = QStringLiteral("cannot commit: %1").arg(tx.error());
        result.generated = 0;
        return result;
    }
    if (m_progress)
        m_progress(count, count);
    result.ok = true;
    return result;
}
