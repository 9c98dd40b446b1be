// SPDX-License-Identifier: MIT
#pragma once

#include "curvesampler.h"
#include "session.h"

#include <QString>

#include <optional>
#include <vector>

namespace elu {

/// How far beyond the view, in view widths and heights, the figure's coordinates are clamped
/// (pgfplots' `restrict x/y to domain*`): far enough that the clamped segments never show,
/// near enough that TeX's dimensions (below 16384pt) hold the clamped canvas.
inline constexpr double texClampMargin = 4.0;

/// One line of a LaTeX figure: a run of sample indices into TexFigure::samples.
struct TexSegment
{
    std::vector<std::size_t> kept; ///< indices of the samples drawn, sorted
};

/// One visible curve of a LaTeX figure: its colours, legend text and drawn segments.
struct TexCurve
{
    std::size_t specIndex = 0;          ///< index in the session's curves
    std::size_t sampleIndex = 0;        ///< index in TexFigure::samples.y and .yp
    QString label;                      ///< curveLabels' name: the CSV column prefix
    quint32 valueRgb = 0;               ///< 0xRRGGBB of f
    quint32 derivativeRgb = 0;          ///< 0xRRGGBB of f′
    std::vector<TexSegment> value;      ///< f: one segment
    std::vector<TexSegment> derivative; ///< f′: two when it jumps at the kink
    std::optional<Kink> kink;           ///< marked when within the spec's range
};

/// One axis: its ranges.
struct TexPanel
{
    double xLower = 0, xUpper = 1, yLower = 0, yUpper = 1;
};

/// What a LaTeX figure draws, computed from a session: the samples the figure would draw at its
/// size, per visible curve the simplified segments, and the axes' ranges. `single` is one
/// visible curve in the default colours: its legend names f and f′ (blue and vermillion).
struct TexFigure
{
    PlotSamples samples;
    std::vector<TexCurve> curves;
    bool single = false;
    bool stacked = false;
    TexPanel values;      ///< the f panel, or the one panel of the overlaid layout
    TexPanel derivatives; ///< the f′ panel of the stacked layout
    std::optional<std::size_t> labelledCurve; ///< index in `curves` of the selected curve
};

/// Lays out `session`'s figure: samplePlot of the visible curves with one column per pt of the
/// figure's width, ranges as the window fits them (the data's range padded 5%; stacked panels
/// each fit their own) or the view's, and each line simplified in pt at `tolerancePt`.
TexFigure layOutTexFigure(const Session &session, double tolerancePt);

} // namespace elu
