#include "scoringrulesmodel.h"

#include "core/domain/emailkind.h"
#include "core/domain/storefront.h"
#include "core/domain/titleseniority.h"

#include <QRegularExpression>

ScoringRulesModel::ScoringRulesModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ScoringRulesModel::setRules(const QList<ScoringRule> &rules) {
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

int ScoringRulesModel::addRule(RuleKind kind) {
    ScoringRule rule;
    rule.kind = kind;
    rule.points = 5;
    switch (kind) {
    case RuleKind::Action:
        rule.value = QStringLiteral("INS");
        break;
    case RuleKind::Storefront:
        rule.value = QStringLiteral("appsource");
        break;
    case RuleKind::Seniority:
        rule.value = QStringLiteral("manager");
        break;
    case RuleKind::EmailKind:
        rule.value = QStringLiteral("corporate");
        break;
    case RuleKind::Country:
        rule.countries = {QStringLiteral("NL")};
        break;
    case RuleKind::Engagement:
        rule.minimum = 2;
        break;
    case RuleKind::Recency:
        rule.days = 30;
        break;
    case RuleKind::HasPhone:
    case RuleKind::HasCompany:
        break;
    }
    rule.label = condition(rule);
    // A key no other rule has: the explanation lines of leads name their rule by it.
    int n = 1;
    do
        rule.id = QStringLiteral("%1.custom-%2").arg(ScoringRule::kindName(kind)).arg(n++);
    while (std::any_of(m_rules.cbegin(), m_rules.cend(),
                       [&](const ScoringRule &r) { return r.id == rule.id; }));
    const int row = int(m_rules.size());
    beginInsertRows({}, row, row);
    m_rules.append(rule);
    endInsertRows();
    emit edited();
    return row;
}

void ScoringRulesModel::removeRule(int row) {
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    emit edited();
}

int ScoringRulesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rules.size());
}

int ScoringRulesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScoringRulesModel::condition(const ScoringRule &r) {
    switch (r.kind) {
    case RuleKind::Action:
        return tr("Latest action is %1").arg(r.value);
    case RuleKind::Storefront: {
        Storefront s;
        return tr("Came through %1")
            .arg(Storefronts::fromCanonicalName(r.value, &s) ? Storefronts::displayName(s)
                                                             : r.value);
    }
    case RuleKind::Seniority: {
        Seniority s;
        return tr("Title is %1")
            .arg(TitleSeniority::fromCanonicalName(r.value, &s) ? TitleSeniority::displayName(s)
                                                                : r.value);
    }
    case RuleKind::EmailKind:
        return tr("Email is %1").arg(r.value);
    case RuleKind::HasPhone:
        return tr("A phone number is known");
    case RuleKind::HasCompany:
        return tr("A company is known");
    case RuleKind::Country:
        return tr("Country is one of %1").arg(r.countries.join(QStringLiteral(", ")));
    case RuleKind::Engagement:
        return tr("At least %1 marketplace events").arg(r.minimum);
    case RuleKind::Recency:
        return tr("Full points on the day of the last event, none after %1 days").arg(r.days);
    }
    return {};
}

QString ScoringRulesModel::conditionText(const ScoringRule &r) {
    switch (r.kind) {
    case RuleKind::Country:
        return r.countries.join(QStringLiteral(", "));
    case RuleKind::Engagement:
        return QString::number(r.minimum);
    case RuleKind::Recency:
        return QString::number(r.days);
    case RuleKind::HasPhone:
    case RuleKind::HasCompany:
        return {};
    default:
        return r.value;
    }
}

