// The Cli commands that change leads and read their history: set, delete, restore, history,
// score.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/leadchanges.h"
#include "core/domain/leadcolumns.h"
#include "core/io/leadjson.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/scorepreview.h"
#include "core/scoring/winmodelrefresh.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadtrash.h"
#include "core/storage/leadwriter.h"
#include "outputwriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace {

QJsonArray idArray(const QList<qint64> &ids) {
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

// One line of a lead's history, events and activities alike, for sorting them together.
struct HistoryLine {
    QDateTime at;
    QJsonObject json;
    QString what;
    QString who;
    QString detail;
};

} // namespace

QString Cli::actor() {
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

bool Cli::parseIds(const CliArguments &args, QList<qint64> *ids) {
    for (const QString &word : args.positionals()) {
        bool ok = false;
        const qint64 id = word.toLongLong(&ok);
        if (!ok || id < 1) {
            usage(QStringLiteral("\"%1\" is not a lead id").arg(word));
            return false;
        }
        if (!ids->contains(id))
            ids->append(id);
    }
    return true;
}

QString Cli::missingLead(const Database &db, qint64 id) {
    if (LeadTrash(db).ids().contains(id))
        return QStringLiteral("lead %1 is in the trash; 'leadbench-cli restore %1' brings it back")
            .arg(id);
    return QStringLiteral("no lead with id %1").arg(id);
}

int Cli::set(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    if (!parseIds(args, &ids))
        return Usage;
    LeadChanges changes;
    for (const QString &column : LeadColumns::all()) {
        const QString option = QString(column).replace(QLatin1Char('_'), QLatin1Char('-'));
        if (LeadChanges::isEditable(column) && args.has(option))
            changes.set(column, args.value(option));
    }
    std::optional<FollowUpRequest> followUp;
    if (!parseFollowUp(args, QStringLiteral("next-follow-up"), QStringLiteral("kind"), &followUp))
        return Usage;
    if (followUp) {
        changes.set(QStringLiteral("next_follow_up_at"), followUp->at);
        changes.setFollowUpKind(TouchKinds::canonicalName(followUp->kind));
    } else if (args.has(QStringLiteral("kind"))) {
        changes.setFollowUpKind(args.value(QStringLiteral("kind")));
    }
    if (args.has(QStringLiteral("note")))
        changes.setNote(args.value(QStringLiteral("note")));
    if (changes.isEmpty())
        return usage(QStringLiteral("set needs a column to change, such as --stage contacted"));
    qint64 expected = 0;
    if (!parseIfVersion(args, &expected))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    const QString campaign = args.value(QStringLiteral("campaign")).trimmed();
    if (!campaign.isEmpty()) {
        const CampaignRepository campaigns(db);
        if (!campaigns.find(campaign))
            return fail(campaigns.lastError() +
                            QStringLiteral("; 'leadbench-cli campaign list' shows them"),
                        Usage);
    }
    return reportStep(db, LeadWriter(db).update(ids.first(), expected, changes, actor()), expected);
}

int Cli::remove(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    if (!parseIds(args, &ids))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    QList<qint64> deleted, missing;
    for (const UpdateResult &r : LeadTrash(db).remove(ids, actor())) {
        if (r.status == UpdateResult::Status::Failed)
            return fail(r.error);
        (r.ok() ? deleted : missing) << r.id;
        if (!r.ok())
            m_err << "leadbench-cli: error: " << r.error << '\n';
    }
    OutputWriter::writeJson(m_out,
                            {{QStringLiteral("deleted"), idArray(deleted)},
                             {QStringLiteral("not_found"), idArray(missing)}},
                            OutputWriter::JsonStyle::Compact);
    return missing.isEmpty() ? Ok : Failure;
}

int Cli::restore(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    if (!parseIds(args, &ids))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    QList<qint64> restored, missing, conflicts;
    for (const UpdateResult &r : LeadTrash(db).restore(ids, actor())) {
        if (r.status == UpdateResult::Status::Failed)
            return fail(r.error);
        if (r.ok()) {
            restored << r.id;
            continue;
        }
        (r.status == UpdateResult::Status::Conflict ? conflicts : missing) << r.id;
        m_err << "leadbench-cli: error: " << r.error << '\n';
    }
    OutputWriter::writeJson(m_out,
                            {{QStringLiteral("restored"), idArray(restored)},
                             {QStringLiteral("not_found"), idArray(missing)},
                             {QStringLiteral("conflicts"), idArray(conflicts)}},
                            OutputWriter::JsonStyle::Compact);
    return !conflicts.isEmpty() ? Conflict : missing.isEmpty() ? Ok : Failure;
}

int Cli::history(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    if (!parseIds(args, &ids))
        return Usage;
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("table"));
    if (format != QLatin1String("json") && format != QLatin1String("table") &&
        format != QLatin1String("csv"))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json").arg(format));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    const qint64 id = ids.first();
    if (!LeadRepository(db).lead(id))
        return fail(missingLead(db, id));
    const LeadHistory reader(db);
    QList<HistoryLine> lines;
    const QList<LeadEvent> events = reader.events(id);
    if (!reader.lastError().isEmpty())
        return fail(reader.lastError());
    for (const LeadEvent &e : events) {
        QJsonObject json = LeadJson::event(e);
        json.insert(QStringLiteral("type"), QStringLiteral("event"));
        json.insert(QStringLiteral("at"), LeadColumns::isoUtc(e.occurredAt));
        // A marketplace touch has no person behind it; how it reached Leadbench is detail.
        lines << HistoryLine{e.occurredAt, json, QStringLiteral("event ") + e.action, QString(),
                             e.channel.isEmpty() ? e.leadSource
                                                 : e.leadSource + QStringLiteral("  (via ") +
                                                       e.channel + QLatin1Char(')')};
    }
    const QList<Activity> activities = reader.activities(id);
    if (!reader.lastError().isEmpty())
        return fail(reader.lastError());
    for (const Activity &a : activities) {
        QJsonObject json = LeadJson::activity(a);
        json.insert(QStringLiteral("type"), QStringLiteral("activity"));
        QString detail = a.note;
        if (a.kind == ActivityKind::Touch) // the outcome, then what was said
            detail = a.note.isEmpty() ? a.newValue.toString()
                                      : QStringLiteral("%1: %2").arg(a.newValue.toString(), a.note);
        else if (a.kind == ActivityKind::Changed)
            detail =
                QStringLiteral("%1 -> %2%3")
                    .arg(LeadColumns::valueText(a.oldValue), LeadColumns::valueText(a.newValue),
                         a.note.isEmpty() ? QString()
                                          : QStringLiteral("  (") + a.note + QLatin1Char(')'));
        lines << HistoryLine{
            a.at, json,
            (ActivityKinds::canonicalName(a.kind) + QLatin1Char(' ') + a.field).trimmed(), a.actor,
            detail};
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const HistoryLine &a, const HistoryLine &b) { return a.at < b.at; });
    QList<OutputWriter::Record> records;
    for (const HistoryLine &l : std::as_const(lines))
        records << OutputWriter::Record{l.json,
                                        {LeadColumns::isoUtc(l.at), l.what, l.who, l.detail}};
    OutputWriter writer(m_out,
                        format == QLatin1String("json")  ? OutputWriter::Format::Json
                        : format == QLatin1String("csv") ? OutputWriter::Format::Csv
                                                         : OutputWriter::Format::Table,
                        {QStringLiteral("at"), QStringLiteral("what"), QStringLiteral("who"),
                         QStringLiteral("detail")});
    writer.setLastColumnWhole(true);
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}

