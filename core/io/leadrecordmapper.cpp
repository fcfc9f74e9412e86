#include "leadrecordmapper.h"

#include "../domain/countrycodes.h"
#include "../domain/dedupkey.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "../domain/leadsource.h"
#include "../domain/personname.h"
#include "crmvocabulary.h"
#include "headerlayout.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QVariant>

namespace {

// Trimmed; a value Leadbench's own export neutralised ('=SUM(A1), '+31 20 …) loses the quote
// it got. Other text that looks like a formula stays as it is: it is only ever shown as text.
QString cellText(const QString &field) {
    QString v = field.trimmed();
    if (v.size() > 1 && v.at(0) == QLatin1Char('\'')) {
        switch (v.at(1).unicode()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            v.remove(0, 1);
            break;
        default:
            break;
        }
    }
    return v;
}

QString fieldError(const QString &header, const QString &problem) {
    return QCoreApplication::translate("LeadRecordMapper", "field %1: %2").arg(header, problem);
}

} // namespace

LeadRecordMapper::LeadRecordMapper(const ColumnMapping &mapping)
    : m_columns(int(mapping.columns.size()))
    , m_dateOrder(mapping.dateOrder) {
    static const QHash<QString, QString Lead::*> texts = {
        {QStringLiteral("offer_title"), &Lead::offerTitle},
        {QStringLiteral("first_name"), &Lead::firstName},
        {QStringLiteral("last_name"), &Lead::lastName},
        {QStringLiteral("phone"), &Lead::phone},
        {QStringLiteral("company"), &Lead::company},
        {QStringLiteral("title"), &Lead::title},
        {QStringLiteral("description"), &Lead::description},
        {QStringLiteral("owner"), &Lead::owner},
        {QStringLiteral("campaign"), &Lead::campaign},
        {QStringLiteral("email"), &Lead::email},
        {QStringLiteral("action"), &Lead::action},
        {QStringLiteral("offer_id"), &Lead::offerId},
    };
    QList<Setter> first, middle, last;
    for (int i = 0; i < mapping.columns.size(); ++i) {
        const ColumnMapping::Column &c = mapping.columns.at(i);
        Setter s;
        s.at = i;
        s.header = c.header;
        s.column = c.target;
        s.text = texts.value(c.target, nullptr);
        const QString &t = c.target;
        if (t.isEmpty())
            continue;
        if (t == ColumnMapping::leadSourceTarget() || t == ColumnMapping::customerInfoTarget() ||
            t == ColumnMapping::fullNameTarget()) {
            s.kind = t == ColumnMapping::leadSourceTarget()     ? Kind::LeadSource
                     : t == ColumnMapping::customerInfoTarget() ? Kind::CustomerInfo
                                                                : Kind::FullName;
            first << s;
            continue;
        }
        if (t == ColumnMapping::namePrefixTarget()) {
            s.kind = Kind::NamePrefix;
            last << s;
            continue;
        }
        if (t == ColumnMapping::extraTarget())
            s.kind = Kind::Extra;
        else if (t == QLatin1String("email"))
            s.kind = Kind::Email;
        else if (t == QLatin1String("action"))
            s.kind = Kind::Action;
        else if (t == QLatin1String("offer_id"))
            s.kind = Kind::OfferId;
        else if (s.text)
            s.kind = Kind::Text;
        else if (t == QLatin1String("storefront"))
            s.kind = Kind::Storefront;
        else if (t == QLatin1String("stage"))
            s.kind = Kind::Stage;
        else if (t == QLatin1String("grade"))
            s.kind = Kind::Grade;
        else if (t == QLatin1String("country"))
            s.kind = Kind::Country;
        else if (t == QLatin1String("created_at") || t == QLatin1String("last_event_at") ||
                 t == QLatin1String("next_follow_up_at")) {
            s.kind = Kind::Time;
            s.time = t == QLatin1String("created_at")      ? &Lead::createdAt
                     : t == QLatin1String("last_event_at") ? &Lead::lastEventAt
                                                           : &Lead::nextFollowUpAt;
        } else if (t == QLatin1String("is_test") || t == QLatin1String("do_not_contact")) {
            s.kind = Kind::Flag;
            const bool test = t == QLatin1String("is_test");
            s.flag = test ? &Lead::isTest : &Lead::doNotContact;
            (test ? m_testAt : m_doNotContactAt) = i;
        } else {
            s.kind = Kind::Parsed;
        }
        middle << s;
    }
    m_setters = first + middle + last;
}

