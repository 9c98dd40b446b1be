// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace elu {

/// The parts of the polyline (xs[i], ys[i]) inside the rectangle [xLower, xUpper] × [yLower,
/// yUpper], as one vertex list in which a NaN y separates the pieces where the line leaves the
/// rectangle and comes back. Vertices inside are kept as they are; a segment that crosses the
/// border gains the crossing point. x stays non-decreasing when it was. NaN y in the input
/// (a deliberate gap) is passed through.
struct ClippedPolyline
{
    std::vector<double> xs, ys;
};
ClippedPolyline clipPolyline(const std::vector<double> &xs, const std::vector<double> &ys,
                             double xLower, double xUpper, double yLower, double yUpper);

} // namespace elu
