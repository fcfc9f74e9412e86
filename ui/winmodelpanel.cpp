#include "winmodelpanel.h"

#include "charts/calibrationchart.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/databasereader.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

WinModelPanel::WinModelPanel(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("winModelPanel"));
    setAccessibleName(tr("Win probability"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("The win probability is learned from this database's closed leads, won against lost. "
           "To see how far it can be trusted, it is trained on the older 80 % and tested on the "
           "newest 20 %: the leads it will be used on close after the ones it learned from."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_measure = new QPushButton(tr("&Measure now"));
    m_measure->setObjectName(QStringLiteral("measureWinModelButton"));
    m_measure->setAccessibleName(tr("Measure the win probability"));
    connect(m_measure, &QPushButton::clicked, this, &WinModelPanel::measure);
    layout->addWidget(m_measure, 0, Qt::AlignLeft);
    m_summary = new QLabel(tr("Not measured yet."));
    m_summary->setObjectName(QStringLiteral("winModelSummary"));
    m_summary->setAccessibleName(tr("How well the win probability predicts"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 4);
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_table->setTabKeyNavigation(false);
    m_table->setObjectName(QStringLiteral("calibrationTable"));
    m_table->setAccessibleName(tr("Calibration per tenth of the predictions"));
    m_table->setHorizontalHeaderLabels(
        {tr("Predicted"), tr("Leads"), tr("Mean predicted"), tr("Actually won")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table, 1);
    m_chart = new CalibrationChart;
    layout->addWidget(m_chart, 2);
}

WinModelPanel::~WinModelPanel() {
    m_reader.reset();
}

void WinModelPanel::measure() {
    if (m_measuring)
        return;
    m_measuring = true;
    m_measure->setEnabled(false);
    m_summary->setText(tr("Reading the closed leads and measuring…"));
    m_reader->post([this](const Database &db) {
        QElapsedTimer timer;
        timer.start();
        const WinTrainingResult r = WinModelTrainer(db).run();
        const qint64 ms = timer.elapsed();
        QMetaObject::invokeMethod(
            this, [this, r, ms] { showResult(r.evaluation, r.ok ? QString() : r.error, ms); },
            Qt::QueuedConnection);
        return r.ok;
    });
}

void WinModelPanel::showResult(const WinModelEvaluation &e, const QString &error, qint64 ms) {
    m_measuring = false;
    m_measure->setEnabled(true);
    m_evaluation = e;
    m_table->setRowCount(0);
    const QLocale locale;
    if (!error.isEmpty()) {
        m_summary->setText(tr("Could not measure: %1").arg(error.toHtmlEscaped()));
        m_chart->setBuckets({});
        emit measured();
        return;
    }
    if (!e.isReady()) {
        m_summary->setText(tr("<b>Not enough history.</b> %1 closed leads; the win probability "
                              "is given from %2 on. Until then no lead shows one.")
                               .arg(locale.toString(e.closed))
                               .arg(WinModelEvaluation::minimumClosed));
        m_chart->setBuckets({}, tr("Not enough closed leads yet"));
        emit measured();
        return;
    }
    const auto auc = [&](double value) {
        return std::isnan(value) ? tr("n/a") : locale.toString(value, 'f', 3);
    };
    m_summary->setText(
        tr("Tested on the newest %1 of %2 closed leads (%3 won), after learning from the %4 "
           "before them: <b>AUC %5</b> for the win probability, %6 for the rule score. An AUC "
           "of 0.5 is a coin toss, 1.0 a perfect ranking. Measured in %7 s.")
            .arg(locale.toString(e.tested), locale.toString(e.closed),
                 locale.toString(e.testedWins), locale.toString(e.trained), auc(e.auc),
                 auc(e.ruleAuc), locale.toString(double(ms) / 1000.0, 'f', 1)));
    QList<CalibrationChart::Bucket> buckets;
    m_table->setRowCount(int(e.calibration.size()));
    const auto percent = [&](double p) {
        return tr("%1 %").arg(locale.toString(p * 100.0, 'f', 1));
    };
    for (int row = 0; row < e.calibration.size(); ++row) {
        const WinCalibrationBucket &b = e.calibration.at(row);
        const QStringList cells = {tr("%1 – %2").arg(percent(b.lowest), percent(b.highest)),
                                   locale.toString(b.count), percent(b.meanPredicted),
                                   percent(b.winRate)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment((c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
        buckets << CalibrationChart::Bucket{b.meanPredicted, b.winRate, b.count};
    }
    m_chart->setBuckets(buckets);
    emit measured();
}
