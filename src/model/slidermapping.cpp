// SPDX-License-Identifier: MIT
#include "slidermapping.h"

#include <algorithm>
#include <cmath>

namespace elu {

SliderMapping::SliderMapping(double min, double max, int steps, double resolution, Shape shape,
                             bool minExcluded) noexcept
    : m_min(min)
    , m_lowest(minExcluded ? min + resolution : min)
    , m_max(max)
    , m_steps(steps)
    , m_resolution(resolution)
    , m_shape(shape)
{
}

double SliderMapping::valueAt(int position) const noexcept
{
    if (position <= 0)
        return m_lowest;
    if (position >= m_steps)
        return m_max;
    double fraction = double(position) / m_steps;
    if (m_shape == Shape::Quadratic)
        fraction *= fraction;
    const double raw = m_min + fraction * (m_max - m_min);
    // round(raw · k) / k is the double nearest a multiple of the resolution (0.57, not the
    // 0.5700000000000001 that round(raw / 0.01) · 0.01 gives).
    const double perUnit = std::round(1.0 / m_resolution);
    return std::clamp(std::round(raw * perUnit) / perUnit, m_lowest, m_max);
}

double SliderMapping::fractionOf(double value) const noexcept
{
    const double linear = (value - m_min) / (m_max - m_min);
    return m_shape == Shape::Quadratic ? std::sqrt(linear) : linear;
}

int SliderMapping::positionOf(double value) const noexcept
{
    if (std::isnan(value) || value <= m_lowest)
        return 0;
    if (value >= m_max)
        return m_steps;
    int position = int(std::lround(fractionOf(value) * m_steps));
    // Rounding to the resolution can make neighbours share a value; settle on the nearest one.
    auto distance = [&](int p) { return std::abs(valueAt(p) - value); };
    while (position > 0 && distance(position - 1) < distance(position))
        --position;
    while (position < m_steps && distance(position + 1) < distance(position))
        ++position;
    return position;
}

SliderMapping SliderMapping::alpha() noexcept
{
    // 1e-4 is finer than the quadratic's first step (100 · (1/1000)²), so no two positions
    // share a value.
    return {0.0, 100.0, 1000, 0.0001, Shape::Quadratic};
}

SliderMapping SliderMapping::rangeEnd() noexcept
{
    return {-10.0, 10.0, 2000, 0.01, Shape::Linear};
}

} // namespace elu