int Cli::trash(const Database &db, const CliArguments &args) {
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("table"));
    if (format != QLatin1String("json") && format != QLatin1String("table") &&
        format != QLatin1String("csv"))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json").arg(format));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    const LeadTrash trash(db);
    const QList<TrashedLead> entries = trash.entries();
    if (!trash.lastError().isEmpty())
        return fail(trash.lastError());
    QList<OutputWriter::Record> records;
    for (const TrashedLead &t : entries) {
        QJsonObject o = LeadJson::storedLead(t.lead);
        o.insert(QStringLiteral("deleted_at"), LeadColumns::isoUtc(t.deletedAt));
        o.insert(QStringLiteral("deleted_by"), t.deletedBy);
        records << OutputWriter::Record{o,
                                        {QString::number(t.lead.id),
                                         LeadColumns::isoUtc(t.deletedAt), t.deletedBy,
                                         t.lead.fullName(), t.lead.email, t.lead.offerId}};
    }
    OutputWriter writer(m_out,
                        format == QLatin1String("json")  ? OutputWriter::Format::Json
                        : format == QLatin1String("csv") ? OutputWriter::Format::Csv
                                                         : OutputWriter::Format::Table,
                        {QStringLiteral("id"), QStringLiteral("deleted_at"),
                         QStringLiteral("deleted_by"), QStringLiteral("name"),
                         QStringLiteral("email"), QStringLiteral("offer_id")});
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}

