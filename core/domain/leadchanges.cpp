#include "leadchanges.h"

#include "dedupkey.h"
#include "lead.h"
#include "leadclassifier.h"
#include "leadcolumns.h"

#include <QCoreApplication>

LeadChanges &LeadChanges::set(const QString &column, const QVariant &value) {
    for (auto &entry : m_values) {
        if (entry.first == column) {
            entry.second = value;
            return *this;
        }
    }
    m_values.append({column, value});
    return *this;
}

LeadChanges &LeadChanges::setNote(const QString &text) {
    m_note = text;
    return *this;
}

LeadChanges &LeadChanges::setTouch(const Touch &touch) {
    m_touch = touch;
    return *this;
}

LeadChanges &LeadChanges::setPlan(const FollowUpPlan &plan) {
    m_plan = plan;
    return *this;
}

LeadChanges &LeadChanges::setFollowUpKind(const QString &kind) {
    m_followUpKind = kind.trimmed().toLower();
    return *this;
}

QStringList LeadChanges::columns() const {
    QStringList out;
    for (const auto &entry : m_values)
        out << entry.first;
    return out;
}

QVariant LeadChanges::value(const QString &column) const {
    for (const auto &entry : m_values) {
        if (entry.first == column)
            return entry.second;
    }
    return {};
}

bool LeadChanges::isEditable(const QString &column) {
    static const QStringList fixed = {QStringLiteral("id"), QStringLiteral("created_at"),
                                      QStringLiteral("last_event_at"), QStringLiteral("events")};
    return LeadColumns::isKnown(column) && !fixed.contains(column);
}

QString LeadChanges::applyTo(Lead &lead) const {
    Lead changed = lead;
    for (const auto &[column, raw] : m_values) {
        if (!LeadColumns::isKnown(column))
            return QCoreApplication::translate("LeadChanges", "%1: no such column").arg(column);
        if (!isEditable(column))
            return QCoreApplication::translate("LeadChanges",
                                               "%1: set by Leadbench, it cannot be changed")
                .arg(column);
        const QString text = raw.typeId() == QMetaType::QDateTime
                                 ? LeadColumns::isoUtc(raw.toDateTime())
                                 : LeadColumns::valueText(raw);
        QVariant value;
        const QString problem = LeadColumns::parse(column, text, &value);
        if (!problem.isEmpty())
            //: A column's name as written, then what is wrong with its value.
            return QCoreApplication::translate("LeadChanges", "%1: %2").arg(column, problem);
        if (column == QLatin1String("country")) {
            const QString code = value.toString().trimmed().toUpper();
            const bool letters = code.size() == 2 && code.at(0).isLetter() &&
                                 code.at(1).isLetter() && code.at(0).unicode() < 128 &&
                                 code.at(1).unicode() < 128;
            if (!code.isEmpty() && !letters)
                return QCoreApplication::translate(
                           "LeadChanges", "country: \"%1\" is not an ISO 3166 two-letter code")
                    .arg(text);
            value = code;
        }
        LeadColumns::setValue(changed, column, value);
    }
    if ((columns().contains(QStringLiteral("disqualify_reason")) ||
         columns().contains(QStringLiteral("disqualify_note"))) &&
        changed.disqualifyReason == QLatin1String("other") &&
        changed.disqualifyNote.trimmed().isEmpty())
        return QCoreApplication::translate(
            "LeadChanges", "disqualify_note: reason \"other\" needs a text saying why");
    if (DedupKey::of(changed).isEmpty())
        return QCoreApplication::translate("LeadChanges",
                                           "a lead needs an email, a name or a company");
    changed.privacyRestricted = LeadClassifier::isPrivacyRestricted(changed.email);
    lead = changed;
    return {};
}
