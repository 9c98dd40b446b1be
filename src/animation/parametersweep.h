// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QString>

#include <optional>
#include <vector>

namespace elu {

/// How a sweep repeats: once from FROM to TO; again and again from FROM to TO; or FROM to TO and
/// back. A cycle (one pass, or there and back) lasts the sweep's duration.
enum class SweepRepeat { Once, Loop, Bounce };

/// A parameter moving from `from` to `to`: what --animate KEYWORD=FROM:TO, --frames, --duration
/// and --bounce describe, and what Play in the window runs.
struct ParameterSweep
{
    QString keyword; ///< the catalogue's keyword: "alpha", "negative_slope", "beta"
    double from = 0.1;
    double to = 3.0;
    int frames = 60;        ///< frames in a file (one cycle)
    double duration = 3.0;  ///< seconds per cycle
    SweepRepeat repeat = SweepRepeat::Loop;

    friend bool operator==(const ParameterSweep &, const ParameterSweep &) = default;
};

namespace limits {
inline constexpr int sweepFramesMin = 2;
inline constexpr int sweepFramesMax = 1000;
inline constexpr double sweepDurationMin = 0.1;
inline constexpr double sweepDurationMax = 600.0;
/// Browsers show GIF frames shorter than 20 ms (2/100 s), and WebP frames of 10 ms or less, for
/// 100 ms: an animation's frames last at least this long in either format.
inline constexpr int frameMinMs = 20;
} // namespace limits

/// KEYWORD=FROM:TO as --animate takes it ("alpha=0.1:3"); the keyword is not checked against the
/// curves here. On failure `error` says what is accepted.
struct ParsedSweepRange
{
    QString keyword;
    double from = 0.0;
    double to = 0.0;
    QString error;
};
ParsedSweepRange parseSweepRange(const QString &text);

/// True when FROM and TO are finite and differ by at least a billionth of the larger of 1,
/// |FROM| and |TO|: a sweep narrower than that has no decimal step to show its frames with.
bool sweepRangeUsable(double from, double to);
/// What sweepRangeUsable refuses: "FROM and TO must differ …".
QString sweepRangeError();

/// Empty when 2 ≤ frames ≤ 1000; otherwise what is accepted.
QString sweepFramesError(qint64 frames);
/// Empty when 0.1 ≤ seconds ≤ 600; otherwise what is accepted.
QString sweepDurationError(double seconds);

/// Where in the sweep a frame or a moment is, from 0 (FROM) to 1 (TO).
/// Frame k of n: k/(n − 1) going once or looping, so that the last frame shows TO; bouncing,
/// 1 − |1 − 2k/n|, so that the file loops back to FROM without showing it twice.
double framePosition(int frame, int frames, SweepRepeat repeat);
/// After `seconds` of playing: the position, and whether a sweep played once has ended.
struct PlayPosition
{
    double position = 0.0;
    bool finished = false;
};
PlayPosition playPosition(double seconds, double duration, SweepRepeat repeat);

/// The decimal step the sweep's values are rounded to: the power of ten one below the leading
/// digit of a frame's step (between a hundredth and a tenth of it), so that legends show short
/// numbers ("α = 0.346") and the motion stays even to 10 %.
double sweepQuantum(const ParameterSweep &sweep);
/// The parameter at `position`: FROM and TO exactly at 0 and 1; between them the point
/// FROM + (TO − FROM)·position rounded to a multiple of `quantum` (the nearest double to that
/// decimal), kept between FROM and TO.
double sweepValue(const ParameterSweep &sweep, double position, double quantum);
/// The parameter of every frame of a file.
std::vector<double> frameValues(const ParameterSweep &sweep);
/// How long each frame shows, in ms: frame k ends at round(1000·duration·(k + 1)/frames), so
/// the file lasts the duration exactly (to the millisecond).
std::vector<int> frameDurationsMs(const ParameterSweep &sweep);

/// Empty when curve `curve` of `spec` may take every frame's value; else the first value
/// refused and why (a value the parameter does not accept, or one making two curves the same),
/// in the command line's words.
QString sweepSpecError(const PlotSpec &spec, int curve, const ParameterSweep &sweep);
/// The first frame value that curve `curve` of `spec` may not take, if any.
std::optional<double> firstRefusedValue(const PlotSpec &spec, int curve,
                                        const ParameterSweep &sweep);

} // namespace elu
