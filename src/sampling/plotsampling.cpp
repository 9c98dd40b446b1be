// SPDX-License-Identifier: MIT
#include "plotsampling.h"

#include "samplegrid.h"

#include <algorithm>

namespace elu {

std::vector<qint64> plotSampleIndices(const SampleGrid &grid, double viewMin, double viewMax,
                                      int pixelColumns, std::span<const double> keyPoints)
{
    std::vector<qint64> indices;
    if (!(viewMin < viewMax) || viewMax < grid.xmin() || viewMin > grid.xmax())
        return indices;
    const qint64 first = std::max<qint64>(0, grid.lastIndexAtOrBelow(viewMin));
    const qint64 last = std::min(grid.count() - 1, grid.lastIndexAtOrBelow(viewMax) + 1);
    const int columns = std::max(1, pixelColumns);

    if (last - first + 1 <= 4 * qint64(columns)) {
        indices.resize(static_cast<std::size_t>(last - first + 1));
        for (std::size_t i = 0; i < indices.size(); ++i)
            indices[i] = first + static_cast<qint64>(i);
        return indices;
    }

    indices.reserve(2 * std::size_t(columns) + 2 * keyPoints.size() + 4);
    indices.push_back(first);
    indices.push_back(first + 1); // first sample in view when `first` lies beyond the edge
    const double columnWidth = (viewMax - viewMin) / columns;
    for (int column = 1; column < columns; ++column) {
        const qint64 boundary = grid.lastIndexAtOrBelow(viewMin + column * columnWidth);
        indices.push_back(boundary);     // last sample of the column on the left
        indices.push_back(boundary + 1); // first sample of the column on the right
    }
    for (const double keyPoint : keyPoints) {
        const qint64 lastAtOrBelow = grid.lastIndexAtOrBelow(keyPoint);
        indices.push_back(lastAtOrBelow);
        indices.push_back(lastAtOrBelow + 1);
    }
    indices.push_back(last - 1); // last sample in view when `last` lies beyond the edge
    indices.push_back(last);

    std::erase_if(indices, [&](qint64 index) { return index < first || index > last; });
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    return indices;
}

} // namespace elu
