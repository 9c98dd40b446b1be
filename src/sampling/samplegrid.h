// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <cmath>

namespace elu {

/// N evenly spaced points of [xmin, xmax]: x(0) is xmin and x(N − 1) is xmax, bit for bit (a
/// zero end keeps its sign), and x never decreases with the index (std::lerp in between is
/// monotonic and never overflows, even for xmin = −1e308, xmax = 1e308). Points closer than a
/// double can resolve repeat. Requires a valid range and N ≥ 2.
class SampleGrid
{
public:
    SampleGrid(double xmin, double xmax, qint64 count) noexcept
        : m_xmin(xmin)
        , m_xmax(xmax)
        , m_count(count)
        , m_lastIndex(static_cast<double>(count - 1))
    {
    }

    qint64 count() const noexcept { return m_count; }
    double xmin() const noexcept { return m_xmin; }
    double xmax() const noexcept { return m_xmax; }

    /// The x of sample `index`, 0 ≤ index < count().
    double x(qint64 index) const noexcept
    {
        // The ends are returned as given: std::lerp(−0, 1, 0) is +0.
        if (index == 0)
            return m_xmin;
        if (index == m_count - 1)
            return m_xmax;
        return std::lerp(m_xmin, m_xmax, static_cast<double>(index) / m_lastIndex);
    }

    /// The largest index whose x ≤ value: −1 when value < xmin, count() − 1 when value ≥ xmax.
    qint64 lastIndexAtOrBelow(double value) const noexcept;

private:
    double m_xmin;
    double m_xmax;
    qint64 m_count;
    double m_lastIndex;
};

} // namespace elu
