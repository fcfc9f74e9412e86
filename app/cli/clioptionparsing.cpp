// The Cli's reading of the options that choose and order leads, shared by list, count,
// export, stats and report: the filters, --sort and --columns.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/followupdestination.h"
#include "core/domain/leadcolumns.h"
#include "core/storage/leadquery.h"

#include <QTimeZone>

QDateTime Cli::parseDate(const QString &text, bool endOfDay) {
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid() && text.trimmed().size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::utc());
    return LeadColumns::parseIsoUtc(text);
}

bool Cli::parseFilter(const CliArguments &args, LeadFilter *f) {
    if (args.has(QStringLiteral("storefront"))) {
        Storefront s;
        if (!Storefronts::fromCanonicalName(args.value(QStringLiteral("storefront")), &s)) {
            usage(QStringLiteral("--storefront: unknown storefront \"%1\" (appsource, "
                                 "azure-marketplace, azure-portal, other)")
                      .arg(args.value(QStringLiteral("storefront"))));
            return false;
        }
        f->storefront = s;
    }
    if (args.has(QStringLiteral("stage"))) {
        Stage s;
        if (!Stages::fromCanonicalName(args.value(QStringLiteral("stage")), &s)) {
            QStringList names;
            for (Stage st : Stages::all())
                names << Stages::canonicalName(st);
            usage(QStringLiteral("--stage: unknown stage \"%1\" (%2)")
                      .arg(args.value(QStringLiteral("stage")), names.join(QStringLiteral(", "))));
            return false;
        }
        f->stage = s;
    }
    f->owner = args.value(QStringLiteral("owner"));
    f->offerId = args.value(QStringLiteral("offer"));
    f->action = args.value(QStringLiteral("action"));
    f->search = args.value(QStringLiteral("search"));
    if (args.has(QStringLiteral("min-score"))) {
        bool ok = false;
        const int score = args.value(QStringLiteral("min-score")).toInt(&ok);
        if (!ok) {
            usage(QStringLiteral("--min-score: \"%1\" is not a whole number")
                      .arg(args.value(QStringLiteral("min-score"))));
            return false;
        }
        f->minScore = score;
    }
    if (args.has(QStringLiteral("grade"))) {
        const QString grade = args.value(QStringLiteral("grade")).toUpper();
        if (grade.size() != 1 || grade.at(0) < QLatin1Char('A') || grade.at(0) > QLatin1Char('D')) {
            usage(QStringLiteral("--grade: \"%1\" is not a grade (A, B, C or D)")
                      .arg(args.value(QStringLiteral("grade"))));
            return false;
        }
        f->grade = grade;
    }
    f->doNotContact = args.has(QStringLiteral("do-not-contact"));
    for (const auto &[name, target, endOfDay] :
         {std::tuple{QStringLiteral("since"), &f->since, false},
          std::tuple{QStringLiteral("until"), &f->until, true},
          std::tuple{QStringLiteral("due-before"), &f->dueBefore, true}}) {
        if (!args.has(name))
            continue;
        *target = parseDate(args.value(name), endOfDay);
        if (!target->isValid()) {
            usage(QStringLiteral("--%1: \"%2\" is not a date (YYYY-MM-DD or ISO 8601)")
                      .arg(name, args.value(name)));
            return false;
        }
        // "On or before" a moment: times are stored to the second, so the lead created in
        // that second is in and the next second's is out.
        if (target == &f->until && args.value(name).trimmed().size() > 10) {
            const QDateTime at = target->toUTC();
            const QTime second(at.time().hour(), at.time().minute(), at.time().second());
            *target = QDateTime(at.date(), second, QTimeZone::utc()).addSecs(1);
        }
    }
    if (f->since.isValid() && f->until.isValid() && f->since >= f->until) {
        usage(QStringLiteral("--since %1 is not before --until %2")
                  .arg(args.value(QStringLiteral("since")), args.value(QStringLiteral("until"))));
        return false;
    }
    f->includeTest = args.has(QStringLiteral("include-test"));
    f->campaign = args.value(QStringLiteral("campaign")).trimmed();
    if (args.has(QStringLiteral("origin"))) {
        f->origin = args.value(QStringLiteral("origin"));
        const QStringList origins = {QStringLiteral("marketplace"), QStringLiteral("co-sell"),
                                     QStringLiteral("import"), QStringLiteral("manual")};
        if (!origins.contains(f->origin)) {
            usage(QStringLiteral("--origin: \"%1\" is not an origin (%2)")
                      .arg(f->origin, origins.join(QStringLiteral(", "))));
            return false;
        }
    }
    if (args.has(QStringLiteral("destination"))) {
        f->destination = args.value(QStringLiteral("destination"));
        FollowUpDestination d;
        if (!FollowUpDestinations::fromCanonicalName(f->destination, &d)) {
            usage(QStringLiteral("--destination: \"%1\" is not a follow-up destination "
                                 "(own-crm, co-sell, marketplace)")
                      .arg(f->destination));
            return false;
        }
    }
    return true;
}

bool Cli::parseColumns(const CliArguments &args, QStringList *columns) {
    if (!args.has(QStringLiteral("columns")))
        return true;
    columns->clear();
    for (const QString &part : args.value(QStringLiteral("columns")).split(QLatin1Char(','))) {
        const QString c = part.trimmed();
        if (c.isEmpty())
            continue;
        if (!LeadColumns::isKnown(c) && !LeadColumns::stored().contains(c)) {
            usage(QStringLiteral("--columns: unknown column \"%1\"").arg(c));
            return false;
        }
        *columns << c;
    }
    // Rows of nothing are no listing; an empty value is more likely a script's mistake.
    if (columns->isEmpty()) {
        usage(QStringLiteral("--columns names no column; give canonical names such as "
                             "--columns id,email,stage"));
        return false;
    }
    return true;
}

bool Cli::parseSort(const CliArguments &args, LeadSort *sort) {
    if (!args.has(QStringLiteral("sort")))
        return true;
    const QStringList parts = args.value(QStringLiteral("sort")).split(QLatin1Char(':'));
    sort->column = parts.first().trimmed();
    const QString dir = parts.value(1).trimmed().toLower();
    if (!LeadQuery::isSortable(sort->column)) {
        usage(QStringLiteral("--sort: unknown column \"%1\"").arg(sort->column));
        return false;
    }
    if (parts.size() > 2 ||
        (!dir.isEmpty() && dir != QLatin1String("asc") && dir != QLatin1String("desc"))) {
        usage(QStringLiteral("--sort: expected column[:asc|:desc], got \"%1\"")
                  .arg(args.value(QStringLiteral("sort"))));
        return false;
    }
    sort->descending = dir == QLatin1String("desc");
    return true;
}
