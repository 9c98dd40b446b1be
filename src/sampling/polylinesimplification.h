// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace elu {

/// Which vertices of the polyline (xs[i], ys[i]) to keep so that every dropped vertex lies within
/// `tolerance` of the polyline through the kept ones (Douglas–Peucker, distance to the segment).
/// Coordinates are in pixels, so a tolerance below one pixel changes nothing a reader can see,
/// while a straight run of thousands of samples becomes one segment. The first and last vertex
/// are always kept; the result is sorted.
std::vector<std::size_t> simplifyPolyline(const std::vector<double> &xs,
                                          const std::vector<double> &ys, double tolerance);

} // namespace elu
