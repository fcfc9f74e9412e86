#pragma once

#include "core/io/leadimporter.h"

#include <QByteArray>

#include <atomic>
#include <functional>

class Database;

// Imports `csv` as the user "tester" would import a file named leads.csv holding it.
ImportSummary importText(const Database &db, const QByteArray &csv,
                         const std::atomic_bool *cancel = nullptr,
                         std::function<void(qint64, qint64)> progress = {});
