// SPDX-License-Identifier: MIT
#include "curvesampler.h"

#include "plotsampling.h"
#include "samplegrid.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace elu {

namespace {

constexpr std::size_t minimumEvaluationsForThread = 8192;

} // namespace

std::vector<double> samplingKeyPoints(const std::vector<Curve> &curves)
{
    std::vector<double> points;
    for (const Curve &curve : curves) {
        const Activation &row = curve.descriptor();
        if (const std::optional<Kink> kink = row.kink(curve.parameter))
            points.push_back(kink->x);
        for (const double x : row.criticalPoints(curve.parameter))
            points.push_back(x);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

void samplePlot(const PlotSpec &spec, double viewMin, double viewMax, int pixelColumns,
                PlotSamples &out)
{
    const SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    const std::vector<qint64> indices = plotSampleIndices(grid, viewMin, viewMax, pixelColumns,
                                                          samplingKeyPoints(spec.curves));
    out.x.resize(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i)
        out.x[i] = grid.x(indices[i]);
    const std::size_t curves = spec.curves.size();
    out.y.resize(curves);
    out.yp.resize(curves);
    // Each thread takes the next curve not yet taken: curves differ tenfold in cost (ReLU, GELU).
    std::atomic<std::size_t> next{0};
    auto evaluate = [&] {
        for (std::size_t c = next++; c < curves; c = next++) {
            const Curve &curve = spec.curves[c];
            const Activation &row = curve.descriptor();
            out.y[c].resize(indices.size());
            out.yp[c].resize(indices.size());
            for (std::size_t i = 0; i < indices.size(); ++i) {
                out.y[c][i] = row.value(out.x[i], curve.parameter);
                out.yp[c][i] = row.derivative(out.x[i], curve.parameter);
            }
        }
    };
    // Several curves at full resolution: a second thread halves a redraw's evaluation time on
    // two cores; a thread start (~50 µs) is not worth less work.
    std::thread helper;
    if (curves >= 2 && indices.size() * curves >= minimumEvaluationsForThread) {
        try {
            helper = std::thread(evaluate);
        } catch (const std::system_error &) {
            // No thread to be had: this one does all the curves.
        }
    }
    evaluate();
    if (helper.joinable())
        helper.join();
}

} // namespace elu
