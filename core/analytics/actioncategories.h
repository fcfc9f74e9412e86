#pragma once
// Analytics: the numbers behind the charts, as plain values, from core/storage's aggregations.

#include <QStringList>

// The marketplace actions a chart shows apart; every other code is "other".
namespace ActionCategories {
// INS, PLT, StartTestDrive, Create, DNC, other: the order of every chart's stacks.
QStringList all();
// The category of a stored action code: itself when it is one of the five, else "other".
QString of(const QString &action);
// The five codes "other" leaves out.
QStringList knownCodes();
QString other();
} // namespace ActionCategories
