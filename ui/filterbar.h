#pragma once

#include "core/storage/database.h"
#include "core/storage/leadfilter.h"

#include <QWidget>

#include <memory>

class DatabaseReader;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

// The filters above the lead table: a search box that searches as the user types, the
// choices beside it, and a chip per active filter that removes it. The storefront is not
// its business: the window combines it with the queue chosen on the left.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    // How long typing must pause before a search starts: long enough that a word typed at
    // speed is one search, short enough to feel immediate.
    static constexpr int SearchDelayMs = 250;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    // The filter the bar shows (no storefront).
    LeadFilter filter() const;
    // Shows `filter` (its storefront ignored) and emits filterChanged when that is a change.
    void setFilter(const LeadFilter &filter);
    // The active filters in words, "Stage: New · Owner: sam"; empty when none.
    QString summary() const;
    bool hasActiveFilters() const;
    // The first-touch target "Past first-touch SLA" filters by (SlaReport); 24 hours until told.
    void setSlaTargetHours(int hours);
    // Who "me" is in the owner choices.
    void setUserName(const QString &name);
    // Offers the owners and offers stored in `db` as choices, read on a thread of the bar's
    // own; anything may still be typed.
    void loadChoices(const Database &db);

public slots:
    void focusSearch();
    void clearFilters();
    // Shows that a search or count is running.
    void setSearching(bool searching);

signals:
    void filterChanged(const LeadFilter &filter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The origins a lead can have, and how the bar names them.
    static QStringList origins();
    static QString originName(const QString &origin);
    struct Chip {
        QString key;
        QString text;
    };
    QList<Chip> chips() const;
    void removeFilter(const QString &key);
    // A widget changed m_filter: chips follow, and filterChanged when it is a change.
    void changed();
    void rebuildChips();
    // Sets every widget from m_filter without taking their signals for the user's.
    void showFilter();
    void searchEdited();
    void textChoiceEdited(QComboBox *box, QString LeadFilter::*field);
    void choicesArrived(const QStringList &owners, const QStringList &offers);

    QLineEdit *m_search = nullptr;
    QComboBox *m_stage = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_offer = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_grade = nullptr;
    QComboBox *m_origin = nullptr;
    QComboBox *m_destination = nullptr;
    QSpinBox *m_minScore = nullptr;
    QDateEdit *m_since = nullptr;
    QDateEdit *m_until = nullptr;
    QCheckBox *m_includeTest = nullptr;
    QCheckBox *m_pastSla = nullptr;
    int m_slaHours = 24;
    QLabel *m_searching = nullptr;
    QWidget *m_chipRow = nullptr;
    QHBoxLayout *m_chipLayout = nullptr;
    QTimer *m_searchDelay = nullptr;
    // What the bar stands for. Kept whole rather than read back from the widgets, so that
    // values only a saved view sets (do-not-contact, due, an exact time) survive unchanged.
    LeadFilter m_filter;
    LeadFilter m_emitted;
    // While widgets are set from a filter, their change signals are not the user's.
    bool m_showing = false;
    QString m_userName;
    // Ended first thing in the destructor: its jobs call back into the bar.
    std::unique_ptr<DatabaseReader> m_reader;
};
