#include "scoresection.h"

#include "core/domain/lead.h"
#include "core/scoring/scoreexplanation.h"
#include "core/scoring/scoringmodel.h"
#include "elidedlabel.h"
#include "warningink.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace {

// The labels of the shipped scoring rules (resources/scoring/default-model.json), for the
// translation: a label as shipped shows in the window's language, one an admin wrote as written.
[[maybe_unused]] const char *const shippedRuleLabels[] = {
    QT_TRANSLATE_NOOP("ScoringRules", "Installed the offer"),
    QT_TRANSLATE_NOOP("ScoringRules", "Bought it in the Azure portal"),
    QT_TRANSLATE_NOOP("ScoringRules", "Started a test drive"),
    QT_TRANSLATE_NOOP("ScoringRules", "Asked to be contacted"),
    QT_TRANSLATE_NOOP("ScoringRules", "Came through the Azure portal"),
    QT_TRANSLATE_NOOP("ScoringRules", "Came through Azure Marketplace"),
    QT_TRANSLATE_NOOP("ScoringRules", "C-level"),
    QT_TRANSLATE_NOOP("ScoringRules", "Vice president"),
    QT_TRANSLATE_NOOP("ScoringRules", "Director"),
    QT_TRANSLATE_NOOP("ScoringRules", "Manager"),
    QT_TRANSLATE_NOOP("ScoringRules", "Individual contributor"),
    QT_TRANSLATE_NOOP("ScoringRules", "Student"),
    QT_TRANSLATE_NOOP("ScoringRules", "Work email address"),
    QT_TRANSLATE_NOOP("ScoringRules", "Free-mail address"),
    QT_TRANSLATE_NOOP("ScoringRules", "No email address"),
    QT_TRANSLATE_NOOP("ScoringRules", "Phone number known"),
    QT_TRANSLATE_NOOP("ScoringRules", "Company known"),
    QT_TRANSLATE_NOOP("ScoringRules", "In a target country"),
    QT_TRANSLATE_NOOP("ScoringRules", "Came back to the marketplace"),
    QT_TRANSLATE_NOOP("ScoringRules", "Recent marketplace activity"),
};

QString shownLabel(const QString &label) {
    return QCoreApplication::translate("ScoringRules", label.toUtf8().constData());
}

// The win model's feature names are marked for translation where core/scoring/winfeatures.cpp
// makes them; the seniority levels it borrows from TitleSeniority are marked here.
[[maybe_unused]] const char *const seniorityNames[] = {
    QT_TRANSLATE_NOOP("WinDrivers", "C-level"),
    QT_TRANSLATE_NOOP("WinDrivers", "VP"),
    QT_TRANSLATE_NOOP("WinDrivers", "Director"),
    QT_TRANSLATE_NOOP("WinDrivers", "Manager"),
    QT_TRANSLATE_NOOP("WinDrivers", "Individual contributor"),
    QT_TRANSLATE_NOOP("WinDrivers", "Student"),
};

// "Offer …", "Country …" and "Action …" carry a value of their own.
QString shownDriver(const QString &name) {
    for (const char *pattern : {"Offer %1", "Country %1", "Action %1"}) {
        const QString prefix = QString::fromLatin1(pattern).chopped(2);
        if (name.startsWith(prefix))
            return QCoreApplication::translate("WinDrivers", pattern).arg(name.mid(prefix.size()));
    }
    return QCoreApplication::translate("WinDrivers", name.toUtf8().constData());
}

} // namespace

