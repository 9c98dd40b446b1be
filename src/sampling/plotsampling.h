// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

namespace elu {

class SampleGrid;

/// Indices of the samples a plot needs to draw the polyline through all samples of `grid` as it
/// looks on `pixelColumns` columns showing x ∈ [viewMin, viewMax]. Every index is a real sample
/// (what you see is what you export). When the view holds at most 4 samples per column all are
/// returned; otherwise the first and last sample of each column and the two samples either side
/// of each of `keyPoints` (the kinks and the extrema of f and f′, see samplingKeyPoints): between
/// those every curve and its derivative are monotonic, so these keep each column's true minimum
/// and maximum. One sample beyond each edge of the view is included so lines reach the edges.
/// Sorted, without repeats; empty when the view misses the grid. O(pixelColumns + keyPoints).
std::vector<qint64> plotSampleIndices(const SampleGrid &grid, double viewMin, double viewMax,
                                      int pixelColumns, std::span<const double> keyPoints);

} // namespace elu
