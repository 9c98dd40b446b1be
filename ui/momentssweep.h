// SPDX-License-Identifier: MIT
#pragma once

#include "gaussianmoments.h"
#include "momentsplot.h"
#include "plotspec.h"

#include <vector>

/// The parameter interval the statistics panel plots the moments over: α from 0 to 3 for ELU
/// (0.05 to 3 for CELU, whose α must be positive), s from 0 to 1 for Leaky ReLU, β from 0.5 to 5
/// for Softplus; widened to include the curve's own value when it lies outside, to a round
/// bound (1, 2 or 5 times a power of ten) so that a drag rarely changes it.
/// `curve`'s activation must have a parameter.
struct SweepRange
{
    double lo = 0.0;
    double hi = 1.0;

    friend bool operator==(const SweepRange &, const SweepRange &) = default;
};
SweepRange sweepRange(const elu::Curve &curve);

/// E[f(X)] and Var[f(X)] at `points` evenly spaced parameter values over `range` (both ends
/// included), for `activation` and `input`; values the activation refuses are NaN.
MomentsPlot::Series sweepSeries(elu::ActivationId activation, const SweepRange &range,
                                const elu::GaussianInput &input, int points);

/// How many points sweepSeries takes for `activation`: fewer for the activations computed by
/// quadrature (about 0.1 ms a point) than for the closed forms (a few µs), so that a drag of μ
/// or σ stays within a frame.
int sweepPoints(elu::ActivationId activation);

/// One layer of SELU's (mean, variance) map: the input of a layer and what comes out.
struct LayerStep
{
    double mean = 0.0;
    double variance = 1.0;
};

/// The (mean, variance) of SELU(X) fed back `layers` times from X ~ N(μ, σ²): step k is the
/// output of layer k + 1, whose input is N(mean, variance) of step k − 1. Stops early when a
/// step leaves the accepted input (σ below 0.001 or above 10, |μ| above 10).
std::vector<LayerStep> seluLayers(const elu::GaussianInput &input, int layers);
