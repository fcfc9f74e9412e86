#pragma once

#include "core/scoring/winclosedlead.h"

#include <QList>

// Closed leads whose outcome depends on the title's seniority and the email's kind alone, with
// noise, closing an hour apart: the pattern a win model must find among features that do not
// matter (storefront, action, country, offer, phone, company).
namespace PlantedClosedLeads {
// `reversed` flips the planted effects: what wins in one set loses in the other.
QList<WinClosedLead> make(int count, quint32 seed, bool reversed = false, int firstHour = 0);
// The planted log-odds of winning.
double truth(const Lead &lead, bool reversed = false);
} // namespace PlantedClosedLeads
