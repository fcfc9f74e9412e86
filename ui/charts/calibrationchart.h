#pragma once

#include <QList>
#include <QWidget>

class QChartView;

// How well the win probability keeps its word: per decile of predicted probability, the mean
// prediction beside the share actually won, against the diagonal of a perfect model.
class CalibrationChart : public QWidget {
    Q_OBJECT
public:
    struct Bucket {
        double predicted = 0; // mean predicted probability, 0..1
        double actual = 0;    // share won, 0..1
        int count = 0;
    };

    explicit CalibrationChart(QWidget *parent = nullptr);
    // Empty buckets are left out; no buckets at all shows `emptyText` instead of a plot.
    void setBuckets(const QList<Bucket> &buckets, const QString &emptyText = QString());
    // The points drawn, for tests: (mean predicted, actual) in percent.
    QList<QPointF> plotted() const { return m_plotted; }

private:
    QChartView *m_view = nullptr;
    QList<QPointF> m_plotted;
};
