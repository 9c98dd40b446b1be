// SPDX-License-Identifier: MIT
#include "sweepplayer.h"

#include "plotmodel.h"
#include "plotview.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

SweepPlayer::SweepPlayer(elu::PlotModel *model, PlotView *view, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_view(view)
    , m_timer(new QTimer(this))
{
    auto monotonic = std::make_shared<QElapsedTimer>();
    monotonic->start();
    m_clock = [monotonic] { return monotonic->elapsed(); };

    m_sweep.frames = quantumFrames;
    if (const auto &parameter = m_model->selected().descriptor().parameter) {
        m_sweep.from = parameter->sweepFrom;
        m_sweep.to = parameter->sweepTo;
    }
    updateQuantum();

    // The timer only says "a frame is due": each tick reads the clock, so a late tick catches up
    // by skipping values instead of queueing frames.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(tickIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SweepPlayer::tick);

    connect(m_model, &elu::PlotModel::specChanged, this, &SweepPlayer::onSpecChanged);
    auto stopAndForget = [this] {
        stop();
        forgetPosition();
    };
    connect(m_model, &elu::PlotModel::selectedCurveChanged, this, stopAndForget);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, stopAndForget);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, stopAndForget);
    connect(m_model, &QAbstractItemModel::modelReset, this, stopAndForget);
}

SweepPlayer::~SweepPlayer()
{
    if (m_playing && m_view) {
        m_view->setFitHeld(false);
        m_view->setDraftsAllowed(true);
    }
}

void SweepPlayer::setClock(Clock clock)
{
    const double elapsed = m_playing ? elapsedSeconds() : 0.0;
    m_clock = std::move(clock);
    if (m_playing)
        m_startMs = m_clock() - std::llround(1000.0 * elapsed);
}

void SweepPlayer::setBounds(double from, double to)
{
    m_sweep.from = from;
    m_sweep.to = to;
    updateQuantum();
    if (!canPlay())
        stop();
}

void SweepPlayer::setDuration(double seconds)
{
    const double old = m_sweep.duration;
    m_sweep.duration =
        std::clamp(seconds, elu::limits::sweepDurationMin, elu::limits::sweepDurationMax);
    keepPhase(old);
}

void SweepPlayer::setRepeat(elu::SweepRepeat repeat)
{
    m_sweep.repeat = repeat;
    updateQuantum();
    keepPhase(m_sweep.duration); // a sweep in its fifth loop switched to Once does not end at once
}

elu::ParameterSweep SweepPlayer::sweep() const
{
    elu::ParameterSweep sweep = m_sweep;
    if (const auto &parameter = m_model->selected().descriptor().parameter)
        sweep.keyword = elu::latin1(parameter->keyword);
    return sweep;
}

bool SweepPlayer::canPlay() const
{
    return m_model->selected().descriptor().parameter.has_value()
           && elu::sweepRangeUsable(m_sweep.from, m_sweep.to);
}

void SweepPlayer::play()
{
    if (m_playing || !canPlay())
        return;
    const elu::Curve &curve = m_model->selected();
    // Resume only a pause nothing has disturbed since: same curve, same value.
    const bool resume = m_resumable && m_model->selectedCurve() == m_lastRow
                        && curve.activation == m_lastActivation && curve.parameter == m_lastValue;
    const double startAt = resume ? m_pausedSeconds : 0.0;
    m_lastRow = m_model->selectedCurve();
    m_lastActivation = curve.activation;
    m_lastValue = curve.parameter;
    m_resumable = false;
    m_startMs = m_clock() - std::llround(1000.0 * startAt);
    m_playing = true;
    if (m_view) {
        m_view->setFitHeld(true);
        // Every frame antialiased: a sweep is one long burst of changes, and its frames cost
        // about the same either way, as the plot samples only its pixels.
        m_view->setDraftsAllowed(false);
    }
    m_timer->start();
    emit playingChanged(true);
    tick();
}

void SweepPlayer::stop()
{
    if (!m_playing)
        return;
    m_pausedSeconds = elapsedSeconds();
    m_resumable = true;
    m_playing = false;
    m_timer->stop();
    if (m_view) {
        m_view->setFitHeld(false);
        m_view->setDraftsAllowed(true); // the window's default: slider drags draw drafts
    }
    emit playingChanged(false);
}

void SweepPlayer::toggle()
{
    if (m_playing)
        stop();
    else
        play();
}

void SweepPlayer::tick()
{
    if (!m_playing)
        return;
    const elu::PlayPosition at =
        elu::playPosition(elapsedSeconds(), m_sweep.duration, m_sweep.repeat);
    const double value = elu::sweepValue(m_sweep, at.position, m_quantum);
    if (value != m_lastValue) {
        m_setting = true;
        const bool taken = m_model->setCurveParameter(value); // refused (a duplicate): skipped
        m_setting = false;
        if (taken)
            m_lastValue = value;
    }
    if (at.finished) {
        stop();
        forgetPosition(); // played once: Play starts again from FROM
    }
}

double SweepPlayer::elapsedSeconds() const
{
    return double(m_clock() - m_startMs) / 1000.0;
}

void SweepPlayer::keepPhase(double oldDuration)
{
    // The same point of the cycle, at the new duration; whole cycles already played are dropped.
    const double elapsed = m_playing ? elapsedSeconds() : m_pausedSeconds;
    const double kept =
        std::fmod(std::max(elapsed, 0.0), oldDuration) / oldDuration * m_sweep.duration;
    if (m_playing)
        m_startMs = m_clock() - std::llround(1000.0 * kept);
    else
        m_pausedSeconds = kept;
}

void SweepPlayer::updateQuantum()
{
    if (elu::sweepRangeUsable(m_sweep.from, m_sweep.to))
        m_quantum = elu::sweepQuantum(m_sweep);
}

void SweepPlayer::onSpecChanged()
{
    if (m_setting || (!m_playing && !m_resumable))
        return;
    // A change from anywhere else (typed, the keyboard on the slider, a session, Restore
    // Defaults): the parameter the user now sees is theirs, so the sweep stops there.
    const elu::Curve &curve = m_model->selected();
    if (m_model->selectedCurve() != m_lastRow || curve.activation != m_lastActivation
        || curve.parameter != m_lastValue) {
        stop();
        forgetPosition();
    }
}

void SweepPlayer::forgetPosition()
{
    m_resumable = false;
}
