#include "emailtemplate.h"

#include "../domain/lead.h"

#include <QCoreApplication>

EmailTemplate EmailTemplate::standard() {
    return {QStringLiteral("{OfferTitle}: following up on your request"),
            QStringLiteral("Hello {FirstName},\n\nthank you for your interest in {OfferTitle} on "
                           "{Storefront}. Could we find half an hour to see how it would work "
                           "for {Company}?\n\nBest regards,\n{Owner}")};
}

QString EmailTemplate::fill(const QString &text, const Lead &lead, const QString &owner) {
    QString out = text;
    const std::pair<const char *, QString> values[] = {
        {"{FirstName}", lead.firstName},
        {"{Company}", lead.company},
        {"{OfferTitle}", lead.offerTitle.isEmpty() ? lead.offerId : lead.offerTitle},
        {"{Storefront}", Storefronts::displayName(lead.storefront)},
        {"{Owner}", owner},
    };
    for (const auto &[placeholder, value] : values)
        out.replace(QLatin1String(placeholder), value);
    return out;
}

QUrl EmailTemplate::mailto(const Lead &lead, const QString &owner, QString *refusal) const {
    if (lead.doNotContact) {
        *refusal = QCoreApplication::translate("EmailTemplate",
                                               "lead %1 is do-not-contact: no email can be sent")
                       .arg(lead.id);
        return {};
    }
    if (lead.email.trimmed().isEmpty()) {
        *refusal = QCoreApplication::translate("EmailTemplate", "lead %1 has no email address")
                       .arg(lead.id);
        return {};
    }
    const auto encoded = [](const QString &text, const QByteArray &keep = {}) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text, keep));
    };
    return QUrl(QStringLiteral("mailto:%1?subject=%2&body=%3")
                    .arg(encoded(lead.email.trimmed(), "@"), encoded(fill(subject, lead, owner)),
                         encoded(fill(body, lead, owner))),
                QUrl::StrictMode);
}
