#pragma once

#include "../domain/stage.h"
#include "../domain/storefront.h"

#include <QString>

#include <optional>

// The words other CRMs use for Leadbench's values, both ways: lead status, rating and lead
// source. Exports write them so that a file imports there unmapped; imports read them back.
namespace CrmVocabulary {
enum class Crm { Salesforce, Dynamics, HubSpot };

// The CRM's lead status for a stage: Salesforce's "Lead Status" ("Open - Not Contacted"),
// Dynamics 365's "Status Reason" ("New"), HubSpot's "Lead Status" ("NEW").
QString statusOf(Crm crm, Stage stage);
// A stage from any CRM's status word, HubSpot's lifecycle stages, or Leadbench's own stage
// names (canonical or shown), case- and space-insensitively; nothing when the word is unknown.
std::optional<Stage> stageFromStatus(const QString &text);

// Salesforce's and Dynamics 365's rating for a grade: A → Hot, B → Warm, C and D → Cold;
// empty for no grade.
QString ratingOf(const QString &grade);
// A grade from a rating (Hot, Warm, Cold) or a grade letter; empty when unknown.
QString gradeFromRating(const QString &text);

// The lead source a CRM shows for a storefront: "AppSource", "Azure Marketplace",
// "Azure portal", "Other".
QString leadSourceOf(Storefront storefront);
// A storefront from a lead source word ("Azure Marketplace", "AzureMarketplace", "SPZA",
// "AppSource", "azure-portal", ...); nothing when it names none.
std::optional<Storefront> storefrontFromLeadSource(const QString &text);
} // namespace CrmVocabulary
