#pragma once

#include <QList>

#include <vector>

// Fits an L2-regularised logistic regression on one-hot rows by Newton's method: the model has
// a few hundred weights at most, so the exact Hessian is cheap and it converges in a handful
// of passes over the rows, with no learning rate to tune.
class WinLogisticFit {
public:
    // The examples: row r has the active columns columns[rowStarts[r] .. rowStarts[r + 1]),
    // each worth 1; won[r] is its outcome.
    struct Rows {
        std::vector<int> columns;
        std::vector<qsizetype> rowStarts{0};
        std::vector<char> won;
        int columnCount = 0;

        void add(const std::vector<int> &active, bool outcome);
        qsizetype size() const { return qsizetype(won.size()); }
    };

    struct Result {
        QList<double> weights;
        double intercept = 0.0;
        int iterations = 0;
        bool converged = false;
    };

    // `l2` is the penalty on every weight (a Gaussian prior with variance 1/l2 on each log-odds
    // effect); the intercept is all but free.
    static Result fit(const Rows &rows, double l2, int maxIterations = 50);
};
