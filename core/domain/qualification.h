#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

// A lead's qualification checklist: which prerequisites are ticked, by whom and when. Stored
// as compact JSON text, item → {"by", "at"}, so that a change to it is one column's change.
class Qualification {
public:
    struct Tick {
        QString by;
        QDateTime at; // UTC
        bool operator==(const Tick &other) const = default;
    };

    bool isEmpty() const { return m_ticks.isEmpty(); }
    bool isTicked(const QString &item) const { return m_ticks.contains(item); }
    // Who ticked `item` and when; an empty tick when it is not ticked.
    Tick tickOf(const QString &item) const { return m_ticks.value(item); }
    QStringList items() const { return m_ticks.keys(); } // the ticked items, sorted

    // Ticks `item`; one already ticked keeps who ticked it first and when.
    void tick(const QString &item, const QString &by, const QDateTime &at);
    void untick(const QString &item);

    // Compact JSON with the items in order; "" when nothing is ticked.
    QString toText() const;
    // Reads toText()'s form; false with the problem (naming the item and the value) otherwise.
    // Empty text is an empty checklist.
    static bool fromText(const QString &text, Qualification *out, QString *error);
    // An item name: 1 to 40 lower-case letters, digits, - or _ ("budget", "security-review").
    static bool isItemName(const QString &item);

    bool operator==(const Qualification &other) const = default;

private:
    QMap<QString, Tick> m_ticks;
};
