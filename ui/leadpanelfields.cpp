// How the lead panel names stored columns and shows their values, in words a translation reaches.
#include "leadpanel.h"

#include "core/domain/leadcolumns.h"
#include "core/domain/stage.h"
#include "core/domain/storefront.h"

#include <QHash>
#include <QLocale>

#include <utility>

QString LeadPanel::shownValue(const QString &column, const QVariant &value) {
    const QString text = LeadColumns::valueText(value);
    if (text.isEmpty())
        return tr("none");
    switch (LeadColumns::type(column)) {
    case LeadColumns::Type::Stage: {
        Stage stage;
        return Stages::fromCanonicalName(text, &stage) ? Stages::displayName(stage) : text;
    }
    case LeadColumns::Type::Storefront: {
        Storefront storefront;
        return Storefronts::fromCanonicalName(text, &storefront)
                   ? Storefronts::displayName(storefront)
                   : text;
    }
    case LeadColumns::Type::Time: {
        const QDateTime when = LeadColumns::parseIsoUtc(text);
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : text;
    }
    case LeadColumns::Type::Flag:
        return value.toBool() ? tr("yes") : tr("no");
    default:
        return text;
    }
}

QString LeadPanel::fieldName(const QString &column) {
    // The stored columns by name, in words a translation can reach; any other column as its
    // name reads.
    static const QHash<QString, const char *> known = [] {
        const std::pair<const char *, const char *> pairs[] = {
            {"id", QT_TRANSLATE_NOOP("LeadPanel", "id")},
            {"storefront", QT_TRANSLATE_NOOP("LeadPanel", "storefront")},
            {"action", QT_TRANSLATE_NOOP("LeadPanel", "action")},
            {"offer_id", QT_TRANSLATE_NOOP("LeadPanel", "offer id")},
            {"offer_title", QT_TRANSLATE_NOOP("LeadPanel", "offer title")},
            {"first_name", QT_TRANSLATE_NOOP("LeadPanel", "first name")},
            {"last_name", QT_TRANSLATE_NOOP("LeadPanel", "last name")},
            {"email", QT_TRANSLATE_NOOP("LeadPanel", "email")},
            {"phone", QT_TRANSLATE_NOOP("LeadPanel", "phone")},
            {"country", QT_TRANSLATE_NOOP("LeadPanel", "country")},
            {"company", QT_TRANSLATE_NOOP("LeadPanel", "company")},
            {"title", QT_TRANSLATE_NOOP("LeadPanel", "title")},
            {"description", QT_TRANSLATE_NOOP("LeadPanel", "description")},
            {"created_at", QT_TRANSLATE_NOOP("LeadPanel", "created")},
            {"last_event_at", QT_TRANSLATE_NOOP("LeadPanel", "last event")},
            {"events", QT_TRANSLATE_NOOP("LeadPanel", "events")},
            {"stage", QT_TRANSLATE_NOOP("LeadPanel", "stage")},
            {"owner", QT_TRANSLATE_NOOP("LeadPanel", "owner")},
            {"score", QT_TRANSLATE_NOOP("LeadPanel", "score")},
            {"grade", QT_TRANSLATE_NOOP("LeadPanel", "grade")},
            {"win_probability", QT_TRANSLATE_NOOP("LeadPanel", "win probability")},
            {"next_follow_up_at", QT_TRANSLATE_NOOP("LeadPanel", "next follow up")},
            {"follow_ups", QT_TRANSLATE_NOOP("LeadPanel", "follow ups")},
            {"do_not_contact", QT_TRANSLATE_NOOP("LeadPanel", "do not contact")},
            {"is_test", QT_TRANSLATE_NOOP("LeadPanel", "is test")},
            {"campaign", QT_TRANSLATE_NOOP("LeadPanel", "campaign")},
            {"origin", QT_TRANSLATE_NOOP("LeadPanel", "origin")},
            {"privacy_restricted", QT_TRANSLATE_NOOP("LeadPanel", "privacy restricted")},
            {"version", QT_TRANSLATE_NOOP("LeadPanel", "version")},
            {"qualification", QT_TRANSLATE_NOOP("LeadPanel", "qualification")},
            {"opportunity_value", QT_TRANSLATE_NOOP("LeadPanel", "opportunity value")},
            {"opportunity_currency", QT_TRANSLATE_NOOP("LeadPanel", "opportunity currency")},
            {"expected_close_at", QT_TRANSLATE_NOOP("LeadPanel", "expected close")},
            {"destination", QT_TRANSLATE_NOOP("LeadPanel", "destination")},
            {"disqualify_reason", QT_TRANSLATE_NOOP("LeadPanel", "disqualify reason")},
            {"disqualify_note", QT_TRANSLATE_NOOP("LeadPanel", "disqualify note")},
        };
        QHash<QString, const char *> byColumn;
        for (const auto &[column, words] : pairs)
            byColumn.insert(QString::fromLatin1(column), words);
        return byColumn;
    }();
    if (const char *words = known.value(column))
        return tr(words);
    QString name = column;
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (name.endsWith(QLatin1String(" at")))
        name.chop(3);
    return name;
}
