// SPDX-License-Identifier: MIT
#include "parametersweep.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace elu {

ParsedSweepRange parseSweepRange(const QString &text)
{
    // The keyword is checked against the curves by the caller, who can name the accepted ones.
    static const QRegularExpression form(QStringLiteral("^([^=:]+)=([^:]+):([^:]+)$"));
    ParsedSweepRange result;
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch()) {
        result.error = QStringLiteral("the form is KEYWORD=FROM:TO, e.g. alpha=0.1:3");
        return result;
    }
    result.keyword = match.captured(1).trimmed();
    const std::optional<double> from = parseDecimal(match.captured(2).trimmed());
    const std::optional<double> to = parseDecimal(match.captured(3).trimmed());
    if (!from || !to || !std::isfinite(*from) || !std::isfinite(*to)) {
        result.error = QStringLiteral("FROM and TO must be finite numbers, e.g. alpha=0.1:3");
        return result;
    }
    if (!sweepRangeUsable(*from, *to)) {
        result.error = sweepRangeError();
        return result;
    }
    result.from = *from;
    result.to = *to;
    return result;
}

bool sweepRangeUsable(double from, double to)
{
    if (!std::isfinite(from) || !std::isfinite(to))
        return false;
    const double scale = std::max({1.0, std::abs(from), std::abs(to)});
    return std::abs(to - from) >= 1e-9 * scale;
}

QString sweepRangeError()
{
    return QStringLiteral("FROM and TO must differ, by at least a billionth of the larger of 1 "
                          "and their sizes");
}

QString sweepFramesError(qint64 frames)
{
    if (frames >= limits::sweepFramesMin && frames <= limits::sweepFramesMax)
        return {};
    return QStringLiteral("a whole number of frames from %1 to %2 is required")
        .arg(limits::sweepFramesMin)
        .arg(limits::sweepFramesMax);
}

QString sweepDurationError(double seconds)
{
    if (seconds >= limits::sweepDurationMin && seconds <= limits::sweepDurationMax)
        return {};
    return QStringLiteral("a duration from %1 to %2 seconds is required")
        .arg(formatNumber(limits::sweepDurationMin), formatNumber(limits::sweepDurationMax));
}

double framePosition(int frame, int frames, SweepRepeat repeat)
{
    if (repeat == SweepRepeat::Bounce)
        return 1.0 - std::abs(1.0 - 2.0 * frame / frames);
    return double(frame) / (frames - 1);
}

PlayPosition playPosition(double seconds, double duration, SweepRepeat repeat)
{
    const double cycles = std::max(seconds, 0.0) / duration;
    switch (repeat) {
    case SweepRepeat::Once:
        return {std::min(cycles, 1.0), cycles >= 1.0};
    case SweepRepeat::Loop:
        return {cycles - std::floor(cycles), false};
    case SweepRepeat::Bounce:
        return {1.0 - std::abs(1.0 - 2.0 * (cycles - std::floor(cycles))), false};
    }
    return {};
}

namespace {

// The power of ten of the quantum: one below the frame step's leading digit.
int quantumExponent(const ParameterSweep &sweep)
{
    const double range = std::abs(sweep.to - sweep.from);
    const double step = sweep.repeat == SweepRepeat::Bounce ? 2.0 * range / sweep.frames
                                                            : range / (sweep.frames - 1);
    return int(std::floor(std::log10(step))) - 1;
}

} // namespace

double sweepQuantum(const ParameterSweep &sweep)
{
    return std::pow(10.0, quantumExponent(sweep));
}

double sweepValue(const ParameterSweep &sweep, double position, double quantum)
{
    if (position <= 0.0)
        return sweep.from;
    if (position >= 1.0)
        return sweep.to;
    const double exact = std::lerp(sweep.from, sweep.to, position);
    // The decimal m·10^e parsed, not m·quantum multiplied: the nearest double to the decimal, so
    // that the legend's shortest form is the short decimal itself.
    const int exponent = int(std::lround(std::log10(quantum)));
    const double multiple = std::round(exact / quantum);
    if (!(std::abs(multiple) < 9e18)) // beyond qint64: a range sweepRangeUsable refuses
        return exact;
    const std::optional<double> rounded =
        parseDecimal(QStringLiteral("%1e%2").arg(qint64(multiple)).arg(exponent));
    const double low = std::min(sweep.from, sweep.to), high = std::max(sweep.from, sweep.to);
    return std::clamp(rounded.value_or(exact), low, high);
}

std::vector<double> frameValues(const ParameterSweep &sweep)
{
    const double quantum = sweepQuantum(sweep);
    std::vector<double> values;
    values.reserve(std::size_t(sweep.frames));
    for (int k = 0; k < sweep.frames; ++k)
        values.push_back(sweepValue(sweep, framePosition(k, sweep.frames, sweep.repeat), quantum));
    return values;
}

std::vector<int> frameDurationsMs(const ParameterSweep &sweep)
{
    std::vector<int> durations;
    durations.reserve(std::size_t(sweep.frames));
    const double total = 1000.0 * sweep.duration;
    for (int k = 0; k < sweep.frames; ++k)
        durations.push_back(int(std::lround(total * (k + 1) / sweep.frames)
                                - std::lround(total * k / sweep.frames)));
    return durations;
}

std::optional<double> firstRefusedValue(const PlotSpec &spec, int curve,
                                        const ParameterSweep &sweep)
{
    for (const double value : frameValues(sweep)) {
        PlotSpec swept = spec;
        swept.curves.at(std::size_t(curve)).parameter = value;
        if (!validate(swept).isEmpty())
            return value;
    }
    return std::nullopt;
}

QString sweepSpecError(const PlotSpec &spec, int curve, const ParameterSweep &sweep)
{
    const std::optional<double> refused = firstRefusedValue(spec, curve, sweep);
    if (!refused)
        return {};
    PlotSpec swept = spec;
    swept.curves.at(std::size_t(curve)).parameter = *refused;
    return QStringLiteral("at %1 = %2: %3")
        .arg(sweep.keyword, formatNumber(*refused), validate(swept));
}

} // namespace elu