ScoreSection::ScoreSection(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("scoreSection"));
    setAccessibleName(tr("Score"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_headline = new QLabel;
    m_headline->setObjectName(QStringLiteral("scoreHeadline"));
    m_headline->setAccessibleName(tr("Score and grade"));
    m_headline->setWordWrap(true);
    layout->addWidget(m_headline);
    m_lines = new QWidget;
    m_lines->setObjectName(QStringLiteral("scoreLines"));
    m_lines->setAccessibleName(tr("Why this score"));
    m_linesLayout = new QVBoxLayout(m_lines);
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(0);
    layout->addWidget(m_lines);
    m_win = new QLabel;
    m_win->setObjectName(QStringLiteral("winProbability"));
    m_win->setAccessibleName(tr("Win probability"));
    m_win->setWordWrap(true);
    layout->addWidget(m_win);
    m_drivers = new QLabel;
    m_drivers->setObjectName(QStringLiteral("winDrivers"));
    m_drivers->setAccessibleName(tr("What moves the win probability"));
    m_drivers->setWordWrap(true);
    m_drivers->setTextFormat(Qt::RichText);
    layout->addWidget(m_drivers);
}

QString ScoreSection::signedPoints(int points) {
    if (points > 0)
        return QStringLiteral("+%1").arg(points);
    if (points < 0)
        return QStringLiteral("\u2212%1").arg(-points);
    return QStringLiteral("0");
}

ScoreSection::Shown ScoreSection::shownOf(const Lead &l, const ScoringModel &model) {
    Shown shown;
    shown.unscored = l.isTest;
    shown.score = l.score;
    shown.grade = l.grade;
    shown.modelVersion = l.scoreModelVersion;
    for (const ScoreLine &line : ScoreExplanation::fromText(l.scoreExplanation, &model))
        shown.lines << Line{line.label.isEmpty() ? line.rule : shownLabel(line.label), line.points};
    if (Stages::isClosed(l.stage)) {
        shown.winStatus = tr("closed, no longer predicted");
    } else if (l.doNotContact) {
        shown.winStatus = tr("none for a do-not-contact lead");
    } else if (l.winDrivers.isEmpty()) {
        shown.winStatus = tr("not yet: it is learned from 200 closed leads or more, "
                             "at the next rescoring");
    } else {
        shown.winProbability = l.winProbability;
        const QJsonObject drivers = QJsonDocument::fromJson(l.winDrivers.toUtf8()).object();
        const auto read = [&](const QString &key) {
            QList<Driver> out;
            for (const QJsonValue &v : drivers.value(key).toArray())
                out << Driver{shownDriver(v.toObject().value(QStringLiteral("name")).toString()),
                              v.toObject().value(QStringLiteral("effect")).toDouble()};
            return out;
        };
        shown.up = read(QStringLiteral("up"));
        shown.down = read(QStringLiteral("down"));
    }
    return shown;
}

void ScoreSection::display(const Shown &s) {
    while (QLayoutItem *item = m_linesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (s.unscored) {
        m_headline->setText(tr("Not scored: test leads prove a connection and are no prospects."));
        m_lines->hide();
        m_win->hide();
        m_drivers->hide();
        return;
    }
    m_headline->setText(s.grade.isEmpty()
                            ? tr("<b>%1</b> of 100").arg(s.score)
                            : tr("<b>%1</b> of 100 · grade <b>%2</b>").arg(s.score).arg(s.grade));
    m_headline->setToolTip(s.modelVersion > 0
                               ? tr("Scored by version %1 of the scoring rules").arg(s.modelVersion)
                               : QString());
    for (const Line &line : s.lines) {
        // The sign is written out, so colour is never the only carrier of the meaning.
        // One line each: wrapped labels in a form row get no height of their own and overlap.
        // A line too long for the panel ends in "…", whole in its tooltip.
        auto *row = new ElidedLabel;
        row->setFullText(tr("%1  %2").arg(signedPoints(line.points), line.label));
        row->setObjectName(QStringLiteral("scoreLine"));
        QPalette palette = row->palette();
        if (line.points < 0)
            palette.setColor(QPalette::WindowText, WarningInk::on(palette));
        row->setPalette(palette);
        m_linesLayout->addWidget(row);
    }
    m_lines->setVisible(!s.lines.isEmpty());

    m_win->show();
    if (!s.winProbability) {
        m_win->setText(tr("Win probability: %1")
                           .arg(s.winStatus.isEmpty() ? tr("not enough history") : s.winStatus));
        m_drivers->hide();
        return;
    }
    m_win->setText(tr("Win probability: <b>%1 %</b>")
                       .arg(QLocale().toString(*s.winProbability * 100.0, 'f', 0)));
    const auto names = [](const QList<Driver> &drivers) {
        QStringList list;
        for (const Driver &d : drivers)
            list << d.label.toHtmlEscaped();
        return list.join(QStringLiteral(", "));
    };
    QStringList parts;
    if (!s.up.isEmpty())
        parts << tr("▲ Up: %1").arg(names(s.up));
    if (!s.down.isEmpty())
        parts << tr("▼ Down: %1").arg(names(s.down));
    m_drivers->setText(parts.join(QStringLiteral("<br>")));
    m_drivers->setVisible(!parts.isEmpty());
}
