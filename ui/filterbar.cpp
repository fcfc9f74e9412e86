#include "filterbar.h"

#include "core/domain/followupdestination.h"
#include "core/domain/stage.h"
#include "core/storage/databasereader.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadviewjson.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// A date edit shows its minimum as the special "any" text: the earliest date is never a real
// bound.
const QDate anyDate(2000, 1, 1);

QDateTime startOfLocalDay(const QDate &date) {
    return date.startOfDay().toUTC();
}

QComboBox *editableChoice(const QString &placeholder, const QStringList &items,
                          const QString &objectName) {
    auto *box = new QComboBox;
    box->setObjectName(objectName);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItem(QString());
    box->addItems(items);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->lineEdit()->setClearButtonEnabled(true);
    box->setMinimumContentsLength(10);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setAccessibleName(placeholder);
    return box;
}

} // namespace

QStringList FilterBar::origins() {
    return {QStringLiteral("marketplace"), QStringLiteral("co-sell"), QStringLiteral("import"),
            QStringLiteral("manual")};
}

QString FilterBar::originName(const QString &origin) {
    if (origin == QLatin1String("marketplace"))
        return tr("Marketplace");
    if (origin == QLatin1String("co-sell"))
        return tr("Co-sell referral");
    if (origin == QLatin1String("import"))
        return tr("Imported");
    if (origin == QLatin1String("manual"))
        return tr("Entered by hand");
    return origin;
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_searchDelay(new QTimer(this)) {
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &FilterBar::searchEdited);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Search name, email, company, title"));
    m_search->setAccessibleName(tr("Search leads"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    // The clear button empties the box without a textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_showing)
            searchEdited();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::searchEdited);

    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("filterStage"));
    m_stage->setAccessibleName(tr("Stage"));
    m_stage->addItem(tr("Any stage"));
    for (Stage s : Stages::all())
        m_stage->addItem(Stages::displayName(s), Stages::canonicalName(s));
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_showing)
            return;
        Stage stage = Stage::New;
        if (index > 0 && Stages::fromCanonicalName(m_stage->itemData(index).toString(), &stage))
            m_filter.stage = stage;
        else
            m_filter.stage.reset();
        changed();
    });

    m_owner = editableChoice(tr("Any owner"), {}, QStringLiteral("filterOwner"));
    m_offer = editableChoice(tr("Any offer"), {}, QStringLiteral("filterOffer"));
    m_action = editableChoice(tr("Any action"),
                              {QStringLiteral("INS"), QStringLiteral("PLT"), QStringLiteral("DNC"),
                               QStringLiteral("Create"), QStringLiteral("StartTestDrive")},
                              QStringLiteral("filterAction"));
    textChoiceEdited(m_owner, &LeadFilter::owner);
    textChoiceEdited(m_offer, &LeadFilter::offerId);
    textChoiceEdited(m_action, &LeadFilter::action);

    m_grade = new QComboBox;
    m_grade->setObjectName(QStringLiteral("filterGrade"));
    m_grade->setAccessibleName(tr("Grade"));
    m_grade->addItem(tr("Any grade"));
    for (const char *grade : {"A", "B", "C", "D"})
        m_grade->addItem(tr("Grade %1").arg(QLatin1String(grade)), QLatin1String(grade));
    connect(m_grade, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_showing)
            return;
        m_filter.grade = index > 0 ? m_grade->itemData(index).toString() : QString();
        changed();
    });

    // Marketplace leads apart from co-sell referrals, and where leads are followed up.
    m_origin = new QComboBox;
    m_origin->setObjectName(QStringLiteral("filterOrigin"));
    m_origin->setAccessibleName(tr("Origin"));
    m_origin->addItem(tr("Any origin"));
    for (const QString &origin : origins())
        m_origin->addItem(originName(origin), origin);
    connect(m_origin, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_showing)
            return;
        m_filter.origin = index > 0 ? m_origin->itemData(index).toString() : QString();
        changed();
    });
    m_destination = new QComboBox;
    m_destination->setObjectName(QStringLiteral("filterDestination"));
    m_destination->setAccessibleName(tr("Follow-up destination"));
    m_destination->addItem(tr("Any destination"));
    for (FollowUpDestination d : FollowUpDestinations::all())
        m_destination->addItem(FollowUpDestinations::displayName(d),
                               FollowUpDestinations::canonicalName(d));
    connect(m_destination, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_showing)
            return;
        m_filter.destination = index > 0 ? m_destination->itemData(index).toString() : QString();
        changed();
    });

    m_minScore = new QSpinBox;
    m_minScore->setObjectName(QStringLiteral("filterMinScore"));
    m_minScore->setAccessibleName(tr("Minimum score"));
    m_minScore->setRange(0, 100);
    // Every score is at least 0: the bottom of the range means no minimum.
    m_minScore->setSpecialValueText(tr("Any score"));
    m_minScore->setPrefix(tr("Score ≥ "));
    connect(m_minScore, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_showing)
            return;
        if (value > 0)
            m_filter.minScore = value;
        else
            m_filter.minScore.reset();
        changed();
    });

    auto dateEdit = [](const QString &any, const QString &name, const QString &accessible) {
        auto *edit = new QDateEdit;
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(anyDate);
        edit->setSpecialValueText(any);
        edit->setDate(anyDate);
        // Qt sizes the box for its text, but its field for typing is narrower than the room
        // it asks for: a longer "any" (Dutch "Aangemaakt: altijd") was cut at the left. The box
        // keeps what its frame and arrow take, and the field fits the text with the line
        // edit's own margins (2 pixels a side) and the cursor.
        QStyleOptionComboBox option;
        option.initFrom(edit);
        option.editable = true;
        option.rect = QRect(0, 0, 400, edit->sizeHint().height());
        const int frameAndArrow =
            option.rect.width() -
            edit->style()
                ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, edit)
                .width();
        edit->setMinimumWidth(frameAndArrow + edit->fontMetrics().horizontalAdvance(any) + 6);
        return edit;
    };
    m_since = dateEdit(tr("Created: any"), QStringLiteral("filterSince"), tr("Created from"));
    m_until = dateEdit(tr("until any"), QStringLiteral("filterUntil"), tr("Created until"));
    m_since->installEventFilter(this);
    m_until->installEventFilter(this);
    connect(m_since, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_showing)
            return;
        m_filter.since = date > anyDate ? startOfLocalDay(date) : QDateTime();
        changed();
    });
    // Until a day means up to and including it.
    connect(m_until, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_showing)
            return;
        m_filter.until = date > anyDate ? startOfLocalDay(date.addDays(1)) : QDateTime();
        changed();
    });

    m_includeTest = new QCheckBox(tr("Show test leads"));
    m_includeTest->setObjectName(QStringLiteral("filterIncludeTest"));
    connect(m_includeTest, &QCheckBox::toggled, this, [this](bool on) {
        if (m_showing)
            return;
        m_filter.includeTest = on;
        changed();
    });

    m_pastSla = new QCheckBox(tr("Past first-touch SLA"));
    m_pastSla->setObjectName(QStringLiteral("filterPastSla"));
    m_pastSla->setToolTip(tr("Only the open leads nobody has touched within the team's "
                             "first-touch target, and those touched late"));
    connect(m_pastSla, &QCheckBox::toggled, this, [this](bool on) {
        if (m_showing)
            return;
        m_filter.slaBreached = on;
        m_filter.slaTargetHours = m_slaHours;
        changed();
    });

    m_searching = new QLabel(tr("Searching…"));
    m_searching->setObjectName(QStringLiteral("searchingLabel"));
    // Keeps its room when hidden, so that the row does not jump at every keystroke.
    QSizePolicy keep = m_searching->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_searching->setSizePolicy(keep);
    m_searching->hide();

    // Fixed-choice boxes need no more than ten characters closed, and their lists open as wide
    // as their longest choice: the bar then leaves the window narrow enough for a laptop.
    for (QComboBox *box : {m_stage, m_grade, m_origin, m_destination}) {
        box->setMinimumContentsLength(10);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->view()->setMinimumWidth(box->view()->sizeHintForColumn(0) + 24);
    }

    // Two rows, so that the bar does not make the table wider than a laptop screen: what a
    // rep uses all day first, the rarer choices under it.
    auto *first = new QHBoxLayout;
    first->setContentsMargins(0, 0, 0, 0);
    first->addWidget(m_search, 1);
    first->addWidget(m_stage);
    first->addWidget(m_grade);
    first->addWidget(m_minScore);
    first->addWidget(m_includeTest);
    first->addWidget(m_pastSla);
    first->addWidget(m_searching);
    auto *second = new QHBoxLayout;
    second->setContentsMargins(0, 0, 0, 0);
    second->addWidget(m_owner, 1);
    second->addWidget(m_offer, 1);
    second->addWidget(m_action, 1);
    second->addWidget(m_origin);
    second->addWidget(m_destination);
    second->addWidget(m_since);
    second->addWidget(m_until);

    m_chipRow = new QWidget;
    m_chipRow->setObjectName(QStringLiteral("filterChips"));
    m_chipLayout = new QHBoxLayout(m_chipRow);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(6);
    m_chipRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->setSpacing(4);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addWidget(m_chipRow);
}

