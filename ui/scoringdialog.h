#pragma once

#include "core/scoring/scorepreview.h"
#include "core/scoring/scoringmodel.h"
#include "core/storage/database.h"

#include <QDialog>

#include <atomic>
#include <memory>

class DatabaseReader;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;
class ScoringRulesModel;
class WinModelPanel;

// Scoring → Scoring rules… for an admin: edit the rules, their points and the grade bands with
// a live preview of how the database's leads would grade, save them as a new version and
// rescore in the background; and see how well the win probability predicts.
class ScoringDialog : public QDialog {
    Q_OBJECT
public:
    ScoringDialog(const Database &db, const QString &actor, QWidget *parent = nullptr);
    ~ScoringDialog() override;

    // The model as edited (version of the one it started from).
    ScoringModel editedModel() const;
    bool isBusy() const { return m_busy; }
    // The newest preview shown, and whether one is on its way.
    const GradeDistribution &preview() const { return m_preview; }
    bool isPreviewing() const { return m_previewing; }

signals:
    // Saved as `version` and every lead rescored with it.
    void rescored(int version, qint64 changed);
    void previewShown();

protected:
    void reject() override;

private:
    void load();
    void loaded(const ScoringModel &model, const QString &error);
    void schedulePreview();
    void startPreview();
    void showPreview(quint64 generation, const GradeDistribution &d);
    void saveAndRescore();
    void rescoreProgress(qint64 done, qint64 total);
    void rescoreFinished(bool ok, bool cancelled, int version, qint64 changed,
                         const QString &error);
    bool gradesValid(QString *error) const;
    void setBusy(bool busy);

    Database m_db;
    QString m_actor;
    ScoringModel m_loaded;
    ScoringRulesModel *m_rules = nullptr;
    QTableView *m_table = nullptr;
    QSpinBox *m_gradeA = nullptr;
    QSpinBox *m_gradeB = nullptr;
    QSpinBox *m_gradeC = nullptr;
    QLabel *m_previewText = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancelRescore = nullptr;
    QTimer *m_previewTimer = nullptr;
    WinModelPanel *m_win = nullptr;
    GradeDistribution m_preview;
    bool m_previewing = false;
    bool m_busy = false;
    quint64 m_previewGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_previewCancel;
    std::shared_ptr<std::atomic_bool> m_rescoreCancel;
    // Ended first in the destructor: its jobs report to this dialog.
    std::unique_ptr<DatabaseReader> m_reader;
};
