// SPDX-License-Identifier: MIT
#include "polylineclipping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace elu {

namespace {

struct Rect
{
    double xLower, xUpper, yLower, yUpper;
};

// Liang–Barsky: the parameter interval [t0, t1] of the segment a→b inside the rectangle,
// or false when the segment misses it.
bool clipSegment(double ax, double ay, double bx, double by, const Rect &r, double &t0, double &t1)
{
    t0 = 0.0;
    t1 = 1.0;
    const double dx = bx - ax, dy = by - ay;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - r.xLower, r.xUpper - ax, ay - r.yLower, r.yUpper - ay};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

class Builder
{
public:
    void add(double x, double y)
    {
        if (!m_out.xs.empty() && m_out.xs.back() == x && m_out.ys.back() == y)
            return;
        m_out.xs.push_back(x);
        m_out.ys.push_back(y);
    }
    void gap()
    {
        if (!m_out.ys.empty() && !std::isnan(m_out.ys.back())) {
            m_out.xs.push_back(m_out.xs.back());
            m_out.ys.push_back(std::numeric_limits<double>::quiet_NaN());
        }
    }
    ClippedPolyline take() { return std::move(m_out); }

private:
    ClippedPolyline m_out;
};

} // namespace

ClippedPolyline clipPolyline(const std::vector<double> &xs, const std::vector<double> &ys,
                             double xLower, double xUpper, double yLower, double yUpper)
{
    const Rect rect{xLower, xUpper, yLower, yUpper};
    const std::size_t count = std::min(xs.size(), ys.size());
    Builder out;
    if (count == 1 && xs[0] >= xLower && xs[0] <= xUpper && ys[0] >= yLower && ys[0] <= yUpper)
        out.add(xs[0], ys[0]);
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const double ax = xs[i], ay = ys[i], bx = xs[i + 1], by = ys[i + 1];
        if (std::isnan(ay) || std::isnan(by)) {
            out.gap();
            continue;
        }
        double t0 = 0.0, t1 = 1.0;
        if (!clipSegment(ax, ay, bx, by, rect, t0, t1)) {
            out.gap();
            continue;
        }
        // Exact vertices where the segment is not cut, interpolated crossings where it is.
        if (t0 > 0.0)
            out.gap();
        out.add(t0 > 0.0 ? ax + t0 * (bx - ax) : ax, t0 > 0.0 ? ay + t0 * (by - ay) : ay);
        out.add(t1 < 1.0 ? ax + t1 * (bx - ax) : bx, t1 < 1.0 ? ay + t1 * (by - ay) : by);
        if (t1 < 1.0)
            out.gap();
    }
    return out.take();
}

} // namespace elu
