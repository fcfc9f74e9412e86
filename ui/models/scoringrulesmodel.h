#pragma once

#include "core/scoring/scoringrule.h"

#include <QAbstractTableModel>
#include <QList>

// The rules of a scoring model being edited, one per row: what a rep reads, what the rule
// looks at, and its points. Edits stay here until the dialog saves them as a new version.
class ScoringRulesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Condition, Points, ColumnCount };

    explicit ScoringRulesModel(QObject *parent = nullptr);

    void setRules(const QList<ScoringRule> &rules);
    const QList<ScoringRule> &rules() const { return m_rules; }
    // Adds a rule of `kind` with a starting value; returns its row.
    int addRule(RuleKind kind);
    void removeRule(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // What the rule looks at, as a person reads it ("Action is INS", "Fades over 90 days").
    static QString condition(const ScoringRule &rule);
    // The condition's editable part as text ("INS", "US, GB", "90").
    static QString conditionText(const ScoringRule &rule);
    // Sets the editable part from `text`; false with `error` naming what is wrong.
    static bool setConditionText(ScoringRule &rule, const QString &text, QString *error);

signals:
    // The rules changed: the preview is out of date.
    void edited();
    // An edit was refused, and why.
    void refused(const QString &message);

private:
    QList<ScoringRule> m_rules;
};
