#pragma once

#include "../domain/storefront.h"

#include <QList>
#include <QString>

// What demo leads are made of: the offers, people, companies, countries and job titles the
// generator draws from, each with its effect on how likely such a lead is to be won.
namespace DemoLeadVocabulary {

enum class OfferKind { SaaS, App, Consulting, VM, Container, ManagedApp };

struct Offer {
    QString id;
    QString title;
    OfferKind kind;
    Storefront home; // AppSource offers list there; Azure offers on Azure Marketplace and portal
    double appeal;   // how well the offer converts
};

extern const QList<Offer> offers;
extern const QList<QString> firstNames;
extern const QList<QString> lastNames;
extern const QList<QString> companyStems;
extern const QList<QString> companySuffixes;
// The regional arm a company name carries, by the customer's country.
QString regionFor(const QString &country);
extern const QList<QString> freeMail;
extern const QList<QString> universities;
struct Country {
    QString code;
    QString dial;
    double weight;
    double tier; // effect on conversion
};

extern const QList<Country> countries;
struct JobTitle {
    QString title;
    double weight;
    double seniority; // effect on conversion: buyers close, students do not
};

extern const QList<JobTitle> titles;
extern const QList<QString> owners;
// What a rep notes after a touch; the last one, "responded", means the person answered.
extern const QList<QString> touchOutcomes;
QString emailLocal(const QString &first, const QString &last);
QString domainOf(const QString &company);
double sigmoid(double x);

} // namespace DemoLeadVocabulary
