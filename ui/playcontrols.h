// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"

#include <QPointer>
#include <QShortcut>
#include <QWidget>

#include <optional>

class NumberSpinBox;
class PlotView;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QPushButton;
class SliderSpinBox;
class SweepPlayer;
namespace elu {
class PlotModel;
}

/// The Play row under the parameter controls: Play/Pause, the sweep's bounds (from, to), its
/// duration and how it repeats (once, loop, back and forth), driving a SweepPlayer on the selected
/// curve's parameter. The bounds start at the catalogue's sweep range for the selected curve's
/// activation and reset to it when that activation changes. Disabled, with the reason in its
/// tooltip, for an activation without a parameter. Space on the plot plays and pauses. Too narrow
/// for one line, the row puts the duration and the repeat under the bounds.
class PlayControls : public QWidget
{
    Q_OBJECT

public:
    /// Space toggles Play while `view` has the keyboard focus (a click in the plot gives it).
    PlayControls(elu::PlotModel *model, PlotView *view, QWidget *parent = nullptr);
    ~PlayControls() override;

    /// Stops playing when the user takes `control` in hand: presses its slider, or edits it.
    void stopOnEditsOf(SliderSpinBox *control);

    SweepPlayer *player() const { return m_player; }
    QPushButton *playButton() const { return m_play; }
    NumberSpinBox *fromBox() const { return m_from; }
    NumberSpinBox *toBox() const { return m_to; }
    QDoubleSpinBox *durationBox() const { return m_duration; }
    QComboBox *repeatBox() const { return m_repeat; }
    QShortcut *playShortcut() const { return m_shortcut; }
    /// True when the row is too narrow for one line and the duration and repeat sit under the
    /// bounds.
    bool isWrapped() const { return m_wrapped; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showSelectedCurve();
    void showPlaying(bool playing);
    void updateAvailability();
    void applyBounds();
    void arrange();

    elu::PlotModel *m_model;
    SweepPlayer *m_player;
    QWidget *m_bounds; ///< Play, from, to
    QWidget *m_timing; ///< duration, repeat
    QPushButton *m_play;
    NumberSpinBox *m_from;
    NumberSpinBox *m_to;
    QDoubleSpinBox *m_duration;
    QComboBox *m_repeat;
    QGridLayout *m_layout;
    bool m_wrapped = false;
    QPointer<QShortcut> m_shortcut; ///< a child of the plot view
    /// The activation whose sweep range the bounds were last reset to.
    std::optional<elu::ActivationId> m_shownActivation;
};