void LeadRecordMapper::setCountry(const QString &header, const QString &value,
                                  MappedRecord &r) const {
    const QString code = CountryCodes::fromText(value);
    if (!code.isEmpty()) {
        r.lead.country = code;
        return;
    }
    r.warnings << fieldError(
        header, QCoreApplication::translate("LeadRecordMapper",
                                            "\"%1\" is not a country; the country is left "
                                            "empty and the text kept as an extra field")
                    .arg(value));
    r.extra.insert(header, value);
}

bool LeadRecordMapper::setCustomerInfo(const Setter &s, const QString &value,
                                       MappedRecord &r) const {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8(), &parseError);
    if (!doc.isObject()) {
        r.error =
            fieldError(s.header, QCoreApplication::translate("LeadRecordMapper",
                                                             "\"%1\" is not JSON customer details "
                                                             "({\"FirstName\": …, \"Email\": …})")
                                     .arg(value));
        return false;
    }
    QJsonObject details = doc.object();
    if (details.value(QLatin1String("UserDetails")).isObject())
        details = details.value(QLatin1String("UserDetails")).toObject();
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        const QString key = HeaderLayout::key(it.key());
        const QString text =
            (it.value().isString() ? it.value().toString() : it.value().toVariant().toString())
                .trimmed();
        if (text.isEmpty())
            continue;
        const QString field = s.header + QLatin1Char('.') + it.key();
        if (key == QLatin1String("firstname"))
            r.lead.firstName = text;
        else if (key == QLatin1String("lastname"))
            r.lead.lastName = text;
        else if (key == QLatin1String("phone"))
            r.lead.phone = text;
        else if (key == QLatin1String("company"))
            r.lead.company = text;
        else if (key == QLatin1String("title"))
            r.lead.title = text;
        else if (key == QLatin1String("country"))
            setCountry(field, text, r);
        else if (key == QLatin1String("email")) {
            if (!text.contains(QLatin1Char('@'))) {
                r.error =
                    fieldError(field, QCoreApplication::translate("LeadRecordMapper",
                                                                  "\"%1\" is not an email address")
                                          .arg(text));
                return false;
            }
            r.lead.email = text;
        }
    }
    return true;
}

