#pragma once

#include "core/domain/storefront.h"

#include <QIcon>

// The program's SVG icons (resources/icons), by what they stand for.
namespace Icons {
QIcon application();
QIcon storefront(Storefront storefront);
QIcon doNotContact();
QIcon testLead();
QIcon overdue();
} // namespace Icons
