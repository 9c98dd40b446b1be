// SPDX-License-Identifier: MIT
#include "samplegrid.h"

namespace elu {

qint64 SampleGrid::lastIndexAtOrBelow(double value) const noexcept
{
    if (std::isnan(value) || value < m_xmin)
        return -1;
    if (value >= m_xmax)
        return m_count - 1;
    // long double keeps (value − xmin) from overflowing for ranges near ±DBL_MAX; the estimate
    // is then corrected against the exact sample positions.
    const long double fraction =
        (static_cast<long double>(value) - m_xmin) / (static_cast<long double>(m_xmax) - m_xmin);
    qint64 index = static_cast<qint64>(fraction * m_lastIndex);
    index = qBound<qint64>(0, index, m_count - 1);
    while (index + 1 < m_count && x(index + 1) <= value)
        ++index;
    while (index > 0 && x(index) > value)
        --index;
    return index;
}

} // namespace elu
