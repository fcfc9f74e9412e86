#include "winlogisticfit.h"

#include <algorithm>
#include <cmath>

namespace {

// Keeps the intercept finite when every example has the same outcome, without moving it
// noticeably otherwise.
constexpr double interceptPenalty = 1e-4;

// log(1 + e^x) without overflow.
double softplus(double x) {
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

double sigmoid(double x) {
    return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
}

// The unknowns: the weights, then the intercept in the last slot.
double linear(const WinLogisticFit::Rows &rows, qsizetype r, const std::vector<double> &beta) {
    double eta = beta.back();
    for (qsizetype i = rows.rowStarts[r]; i < rows.rowStarts[r + 1]; ++i)
        eta += beta[rows.columns[i]];
    return eta;
}

double penalisedLoss(const WinLogisticFit::Rows &rows, const std::vector<double> &beta, double l2) {
    double loss = 0.0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const double eta = linear(rows, r, beta);
        loss += softplus(eta) - (rows.won[r] ? eta : 0.0);
    }
    double squares = 0.0;
    for (size_t j = 0; j + 1 < beta.size(); ++j)
        squares += beta[j] * beta[j];
    return loss + 0.5 * l2 * squares + 0.5 * interceptPenalty * beta.back() * beta.back();
}

// Solves h x = g in place (g becomes x) for a symmetric positive definite h (n by n, row-major),
// by Cholesky; false when h is not positive definite.
bool solve(std::vector<double> &h, std::vector<double> &g, size_t n) {
    for (size_t j = 0; j < n; ++j) {
        double d = h[j * n + j];
        for (size_t k = 0; k < j; ++k)
            d -= h[j * n + k] * h[j * n + k];
        if (!(d > 0.0))
            return false;
        d = std::sqrt(d);
        h[j * n + j] = d;
        for (size_t i = j + 1; i < n; ++i) {
            double s = h[i * n + j];
            for (size_t k = 0; k < j; ++k)
                s -= h[i * n + k] * h[j * n + k];
            h[i * n + j] = s / d;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        double s = g[i];
        for (size_t k = 0; k < i; ++k)
            s -= h[i * n + k] * g[k];
        g[i] = s / h[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
        double s = g[i];
        for (size_t k = i + 1; k < n; ++k)
            s -= h[k * n + i] * g[k];
        g[i] = s / h[i * n + i];
    }
    return true;
}

} // namespace

void WinLogisticFit::Rows::add(const std::vector<int> &active, bool outcome) {
    for (int c : active) {
        columns.push_back(c);
        columnCount = std::max(columnCount, c + 1);
    }
    rowStarts.push_back(qsizetype(columns.size()));
    won.push_back(outcome ? 1 : 0);
}

WinLogisticFit::Result WinLogisticFit::fit(const Rows &rows, double l2, int maxIterations) {
    const size_t n = size_t(rows.columnCount) + 1;
    const size_t bias = n - 1;
    std::vector<double> beta(n, 0.0);
    std::vector<double> gradient(n), hessian(n * n);
    std::vector<int> active;
    Result result;
    double loss = penalisedLoss(rows, beta, l2);
    for (int iteration = 1; iteration <= maxIterations; ++iteration) {
        result.iterations = iteration;
        std::fill(gradient.begin(), gradient.end(), 0.0);
        std::fill(hessian.begin(), hessian.end(), 0.0);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const double p = sigmoid(linear(rows, r, beta));
            const double residual = p - (rows.won[r] ? 1.0 : 0.0);
            const double w = p * (1.0 - p);
            active.assign(rows.columns.begin() + rows.rowStarts[r],
                          rows.columns.begin() + rows.rowStarts[r + 1]);
            active.push_back(int(bias));
            // Only the lower triangle: the solver reads no more.
            for (size_t a = 0; a < active.size(); ++a) {
                const size_t i = size_t(active[a]);
                gradient[i] += residual;
                for (size_t b = 0; b < active.size(); ++b) {
                    const size_t j = size_t(active[b]);
                    if (j <= i)
                        hessian[i * n + j] += w;
                }
            }
        }
        for (size_t j = 0; j < n; ++j) {
            const double penalty = j == bias ? interceptPenalty : l2;
            gradient[j] += penalty * beta[j];
            hessian[j * n + j] += penalty;
        }
        if (!solve(hessian, gradient, n))
            break;
        // The Newton step, halved until the loss falls: far from the optimum a full step can
        // overshoot where the outcomes are nearly separable.
        double step = 1.0;
        std::vector<double> next(n);
        double nextLoss = loss;
        for (int halving = 0; halving < 30; ++halving, step *= 0.5) {
            for (size_t j = 0; j < n; ++j)
                next[j] = beta[j] - step * gradient[j];
            nextLoss = penalisedLoss(rows, next, l2);
            if (nextLoss <= loss)
                break;
        }
        if (!(nextLoss <= loss))
            break;
        double largest = 0.0;
        for (size_t j = 0; j < n; ++j)
            largest = std::max(largest, std::abs(next[j] - beta[j]));
        beta.swap(next);
        const double gain = loss - nextLoss;
        loss = nextLoss;
        if (largest < 1e-8 || gain <= 1e-12 * std::max(1.0, loss)) {
            result.converged = true;
            break;
        }
    }
    result.weights = QList<double>(beta.begin(), beta.end() - 1);
    result.intercept = beta.back();
    return result;
}
