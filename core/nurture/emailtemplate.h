#pragma once

#include <QString>
#include <QUrl>

struct Lead;

// An email touch's subject and body with placeholders ({FirstName}, {Company}, {OfferTitle},
// {Storefront}, {Owner}), filled for one lead into a `mailto:` link the user's mail program
// opens.
struct EmailTemplate {
    QString subject;
    QString body;

    // The follow-up a rep sends after a marketplace lead.
    static EmailTemplate standard();
    // `text` with each placeholder replaced by the lead's value ("" when it has none); unknown
    // placeholders are left as written.
    static QString fill(const QString &text, const Lead &lead, const QString &owner);
    // mailto:<email>?subject=…&body=…, percent-encoded; an invalid URL and `refusal` set for a
    // do-not-contact lead or one without an email address.
    QUrl mailto(const Lead &lead, const QString &owner, QString *refusal) const;
};
