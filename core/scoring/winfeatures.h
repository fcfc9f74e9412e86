#pragma once
// Scoring: how likely a lead is to be won, learned from the database's own closed leads.

#include <QList>
#include <QString>
#include <QStringList>

struct Lead;

// One categorical fact about a lead that the win model weighs.
struct WinFeature {
    QString key;  // "group:value", e.g. "seniority:director"; what a stored model is keyed by
    QString name; // what a rep reads: "Director", "Corporate email", "Country NL"
};

// The facts about a lead that the win model learns from: one value per group (storefront,
// action, engagement, offer, country, seniority, email kind, phone, company), so that every
// lead has exactly one feature of every group.
namespace WinFeatures {
const QStringList &groups();
// One feature per group, in groups() order.
QList<WinFeature> of(const Lead &lead);
// The keys of of(), without building the names: what training reads for every closed lead.
QStringList keysOf(const Lead &lead);
QString groupOf(const QString &key); // "offer" for "offer:contoso.crm"
// The key values of a group share when each is too rare to be learned on its own.
QString pooledKey(const QString &group); // "offer:*"
bool isPooled(const QString &key);
} // namespace WinFeatures
