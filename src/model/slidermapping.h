// SPDX-License-Identifier: MIT
#pragma once

namespace elu {

/// Maps an integer slider position in [0, steps] to a value in [min, max] and back.
/// Quadratic mappings give small values more of the slider (α from 0 to 1 gets a tenth of a
/// 0-to-100 slider). Values are rounded to `resolution` so dragging gives tidy numbers.
class SliderMapping
{
public:
    enum class Shape { Linear, Quadratic };

    /// With `minExcluded` the slider never gives `min` itself: its lowest value is
    /// min + resolution (for parameters accepted in (0, 100]).
    SliderMapping(double min, double max, int steps, double resolution, Shape shape,
                  bool minExcluded = false) noexcept;

    int steps() const noexcept { return m_steps; }
    double min() const noexcept { return m_min; }
    double max() const noexcept { return m_max; }

    /// The value at `position`, clamped to [0, steps]; exact min (or min + resolution when min is
    /// excluded) at 0 and max at steps.
    double valueAt(int position) const noexcept;

    /// The position whose value is nearest `value`; values outside [min, max] (and NaN, which
    /// goes to 0) pin the slider to an end. positionOf(valueAt(p)) == p for every p.
    int positionOf(double value) const noexcept;

    /// α: 0 to 100 on 1000 steps, quadratic, to 0.0001 (α = 1 at position 100).
    static SliderMapping alpha() noexcept;
    /// xmin and xmax: −10 to 10 on 2000 steps, linear, to 0.01.
    static SliderMapping rangeEnd() noexcept;

private:
    double fractionOf(double value) const noexcept;

    double m_min;
    double m_lowest; ///< the value at position 0
    double m_max;
    int m_steps;
    double m_resolution;
    Shape m_shape;
};

} // namespace elu
