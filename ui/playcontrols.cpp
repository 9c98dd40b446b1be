// SPDX-License-Identifier: MIT
#include "playcontrols.h"

#include "numberspinbox.h"
#include "plotmodel.h"
#include "plotspec.h"
#include "plotview.h"
#include "sliderspinbox.h"
#include "sweepplayer.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>

#include <algorithm>

namespace {

constexpr int groupSpacing = 12; // between the bounds and the timing in one row

} // namespace

PlayControls::PlayControls(elu::PlotModel *model, PlotView *view, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_player(new SweepPlayer(model, view, this))
    , m_bounds(new QWidget(this))
    , m_timing(new QWidget(this))
    , m_play(new QPushButton(m_bounds))
    , m_from(new NumberSpinBox(m_bounds))
    , m_to(new NumberSpinBox(m_bounds))
    , m_duration(new QDoubleSpinBox(m_timing))
    , m_repeat(new QComboBox(m_timing))
    , m_layout(new QGridLayout(this))
{
    // The bounds are short decimals: room for "0.0001" (the box scrolls a longer one).
    const int boundWidth = fontMetrics().horizontalAdvance(QStringLiteral("0.0001")) + 30;
    for (NumberSpinBox *bound : {m_from, m_to}) {
        bound->setSingleStep(0.1);
        bound->setMinimumWidth(boundWidth);
    }
    m_from->setAccessibleName(tr("Sweep from"));
    m_from->setToolTip(tr("Where the sweep starts: the parameter's value at the start of a cycle"));
    m_to->setAccessibleName(tr("Sweep to"));
    m_to->setToolTip(tr("Where the sweep ends (or, back and forth, turns back)"));

    m_duration->setRange(elu::limits::sweepDurationMin, elu::limits::sweepDurationMax);
    m_duration->setDecimals(1);
    m_duration->setSingleStep(0.5);
    m_duration->setSuffix(tr(" s"));
    m_duration->setValue(m_player->duration());
    m_duration->setKeyboardTracking(false);
    m_duration->setAccelerated(true);
    m_duration->setAccessibleName(tr("Sweep duration in seconds"));
    m_duration->setToolTip(tr("Seconds per cycle (0.1 to 600); back and forth, there and back "
                              "take this long together"));

    m_repeat->addItem(tr("Once"), int(elu::SweepRepeat::Once));
    m_repeat->addItem(tr("Loop"), int(elu::SweepRepeat::Loop));
    m_repeat->addItem(tr("Back and forth"), int(elu::SweepRepeat::Bounce));
    m_repeat->setCurrentIndex(m_repeat->findData(int(m_player->repeat())));
    m_repeat->setAccessibleName(tr("Repeat"));
    m_repeat->setToolTip(tr("Once: from FROM to TO, then stop. Loop: from FROM to TO again and "
                            "again. Back and forth: to TO and back, again and again"));

    m_play->setAutoDefault(false);
    m_play->setFocusPolicy(Qt::StrongFocus);
    // As wide as "Pause" and "Play" both need, so the row does not shift as it toggles.
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_play->setText(tr("Pause"));
    int playWidth = m_play->sizeHint().width();
    m_play->setText(tr("Play"));
    playWidth = std::max(playWidth, m_play->sizeHint().width());
    m_play->setMinimumWidth(playWidth);

    auto *fromLabel = new QLabel(tr("Fro&m:"), m_bounds);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("T&o:"), m_bounds);
    toLabel->setBuddy(m_to);
    auto *durationLabel = new QLabel(tr("Durat&ion:"), m_timing);
    durationLabel->setBuddy(m_duration);
    auto *repeatLabel = new QLabel(tr("&Sweep:"), m_timing);
    repeatLabel->setBuddy(m_repeat);

    // Two groups, side by side in one row, or the timing under the bounds in a narrow window.
    auto *bounds = new QHBoxLayout(m_bounds);
    bounds->setContentsMargins(0, 0, 0, 0);
    bounds->addWidget(m_play);
    bounds->addSpacing(6);
    bounds->addWidget(fromLabel);
    bounds->addWidget(m_from);
    bounds->addWidget(toLabel);
    bounds->addWidget(m_to);
    auto *timing = new QHBoxLayout(m_timing);
    timing->setContentsMargins(0, 0, 0, 0);
    timing->addWidget(durationLabel);
    timing->addWidget(m_duration);
    timing->addWidget(repeatLabel);
    timing->addWidget(m_repeat);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(groupSpacing);
    m_layout->addWidget(m_bounds, 0, 0, Qt::AlignLeft);
    m_layout->addWidget(m_timing, 0, 1, Qt::AlignLeft);
    m_layout->setColumnStretch(2, 1);

    // Space plays and pauses while the plot has the focus. A click in the plot gives it to the
    // plot's canvas (a child of the view: QCustomPlot takes click focus), or else to the view.
    if (!(view->focusPolicy() & Qt::ClickFocus))
        view->setFocusPolicy(Qt::ClickFocus);
    m_shortcut = new QShortcut(QKeySequence(Qt::Key_Space), view);
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, m_player, &SweepPlayer::toggle);

    connect(m_play, &QPushButton::clicked, m_player, &SweepPlayer::toggle);
    connect(m_player, &SweepPlayer::playingChanged, this, &PlayControls::showPlaying);
    connect(m_from, &QDoubleSpinBox::valueChanged, this, &PlayControls::applyBounds);
    connect(m_to, &QDoubleSpinBox::valueChanged, this, &PlayControls::applyBounds);
    connect(m_duration, &QDoubleSpinBox::valueChanged, m_player, &SweepPlayer::setDuration);
    connect(m_repeat, &QComboBox::currentIndexChanged, this,
            [this] { m_player->setRepeat(elu::SweepRepeat(m_repeat->currentData().toInt())); });
    connect(m_model, &elu::PlotModel::selectedCurveChanged, this, &PlayControls::showSelectedCurve);
    connect(m_model, &elu::PlotModel::specChanged, this, &PlayControls::showSelectedCurve);

    showSelectedCurve();
    showPlaying(false);
}

