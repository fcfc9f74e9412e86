#pragma once

#include "core/scoring/winmodelevaluation.h"
#include "core/storage/database.h"

#include <QWidget>

#include <memory>

class CalibrationChart;
class DatabaseReader;
class QLabel;
class QPushButton;
class QTableWidget;

// The Scoring dialog's Win probability page: how well the probability learned from this
// database's closed leads predicts the newest of them (AUC beside the rule score's, and a
// calibration table with its plot), or that there is not enough history yet.
class WinModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit WinModelPanel(const Database &db, QWidget *parent = nullptr);
    ~WinModelPanel() override;

    // Reads the closed leads and measures the model on a thread of its own.
    void measure();
    bool isMeasuring() const { return m_measuring; }
    const WinModelEvaluation &evaluation() const { return m_evaluation; }

signals:
    void measured();

private:
    void showResult(const WinModelEvaluation &evaluation, const QString &error,
                    qint64 milliseconds);

    QPushButton *m_measure = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    CalibrationChart *m_chart = nullptr;
    WinModelEvaluation m_evaluation;
    bool m_measuring = false;
    // Ended first in the destructor: its jobs report to this widget.
    std::unique_ptr<DatabaseReader> m_reader;
};
