#pragma once

#include "core/domain/stage.h"
#include "core/domain/storefront.h"

#include <QIcon>
#include <QString>

// The program's SVG icons (resources/icons), by what they stand for.
namespace Icons {
QIcon application();
QIcon storefront(Storefront storefront);
QIcon stage(Stage stage);
// A marketplace action code's icon (INS, PLT, DNC, Create, StartTestDrive); none for other codes,
// which are shown as their text alone.
QIcon action(const QString &code);
QIcon doNotContact();
QIcon testLead();
QIcon overdue();
} // namespace Icons