void FilterBar::textChoiceEdited(QComboBox *box, QString LeadFilter::*field) {
    auto take = [this, box, field] {
        if (m_showing)
            return;
        m_filter.*field = box->currentText().trimmed();
        changed();
    };
    connect(box->lineEdit(), &QLineEdit::editingFinished, this, take);
    connect(box, &QComboBox::activated, this, take);
    // The clear button empties the box without finishing an edit.
    connect(box->lineEdit(), &QLineEdit::textChanged, this, [take](const QString &text) {
        if (text.isEmpty())
            take();
    });
}

LeadFilter FilterBar::filter() const {
    return m_filter;
}

void FilterBar::setFilter(const LeadFilter &filter) {
    m_searchDelay->stop();
    m_filter = filter;
    m_filter.storefront.reset();
    showFilter();
    changed();
}

FilterBar::~FilterBar() {
    m_reader.reset();
}

void FilterBar::setUserName(const QString &name) {
    m_userName = name;
    choicesArrived({}, {});
}

void FilterBar::loadChoices(const Database &db) {
    if (!m_reader)
        m_reader = std::make_unique<DatabaseReader>(db);
    // The reader ends before the bar goes, so `this` outlives the job; an answer still queued
    // then is dropped with the bar.
    m_reader->post([this](const Database &readerDb) {
        LeadRepository repository(readerDb);
        const std::optional<QStringList> owners =
            repository.distinctValues(QStringLiteral("owner"));
        const std::optional<QStringList> offers =
            repository.distinctValues(QStringLiteral("offer_id"));
        QMetaObject::invokeMethod(
            this,
            [this, owners = owners.value_or(QStringList()),
             offers = offers.value_or(QStringList())] { choicesArrived(owners, offers); },
            Qt::QueuedConnection);
        return owners.has_value() && offers.has_value();
    });
}

