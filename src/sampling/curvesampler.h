// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <vector>

namespace elu {

/// What a plot draws: the chosen samples' x and, per curve, f and f′ there.
struct PlotSamples
{
    std::vector<double> x;
    std::vector<std::vector<double>> y;  ///< y[curve][sample]
    std::vector<std::vector<double>> yp; ///< yp[curve][sample]
};

/// The x of every kink and every local extremum of f and f′ of `curves`, sorted, without
/// repeats: the points plot sampling keeps the neighbours of.
std::vector<double> samplingKeyPoints(const std::vector<Curve> &curves);

/// Chooses the samples of `spec`'s grid a plot of `pixelColumns` columns over [viewMin, viewMax]
/// draws (plotSampleIndices with the curves' key points) and evaluates every curve there.
/// Every value is an exported sample's. `out` keeps its capacity from call to call.
void samplePlot(const PlotSpec &spec, double viewMin, double viewMax, int pixelColumns,
                PlotSamples &out);

} // namespace elu
