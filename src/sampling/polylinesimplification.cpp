// SPDX-License-Identifier: MIT
#include "polylinesimplification.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace elu {

namespace {

// Squared distance from (px, py) to the segment (ax, ay)–(bx, by).
double squaredDistanceToSegment(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSquared : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = ax + t * dx - px, ey = ay + t * dy - py;
    return ex * ex + ey * ey;
}

} // namespace

std::vector<std::size_t> simplifyPolyline(const std::vector<double> &xs,
                                          const std::vector<double> &ys, double tolerance)
{
    const std::size_t count = std::min(xs.size(), ys.size());
    std::vector<std::size_t> kept;
    if (count <= 2) {
        for (std::size_t i = 0; i < count; ++i)
            kept.push_back(i);
        return kept;
    }
    std::vector<bool> keep(count, false);
    keep.front() = keep.back() = true;
    const double limit = tolerance * tolerance;
    // An explicit stack: recursion depth could reach the vertex count on adversarial input.
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, count - 1}};
    while (!spans.empty()) {
        const auto [first, last] = spans.back();
        spans.pop_back();
        double farthest = -1.0;
        std::size_t farthestIndex = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const double d =
                squaredDistanceToSegment(xs[i], ys[i], xs[first], ys[first], xs[last], ys[last]);
            if (d > farthest) {
                farthest = d;
                farthestIndex = i;
            }
        }
        if (farthest > limit) {
            keep[farthestIndex] = true;
            spans.emplace_back(first, farthestIndex);
            spans.emplace_back(farthestIndex, last);
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (keep[i])
            kept.push_back(i);
    }
    return kept;
}

} // namespace elu
