// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"
#include "parametersweep.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class PlotView;
class QTimer;
namespace elu {
class PlotModel;
}

/// Play in the window: sweeps the selected curve's parameter of a PlotModel from FROM to TO over
/// a duration, once, in a loop, or there and back (elu::SweepRepeat; a cycle lasts the duration).
/// A timer (about 60 Hz) computes the value from the time elapsed on each tick, so the sweep keeps
/// to the clock however long a frame takes: a slow frame skips values, frames never queue up.
/// Values are rounded to the quantum of a 101-frame sweep (elu::sweepQuantum), so the legend shows
/// short decimals ("ELU, α = 1.234"). A value the model refuses (one making two curves the same)
/// is skipped.
/// It stops by itself, leaving the parameter where it is, when the parameter is changed by
/// anything else (the controls, a session, Restore Defaults), when the selected curve changes,
/// when curves are added or removed, and, played once, at TO. While it plays, the plot's fit is
/// held (PlotView::setFitHeld), so the y axes only widen, and its frames are drawn antialiased,
/// not as drafts (PlotView::setDraftsAllowed; the window's default, allowed, comes back after).
class SweepPlayer : public QObject
{
    Q_OBJECT

public:
    /// Milliseconds since any fixed origin; a QElapsedTimer's unless a test injects its own.
    using Clock = std::function<qint64()>;
    /// The timer's interval: about one frame of a 60 Hz display.
    static constexpr int tickIntervalMs = 16;
    /// The values are rounded as a sweep of this many frames rounds them.
    static constexpr int quantumFrames = 101;

    /// `view`, if given, has its fit held while playing; neither is owned.
    explicit SweepPlayer(elu::PlotModel *model, PlotView *view = nullptr,
                         QObject *parent = nullptr);
    ~SweepPlayer() override;

    void setClock(Clock clock);

    /// FROM and TO (they may run downwards: 3 to 0.1). Equal or non-finite bounds cannot play.
    /// Changed while playing, the sweep goes on from the same point of its cycle.
    void setBounds(double from, double to);
    double from() const { return m_sweep.from; }
    double to() const { return m_sweep.to; }
    /// Seconds per cycle, clamped to elu::limits::sweepDuration{Min,Max}.
    void setDuration(double seconds);
    double duration() const { return m_sweep.duration; }
    void setRepeat(elu::SweepRepeat repeat);
    elu::SweepRepeat repeat() const { return m_sweep.repeat; }
    /// The sweep as played: the selected curve's keyword, the bounds, the duration, the repeat
    /// and quantumFrames frames.
    elu::ParameterSweep sweep() const;
    /// The step the played values are rounded to.
    double quantum() const { return m_quantum; }

    /// True when the selected curve has a parameter and the bounds differ.
    bool canPlay() const;
    bool isPlaying() const { return m_playing; }

public slots:
    /// Starts from FROM, or resumes a paused sweep from where it stopped while nothing else has
    /// changed the parameter since. Does nothing when it cannot play.
    void play();
    /// Pauses: the parameter stays where it is.
    void stop();
    void toggle();
    /// Sets the parameter for the time now (the timer calls it; tests may too).
    void tick();

signals:
    void playingChanged(bool playing);

private:
    double elapsedSeconds() const;
    void keepPhase(double oldDuration);
    void updateQuantum();
    void onSpecChanged();
    void forgetPosition();

    elu::PlotModel *m_model;
    QPointer<PlotView> m_view;
    QTimer *m_timer;
    Clock m_clock;
    elu::ParameterSweep m_sweep;
    double m_quantum = 0.001;
    bool m_playing = false;
    bool m_setting = false;       ///< the model change under way is the player's own
    qint64 m_startMs = 0;         ///< the clock when the sweep was at position 0, while playing
    double m_pausedSeconds = 0.0; ///< how far a paused sweep had gone
    bool m_resumable = false;     ///< paused mid-sweep: Play goes on from m_pausedSeconds
    /// The last value the player set (or found, when it started), on which row and activation.
    double m_lastValue = 0.0;
    int m_lastRow = -1;
    elu::ActivationId m_lastActivation = elu::ActivationId::Elu;
};