bool LeadRecordMapper::apply(const Setter &s, const QString &v, MappedRecord &r) const {
    Lead &lead = r.lead;
    switch (s.kind) {
    case Kind::Text:
        lead.*s.text = v;
        return true;
    case Kind::Email:
        if (!v.contains(QLatin1Char('@'))) {
            r.error = fieldError(s.header, QCoreApplication::translate(
                                               "LeadRecordMapper", "\"%1\" is not an email address")
                                               .arg(v));
            return false;
        }
        lead.email = v;
        return true;
    case Kind::Action:
    case Kind::OfferId:
        if ((lead.*s.text).isEmpty())
            lead.*s.text = v;
        return true;
    case Kind::Storefront: {
        Storefront storefront = Storefront::Other;
        if (Storefronts::fromCanonicalName(v, &storefront)) {
            lead.storefront = storefront;
        } else if (const auto named = CrmVocabulary::storefrontFromLeadSource(v)) {
            lead.storefront = *named;
        } else if (const LeadSource source = LeadSource::parse(v); source.wellFormed) {
            // A CRM that passed the marketplace's LeadSource on as its own lead source.
            if (r.event.leadSource.isEmpty())
                r.event.leadSource = v;
            lead.storefront = source.storefront;
            if (lead.action.isEmpty())
                lead.action = source.action;
            if (lead.offerId.isEmpty())
                lead.offerId = source.offerId;
        } else {
            // Web, Trade Show, Partner Referral: where the lead came from, just no storefront.
            r.extra.insert(s.header, v);
        }
        return true;
    }
    case Kind::Stage:
        if (const auto stage = CrmVocabulary::stageFromStatus(v)) {
            lead.stage = *stage;
        } else {
            r.warnings << fieldError(
                s.header,
                QCoreApplication::translate("LeadRecordMapper", "\"%1\" is not a stage Leadbench "
                                                                "knows; the lead stays new and the "
                                                                "text is kept as an extra field")
                    .arg(v));
            r.extra.insert(s.header, v);
        }
        return true;
    case Kind::Grade: {
        const QString grade = CrmVocabulary::gradeFromRating(v);
        if (!grade.isEmpty()) {
            lead.grade = grade;
        } else {
            r.warnings << fieldError(s.header,
                                     QCoreApplication::translate("LeadRecordMapper",
                                                                 "\"%1\" is not a rating (Hot, "
                                                                 "Warm, Cold) or a grade (A to D); "
                                                                 "the text is kept as an extra "
                                                                 "field")
                                         .arg(v));
            r.extra.insert(s.header, v);
        }
        return true;
    }
    case Kind::Country:
        setCountry(s.header, v, r);
        return true;
    case Kind::Time: {
        const QDateTime when = DateText::parse(v, m_dateOrder);
        if (!when.isValid()) {
            r.error = fieldError(
                s.header,
                QCoreApplication::translate("LeadRecordMapper", "\"%1\" is not a date").arg(v));
            return false;
        }
        lead.*s.time = when;
        return true;
    }
    case Kind::Flag: {
        const QString l = v.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes") ||
            l == QLatin1String("ja"))
            lead.*s.flag = true;
        else if (l == QLatin1String("false") || l == QLatin1String("0") ||
                 l == QLatin1String("no") || l == QLatin1String("nee"))
            lead.*s.flag = false;
        else {
            r.error = fieldError(s.header, QCoreApplication::translate(
                                               "LeadRecordMapper", "\"%1\" is not true or false")
                                               .arg(v));
            return false;
        }
        return true;
    }
    case Kind::Parsed: {
        QVariant value;
        const QString problem = LeadColumns::parse(s.column, v, &value);
        if (!problem.isEmpty() || !LeadColumns::setValue(lead, s.column, value)) {
            r.error = fieldError(
                s.header, problem.isEmpty() ? QCoreApplication::translate(
                                                  "LeadRecordMapper", "\"%1\" is not a value of %2")
                                                  .arg(v, s.column)
                                            : problem);
            return false;
        }
        return true;
    }
    case Kind::LeadSource: {
        const LeadSource source = LeadSource::parse(v);
        r.event.leadSource = v;
        lead.storefront = source.storefront;
        lead.action = source.action;
        lead.offerId = source.offerId;
        return true;
    }
    case Kind::CustomerInfo:
        return setCustomerInfo(s, v, r);
    case Kind::FullName: {
        const PersonName name = PersonName::split(v);
        lead.firstName = name.first;
        lead.lastName = name.last;
        return true;
    }
    case Kind::NamePrefix:
        lead.lastName = lead.lastName.isEmpty() ? v : v + QLatin1Char(' ') + lead.lastName;
        return true;
    case Kind::Extra:
        r.extra.insert(s.header, v);
        return true;
    }
    return true;
}

IntakeRecord MappedRecord::toIntake() const {
    Lead withExtra = lead;
    withExtra.extraFields = extra;
    return IntakeRecord::of(std::move(withExtra));
}

MappedRecord LeadRecordMapper::map(const QStringList &fields) const {
    MappedRecord r;
    r.event.channel = QStringLiteral("import");
    if (fields.size() != m_columns) {
        r.error =
            QCoreApplication::translate("LeadRecordMapper", "has %1 fields, the header has %2")
                .arg(fields.size())
                .arg(m_columns);
        return r;
    }
    for (const Setter &s : m_setters) {
        const QString value = cellText(fields.at(s.at));
        if (!value.isEmpty() && !apply(s, value, r))
            return r;
    }
    Lead &lead = r.lead;
    if (DedupKey::of(lead).isEmpty()) { // punctuation alone identifies nobody either
        r.error = QCoreApplication::translate(
            "LeadRecordMapper", "no email, no name and no company: nothing identifies the "
                                "customer");
        return r;
    }
    r.event.occurredAt = lead.createdAt;
    r.event.storefront = lead.storefront;
    r.event.action = lead.action;
    r.event.offerTitle = lead.offerTitle;
    r.event.description = lead.description;
    const bool statedTest = lead.isTest;
    const bool statedDoNotContact = lead.doNotContact;
    LeadClassifier::classify(lead);
    // Flags a file states (Leadbench's own export) win over what the fields suggest: a person
    // may have cleared do_not_contact, or marked a lead as a test by hand.
    auto stated = [&fields](int at) { return at >= 0 && !fields.at(at).trimmed().isEmpty(); };
    if (stated(m_testAt))
        lead.isTest = statedTest;
    if (stated(m_doNotContactAt))
        lead.doNotContact = statedDoNotContact;
    return r;
}