bool ScoringRulesModel::setConditionText(ScoringRule &rule, const QString &text, QString *error) {
    const QString t = text.trimmed();
    switch (rule.kind) {
    case RuleKind::Action:
        if (t.isEmpty() || t.contains(QLatin1Char(' '))) {
            *error = tr("An action is one code such as INS, PLT or StartTestDrive.");
            return false;
        }
        rule.value = t;
        return true;
    case RuleKind::Storefront: {
        Storefront s;
        if (!Storefronts::fromCanonicalName(t.toLower(), &s)) {
            *error = tr("\"%1\" is no storefront: appsource, azure-marketplace, azure-portal or "
                        "other.")
                         .arg(t);
            return false;
        }
        rule.value = t.toLower();
        return true;
    }
    case RuleKind::Seniority: {
        Seniority s;
        if (!TitleSeniority::fromCanonicalName(t.toLower(), &s)) {
            *error = tr("\"%1\" is no seniority: c-level, vp, director, manager, individual, "
                        "student or unknown.")
                         .arg(t);
            return false;
        }
        rule.value = t.toLower();
        return true;
    }
    case RuleKind::EmailKind: {
        EmailKind k;
        if (!EmailKinds::fromCanonicalName(t.toLower(), &k)) {
            *error = tr("\"%1\" is no kind of email: corporate, free-mail or missing.").arg(t);
            return false;
        }
        rule.value = t.toLower();
        return true;
    }
    case RuleKind::Country: {
        static const QRegularExpression code(QStringLiteral("^[A-Z]{2}$"));
        QStringList codes;
        for (const QString &part :
             t.split(QRegularExpression(QStringLiteral("[,; ]+")), Qt::SkipEmptyParts)) {
            const QString upper = part.toUpper();
            if (!code.match(upper).hasMatch()) {
                *error = tr("\"%1\" is no two-letter country code (such as NL or US).").arg(part);
                return false;
            }
            codes << upper;
        }
        if (codes.isEmpty()) {
            *error = tr("Name at least one country code.");
            return false;
        }
        rule.countries = codes;
        return true;
    }
    case RuleKind::Engagement:
    case RuleKind::Recency: {
        bool ok = false;
        const int n = t.toInt(&ok);
        if (!ok || n < 1 || n > 3650) {
            *error = rule.kind == RuleKind::Engagement
                         ? tr("The number of events is a whole number from 1.")
                         : tr("The days are a whole number from 1 to 3650.");
            return false;
        }
        (rule.kind == RuleKind::Engagement ? rule.minimum : rule.days) = n;
        return true;
    }
    case RuleKind::HasPhone:
    case RuleKind::HasCompany:
        break;
    }
    *error = tr("This rule has nothing to set.");
    return false;
}

QVariant ScoringRulesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const ScoringRule &r = m_rules.at(index.row());
    switch (index.column()) {
    case Label:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return r.label;
        if (role == Qt::ToolTipRole)
            return tr("Shown in a lead's score explanation (rule %1)").arg(r.id);
        break;
    case Condition:
        if (role == Qt::DisplayRole)
            return condition(r);
        if (role == Qt::EditRole)
            return conditionText(r);
        break;
    case Points:
        if (role == Qt::DisplayRole)
            return r.points > 0   ? QStringLiteral("+%1").arg(r.points)
                   : r.points < 0 ? QStringLiteral("\u2212%1").arg(-r.points)
                                  : QStringLiteral("0");
        if (role == Qt::EditRole)
            return r.points;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

bool ScoringRulesModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rules.size())
        return false;
    ScoringRule r = m_rules.at(index.row());
    switch (index.column()) {
    case Label: {
        const QString label = value.toString().simplified();
        if (label.isEmpty()) {
            emit refused(tr("A rule needs words a rep can read."));
            return false;
        }
        r.label = label;
        break;
    }
    case Condition: {
        QString error;
        if (!setConditionText(r, value.toString(), &error)) {
            emit refused(error);
            return false;
        }
        break;
    }
    case Points: {
        bool ok = false;
        const int points = value.toInt(&ok);
        if (!ok || points < -100 || points > 100) {
            emit refused(tr("Points are a whole number from −100 to 100."));
            return false;
        }
        r.points = points;
        break;
    }
    default:
        return false;
    }
    if (r == m_rules.at(index.row()))
        return true;
    m_rules[index.row()] = r;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit edited();
    return true;
}

Qt::ItemFlags ScoringRulesModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const ScoringRule &r = m_rules.at(index.row());
    const bool fixedCondition = r.kind == RuleKind::HasPhone || r.kind == RuleKind::HasCompany;
    if (index.column() != Condition || !fixedCondition)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ScoringRulesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label:
        return tr("Rule");
    case Condition:
        return tr("Looks at");
    case Points:
        return tr("Points");
    default:
        return {};
    }
}
