#include "columnmapping.h"

#include "../domain/leadcolumns.h"
#include "../domain/leadsource.h"
#include "headerlayout.h"
#include "leadcolumnparser.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace {

bool isTime(const QString &target) {
    return target == QLatin1String("created_at") || target == QLatin1String("last_event_at") ||
           target == QLatin1String("next_follow_up_at");
}

QString orderName(DateText::Order order) {
    switch (order) {
    case DateText::Order::DayFirst:
        return QStringLiteral("day-first");
    case DateText::Order::MonthFirst:
        return QStringLiteral("month-first");
    case DateText::Order::Auto:
        break;
    }
    return QStringLiteral("auto");
}

QString displayLayout(const QString &layout) {
    // Translated on each call: the language may change after the first.
    if (layout == QLatin1String("dutch"))
        return QCoreApplication::translate("ColumnMapping", "Dutch spreadsheets");
    static const QHash<QString, QString> names = {
        {QStringLiteral("salesforce"), QStringLiteral("Salesforce")},
        {QStringLiteral("hubspot"), QStringLiteral("HubSpot")},
        {QStringLiteral("dynamics"), QStringLiteral("Dynamics 365")}};
    return names.value(layout, layout);
}

// Most of a column's sample values are marketplace LeadSource strings.
bool looksLikeLeadSource(const QList<QStringList> &samples, int at) {
    int filled = 0, wellFormed = 0;
    for (const QStringList &row : samples) {
        const QString value = row.value(at).trimmed();
        if (value.isEmpty())
            continue;
        ++filled;
        if (LeadSource::parse(value).wellFormed)
            ++wellFormed;
    }
    return wellFormed > 0 && wellFormed * 2 > filled;
}

// Leadbench's columns another program's file may use under the same name without rejecting a
// row for a value Leadbench would not write: text, and the stage and storefront read leniently.
// Its "ID", "Origin" or "Score" mean something of their own there and are kept as extra fields.
bool lenient(const QString &target) {
    if (target == QLatin1String("origin") || target.isEmpty())
        return false;
    const LeadColumns::Type type = LeadColumns::type(target);
    return type == LeadColumns::Type::Text || type == LeadColumns::Type::Stage ||
           type == LeadColumns::Type::Storefront;
}

} // namespace

QString ColumnMapping::leadSourceTarget() {
    return QStringLiteral("lead_source");
}
QString ColumnMapping::customerInfoTarget() {
    return QStringLiteral("customer_info");
}
QString ColumnMapping::fullNameTarget() {
    return QStringLiteral("full_name");
}
QString ColumnMapping::extraTarget() {
    return QStringLiteral("extra");
}
QString ColumnMapping::namePrefixTarget() {
    return QStringLiteral("name_prefix");
}

bool ColumnMapping::isTarget(const QString &target) {
    return LeadColumnParser::isSettable(target) || target == leadSourceTarget() ||
           target == customerInfoTarget() || target == fullNameTarget() ||
           target == extraTarget() || target == namePrefixTarget();
}

int ColumnMapping::indexOf(const QString &target) const {
    for (int i = 0; i < columns.size(); ++i)
        if (columns.at(i).target == target)
            return i;
    return -1;
}

