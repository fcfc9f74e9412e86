#include "importfilepage.h"

#include "importwizard.h"

#include "core/io/textencoding.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace {

QString encodingName(TextEncoding::Kind kind) {
    switch (kind) {
    case TextEncoding::Auto:
        return ImportFilePage::tr("Detect");
    case TextEncoding::Utf8:
        return ImportFilePage::tr("UTF-8");
    case TextEncoding::Utf16LE:
        return ImportFilePage::tr("UTF-16 little-endian");
    case TextEncoding::Utf16BE:
        return ImportFilePage::tr("UTF-16 big-endian");
    case TextEncoding::Windows1252:
        return ImportFilePage::tr("Windows-1252 (Western European)");
    }
    return {};
}

const QList<std::pair<QChar, QString>> &delimiters() {
    static const QList<std::pair<QChar, QString>> all{
        {QLatin1Char(','), ImportFilePage::tr("Comma (,)")},
        {QLatin1Char(';'), ImportFilePage::tr("Semicolon (;)")},
        {QLatin1Char('\t'), ImportFilePage::tr("Tab")},
        {QLatin1Char('|'), ImportFilePage::tr("Vertical bar (|)")},
    };
    return all;
}

QString delimiterName(QChar c) {
    for (const auto &[delimiter, name] : delimiters()) {
        if (delimiter == c)
            return name;
    }
    return QStringLiteral("“%1”").arg(c);
}

QString formatName(const QString &format) {
    if (format == QLatin1String("xlsx"))
        return ImportFilePage::tr("Excel workbook");
    if (format == QLatin1String("json"))
        return ImportFilePage::tr("Marketplace JSON");
    if (format == QLatin1String("csv"))
        return ImportFilePage::tr("CSV text");
    return format;
}

bool isReadableDrop(const QMimeData *data) {
    return data && data->hasUrls() && data->urls().size() == 1 &&
           data->urls().first().isLocalFile();
}

} // namespace