void FilterBar::choicesArrived(const QStringList &owners, const QStringList &offers) {
    // Row 0 is "any"; then the user first, as the owner most often wanted. What is being
    // typed stays as it is.
    m_showing = true;
    const QString typedOwner = m_owner->currentText();
    QStringList ownerItems = owners;
    if (!m_userName.isEmpty()) {
        ownerItems.removeAll(m_userName);
        ownerItems.prepend(m_userName);
    }
    while (m_owner->count() > 1)
        m_owner->removeItem(1);
    m_owner->addItems(ownerItems);
    m_owner->setEditText(typedOwner);
    if (!offers.isEmpty()) {
        const QString typedOffer = m_offer->currentText();
        while (m_offer->count() > 1)
            m_offer->removeItem(1);
        m_offer->addItems(offers);
        m_offer->setEditText(typedOffer);
    }
    m_showing = false;
}

void FilterBar::setSlaTargetHours(int hours) {
    if (hours <= 0 || hours == m_slaHours)
        return;
    m_slaHours = hours;
    if (m_filter.slaBreached) {
        LeadFilter f = m_filter;
        f.slaTargetHours = hours;
        setFilter(f);
    }
}

void FilterBar::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::clearFilters() {
    setFilter(LeadFilter());
}

void FilterBar::setSearching(bool searching) {
    m_searching->setVisible(searching);
}

bool FilterBar::hasActiveFilters() const {
    return !chips().isEmpty();
}

QString FilterBar::summary() const {
    QStringList texts;
    for (const Chip &chip : chips())
        texts << chip.text;
    return texts.join(QStringLiteral(" · "));
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_searchDelay->stop();
        m_search->clear();
        return true;
    }
    // Showing "any", a date edit has no day, month or year for Tab to step through, and
    // QDateEdit then keeps Tab to itself: the keyboard would be trapped there.
    if ((watched == m_since || watched == m_until) && event->type() == QEvent::KeyPress) {
        const auto *edit = static_cast<const QDateEdit *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        if (tab && edit->date() == edit->minimumDate() &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            return focusNextPrevChild(key->key() == Qt::Key_Tab &&
                                      !(key->modifiers() & Qt::ShiftModifier));
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::searchEdited() {
    if (m_showing)
        return;
    m_searchDelay->stop();
    m_filter.search = m_search->text().simplified();
    changed();
}

void FilterBar::changed() {
    rebuildChips();
    if (m_filter == m_emitted)
        return;
    m_emitted = m_filter;
    emit filterChanged(m_filter);
}

void FilterBar::showFilter() {
    m_showing = true;
    // Leaves what the user is typing alone when the search itself did not change.
    if (m_search->text().simplified() != m_filter.search)
        m_search->setText(m_filter.search);
    m_stage->setCurrentIndex(
        m_filter.stage ? m_stage->findData(Stages::canonicalName(*m_filter.stage)) : 0);
    m_owner->setEditText(m_filter.owner);
    m_offer->setEditText(m_filter.offerId);
    m_action->setEditText(m_filter.action);
    m_grade->setCurrentIndex(m_filter.grade.isEmpty() ? 0 : m_grade->findData(m_filter.grade));
    m_origin->setCurrentIndex(
        m_filter.origin.isEmpty() ? 0 : std::max(0, m_origin->findData(m_filter.origin)));
    m_destination->setCurrentIndex(
        m_filter.destination.isEmpty()
            ? 0
            : std::max(0, m_destination->findData(m_filter.destination)));
    m_minScore->setValue(m_filter.minScore.value_or(0));
    m_since->setDate(m_filter.since.isValid() ? m_filter.since.toLocalTime().date() : anyDate);
    m_until->setDate(m_filter.until.isValid() ? m_filter.until.toLocalTime().addMSecs(-1).date()
                                              : anyDate);
    m_includeTest->setChecked(m_filter.includeTest);
    m_pastSla->setChecked(m_filter.slaBreached);
    m_showing = false;
}
