// SPDX-License-Identifier: MIT
#include "texfigure.h"

#include "datawriter.h"
#include "palette.h"
#include "polylinesimplification.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace elu {

namespace {

constexpr double viewPadding = 0.05; // as the window: 5% of the data's height each side

// The window's fittedRange (ui/plotview.cpp): the values' range padded 5%, [−1, 1] for none.
void fit(TexPanel &panel, const std::vector<const std::vector<double> *> &series)
{
    double lower = std::numeric_limits<double>::infinity();
    double upper = -lower;
    for (const std::vector<double> *values : series) {
        for (double v : *values) {
            if (!std::isfinite(v))
                continue;
            lower = std::min(lower, v);
            upper = std::max(upper, v);
        }
    }
    if (!(lower <= upper)) {
        lower = -1;
        upper = 1;
    }
    const double padding =
        std::max((upper - lower) * viewPadding, 1e-9 * std::max(1.0, std::abs(upper)));
    panel.yLower = lower - padding;
    panel.yUpper = upper + padding;
}

// The samples of `run` that the polyline through them, in pt, needs, appended to `kept`.
void simplifyRun(const PlotSamples &samples, const std::vector<double> &values,
                 const std::vector<std::size_t> &run, double xScale, double yScale,
                 double tolerancePt, std::vector<std::size_t> &kept)
{
    std::vector<double> xs(run.size()), ys(run.size());
    for (std::size_t i = 0; i < run.size(); ++i) {
        xs[i] = samples.x[run[i]] * xScale;
        ys[i] = values[run[i]] * yScale;
    }
    if (std::isfinite(xScale) && std::isfinite(yScale) && yScale > 0) {
        for (std::size_t k : simplifyPolyline(xs, ys, tolerancePt))
            kept.push_back(run[k]);
    } else {
        kept.insert(kept.end(), run.begin(), run.end());
    }
}

bool inBand(double x, double y, const TexPanel &panel)
{
    const double xMargin = texClampMargin * (panel.xUpper - panel.xLower);
    const double yMargin = texClampMargin * (panel.yUpper - panel.yLower);
    return x >= panel.xLower - xMargin && x <= panel.xUpper + xMargin && y >= panel.yLower - yMargin
           && y <= panel.yUpper + yMargin;
}

// The samples of `indices` that the polyline through them, in pt, needs. Both samples either
// side of every crossing of the clamp band (texClampMargin) are kept, so the segments TeX
// clamps are one sample step long and draw as the exact line does within the view.
TexSegment simplified(const PlotSamples &samples, const std::vector<double> &values,
                      const std::vector<std::size_t> &indices, double xScale, double yScale,
                      double tolerancePt, const TexPanel &panel)
{
    TexSegment segment;
    std::vector<std::size_t> run;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        const std::size_t i = indices[k];
        const bool inside = inBand(samples.x[i], values[i], panel);
        if (!run.empty() && inside != inBand(samples.x[run.back()], values[run.back()], panel)) {
            simplifyRun(samples, values, run, xScale, yScale, tolerancePt, segment.kept);
            run.clear();
        }
        run.push_back(i);
    }
    if (!run.empty())
        simplifyRun(samples, values, run, xScale, yScale, tolerancePt, segment.kept);
    return segment;
}

} // namespace

TexFigure layOutTexFigure(const Session &session, double tolerancePt)
{
    TexFigure figure;
    figure.stacked = session.layout == PlotLayout::Stacked;

    PlotSpec visible = session.spec;
    visible.curves.clear();
    const std::vector<QString> labels = curveLabels(session.spec.curves);
    std::vector<std::size_t> specIndices;
    for (std::size_t c = 0; c < session.spec.curves.size(); ++c) {
        if (c < session.appearance.size() && !session.appearance[c].visible)
            continue;
        visible.curves.push_back(session.spec.curves[c]);
        specIndices.push_back(c);
    }
    figure.single =
        specIndices.size() == 1 && !session.appearance[specIndices.front()].customRgb.has_value();

    const ViewRange &view = session.view;
    TexPanel &values = figure.values;
    values.xLower = view.fitsData ? session.spec.xmin : view.xLower;
    values.xUpper = view.fitsData ? session.spec.xmax : view.xUpper;
    values.yLower = view.yLower;
    values.yUpper = view.yUpper;
    const int columns = std::max(1, session.figure.width);
    if (!visible.curves.empty())
        samplePlot(visible, values.xLower, values.xUpper, columns, figure.samples);

    std::vector<const std::vector<double> *> fs, fps;
    for (const std::vector<double> &y : figure.samples.y)
        fs.push_back(&y);
    for (const std::vector<double> &yp : figure.samples.yp)
        fps.push_back(&yp);
    figure.derivatives = values;
    if (figure.stacked) {
        fit(values, fs);
        fit(figure.derivatives, fps);
    } else if (view.fitsData) {
        std::vector<const std::vector<double> *> both = fs;
        both.insert(both.end(), fps.begin(), fps.end());
        fit(values, both);
        figure.derivatives = values;
    }

    const double panelHeight = figure.stacked ? session.figure.height / 2.0 : session.figure.height;
    const double xScale = columns / (values.xUpper - values.xLower);
    const double yScale = panelHeight / (values.yUpper - values.yLower);
    const double ypScale = panelHeight / (figure.derivatives.yUpper - figure.derivatives.yLower);
    const std::size_t count = figure.samples.x.size();
    std::vector<std::size_t> all(count);
    for (std::size_t i = 0; i < count; ++i)
        all[i] = i;

    for (std::size_t v = 0; v < specIndices.size(); ++v) {
        const std::size_t c = specIndices[v];
        const Curve &curve = session.spec.curves[c];
        const CurveAppearance &look = session.appearance[c];
        TexCurve out;
        out.specIndex = c;
        out.sampleIndex = v;
        out.label = labels[c];
        if (figure.single) {
            out.valueRgb = palette::blue;
            out.derivativeRgb = palette::vermillion;
        } else {
            out.valueRgb = out.derivativeRgb =
                look.customRgb ? *look.customRgb : palette::lightCurveColour(look.colourSlot);
        }
        out.value.push_back(simplified(figure.samples, figure.samples.y[v], all, xScale, yScale,
                                       tolerancePt, values));
        const std::optional<Kink> kink = curve.descriptor().kink(curve.parameter);
        if (kink && !kink->derivativeContinuous()) {
            // f′ jumps: the line is broken there, the kink's own sample on the left (autograd's).
            std::vector<std::size_t> left, right;
            for (std::size_t i = 0; i < count; ++i)
                (figure.samples.x[i] <= kink->x ? left : right).push_back(i);
            for (const std::vector<std::size_t> *side : {&left, &right}) {
                if (!side->empty())
                    out.derivative.push_back(simplified(figure.samples, figure.samples.yp[v], *side,
                                                        xScale, ypScale, tolerancePt,
                                                        figure.derivatives));
            }
        } else {
            out.derivative.push_back(simplified(figure.samples, figure.samples.yp[v], all, xScale,
                                                ypScale, tolerancePt, figure.derivatives));
        }
        if (kink && kink->x >= session.spec.xmin && kink->x <= session.spec.xmax)
            out.kink = kink;
        if (int(c) == session.selectedCurve)
            figure.labelledCurve = figure.curves.size();
        figure.curves.push_back(std::move(out));
    }
    return figure;
}

} // namespace elu