ColumnMapping ColumnMapping::detect(const QStringList &header, const QList<QStringList> &samples) {
    ColumnMapping m;
    const QList<HeaderLayout> &layouts = HeaderLayout::all();
    QStringList keys;
    bool snakeCase = false;
    int typeColumns = 0;
    for (const QString &h : header) {
        keys << HeaderLayout::key(h);
        snakeCase = snakeCase || h.contains(QLatin1Char('_'));
        if (h.trimmed().endsWith(QLatin1String("@type"), Qt::CaseInsensitive))
            ++typeColumns;
    }
    // The layout knowing most columns; the earlier one on a tie.
    const HeaderLayout *winner = nullptr;
    double bestScore = 0;
    for (const HeaderLayout &layout : layouts) {
        double score = 0;
        for (const QString &key : std::as_const(keys))
            if (layout.entries.contains(key) && key != QLatin1String("id")) // every file has one
                ++score;
        if (layout.name == QLatin1String("azure-table"))
            score += typeColumns;
        // Leadbench writes first_name; a header without one underscore is another program's.
        if (score > 0 && layout.name == QLatin1String("leadbench"))
            score += snakeCase ? 0.5 : -0.5;
        if (score > bestScore) {
            bestScore = score;
            winner = &layout;
        }
    }
    bool mixed = false;
    for (int i = 0; i < header.size(); ++i) {
        Column c;
        c.header = header.at(i);
        const QString &key = keys.at(i);
        if (c.header.trimmed().endsWith(QLatin1String("@type"), Qt::CaseInsensitive)) {
            c.note = QCoreApplication::translate("ColumnMapping", "Storage Explorer's type column");
            m.columns << c;
            continue;
        }
        const HeaderLayout::Entry *entry = nullptr;
        if (winner && winner->entries.contains(key))
            entry = &*winner->entries.constFind(key);
        else if (HeaderLayout::common().entries.contains(key))
            entry = &*HeaderLayout::common().entries.constFind(key);
        else
            for (const HeaderLayout &layout : layouts) {
                const auto found = layout.entries.constFind(key);
                if (found == layout.entries.constEnd() ||
                    (layout.name == QLatin1String("leadbench") && !lenient(found->target)))
                    continue;
                entry = &*found;
                mixed = true;
                break;
            }
        if (entry) {
            c.target = entry->target;
            // The layouts mark their notes for translation (context HeaderLayout).
            c.note =
                entry->note.isEmpty()
                    ? QString()
                    : QCoreApplication::translate("HeaderLayout", entry->note.toUtf8().constData());
            c.weak = entry->weak;
        } else {
            c.target = extraTarget();
            c.note = QCoreApplication::translate("ColumnMapping", "kept as an extra field");
        }
        if (c.target == extraTarget() && entry)
            c.note += QCoreApplication::translate("ColumnMapping", ", kept as an extra field");
        m.columns << c;
    }
    if (m.indexOf(leadSourceTarget()) < 0) {
        for (int i = 0; i < m.columns.size(); ++i) {
            if (!m.columns.at(i).header.endsWith(QLatin1String("@type"), Qt::CaseInsensitive) &&
                looksLikeLeadSource(samples, i)) {
                m.columns[i].target = leadSourceTarget();
                m.columns[i].weak = false;
                m.columns[i].note = QCoreApplication::translate(
                    "ColumnMapping", "its values look like Source-Action|Offer: "
                                     "they give the storefront, action and offer");
                break;
            }
        }
    }
    m.resolveDuplicates();
    m.layout = !winner ? QString() : mixed ? QStringLiteral("mixed") : winner->name;
    m.settleDateOrder(samples, winner ? winner->name : QString());
    return m;
}

void ColumnMapping::resolveDuplicates() {
    auto claims = [](const QString &target) {
        return !target.isEmpty() && target != extraTarget();
    };
    QHash<QString, int> strong; // target → its first column that is not weak
    for (int i = columns.size() - 1; i >= 0; --i)
        if (claims(columns.at(i).target) && !columns.at(i).weak)
            strong.insert(columns.at(i).target, i);
    QHash<QString, int> claimed;
    for (int i = 0; i < columns.size(); ++i) {
        Column &c = columns[i];
        if (!claims(c.target))
            continue;
        if (c.weak && strong.contains(c.target)) {
            const int other = strong.value(c.target);
            c.note = QCoreApplication::translate(
                         "ColumnMapping", "kept as an extra field: column %1 \"%2\" fills %3")
                         .arg(other + 1)
                         .arg(columns.at(other).header, c.target);
            c.target = extraTarget();
        } else if (claimed.contains(c.target)) {
            c.note =
                QCoreApplication::translate("ColumnMapping", "names the same field as column %1")
                    .arg(claimed.value(c.target) + 1);
            c.target.clear();
        } else {
            claimed.insert(c.target, i);
        }
    }
}

void ColumnMapping::settleDateOrder(const QList<QStringList> &samples, const QString &habitLayout) {
    bool dayFirst = false, monthFirst = false, ambiguous = false;
    QString dayExample, monthExample;
    for (int i = 0; i < columns.size(); ++i) {
        if (!isTime(columns.at(i).target))
            continue;
        for (const QStringList &row : samples) {
            const QString value = row.value(i).trimmed();
            switch (DateText::evidence(value)) {
            case DateOrder::DayFirst:
                dayFirst = true;
                dayExample = dayExample.isEmpty() ? value : dayExample;
                break;
            case DateOrder::MonthFirst:
                monthFirst = true;
                monthExample = monthExample.isEmpty() ? value : monthExample;
                break;
            case DateOrder::Auto:
                ambiguous = ambiguous || DateText::isAmbiguous(value);
                break;
            }
        }
    }
    QString how;
    if (dayFirst && !monthFirst) {
        dateOrder = DateOrder::DayFirst;
        how = QCoreApplication::translate("ColumnMapping",
                                          "read day-first: \"%1\" has a day above 12")
                  .arg(dayExample);
    } else if (monthFirst && !dayFirst) {
        dateOrder = DateOrder::MonthFirst;
        how = QCoreApplication::translate("ColumnMapping",
                                          "read month-first: \"%1\" has a day above 12")
                  .arg(monthExample);
    } else if (dayFirst && monthFirst) {
        dateOrder = DateOrder::Auto;
        how = QCoreApplication::translate(
                  "ColumnMapping", "dates in both orders (\"%1\", \"%2\"): each is read day-first "
                                   "unless its second number is above 12")
                  .arg(dayExample, monthExample);
    } else if (ambiguous || samples.isEmpty()) {
        for (const HeaderLayout &layout : HeaderLayout::all()) {
            if (layout.name != habitLayout || layout.dateHabit == HeaderLayout::DateHabit::None)
                continue;
            const bool byDay = layout.dateHabit == HeaderLayout::DateHabit::DayFirst;
            dateOrder = byDay ? DateOrder::DayFirst : DateOrder::MonthFirst;
            how = QCoreApplication::translate("ColumnMapping", "read %1, as %2 write dates")
                      .arg(byDay ? QCoreApplication::translate("ColumnMapping", "day-first")
                                 : QCoreApplication::translate("ColumnMapping", "month-first"),
                           displayLayout(layout.name));
        }
        if (how.isEmpty() && ambiguous)
            how = QCoreApplication::translate(
                "ColumnMapping", "read day-first: no date in the first rows has a number above 12");
    }
    if (how.isEmpty())
        return;
    for (Column &c : columns)
        if (isTime(c.target))
            c.note = c.note.isEmpty() ? how : c.note + QStringLiteral("; ") + how;
}

