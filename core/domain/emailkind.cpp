#include "emailkind.h"

#include <QSet>

namespace {

// The consumer mail services leads arrive with most, worldwide and in the publisher's markets.
const QSet<QString> &freeMailDomains() {
    static const QSet<QString> domains = {
        QStringLiteral("gmail.com"),      QStringLiteral("googlemail.com"),
        QStringLiteral("outlook.com"),    QStringLiteral("hotmail.com"),
        QStringLiteral("hotmail.co.uk"),  QStringLiteral("hotmail.fr"),
        QStringLiteral("hotmail.de"),     QStringLiteral("hotmail.nl"),
        QStringLiteral("live.com"),       QStringLiteral("live.nl"),
        QStringLiteral("msn.com"),        QStringLiteral("yahoo.com"),
        QStringLiteral("yahoo.co.uk"),    QStringLiteral("yahoo.fr"),
        QStringLiteral("ymail.com"),      QStringLiteral("icloud.com"),
        QStringLiteral("me.com"),         QStringLiteral("mac.com"),
        QStringLiteral("aol.com"),        QStringLiteral("proton.me"),
        QStringLiteral("protonmail.com"), QStringLiteral("gmx.de"),
        QStringLiteral("gmx.net"),        QStringLiteral("web.de"),
        QStringLiteral("t-online.de"),    QStringLiteral("mail.com"),
        QStringLiteral("zoho.com"),       QStringLiteral("yandex.ru"),
        QStringLiteral("mail.ru"),        QStringLiteral("qq.com"),
        QStringLiteral("163.com"),        QStringLiteral("126.com"),
        QStringLiteral("naver.com"),      QStringLiteral("orange.fr"),
        QStringLiteral("free.fr"),        QStringLiteral("laposte.net"),
        QStringLiteral("ziggo.nl"),       QStringLiteral("kpnmail.nl"),
        QStringLiteral("planet.nl"),      QStringLiteral("telenet.be"),
        QStringLiteral("skynet.be"),      QStringLiteral("libero.it"),
        QStringLiteral("rediffmail.com"), QStringLiteral("uol.com.br"),
        QStringLiteral("bol.com.br"),
    };
    return domains;
}

} // namespace

bool EmailKinds::isFreeMailDomain(const QString &domain) {
    return freeMailDomains().contains(domain.trimmed().toLower());
}

EmailKind EmailKinds::of(const QString &email) {
    const QString trimmed = email.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == trimmed.size() - 1)
        return EmailKind::Missing;
    return isFreeMailDomain(trimmed.mid(at + 1)) ? EmailKind::FreeMail : EmailKind::Corporate;
}

QString EmailKinds::canonicalName(EmailKind k) {
    switch (k) {
    case EmailKind::Corporate:
        return QStringLiteral("corporate");
    case EmailKind::FreeMail:
        return QStringLiteral("free-mail");
    case EmailKind::Missing:
        break;
    }
    return QStringLiteral("missing");
}

bool EmailKinds::fromCanonicalName(const QString &name, EmailKind *out) {
    for (EmailKind k : {EmailKind::Corporate, EmailKind::FreeMail, EmailKind::Missing}) {
        if (name == canonicalName(k)) {
            *out = k;
            return true;
        }
    }
    return false;
}
