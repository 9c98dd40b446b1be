// SPDX-License-Identifier: MIT
#include "momentssweep.h"

#include "catalogue.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace {

// The smallest of 1, 2, 5 × 10^k at or above `value` (> 0).
double roundUp(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= value)
            return factor * magnitude;
    }
    return 10.0 * magnitude;
}

// The largest of 1, 2, 5 × 10^k at or below `value` (> 0).
double roundDown(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double factor : {5.0, 2.0, 1.0}) {
        if (factor * magnitude <= value)
            return factor * magnitude;
    }
    return magnitude;
}

} // namespace

SweepRange sweepRange(const elu::Curve &curve)
{
    using Id = elu::ActivationId;
    const elu::ActivationParameter &p = *curve.descriptor().parameter;
    SweepRange range;
    switch (curve.activation) {
    case Id::Elu:
        range = {0.0, 3.0};
        break;
    case Id::Celu:
        range = {0.05, 3.0};
        break;
    case Id::LeakyRelu:
        range = {0.0, 1.0};
        break;
    case Id::Softplus:
        range = {0.5, 5.0};
        break;
    default:
        range = {p.min, std::min(p.max, 3.0 * p.defaultValue)};
        break;
    }
    const double value = curve.parameter;
    if (value > range.hi)
        range.hi = std::min(p.max, roundUp(value * 1.1));
    if (value < range.lo && value > 0.0)
        range.lo = roundDown(value);
    else if (value < range.lo)
        range.lo = value;
    return range;
}

int sweepPoints(elu::ActivationId activation)
{
    using Id = elu::ActivationId;
    switch (activation) {
    case Id::Relu:
    case Id::LeakyRelu:
    case Id::Elu:
    case Id::Celu:
    case Id::Selu:
        return 121;
    default:
        return 41;
    }
}

MomentsPlot::Series sweepSeries(elu::ActivationId activation, const SweepRange &range,
                                const elu::GaussianInput &input, int points)
{
    const elu::Activation &row = elu::catalogue()[std::size_t(activation)];
    MomentsPlot::Series series;
    if (row.parameter)
        series.parameterSymbol = QCoreApplication::translate("MomentsPlot", "%1's %2")
                                     .arg(row.displayName, row.parameter->symbol);
    points = std::max(points, 2);
    series.parameters.reserve(std::size_t(points));
    series.means.reserve(std::size_t(points));
    series.variances.reserve(std::size_t(points));
    for (int i = 0; i < points; ++i) {
        // The ends exactly, as the sampling grid does.
        const double t = double(i) / (points - 1);
        const double parameter = i == points - 1 ? range.hi : range.lo + t * (range.hi - range.lo);
        const elu::Moments m = elu::gaussianMoments({activation, parameter}, input);
        series.parameters.push_back(parameter);
        series.means.push_back(m.mean);
        series.variances.push_back(m.variance);
    }
    return series;
}

std::vector<LayerStep> seluLayers(const elu::GaussianInput &input, int layers)
{
    std::vector<LayerStep> steps;
    elu::GaussianInput next = input;
    for (int layer = 0; layer < layers; ++layer) {
        if (!elu::gaussianInputError(next.mu, next.sigma).isEmpty())
            break;
        const elu::Moments m = elu::gaussianMoments({elu::ActivationId::Selu, 0.0}, next);
        steps.push_back({m.mean, m.variance});
        next = {m.mean, std::sqrt(m.variance)};
    }
    return steps;
}