int Cli::score(const Database &db, const CliArguments &args) {
    const int modes = int(args.has(QStringLiteral("evaluate"))) +
                      int(args.has(QStringLiteral("rescore-all"))) +
                      int(args.has(QStringLiteral("preview")));
    if (modes > 1)
        return usage(QStringLiteral("--evaluate, --preview and --rescore-all each do one thing; "
                                    "give one of them"));
    std::optional<ScoringModel> previewed;
    if (args.has(QStringLiteral("preview"))) {
        const QString path = args.value(QStringLiteral("preview"));
        QFile file(path);
        // A file that cannot be read is a runtime failure, as for import; a bad model is input.
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("--preview: cannot open %1: %2").arg(path, file.errorString()));
        QString error;
        previewed = ScoringModel::fromJsonText(file.readAll(), &error);
        if (!previewed)
            return usage(QStringLiteral("--preview: %1: %2").arg(path, error));
    }
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    QElapsedTimer timer;
    timer.start();
    if (previewed) {
        const GradeDistribution d = ScorePreview(db).run(*previewed);
        if (!d.ok)
            return fail(d.error);
        QJsonObject grades;
        for (std::size_t i = 0; i < d.grades.size(); ++i)
            grades.insert(QString(QLatin1Char(char('A' + i))), d.grades.at(i));
        OutputWriter::writeJson(m_out,
                                {{QStringLiteral("scored"), d.scored},
                                 {QStringLiteral("grades"), grades},
                                 {QStringLiteral("grade_changes"), d.gradeChanges},
                                 {QStringLiteral("mean_score"), d.meanScore},
                                 {QStringLiteral("seconds"), timer.elapsed() / 1000.0}},
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (args.has(QStringLiteral("evaluate"))) {
        // The rule score a closed lead was last given is what the win model is compared against.
        const WinTrainingResult trained = WinModelTrainer(db).run();
        if (!trained.ok)
            return fail(trained.error);
        OutputWriter::writeJson(m_out, trained.evaluation.toJson(),
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    const WinModelRefreshResult win = WinModelRefresh(db).run();
    if (!win.ok)
        return fail(win.error);
    const qint64 trainMilliseconds = timer.elapsed();
    LeadRescorer rescorer(db);
    rescorer.setWinModel(&win.model);
    const RescoreResult r =
        rescorer.rescore(args.has(QStringLiteral("rescore-all")) ? LeadRescorer::Scope::All
                                                                 : LeadRescorer::Scope::Stale);
    if (!r.ok)
        return fail(r.error);
    OutputWriter::writeJson(m_out,
                            {{QStringLiteral("scored"), r.scored},
                             {QStringLiteral("changed"), r.changed},
                             {QStringLiteral("model_version"), r.modelVersion},
                             {QStringLiteral("win_model"), win.status},
                             {QStringLiteral("win_model_retrained"), win.retrained},
                             {QStringLiteral("closed"), win.closed},
                             {QStringLiteral("win_changed"), r.winChanged},
                             {QStringLiteral("win_model_seconds"), trainMilliseconds / 1000.0},
                             {QStringLiteral("seconds"), timer.elapsed() / 1000.0}},
                            OutputWriter::JsonStyle::Compact);
    return Ok;
}
