#pragma once

#include "core/io/importoptions.h"
#include "core/io/importpreview.h"

#include <QWizardPage>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QThreadPool;

// The import wizard's first page: the file, how it is read (format, encoding, delimiter, sheet
// — detected, and changeable when the detection got it wrong), its first records as they
// would be read, and the lines among them that cannot be.
class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    // How many records the preview shows.
    static constexpr int PreviewRows = 100;

    explicit ImportFilePage(QWidget *parent = nullptr);
    ~ImportFilePage() override;

    QString file() const { return m_file; }
    // Chooses `path` and reads its preview with everything detected again.
    void setFile(const QString &path);
    // True while a preview is on its way.
    bool isReading() const { return m_reading; }

    bool isComplete() const override;
    bool validatePage() override;

signals:
    // A preview arrived for the current file and choices.
    void previewRead();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseFile();
    // The options as the combo boxes say.
    ImportOptions chosenOptions() const;
    void readPreview();
    void previewArrived(const ImportPreview &preview);
    void showDetected(const ImportPreview &preview);

    QString m_file;
    QLineEdit *m_path;
    QPushButton *m_choose;
    QLabel *m_format;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QLabel *m_sheetLabel;
    QComboBox *m_sheet;
    QLabel *m_status;
    QTableWidget *m_table;
    QLabel *m_badHeading;
    QListWidget *m_bad;
    ImportPreview m_preview;
    bool m_reading = false;
    // Bumped by every read: a preview of earlier choices is dropped.
    quint64 m_generation = 0;
    std::unique_ptr<QThreadPool> m_pool;
};