PlayControls::~PlayControls()
{
    // Nothing reaches the player from the plot's shortcut or the spin boxes any more.
    delete m_shortcut;
    disconnect(m_model, nullptr, this, nullptr);
    for (QAbstractSpinBox *box : findChildren<QAbstractSpinBox *>())
        box->blockSignals(true);
}

QSize PlayControls::minimumSizeHint() const
{
    // As narrow as the two groups one above the other: a narrow window wraps the row.
    QSize size = QWidget::minimumSizeHint();
    size.setWidth(
        std::max(m_bounds->minimumSizeHint().width(), m_timing->minimumSizeHint().width()));
    return size;
}

void PlayControls::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void PlayControls::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        arrange();
}

void PlayControls::arrange()
{
    // One row when both groups fit at their preferred widths; else the timing wraps under.
    const bool wrap =
        width() < m_bounds->sizeHint().width() + groupSpacing + m_timing->sizeHint().width();
    if (wrap == m_wrapped)
        return;
    m_wrapped = wrap;
    m_layout->removeWidget(m_timing);
    if (wrap)
        m_layout->addWidget(m_timing, 1, 0, Qt::AlignLeft);
    else
        m_layout->addWidget(m_timing, 0, 1, Qt::AlignLeft);
    updateGeometry();
}

void PlayControls::stopOnEditsOf(SliderSpinBox *control)
{
    // Grabbing the slider, stepping or typing in the spin box: the user takes the parameter over.
    // (A typed value reaches the model only with Enter; the first key pauses, so the spin box
    // is not overwritten under the typing.)
    connect(control->slider(), &QSlider::sliderPressed, m_player, &SweepPlayer::stop);
    connect(control, &SliderSpinBox::valueEdited, m_player, &SweepPlayer::stop);
    if (auto *edit = control->spinBox()->findChild<QLineEdit *>())
        connect(edit, &QLineEdit::textEdited, m_player, &SweepPlayer::stop);
}

void PlayControls::showSelectedCurve()
{
    const elu::Curve &curve = m_model->selected();
    if (m_shownActivation == curve.activation)
        return; // a new value, or another curve of the same activation: the bounds stay
    // Another activation: its own sweep range (a new value of the same one keeps the bounds).
    m_shownActivation = curve.activation;
    const std::optional<elu::ActivationParameter> &parameter = curve.descriptor().parameter;
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        for (NumberSpinBox *bound : {m_from, m_to}) {
            if (parameter) {
                bound->setSpecialValueText(QString());
                // The parameter slider's lowest value: an excluded minimum (β > 0) one
                // step inside it.
                bound->setRange(parameter->slider.valueAt(0), parameter->max);
            } else {
                // An empty range shows "none", as the parameter's own control does.
                bound->setRange(0.0, 0.0);
                bound->setSpecialValueText(tr("none"));
            }
        }
        if (parameter) {
            m_from->setValue(parameter->sweepFrom);
            m_to->setValue(parameter->sweepTo);
        }
    }
    if (parameter)
        applyBounds();
    updateAvailability();
}

void PlayControls::applyBounds()
{
    m_player->setBounds(m_from->value(), m_to->value());
    updateAvailability();
}

void PlayControls::updateAvailability()
{
    const elu::Activation &activation = m_model->selected().descriptor();
    const bool hasParameter = activation.parameter.has_value();
    const QString noParameter =
        tr("%1 has no parameter to play: select a curve with one").arg(activation.displayName);
    setEnabled(hasParameter);
    setToolTip(hasParameter ? QString() : noParameter);
    m_shortcut->setEnabled(m_player->canPlay());
    m_play->setEnabled(m_player->canPlay());
    if (!hasParameter)
        m_play->setToolTip(noParameter);
    else if (!m_player->canPlay())
        m_play->setToolTip(tr("From and to are the same: set two different values to play"));
    else
        showPlaying(m_player->isPlaying());
}

void PlayControls::showPlaying(bool playing)
{
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setAccessibleName(m_play->text());
    if (!m_play->isEnabled())
        return;
    const std::optional<elu::ActivationParameter> &parameter =
        m_model->selected().descriptor().parameter;
    const QString symbol = parameter ? parameter->symbol : tr("the parameter");
    m_play->setToolTip(
        playing ? tr("Pause: %1 stays where it is (Space, with the plot focused)").arg(symbol)
                : tr("Play: sweep %1 from %2 to %3 (Space, with the plot focused; click the "
                     "plot first)")
                      .arg(symbol, elu::formatNumber(m_player->from()),
                           elu::formatNumber(m_player->to())));
}