QString ColumnMapping::missingIdentity() const {
    static const QStringList identifying = {QStringLiteral("email"),
                                            QStringLiteral("first_name"),
                                            QStringLiteral("last_name"),
                                            QStringLiteral("company"),
                                            fullNameTarget(),
                                            customerInfoTarget()};
    for (const Column &c : columns)
        if (identifying.contains(c.target))
            return {};
    return QCoreApplication::translate(
        "ColumnMapping", "the header names none of Email, FirstName, LastName, Company, Name "
                         "or CustomerInfo (or email, first_name, last_name, company)");
}

QJsonObject ColumnMapping::toProfile(const QString &name) const {
    QJsonArray list;
    for (const Column &c : columns)
        list.append(QJsonObject{{QStringLiteral("header"), c.header},
                                {QStringLiteral("target"), c.target}});
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("dateOrder"), orderName(dateOrder)},
                       {QStringLiteral("columns"), list}};
}

ColumnMapping ColumnMapping::fromProfile(const QJsonObject &profile, const QStringList &header,
                                         QString *error) {
    const QString name = profile.value(QStringLiteral("name")).toString();
    ColumnMapping detected = detect(header);
    QStringList problems;
    const QJsonValue list = profile.value(QStringLiteral("columns"));
    if (!list.isArray())
        problems << QCoreApplication::translate("ColumnMapping", "profile \"%1\" has no columns")
                        .arg(name);
    QHash<QString, QString> targets; // header key → target
    QSet<QString> fileKeys;
    for (const QString &h : header)
        fileKeys.insert(HeaderLayout::key(h));
    for (const QJsonValue &v : list.toArray()) {
        const QString h = v.toObject().value(QStringLiteral("header")).toString();
        const QString target = v.toObject().value(QStringLiteral("target")).toString();
        if (!target.isEmpty() && !isTarget(target)) {
            problems << QCoreApplication::translate(
                            "ColumnMapping", "profile \"%1\": column \"%2\" has an unknown target "
                                             "\"%3\"")
                            .arg(name, h, target);
            continue;
        }
        const QString key = HeaderLayout::key(h);
        targets.insert(key, target);
        if (!target.isEmpty() && target != extraTarget() && !fileKeys.contains(key))
            problems << QCoreApplication::translate(
                            "ColumnMapping", "the file has no column \"%1\", which profile \"%2\" "
                                             "reads as %3")
                            .arg(h, name, target);
    }
    ColumnMapping m;
    m.layout = name;
    const QString order = profile.value(QStringLiteral("dateOrder")).toString();
    m.dateOrder = order == QLatin1String("day-first")     ? DateOrder::DayFirst
                  : order == QLatin1String("month-first") ? DateOrder::MonthFirst
                                                          : DateOrder::Auto;
    for (int i = 0; i < header.size(); ++i) {
        const auto it = targets.constFind(HeaderLayout::key(header.at(i)));
        if (it == targets.constEnd()) {
            // A column the profile has not seen: as detected, yielding to the profile's own.
            Column c = detected.columns.at(i);
            c.weak = true;
            c.note = QCoreApplication::translate("ColumnMapping", "not in profile \"%1\"%2")
                         .arg(name, c.note.isEmpty() ? QString() : QStringLiteral(": ") + c.note);
            m.columns << c;
        } else {
            Column c;
            c.header = header.at(i);
            c.target = *it;
            c.note = it->isEmpty()
                         ? QCoreApplication::translate("ColumnMapping", "ignored by profile \"%1\"")
                               .arg(name)
                         : QString();
            m.columns << c;
        }
    }
    m.resolveDuplicates();
    if (error)
        *error = problems.join(QStringLiteral("; "));
    return m;
}
