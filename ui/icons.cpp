#include "icons.h"

#include "core/analytics/actioncategories.h"

namespace Icons {

namespace {
QIcon named(const QString &name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}
QIcon named(const char *name) {
    return named(QLatin1String(name));
}
} // namespace

QIcon application() {
    return named("leadbench");
}

QIcon storefront(Storefront storefront) {
    switch (storefront) {
    case Storefront::AppSource:
        return named("appsource");
    case Storefront::AzureMarketplace:
        return named("azure-marketplace");
    case Storefront::AzurePortal:
        return named("azure-portal");
    case Storefront::Other:
        break;
    }
    return named("other");
}

QIcon stage(Stage stage) {
    return named(QStringLiteral("stage-") + Stages::canonicalName(stage));
}

QIcon action(const QString &code) {
    // A cross-listed partner's lead, to be informed and never contacted: the lead's own mark.
    if (code == QLatin1String("DNC"))
        return doNotContact();
    if (ActionCategories::of(code) == ActionCategories::other())
        return {};
    return named(QStringLiteral("action-") + code.toLower());
}

QIcon doNotContact() {
    return named("do-not-contact");
}

QIcon testLead() {
    return named("test-lead");
}

QIcon overdue() {
    return named("overdue");
}

} // namespace Icons
