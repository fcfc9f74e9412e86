#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

struct Lead;
struct ScoringModel;
class QLabel;
class QVBoxLayout;

// Why a lead has its score and how likely it is to be won, as the lead panel shows them: the
// rules that fired with their points, and the win probability with what pushes it up and down.
class ScoreSection : public QWidget {
    Q_OBJECT
public:
    struct Line {
        QString label; // "Installed the offer"
        int points = 0;
    };
    struct Driver {
        QString label; // "Director"
        double effect; // its share of the log-odds: above 0 pushes up
    };
    struct Shown {
        bool unscored = false; // a test lead: no score at all
        int score = 0;
        QString grade;
        int modelVersion = 0;
        QList<Line> lines;
        std::optional<double> winProbability; // none: not enough history
        QString winStatus;                    // said instead of a probability
        QList<Driver> up, down;
    };

    explicit ScoreSection(QWidget *parent = nullptr);
    // What a lead shows: its stored explanation in the words of `model`, and its win
    // probability with its drivers, or why it has none (closed, do-not-contact, not learned).
    static Shown shownOf(const Lead &lead, const ScoringModel &model);
    void display(const Shown &shown);

    // "+30" / "−5", with a real minus sign.
    static QString signedPoints(int points);

private:
    QLabel *m_headline = nullptr;
    QWidget *m_lines = nullptr;
    QVBoxLayout *m_linesLayout = nullptr;
    QLabel *m_win = nullptr;
    QLabel *m_drivers = nullptr;
};
