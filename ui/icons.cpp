#include "icons.h"

namespace Icons {

namespace {
QIcon named(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
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
