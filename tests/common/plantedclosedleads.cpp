#include "plantedclosedleads.h"

#include <QTimeZone>

#include <cmath>
#include <random>

namespace {

struct Title {
    const char *text;
    double effect;
};

const Title titles[] = {{"CEO", 1.5},        {"VP of Sales", 1.0}, {"Director of IT", 1.0},
                        {"IT Manager", 0.0}, {"Developer", -0.5},  {"Student", -2.0}};

template <typename T, size_t N> const T &pick(std::mt19937 &rnd, const T (&list)[N]) {
    return list[std::uniform_int_distribution<size_t>(0, N - 1)(rnd)];
}

} // namespace

namespace PlantedClosedLeads {

double truth(const Lead &lead, bool reversed) {
    double x = 0.0;
    for (const Title &t : titles)
        if (lead.title == QLatin1String(t.text))
            x += t.effect;
    if (lead.email.endsWith(QLatin1String("@contoso.com")))
        x += 1.0;
    else if (lead.email.endsWith(QLatin1String("@gmail.com")))
        x -= 1.0;
    else
        x -= 0.5;
    return -1.0 + (reversed ? -x : x);
}

QList<WinClosedLead> make(int count, quint32 seed, bool reversed, int firstHour) {
    std::mt19937 rnd(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const char *const countries[] = {"NL", "DE", "US", "FR"};
    const char *const offers[] = {"contoso.crm", "contoso.bi", "contoso.vm"};
    const char *const actions[] = {"INS", "PLT", "StartTestDrive"};
    const char *const emails[] = {"@contoso.com", "@gmail.com", ""};
    const Storefront storefronts[] = {Storefront::AppSource, Storefront::AzureMarketplace};
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    QList<WinClosedLead> out;
    for (int i = 0; i < count; ++i) {
        WinClosedLead c;
        Lead &l = c.lead;
        l.id = firstHour + i + 1;
        l.storefront = pick(rnd, storefronts);
        l.action = QLatin1String(pick(rnd, actions));
        // One offer in three hundred is too rare to learn from.
        l.offerId = unit(rnd) < 0.003 ? QStringLiteral("fabrikam.rare")
                                      : QString::fromLatin1(pick(rnd, offers));
        l.country = QLatin1String(pick(rnd, countries));
        l.title = QLatin1String(pick(rnd, titles).text);
        const char *domain = pick(rnd, emails);
        l.email = *domain ? QStringLiteral("lead%1").arg(i) + QLatin1String(domain) : QString();
        l.phone = unit(rnd) < 0.5 ? QStringLiteral("+31 20 555 0100") : QString();
        l.company = unit(rnd) < 0.8 ? QStringLiteral("Northwind") : QString();
        const double p = 1.0 / (1.0 + std::exp(-truth(l, reversed)));
        c.won = unit(rnd) < p;
        l.stage = c.won ? Stage::Won : Stage::Lost;
        c.closedAt = start.addSecs(3600LL * (firstHour + i));
        l.lastEventAt = c.closedAt.addDays(-20);
        l.createdAt = l.lastEventAt;
        out << c;
    }
    return out;
}

} // namespace PlantedClosedLeads
