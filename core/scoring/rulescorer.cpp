#include "rulescorer.h"

#include "../domain/emailkind.h"
#include "../domain/lead.h"
#include "../domain/leadclassifier.h"
#include "../domain/titleseniority.h"

#include <algorithm>
#include <cmath>

namespace {

const QString capMaxId = QStringLiteral("cap.max");
const QString capMinId = QStringLiteral("cap.min");
const QString dncId = QStringLiteral("do-not-contact");

QByteArray fragment(const QString &rule) {
    return (rule + QLatin1Char(':')).toUtf8();
}

// Whether `value` holds more than spaces, without trimming a copy of it.
bool hasText(const QString &value) {
    for (const QChar c : value)
        if (!c.isSpace())
            return true;
    return false;
}

// Points in decimal, without a formatting call per line.
void appendNumber(QByteArray &out, int value) {
    char digits[12];
    int n = 0;
    unsigned magnitude = value < 0 ? 0u - unsigned(value) : unsigned(value);
    do {
        digits[n++] = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0)
        out += '-';
    while (n > 0)
        out += digits[--n];
}

} // namespace

RuleScorer::RuleScorer(const ScoringModel &model)
    : m_model(model) {
    for (int i = 0; i < m_model.rules.size(); ++i) {
        const ScoringRule &r = m_model.rules.at(i);
        m_fragments << fragment(r.id);
        switch (r.kind) {
        case RuleKind::Action:
            m_actions << std::pair{r.value, i};
            break;
        case RuleKind::Storefront: {
            Storefront s;
            if (Storefronts::fromCanonicalName(r.value, &s))
                m_storefronts[size_t(s)] << i;
            break;
        }
        case RuleKind::Seniority: {
            Seniority s;
            if (TitleSeniority::fromCanonicalName(r.value, &s))
                m_seniority[size_t(s)] << i;
            break;
        }
        case RuleKind::EmailKind: {
            EmailKind k;
            if (EmailKinds::fromCanonicalName(r.value, &k))
                m_email[size_t(k)] << i;
            break;
        }
        case RuleKind::HasPhone:
            m_phone << i;
            break;
        case RuleKind::HasCompany:
            m_company << i;
            break;
        case RuleKind::Country:
            m_countries << std::pair{r.countries, i};
            break;
        case RuleKind::Engagement:
            m_engagement << i;
            break;
        case RuleKind::Recency:
            m_recency << i;
            break;
        }
    }
}

Seniority RuleScorer::seniorityOf(const QString &title) const {
    auto it = m_titles.constFind(title);
    if (it == m_titles.constEnd()) {
        if (m_titles.size() > 100000)
            m_titles.clear(); // free-typed titles without end: keep the cache bounded
        it = m_titles.insert(title, TitleSeniority::of(title));
    }
    return *it;
}

ScoreResult RuleScorer::score(const Lead &lead, const QDateTime &now) const {
    ScoreResult r;
    score(lead, now, &r);
    return r;
}

void RuleScorer::score(const Lead &lead, const QDateTime &now, ScoreResult *out,
                       bool withLines) const {
    out->lines.clear();
    out->explanation.clear();
    out->score = 0;
    if (lead.isTest) {
        out->grade.clear();
        return;
    }
    m_fired.clear();
    auto fireAll = [this](const QList<int> &rules) {
        for (int i : rules)
            m_fired << std::pair{i, m_model.rules.at(i).points};
    };
    for (const auto &[code, i] : m_actions)
        if (lead.action == code)
            m_fired << std::pair{i, m_model.rules.at(i).points};
    fireAll(m_storefronts[size_t(lead.storefront)]);
    if (!m_seniority[size_t(Seniority::Unknown)].isEmpty() || !lead.title.isEmpty())
        fireAll(m_seniority[size_t(seniorityOf(lead.title))]);
    fireAll(m_email[size_t(EmailKinds::of(lead.email))]);
    if (hasText(lead.phone))
        fireAll(m_phone);
    if (hasText(lead.company))
        fireAll(m_company);
    if (!lead.country.isEmpty())
        for (const auto &[codes, i] : m_countries)
            if (codes.contains(lead.country))
                m_fired << std::pair{i, m_model.rules.at(i).points};
    for (int i : m_engagement)
        if (lead.events >= m_model.rules.at(i).minimum)
            m_fired << std::pair{i, m_model.rules.at(i).points};
    if (!m_recency.isEmpty() && lead.lastEventAt.isValid()) {
        const double days = double(lead.lastEventAt.msecsTo(now)) / 86400000.0;
        for (int i : m_recency) {
            const ScoringRule &rule = m_model.rules.at(i);
            const double left = std::clamp(1.0 - std::max(days, 0.0) / rule.days, 0.0, 1.0);
            const int points = int(std::lround(rule.points * left));
            if (points != 0)
                m_fired << std::pair{i, points};
        }
    }
    std::sort(m_fired.begin(), m_fired.end());

    int sum = 0;
    QByteArray &text = out->explanation;
    auto append = [&](const QByteArray &fragment, int points) {
        if (!text.isEmpty())
            text += ' ';
        text += fragment;
        appendNumber(text, points);
    };
    for (const auto &[i, points] : std::as_const(m_fired)) {
        append(m_fragments.at(i), points);
        if (withLines) {
            const ScoringRule &rule = m_model.rules.at(i);
            out->lines << ScoreLine{rule.id, rule.label, points};
        }
        sum += points;
    }
    bool any = !m_fired.isEmpty();
    auto close = [&](const QString &id, int points) {
        append(fragment(id), points);
        if (withLines)
            out->lines << ScoreLine{id, ScoreExplanation::fixedLabel(id), points};
        sum += points;
        any = true;
    };
    if (lead.doNotContact || LeadClassifier::isDoNotContact(lead.action)) {
        if (sum != 0 || !any)
            close(dncId, -sum);
    } else if (sum > 100) {
        close(capMaxId, 100 - sum);
    } else if (sum < 0) {
        close(capMinId, -sum);
    }
    if (!any)
        text.clear();
    out->score = sum;
    out->grade = m_model.gradeFor(sum);
}

void RuleScorer::apply(Lead &lead, const QDateTime &now) const {
    ScoreResult r;
    score(lead, now, &r);
    lead.score = r.score;
    lead.grade = r.grade;
    lead.scoreExplanation = r.explanationText();
    lead.scoreModelVersion = m_model.version;
}
