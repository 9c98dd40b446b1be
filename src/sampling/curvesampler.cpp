// SPDX-License-Identifier: MIT
#include "curvesampler.h"

#include "plotsampling.h"
#include "samplegrid.h"

#include <algorithm>

namespace elu {

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
    out.y.resize(spec.curves.size());
    out.yp.resize(spec.curves.size());
    for (std::size_t c = 0; c < spec.curves.size(); ++c) {
        const Curve &curve = spec.curves[c];
        const Activation &row = curve.descriptor();
        out.y[c].resize(indices.size());
        out.yp[c].resize(indices.size());
        for (std::size_t i = 0; i < indices.size(); ++i) {
            out.y[c][i] = row.value(out.x[i], curve.parameter);
            out.yp[c][i] = row.derivative(out.x[i], curve.parameter);
        }
    }
}

} // namespace elu