ImportFilePage::ImportFilePage(QWidget *parent)
    : QWizardPage(parent)
    , m_pool(std::make_unique<QThreadPool>()) {
    m_pool->setMaxThreadCount(1);
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV file, an Excel workbook or marketplace JSON. Check that the preview "
                   "reads it right; change the encoding or delimiter when it does not."));
    setAcceptDrops(true);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setAccessibleName(tr("File to import"));
    m_path->setPlaceholderText(tr("Drop a file here or choose one"));
    m_path->setClearButtonEnabled(false);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text() != m_file)
            setFile(m_path->text());
    });
    m_choose = new QPushButton(tr("Choose…"));
    m_choose->setObjectName(QStringLiteral("importChoose"));
    connect(m_choose, &QPushButton::clicked, this, &ImportFilePage::chooseFile);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_choose);

    m_format = new QLabel;
    m_format->setObjectName(QStringLiteral("importFormat"));
    m_encoding = new QComboBox;
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->setAccessibleName(tr("Encoding"));
    for (const TextEncoding::Kind kind :
         {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Utf16LE, TextEncoding::Utf16BE,
          TextEncoding::Windows1252})
        m_encoding->addItem(encodingName(kind), int(kind));
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_delimiter->addItem(tr("Detect"), QString());
    for (const auto &[delimiter, name] : delimiters())
        m_delimiter->addItem(name, QString(delimiter));
    m_sheet = new QComboBox;
    m_sheet->setObjectName(QStringLiteral("importSheet"));
    m_sheet->setAccessibleName(tr("Sheet"));
    m_sheetLabel = new QLabel(tr("&Sheet:"));
    m_sheetLabel->setBuddy(m_sheet);
    for (QComboBox *box : {m_encoding, m_delimiter, m_sheet}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::activated, this, &ImportFilePage::readPreview);
    }

    auto *form = new QFormLayout;
    auto *pathLabel = new QLabel(tr("&File:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Delimiter:"), m_delimiter);
    form->addRow(m_sheetLabel, m_sheet);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);

    m_table = new QTableWidget;
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_table->setTabKeyNavigation(false);
    m_table->setObjectName(QStringLiteral("importPreview"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAccessibleName(tr("The file's first records"));

    m_badHeading = new QLabel;
    m_badHeading->setObjectName(QStringLiteral("importBadHeading"));
    m_bad = new QListWidget;
    m_bad->setObjectName(QStringLiteral("importBadLines"));
    m_bad->setAccessibleName(tr("Lines that cannot be read"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_badHeading);
    layout->addWidget(m_bad);
    showDetected({});
}

ImportFilePage::~ImportFilePage() {
    m_generation = std::numeric_limits<quint64>::max();
    m_pool->waitForDone();
}

void ImportFilePage::setFile(const QString &path) {
    m_file = path;
    m_path->setText(QDir::toNativeSeparators(path));
    m_path->setCursorPosition(0);
    m_path->deselect();
    // Another file: detect everything afresh.
    m_encoding->setCurrentIndex(0);
    m_delimiter->setCurrentIndex(0);
    m_sheet->clear();
    readPreview();
}

void ImportFilePage::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Leads"), m_file.isEmpty() ? QString() : QFileInfo(m_file).absolutePath(),
        tr("Lead files (*.csv *.txt *.xlsx *.json);;All files (*)"), nullptr,
        QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        setFile(path);
}

ImportOptions ImportFilePage::chosenOptions() const {
    // A new reading finds the format and proposes a mapping of its own; only the choice for
    // duplicates, made further on, stays.
    ImportOptions options;
    if (auto *w = qobject_cast<ImportWizard *>(wizard()))
        options.onDuplicate = w->options().onDuplicate;
    options.encoding = TextEncoding::Kind(m_encoding->currentData().toInt());
    const QString delimiter = m_delimiter->currentData().toString();
    options.delimiter = delimiter.isEmpty() ? QChar() : delimiter.at(0);
    options.sheet = m_sheet->count() > 0 ? m_sheet->currentText() : QString();
    return options;
}

void ImportFilePage::readPreview() {
    if (m_file.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_reading = true;
    m_status->setText(tr("Reading %1…").arg(QFileInfo(m_file).fileName()));
    emit completeChanged();
    // A workbook is unzipped before its first row: never on the GUI thread.
    m_pool->start([this, generation, path = m_file, options = chosenOptions()] {
        const ImportPreview preview = ImportPreview::read(path, options, PreviewRows);
        QMetaObject::invokeMethod(
            this,
            [this, generation, preview] {
                if (generation == m_generation)
                    previewArrived(preview);
            },
            Qt::QueuedConnection);
    });
}

void ImportFilePage::previewArrived(const ImportPreview &preview) {
    m_reading = false;
    m_preview = preview;
    showDetected(preview);

    m_table->clear();
    m_table->setColumnCount(int(preview.header.size()));
    m_table->setHorizontalHeaderLabels(preview.header);
    m_table->setRowCount(int(preview.records.size()));
    QStringList lines;
    for (qsizetype row = 0; row < preview.records.size(); ++row) {
        const QStringList &record = preview.records.at(row);
        for (qsizetype column = 0; column < record.size() && column < preview.header.size();
             ++column) {
            auto *item = new QTableWidgetItem(record.at(column));
            item->setToolTip(record.at(column));
            m_table->setItem(int(row), int(column), item);
        }
        lines << QString::number(preview.lines.value(row));
    }
    m_table->setVerticalHeaderLabels(lines);

    m_bad->clear();
    for (const ImportError &e : preview.bad)
        m_bad->addItem(tr("Line %1: %2").arg(e.line).arg(e.message));
    // As high as its lines, up to four: the preview above is what the page is for.
    const int shown = std::clamp(int(preview.bad.size()), 1, 4);
    m_bad->setFixedHeight(shown * std::max(m_bad->sizeHintForRow(0), fontMetrics().height()) +
                          2 * m_bad->frameWidth() + 4);
    m_badHeading->setVisible(!preview.bad.isEmpty());
    m_bad->setVisible(!preview.bad.isEmpty());
    m_badHeading->setText(
        preview.bad.size() == 1
            ? tr("1 line among the first ones cannot be read:")
            : tr("%L1 lines among the first ones cannot be read:").arg(preview.bad.size()));

    const QString name = QFileInfo(m_file).fileName();
    if (!preview.fatal.isEmpty())
        m_status->setText(tr("%1 cannot be imported: %2").arg(name, preview.fatal));
    else if (preview.header.isEmpty())
        m_status->setText(tr("%1 has no header row: nothing to import").arg(name));
    else if (preview.records.size() >= PreviewRows)
        m_status->setText(tr("The first %L1 records of %2:").arg(PreviewRows).arg(name));
    else
        m_status->setText(preview.records.size() == 1
                              ? tr("The one record of %1:").arg(name)
                              : tr("The %L1 records of %2:").arg(preview.records.size()).arg(name));
    if (auto *w = qobject_cast<ImportWizard *>(wizard()))
        w->setPreview(preview);
    emit completeChanged();
    emit previewRead();
}

void ImportFilePage::showDetected(const ImportPreview &preview) {
    const bool csv = preview.format == QLatin1String("csv");
    const bool workbook = preview.format == QLatin1String("xlsx");
    m_format->setText(preview.format.isEmpty() ? tr("—") : formatName(preview.format));
    m_encoding->setEnabled(csv);
    m_delimiter->setEnabled(csv);
    // "Detect" says what it found, so that the choice shows what is used.
    TextEncoding::Kind detected = TextEncoding::Auto;
    const bool knownEncoding =
        csv && TextEncoding::parse(preview.encoding, &detected) && detected != TextEncoding::Auto;
    m_encoding->setItemText(0, knownEncoding ? tr("%1 — detected").arg(encodingName(detected))
                                             : tr("Detect"));
    m_delimiter->setItemText(0, csv && !preview.delimiter.isNull()
                                    ? tr("%1 — detected").arg(delimiterName(preview.delimiter))
                                    : tr("Detect"));
    m_sheetLabel->setVisible(workbook);
    m_sheet->setVisible(workbook);
    if (workbook && m_sheet->count() != preview.sheets.size()) {
        const QSignalBlocker blocker(m_sheet);
        m_sheet->clear();
        m_sheet->addItems(preview.sheets);
    }
    if (workbook)
        m_sheet->setCurrentIndex(std::max(0, int(preview.sheets.indexOf(preview.sheet))));
    m_badHeading->hide();
    m_bad->hide();
}

bool ImportFilePage::isComplete() const {
    return !m_file.isEmpty() && !m_reading && m_preview.fatal.isEmpty() &&
           !m_preview.header.isEmpty();
}

bool ImportFilePage::validatePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return true;
    ImportOptions options = chosenOptions();
    // The format as found, so that the mapping and the import read what the preview read.
    ImportFormat::parse(m_preview.format, &options.format);
    w->setOptions(options);
    return true;
}

void ImportFilePage::dragEnterEvent(QDragEnterEvent *event) {
    if (isReadableDrop(event->mimeData()))
        event->acceptProposedAction();
}

void ImportFilePage::dropEvent(QDropEvent *event) {
    if (!isReadableDrop(event->mimeData()))
        return;
    event->acceptProposedAction();
    setFile(event->mimeData()->urls().first().toLocalFile());
}
