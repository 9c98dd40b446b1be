// SPDX-License-Identifier: MIT
#pragma once

#include "gaussianmoments.h"
#include "plotspec.h"
#include "writeerror.h"

#include <QByteArray>
#include <QString>

#include <vector>

class QIODevice;

namespace elu {

/// One curve's row of the statistics: the curve and its four moments under the input.
struct CurveMoments
{
    Curve curve;
    Moments moments;
};

/// gaussianMoments of every curve, in order, for `input`.
std::vector<CurveMoments> curveMoments(const std::vector<Curve> &curves,
                                       const GaussianInput &input);

/// The statistics JSON of `--stats` and the window's Export statistics… (UTF-8, RFC 8259):
///
///     {
///       "mu": 0,
///       "sigma": 1,
///       "curves": [
///         {"activation": "elu", "alpha": 1, "mean": 0.16..., "variance": 0.65...,
///          "mean_derivative": 0.75..., "mean_derivative_squared": 0.65...},
///         {"activation": "relu", "mean": ..., ...}
///       ],
///       "generator": "elu-explorer 1.0.0"
///     }
///
/// One object per row, in order: "activation" (the catalogue id), the parameter under its
/// keyword ("alpha", "negative_slope", "beta"; absent for activations without one), then
/// E[f(X)], Var[f(X)], E[f′(X)] and E[f′(X)²]. Numbers are in shortest round-trip form (−0.0 as
/// "-0.0"). A moment that is not finite (a mean above the double range: softplus with β below
/// about 4·10⁻³⁰⁹) is written `null`: the file never holds NaN or Infinity. Ends with a newline.
/// `input` should be accepted by gaussianInputError; the values are written whatever they are.
QByteArray statisticsJson(const GaussianInput &input, const std::vector<CurveMoments> &rows);

/// statisticsJson of curveMoments(curves, input).
QByteArray statisticsJson(const GaussianInput &input, const std::vector<Curve> &curves);

/// Writes statisticsJson(input, curves) at `path` completely or not at all
/// (writeFileAtomically: a terminal, a FIFO or /dev/stdout is written directly). An input that
/// gaussianInputError refuses is refused without touching the file.
WriteResult saveStatistics(const QString &path, const GaussianInput &input,
                           const std::vector<Curve> &curves);

} // namespace elu
